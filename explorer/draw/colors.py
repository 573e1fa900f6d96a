"""The one source of the app's colours: every colour scale, and the few named colours the charts share.

- Gates (f, i, o) live in 0..1: a sequential scale.
- Candidate, cell state and hidden output are signed: a diverging scale centred on 0.
"""
from __future__ import annotations

import numpy as np
from plotly.colors import sample_colorscale

# Named colours: each used wherever it means the same thing.
MAIN = "#3b6ea8"      # bars and lines of the model's own numbers
ACCENT = "#e4572e"    # what is chosen: step t, the selected span, the forced run, "on your text"
UP = "#b2182b"        # adds to the belt (the red end of the signed scale)
DOWN = "#2166ac"      # takes from the belt (the blue end)
MUTED = "#9aa0a6"     # the run as it is, beside a forced one
GRID = "#eee"         # grid lines

GATE_SCALE = "Viridis"
SIGNED_SCALE = "RdBu_r"
SIGNED_KINDS = ("candidate", "cell", "hidden", "tanh_cell", "written", "forward", "backward", "concat")
UNBOUNDED_KINDS = ("cell",)
UNBOUNDED_PERCENTILE = 99  # the cell state's colour range covers this share of |C|


def is_signed(kind: str) -> bool:
    return kind in SIGNED_KINDS


def scale_of(kind: str) -> str:
    return SIGNED_SCALE if is_signed(kind) else GATE_SCALE


def value_range(kind: str, values: np.ndarray) -> tuple[float, float]:
    """Gates: 0..1. tanh-bounded kinds: -1..1. The cell state (unbounded): symmetric around 0, wide
    enough for 99% of its values (at least ±1), so that one counting unit far out does not wash every
    other unit out; the few beyond are drawn in the end colour (the colour bar says ≥ / ≤)."""
    if not is_signed(kind):
        return 0.0, 1.0
    if kind not in UNBOUNDED_KINDS:
        return -1.0, 1.0
    m = float(np.percentile(np.abs(values), UNBOUNDED_PERCENTILE)) if values.size else 1.0
    return -max(1.0, m), max(1.0, m)


def _lut(scale: str) -> np.ndarray:
    rgb = sample_colorscale(scale, list(np.linspace(0, 1, 256)), colortype="tuple")
    return (np.array(rgb) * 255).round().astype(np.uint8)  # (256, 3)


LUTS = {s: _lut(s) for s in (GATE_SCALE, SIGNED_SCALE)}


def to_rgb(values: np.ndarray, kind: str, vrange: tuple[float, float] | None = None) -> np.ndarray:
    """Values (...,) -> RGB uint8 (..., 3) on the kind's scale."""
    lo, hi = vrange or value_range(kind, values)
    idx = np.clip((values - lo) / (hi - lo) * 255, 0, 255).round().astype(np.int64)
    return LUTS[scale_of(kind)][idx]


def text_on(rgb) -> str:
    """Black or white text, whichever reads better on the background colour."""
    r, g, b = (int(v) for v in rgb)
    return "#000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#fff"


def plotly_scale(kind: str) -> list[list]:
    """The kind's scale as an explicit plotly colorscale (the same LUT the images use)."""
    lut = LUTS[scale_of(kind)]
    return [[k / 16, "rgb({},{},{})".format(*lut[min(255, k * 16)])] for k in range(17)]
