"""What a key costs the student's browser: Chrome's own CPU counters around each key, in one tab.

    python -m benchmarks.browser_cost [--page ""] [--keys 10]

Types --keys keys a second apart into the live box of --page (the overview by default) and reads
Chrome's Performance.getMetrics before the key, once its maps are redrawn, and once the server has heard
it and the page has re-rendered (plus 300 ms). Prints, per key, the milliseconds of task / script /
layout+style time of each part: "drawn" is the box tracing and drawing in the browser (on the overview:
the maps, the guesses and the text as read), "heard" the re-render after the server's run (on the
overview, of the box's fragment only). Those count the tab's main thread alone; the last line is the
CPU every Chromium process used per key, by its type (the tab's renderer with its compositor and raster
threads, the browser process, the GPU process's software compositing). A classroom on one machine is
bounded by that sum times the number of tabs.
"""
from __future__ import annotations

import argparse
import collections
import sys
import urllib.parse
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.classroom import TEXT, WAITS  # noqa: E402
from benchmarks.keystroke import own_chromium, serve  # noqa: E402
from scripts.chromium import launch, settle  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--page", default="")
    ap.add_argument("--keys", type=int, default=10)
    args = ap.parse_args()
    proc, url = serve("explorer/app.py")
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.context.add_init_script(WAITS)
            until = lambda name, want: page.evaluate("([n, w]) => window.__until(n, w, 120000)", [name, want])  # noqa: E731
            text = (TEXT * 3)[:200]
            page.goto(f"{url}/{args.page}?" + urllib.parse.urlencode({"text": text}))
            until("drawn", text)
            settle(page, 60_000)
            page.wait_for_timeout(2000)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")

            def now() -> tuple[float, float, float]:
                m = {x["name"]: x["value"] for x in cdp.send("Performance.getMetrics")["metrics"]}
                return m["TaskDuration"], m["ScriptDuration"], m["LayoutDuration"] + m["RecalcStyleDuration"]

            box = page.get_by_test_id("live-text")
            box.click()
            box.press("End")
            drawn, heard = [0.0] * 3, [0.0] * 3
            before = own_chromium()
            for n in range(args.keys):
                a = now()
                text = text[:-1] if n % 2 else text + "x"
                box.press("Backspace" if n % 2 else "x")
                until("drawn", text)
                b = now()
                until("heard", text)
                page.wait_for_timeout(300)
                c = now()
                for i in range(3):
                    drawn[i] += b[i] - a[i]
                    heard[i] += c[i] - b[i]
                page.wait_for_timeout(700)
            after = own_chromium()
            browser.close()
    finally:
        proc.terminate()
        proc.wait()
    per = lambda xs: " / ".join(f"{1000 * x / args.keys:.0f}" for x in xs)  # noqa: E731
    print(f"browser CPU per key on /{args.page} ({args.keys} keys), ms of task / script / layout+style:")
    print(f"  drawn (the box traces and draws):          {per(drawn)}")
    print(f"  heard (the page re-renders after the run): {per(heard)}")
    spent = collections.Counter()   # a process that ended between the two counts is missed (none did here)
    for pid, (kind, cpu) in after.items():
        spent[kind] += 1000 * (cpu - before.get(pid, (kind, 0.0))[1]) / args.keys
    print("every Chromium process, ms of CPU per key: " + ", ".join(f"{k} {v:.0f}" for k, v in spent.items())
          + f"; in all {sum(spent.values()):.0f} (idle work in the second between keys included)")


if __name__ == "__main__":
    main()
