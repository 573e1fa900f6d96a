"""The four lesson pages (forget, input, cell, output), run by AppTest: every number shown is the
trace's, every equation adds up."""
import json
import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from explorer import trace
from explorer.i18n import say
from explorer.lesson import belt_step, contributions, gate_terms
from explorer.lstm import sigmoid
from explorer.safe_text import md_escape
from tests.helpers.apptest import APP, decode, worked
from tests.helpers.apptest import open_page as open_with_query

TEXT = "Return len(x) for 我爱中国"
PAGES = ["forget", "input", "cell", "output"]


@pytest.fixture(scope="module")
def tr(model):
    return trace(model, TEXT)


def open_page(page: str, t: int = 7, j: int = 3, lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(text=TEXT, t=str(t), j=str(j), lang=lang)
    at.run()
    at.switch_page(f"../pages/{page}.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def numbers(latex: str) -> list[float]:
    return [float(x.replace("{-}", "-")) for x in re.findall(r"\{-\}\d+\.\d+|\d+\.\d+", latex)]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_page_runs_and_shows_its_map(page, lang, tr):
    at = open_page(page, lang=lang)
    data = json.loads(at.get("bidi_component")[0].proto.json)[0]  # the live box and its clickable maps
    kinds = {"forget": ["forget"], "input": ["input", "candidate", "written"], "cell": ["cell"],
             "output": ["output", "tanh_cell", "hidden"]}[page]
    assert [p["kind"] for p in data["panels"]] == kinds and all(p["clickable"] for p in data["panels"])
    assert data["text"] == TEXT and data["selected"] == {"t": 7, "j": 3}
    assert data["panels"][0]["title"] == say("kind_" + page, lang)


def values(d):
    return decode(d) if isinstance(d, dict) else np.asarray(d, np.float64)


@pytest.mark.parametrize("page, gate", [("forget", "forget"), ("input", "input"), ("output", "output")])
def test_the_equation_with_numbers_is_the_real_one(page, gate, model, tr):
    at = open_page(page, t=7, j=3)
    latex = worked(at)  # the equation with the numbers (the general forms come first)
    h_part, x_part, bias, pre, value = numbers(latex)[-5:]
    g = gate_terms(model, tr, gate, 7, 3)
    assert (h_part, x_part, bias) == pytest.approx((g.from_hidden, g.from_input, g.bias), abs=5e-4)
    assert pre == pytest.approx(float(getattr(tr, "pre_" + gate)[7, 3]), abs=5e-4)
    assert value == pytest.approx(float(getattr(tr, gate)[7, 3]), abs=5e-4)
    assert value == pytest.approx(float(sigmoid(pre)), abs=1e-3)


def test_the_belt_adds_up_and_contributions_sum_to_the_cell(tr):
    at = open_page("cell", t=12, j=5)
    at.toggle(key="contrib_open").set_value(True).run()
    latex = worked(at)
    f, c_prev, i, cand, kept, written, c = numbers(latex)[-7:]
    b = belt_step(tr, 12, 5)
    assert (f, c_prev, i, cand, c) == pytest.approx((b.forget, b.c_prev, b.input, b.candidate, float(tr.cell[12, 5])), abs=5e-4)
    assert kept + written == pytest.approx(c, abs=2e-3)
    for s in (0, 12, len(TEXT) - 1):
        for j in (0, 5):
            assert contributions(tr, s, j).sum() == pytest.approx(float(tr.cell[s, j]), abs=1e-4)
    traces = [d for c in at.get("plotly_chart") for d in json.loads(c.proto.spec)["data"]]
    up, down = [values(d["y"]) for d in traces if d.get("fill") == "tozeroy"]  # positive and negative parts
    contrib = up + down
    waterfall = next(d for d in traces if d["type"] == "waterfall")["y"]
    assert waterfall[0] == pytest.approx(b.c_prev, abs=1e-6) and waterfall[-1] == pytest.approx(b.cell, abs=1e-6)
    np.testing.assert_allclose(contrib, contributions(tr, 12, 5), atol=1e-6)


def test_next_button_moves_t_and_the_url_follows():
    at = open_page("forget", t=7, j=3)
    at.button(key="next_step").click().run()
    assert at.session_state.sel_t == 8
    assert at.query_params["t"] in ("8", ["8"])
    assert "f_{8}[3]" in worked(at)


def test_what_if_forget_forced_to_one_is_a_real_rerun(model, tr):
    at = open_page("forget", t=4, j=2)
    assert not any("cell state" in json.loads(c.proto.spec)["layout"].get("title", {}).get("text", "")
                   for c in at.get("plotly_chart"))  # the experiment is opt-in
    at.toggle(key="whatif_open_forget").set_value(True).run()
    lines = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    cell_chart = next(s for s in lines if "cell state" in s["layout"].get("title", {}).get("text", ""))
    as_is, forced = (values(d["y"]) for d in cell_chart["data"])
    np.testing.assert_allclose(as_is, tr.cell[:, 2], atol=1e-6)
    from explorer.lstm import Forcing

    np.testing.assert_allclose(forced, trace(model, TEXT, Forcing("forget", 1.0, 4, (2,))).cell[:, 2], atol=1e-6)
    assert not np.allclose(forced[5:], as_is[5:])


def test_t_and_j_out_of_range_in_the_url_are_clamped():
    at = open_page("cell", t=10_000, j=-4)
    assert at.session_state.sel_t == len(TEXT) - 1 and at.session_state.sel_j == 0


def test_the_counting_unit_is_one_click_away(model):
    from explorer.shell.cached import probe_result
    from explorer.texts import COUNTER_TEXT

    at = open_page("cell")
    unit = probe_result()["column"]["unit"]
    assert f"unit {unit}" in " ".join(m.value for m in at.markdown)
    at.button(key="counter_example").click().run()
    assert not at.exception
    assert at.session_state.text == COUNTER_TEXT and at.session_state.sel_j == unit
    assert at.query_params["j"] == str(unit)
    # the line chart of C along the text is unit `unit`'s, and it really drops at each line break
    c = trace(model, COUNTER_TEXT).cell[:, unit]
    lines = [tr_ for p in at.get("plotly_chart") for tr_ in json.loads(p.proto.spec)["data"] if tr_.get("type") == "scatter"]
    ys = [decode(tr_["y"]) if isinstance(tr_["y"], dict) else np.asarray(tr_["y"]) for tr_ in lines]
    assert any(len(y) == len(c) and np.allclose(y, c, atol=1e-5) for y in ys)
    breaks = [k for k, ch in enumerate(COUNTER_TEXT) if ch == "\n"]
    col = np.array([k - max([b for b in breaks if b < k] + [-1]) - 1 for k in range(len(COUNTER_TEXT))])
    assert abs(np.corrcoef(c, col)[0, 1]) > 0.8


@pytest.mark.parametrize("page", ["forget", "input", "cell", "output", "rnn_vs_lstm"])
def test_a_question_about_one_example_is_asked_only_with_it_in_the_box(page):
    """With a text of one's own in the box, the question about the example is not asked (its t would name
    a character of another text): one click puts the example in, and then it is asked about what is shown."""
    from explorer.path import STOPS

    stop = {"rnn_vs_lstm": "memory"}.get(page, page)
    at = open_with_query(page, text="my own words, not the example")
    assert not [r for r in at.radio if r.key == f"q_{stop}_guess"]
    assert any(say("q_needs_text", "en", text="")[:20] in m.value for m in at.markdown)
    at.button(key=f"q_{stop}_text").click().run()
    assert not at.exception
    assert at.session_state.text == STOPS[stop].question.about
    show = STOPS[stop].show_me                                  # its Show me: the step the question names
    if show.t is not None:
        assert at.session_state.sel_t == show.t
    assert [r for r in at.radio if r.key == f"q_{stop}_guess"]


def test_check_yourself_shows_the_text_a_question_names_and_answers_from_the_model(model):
    """With a text of one's own in the box, the questions that name a step (t = 39, 20 characters back) show the
    text they are asked on, and each revealed answer is the model's own on that text."""
    from explorer import quiz
    from explorer.shell.cached import probe_result
    from explorer.texts import COUNTER_TEXT

    at = open_with_query("check", text="my own words, not the example")
    codes = [c.value for c in at.code]
    assert COUNTER_TEXT in codes and quiz.MEMORY_TEXT in codes
    unit = probe_result()["column"]["unit"]
    want = quiz.forget_at_break(trace(model, COUNTER_TEXT), unit, "en")
    radio = at.radio(key="q_check1_guess")
    assert radio.options == [md_escape(o) for o in want.options] and f"t = {COUNTER_TEXT.index(chr(10))}" in want.prompt
    radio.set_value(want.answer).run()
    at.button(key="q_check1_reveal").click().run()
    assert [s.value for s in at.success] == [md_escape(say("reveal_right", "en", answer=want.options[want.answer]))]
