"""Launching Debian's Chromium with Playwright, and waiting for a Streamlit app to settle."""
from __future__ import annotations

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)


def settle(page, timeout: float = 30_000) -> None:
    """Wait until the app has finished its rerun (and has started one, if it was about to)."""
    page.wait_for_timeout(50)
    page.wait_for_selector(IDLE, timeout=timeout)
