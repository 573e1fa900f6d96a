"""One text size per role for every chart, on a screen and on a projector; ticks thinned to what fits.

Pure: a figure in, the same figure out (changed in place and returned). The shell applies it to every
plotly chart it shows (explorer/shell/ui.py `chart`), so a figure function never picks a font size.
Plotly lays a chart out with these sizes (legends wrap, margins grow to hold labels); text enlarged by
CSS after layout is what overlapped and was cut before.
"""
from __future__ import annotations

import plotly.graph_objects as go

# px per role. Presenter mode: nothing under 18 px (the body text beside the charts is 24 px).
SIZES = {
    False: dict(text=15, tick=14, legend=15, axis_title=15, title=17, annotation=15, mark=15),
    True: dict(text=20, tick=18, legend=20, axis_title=20, title=22, annotation=20, mark=20),
}
# a character axis names at most this many steps (a CJK character at 18 px is ~18 px wide; a projector's
# column is ~900 px, a laptop's ~1100 px)
MOST_TICKS = {False: 50, True: 25}
ROUND = (2, 5, 10, 20, 50, 100, 200, 500)


def sizes(presenter: bool) -> dict:
    return SIZES[bool(presenter)]


def thin(axis, most: int) -> None:
    """An axis whose ticks were given as a list (the characters of a text) keeps every k-th (k a round
    step) when it has more than `most`, each kept one numbered with its position."""
    vals, text = list(axis.tickvals or []), list(axis.ticktext or [])
    if axis.tickmode != "array" or len(vals) <= most or len(text) != len(vals):
        return
    gap = (vals[1] - vals[0]) if len(vals) > 1 else 1
    span = vals[-1] - vals[0] + gap
    step = next((s for s in ROUND if span / (s * gap) <= most), ROUND[-1])
    keep = [(v, t) for v, t in zip(vals, text) if round((v - vals[0]) / gap) % step == 0]
    axis.tickvals = [v for v, _ in keep]
    axis.ticktext = [t if "<br>" in str(t) else f"{t}<br>{v}" for v, t in keep]


def for_screen(figure: go.Figure, presenter: bool = False) -> go.Figure:
    """Every text of the figure at its role's size; axes grow their margins to hold their labels."""
    s = sizes(presenter)
    lay = figure.layout
    lay.font.size = s["text"]
    lay.legend.font.size = s["legend"]
    lay.title.font.size = s["title"]
    for name in [k for k in lay.to_plotly_json() if k.startswith(("xaxis", "yaxis"))]:
        axis = lay[name]
        axis.tickfont.size = s["tick"]
        axis.title.font.size = s["axis_title"]
        axis.automargin = True
        if name.startswith("xaxis"):
            thin(axis, MOST_TICKS[bool(presenter)])
    for note in lay.annotations or ():
        note.font.size = s["annotation"]
    for trace in figure.data:
        if "textfont" in trace and (trace.text is not None or getattr(trace, "mode", None) == "text"):
            trace.textfont.size = max(s["mark"], trace.textfont.size or 0)
    return figure
