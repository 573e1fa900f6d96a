"""Screenshot a page of a running app: python scripts/screenshot.py URL OUT.png [WIDTH HEIGHT]."""
import sys

from playwright.sync_api import sync_playwright

sys.path.insert(0, ".")
from scripts.chromium import launch, settle  # noqa: E402

url, out = sys.argv[1], sys.argv[2]
w, h = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (1280, 720)
with sync_playwright() as p:
    b = launch(p)
    page = b.new_page(viewport={"width": w, "height": h})
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp']")
    settle(page)
    page.wait_for_timeout(1500)
    page.screenshot(path=out, full_page=True)
    b.close()
