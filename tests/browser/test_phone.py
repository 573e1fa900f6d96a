"""On a phone (390×844, a touch screen): the sidebar gets out of the way once a page is chosen; a unit is chosen
by tapping a magnified band around the tap, and the chosen t and j are shown in large type. (That no page
scrolls sideways on a phone or a tablet is checked by the crawl, tests/browser/test_crawl.py, on its load of each
page.) Screenshots: test-artifacts/phone-*.png."""


import urllib.parse

import pytest

from scripts.chromium import WAIT, settle
from tests.browser.conftest import shot

PHONE = (390, 844)
# open: the sidebar shows its collapse button and lies on the screen; closed: neither
SIDEBAR_OPEN = """(open) => { const bar = document.querySelector("[data-testid='stSidebar']").getBoundingClientRect();
  const shown = !!document.querySelector("[data-testid='stSidebarCollapseButton'] button") && bar.right > 10;
  return shown === (open === 'true'); }"""


def ready(page):
    page.locator("[data-testid='stPageLink']").first.wait_for(timeout=WAIT)
    page.wait_for_function("() => [...document.querySelectorAll('.lb-root')].every(r => r.dataset.drawn || "
                           "r.querySelector('.lb-status')?.textContent)", timeout=WAIT)
    return page


def test_the_sidebar_closes_once_a_page_is_chosen(open_app):
    page = ready(open_app("?lang=zh", *PHONE, phone=True))
    sidebar = page.locator("[data-testid='stSidebar']")
    page.locator("[data-testid='stExpandSidebarButton'], [data-testid='stSidebarCollapsedControl'] button").first.tap()
    page.wait_for_function(SIDEBAR_OPEN, arg="true")
    sidebar.locator("[data-testid='stSidebarNav'] a[href$='/forget']").tap()
    page.wait_for_url("**/forget**")
    page.wait_for_function(SIDEBAR_OPEN, arg="false")
    settle(page)
    main = page.locator("[data-testid='stMain']").bounding_box()
    assert main["width"] >= PHONE[0] - 40           # the page, not the sidebar, fills the screen
    shot(page, "phone-after-choosing-a-page")


BAND_TAPS = [((0.12, 0.04), (0, 0)), ((0.5, 0.5), (3, -2)), ((0.93, 0.97), (-4, 1)), ((0.3, 0.3), (8, 5)), ((0.7, 0.72), (-8, -5))]


def test_a_tap_on_a_map_opens_a_band_and_a_tap_in_it_chooses_that_unit(open_app):
    """On a phone a map's rows are a pixel or two tall: a tap opens a magnified band around the finger (the cell
    under it marked), and a tap in the band chooses exactly that t and j (five taps, five exact units)."""
    text = "the cat sat on the mat again and again"
    page = ready(open_app("forget?" + urllib.parse.urlencode({"text": text, "lang": "zh"}), *PHONE, phone=True))
    canvas = page.locator("canvas.lb-map.lb-clickable:not([data-top])").first
    steps, units = int(canvas.get_attribute("data-steps")), int(canvas.get_attribute("data-units"))
    for (fx, fy), (dj, dt) in BAND_TAPS:
        t, j = min(steps - 1, int(fx * steps)), min(units - 1, int(fy * units))
        canvas.scroll_into_view_if_needed()
        box = canvas.locator("..").bounding_box()            # the map's box; the drawn area is inside a 1 px border
        assert (box["height"] - 2) / units < 12, "rows too thin for a finger: the band is what makes them tappable"
        page.touchscreen.tap(box["x"] + 1 + (t + 0.5) / steps * (box["width"] - 2),
                             box["y"] + 1 + (j + 0.5) / units * (box["height"] - 2))
        tapped = page.locator(".lb-band .lb-band-tapped")
        tapped.wait_for()
        assert (tapped.get_attribute("data-t"), tapped.get_attribute("data-j")) == (str(t), str(j))
        cell = page.locator(".lb-band .lb-band-cell").first
        assert min(cell.bounding_box()["width"], cell.bounding_box()["height"]) >= 24    # a finger's width
        want_t, want_j = min(steps - 1, max(0, t + dt)), min(units - 1, max(0, j + dj))
        page.locator(f".lb-band .lb-band-cell[data-t='{want_t}'][data-j='{want_j}']").tap()
        page.wait_for_function("([t, j]) => { const q = new URL(location).searchParams; "
                               "return q.get('t') === t && q.get('j') === j; }", arg=[str(want_t), str(want_j)])
        settle(page)
        chosen = page.locator(".lb-chosen").first
        assert f"j = {want_j}" in chosen.inner_text() and f"t = {want_t}" in chosen.inner_text()
        assert float(chosen.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 20   # large type
        assert page.locator(".lb-band").count() == 0                        # chosen: the band closed
    shot(page, "phone-band-chosen")


@pytest.mark.parametrize("size", [PHONE, (820, 1180)], ids=["phone", "tablet"])
def test_a_narrow_screen_opens_with_the_whole_width_for_the_page(open_app, size):
    """Opened on a phone or a tablet held upright, the sidebar is folded away (» opens it): the page is not
    squeezed beside it."""
    page = ready(open_app("forget?lang=zh", *size, phone=size == PHONE))
    page.wait_for_function(SIDEBAR_OPEN, arg="false")
    page.wait_for_function("(w) => document.querySelector(\"[data-testid='stMain']\").getBoundingClientRect().width >= w",
                           arg=size[0] - 40)                  # once the sidebar's sliding away has ended
    shot(page, f"narrow-opens-{size[0]}")
