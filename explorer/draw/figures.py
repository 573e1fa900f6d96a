"""Trace -> plotly figures. Pure functions: arrays in, go.Figure out; no Streamlit here.

- Big (T × H) unit maps are not here: explorer/draw/unitmap.py draws them (PNG + hover) in a small
  component; these are the smaller charts around them.
- Text sizes are explorer.draw.style's (one per role, for a screen or a projector), set where a chart is shown.
"""
from __future__ import annotations

import base64
import html
import io

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from explorer.draw import colors, style
from explorer.i18n import say
from explorer.quantities import NAMES
from explorer.vocab import display_char

FONT = dict(size=style.SIZES[False]["text"])   # every size is explorer.draw.style's, by role
OVERVIEW_KINDS = NAMES  # the six quantities, in the lesson's order
MAX_TICKS = 50          # up to this many characters, every one is named on a time axis
MAX_NUMBERED = 25       # beyond, every 2nd / 5th / 10th / … is, with its position t below it
ROUND_STEPS = (2, 5, 10, 20, 50, 100, 200, 500)
BELT_COLOURS = {"belt": "#444", "down": colors.DOWN, "up": colors.UP}  # the belt's bars and lines alike


def png_source(rgb: np.ndarray) -> str:
    """RGB uint8 (rows, cols, 3) -> a data: URI of a PNG."""
    buf = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buf, format="PNG", compress_level=1)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def plot_label(c: str) -> str:
    """A character as plotly text: escaped, so '<b>' or '&' show literally, never as markup."""
    return html.escape(display_char(c), quote=False)


def time_ticks(T: int) -> tuple[list[int], bool]:
    """Which steps t are named under the maps: all of them for a short text; for a longer one every
    2nd, 5th, 10th, … (a round step, so the positions read easily), then numbered."""
    if T <= MAX_TICKS:
        return list(range(T)), False
    step = next((s for s in ROUND_STEPS if T / s <= MAX_NUMBERED), int(np.ceil(T / MAX_NUMBERED)))
    return list(range(0, T, step)), True


def char_ticks(chars) -> dict:
    """x-axis ticks that name the characters (see time_ticks)."""
    ticks, numbered = time_ticks(len(chars))
    text = [plot_label(chars[t]) + (f"<br>{t}" if numbered else "") for t in ticks]
    return dict(tickmode="array", tickvals=ticks, ticktext=text, tickangle=0)


def fig(d: dict) -> go.Figure:
    """A go.Figure from a plain dict, skipping plotly's slow per-property validation (tests
    validate every figure the app draws, so the dicts are known to be valid)."""
    return go.Figure(d, _validate=False)


def top_guesses(probs: np.ndarray, vocab_chars, lang: str, k: int = 8) -> go.Figure:
    """Horizontal bars of the k most likely next characters, most likely on top."""
    order = np.argsort(probs)[::-1][:k]
    labels = [f"'{plot_label(vocab_chars[i])}'" for i in order][::-1]
    values = probs[order][::-1].astype(float)
    bar = dict(type="bar", x=values, y=labels, orientation="h", marker=dict(color=colors.MAIN),
               text=[f"{v:.0%}" for v in values], textposition="outside", cliponaxis=False,
               hovertemplate="%{y}: %{x:.3f}<extra></extra>")
    layout = dict(height=40 * k + 60, margin=dict(l=10, r=50, t=10, b=40), font=FONT, plot_bgcolor="white",
                  xaxis=dict(range=[0, min(1.0, float(values.max()) * 1.3 + 0.05)], title=dict(text=say("axis_prob", lang))),
                  yaxis=dict(type="category"))
    return fig(dict(data=[bar], layout=layout))


def unit_lines(series: list[tuple], chars, lang: str, t: int, title: str,
               height: int = 300) -> go.Figure:
    """Lines over time for one unit: (name, values (T,), dash[, colour]) each; a vertical mark at step t."""
    mode = "lines+markers" if len(chars) <= 60 else "lines"  # markers only where they can be told apart
    data = [dict(type="scatter", x=np.arange(len(v)), y=np.asarray(v, np.float64), name=name, mode=mode,
                 marker=dict(size=5), line=dict(width=3, dash=dash, **({"color": colour[0]} if colour else {})),
                 hovertemplate=name + ": %{y:.3f} (t=%{x})<extra></extra>") for name, v, dash, *colour in series]
    layout = dict(height=height, margin=dict(l=50, r=10, t=40, b=30), font=FONT, plot_bgcolor="white",
                  title=dict(text=title, x=0), legend=dict(orientation="h", y=1.02, x=1, xanchor="right",
                                                                         yanchor="bottom"),
                  xaxis=dict(gridcolor=colors.GRID, **char_ticks(chars)), yaxis=dict(gridcolor=colors.GRID, zerolinecolor="#999"),
                  shapes=[dict(type="line", x0=t, x1=t, yref="paper", y0=0, y1=1, line=dict(color=colors.ACCENT, width=2))])
    return fig(dict(data=data, layout=layout))


