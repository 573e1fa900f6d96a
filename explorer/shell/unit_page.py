"""The Unit explorer page's parts (Streamlit): select units on a span of your text, match their pattern in
the corpus, a unit's card, gate saturation. The numbers come from explorer.units; the charts from
explorer.draw.figures; the coloured passages from explorer.draw.textview.

Session state (all prefixed ux_): ux_kind (the quantity), ux_threshold_<kind>, ux_span (first, last
character), ux_card (the unit whose card is open)."""
from __future__ import annotations

import zlib

import numpy as np
import streamlit as st

from explorer import units
from explorer.cache import MB, ByteLRU
from explorer.draw import colors, figures
from explorer.draw.textview import level_rgbs, strip_html
from explorer.path import PATH, script_path
from explorer.safe_text import md_escape
from explorer.shell import cached, lesson_ui, own_ui, stepper, ui
from explorer.shell.state import K, say, set_text
from explorer.texts import COUNTER_TEXT
from explorer.tracing import Trace
from explorer.vocab import display_char

KIND_LABELS = {"cell": "C", "hidden": "h", "forget": "f", "input": "i", "candidate": "C̃", "output": "o"}
RANGES = {"cell": (-10.0, 10.0, 0.1), "hidden": (-1.0, 1.0, 0.05), "candidate": (-1.0, 1.0, 0.05),
          "forget": (0.0, 1.0, 0.05), "input": (0.0, 1.0, 0.05), "output": (0.0, 1.0, 0.05)}
SHOWN = 6             # units drawn as lines under the selection
CONTEXT = 18          # characters either side of a passage, and before a top context
VARIANT_SAMPLE = 20_000
FORCE_PAGES = ("forget", "input", "output")   # the lesson pages with a What if? for that gate


OWN_INDEXES = ByteLRU(48 * MB)   # models of yours: one index per (weights, layer, direction), shared by digest


def index() -> units.CorpusIndex | None:
    """The corpus index of the model the page shows; None for a word-level model of yours (the corpus
    views read characters)."""
    m = own_ui.current()
    if m is None:
        return cached.shipped_index()
    if m.level != "char":
        return None
    layer, direction = own_ui.layer_direction()
    return OWN_INDEXES.get(own_ui.key(), lambda: units.own_index(m, layer, direction))


@st.cache_resource(show_spinner=False)
def variant_saturation() -> dict:
    ids = np.array(cached.shipped().vocab.encode(cached.shipped_index().text[:VARIANT_SAMPLE]), np.int64)
    models = {k: v for k, v in cached.variant_models().items() if k != "classic"}
    return units.variant_saturation(models, ids)


def unit_label(j: int) -> str:
    name = cached.named_units().get(j)
    return say("ux_unit", j=j) + (f" · {name}" if name else "")


def open_card(j: int | None) -> None:
    if j is not None:
        st.session_state[K.UX_CARD] = int(j)


def default_unit(H: int) -> int:
    """The card opened first: the shipped model's column counter; unit 0 of a model of yours."""
    j = cached.probe_result()["column"]["unit"]
    return j if own_ui.current() is None and j < H else 0


def default_span(text: str) -> tuple[int, int]:
    """The last 8 characters of the first line (where a column counter is high), else of the text."""
    end = text.find("\n")
    end = len(text) if end <= 0 else end
    return max(0, end - 8), end - 1


def show_me() -> None:
    """The notice's button: a text with line breaks, the cell state, the end of its first line."""
    set_text(COUNTER_TEXT)
    st.session_state[K.UX_KIND] = "cell"
    st.session_state[K.ux_threshold("cell")] = units.DEFAULT_THRESHOLD["cell"]
    st.session_state[K.UX_CARD] = cached.probe_result()["column"]["unit"]


def kind_picker() -> str:
    st.session_state.setdefault(K.UX_KIND, "cell")
    return st.radio(say("ux_kind"), units.KINDS, key=K.UX_KIND, horizontal=True,
                    format_func=lambda k: say("kind_" + k))


