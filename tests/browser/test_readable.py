"""Every chart readable from the back of the room: on every page, in English and 中文, in presenter mode at
1280×720 and 1024×768 (school projectors), no two texts of a chart overlap, none is cut by its chart or
the window, none is under 18 px (tests/helpers/layout.py READABLE; the crawl checks the same at 1440×900
without presenter mode, at 12 px). Folded answers are opened first, so their charts are checked too.
Screenshots: test-artifacts/readable-*.png."""
import pytest

from scripts.chromium import WAIT
from tests.browser.conftest import resize, shot
from tests.browser.test_crawl import PAGES
from tests.helpers.layout import LAID_OUT, READABLE

PROJECTORS = [(1280, 720), (1024, 768)]


def ready(page):
    """The page's first run reached its end and its live boxes drew."""
    page.locator("[data-testid='stPageLink']").first.wait_for()
    page.wait_for_function("() => [...document.querySelectorAll('.lb-root')].every(r => r.dataset.drawn || "
                           "r.querySelector('.lb-status')?.textContent)")
    return page


OPEN_FOLDED = """() => document.querySelectorAll("[data-testid='stExpander'] details:not([open]) > summary")
  .forEach(s => s.checkVisibility() && s.click())"""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_every_chart_is_readable_on_a_projector(open_app, path, lang):
    page = ready(open_app(f"{path}?lang={lang}&present=1", *PROJECTORS[0]))
    page.evaluate(OPEN_FOLDED)                # opens in the browser, no rerun
    for size in PROJECTORS:
        resize(page, *size)
        page.wait_for_function(LAID_OUT, timeout=WAIT)
        assert page.evaluate(READABLE, 18) == [], (path, lang, size)
        shot(page, f"readable-{path or 'overview'}-{lang}-{size[0]}")
