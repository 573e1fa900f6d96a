"""The widgets the pages are built from: the live text box, choosing t and j (and play), the What if?
experiment, the lesson-page kit (title, "what to notice", equations, predict-then-reveal, presenter mode,
← previous / next →), examples and the sidebar's training status.

Session state and the URL are explorer/shell/state.py's; cached models and results explorer/shell/cached.py's.
The names the pages use from those two are handed on here, so that a page needs `ui` alone.
"""
from __future__ import annotations

import copy

import streamlit as st

from explorer.draw import figures, style
from explorer.quantities import NAMES
from explorer.safe_text import md_escape
from explorer.shell import own_ui, page_kit
from explorer.shell.cached import (  # noqa: F401  (handed on to the pages)
    bimodel,
    cached_bi_trace,
    cached_trace,
    forced_trace,
    gradient_norms,
    memory_accuracies,
    memory_reader,
    model,
    named_units,
    probe_result,
    shipped,
    variant_models,
    variant_quality,
    variant_runs,
)
from explorer.shell.state import (  # noqa: F401  (handed on to the pages)
    CHINESE_TEXT,
    DEFAULT_TEXT,
    INPUT_CAP,
    TEXT_CAP,
    K,
    clamp_selection,
    init_state,
    lang,
    language_switch,
    one_newline,
    presenting,
    say,
    session_id,
    set_text,
    sync_present,
    sync_selection,
    sync_url,
    text_now,
)
from explorer.tracing import Trace
from explorer.vocab import UNKNOWN_ID, display_char

# Computed results, shared by all sessions and bounded by bytes (explorer.cache): a class typing 300
# different texts must not grow the server by a trace each. A 500-character trace is about 3 MB.


def _heard(text: str) -> None:
    """The live box's callback: the server hears the text typed (once typing pauses)."""
    st.session_state[K.TEXT] = one_newline(text)[:INPUT_CAP]
    st.session_state.pop(K.TEXT_RESTORABLE, None)


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
            from explorer.shell import take_out

            take_out.popover(kinds)
        lines = st.popover(say("lines_button"), on_change="rerun", key=K.LINES_POPOVER)
        if lines.open:
            lines.text_area(say("lines_label"), value=st.session_state[K.TEXT], key=K.lines(version), height=220,
                            max_chars=INPUT_CAP, help=say("lines_help"),
                            on_change=lambda: set_text(st.session_state[K.lines(version)]))


def text_box(kinds=(), key: str = "live_box", model_name: str = "char_lstm", on_click=None,
             selected: tuple[int, int] | None = None, heights: dict | None = None, splits: dict | None = None,
             on_step=None, guesses: bool = False, controls: bool = True) -> str:
    """The live text box, with the unit × time maps of `kinds` drawn under it by the browser; returns the
    text the model reads (capped), with notices shown. `guesses`: the box also lists the model's
    next-character guesses beside the maps and the text as it reads it under them, on every key.

    One line that answers every keystroke in the browser (Enter or the ↵ button gives a line break, shown
    as ↵), and a "several lines" text area for pasting or editing text with line breaks (in the row of
    box_controls, above the box; `controls=False`: the page draws that row itself).
    """
    from explorer.shell.livebox import box_data, live_box, panels_for

    version = st.session_state.get(K.TEXT_VERSION, 0)
    if controls:
        box_controls(kinds, model_name)
    from explorer.shell.livebox import guesses_spec, server_trace

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
                      own=own_ui.current().name if own_ui.current() is not None else None),
             key=key, on_text=_heard, on_click=on_click, on_step=on_step, on_lost=own_ui.lost)
    st.session_state.pop(K.TEXT_RESTORABLE, None)    # offered to the session's first box only
    sync_url()
    text = st.session_state[K.TEXT]
    if len(text) > TEXT_CAP:
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


def live_text(kinds=(), key: str = "live_box", guesses: bool = False, controls: bool = True) -> str:
    """The box of a page that needs no trace on the server (the overview): its maps and guesses are the
    browser's, so a key costs the server no trace, only the note of the characters the shipped model does
    not know (a model of yours is traced anyway: the browser does not hold it)."""
    text = text_box(kinds, key=key, guesses=guesses, controls=controls)
    if text and own_ui.current() is None:
        _unknown_caption(text, [i == UNKNOWN_ID for i in shipped().vocab.encode(text)])
    elif text:
        unknown_note(cached_trace(text))
    return text


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


# --- choosing a time step t and a unit j (lesson pages) -------------------------------------------
PLAY_SECONDS = 0.7
REDUCED_PLAY_SECONDS = 2.0   # with prefers-reduced-motion: a step every 2 s