def belt_waterfall(step, lang: str) -> go.Figure:
    """The conveyor belt at one step: C_{t-1}, what ×f_t drops, what +i_t·C̃_t writes, C_t."""
    # two lines each (at the first space): four labels side by side fit a narrow panel at projector sizes
    labels = [say(k, lang).replace(" ", "<br>", 1) for k in ("belt_prev", "belt_dropped", "belt_written", "belt_new")]
    y = [step.c_prev, step.kept - step.c_prev, step.written, step.cell]
    w = dict(type="waterfall", x=labels, y=y, measure=["absolute", "relative", "relative", "total"],
             text=[f"{v:+.3f}" for v in y], textposition="outside", cliponaxis=False,
             connector=dict(line=dict(color="#999")), decreasing=dict(marker=dict(color=BELT_COLOURS["down"])),
             increasing=dict(marker=dict(color=BELT_COLOURS["up"])), totals=dict(marker=dict(color=BELT_COLOURS["belt"])),
             hovertemplate="%{x}: %{y:.4f}<extra></extra>")
    lo = min(0.0, step.c_prev, step.kept, step.cell)
    hi = max(0.0, step.c_prev, step.kept + max(step.written, 0), step.cell)
    pad = 0.25 * max(hi - lo, 0.1)
    layout = dict(height=330, margin=dict(l=50, r=10, t=20, b=40), font=FONT, plot_bgcolor="white", showlegend=False,
                  yaxis=dict(range=[lo - pad, hi + pad], gridcolor=colors.GRID, zerolinecolor="#999"))
    return fig(dict(data=[w], layout=layout))


def contributions_bar(contrib: np.ndarray, chars, lang: str) -> go.Figure:
    """What each step s ≤ t still contributes to C_t: (f_{s+1}⋯f_t)·i_s·C̃_s, as a step chart, one step
    per character (two filled paths, red above zero and blue below: far lighter than a bar per step)."""
    s = np.arange(len(contrib))
    labels = [plot_label(c) for c in chars[: len(contrib)]]
    data = [dict(type="scatter", x=s, y=np.where(sign * contrib > 0, contrib, 0.0), mode="lines",
                 line=dict(shape="hvh", width=1, color=color), fill="tozeroy", fillcolor=color,
                 customdata=labels, hovertemplate="s=%{x} '%{customdata}': %{y:.4f}<extra></extra>")
            for sign, color in ((1, colors.UP), (-1, colors.DOWN))]
    layout = dict(height=300, margin=dict(l=50, r=10, t=10, b=30), font=FONT, plot_bgcolor="white", showlegend=False,
                  xaxis=dict(range=[-0.5, len(contrib) - 0.5], **char_ticks(chars[: len(contrib)])),
                  yaxis=dict(title=dict(text=say("axis_contribution", lang)), gridcolor=colors.GRID, zerolinecolor="#999"))
    return fig(dict(data=data, layout=layout))


def guesses_compare(probs_a: np.ndarray, probs_b: np.ndarray, names: tuple[str, str], vocab_chars, k: int = 5) -> go.Figure:
    """The top-k next characters of two runs (the model as it is, and forced), side by side."""
    keep = list(dict.fromkeys([*np.argsort(probs_a)[::-1][:k], *np.argsort(probs_b)[::-1][:k]]))
    labels = [f"'{plot_label(vocab_chars[i])}'" for i in keep][::-1]
    data = [dict(type="bar", orientation="h", name=name, y=labels, x=p[keep][::-1].astype(float), marker=dict(color=col),
                 text=[f"{v:.0%}" for v in p[keep][::-1]], textposition="outside", cliponaxis=False,
                 hovertemplate=name + " %{y}: %{x:.3f}<extra></extra>")
            for name, p, col in ((names[0], probs_a, colors.MUTED), (names[1], probs_b, colors.ACCENT))]
    layout = dict(height=60 + 44 * len(keep), margin=dict(l=10, r=50, t=30, b=30), font=FONT, plot_bgcolor="white",
                  barmode="group", legend=dict(orientation="h", y=1.02, yanchor="bottom"),
                  xaxis=dict(range=[0, 1.15], gridcolor=colors.GRID), yaxis=dict(type="category"))
    return fig(dict(data=data, layout=layout))


