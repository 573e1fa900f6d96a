"""On a phone (390×844) and a tablet held upright (820×1180): no page scrolls sideways (what is wider than
the screen scrolls inside its own box: an equation, the diagram, a passage of text), and the sidebar gets out
of the way once a page is chosen. Screenshots: test-artifacts/phone-*.png."""

import pytest

from scripts.chromium import WAIT, settle
from tests.browser.conftest import resize, shot
from tests.browser.test_crawl import PAGES
from tests.helpers.layout import LAID_OUT

PHONE, TABLET = (390, 844), (820, 1180)
SIDEWAYS = """() => { const d = document.documentElement, main = document.querySelector("[data-testid='stMain']");
  const boxed = (e) => { for (let p = e.parentElement; p && p !== main; p = p.parentElement)     // scrolls or clips in a box on screen
      if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return p.getBoundingClientRect().right <= d.clientWidth + 1;
    return false; };
  const wide = [...main.querySelectorAll('*')].filter(e => e.checkVisibility({opacityProperty: true}) &&
    e.getBoundingClientRect().right > d.clientWidth + 1 && !e.matches('input[type=range]') && !boxed(e))
    .map(e => (e.dataset.testid || e.tagName) + ': ' + (e.innerText || '').slice(0, 30));
  return { scroll: d.scrollWidth > d.clientWidth + 1 || main.scrollWidth > main.clientWidth + 1, wide: wide.slice(0, 5) }; }"""
# open: the sidebar shows its collapse button and lies on the screen; closed: neither
SIDEBAR_OPEN = """(open) => { const bar = document.querySelector("[data-testid='stSidebar']").getBoundingClientRect();
  const shown = !!document.querySelector("[data-testid='stSidebarCollapseButton'] button") && bar.right > 10;
  return shown === (open === 'true'); }"""


def ready(page):
    page.locator("[data-testid='stPageLink']").first.wait_for(timeout=WAIT)
    page.wait_for_function("() => [...document.querySelectorAll('.lb-root')].every(r => r.dataset.drawn || "
                           "r.querySelector('.lb-status')?.textContent)", timeout=WAIT)
    return page


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_on_a_phone_or_a_tablet(open_app, path, lang):
    page = ready(open_app(f"{path}?lang={lang}", *PHONE, phone=True))
    for size in (PHONE, TABLET):
        resize(page, *size)
        page.wait_for_function(LAID_OUT)
        assert page.evaluate(SIDEWAYS) == {"scroll": False, "wide": []}, (path, lang, size)
        if size == PHONE:
            shot(page, f"phone-{path or 'overview'}-{lang}")


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