def play_seconds() -> float:
    """How long Play stays on each character: slower for a reader who asked for reduced motion."""
    return REDUCED_PLAY_SECONDS if page_kit.reduced_motion() else PLAY_SECONDS
DIAGRAM_WIDTH = 560  # pixels: readable on a screen, and narrower than the main column at 1024 px
PRESENTER_DIAGRAM_WIDTH = 900  # its labels (15 px in a 640-wide drawing) become ≥ 20 px on a projector


def _select(t_: int, j: int) -> None:
    st.session_state[K.SEL_T], st.session_state[K.SEL_J] = t_, j


def _step(delta: int, T: int) -> None:
    _go(st.session_state[K.SEL_T] + delta, T)


def _go(t: int, T: int) -> None:
    st.session_state[K.SEL_T] = min(max(0, t), T - 1)


def _from_slider(selection: str, slider: str, start: int) -> None:
    if st.session_state[slider] != start:   # moved by the student; not the start value sent again
        st.session_state[selection] = st.session_state[slider]


def step_controls(T: int, H: int) -> None:
    """Previous / next buttons and sliders for t and j (keys ← → also move t when a slider has focus).
    Each slider's key names the value it starts at, and only a value other than that is a move: when t or
    j is chosen elsewhere (a key, a click on a map, Play), messages already on their way from the browser
    still carry the sliders it showed, and with one key for every t those would put t back."""
    t, j = st.session_state[K.SEL_T], st.session_state[K.SEL_J]
    t_key, j_key = K.t_slider(t), K.j_slider(j)
    st.session_state[t_key], st.session_state[j_key] = t, j
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(say("prev"), icon=":material/arrow_back:", on_click=_step, args=(-1, T),
                  disabled=t == 0, key=K.PREV_STEP)
        st.button(say("next"), icon=":material/arrow_forward:", on_click=_step, args=(1, T),
                  disabled=t == T - 1, key=K.NEXT_STEP)
        play_toggle(T)
    t_col, j_col = st.columns([7, 5])
    word = own_ui.current() is not None and own_ui.current().level == "word"
    t_col.slider(say("pick_t_word" if word else "pick_t"), 0, max(T - 1, 1), key=t_key, on_change=_from_slider, args=(K.SEL_T, t_key, t),
                 disabled=T == 1)
    j_col.slider(say("pick_j"), 0, H - 1, key=j_key, on_change=_from_slider, args=(K.SEL_J, j_key, j))


def _play_changed(T: int) -> None:
    """Play switched on at the last character starts again from the first."""
    if st.session_state[K.PLAYING] and st.session_state[K.SEL_T] >= T - 1:
        st.session_state[K.SEL_T] = 0


def play_toggle(T: int) -> bool:
    """Play: step t forward on its own, one character every play_seconds(); at the end it switches itself off.
    It never starts on its own (not on load, not from a link)."""
    if st.session_state.pop(K.STOP_PLAY, False):  # asked for by the last step, before the toggle exists this run
        st.session_state[K.PLAYING] = False
    if T == 1:
        st.session_state[K.PLAYING] = False
    label = say("play_reduced") if page_kit.reduced_motion() else say("play")   # says why it steps slowly
    return st.toggle(label, key=K.PLAYING, disabled=T == 1, on_change=_play_changed, args=(T,))


def inspector(T: int, H: int, body) -> None:
    """The step-through area: play, ◀ ▶, the t and j sliders, and body(t, j). Each change reruns the page,
    so the maps (drawn in the browser from the text it already has) mark the new t and j at once."""
    step_controls(T, H)
    playing = st.session_state.get(K.PLAYING, False)
    st.session_state[K.PLAY_FULL_RUN] = True   # tells the ticker below that this is the page's own run

    @st.fragment(run_every=play_seconds() if playing else None)
    def _ticker():
        if st.session_state.pop(K.PLAY_FULL_RUN, False) or not st.session_state.get(K.PLAYING):
            return                               # drawn with the page: nothing to step
        if st.session_state[K.SEL_T] >= T - 1:
            st.session_state[K.STOP_PLAY] = True    # the toggle is switched off by the next run
        else:
            st.session_state[K.SEL_T] += 1
        st.rerun(scope="app")

    _ticker()
    sync_selection()
    body(st.session_state[K.SEL_T], st.session_state[K.SEL_J])