def vectors_at(parts: list[tuple[str, np.ndarray, int]], kind: str = "hidden") -> go.Figure:
    """Vectors at one step as coloured strips, one row each, each from column `offset` on (h→_t at 0, h←_t
    at H: right above where y_t = [h→_t ; h←_t] holds them); a cell is a unit, hover gives its value. One
    heatmap, gaps elsewhere, values as plain lists (a list of typed arrays was drawn at no height)."""
    width = max(offset + len(v) for _, v, offset in parts)
    z = [[None] * offset + [round(float(x), 6) for x in v] + [None] * (width - offset - len(v)) for _, v, offset in parts]
    names = [name for name, _, _ in parts]
    data = [dict(type="heatmap", z=z, x=list(range(width)), y=names, zmin=-1, zmax=1, colorscale=colors.plotly_scale(kind),
                 xgap=1, ygap=6, hoverongaps=False, colorbar=dict(thickness=14, outlinewidth=0, len=1.0),
                 hovertemplate="%{y}[%{x}] = %{z:.3f}<extra></extra>")]
    layout = dict(height=70 * len(parts) + 70, margin=dict(l=130, r=10, t=10, b=50), font=FONT,
                  plot_bgcolor="white", xaxis=dict(range=[-0.5, width - 0.5], title=dict(text="j")),
                  yaxis=dict(autorange="reversed", type="category"))
    return fig(dict(data=data, layout=layout))


READ_SHOWN = 28   # characters reading_directions draws at most (at 20 px on a projector's 900 px column)


def reading_directions(chars, lang: str) -> go.Figure:
    """The text once, with the forward reader's arrow above it (left to right) and the backward
    reader's below it (right to left)."""
    if len(chars) > READ_SHOWN:   # a long text: its two ends and "…" between, each character with room to be read
        half = READ_SHOWN // 2
        chars = [*chars[:half], "…", *chars[-half:]]
    T = len(chars)
    text = dict(type="scatter", x=list(range(T)), y=[0] * T, mode="text", text=[plot_label(c) for c in chars],
                textfont=dict(size=22), hoverinfo="skip", showlegend=False)
    arrows = [dict(x=T - 0.5, y=0.8, ax=-0.5, ay=0.8, xref="x", yref="y", axref="x", ayref="y", showarrow=True,
                   arrowhead=3, arrowwidth=3, arrowcolor=colors.UP),
              dict(x=-0.5, y=-0.8, ax=T - 0.5, ay=-0.8, xref="x", yref="y", axref="x", ayref="y", showarrow=True,
                   arrowhead=3, arrowwidth=3, arrowcolor=colors.DOWN),
              dict(x=-0.5, y=1.25, text=say("bi_forward_reader", lang), showarrow=False, xanchor="left",
                   font=dict(color=colors.UP)),
              dict(x=T - 0.5, y=-1.3, text=say("bi_backward_reader", lang), showarrow=False, xanchor="right",
                   font=dict(color=colors.DOWN))]
    layout = dict(height=170, margin=dict(l=10, r=10, t=10, b=10), font=FONT, plot_bgcolor="white",
                  annotations=arrows, xaxis=dict(visible=False, range=[-1, T]), yaxis=dict(visible=False, range=[-1.6, 1.6]))
    return fig(dict(data=[text], layout=layout))


LOG_FLOOR_POWER = -30    # a log axis cannot show 0: smaller values (float underflow, exact zeros) are drawn at
LOG_FLOOR = 10.0 ** LOG_FLOOR_POWER   # this floor
MAX_LOG_LABELS = 8       # decades named on a log axis; the grid keeps one line per decade


def below_floor(series: list[tuple[str, np.ndarray, str]]) -> list[str]:
    """The names of the series that log_lines draws at LOG_FLOOR somewhere."""
    return [name for name, v, _ in series if (np.asarray(v, np.float64) < LOG_FLOOR).any()]


def power_label(k: int) -> str:
    """10^k for a plotly label."""
    return "1" if k == 0 else "10<sup>" + str(k).replace("-", "−") + "</sup>"


def power_text(k: int) -> str:
    """10^k as plain text, e.g. 10⁻³⁰."""
    return "10" + str(k).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