def threshold_slider(kind: str) -> float:
    lo, hi, step = RANGES[kind]
    key = K.ux_threshold(kind)
    st.session_state.setdefault(key, units.DEFAULT_THRESHOLD[kind])
    return st.slider(say("ux_threshold", kind=KIND_LABELS[kind]), lo, hi, step=step, key=key,
                     help=say("ux_threshold_help"))


def _span_key(trace: Trace) -> str:
    # A new text or Show me (a new text version) makes a new slider at the default span.
    return K.ux_span_slider(st.session_state.get(K.TEXT_VERSION, 0), zlib.crc32(trace.text.encode()))


def span_slider(trace: Trace) -> tuple[int, int]:
    """(start, end): the characters start..end−1, picked as the first and last character."""
    # A range slider needs its pair as `value` (set through session state instead, Streamlit read the moved
    # thumbs back as one number, and the span jumped back to the default after each release). ux_span keeps
    # the span chosen.
    T = len(trace)
    first, last = default_span(trace.text)
    last = min(last, T - 1)                 # (a word model reads fewer tokens than the text has characters)
    first, last = st.select_slider(say("ux_span"), options=range(T), value=(min(first, last), last), key=_span_key(trace),
                                   help=say("ux_span_help"), format_func=lambda k: f"{k} · {display_char(trace.chars[k])}")
    st.session_state[K.UX_SPAN] = (int(first), int(last))
    return int(first), int(last) + 1


def dragged_span(selection: dict, T: int) -> tuple[int, int] | None:
    """(first, last) character of a horizontal drag across the lines (Plotly's box selection, in x), or of
    the points it took; None when the drag covers no character."""
    boxes = selection.get("box") or []
    xs = [float(x) for b in boxes for x in (b.get("x") or [])]
    if len(xs) >= 2:
        first, last = int(np.ceil(min(xs))), int(np.floor(max(xs)))
    else:
        ts = [int(p["x"]) for p in selection.get("points", []) if "x" in p]
        if not ts:
            return None
        first, last = min(ts), max(ts)
    first, last = max(0, first), min(T - 1, last)
    return (first, last) if first <= last else None


def _dragged(slider_key: str, T: int) -> None:
    """The lines' on_select: a drag across them marks the span (the slider follows)."""
    span = dragged_span(st.session_state.get(K.UX_LINES, {}).get("selection", {}), T)
    if span is not None:
        st.session_state[slider_key] = span


def select_section(trace: Trace, kind: str, threshold: float) -> list[int]:
    """The units on across the span and off around it; returns them, best first."""
    st.subheader(say("ux_select_title"))
    start, end = span_slider(trace)
    shown = "".join(display_char(c) for c in trace.chars[start:end])
    st.caption(say("ux_span_now", start=start, last=end - 1, n=end - start))
    st.html(strip_html(trace.chars, level_rgbs(np.zeros(len(trace))), (start, end), wrap=True))
    found = units.select(trace, start, end, kind, threshold, margin=3, k=12)
    values = getattr(trace, kind)
    if found:
        st.markdown(say("ux_found", n=len(found), span=md_escape(shown), kind=KIND_LABELS[kind]))
        rows = [(say("ux_unit", j=s.unit), values[:, s.unit]) for s in found[:SHOWN]]
    else:
        st.info(say("ux_none", kind=KIND_LABELS[kind], t=threshold))
        j = min(int(st.session_state.get(K.UX_CARD, default_unit(values.shape[1]))), values.shape[1] - 1)
        rows = [(say("ux_unit", j=j), values[:, j])]         # still a line to drag across
    ui.chart(figures.unit_sparklines(rows, trace.chars, (start, end), threshold), key=K.UX_LINES,
                    on_select=lambda: _dragged(_span_key(trace), len(trace)), selection_mode="box")
    st.caption(say("ux_lines_caption", m=3))
    if not found:
        return []
    st.pills(say("ux_open"), [s.unit for s in found], key=K.UX_PICK, format_func=unit_label,
             on_change=lambda: open_card(st.session_state.get(K.UX_PICK)))
    st.caption(" · ".join(say("ux_score", j=s.unit, s=f"{s.score:.2f}", i=f"{s.inside:.0%}", o=f"{s.outside:.0%}")
                          for s in found[:SHOWN]))
    return [s.unit for s in found]


