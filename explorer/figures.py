"""Trace -> plotly figures. Pure functions: arrays in, go.Figure out; no Streamlit here.

- Big (T × H) maps are drawn as images (one PNG each, colours from explorer.colors), which the
  browser draws far faster than heatmap cells; hover still gives t, the character, unit and value.
- Font sizes are set for a projector.
"""
from __future__ import annotations

import base64
import html
import io

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from explorer import colors
from explorer.i18n import tr
from explorer.vocab import display_char

FONT = dict(size=16)
OVERVIEW_KINDS = ("forget", "input", "candidate", "cell", "output", "hidden")  # the lesson's order
MAX_TICKS = 50


def png_source(rgb: np.ndarray) -> str:
    """RGB uint8 (rows, cols, 3) -> a data: URI of a PNG."""
    buf = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buf, format="PNG", compress_level=1)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def plot_label(c: str) -> str:
    """A character as plotly text: escaped, so '<b>' or '&' show literally, never as markup."""
    return html.escape(display_char(c))


def char_ticks(chars) -> dict:
    """x-axis ticks that name the characters; thinned out when there are many."""
    T = len(chars)
    step = max(1, int(np.ceil(T / MAX_TICKS)))
    ticks = list(range(0, T, step))
    return dict(tickmode="array", tickvals=ticks, ticktext=[plot_label(chars[t]) for t in ticks], tickangle=0)


def hover_values(values: np.ndarray) -> np.ndarray:
    """(T, H) values -> (H, T) float32, sent to the browser as a compact binary array."""
    return np.ascontiguousarray(values.T, dtype=np.float32)


def fig(d: dict) -> go.Figure:
    """A go.Figure from a plain dict, skipping plotly's slow per-property validation (tests
    validate every figure the app draws, so the dicts are known to be valid)."""
    return go.Figure(d, _validate=False)


def colorbar_marker(kind: str, vrange, y: float, length: float) -> dict:
    """An invisible scatter point whose only job is to show the colour bar of `kind`."""
    return dict(type="scatter", x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
                marker=dict(colorscale=colors.scale_of(kind), cmin=vrange[0], cmax=vrange[1], color=[vrange[0]],
                            colorbar=dict(x=1.01, y=y, len=length, thickness=14, outlinewidth=0, nticks=3,
                                          tickfont_size=13)))


def overview(arrays: dict[str, np.ndarray], chars, lang: str) -> go.Figure:
    """The six quantities of the equations as unit × time maps, stacked in the lesson's order.

    All six are one image (the browser draws one picture far faster than six charts); rows of
    white separate them. Each has its colour bar: gates 0..1; C̃ and h −1..1; C symmetric around 0.
    Hover gives t, unit and the value.
    """
    T, H = next(iter(arrays.values())).shape
    gap = max(6, H // 4)
    n = len(OVERVIEW_KINDS)
    rows = n * H + (n - 1) * gap
    rgb = np.full((rows, T, 3), 255, np.uint8)
    values = np.full((rows, T), np.nan, np.float32)
    data, annotations, tickvals, ticktext = [], [], [], []
    for r, kind in enumerate(OVERVIEW_KINDS):
        top = r * (H + gap)
        vrange = colors.value_range(kind, arrays[kind])
        rgb[top:top + H] = colors.to_rgb(arrays[kind].T, kind, vrange)
        values[top:top + H] = arrays[kind].T
        frac_top, frac_len = 1 - top / rows, H / rows
        data.append(colorbar_marker(kind, vrange, frac_top - frac_len / 2, frac_len))
        annotations.append(dict(text=tr(f"kind_{kind}", lang), x=0, y=frac_top, xref="paper", yref="paper",
                                xanchor="left", yanchor="bottom", showarrow=False, font_size=17))
        tickvals += [top, top + H // 2]
        ticktext += ["0", str(H // 2)]
    hover = tr("hover_cell", lang, t="%{x}", j="%{customdata}", v="%{text:.3f}", c="")
    unit_of_row = np.tile(np.r_[np.arange(H), np.full(gap, -1)], n)[:rows]
    data.insert(0, dict(type="image", source=png_source(rgb), x0=0, dx=1, y0=0, dy=1, text=values,
                        customdata=np.repeat(unit_of_row[:, None], T, axis=1).astype(np.int16),
                        hovertemplate=hover + "<extra></extra>"))
    layout = dict(height=130 * n + 60, margin=dict(l=60, r=10, t=30, b=30), font=FONT, plot_bgcolor="white",
                  annotations=annotations,
                  xaxis=dict(showgrid=False, zeroline=False, tickfont_size=14, range=[-0.5, T - 0.5], **char_ticks(chars)),
                  yaxis=dict(range=[rows - 0.5, -0.5], scaleanchor=False, showgrid=False, zeroline=False,
                             tickvals=tickvals, ticktext=ticktext, tickfont_size=12,
                             title=dict(text=tr("axis_unit", lang), font_size=13)))
    return fig(dict(data=data, layout=layout))


def top_guesses(probs: np.ndarray, vocab_chars, lang: str, k: int = 8) -> go.Figure:
    """Horizontal bars of the k most likely next characters, most likely on top."""
    order = np.argsort(probs)[::-1][:k]
    labels = [f"'{plot_label(vocab_chars[i])}'" for i in order][::-1]
    values = probs[order][::-1].astype(float)
    bar = dict(type="bar", x=values, y=labels, orientation="h", marker_color="#3b6ea8",
               text=[f"{v:.0%}" for v in values], textposition="outside", cliponaxis=False,
               hovertemplate="%{y}: %{x:.3f}<extra></extra>")
    layout = dict(height=40 * k + 60, margin=dict(l=10, r=50, t=10, b=40), font=FONT, plot_bgcolor="white",
                  xaxis=dict(range=[0, min(1.0, float(values.max()) * 1.3 + 0.05)], title=dict(text=tr("axis_prob", lang))),
                  yaxis=dict(type="category"))
    return fig(dict(data=[bar], layout=layout))