def decade_ticks(lo: float, hi: float) -> dict:
    """Log-axis ticks: a grid line at every power of ten from lo to hi (each ten times the one below),
    named at a round step (every 1st, 2nd, 5th, 10th… power) so the labels stay readable."""
    k0, k1 = int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi)))
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if (k1 - k0) / s <= MAX_LOG_LABELS)
    powers = range(k0, k1 + 1)
    return dict(tickmode="array", tickvals=[10.0 ** k for k in powers],
                ticktext=[power_label(k) if k % step == 0 else "" for k in powers])


def log_lines(x, series: list[tuple[str, np.ndarray, str]], xtitle: str, ytitle: str, height: int = 360) -> go.Figure:
    """Lines on a logarithmic y axis (gradient norms against distance), one grid line per power of ten;
    values below LOG_FLOOR are drawn at it."""
    ys = [np.maximum(np.asarray(v, np.float64), LOG_FLOOR) for _, v, _ in series]
    data = [dict(type="scatter", x=list(x), y=y, name=name, mode="lines+markers", line=dict(width=3, color=color),
                 hovertemplate=name + ": %{y:.2e}<extra></extra>")
            for (name, _, color), y in zip(series, ys)]
    everything = np.concatenate(ys) if ys else np.array([LOG_FLOOR, 1.0])
    layout = dict(height=height, margin=dict(l=70, r=10, t=10, b=50), font=FONT, plot_bgcolor="white",
                  legend=dict(orientation="h", y=1.02, yanchor="bottom"),
                  xaxis=dict(title=dict(text=xtitle), gridcolor=colors.GRID),
                  yaxis=dict(type="log", title=dict(text=ytitle), gridcolor=colors.GRID,
                             **decade_ticks(float(everything.min()), max(float(everything.max()), 1.0))))
    return fig(dict(data=data, layout=layout))


def accuracy_lines(distances, series: list[tuple[str, list[float], str, str]], xtitle: str, ytitle: str,
                   chance: float) -> go.Figure:
    """Accuracy against the recall distance N for several models; a dotted line at chance."""
    data = [dict(type="scatter", x=list(distances), y=list(v), name=name, mode="lines+markers",
                 line=dict(width=3, color=color, dash=dash), hovertemplate=name + " N=%{x}: %{y:.0%}<extra></extra>")
            for name, v, color, dash in series]
    layout = dict(height=360, margin=dict(l=70, r=10, t=10, b=50), font=FONT, plot_bgcolor="white",
                  legend=dict(orientation="h", y=1.02, yanchor="bottom"),
                  xaxis=dict(type="log", title=dict(text=xtitle), tickvals=list(distances), gridcolor=colors.GRID),
                  yaxis=dict(range=[0, 1.05], tickformat=".0%", title=dict(text=ytitle), gridcolor=colors.GRID),
                  shapes=[dict(type="line", xref="paper", x0=0, x1=1, y0=chance, y1=chance,
                               line=dict(color="#999", dash="dot"))])
    return fig(dict(data=data, layout=layout))


ACC_TICKS = [0.0, 0.25, 0.5, 0.75, 1.0]   # accuracy axes read 0 %, 25 %, … 100 %
ACC_TOP = 1.04                            # a little room above 100 %, so a line at 100 % is not cut in half


def training_curves(steps, loss, accuracy, loss_title: str, acc_title: str, step_title: str,
                    held_out=None, held_out_title: str = "") -> go.Figure:
    """Loss (left axis) and accuracy (right axis) against the training step; with `held_out`, the
    accuracy on words never trained on too (dashed)."""
    data = [dict(type="scatter", x=list(steps), y=list(loss), name=loss_title, mode="lines",
                 line=dict(width=3, color=colors.ACCENT), hovertemplate="%{x}: %{y:.3f}<extra></extra>"),
            dict(type="scatter", x=list(steps), y=list(accuracy), name=acc_title, mode="lines", yaxis="y2",
                 line=dict(width=3, color=colors.MAIN), hovertemplate="%{x}: %{y:.0%}<extra></extra>")]
    if held_out is not None:
        data.append(dict(type="scatter", x=list(steps), y=list(held_out), name=held_out_title, mode="lines", yaxis="y2",
                         line=dict(width=3, color="#2ca02c", dash="dash"), hovertemplate="%{x}: %{y:.0%}<extra></extra>"))
    layout = dict(height=300, margin=dict(l=60, r=60, t=10, b=50), font=FONT, plot_bgcolor="white",
                  legend=dict(orientation="h", y=1.02, yanchor="bottom"),
                  xaxis=dict(title=dict(text=step_title), gridcolor=colors.GRID),
                  yaxis=dict(title=dict(text=loss_title), gridcolor=colors.GRID, rangemode="tozero"),
                  yaxis2=dict(title=dict(text=acc_title), overlaying="y", side="right", range=[0, ACC_TOP],
                              tickmode="array", tickvals=ACC_TICKS, tickformat=".0%", showgrid=False))
    return fig(dict(data=data, layout=layout))