def corpus_section(title: str, caption: str) -> units.CorpusIndex | None:
    """A section read off the corpus: its title, and its caption with the corpus's size; None (and why)
    for a word-level model of yours, whose corpus views would read characters."""
    idx = index()
    st.subheader(say(title))
    if idx is None:
        st.info(say("ux_words"))
        return None
    st.caption(say(caption, n=f"{len(idx):,}"))
    return idx


def match_section(trace: Trace, kind: str, threshold: float, found: list[int], H: int) -> None:
    idx = corpus_section("ux_match_title", "ux_corpus")
    if idx is None:
        return
    first = found[:3] or [default_unit(H)]
    chosen = st.multiselect(say("ux_match_units"), range(H), default=first, format_func=unit_label,
                            key=K.ux_match(first, kind), max_selections=10)
    if not chosen:
        st.info(say("ux_match_empty"))
        return
    start, end = st.session_state[K.UX_SPAN][0], st.session_state[K.UX_SPAN][1] + 1
    pattern = units.pattern_of(trace, chosen, start, end, kind, threshold)
    st.caption(say("ux_pattern", n=pattern.length, before=pattern.offset,
                    after=len(pattern.expect) - pattern.offset - pattern.length))
    passages = units.match(idx, chosen, kind, k=8, threshold=threshold, pattern=pattern)
    if not passages:
        st.info(say("ux_match_none"))
        return
    on = idx.on(kind, chosen, threshold).mean(1)      # once over the corpus: the share of chosen units on
    for p in passages:
        a, b = max(0, p.start - CONTEXT), min(len(idx), p.end + CONTEXT)
        level = on[a:b]
        cap = say("ux_place", line=p.line, col=p.column, s=f"{p.score:.0%}")
        st.html(strip_html(idx.text[a:b], level_rgbs(level), (p.start - a, p.end - a), cap, region=say("strip_region")))
    st.caption(say("ux_match_caption"))


def contexts_html(idx: units.CorpusIndex, found: list[units.Context], kind: str, unit: int) -> str:
    v = idx.values(kind, unit)
    vrange = colors.value_range(kind, v)
    parts = []
    for c in found:
        a, b = max(0, c.t - CONTEXT), min(len(idx), c.t + 4)
        cap = say("ux_context", v=f"{c.value:+.2f}", line=c.line, col=c.column)
        parts.append(strip_html(idx.text[a:b], colors.to_rgb(v[a:b], kind, vrange), (c.t - a, c.t - a + 1), cap, region=say("strip_region")))
    return "".join(parts)


def force(stop_key: str, j: int, T: int) -> None:
    """Open a lesson page's What if? on this unit."""
    st.session_state[K.SEL_J] = j
    st.session_state[K.SEL_T] = min(st.session_state.get(K.SEL_T, T - 1), T - 1)
    st.session_state[K.whatif_open(stop_key)] = True
    st.session_state[K.whatif_scope(stop_key)] = "unit"
    st.switch_page(script_path(next(s for s in PATH if s.key == stop_key)))


