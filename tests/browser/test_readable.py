"""Presenter mode, as the back of the room sees it: every page in English and 中文, opened from a link with
?present=1 at 1280×720 and 1024×768 (school projectors), on one load each: body text at least 24 px; no two
texts of a chart overlap, none is cut by its chart or the window, none is under 18 px (tests/helpers/layout.py
READABLE; folded answers are opened first, so their charts are checked too); no equation or button label cut
(CUT); the sidebar folded away; the gate diagram drawn large (its smallest label ≥ 20 px). The gate pages show a
text that mixes code and Chinese. The crawl checks the same charts at 1440×900 without presenter mode, at
12 px. Screenshots: test-artifacts/present-*.png."""
import urllib.parse

import pytest

from scripts.chromium import WAIT
from tests.browser.conftest import resize, shot
from tests.browser.test_crawl import PAGES
from tests.helpers.layout import CUT, KIT_STYLED, LAID_OUT, READABLE

PROJECTORS = [(1280, 720), (1024, 768)]
GATES = ("forget", "input", "cell", "output")
BODY_FONT = """() => [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stMarkdownContainer'] p")]
  .filter(p => p.offsetParent !== null && p.innerText.trim().length > 20)
  .map(p => parseFloat(getComputedStyle(p).fontSize))"""
OPEN_FOLDED = """() => document.querySelectorAll("[data-testid='stExpander'] details:not([open]) > summary")
  .forEach(s => s.checkVisibility() && s.click())"""


def link(path: str, lang: str) -> str:
    query = {"lang": lang, "present": 1}
    if path in GATES:
        query.update(text="Return len(x) 我爱中国", t=5, j=3)
    return f"{path}?" + urllib.parse.urlencode(query)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_presenter_mode_is_big_and_every_chart_is_readable(open_app, path, lang):
    page = open_app(link(path, lang), *PROJECTORS[0])
    page.locator("[data-testid='stPageLink']").first.wait_for()          # the page's first run reached its end
    page.wait_for_function("() => [...document.querySelectorAll('.lb-root')].every(r => r.dataset.drawn || "
                           "r.querySelector('.lb-status')?.textContent)")   # and its live boxes drew
    page.wait_for_function(f"() => ({BODY_FONT})().some(s => s >= 24)")  # the projector's CSS is in
    page.evaluate(OPEN_FOLDED)                                           # opens in the browser, no rerun
    for size in PROJECTORS:
        resize(page, *size)
        page.wait_for_function(LAID_OUT, timeout=WAIT)
        sizes = page.evaluate(BODY_FONT)
        assert sizes and min(sizes) >= 24, (size, sizes)
        assert page.evaluate(READABLE, 18) == [], (path, lang, size)
        page.wait_for_function(KIT_STYLED, timeout=WAIT)
        assert page.evaluate(CUT) == [], (path, lang, size)
        assert not page.locator("[data-testid='stSidebar'][aria-expanded='true']").count()   # folded away
        assert "present=1" in page.url
        if path in GATES:
            diagram = page.locator("[data-testid='stImage'] img").first
            diagram.scroll_into_view_if_needed()
            assert diagram.bounding_box()["width"] / 640 * 15 >= 20, size     # the diagram's smallest label, in px
        shot(page, f"present-{path or 'overview'}-{lang}-{size[0]}")
