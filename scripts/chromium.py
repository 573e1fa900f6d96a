"""Launching Debian's Chromium with Playwright, and waiting for a Streamlit app to settle."""
from __future__ import annotations

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# How long a test waits for a state the page must reach before it fails (ms). Generous: on a loaded 2-core
# machine a state may take long to come; one that never comes fails all the same.
WAIT = 90_000

# Put in every page before the app loads (Browser below). It notes each rerun the page asks the server for
# (a BackMsg whose first field is rerun_script, field 11: first byte 0x5A = 90; heartbeats and uploads' URL
# requests are other fields), and reads the top-level fields of what the server sends back: new_session
# (field 4) starts a run, script_finished (field 6, a status; 2 = stopped for a rerun, another follows)
# ends it. A rerun asked for is answered once a run has started after it and has ended. The app's
# data-test-script-state alone cannot say this: a short run's "running" may never reach the page.
RUNS = """(() => {
  const st = window.__stRuns = {asked: 0, finished: 0, pending: null};
  const varint = (b, at) => { let v = 0, s = 0, c; do { c = b[at.i++]; v += (c & 127) * 2 ** s; s += 7; } while (c & 128); return v; };
  const read = (data) => {
    if (!(data instanceof ArrayBuffer)) return;
    const b = new Uint8Array(data), at = {i: 0};
    while (at.i < b.length) {
      const tag = varint(b, at), field = Math.floor(tag / 8), wire = tag & 7;
      let value = null;
      if (wire === 0) value = varint(b, at);
      else if (wire === 2) { const n = varint(b, at); at.i += n; }
      else if (wire === 1) at.i += 8;
      else if (wire === 5) at.i += 4;
      else return;
      if (field === 4 && st.pending) st.pending.started = true;
      if (field === 6 && value !== 2) { st.finished++; if (st.pending && st.pending.started) st.pending = null; }
    }
  };
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (!this.__heard) { this.__heard = true; this.addEventListener('message', e => read(e.data)); }
    const first = data instanceof ArrayBuffer ? new Uint8Array(data)[0] : ArrayBuffer.isView(data) ?
      new Uint8Array(data.buffer, data.byteOffset, 1)[0] : -1;
    if (first === 90) { st.asked++; st.pending = {started: false}; }
    return send.call(this, data);
  };
})()"""
# ... and every live box on the page has drawn the text it holds (a box draws in the browser, after the
# run that sent it: a click aimed below a box that is still to draw its maps would land on what they push down).
BOXES = ("[...document.querySelectorAll('.lb-root')].every(r => r.__view && !r.__view.pending && "
         "r.dataset.drawn && r.dataset.text === r.__view.chars().join(''))")
SETTLED = (f"() => !!document.querySelector(\"{IDLE}\") && (!window.__stRuns || window.__stRuns.pending === null) && "
           + BOXES)
FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


class Browser:
    """Playwright's browser, whose pages (new_page, or new_context's) all carry RUNS."""

    def __init__(self, browser):
        self._browser = browser

    def new_page(self, **kwargs):
        page = self._browser.new_page(**kwargs)
        page.add_init_script(RUNS)
        page.set_default_timeout(WAIT)
        return page

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        context.add_init_script(RUNS)
        context.set_default_timeout(WAIT)
        return context

    def __getattr__(self, name):
        return getattr(self._browser, name)


def launch(playwright) -> Browser:
    return Browser(playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True))


def settle(page, timeout: float = WAIT) -> None:
    """Wait until every rerun the page has asked for has run and the app is idle."""
    page.wait_for_function(SETTLED, timeout=timeout, polling="raf")
    page.evaluate(FRAMES)        # what the last run sent, drawn
