"""The Unit explorer in a real browser: Show me finds the column unit from the end of a line, a click on a
saturation point opens that unit's card, a click on the map opens the clicked unit's, and "force" opens
the forget page's What if? on it."""
import json

import numpy as np
import pytest

from explorer import units
from explorer.i18n import say
from explorer.models import SHIPPED
from explorer.probe import probe_path
from scripts.chromium import WAIT, settle
from tests.browser.conftest import shot

COLUMN = json.loads(probe_path(SHIPPED).read_text())["column"]["unit"]
CARD = "[data-testid='stNumberInput'] input"


def card_unit(page) -> int:
    return int(page.locator(CARD).input_value())


@pytest.mark.parametrize("lang, button, unit", [("en", "Show me", "unit"), ("zh", "演示给我看", "单元")])
def test_show_me_finds_the_column_unit(open_app, lang, button, unit):
    page = open_app(f"units?lang={lang}&text=hello", height=1400)
    page.get_by_role("button", name=button).click()
    settle(page)
    pills = page.locator("[data-testid='stButtonGroup'] button")
    pills.first.wait_for()
    assert pills.first.inner_text().startswith(f"{unit} {COLUMN}")
    assert card_unit(page) == COLUMN
    page.get_by_text("col 48").first.wait_for() if lang == "en" else page.get_by_text("第 48 列").first.wait_for()
    shot(page, f"units-show-me-{lang}")


def test_a_saturation_point_opens_its_card(open_app, model):
    low, high = units.saturation(units.corpus_index(model), "forget")
    pts = np.c_[low, high]
    dist = np.linalg.norm(pts[:, None] - pts[None], axis=-1) + np.eye(len(pts)) * 9
    j = int(dist.min(1).argmax())                  # the most isolated point: a click there hits only it
    assert j != COLUMN
    page = open_app("units?text=hello", height=1400)
    folded = page.locator("[data-testid='stExpander'] summary").filter(has_text=say("q_folded", "en"))
    folded.click()                                  # folded under the page's question until its reveal
    chart = page.locator(".js-plotly-plot").filter(has_text="f · forget gate").first
    chart.scroll_into_view_if_needed()
    chart.locator(".scatterlayer .trace").first.locator(".point").nth(j).click(force=True)
    settle(page)
    page.wait_for_function(f"() => document.querySelector(\"{CARD}\").value === '{j}'", timeout=WAIT)


def test_a_map_click_opens_that_units_card(open_app):
    page = open_app("units?text=" + "abcdefghij" * 3, height=1400)
    canvas = page.locator("canvas.lb-map").first
    canvas.wait_for()
    canvas.scroll_into_view_if_needed()
    box = canvas.locator("..").bounding_box()   # the map's box (its canvas runs on past it)
    j = 100                                               # aim at the centre of unit 100's row (of 128)
    page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * (j + 0.5) / 128)
    settle(page)
    page.wait_for_function(f"() => document.querySelector(\"{CARD}\").value !== '{COLUMN}'", timeout=WAIT)
    assert abs(card_unit(page) - j) <= 1                  # the row under the pointer (its border aside)


def test_force_opens_the_what_if_on_the_forget_page(open_app):
    page = open_app("units?text=abc%0Adef", height=1400)
    page.locator(CARD).fill("41")
    page.locator(CARD).press("Enter")
    settle(page)
    page.get_by_role("button", name="f of unit 41").click()
    settle(page)
    page.wait_for_function("() => location.pathname.endsWith('/forget')", timeout=WAIT)
    page.get_by_text("unit 41 only").first.wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    shot(page, "units-force-forget")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_span_a_student_moves_stays_where_they_put_it(open_app, lang):
    """The arrow keys on the span's first thumb move it, and so does the mouse; the rerun they cause, and the
    next one, keep it. A drag across the lines below marks a span too."""
    text = "Return the number of items in the list."
    page = open_app(f"units?lang={lang}&text={text.replace(' ', '%20')}", height=1400)
    page.get_by_text(say("ux_span_now", lang, start=31, last=38, n=8)).first.wait_for()   # the default span
    thumb = page.locator(f"[data-testid='stSlider'] input[aria-label^='{say('ux_span', lang)}']").first   # its start
    thumb.focus()
    for _ in range(5):
        thumb.press("ArrowLeft")
    settle(page)
    moved = say("ux_span_now", lang, start=26, last=38, n=13)
    page.get_by_text(moved).first.wait_for()
    other = page.locator(f"[data-testid='stSlider'] input[aria-label^='{say('ux_threshold', lang, kind='')[:4]}']")
    other.first.press("ArrowRight")                                # another rerun: the span stays
    settle(page)
    page.get_by_text(moved).first.wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    box = thumb.locator("xpath=../..").bounding_box()              # the mouse: the start thumb 60 px to the left
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 60, box["y"] + box["height"] / 2, steps=6)
    page.mouse.up()
    settle(page)
    page.wait_for_function("(el) => el.value !== '26'", arg=thumb.element_handle(), timeout=WAIT)
    start = int(thumb.input_value())
    assert start < 26
    by_mouse = say("ux_span_now", lang, start=start, last=38, n=39 - start)
    page.get_by_text(by_mouse).first.wait_for()
    other.first.press("ArrowLeft")                                 # another rerun: the span stays
    settle(page)
    page.get_by_text(by_mouse).first.wait_for()
    lines = page.locator(".js-plotly-plot").filter(has=page.locator(".scatterlayer")).first   # the units' lines
    lines.evaluate("e => e.scrollIntoView({block: 'center'})")    # (plotly may draw the chart again meanwhile:
    area = lines.locator(".nsewdrag").first.bounding_box()         # the locator finds the one on screen now)
    T = len(text)                                                  # drag from t = 2 to t = 9 (x from −0.5 to T−0.5)
    x_at = lambda t: area["x"] + area["width"] * (t + 0.5) / T
    page.mouse.move(x_at(1.6), area["y"] + area["height"] / 2)
    page.mouse.down()
    page.mouse.move(x_at(9.4), area["y"] + area["height"] / 2, steps=8)
    page.mouse.up()
    settle(page)
    page.get_by_text(say("ux_span_now", lang, start=2, last=9, n=8)).first.wait_for(timeout=WAIT)
    other.first.press("ArrowRight")
    settle(page)
    page.get_by_text(say("ux_span_now", lang, start=2, last=9, n=8)).first.wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