def panels(figs: list[go.Figure], boxes: list[tuple[float, float, float, float]], titles: list[str],
           height: int, legend_x: float = 0.0) -> go.Figure:
    """Several figures as panels of one (the browser draws one chart faster than several).
    boxes: (x0, x1, y0, y1) in paper units for each figure; each keeps its traces and axes. The legend
    starts at legend_x (over the panel whose lines it names)."""
    data, layout = [], dict(height=height, margin=dict(l=60, r=10, t=30, b=40), font=FONT, plot_bgcolor="white",
                            showlegend=True, legend=dict(orientation="h", y=1.0, yanchor="bottom", x=legend_x, xanchor="left"),
                            annotations=[], shapes=[])
    for k, (f, (x0, x1, y0, y1)) in enumerate(zip(figs, boxes)):
        n = "" if k == 0 else str(k + 1)
        d = f.to_plotly_json()
        for tr_ in d["data"]:
            data.append({**tr_, "xaxis": "x" + n, "yaxis": "y" + n, "showlegend": "name" in tr_})
        lay = d["layout"]
        layout["xaxis" + n] = {**lay.get("xaxis", {}), "domain": [x0, x1], "anchor": "y" + n}
        layout["yaxis" + n] = {**lay.get("yaxis", {}), "domain": [y0, y1], "anchor": "x" + n}
        for s in lay.get("shapes", []):
            layout["shapes"].append({**s, "xref": "x" + n, "yref": "y" + n + " domain" if s.get("yref") == "paper" else "y" + n})
        layout["annotations"].append(dict(text=titles[k], x=x0, y=y1, xref="paper", yref="paper", xanchor="left",
                                          yanchor="bottom", showarrow=False, yshift=4))
    return fig(dict(data=data, layout=layout))


# --- the unit explorer (explorer/units.py) ------------------------------------------------------------
SPAN_FILL = "rgba(228, 87, 46, 0.16)"   # the selected span, in the selection's orange
MARK = colors.ACCENT


def unit_sparklines(rows: list[tuple[str, np.ndarray]], chars, span: tuple[int, int], threshold: float,
                    height_per_row: int = 78) -> go.Figure:
    """One small line over the text per unit (label, values (T,)), stacked; the span shaded, the
    threshold dashed on every row. A drag across them selects along x (a span of characters)."""
    k, T = len(rows), len(chars)
    gap = 0.035
    h = (1 - gap * (k - 1)) / k
    data, layout = [], dict(height=height_per_row * k + 70, margin=dict(l=70, r=10, t=10, b=40), font=FONT,
                            plot_bgcolor="white", showlegend=False, dragmode="select", selectdirection="h",
                            xaxis=dict(gridcolor=colors.GRID, range=[-0.5, T - 0.5], anchor=f"y{k}" if k > 1 else "y",
                                       **char_ticks(chars)))
    shapes = [dict(type="rect", xref="x", yref="paper", x0=span[0] - 0.5, x1=span[1] - 0.5, y0=0, y1=1,
                   fillcolor=SPAN_FILL, line=dict(width=0), layer="below")]
    for r, (label, v) in enumerate(rows):
        axis = "y" if r == 0 else f"y{r + 1}"
        top = 1 - r * (h + gap)
        layout["yaxis" if r == 0 else f"yaxis{r + 1}"] = dict(
            domain=[max(0.0, round(top - h, 6)), min(1.0, round(top, 6))], anchor="x", gridcolor="#f2f2f2", zerolinecolor="#bbb", nticks=3,
            title=dict(text=html.escape(label, quote=False)))
        data.append(dict(type="scatter", x=np.arange(T), y=np.asarray(v, np.float64), yaxis=axis, mode="lines",
                         line=dict(width=2.5, color=colors.MAIN),
                         hovertemplate=html.escape(label, quote=False) + " · t=%{x}: %{y:.3f}<extra></extra>"))
        shapes.append(dict(type="line", xref="x", yref=axis, x0=-0.5, x1=T - 0.5, y0=threshold, y1=threshold,
                           line=dict(color="#888", width=1.5, dash="dash")))
    layout["shapes"] = shapes
    return fig(dict(data=data, layout=layout))


