"""The text itself as a row of character chips, coloured by one unit's value (the way
interpretable cells are shown in research papers). Pure: returns an HTML string.

Safety: every character is passed through html.escape and written as text; only numbers we
computed go into style attributes. Nothing the user typed can become markup.
"""
from __future__ import annotations

import html

import numpy as np

from explorer.draw import colors
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
            style += f"outline:3px solid {colors.ACCENT};outline-offset:1px;"
        title = f"t={t}" + (f": {float(values[t]):.3f}" if values is not None else "")  # the tooltip
        parts.append(f'<span style="{style}" title="{title}">{html.escape(display_char(c))}</span>')
    return '<div style="line-height:2.1em;">' + "".join(parts) + "</div>"


STRIP = ("font-family:'DejaVu Sans Mono','Noto Sans Mono CJK SC',monospace;font-size:19px;line-height:1.9em;"
         "white-space:pre;overflow-x:auto;padding:2px 0;")


def strip_html(chars, rgbs, mark: tuple[int, int] | None = None, caption: str = "", wrap: bool = False,
               region: str = "") -> str:
    """A passage on one line (or wrapped anywhere, with `wrap`): each character on its own background
    (rgbs: (n, 3) uint8), the characters mark[0]..mark[1]−1 underlined in the selection's orange; the
    caption (escaped) before it. Line breaks show as ↵ so a passage stays one line. A line that may scroll
    sideways is a region a keyboard can reach (Tab), named `region` (the caption after it)."""
    parts = []
    for k, c in enumerate(chars):
        r, g, b = (int(v) for v in rgbs[k])
        style = f"background:rgb({r},{g},{b});color:{colors.text_on(rgbs[k])};padding:1px 0;"
        if mark is not None and mark[0] <= k < mark[1]:
            style += f"border-bottom:4px solid {colors.ACCENT};font-weight:700;"
        parts.append(f'<span style="{style}">{html.escape(display_char(c))}</span>')
    head = (f'<span style="font-family:sans-serif;font-size:15px;color:#555;margin-right:10px;">'
            f"{html.escape(caption)}</span>") if caption else ""
    style = STRIP + ("white-space:pre-wrap;word-break:break-all;" if wrap else "")
    name = html.escape(f"{region}: {caption}" if caption else region, quote=True)
    reach = "" if wrap else f' tabindex="0" role="region" aria-label="{name}"'
    return f'<div style="{style}"{reach}>{head}{"".join(parts)}</div>'


def level_rgbs(levels: np.ndarray) -> np.ndarray:
    """0..1 -> white .. the selection's orange, (n, 3) uint8: how many of the chosen units are on."""
    lv = np.clip(np.asarray(levels, np.float64), 0, 1)[:, None]
    white, orange = np.array([255, 255, 255]), np.array([244, 160, 110])
    return (white + (orange - white) * lv).round().astype(np.uint8)