def what_if(trace: Trace, gate: str, t_: int, j: int) -> None:
    """Force `gate` to 1 or 0 from step t on (unit j or all units); compare with the model as it is."""
    st.subheader(say("whatif_title"))
    st.caption(say("whatif_caption", gate=say("kind_" + gate)))
    if not st.toggle(say("whatif_open"), key=K.whatif_open(gate)):  # opt-in: typing stays quick
        return
    a, b = st.columns(2)
    value = a.radio(say("whatif_value"), [1.0, 0.0], format_func=lambda v: say("whatif_to", v=int(v)),
                    horizontal=True, key=K.whatif_value(gate))
    scope = b.radio(say("whatif_scope"), ["unit", "all"], format_func=lambda s: say("whatif_" + s, j=j),
                    horizontal=True, key=K.whatif_scope(gate))
    forced = forced_trace(trace.text, gate, value, t_, j if scope == "unit" else None)
    names = (say("as_is"), say("forced"))
    left, right = st.columns(2)
    for col, qty in ((left, "cell"), (right, "hidden")):
        with col:
            chart(figures.unit_lines([(names[0], getattr(trace, qty)[:, j], "dot"),
                                      (names[1], getattr(forced, qty)[:, j], "solid")],
                                     trace.chars, lang(), t_, say("kind_" + qty) + f" [{j}]"),
                  key=K.whatif_map(gate, qty))
    if trace.next_char_probs is None:
        st.info(say("own_no_decoder"))
        return
    steps = {"now": t_, "end": len(trace) - 1} if t_ < len(trace) - 1 else {"now": t_}  # at the end: one chart
    for col, (where, at) in zip(st.columns(2), steps.items()):
        col.markdown("**" + say("whatif_guess", t=at) + "**")
        with col:
            chart(figures.guesses_compare(trace.next_char_probs[at], forced.next_char_probs[at], names,
                                          model().vocab.chars), key=K.whatif_guess(gate, where))


def diagram_at(trace: Trace, t_: int, j: int, highlight: str) -> None:
    """The cell diagram with the part of this page highlighted and the values of unit j at step t."""
    from explorer.draw.diagram import cell_svg

    values = {k: float(getattr(trace, k)[t_, j]) for k in NAMES}
    alt = say("diagram_alt") + say("diagram_alt_at", part=say(f"kind_{highlight}"), t=t_, j=j,
                                   **{k: f"{v:.2f}" for k, v in values.items()})
    st.image(cell_svg(highlight, values), width=PRESENTER_DIAGRAM_WIDTH if presenting() else DIAGRAM_WIDTH, alt=alt)
    st.caption(say("diagram_values", t=t_, j=j))


def chips(trace: Trace, values, kind: str, t_: int, label: str) -> None:
    """The text, each character coloured by `values` (one unit over time); step t outlined."""
    from explorer.draw.textview import chips_html

    st.markdown("**" + label + "**")
    st.html(chips_html(trace.chars, values, kind, trace.unknown, selected=t_))


EXAMPLES = {           # one click each on the overview: what the model was trained on, and the lesson's Chinese
    "example_sentence": DEFAULT_TEXT,
    "example_code": 'def area(r):\n    """Return the area of a circle."""\n    return 3.14159 * r * r',
    "example_brackets": "print(len(sorted([1, (2 + 3), 4])))",
    "example_chinese": CHINESE_TEXT,
}


def example_buttons() -> None:
    """A row of example texts; a click puts one into the text box."""
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(say("examples_label"), width="content")
        for key, text in EXAMPLES.items():
            st.button(say(key), key=key, on_click=set_text, args=(text,))


COUNTER_TEXT = ("Return the number of items in the list.\n"
                "Each line of this text starts a new count:\n"
                "one unit of the cell state climbs with every\n"
                "character and drops back at the line break.")


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
    text_box(map_kinds, key=K.live(name), on_click=_select, selected=selected,
             on_step=(lambda t: _go(t, len(trace))) if trace is not None else None)
    if trace is None:
        return None
    unknown_note(trace)
    return trace


# --- the lesson path, "what to notice", predict-then-reveal, presenter mode ---------------------------
def page_title(stop_key: str) -> str:
    """A page's name in the sidebar and in the links: its number on the path and its title."""
    from explorer.path import number

    return f"{number(stop_key)} · {say('nav_' + stop_key)}"


_PAGES: dict[str, dict[str, st.Page]] = {}   # the path's pages, a set for each language, once a process


