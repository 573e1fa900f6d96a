"""Resident memory of the app server after one session has opened every page once.

    python -m benchmarks.memory_all_pages
"""
from playwright.sync_api import sync_playwright

from benchmarks.keystroke import rss_mb, serve
from explorer.path import PATH
from scripts.chromium import launch, settle

PAGES = [s.url for s in PATH]   # every page on the path


def main() -> None:
    proc, url = serve("explorer/app.py")
    try:
        print(f"after start: {rss_mb(proc.pid):.0f} MB")
        with sync_playwright() as p:
            b = launch(p)
            page = b.new_page(viewport={"width": 1280, "height": 900})
            for name in PAGES:
                page.goto(f"{url}/{name}?text=The+cat+sat+on+the+mat.")
                page.wait_for_selector("[data-testid='stApp']")
                settle(page, 60_000)
                print(f"after /{name or 'overview'}: {rss_mb(proc.pid):.0f} MB")
            b.close()
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
