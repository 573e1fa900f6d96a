"""The pages, run headless by Streamlit's AppTest: what they show, in both languages."""
import json

import pytest
from streamlit.testing.v1 import AppTest

from explorer import load_model, trace
from explorer.i18n import say
from explorer.path import PATH
from explorer.shell.state import INPUT_CAP, TEXT_CAP, K
from explorer.texts import DEFAULT_TEXT
from tests.helpers.apptest import APP, open_page


def run_app(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def maps(at: AppTest) -> dict:
    """The data the live box (text box + maps, drawn in the browser) is mounted with."""
    return json.loads(at.get("bidi_component")[0].proto.json)[0]


def test_overview_sends_the_text_and_the_maps_to_draw_never_their_values():
    at = run_app()
    assert at.title[0].value == say("overview_title", "en")
    data = maps(at)
    assert data["text"] == DEFAULT_TEXT and data["cap"] == TEXT_CAP and data["inputCap"] == INPUT_CAP
    assert [p["kind"] for p in data["panels"]] == ["forget", "input", "candidate", "cell", "output", "hidden"]
    assert data["modelUrl"].startswith("app/static/char_lstm.json?v=")
    assert len(json.dumps(data)) < 16 * 1024          # settings and text: the browser computes the maps
    # ... and the guesses and the text as read, beside and under them (their numbers: tests/browser/test_live_box.py)
    assert data["guesses"]["k"] == 8 and data["guesses"]["title"] == say("guesses_title", "en")
    assert data["guesses"]["noDecoder"] is None and data["reads"] == {"title": say("read_as", "en")}
    assert not charts(at) and not at.get("html")      # nothing of the text is drawn by the server


def test_text_and_language_come_from_the_url():
    at = run_app(text="我爱中国", lang="zh")
    assert at.title[0].value == say("overview_title", "zh")
    assert maps(at)["text"] == "我爱中国" and maps(at)["label"] == say("text_label", "zh")
    assert at.query_params["text"] == ["我爱中国"] or at.query_params["text"] == "我爱中国"


def test_empty_text_keeps_the_box_and_draws_no_chart():
    at = run_app(text="")
    assert not charts(at)
    assert maps(at)["text"] == "" and maps(at)["emptyHint"] == say("empty_hint", "en")  # the browser says it


def test_text_over_the_cap_is_cut_with_a_notice():
    long = "abc " * 1000
    at = run_app(text=long)       # the overview: the box says it, as the text changes (tests/browser/test_overview.py)
    assert not at.warning and maps(at)["notes"]["tooLong"] == say("too_long", "en")
    assert maps(at)["cap"] == TEXT_CAP and maps(at)["text"] == long   # the box reads TEXT_CAP of them (browser test)
    at = open_page("forget", text=long)     # a page whose server reads the text says it itself
    assert at.warning[0].value == say("too_long", "en", n=len(long), cap=TEXT_CAP)


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "**bold** $x$ `code`", "😀\x07\u202e"])
def test_text_that_looks_like_markup_is_shown_literally(text):
    at = run_app(text=text)
    assert maps(at)["text"] == text                   # to the box, which sets every text as textContent
    for md in [*at.markdown, *at.caption]:
        assert "<strong>bold</strong>" not in md.value and "alert(1)" not in md.value


def test_unknown_characters_are_named_in_a_note():
    at = open_page("forget", text="hi 😀 ☃😀")   # counted as the model reads them, each named once
    assert say("unknown_note", "en", n=3, chars="☃ 😀") in [c.value for c in at.caption]
    at = run_app(text="hi 😀 ☃😀", lang="zh")    # the overview's box names them (tests/browser/test_overview.py)
    assert maps(at)["notes"]["unknown"] == say("unknown_note", "zh")
    assert not [c for c in at.caption if "😀" in c.value]


def test_the_take_out_files_are_made_only_while_its_popover_is_open():
    at = run_app(text="hello")
    assert not at.get("download_button")             # closed: nothing of it is made on a key
    at.session_state[K.OUT_POPOVER] = True            # as the browser says when it is opened
    at.run()
    names = [b.proto.label for b in at.get("download_button")]
    assert len(names) == 2 + 6 and say("out_npz", "en") in names     # .npz, CSVs, and a PNG of each map
    assert "hello" in at.code[0].value                # the snippet reproduces this text


def test_several_lines_box_sets_the_text_with_its_line_breaks():
    at = run_app(text="def f():")
    version = maps(at)["version"]
    assert not at.text_area                              # closed: no editor is made on a key
    at.session_state[K.LINES_POPOVER] = True             # opened: the editor holds the text as it is now
    at.session_state[K.TEXT] = "def g():"
    at.run()
    assert at.text_area(key=f"lines{version}").value == "def g():"
    code = "x = [\n    1,\n]"
    at.text_area(key=f"lines{version}").input(code).run()
    assert not at.exception
    assert at.session_state.text == code and at.query_params["text"] == code
    assert maps(at)["text"] == code and maps(at)["version"] == version + 1   # the box shows it afresh
    assert at.text_area(key=f"lines{version + 1}").value == code


def test_a_pasted_book_is_kept_only_up_to_the_input_cap():
    at = run_app(text="x" * (INPUT_CAP * 3))
    assert len(at.session_state.text) == INPUT_CAP and len(at.query_params["text"]) == INPUT_CAP
    assert len(maps(at)["text"]) == INPUT_CAP and maps(at)["cap"] == TEXT_CAP  # "your text has 5000 characters": the box


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_example_is_one_click_away(lang):
    from explorer.texts import EXAMPLES

    at = run_app(lang=lang)
    for key, text in EXAMPLES.items():
        version = maps(at)["version"]
        at.button(key=key).click().run()
        assert not at.exception
        assert at.session_state.text == text and at.query_params["text"] == text
        assert maps(at)["text"] == text and maps(at)["version"] == version + 1
        assert not trace(load_model(), text).unknown.any()        # every example is in the vocabulary


def test_each_run_gets_its_own_copies_of_the_pages_made_once_a_language():
    """ui.nav_pages builds the path's st.Page objects once a language a process (st.Page looks its file up on
    the disk) and hands each run copies: st.navigation marks the page it returns as the one that run may
    run, and a second session must not have that mark taken from it: so every run's pages are its own."""
    def script():
        import json

        import streamlit as st

        from explorer.path import PATH
        from explorer.shell import lesson_ui as ui

        a = ui.nav_pages()
        made = dict(ui._PAGES["en"])
        b = ui.nav_pages()
        st.session_state["lang"] = "zh"
        zh = ui.nav_pages()
        key = PATH[0].key
        st.write(json.dumps({"keys": list(a), "copies": all(a[k] is not b[k] for k in a),
                             "same": all((a[k].title, a[k].url_path) == (b[k].title, b[k].url_path) for k in a),
                             "made_once": all(ui._PAGES["en"][k] is made[k] for k in a),
                             "titles": [a[key].title, zh[key].title]}))

    at = AppTest.from_function(script, default_timeout=60)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    got = json.loads(at.markdown[0].value)
    assert got["keys"] == [s.key for s in PATH]
    assert got["copies"] and got["same"] and got["made_once"]
    assert got["titles"][0].endswith(say("nav_" + PATH[0].key, "en"))
    assert got["titles"][1].endswith(say("nav_" + PATH[0].key, "zh"))