def nav_pages() -> dict[str, st.Page]:
    """The path's pages for st.navigation, by key, titled in the session's language. st.Page looks its file
    up on the disk (a tenth of a page's run when a class of 40 changed page at once, py-spy), so a set is
    made once for each language a process, and each run gets copies: st.navigation marks the page it
    returns as the one that run may run, and two sessions must not share that mark."""
    return {key: copy.copy(page) for key, page in _made(lang()).items()}


def _made(lang_: str) -> dict[str, st.Page]:
    from explorer.path import LANDING, PATH, script_file

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
    from explorer.path import neighbours, number

    before, after = neighbours(stop_key)
    st.divider()
    left, right = st.columns(2)
    if before is not None:
        left.page_link(_page(before), label=say("path_prev", n=number(before.key), title=say("nav_" + before.key)),
                       icon="", width="stretch" if presenting() else "content")
    if after is not None:
        right.page_link(_page(after), label=say("path_next", n=number(after.key), title=say("nav_" + after.key)),
                        icon="", width="stretch" if presenting() else "content")


def _counter_at(offset: int) -> None:
    """A button's callback: the counting example, the counting unit, t at the first ↵ plus offset."""
    show_counter()
    st.session_state[K.SEL_T] = COUNTER_TEXT.index("\n") + offset


def _bilstm_gap() -> None:
    """The Bi-LSTM's Show me: the sentence with its gap, and t at the gap ▢."""
    set_text(BI_QUESTION_TEXT)
    st.session_state[K.BI_T] = BI_QUESTION_TEXT.index("?")


def _params_lesson() -> None:
    st.session_state[K.PARAMS_H], st.session_state[K.PARAMS_X] = PARAMS_QUESTION


def _notice_actions() -> dict:
    from explorer import quiz

    return {"memory": lambda: set_text(quiz.MEMORY_TEXT), "cell": show_counter,
            "forget": lambda: _counter_at(0), "input": lambda: _counter_at(1), "output": lambda: _counter_at(-1),
            "overview": lambda: set_text(EXAMPLES["example_code"]), "bilstm": _bilstm_gap,
            "variants": lambda: set_text(DEFAULT_TEXT), "params": _params_lesson}


def notice(stop_key: str, action=None) -> None:
    """Two or three lines of "what to notice here", with the one-click example where it is plain to see
    (`action`: the page's own, else the one named here)."""
    from explorer.path import PATH, number

    with st.container(border=True):
        st.markdown(f"**{say('notice_title')}** · {say('path_where', n=number(stop_key), total=len(PATH))}")
        st.markdown(say("notice_" + stop_key, j=probe_result()["column"]["unit"]))
        action = action or _notice_actions().get(stop_key)
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


CHART_CONFIG = {"displayModeBar": False, "displaylogo": False}   # no plotly toolbar over the legends


def chart(figure, key: str, **kwargs):
    """A plotly chart with its text at the sizes of where it is shown (explorer.draw.style), plotly's
    toolbar off (zoom and pan stay on the mouse; Streamlit's own toolbar keeps full screen)."""
    return st.plotly_chart(style.for_screen(figure, presenting()), key=key, config=CHART_CONFIG, **kwargs)


def columns(spec, **kwargs) -> list:
    """st.columns, or (in presenter mode, where a projector is narrow and text large) the same number of
    containers one under the other."""
    n = spec if isinstance(spec, int) else len(spec)
    return [st.container() for _ in range(n)] if presenting() else st.columns(spec, **kwargs)


PRESENTER_CSS = """<style>
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p, [data-testid="stMain"] li,
[data-testid="stMain"] [data-testid="stCaptionContainer"], [data-testid="stMain"] label p,
[data-testid="stMain"] [data-testid="stWidgetLabel"] p { font-size: 24px !important; line-height: 1.45 !important; }
[data-testid="stMain"] h1 { font-size: 3.4rem !important; }
[data-testid="stMain"] h2, [data-testid="stMain"] h3 { font-size: 2.2rem !important; }
[data-testid="stMain"] button p { font-size: 22px !important; }
[data-testid="stMain"] [data-testid="stPageLink"] p { font-size: 28px !important; font-weight: 600; }
.katex { font-size: 1.5em !important; }
.lb-title { font-size: 24px !important; } .lb-axis { font-size: 20px !important; }
.lb-ticks { font-size: 18px !important; flex-basis: 56px !important; } .lb-input { font-size: 26px !important; }
.lb-label { font-size: 22px !important; } .lb-tip { font-size: 22px !important; } .lb-newline { font-size: 22px !important; }
.lb-side-title { font-size: 28px !important; } .lb-caption { font-size: 20px !important; }
.lb-guess-char { font-size: 24px !important; flex-basis: 56px !important; } .lb-guess-p { font-size: 22px !important; flex-basis: 60px !important; }
.lb-guess-track { height: 28px !important; } .lb-chip { font-size: 26px !important; } .lb-side { flex-basis: 300px !important; }
.um-title { font-size: 22px !important; } .um-axis { font-size: 18px !important; } .um-tag { font-size: 18px !important; }
.um-ticks { font-size: 18px !important; flex-basis: 56px !important; } .um-tip { font-size: 20px !important; }
</style>"""


