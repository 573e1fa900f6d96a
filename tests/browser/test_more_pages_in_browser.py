"""Bi-LSTM, variants, RNN vs LSTM, parameter count and the case studies in a real browser."""
import urllib.parse

import pytest

from scripts.chromium import WAIT, settle
from tests.browser.conftest import shot


@pytest.mark.parametrize("name, marker", [("bilstm", "中"), ("variants", "GRU"), ("memory", "RNN"), ("params", "82,944")])
def test_page_renders_with_its_content(open_app, name, marker):
    page = open_app(f"{name}?" + urllib.parse.urlencode({"text": "我爱?国 the cat"}), height=1400)
    page.wait_for_selector(".js-plotly-plot, [data-testid='stDataFrame'], [data-testid='stRadio']")
    page.wait_for_function(f"() => document.body.innerText.includes({marker!r})", timeout=WAIT)
    assert page.locator("[data-testid='stException']").count() == 0
    shot(page, f"{name}-page")


def test_bilstm_example_is_one_click_away(open_app):
    page = open_app("bilstm?text=hello")
    page.get_by_role("button", name="Try “我爱中国”").click()
    settle(page)
    page.wait_for_function("() => new URL(location).searchParams.get('text') === '我爱中国'", timeout=WAIT)


def test_two_people_train_at_once_and_never_see_each_other(browser, server):
    """Two browser contexts (two people): different word lists, each sees only its own run."""
    a_ctx, b_ctx = browser.new_context(viewport={"width": 1280, "height": 1600}), \
        browser.new_context(viewport={"width": 1280, "height": 1600})
    a, b = a_ctx.new_page(), b_ctx.new_page()
    try:
        for p in (a, b):
            p.goto(server + "/case1")
            p.wait_for_selector("textarea")
            settle(p)
        a.locator("textarea").fill("make need coal word love hate live home hash star")
        b.locator("textarea").fill("猫咪 小狗 大象 老虎")
        for p in (a, b):
            p.locator("textarea").press("Control+Enter")
            settle(p)
        a.get_by_role("button", name="Train", exact=True).click()
        b.get_by_role("button", name="Train", exact=True).click()
        # the curve moves: the step count grows while training
        a.wait_for_function("() => /step ([1-9][0-9]*)/.test(document.body.innerText)", timeout=WAIT)
        for p in (a, b):
            p.wait_for_function("() => document.body.innerText.includes('Finished')", timeout=300_000)  # two at once, on a busy machine
            settle(p)
        assert "猫咪" not in a.locator("[data-testid='stMain']").inner_text()
        assert "make" not in b.locator("[data-testid='stSelectbox']").inner_text()
        # a prediction: type the first letters, read the guess
        box = a.get_by_label("The first letters of a word")
        box.fill("mak")
        box.press("Enter")
        settle(a)
        a.wait_for_function("() => document.body.innerText.includes(\"'e'\")", timeout=WAIT)
        shot(a, "case1-person-a")
        shot(b, "case1-person-b")
    finally:
        a_ctx.close()
        b_ctx.close()


def test_switching_pages_mid_training_keeps_the_run(open_app):
    page = open_app("case1", height=1400)
    page.get_by_role("button", name="Train", exact=True).click()
    settle(page)
    page.locator("[data-testid='stSidebarNav']").get_by_text("Parameter count").click()
    settle(page)
    page.locator("[data-testid='stSidebarNav']").get_by_text("Case 1 · last letter").click()
    settle(page)
    page.wait_for_function("() => /step [1-9]/.test(document.body.innerText)", timeout=WAIT)
    assert page.locator("[data-testid='stException']").count() == 0
