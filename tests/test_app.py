"""The pages, run headless by Streamlit's AppTest: what they show, in both languages."""
import base64
import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from explorer import load_model, trace
from explorer.i18n import tr
from explorer.ui import DEFAULT_TEXT, INPUT_CAP, TEXT_CAP

APP = str(Path(__file__).resolve().parent.parent / "explorer" / "app.py")


def run_app(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def decode(bdata: dict) -> np.ndarray:
    """A plotly typed array ({dtype, bdata, shape: "r, c"}) as numpy."""
    shape = tuple(int(n) for n in str(bdata.get("shape", "-1")).split(",") if n.strip())
    return np.frombuffer(base64.b64decode(bdata["bdata"]), dtype=np.dtype(bdata["dtype"])).reshape(shape)


def maps(at: AppTest) -> dict:
    """The data the overview's map component draws."""
    return json.loads(at.get("bidi_component")[0].proto.json)


def panel_values(panel: dict, T: int) -> np.ndarray:
    return np.frombuffer(base64.b64decode(panel["values"]), np.float32).reshape(panel["units"], T)


def test_overview_draws_the_trace_of_the_default_text():
    at = run_app()
    assert at.title[0].value == tr("overview_title", "en")
    data = maps(at)
    t = trace(load_model(), DEFAULT_TEXT)
    for panel, kind in zip(data["panels"], ("forget", "input", "candidate", "cell", "output", "hidden")):
        np.testing.assert_allclose(panel_values(panel, len(DEFAULT_TEXT)), getattr(t, kind).T, atol=1e-6)
    assert len(data["labels"]) == len(DEFAULT_TEXT)
    bars = charts(at)[0]["data"][0]
    x = decode(bars["x"]) if isinstance(bars["x"], dict) else np.asarray(bars["x"])
    np.testing.assert_allclose(x, np.sort(t.next_char_probs[-1])[::-1][:8][::-1], atol=1e-6)


def test_text_and_language_come_from_the_url():
    at = run_app(text="我爱中国", lang="zh")
    assert at.title[0].value == tr("overview_title", "zh")
    assert maps(at)["labels"] == list("我爱中国")
    assert at.query_params["text"] == ["我爱中国"] or at.query_params["text"] == "我爱中国"


def test_empty_text_gives_a_friendly_hint_and_no_charts():
    at = run_app(text="")
    assert at.info[0].value == tr("empty_hint", "en")
    assert not charts(at) and not at.get("bidi_component")


def test_text_over_the_cap_is_cut_with_a_notice():
    long = "abc " * 1000
    at = run_app(text=long)
    assert at.warning[0].value == tr("too_long", "en", n=len(long), cap=TEXT_CAP)
    assert len(maps(at)["labels"]) == TEXT_CAP


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "**bold** $x$ `code`", "😀\x07\u202e"])
def test_text_that_looks_like_markup_is_shown_literally(text):
    at = run_app(text=text)
    chips = at.get("html")[0].proto.body
    assert "<script" not in chips and "<b>" not in chips and "<strong>" not in chips
    for md in [*at.markdown, *at.caption]:
        assert "<strong>bold</strong>" not in md.value and "alert(1)" not in md.value


def test_unknown_characters_are_named_in_a_note():
    at = run_app(text="hi 😀")
    assert any("U+1F600" in c.value for c in at.caption)


def test_line_breaks_from_the_button_and_the_several_lines_box():
    from explorer.ui import from_box, to_box

    # the one-line box shows a line break as ↵, and reads ↵ back as one
    assert to_box("def f():\n    return 1") == "def f():↵    return 1"
    assert from_box(to_box("a\nb\n\nc")) == "a\nb\n\nc"
    assert to_box("a\r\nb") == "a↵b"
    at = run_app(text="def f():")
    at.button(key="newline").click().run()
    assert at.session_state.text == "def f():\n"
    assert at.query_params["text"] == "def f():\n"              # the shared link keeps it
    assert maps(at)["labels"][-1] == "↵"                 # the model read a line break
    code = "x = [\n    1,\n]"
    at.text_area(key="lines1").input(code).run()
    assert not at.exception
    assert at.session_state.text == code
    t = trace(load_model(), code)
    np.testing.assert_allclose(panel_values(maps(at)["panels"][3], len(code)), t.cell.T, atol=1e-6)
    assert at.text_area(key="lines2").value == code      # the box is shown afresh with the new text


def test_a_pasted_book_is_kept_only_up_to_the_input_cap():
    at = run_app(text="x" * (INPUT_CAP * 3))
    assert len(at.session_state.text) == INPUT_CAP and len(at.query_params["text"]) == INPUT_CAP
    assert str(INPUT_CAP) in at.warning[0].value                    # "your text has 5000 characters"
    assert len(maps(at)["labels"]) == TEXT_CAP


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_example_is_one_click_away(lang):
    from explorer.ui import EXAMPLES
    from explorer.vocab import display_char

    at = run_app(lang=lang)
    for key, text in EXAMPLES.items():
        at.button(key=key).click().run()
        assert not at.exception
        assert at.session_state.text == text and at.query_params["text"] == text
        assert maps(at)["labels"] == [display_char(c) for c in text]
        assert not trace(load_model(), text).unknown.any()        # every example is in the vocabulary
