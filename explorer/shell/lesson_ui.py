"""The lesson around every page: the sidebar's pages in the path's order, "what to notice" with its Show
me, the top of a lesson page, predict-then-reveal and the page's own question, ← previous / next →. What
each page has is its Stop in explorer/path.py."""
from __future__ import annotations

import copy

import streamlit as st

from explorer.path import LANDING, PATH, STOPS, Example, Sizes, neighbours, number, script_file
from explorer.safe_text import md_escape
from explorer.shell import own_ui, stepper, textbox
from explorer.shell.cached import (
    bimodel,
    cached_bi_trace,
    cached_trace,
    gradient_norms,
    probe_result,
    saturated_shares,
    shipped,
    shipped_trace,
)
from explorer.shell.state import K, clamp_selection, lang, presenting, say, set_text, text_now
from explorer.texts import COUNTER_TEXT
from explorer.tracing import Trace


def show_counter() -> None:
    """A button's callback: a text with line breaks, and the unit that counts the column chosen."""
    set_text(COUNTER_TEXT)
    st.session_state[K.SEL_J] = probe_result()["column"]["unit"]
    st.session_state[K.SEL_T] = len(COUNTER_TEXT) - 1


def counter_example() -> None:
    """The interpretable cell, one click away."""
    found = probe_result()["column"]
    with st.container(border=True, horizontal=True, vertical_alignment="center"):   # the button as wide as its label
        st.markdown(say("counter_note", j=found["unit"], r=f"{found['corr']:+.3f}"), width="stretch")
        st.button(say("counter_button", j=found["unit"]), on_click=show_counter, key=K.COUNTER_EXAMPLE)


def lesson_page(name: str, latex: str | tuple[str, ...], map_kinds: tuple[str, ...]) -> Trace | None:
    """The top of a lesson page: title, explanation, equation, the text box with the clickable maps of
    `map_kinds` (a click chooses t and j); returns the trace (None when there is no text)."""
    st.title(say(name + "_title"))
    notice(name)
    st.write(say(name + "_intro"))
    for line in (latex,) if isinstance(latex, str) else latex:   # one equation a line: a projector is narrow
        st.latex(line)
    text = text_now()
    trace = cached_trace(text) if text else None
    selected = clamp_selection(*trace.forget.shape) if trace is not None else None
    st.caption(say("map_caption"))
    textbox.text_box(map_kinds, key=K.live(name), on_click=stepper.select, selected=selected,
                     on_step=(lambda t: stepper.go(t, len(trace))) if trace is not None else None)
    if trace is None:
        return None
    textbox.unknown_note(trace)
    return trace



# --- the lesson path, "what to notice", predict-then-reveal, presenter mode ---------------------------
def page_title(stop_key: str) -> str:
    """A page's name in the sidebar and in the links: its number on the path and its title."""
    return f"{number(stop_key)} · {say('nav_' + stop_key)}"


_PAGES: dict[str, dict[str, st.Page]] = {}   # the path's pages, a set for each language, once a process


def nav_pages() -> dict[str, st.Page]:
    """The path's pages for st.navigation, by key, titled in the session's language. st.Page looks its file
    up on the disk (a tenth of a page's run when a class of 40 changed page at once, py-spy), so a set is
    made once for each language a process, and each run gets copies: st.navigation marks the page it
    returns as the one that run may run, and two sessions must not share that mark."""
    return {key: copy.copy(page) for key, page in _made(lang()).items()}


def _made(lang_: str) -> dict[str, st.Page]:
    if lang_ not in _PAGES:
        _PAGES[lang_] = {stop.key: st.Page(script_file(stop), title=page_title(stop.key), icon=stop.icon,
                                           url_path=stop.url or stop.key, default=stop.key == LANDING)
                         for stop in PATH}
    return _PAGES[lang_]


def _page(stop) -> st.Page:
    """A stop's page for st.page_link, which only reads it (and shows its icon unless given icon="")."""
    return _made(lang())[stop.key]


def path_links(stop_key: str) -> None:
    """← previous / next → at the end of a page (prominent in presenter mode)."""
    before, after = neighbours(stop_key)
    st.divider()
    left, right = st.columns(2)
    if before is not None:
        left.page_link(_page(before), label=say("path_prev", n=number(before.key), title=say("nav_" + before.key)),
                       icon="", width="stretch" if presenting() else "content")
    if after is not None:
        right.page_link(_page(after), label=say("path_next", n=number(after.key), title=say("nav_" + after.key)),
                        icon="", width="stretch" if presenting() else "content")