def card(trace: Trace, kind: str, H: int) -> None:
    idx = index()
    st.subheader(say("ux_card_title"))
    st.session_state.setdefault(K.UX_CARD, default_unit(H))
    st.session_state[K.UX_CARD] = min(max(0, int(st.session_state[K.UX_CARD])), H - 1)
    j = st.number_input(say("ux_card_unit"), 0, H - 1, step=1, key=K.UX_CARD)
    st.markdown(f"**{md_escape(unit_label(j))} · {say('kind_' + kind)}**")
    if idx is None:
        st.info(say("ux_words"))
        stepper.chips(trace, getattr(trace, kind)[:, j], kind, None, say("chips_label", kind=say("kind_" + kind), j=j))
        force_buttons(j, len(trace))
        return
    left, right = ui.columns([3, 2])
    with left:
        st.markdown(say("ux_top_high"))
        st.html(contexts_html(idx, units.top_contexts(idx, j, kind, k=5), kind, j))
        st.markdown(say("ux_top_low"))
        st.html(contexts_html(idx, units.top_contexts(idx, j, kind, k=5, lowest=True), kind, j))
    with right:
        edges, counts = units.histogram(idx, j, kind)
        ui.chart(figures.value_histogram(edges, counts, say("ux_value", kind=KIND_LABELS[kind]),
                                                say("ux_count")), key=K.UX_HIST)
        st.caption(say("ux_hist_caption", n=f"{len(idx):,}"))
    why = units.explain(idx, j, kind, trace)
    names = [say("ux_prop_" + p) for p in why]
    ui.chart(figures.property_bars(names, [(say("ux_on_corpus"), [w["corpus"] for w in why.values()], colors.MAIN),
                                                  (say("ux_on_text"), [w["text"] for w in why.values()], colors.ACCENT)],
                                          say("ux_corr")), key=K.UX_PROPS)
    st.caption(say("ux_props_caption"))
    stepper.chips(trace, getattr(trace, kind)[:, j], kind, None, say("chips_label", kind=say("kind_" + kind), j=j))
    force_buttons(j, len(trace))


def force_buttons(j: int, T: int) -> None:
    st.markdown(say("ux_force_intro", j=j))
    with st.container(horizontal=True):
        for gate in FORCE_PAGES:
            if st.button(say("ux_force", gate=KIND_LABELS[gate], j=j), key=K.ux_force(gate),
                         icon=":material/science:"):
                force(gate, j, T)


def _clicked(gate: str) -> None:
    points = st.session_state.get(K.ux_saturation(gate), {}).get("selection", {}).get("points", [])
    if points:
        open_card(points[0].get("customdata"))


def saturation_section() -> None:
    idx = corpus_section("ux_sat_title", "ux_sat_caption")
    if idx is None:
        return
    j = st.session_state.get(K.UX_CARD)
    lesson_ui.page_question("units", placed=True)     # asked before the scatters that answer it
    folded = own_ui.current() is None and not lesson_ui.revealed("units")
    with st.expander(say("q_folded"), expanded=False) if folded else st.container():
        for col, gate in zip(ui.columns(3), units.GATE_KINDS):
            low, high = units.saturation(idx, gate)
            with col:
                ui.chart(figures.saturation_scatter(low, high, say("kind_" + gate), say("ux_sat_x"),
                                                           say("ux_sat_y"), say("ux_unit", j="%{customdata}"), selected=j),
                                key=K.ux_saturation(gate), on_select=lambda g=gate: _clicked(g), selection_mode="points")
    if st.toggle(say("ux_variants"), key=K.UX_VARIANTS, help=say("ux_variants_help", n=f"{VARIANT_SAMPLE:,}")):
        with st.spinner(say("ux_variants_wait")):
            sat = variant_saturation()
        for kind, gates in sat.items():
            st.markdown(f"**{say('var_' + kind)}**")
            for col, (gate, (low, high)) in zip(ui.columns(3), gates.items()):
                with col:
                    ui.chart(figures.saturation_scatter(low, high, say("ux_gate_" + gate), say("ux_sat_x"),
                                                               say("ux_sat_y"), say("ux_unit", j="%{customdata}")),
                                    key=K.ux_variant(kind, gate))
