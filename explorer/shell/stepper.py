"""Choosing a time step t and a unit j on a lesson page (◀ ▶, sliders, Play), and what is shown at (t, j):
the What if? experiment, the cell diagram with its values, the text coloured by one unit."""
from __future__ import annotations

import streamlit as st

from explorer.draw import figures
from explorer.draw.diagram import cell_svg
from explorer.draw.textview import chips_html
from explorer.quantities import NAMES
from explorer.shell import own_ui, page_kit
from explorer.shell.cached import forced_trace, model
from explorer.shell.state import K, lang, presenting, say, sync_selection
from explorer.shell.ui import chart
from explorer.tracing import Trace

PLAY_SECONDS = 0.7
REDUCED_PLAY_SECONDS = 2.0   # with prefers-reduced-motion: a step every 2 s


def play_seconds() -> float:
    """How long Play stays on each character: slower for a reader who asked for reduced motion."""
    return REDUCED_PLAY_SECONDS if page_kit.reduced_motion() else PLAY_SECONDS
DIAGRAM_WIDTH = 560  # pixels: readable on a screen, and narrower than the main column at 1024 px
PRESENTER_DIAGRAM_WIDTH = 900  # its labels (15 px in a 640-wide drawing) become ≥ 20 px on a projector


def select(t_: int, j: int) -> None:
    st.session_state[K.SEL_T], st.session_state[K.SEL_J] = t_, j


def _step(delta: int, T: int) -> None:
    go(st.session_state[K.SEL_T] + delta, T)


def go(t: int, T: int) -> None:
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
    values = {k: float(getattr(trace, k)[t_, j]) for k in NAMES}
    alt = say("diagram_alt") + say("diagram_alt_at", part=say(f"kind_{highlight}"), t=t_, j=j,
                                   **{k: f"{v:.2f}" for k, v in values.items()})
    st.image(cell_svg(highlight, values), width=PRESENTER_DIAGRAM_WIDTH if presenting() else DIAGRAM_WIDTH, alt=alt)
    st.caption(say("diagram_values", t=t_, j=j))


def chips(trace: Trace, values, kind: str, t_: int, label: str) -> None:
    """The text, each character coloured by `values` (one unit over time); step t outlined."""
    st.markdown("**" + label + "**")
    st.html(chips_html(trace.chars, values, kind, trace.unknown, selected=t_))



def gate_view(trace: Trace, gate: str, t_: int, j: int, latex: list[str], coloured, colour_kind: str,
              lines=None, lines_key: str | None = None) -> None:
    """What a gate's page shows at (t, j): its equations with the numbers in, what they say (the string
    <gate>_reading), the text coloured by `coloured` (unit j over time, on `colour_kind`'s scale), the cell
    diagram with the gate lit, a chart of unit j over time (`lines`, a figure) and the What if? experiment.
    The equations and the diagram are stacked: side by side, a 1024-px screen cut the equations."""
    with st.container():
        for line in latex:
            st.latex(line)
        st.write(say(gate + "_reading"))
        chips(trace, coloured, colour_kind, t_, say("chips_label", kind=say("kind_" + colour_kind), j=j))
    with st.container():
        diagram_at(trace, t_, j, gate)
    if lines is not None:
        chart(lines, key=lines_key)
    what_if(trace, gate, t_, j)
