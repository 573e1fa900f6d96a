"""Keystroke -> every chart on the overview redrawn, in headless Chromium.

    python -m benchmarks.keystroke [--keys 40] [--chars 200] [--page forget]

Starts two Streamlit servers on loopback: the app, and benchmarks/minimal_heatmap_app.py (one
heatmap of the same H × T). On each, with a text of --chars characters, presses keys (alternately a
letter and Backspace, so the length stays put) and times, inside the page, from the key press until
every plotly image on the page has been replaced. Prints median and p95 for both, their ratio, and
the app server's resident memory with this one session.
"""
from __future__ import annotations

import argparse
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
from tests.browser.chromium import launch, settle  # noqa: E402

TEXT = ("Return the number of items in the list. Use len(x) to count the words in a string, "
        "and sorted(x) to put them in order. The forget gate decides what to keep; the input gate decides ")

WATCH = """() => {
  const imgs = () => [...document.querySelectorAll('.js-plotly-plot image, img.um-map')];
  const before = new Set(imgs().map(i => (i.getAttribute('href') || i.getAttribute('src'))));
  const n = before.size;
  window.__dt = null;
  const t0 = performance.now();
  const poll = () => {
    const now = imgs().map(i => (i.getAttribute('href') || i.getAttribute('src')));
    if (now.length >= n && now.every(h => !before.has(h))) { window.__dt = performance.now() - t0; }
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(script: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
                             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.25)
    proc.kill()
    raise RuntimeError(f"{script} did not start")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(browser, url: str, text: str, keys: int, path: str = "") -> list[float]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + "/" + path + "?" + urllib.parse.urlencode({"text": text}))
    page.wait_for_selector(".js-plotly-plot image, img.um-map", timeout=60_000)
    settle(page)
    box = page.frame_locator("iframe[title='st_keyup.st_keyup']").locator("input")
    box.click()
    box.press("End")
    times = []
    for k in range(keys + 3):  # the first three warm up
        page.evaluate(WATCH)
        box.press("Backspace" if k % 2 else "e")
        page.wait_for_function("window.__dt !== null", timeout=30_000)
        if k >= 3:
            times.append(page.evaluate("window.__dt"))
        settle(page)
    page.close()
    return times


def summary(ms: list[float]) -> tuple[float, float]:
    ms = sorted(ms)
    return statistics.median(ms), ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keys", type=int, default=40)
    ap.add_argument("--chars", type=int, default=200)
    ap.add_argument("--page", default="", help="the app's page (url path) to measure; default: the overview")
    args = ap.parse_args()
    text = (TEXT * 3)[: args.chars - 1]
    results, memory = {}, None
    with sync_playwright() as p:
        browser = launch(p)
        for name, script, path in (("minimal app, one heatmap", "benchmarks/minimal_heatmap_app.py", ""),
                                   (f"LSTM Explorer {args.page or 'overview'}", "explorer/app.py", args.page)):
            proc, url = serve(script)
            try:
                results[name] = summary(measure(browser, url, text, args.keys, path))
                if script == "explorer/app.py":
                    memory = rss_mb(proc.pid)
            finally:
                proc.terminate()
                proc.wait()
        browser.close()
    print(f"keystroke -> every map on the page redrawn, {args.chars} characters, {args.keys} keystrokes each")
    for name, (med, p95) in results.items():
        print(f"  {name:28s} median {med:7.1f} ms   p95 {p95:7.1f} ms")
    (base, _), (app, _) = results.values()
    print(f"  ratio of medians (app / minimal): {app / base:.2f}x")
    print(f"  app server resident memory, one session: {memory:.0f} MB")


if __name__ == "__main__":
    main()