def apply(show: Example | Sizes, stop_key: str) -> None:
    """A "Show me" click: its text into the box, its step t and the counting unit chosen, or its sizes."""
    if isinstance(show, Sizes):
        st.session_state[K.PARAMS_H], st.session_state[K.PARAMS_X] = show.h, show.x
        return
    set_text(show.text)
    if show.counting_unit:
        st.session_state[K.SEL_J] = probe_result()["column"]["unit"]
    if show.t is not None:
        st.session_state[K.step(stop_key)] = show.t


def notice(stop_key: str, action=None) -> None:
    """Two or three lines of "what to notice here", with the one-click example where it is plain to see
    (`action`: the page's own, else its Stop's show_me)."""
    with st.container(border=True):
        st.markdown(f"**{say('notice_title')}** · {say('path_where', n=number(stop_key), total=len(PATH))}")
        st.markdown(say("notice_" + stop_key, j=probe_result()["column"]["unit"]))
        show = STOPS[stop_key].show_me if stop_key in STOPS else None
        if action is None and show is not None:
            action = lambda: apply(show, stop_key)   # noqa: E731
        if action is not None:
            st.button(say("notice_button"), key=K.notice(stop_key), on_click=action, type="primary")


def predict_reveal(q, key: str, about: str | None = None) -> bool | None:
    """A question answered before the model's own answer is shown; returns whether the guess was right
    (None until revealed). `about`: the text the question is asked on, shown with it (where the box has another)."""
    shown = K.quiz(key, "shown")
    with st.container(border=True):
        st.markdown(f"**{say('predict_title')}** · {md_escape(q.prompt)}")
        if about is not None:
            st.caption(say("q_about"))
            st.code(about, language=None, wrap_lines=True)
        guess = st.radio(say("your_guess"), range(len(q.options)), index=None, horizontal=True, key=K.quiz(key, "guess"),
                         format_func=lambda k: md_escape(q.options[k]),
                         on_change=lambda: st.session_state.pop(shown, None))
        st.button(say("reveal"), key=K.quiz(key, "reveal"), disabled=guess is None,
                  on_click=lambda: st.session_state.__setitem__(shown, True))
        if guess is None or not st.session_state.get(shown):
            return None
        right = guess == q.answer
        (st.success if right else st.warning)(
            md_escape(say("reveal_right" if right else "reveal_wrong", answer=q.options[q.answer])))
        st.caption(md_escape(q.explain))
        return right



def revealed(stop_key: str) -> bool:
    """Whether the page's question has been answered and its answer shown."""
    return st.session_state.get(K.quiz(stop_key, "guess")) is not None and bool(st.session_state.get(K.quiz(stop_key, "shown")))


class _Source:
    """What the questions are computed from (explorer.quiz.Source): the shipped models and their cached
    results, each looked up only when a question reads it (the Bi-LSTM is loaded for the Bi-LSTM's question)."""

    def __init__(self) -> None:
        self.lang = lang()

    counting_unit = property(lambda self: probe_result()["column"]["unit"])
    shipped_sizes = property(lambda self: (shipped().hidden_size, shipped().input_size))
    char_vocab = property(lambda self: shipped().vocab.chars)
    bi_vocab = property(lambda self: bimodel().vocab.chars)
    trace = staticmethod(shipped_trace)
    bi_trace = staticmethod(cached_bi_trace)
    gradient_norms = staticmethod(gradient_norms)
    saturated_shares = staticmethod(saturated_shares)


def page_question(stop_key: str, placed: bool = False) -> None:
    """The page's predict-then-reveal question (its Stop's), its answer computed now from the model. A
    question about one text is asked only while that text is in the box (else one click puts it there,
    with the page's Show me when that is its example); `placed`: the page asks it itself, above what would
    give its answer away (Ask.placed)."""
    ask = STOPS[stop_key].question if stop_key in STOPS else None
    if ask is not None and ask.placed != placed:
        return
    if own_ui.current() is not None:     # the questions are about the shipped model
        st.caption(say("own_no_questions"))
        return
    if ask is None:
        return
    if ask.about is not None and text_now() != ask.about:
        with st.container(border=True):
            first = ask.about.split("\n")[0] + (" …" if "\n" in ask.about else "")     # our own example: shown as code
            st.markdown(f"**{say('predict_title')}** · " + say("q_needs_text", text=f"`{first}`"))
            show = STOPS[stop_key].show_me
            put = show if isinstance(show, Example) and show.text == ask.about else Example(ask.about)
            st.button(say("q_put_text"), key=K.quiz(stop_key, "text"), on_click=apply, args=(put, stop_key),
                      icon=":material/input:")
        return
    predict_reveal(ask.build(_Source()), stop_key)


def start_here() -> None:
    """On the landing page: the way to the start of the lesson path."""
    first = PATH[0]
    st.page_link(_page(first), label=say("path_start", title=say("nav_" + first.key)), icon=":material/school:")
