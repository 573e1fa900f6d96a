"""Keystroke -> every map on the page redrawn, server CPU and bytes per key, in headless Chromium.

    python -m benchmarks.keystroke [--keys 40] [--chars 200] [--pages overview,forget,bilstm]

Starts three Streamlit servers on loopback: the app; benchmarks/minimal_heatmap_app.py (a keyup box with
no debounce and one plotly heatmap of H × T: the yardstick for drawing); and benchmarks/bare_keyup_app.py
(a keyup box and one line of text: the yardstick for a server run). On each, with a text of --chars
characters, types at a typist's pace (a key every 150 ms, alternately a letter and Backspace, so the
length stays put) and measures:
- redraw: from the key press until every map on the page shows the new text (the app's live box counts
  its draws in data-drawn; the yardstick's plotly image is replaced);
- server CPU per key: the server process's user + system time over the keys and the second after them
  (that is when the app's server hears the text), divided by the keys;
- bytes per key: websocket frames from the server over the same span, divided by the keys.
Prints a table and the ratios the targets are set on (issue #10: redraw ≤ 0.35× the heatmap app's,
server CPU ≤ 0.25× the bare app's, ≤ 16 KiB a key).
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.chromium import launch, settle  # noqa: E402

TEXT = ("Return the number of items in the list. Use len(x) to count the words in a string, "
        "and sorted(x) to put them in order. The forget gate decides what to keep; the input gate decides ")
PACE_MS = 150

PLOTLY_WATCH = """() => {
  const imgs = () => [...document.querySelectorAll('.js-plotly-plot image')];
  const before = new Set(imgs().map(i => i.getAttribute('href')));
  window.__dt = null;
  const t0 = performance.now();
  const poll = () => {
    const now = imgs().map(i => i.getAttribute('href'));
    if (now.length && now.every(h => !before.has(h))) window.__dt = performance.now() - t0;
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}"""
BOX_WATCH = """(want) => {
  window.__dt = null;
  const t0 = performance.now();
  const poll = () => {
    const roots = [...document.querySelectorAll('.lb-root')];
    if (roots.length && roots.every(r => r.dataset.text === want)) window.__dt = performance.now() - t0;
    else requestAnimationFrame(poll);
  };
  poll();
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(script: str, *options: str) -> tuple[subprocess.Popen, str]:
    """`streamlit run script` on a free loopback port (with extra command-line `options`); its URL once healthy."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
                             "--server.headless", "true", "--browser.gatherUsageStats", "false", *options],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.25)
    proc.kill()
    raise RuntimeError(f"{script} did not start")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (children, their children …), from /proc."""
    children: dict[int, list[int]] = {}
    for p in filter(str.isdigit, os.listdir("/proc")):
        try:
            children.setdefault(int(Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[1]), []).append(int(p))
        except (OSError, ValueError, IndexError):
            continue
    out, todo = [], list(children.get(pid, []))
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def own_chromium() -> dict[int, tuple[str, float]]:
    """The Chromium processes this benchmark started (descendants of this process, through Playwright's
    driver): pid -> (its --type, "browser" for the browser process; its CPU seconds so far)."""
    out = {}
    for pid in descendants(os.getpid()):
        try:
            if "chrom" in Path(f"/proc/{pid}/comm").read_text():
                args = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ").split()
                out[pid] = (next((a.split("=", 1)[1] for a in args if a.startswith("--type=")), "browser"), cpu_seconds(pid))
        except OSError:
            pass
    return out


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(browser, proc, url: str, text: str, keys: int, path: str, kind: str) -> dict:
    """kind: 'box' (the app's live box), 'plotly' (the heatmap yardstick) or 'bare' (no map)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    received = [0]
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.__setitem__(
        0, received[0] + len(f if isinstance(f, (bytes, str)) else b""))))
    page.goto(url + "/" + path + "?" + urllib.parse.urlencode({"text": text}))
    if kind == "box":
        page.wait_for_function(f"() => document.querySelector('.lb-root') && "
                               f"(document.querySelector('.lb-root').dataset.text || '').length === {len(text)}", timeout=60_000)
        box = page.get_by_test_id("live-text")
    else:
        if kind == "plotly":
            page.wait_for_selector(".js-plotly-plot image", timeout=60_000)
        box = page.frame_locator("iframe[title='st_keyup.st_keyup']").locator("input")
    settle(page)
    box.click()
    box.press("End")
    for k in range(4):  # warm up
        box.press("Backspace" if k % 2 else "e")
        page.wait_for_timeout(PACE_MS)
    page.wait_for_timeout(1500)
    settle(page)
    times, current = [], text
    cpu0, bytes0 = cpu_seconds(proc.pid), received[0]
    for k in range(keys):
        t0 = time.perf_counter()
        current = current[:-1] if k % 2 else current + "e"
        if kind == "box":
            page.evaluate(BOX_WATCH, current)
        elif kind == "plotly":
            page.evaluate(PLOTLY_WATCH)
        box.press("Backspace" if k % 2 else "e")
        if kind != "bare":
            page.wait_for_function("window.__dt !== null", timeout=30_000)
            times.append(page.evaluate("window.__dt"))
        rest = PACE_MS / 1000 - (time.perf_counter() - t0)
        if rest > 0:
            time.sleep(rest)
    page.wait_for_timeout(1000)   # the pause the app's server waits for, and its run
    settle(page)
    cpu = (cpu_seconds(proc.pid) - cpu0) / keys * 1000
    kib = (received[0] - bytes0) / keys / 1024
    page.close()
    return {"times": times, "cpu_ms": cpu, "kib": kib}


def summary(ms: list[float]) -> tuple[float, float]:
    if not ms:
        return float("nan"), float("nan")
    ms = sorted(ms)
    return statistics.median(ms), ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keys", type=int, default=40)
    ap.add_argument("--chars", type=int, default=200)
    ap.add_argument("--pages", default="overview", help="the app's pages (url paths), comma-separated")
    args = ap.parse_args()
    text = (TEXT * 3)[: args.chars - 1]
    rows, memory = {}, None
    with sync_playwright() as p:
        browser = launch(p)
        runs = [("one-heatmap app", "benchmarks/minimal_heatmap_app.py", "", "plotly"),
                ("bare keyup app", "benchmarks/bare_keyup_app.py", "", "bare")]
        runs += [(f"app: {pg}", "explorer/app.py", "" if pg == "overview" else pg, "box")
                 for pg in args.pages.split(",")]
        servers = {}
        try:
            for name, script, path, kind in runs:
                if script not in servers:
                    servers[script] = serve(script)
                proc, url = servers[script]
                rows[name] = measure(browser, proc, url, text, args.keys, path, kind)
            memory = rss_mb(servers["explorer/app.py"][0].pid)
        finally:
            for proc, _ in servers.values():
                proc.terminate()
                proc.wait()
        browser.close()
    heat = summary(rows["one-heatmap app"]["times"])[0]
    bare = rows["bare keyup app"]["cpu_ms"]
    print(f"{args.chars} characters, {args.keys} keys at one per {PACE_MS} ms (or slower, when a redraw takes longer)")
    print(f"{'':22s} {'redraw median':>14s} {'p95':>8s} {'x heatmap':>10s} {'server CPU/key':>15s} {'x bare':>7s} {'KiB/key':>8s}")
    for name, r in rows.items():
        med, p95 = summary(r["times"])
        ratio = med / heat if r["times"] else float("nan")
        print(f"{name:22s} {med:11.1f} ms {p95:6.1f} ms {ratio:9.2f}x {r['cpu_ms']:12.1f} ms {r['cpu_ms'] / bare:6.2f}x "
              f"{r['kib']:8.1f}")
    print(f"app server resident memory after these sessions: {memory:.0f} MB")


if __name__ == "__main__":
    main()
