"""On a phone (390×844, a touch screen): the sidebar gets out of the way once a page is chosen. (That no page
scrolls sideways on a phone or a tablet is checked by the crawl, tests/browser/test_crawl.py, on its load of each
page.) Screenshots: test-artifacts/phone-*.png."""


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
