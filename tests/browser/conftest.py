"""A real `streamlit run` of the app on loopback and a headless Chromium page for each test.
Screenshots go to test-artifacts/."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from scripts.chromium import launch, settle

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
ARTIFACTS.mkdir(exist_ok=True)   # screenshots and the crawl's lists of controls land here


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str, seconds: float = 60) -> bool:
    """Wait until a Streamlit server (or the proxy in front of one) answers its health check."""
    for _ in range(int(seconds * 4)):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return True
        except OSError:
            time.sleep(0.25)
    return False


class Server(str):
    """The server's address, and its process id (to read its memory)."""
    pid: int


@pytest.fixture(scope="session")
def server():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "explorer/app.py", "--server.port", str(port),
                             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        if not healthy(url):
            raise RuntimeError("streamlit did not start")
        url = Server(url)
        url.pid = proc.pid
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def open_app(server, browser):
    """open_app(query="", width=1280, height=900, phone=False) -> a settled page (phone: a touch screen that
    lays pages out as a phone does)."""
    pages = []

    def _open(query: str = "", width: int = 1280, height: int = 900, phone: bool = False):
        touch = dict(is_mobile=True, has_touch=True, device_scale_factor=2) if phone else {}
        page = browser.new_page(viewport={"width": width, "height": height}, **touch)
        pages.append(page)
        page.goto(server + "/" + query)
        page.wait_for_selector("[data-testid='stApp']")
        settle(page)
        return page

    _open.pages = pages   # (for a failure's screenshots)
    yield _open
    for p in pages:
        p.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A test that fails leaves a screenshot of each page it opened (test-artifacts/failed-<test>-<k>.png): what
    the page showed when the wait ran out."""
    report = (yield).get_result()
    if report.when == "call" and report.failed and "open_app" in item.fixturenames:
        name = "".join(c if c.isalnum() or c in "-_" else "-" for c in item.name)[:80]
        for k, page in enumerate(item.funcargs["open_app"].pages):
            try:
                page.screenshot(path=str(ARTIFACTS / f"failed-{name}-{k}.png"), full_page=True)
            except Exception:   # a page that crashed or closed: nothing to show
                pass


def resize(page, width: int, height: int) -> None:
    """The same page at another window size, laid out again (two frames after the window has it)."""
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_function(f"() => window.innerWidth === {width} && window.innerHeight === {height}")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


# Browser tests that share no module fixture with the rest and start what they need (their own servers, a
# proxy, pages of their own): a second group, queued after every other test. The worker with no browser
# takes it once its own tests are done, while the first browser group is still running; the two groups run
# side by side only for that last stretch. (Both groups from the start, a server and a Chromium each on two
# cores, was slower and failed waits.)
LATE = ("test_readable.py", "test_hostile_uploads.py", "test_server_load.py", "test_replicas.py", "test_notebook.py")


@pytest.hookimpl(tryfirst=True)   # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test (`-m "not browser"` leaves them out); they run in the
    order written, the group "browser" on one worker (one server, one Chromium, the module fixtures shared),
    the group "browser-late" (LATE) last, on whichever worker is free (pytest.ini: --no-loadscope-reorder
    keeps this order)."""
    late = []
    for item in items:
        if "tests/browser/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
            if item.path.name in LATE:
                item.add_marker(pytest.mark.xdist_group("browser-late"))
                late.append(item)
            else:
                item.add_marker(pytest.mark.xdist_group("browser"))
    items[:] = [i for i in items if i not in late] + late


SHEET_MODES = [("present-{page}-{lang}-1280", "presenter 1280×720"), ("present-{page}-{lang}-1024", "presenter 1024×768"),
               ("crawl-{page}-{lang}-1024", "1024×768"), ("crawl-{page}-{lang}-820", "tablet 820×1180"),
               ("crawl-{page}-{lang}-390", "phone 390×844")]
SHEET_HEIGHT = 420   # each screenshot's height on the sheet, in pixels


def contact_sheets() -> list[Path]:
    """One PNG a page, test-artifacts/contact-<page>.png: its screenshots in each mode (presenter mode on two
    projectors, a projector, a tablet, a phone), a row a language, to look at in one glance."""
    from PIL import Image, ImageDraw

    made = []
    for page in sorted({p.name.split("-")[1] for p in ARTIFACTS.glob("crawl-*-*-390.png")}):
        rows = []
        for lang in ("en", "zh"):
            shots = [(label, ARTIFACTS / (name.format(page=page, lang=lang) + ".png")) for name, label in SHEET_MODES]
            shots = [(label, Image.open(path).convert("RGB")) for label, path in shots if path.exists()]
            rows.append([(f"{lang} · {label}", im.resize((round(im.width * SHEET_HEIGHT / im.height), SHEET_HEIGHT)))
                         for label, im in shots])
        if not any(rows):
            continue
        width = max(sum(im.width + 10 for _, im in row) for row in rows)
        sheet = Image.new("RGB", (width, len(rows) * (SHEET_HEIGHT + 30)), "white")
        draw = ImageDraw.Draw(sheet)
        for r, row in enumerate(rows):
            x, y = 0, r * (SHEET_HEIGHT + 30)
            for label, im in row:
                draw.text((x + 4, y + 6), label, fill="black")
                sheet.paste(im, (x, y + 26))
                x += im.width + 10
        path = ARTIFACTS / f"contact-{page}.png"
        sheet.save(path)
        made.append(path)
    return made


def pytest_sessionfinish(session):
    if ARTIFACTS.exists():
        contact_sheets()
