"""The lesson pages at the edges a class reaches in the first minute: t at the last character (where a
page opens), t = 0, a one-character text, no text, a text that shrinks below t, the language switched
while playing; Play and What if? from the default state."""
import pytest
from streamlit.testing.v1 import AppTest

from explorer.i18n import LANGS
from tests.helpers.apptest import APP, open_page, worked

PAGES = ["forget", "input", "cell", "output"]


def ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]


@pytest.mark.parametrize("page", PAGES)
def test_play_from_the_default_state_starts_again_from_the_first_character(page):
    at = open_page(page, text="abcdef")                  # opens at the last character
    assert at.session_state.sel_t == 5
    at.toggle(key="playing").set_value(True).run()
    ok(at)
    assert at.session_state.playing and at.session_state.sel_t == 0
    assert at.toggle(key="playing").value


@pytest.mark.parametrize("gate", ["forget", "input", "output"])
def test_what_if_at_the_last_character(gate):
    at = open_page(gate, text="abcdef")
    at.toggle(key=f"whatif_open_{gate}").set_value(True).run()
    ok(at)
    keys = [c.proto.id for c in at.get("plotly_chart")]
    assert len(keys) == len(set(keys))
    at.button(key="prev_step").click().run()            # one step back: both guesses, now and at the end
    ok(at)


def test_t_zero_has_no_previous_step():
    at = open_page("forget", text="abcdef", t="0", j="3")
    assert at.button(key="prev_step").disabled and not at.button(key="next_step").disabled
    assert "h_{-1}" not in worked(at) and r"h_{\text{start}}" in worked(at)


@pytest.mark.parametrize("page", PAGES)
def test_a_one_character_text(page):
    at = open_page(page, text="a")
    assert at.session_state.sel_t == 0
    assert at.toggle(key="playing").disabled
    assert at.button(key="prev_step").disabled and at.button(key="next_step").disabled


@pytest.mark.parametrize("page", PAGES)
def test_no_text_shows_the_box_and_nothing_else(page):
    at = open_page(page, text="")
    assert not at.get("plotly_chart")
    assert [tg.key for tg in at.main.toggle] == ["top_units"]   # no play, no what-if: nothing to step through


def test_a_text_that_shrinks_below_t():
    at = open_page("cell", text="a longer text than later", t="20", j="7")
    assert at.session_state.sel_t == 20
    at.session_state["text"] = "abc"                    # what the box sends after the student deletes
    at.run()
    ok(at)
    assert at.session_state.sel_t == 2 and at.session_state.sel_j == 7
    assert at.query_params["t"] in ("2", ["2"])


def test_the_language_switched_while_playing():
    at = open_page("forget", text="abcdef", t="1")
    at.toggle(key="playing").set_value(True).run()
    at.sidebar.radio(key="lang_switch").set_value("zh").run()
    ok(at)
    assert at.session_state.playing
    assert at.query_params["lang"] in ("zh", ["zh"])


def test_a_carriage_return_is_read_as_the_box_reads_it():
    """CR LF and a lone CR are line breaks on the server as in the browser: the same text, the same trace."""
    at = open_page("forget", text="ab\r\ncd\ref")
    ok(at)
    assert at.session_state.text == "ab\ncd\nef"


@pytest.mark.parametrize("lang, present", [("zh", "1"), ("en", "0")])
def test_the_sidebar_switches_default_to_the_language_and_mode_of_the_moment(lang, present):
    """A browser draws a widget at its default when a rerun was asked for before the widget mounted (a
    component reporting during the page's first run): keyed by the value itself and set from the URL, the
    language switch came up English and sent that back (seen as a 中文 page turning English at the first
    click). Its default, and presenter mode's, are the session's own; switching still works, both ways."""
    at = open_page("forget", lang=lang, present=present)
    radio, toggle = at.sidebar.radio(key="lang_switch"), at.sidebar.toggle(key="present_switch")
    assert radio.proto.default == list(LANGS).index(lang) and radio.value == lang
    assert toggle.proto.default is (present == "1") and toggle.value is (present == "1")
    other = next(k for k in LANGS if k != lang)
    radio.set_value(other).run()
    ok(at)
    assert at.session_state.lang == other and at.query_params["lang"] in (other, [other])
    assert at.sidebar.radio(key="lang_switch").proto.default == list(LANGS).index(other)
    at.sidebar.toggle(key="present_switch").set_value(present != "1").run()
    ok(at)
    assert at.session_state.present is (present != "1")
    assert at.sidebar.toggle(key="present_switch").proto.default is (present != "1")


def test_a_new_session_that_brings_the_switches_values_takes_them():
    """After a failover, a page change starts a new session with the browser's widget values but no ?lang or
    ?present in its URL: the switches (中文, presenter mode on) win over the defaults, the page is drawn in them."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["lang_switch"], at.session_state["present_switch"] = "zh", True   # what the browser holds
    at.run()
    ok(at)
    assert at.session_state.lang == "zh" and at.session_state.present is True
    assert at.sidebar.radio(key="lang_switch").value == "zh" and at.sidebar.toggle(key="present_switch").value
    assert at.sidebar.radio(key="lang_switch").label == "语言"
    assert at.query_params["lang"] in ("zh", ["zh"]) and at.query_params["present"] in ("1", ["1"])