def presenter() -> None:
    """The sidebar switch; ?present=1 in the URL (shared links keep it); the projector's sizes."""
    st.sidebar.toggle(say("present_toggle"), key=K.PRESENT, help=say("present_help"))
    sync_present()
    if presenting():
        st.html(PRESENTER_CSS)


QUESTION_IN_PAGE = ("bilstm", "params", "units")   # pages that place their question themselves, above its answer
BI_QUESTION_TEXT = "我爱?国"                # the Bi-LSTM's question: the character at the gap
PARAMS_QUESTION = (128, 32)               # the parameter count's question: nn.LSTM(x=32, h=128), the lesson's


def question_text(stop_key: str) -> str | None:
    """The text a page's question is about, when it is about one text (None: it names what it asks)."""
    from explorer import quiz

    return {"cell": COUNTER_TEXT, "forget": COUNTER_TEXT, "input": COUNTER_TEXT, "output": COUNTER_TEXT,
            "memory": quiz.MEMORY_TEXT}.get(stop_key)


def revealed(stop_key: str) -> bool:
    """Whether the page's question has been answered and its answer shown."""
    return st.session_state.get(K.quiz(stop_key, "guess")) is not None and bool(st.session_state.get(K.quiz(stop_key, "shown")))


def page_question(stop_key: str, placed: bool = False) -> None:
    """The page's predict-then-reveal question, its answer computed now from the model. A question about
    one text is asked only while that text is in the box (else one click puts it there); `placed`: the page
    asks it itself (QUESTION_IN_PAGE), above what would give its answer away."""
    from explorer import quiz

    if stop_key in QUESTION_IN_PAGE and not placed:
        return
    if own_ui.current() is not None:     # the questions are about the shipped model
        st.caption(say("own_no_questions"))
        return
    about = question_text(stop_key)
    if about is not None and text_now() != about:
        with st.container(border=True):
            first = about.split("\n")[0] + (" …" if "\n" in about else "")     # our own example: shown as code
            st.markdown(f"**{say('predict_title')}** · " + say("q_needs_text", text=f"`{first}`"))
            put = show_counter if about == COUNTER_TEXT else (lambda: set_text(about))
            st.button(say("q_put_text"), key=K.quiz(stop_key, "text"), on_click=put, icon=":material/input:")
        return
    unit, lang_ = probe_result()["column"]["unit"], lang()
    builders = {
        "memory": lambda: quiz.gradient_memory(gradient_norms("rnn", quiz.MEMORY_TEXT),
                                               gradient_norms("lstm", quiz.MEMORY_TEXT), lang_),
        "cell": lambda: quiz.cell_at_break(cached_trace(COUNTER_TEXT), unit, lang_),
        "forget": lambda: quiz.forget_at_break(cached_trace(COUNTER_TEXT), unit, lang_),
        "input": lambda: quiz.written_after_break(cached_trace(COUNTER_TEXT), unit, lang_),
        "output": lambda: quiz.cell_or_hidden(cached_trace(COUNTER_TEXT), unit, lang_),
        "overview": lambda: quiz.next_char(cached_trace(quiz.CHAR_PROMPT), model().vocab.chars, lang_),
        "bilstm": lambda: quiz.fill_gap(cached_bi_trace(BI_QUESTION_TEXT), bimodel().vocab.chars, lang_),
        "variants": lambda: quiz.fewest_parameters(shipped().hidden_size, shipped().input_size, lang_),
        "params": lambda: quiz.lstm_parameters(*PARAMS_QUESTION, lang_),
        "units": lambda: quiz.most_saturated(_saturated_shares(), lang_),
    }
    if stop_key in builders:
        predict_reveal(builders[stop_key](), stop_key)


def _saturated_shares() -> dict:
    from explorer.shell.unit_page import saturated_shares

    return saturated_shares()


def start_here() -> None:
    """On the landing page: the way to the start of the lesson path."""
    from explorer.path import PATH

    first = PATH[0]
    st.page_link(_page(first), label=say("path_start", title=say("nav_" + first.key)), icon=":material/school:")