def saturation_scatter(low: np.ndarray, high: np.ndarray, title: str, xtitle: str, ytitle: str,
                       hover: str, selected: int | None = None) -> go.Figure:
    """Karpathy et al.'s gate-saturation plot: a point per unit at (fraction of steps < 0.1, fraction > 0.9).
    The dashed line is x + y = 1, which no point can pass."""
    low, high = np.asarray(low, np.float64), np.asarray(high, np.float64)
    units_ = np.arange(len(low))
    tip = hover + "<br>< 0.1: %{x:.0%}<br>> 0.9: %{y:.0%}<extra></extra>"
    data = [dict(type="scatter", mode="markers", x=low, y=high, customdata=units_, hovertemplate=tip,
                 marker=dict(size=9, color=colors.MAIN, opacity=0.75, line=dict(width=0.5, color="#fff")))]
    if selected is not None and 0 <= selected < len(low):
        data.append(dict(type="scatter", mode="markers+text", x=[low[selected]], y=[high[selected]],
                         customdata=[selected], text=[str(selected)], textposition="top center", hovertemplate=tip,
                         textfont=dict(color=MARK), marker=dict(size=15, color=MARK, symbol="circle-open",
                                                                           line=dict(width=3, color=MARK))))
    axis = dict(range=[-0.03, 1.03], gridcolor=colors.GRID, tickformat=".0%", zeroline=False, dtick=0.25, constrain="domain")
    layout = dict(height=380, margin=dict(l=60, r=10, t=44, b=50), font=FONT, plot_bgcolor="white", showlegend=False,
                  title=dict(text=html.escape(title, quote=False), x=0), clickmode="event+select",
                  xaxis=dict(title=dict(text=html.escape(xtitle, quote=False)), **axis),
                  yaxis=dict(title=dict(text=html.escape(ytitle, quote=False)), scaleanchor="x", **axis),
                  shapes=[dict(type="line", x0=0, y0=1, x1=1, y1=0, line=dict(color="#bbb", dash="dash", width=1))])
    return fig(dict(data=data, layout=layout))


def value_histogram(edges: np.ndarray, counts: np.ndarray, xtitle: str, ytitle: str) -> go.Figure:
    """Bars of how often each value occurs (counts between consecutive edges)."""
    centres = (edges[:-1] + edges[1:]) / 2
    bar = dict(type="bar", x=centres, y=np.asarray(counts, np.float64), width=float(edges[1] - edges[0]) * 0.92,
               marker=dict(color=colors.MAIN), hovertemplate="%{x:.2f}: %{y}<extra></extra>")
    layout = dict(height=300, margin=dict(l=60, r=10, t=10, b=50), font=FONT, plot_bgcolor="white",
                  xaxis=dict(title=dict(text=html.escape(xtitle, quote=False)), gridcolor=colors.GRID),
                  yaxis=dict(title=dict(text=html.escape(ytitle, quote=False)), gridcolor=colors.GRID, type="log", dtick=1))
    return fig(dict(data=[bar], layout=layout))


def property_bars(labels: list[str], series: list[tuple[str, list, str]], xtitle: str) -> go.Figure:
    """Grouped horizontal bars of correlations in −1..1: (name, values (None: not measured), colour) each."""
    data = [dict(type="bar", orientation="h", name=html.escape(name, quote=False), y=[html.escape(s, quote=False) for s in labels],
                 x=[None if v is None else float(v) for v in values], marker=dict(color=colour),
                 text=["–" if v is None else f"{v:+.2f}" for v in values], textposition="outside", cliponaxis=False,
                 hovertemplate="%{y}: %{x:+.3f}<extra>" + html.escape(name, quote=False) + "</extra>")
            for name, values, colour in series]
    layout = dict(height=46 * len(labels) * max(1, len(series)) // 2 + 110, barmode="group", font=FONT,
                  margin=dict(l=10, r=50, t=10, b=50), plot_bgcolor="white",
                  legend=dict(orientation="h", y=1.0, x=1, xanchor="right", yanchor="bottom"),
                  xaxis=dict(range=[-1.1, 1.1], title=dict(text=html.escape(xtitle, quote=False)), gridcolor=colors.GRID,
                             zerolinecolor="#666", dtick=0.5),
                  yaxis=dict(type="category", autorange="reversed", automargin=True))
    return fig(dict(data=data, layout=layout))
