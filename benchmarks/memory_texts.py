"""Server memory after many distinct texts: does a class typing hundreds of texts grow the server?

    python -m benchmarks.memory_texts [--texts 300] [--chars 500] [--page ""] [--idle 60]

One browser session puts --texts different texts of --chars characters into the live box, one after
another, waiting each time until the server has heard it (and so computed its trace). Prints the
server's resident memory before, after, and after --idle seconds with nobody typing.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.keystroke import rss_mb, serve  # noqa: E402
from scripts.chromium import launch, settle  # noqa: E402

PUT = """(text) => { const i = document.querySelector('.lb-input'); i.value = text;
                    i.dispatchEvent(new Event('input', {bubbles: true})); }"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--texts", type=int, default=300)
    ap.add_argument("--chars", type=int, default=500)
    ap.add_argument("--page", default="", help="url path of the page to type on (default: the overview)")
    ap.add_argument("--idle", type=float, default=60)
    args = ap.parse_args()
    rng = random.Random(0)
    letters = "abcdefghijklmnopqrstuvwxyz    .,()"
    proc, url = serve("explorer/app.py")
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page()
            page.goto(f"{url}/{args.page}?text=start")
            page.wait_for_selector(".lb-input", timeout=60_000)
            settle(page, 60_000)
            before = rss_mb(proc.pid)
            t0 = time.perf_counter()
            for k in range(args.texts):
                text = "".join(rng.choice(letters) for _ in range(args.chars))
                page.evaluate(PUT, text)
                page.wait_for_function("(n) => (new URL(location).searchParams.get('text') || '').length === n "
                                       "&& new URL(location).searchParams.get('text') !== window.__last",
                                       arg=args.chars, timeout=60_000)
                page.evaluate("(t) => { window.__last = t; }", text)
                settle(page)
            took = time.perf_counter() - t0
            after = rss_mb(proc.pid)
            browser.close()
        time.sleep(args.idle)
        idle = rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait()
    print(f"{args.texts} distinct texts of {args.chars} characters on /{args.page} ({took:.0f} s)")
    print(f"  server resident memory: {before:.0f} MB before, {after:.0f} MB after ({after - before:+.0f} MB), "
          f"{idle:.0f} MB after {args.idle:.0f} s idle")


if __name__ == "__main__":
    main()
