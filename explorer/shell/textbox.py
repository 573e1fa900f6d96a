"""The live text box: the box itself with its maps (drawn by the browser: explorer/shell/livebox.py), the
row of controls above it, the notes on characters the model does not know, and the examples a click
puts into it."""
from __future__ import annotations

import streamlit as st

from explorer.draw.box import box_data, guesses_spec, panels_for, server_trace
from explorer.safe_text import md_escape
from explorer.shell import heard, own_ui, take_out
from explorer.shell.cached import cached_trace, model, named_units
from explorer.shell.livebox import live_box
from explorer.shell.state import INPUT_CAP, TEXT_CAP, K, lang, one_newline, say, set_text, sync_url
from explorer.texts import EXAMPLES
from explorer.tracing import Trace
from explorer.vocab import display_char


def _heard(text: str, n: int | None = None, version: int | None = None) -> None:
    """The live box's callback: the server hears the text typed (once typing pauses), the tab's n-th. A text
    typed on an older version than the session's is old: the server has set another since (an example
    clicked in the same batch as the box's last text, whose callback ran first)."""
    if version is not None and version != st.session_state.get(K.TEXT_VERSION, 0):
        return
    st.session_state[K.TEXT] = one_newline(text)[:INPUT_CAP]
    st.session_state.pop(K.TEXT_RESTORABLE, None)
    heard.heard_by_run(n)


def box_controls(kinds=(), model_name: str = "char_lstm") -> None:
    """The row above the box: "units that matter first", take it out, several lines. Both popovers make
    their content only while open (opening one reruns what holds it), so the several-lines editor opens on
    the text as it is now, and the row can stand outside a fragment that reruns on every key (the
    overview: each widget there was a millisecond of the server's run a key)."""
    version = st.session_state.get(K.TEXT_VERSION, 0)
    with st.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center"):
        if kinds:
            st.toggle(say("top_units"), key=K.TOP_UNITS, help=say("top_units_help"))
        if kinds and model_name == "char_lstm":
            take_out.popover(kinds)
        lines = st.popover(say("lines_button"), on_change="rerun", key=K.LINES_POPOVER)
        if lines.open:
            lines.text_area(say("lines_label"), value=st.session_state[K.TEXT], key=K.lines(version), height=220,
                            max_chars=INPUT_CAP, help=say("lines_help"),
                            on_change=lambda: set_text(st.session_state[K.lines(version)]))


def text_box(kinds=(), key: str = "live_box", model_name: str = "char_lstm", on_click=None,
             selected: tuple[int, int] | None = None, heights: dict | None = None, splits: dict | None = None,
             on_step=None, guesses: bool = False, controls: bool = True, quiet: bool = False) -> str:
    """The live text box, with the unit × time maps of `kinds` drawn under it by the browser; returns the
    text the model reads (capped), with notices shown. `guesses`: the box also lists the model's
    next-character guesses beside the maps and the text as it reads it under them, on every key.

    One line that answers every keystroke in the browser (Enter or the ↵ button gives a line break, shown
    as ↵), and a "several lines" text area for pasting or editing text with line breaks (in the row of
    box_controls, above the box; `controls=False`: the page draws that row itself). `quiet`: nothing else on
    the page depends on the text, so the server hears it without a run (explorer/shell/heard.py) and the box
    itself says what is unknown or too long in it.
    """
    heard.take()       # (a fragment's run does not run explorer/app.py, which takes it for a page's)
    version = st.session_state.get(K.TEXT_VERSION, 0)
    if controls:
        box_controls(kinds, model_name)
    panels = panels_for(kinds, lang(), clickable=on_click is not None, heights=heights, splits=splits)
    named = named_units() if model_name == "char_lstm" else {}
    server = None
    if model_name == "char_lstm" and own_ui.current() is not None and kinds:   # the browser does not hold yours
        tr_ = cached_trace(st.session_state[K.TEXT][:TEXT_CAP])
        server = server_trace(tr_, model().vocab.chars if guesses else None,
                              backward=own_ui.layer_direction()[1] == "backward")
    live_box(box_data(st.session_state[K.TEXT], version, lang(), panels, model_name, selected, cap=TEXT_CAP,
                      input_cap=INPUT_CAP, top=bool(st.session_state.get(K.TOP_UNITS)), named=named,
                      keys=on_step is not None, server=server,
                      guesses=guesses_spec(lang(), decoder=server is None or server["decoder"]) if guesses else None,
                      reads=guesses, restore=K.TEXT_RESTORABLE in st.session_state,
                      own=own_ui.current().name if own_ui.current() is not None else None,
                      hear=heard.hear() if quiet else None),
             key=key, on_text=_heard, on_click=on_click, on_step=on_step, on_lost=own_ui.lost)
    st.session_state.pop(K.TEXT_RESTORABLE, None)    # offered to the session's first box only
    sync_url()
    text = st.session_state[K.TEXT]
    if len(text) > TEXT_CAP and not quiet:
        st.warning(say("too_long", n=len(text), cap=TEXT_CAP))
    return text[:TEXT_CAP]


def unknown_note(tr_) -> None:
    """Which characters (or words, for a word model of yours) the model has never seen (in a trace), shown
    as themselves (never as markup)."""
    m = own_ui.current()
    if m is not None and m.level == "word":
        _unknown_caption(m.split(tr_.text), tr_.unknown, "unknown_note_words")
    else:
        _unknown_caption(tr_.text, tr_.unknown)


def _unknown_caption(pieces, unknown, key: str = "unknown_note") -> None:
    seen = sorted({c for c, u in zip(pieces, unknown) if u})
    if seen:
        shown = " ".join(display_char(c) for c in seen[:20])
        st.caption(say(key, n=int(sum(unknown)), chars=md_escape(shown)))


def live_text(kinds=(), key: str = "live_box", guesses: bool = False, controls: bool = True) -> None:
    """The box of a page that needs no trace on the server and nothing else of the text (the overview): its
    maps, guesses and notes are the browser's, and the server hears the text without a run. A model of yours
    is traced by the server (the browser does not hold it): heard through a run, its notes the server's."""
    if own_ui.current() is None:
        text_box(kinds, key=key, guesses=guesses, controls=controls, quiet=True)
        return
    text = text_box(kinds, key=key, guesses=guesses, controls=controls)
    if text:
        unknown_note(cached_trace(text))


def live_trace(kinds=(), key: str = "live_box", guesses: bool = False) -> Trace | None:
    """Text box (with the maps of `kinds`, and the guesses: see text_box) + trace; None (after a friendly
    hint) when there is no text."""
    text = text_box(kinds, key=key, guesses=guesses)
    if not text:
        if not kinds:
            st.info(say("empty_hint"))
        return None
    tr_ = cached_trace(text)
    unknown_note(tr_)
    return tr_



def example_buttons() -> None:
    """A row of example texts; a click puts one into the text box."""
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(say("examples_label"), width="content")
        for key, text in EXAMPLES.items():
            st.button(say(key), key=key, on_click=set_text, args=(text,))

