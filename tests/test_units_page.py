"""The Unit explorer page, run by AppTest: what it lists, matches and shows is explorer.units' answer on
the model's own numbers; its buttons lead where they say; odd text breaks nothing."""
import json

import pytest
from streamlit.testing.v1 import AppTest

from explorer import units
from explorer.i18n import say
from explorer.models import SHIPPED
from explorer.probe import probe_path
from explorer.shell.unit_page import default_span
from explorer.texts import COUNTER_TEXT
from explorer.tracing import trace
from tests.helpers.apptest import APP

COLUMN = json.loads(probe_path(SHIPPED).read_text())["column"]["unit"]


def open_units(text: str | None = None, lang: str = "en", **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(lang=lang, **({"text": text} if text is not None else {}))
    for k, v in state.items():
        at.session_state[k] = v
    at.run()
    at.switch_page("../pages/units.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def html_bodies(at: AppTest) -> str:
    return "".join(e.proto.body for e in at.get("html"))


def test_show_me_finds_the_column_unit_first(model):
    at = open_units()
    at.button(key="notice_units").click().run()
    assert not at.exception
    assert at.session_state.text == COUNTER_TEXT
    start, last = default_span(COUNTER_TEXT)
    assert at.session_state.ux_span == (start, last) and COUNTER_TEXT[last + 1] == "\n"
    want = units.select(trace(model, COUNTER_TEXT), start, last + 1, "cell", units.DEFAULT_THRESHOLD["cell"], k=12)
    shown = [o.content for o in at.get("button_group")[0].proto.options]      # the pills, best first
    assert shown == [f"unit {s.unit}" + (" · column" if s.unit == COLUMN else "") for s in want]
    assert want[0].unit == COLUMN
    # the card is the column unit's: its highest contexts, with their values, from the corpus
    assert at.number_input(key="ux_card").value == COLUMN
    body = html_bodies(at)
    index = units.corpus_index(model)
    for c in units.top_contexts(index, COLUMN, "cell", k=5):
        assert f"{c.value:+.2f} · line {c.line}, col {c.column}" in body
        assert c.column >= 40


def test_a_pill_and_the_number_open_a_card(model):
    at = open_units(text="abc (def) ghi")
    found = [s.unit for s in units.select(trace(model, "abc (def) ghi"), 5, 13, "cell", 1.0, k=12)]
    assert found, "the default span should find some unit"
    at.get("button_group")[0].set_value(found[-1]).run()
    assert at.number_input(key="ux_card").value == found[-1]
    at.number_input(key="ux_card").set_value(7).run()
    assert not at.exception and "unit 7" in at.markdown[[m.value.startswith("**unit 7") for m in at.markdown].index(True)].value


def test_match_shows_the_apis_passages(model):
    at = open_units(text=COUNTER_TEXT)
    chosen = at.multiselect[0].value
    span = at.session_state.ux_span
    pattern = units.pattern_of(trace(model, COUNTER_TEXT), chosen, span[0], span[1] + 1, "cell", 1.0)
    passages = units.match(units.corpus_index(model), chosen, "cell", 8, 1.0, pattern)
    body = html_bodies(at)
    for p in passages:
        assert f"line {p.line}, column {p.column} · {p.score:.0%}" in body


def test_force_opens_the_what_if_on_that_unit():
    at = open_units(text=COUNTER_TEXT)
    at.number_input(key="ux_card").set_value(41).run()
    at.button(key="ux_force_forget").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == say("forget_title", "en")
    assert at.toggle(key="whatif_open_forget").value is True
    assert at.radio(key="whatif_scope_forget").value == "unit"
    assert at.slider(key="j_slider_41").value == 41


def test_threshold_too_high_says_so_and_chinese_runs():
    at = open_units(text="hello world")
    at.slider(key="ux_threshold_cell").set_value(10.0).run()
    assert not at.exception and any(say("ux_none", "en", kind="C", t=10.0) == i.value for i in at.info)
    for kind in units.KINDS:      # (a fresh session each: AppTest cannot set a radio whose labels are Chinese)
        zh = open_units(text="我爱中国。今天天气很好。", lang="zh", ux_kind=kind)
        assert zh.subheader[0].value == say("ux_select_title", "zh")
        assert zh.get("bidi_component")[0].proto.json.count(f'"kind": "{kind}"') >= 1


@pytest.mark.parametrize("text", ["", "x", "<b>bold</b> *star* $x^2$ [link](http://a.b) `code`", "😀\u200b\x07 tab\there"])
def test_odd_text_breaks_nothing(text):
    at = open_units(text=text)
    if not text:
        assert any(i.value == say("empty_hint", "en") for i in at.info)
        assert len(at.get("plotly_chart")) == 3            # the saturation plots do not need a text
        return
    if len(text) == 1:
        assert any(i.value == say("ux_short", "en") for i in at.info)
    for m in at.markdown:                                    # what was typed is never turned into markup
        assert "<b>" not in m.value and "[link](" not in m.value
    if "<" in text:
        assert "<b>" not in html_bodies(at) and "&lt;" in html_bodies(at)


def test_the_span_a_student_chose_stays_after_the_rerun():
    """A thumb moved (as a drag or the arrow keys send it) keeps its place: the span is not reset to the default."""
    at = open_units("Return the number of items in the list.")
    span = next(s for s in at.select_slider if s.label == say("ux_span", "en"))
    span.set_value((3, 9)).run()
    assert not at.exception
    assert tuple(next(s for s in at.select_slider if s.label == say("ux_span", "en")).value) == (3, 9)
    at.run()                                                     # any later rerun
    assert tuple(next(s for s in at.select_slider if s.label == say("ux_span", "en")).value) == (3, 9)
    assert at.session_state["ux_span"] == (3, 9)
