"""What a key costs the student's device: the live box's work per key, measured in headless Chromium.

    python -m benchmarks.browser_cost [--pages overview,forget,bilstm] [--chars 200,500] [--rates 1,4] [--keys 30]

For each page, text length and CPU throttling rate (Chrome's Emulation.setCPUThrottlingRate: 4 is a cheap
school Chromebook or an old phone), types into the box as a student does and prints:
- key → drawn: in the page, from the key's input event until every map, the guesses and the text as read
  are drawn and the frame that shows them is made (a task posted once the box has drawn runs after that
  frame's style, layout and paint): median and p95 over --keys keys typed 150 ms apart (a letter, then
  Backspace, so the length stays put); "frame begun": the median wait from the key until that frame began
  (Chromium's frames come on its own clock, 60 a second: up to 16.7 ms with no work of ours at all);
- main ms/key: the tab's main-thread task time (Chrome's Performance.getMetrics) over those keys, per key;
- CPU ms/key: the CPU time of every Chromium process (the tab's renderer, the browser, the GPU process's
  software compositing) over the same keys, per key (the second after them, when the server hears the
  text, included);
- heard: main-thread ms after a pause, when the server has heard the text and the page has taken its run
  (from once the key is drawn until 300 ms after the run ended, or on the overview, which hears without a run,
  after the address bar holds the text), median over 5 keys each followed by a pause; beside it, the same
  waits as long with no key (Streamlit's timers, the caret, this benchmark's own waits), and the difference:
  what the pause costs.
The throttled rows slow the tab's main thread only; the CPU column is then not the device's.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.classroom import TEXT, WAITS  # noqa: E402
from benchmarks.keystroke import own_chromium, serve  # noqa: E402
from scripts.chromium import launch, settle  # noqa: E402

# In the page: each input event's time, and when the frame after the box's next draw was made.
PROBE = """(() => {
  const seen = window.__keys = [], begun = window.__frames = [];
  let waiting = [];
  document.addEventListener("input", (e) => {
    waiting.push(e.timeStamp);
    requestAnimationFrame(() => begun.push(performance.now() - e.timeStamp));   // before the box's: it listens later
  }, true);
  const done = () => {
    const now = performance.now();
    for (const t0 of waiting) seen.push(now - t0);
    waiting = [];
  };
  const root = document.querySelector(".lb-root");
  new MutationObserver(() => {
    if (!waiting.length) return;
    const channel = new MessageChannel();   // a task: runs once this frame's rendering is done
    channel.port1.onmessage = done;
    channel.port2.postMessage(0);
  }).observe(root, { attributes: true, attributeFilter: ["data-drawn"] });
})()"""
PACE_MS = 150
FRAME = "() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))"


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q / 100 * (len(xs) - 1)))] if xs else float("nan")


def measure(browser, url: str, page_name: str, chars: int, rate: float, keys: int) -> dict:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.context.add_init_script(WAITS)
    until = lambda name, want: page.evaluate("([n, w]) => window.__until(n, w, 120000)", [name, want])  # noqa: E731
    text = (TEXT * 8)[:chars - 1]   # a letter makes it `chars` long, Backspace one less (the box reads 500 at most)
    page.goto(f"{url}/{page_name}?" + urllib.parse.urlencode({"text": text}))
    until("drawn", text)
    settle(page, 60_000)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})

    def main_ms() -> float:
        return 1000 * next(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "TaskDuration")

    box = page.get_by_test_id("live-text")
    box.click()
    box.press("End")
    page.evaluate(PROBE)
    # Typing: keys at a typist's pace; the server hears the text after the last.
    a, before = main_ms(), own_chromium()
    for n in range(keys):
        text = text[:-1] if n % 2 else text + "x"
        page.keyboard.press("Backspace" if n % 2 else "x")   # the box has the focus: no lookup of it a key
        page.wait_for_timeout(PACE_MS)
    until("drawn", text)
    until("heard", text)
    page.wait_for_timeout(1000)
    b, after = main_ms(), own_chromium()
    drawn, begun = page.evaluate("window.__keys"), page.evaluate("window.__frames")
    cpu = sum(1000 * (c - before.get(pid, (k, 0.0))[1]) for pid, (k, c) in after.items()) / keys
    # Pauses: what the page does once the server has heard a key.
    heard, spans = [], []
    for n in range(5):
        text = text + "y" if n % 2 == 0 else text[:-1]
        page.keyboard.press("y" if n % 2 == 0 else "Backspace")
        until("drawn", text)
        page.evaluate(FRAME)    # the frame that shows the key is the key's (key → drawn), not the pause's
        c, t0 = main_ms(), time.perf_counter()
        until("heard", text)
        page.wait_for_timeout(300)
        heard.append(main_ms() - c)
        spans.append(time.perf_counter() - t0)
    # The same waits as long with no key and no pause (Streamlit's own timers, the caret, this benchmark's
    # waits): what is not the pause's.
    quiet = []
    for n in range(5):
        page.evaluate(FRAME)
        c = main_ms()
        until("drawn", text)
        until("heard", text)
        page.wait_for_timeout(1000 * statistics.median(spans))
        quiet.append(main_ms() - c)
    idle = statistics.median(quiet)
    page.close()
    return {"median": statistics.median(drawn), "p95": pct(drawn, 95), "n": len(drawn), "begun": statistics.median(begun), "main": (b - a) / keys,
            "cpu": cpu, "heard": statistics.median(heard), "idle": idle}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", default="overview,forget,bilstm")
    ap.add_argument("--chars", default="200,500")
    ap.add_argument("--rates", default="1,4")
    ap.add_argument("--keys", type=int, default=30)
    args = ap.parse_args()
    proc, url = serve("explorer/app.py")
    rows = []
    try:
        with sync_playwright() as p:
            browser = launch(p)
            for name in args.pages.split(","):
                for chars in map(int, args.chars.split(",")):
                    for rate in map(float, args.rates.split(",")):
                        r = measure(browser, url, "" if name == "overview" else name, chars, rate, args.keys)
                        rows.append((name, chars, rate, r))
                        print(f"{name:9s} {chars:4d} chars  {rate:g}×  key → drawn median {r['median']:6.1f} ms  "
                              f"p95 {r['p95']:6.1f} ms (n={r['n']}; frame begun {r['begun']:4.1f})  main {r['main']:5.1f} ms/key  "
                              f"CPU {r['cpu']:5.1f} ms/key  heard {r['heard']:5.1f} ms (no pause {r['idle']:4.1f}: "
                              f"{r['heard'] - r['idle']:4.1f} ms the pause's)", flush=True)
            browser.close()
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
