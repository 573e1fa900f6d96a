"""The lesson pages in a real browser: click a cell of the map, read the equation that appears."""
import re
import urllib.parse

import pytest
from playwright.sync_api import expect

from explorer import load_model, trace
from scripts.chromium import WAIT, settle
from tests.browser.conftest import shot

TEXT = "Return the list of words."


def latex_sources(page) -> list[str]:
    return page.eval_on_selector_all(".katex-mathml annotation", "els => els.map(e => e.textContent)")


@pytest.mark.parametrize("name, symbol", [("forget", "f"), ("output", "o")])
def test_clicking_a_cell_shows_its_equation(open_app, name, symbol):
    page = open_app(f"{name}?" + urllib.parse.urlencode({"text": TEXT, "t": 0, "j": 0}))
    page.wait_for_selector("canvas.lb-map")
    settle(page)
    page.locator("canvas.lb-map").first.scroll_into_view_if_needed()
    box = page.locator("canvas.lb-map").first.locator("..").bounding_box()   # the map's box (its canvas runs on)
    T, H = len(TEXT), 128
    t, j = 10, 40  # aim at the centre of that cell
    page.mouse.click(box["x"] + box["width"] * (t + 0.5) / T, box["y"] + box["height"] * (j + 0.5) / H)
    page.wait_for_function(f"() => new URL(location).searchParams.get('t') === '{t}'", timeout=WAIT)
    j = int(page.evaluate("() => new URL(location).searchParams.get('j')"))
    assert abs(j - 40) <= 1                      # the cell under the pointer (its border aside)
    page.wait_for_function(f"() => [...document.querySelectorAll('.katex-mathml annotation')]"
                           f".some(a => a.textContent.includes('{symbol}_{{{t}}}[{j}]'))", timeout=WAIT)
    eq = next(s for s in latex_sources(page) if f"{symbol}_{{{t}}}[{j}]" in s)
    value = float(re.findall(r"= (\{-\}\d+\.\d+|\d+\.\d+)\\end", eq)[0].replace("{-}", "-"))
    assert value == pytest.approx(float(getattr(trace(load_model(), TEXT), {"f": "forget", "o": "output"}[symbol])[t, j]),
                                  abs=5e-4)
    marks = page.evaluate("() => [...document.querySelectorAll('.lb-sel-t')].length")
    assert marks >= 1                            # the chosen t is marked on the map
    assert f"t={t}" in page.url and f"j={j}" in page.url
    shot(page, f"{name}-clicked")


@pytest.mark.parametrize("name", ["forget", "input", "cell", "output"])
@pytest.mark.parametrize("width", [1280, 640])
def test_pages_draw_the_text_and_the_worked_equation(open_app, name, width):
    text = TEXT + " 我爱中国"
    page = open_app(f"{name}?" + urllib.parse.urlencode({"text": text, "t": 5, "j": 3}), width=width, height=720)
    page.wait_for_function(f"() => document.querySelector('canvas.lb-map')?.dataset.steps === '{len(text)}'",
                           timeout=WAIT)                 # every character of the text on the map, 我爱中国 too
    page.wait_for_function("() => [...document.querySelectorAll('.katex-mathml annotation')]"   # the equation at
                           ".some(a => a.textContent.includes('[3]') && a.textContent.includes('_{5}'))")  # the chosen t and j
    assert any("[3]" in s and "_{5}" in s for s in latex_sources(page))
    assert page.locator("[data-testid='stException']").count() == 0
    shot(page, f"{name}-{width}")


@pytest.mark.parametrize("start", [0, 5])   # 5: the last character, where a page opens by default
def test_play_steps_through_the_text_and_stops_at_its_end(open_app, start):
    page = open_app("forget?" + urllib.parse.urlencode({"text": "abcdef", "t": start, "j": 1}))
    page.evaluate("() => { window.__ts = new Set(); setInterval(() => "
                  "window.__ts.add(new URL(location).searchParams.get('t')), 50); }")
    page.get_by_text("play through the text").click()
    page.wait_for_function("() => window.__ts.has('3')", timeout=WAIT)
    page.wait_for_function("() => new URL(location).searchParams.get('t') === '5'", timeout=WAIT)
    expect(page.get_by_role("switch").first).not_to_be_checked(timeout=WAIT)   # it switched itself off at the end
    settle(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.evaluate("() => new URL(location).searchParams.get('t')") == "5"


def test_the_counting_unit_in_the_browser(open_app):
    from explorer.shell.cached import probe_result
    from explorer.texts import COUNTER_TEXT

    unit = probe_result()["column"]["unit"]
    page = open_app("cell?" + urllib.parse.urlencode({"text": "abc", "t": 0, "j": 0}))
    page.get_by_role("button", name=f"Show unit {unit} counting").click()
    page.wait_for_function(f"() => new URL(location).searchParams.get('j') === '{unit}'", timeout=WAIT)
    settle(page)
    page.wait_for_function("() => [...document.querySelectorAll('.katex-mathml annotation')]"
                           f".some(a => a.textContent.includes('[{unit}]'))", timeout=WAIT)
    assert "%0A" in page.url and page.locator("[data-testid='stException']").count() == 0
    # the belt's line chart is drawn for that unit, over the whole example (line breaks included)
    page.wait_for_selector(f".js-plotly-plot :text('The belt of unit {unit} along the text')", timeout=WAIT)
    assert page.locator(".stMarkdown, [data-testid='stMarkdownContainer']").filter(has_text="↵").count() > 0
    shown = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["text"][0]
    assert shown == COUNTER_TEXT                 # the whole example, its line breaks too, is the page's text
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    shot(page, "cell-counting-unit")


def test_play_steps_slowly_and_never_starts_itself_for_a_reader_who_asks_for_less_motion(browser, server):
    """The system's "reduce motion" reaches the server (the page kit reports it): Play says it will step
    slowly (every explorer.shell.stepper.REDUCED_PLAY_SECONDS) and does not start on its own."""
    from explorer.i18n import say

    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(server + "/forget?" + urllib.parse.urlencode({"text": "abcdef", "t": 0, "j": 1, "lang": "zh"}))
        page.get_by_text(say("play_reduced", "zh")).wait_for()
        settle(page)
        expect(page.get_by_role("switch").first).not_to_be_checked()
        assert page.evaluate("() => new URL(location).searchParams.get('t')") == "0"     # nothing moved by itself
    finally:
        context.close()
