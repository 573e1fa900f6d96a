"""The text itself as a row of character chips, coloured by one unit's value (the way
interpretable cells are shown in research papers). Pure: returns an HTML string.

Safety: every character is passed through html.escape and written as text; only numbers we
computed go into style attributes. Nothing the user typed can become markup.
"""
from __future__ import annotations

import html

import numpy as np

from explorer import colors
from explorer.vocab import display_char

CHIP = ("display:inline-block;min-width:1.1em;padding:2px 3px;margin:1px;border-radius:4px;"
        "font-family:'DejaVu Sans Mono','Noto Sans Mono CJK SC',monospace;font-size:20px;text-align:center;")


def chips_html(chars, values: np.ndarray | None = None, kind: str = "forget", unknown=None,
               selected: int | None = None, vrange=None) -> str:
    """One chip per character; background from `values` on the kind's colour scale (grey when None).
    Unknown characters get a dashed red border; the selected time step a thick outline."""
    parts = []
    if values is not None:
        vrange = vrange or colors.value_range(kind, values)
        rgbs = colors.to_rgb(np.asarray(values), kind, vrange)
    for t, c in enumerate(chars):
        style = CHIP
        if values is not None:
            r, g, b = rgbs[t]
            style += f"background:rgb({r},{g},{b});color:{colors.text_on(rgbs[t])};"
        else:
            style += "background:#eef0f2;color:#111;"
        if unknown is not None and unknown[t]:
            style += "border:2px dashed #d62728;"
        if t == selected:
            style += "outline:3px solid #e4572e;outline-offset:1px;"
        title = f"t={t}" + (f": {float(values[t]):.3f}" if values is not None else "")  # the tooltip
        parts.append(f'<span style="{style}" title="{title}">{html.escape(display_char(c))}</span>')
    return '<div style="line-height:2.1em;">' + "".join(parts) + "</div>"
