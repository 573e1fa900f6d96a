"""Several people press Train on case 1 at once, each in their own browser session.

    python -m benchmarks.training_together [--people 2] [--post-script-gc]

Each session opens case 1 (the default words and settings: 300 steps, the first 30 shown one by one),
presses Train, and the benchmark waits until every page says the training finished. Past the server's
cap (jobs.MAX_RUNNING trainings at once) a person is told the server is busy and presses Train again
5 s later, as a student would. Prints the seconds until each finished, how often each pressed Train,
how many distinct step counts each page showed, and the server's CPU. --post-script-gc turns
Streamlit's full garbage collection after every script and fragment run back on (the app's
.streamlit/config.toml turns it off): the figure it was measured against.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.keystroke import cpu_seconds, serve  # noqa: E402
from scripts.chromium import launch, settle  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=2)
    ap.add_argument("--post-script-gc", action="store_true")
    args = ap.parse_args()
    proc, url = serve("explorer/app.py", "--runner.postScriptGC", str(args.post_script_gc).lower())
    try:
        with sync_playwright() as p:
            browser = launch(p)
            pages = [browser.new_context(viewport={"width": 1280, "height": 1600}).new_page() for _ in range(args.people)]
            for page in pages:
                page.goto(url + "/case1")
                page.wait_for_selector("textarea")
                settle(page, 60_000)
            cpu0, t0 = cpu_seconds(proc.pid), time.perf_counter()
            for page in pages:
                page.get_by_role("button", name="Train").click()
            finished: dict[int, float] = {}
            steps: dict[int, set] = {k: set() for k in range(len(pages))}
            presses, retry = [1] * len(pages), [0.0] * len(pages)
            while len(finished) < len(pages) and time.perf_counter() - t0 < 900:
                for k, page in enumerate(pages):
                    if k in finished:
                        continue
                    text = page.inner_text("[data-testid='stMain']")
                    steps[k].update(int(s) for s in re.findall(r"step (\d+)", text))
                    if "Finished" in text:
                        finished[k] = time.perf_counter() - t0
                    elif "already training" in text:     # turned away: press again 5 s later
                        if not retry[k]:
                            retry[k] = time.perf_counter() + 5
                        elif time.perf_counter() > retry[k]:
                            page.get_by_role("button", name="Train").click()
                            presses[k] += 1
                            retry[k] = time.perf_counter() + 5
                time.sleep(0.25)
            cpu = cpu_seconds(proc.pid) - cpu0
            browser.close()
    finally:
        proc.terminate()
        proc.wait()
    print(f"{args.people} people training case 1 at once (300 steps each), Streamlit's post-run gc "
          + ("on" if args.post_script_gc else "off (the app's setting)"))
    for k in range(args.people):
        done = f"finished after {finished[k]:.1f} s" if k in finished else "did not finish in 900 s"
        print(f"  person {k + 1}: {done}; pressed Train {presses[k]} times; "
              f"{len(steps[k])} distinct step counts seen on the page")
    print(f"  server CPU: {cpu:.1f} s")


if __name__ == "__main__":
    main()
