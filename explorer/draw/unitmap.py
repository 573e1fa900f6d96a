"""Unit × time maps drawn on the server as plain images, for the pages whose models the browser does not
run (the variants page, the two case studies): far lighter than plotly charts.

- `maps_data` (pure) packs each map as a PNG (colours from explorer.draw.colors), its values as base64
  float32 (for the hover read-out), its colour bar and the characters.
- explorer/shell/unitmap.py mounts them with a small Streamlit component (explorer/shell/frontend/unitmap.js
  and unitmap.css: no network, no plotly). Every text it shows is set with textContent.
"""
from __future__ import annotations

import base64

import numpy as np

from explorer.draw import colors
from explorer.draw.figures import png_source, time_ticks
from explorer.i18n import say
from explorer.vocab import display_char

ROW_HEIGHT = 118  # pixels per map

def _gradient(kind: str) -> str:
    """A CSS gradient of the kind's colour scale, highest value at the top."""
    stops = colors.plotly_scale(kind)
    return "linear-gradient(to top, " + ", ".join(f"{c} {p * 100:.1f}%" for p, c in stops) + ")"


def maps_data(arrays: dict[str, np.ndarray], chars, lang: str, clickable: bool = False,
              row_height: int = ROW_HEIGHT, heights: dict[str, int] | None = None,
              splits: dict[str, tuple[int, str, str]] | None = None) -> dict:
    """Everything the component draws, as plain JSON-able values. `heights` gives some maps their own
    height in pixels; `splits` {kind: (k, above, below)} draws a line above row k of a map (two vectors
    stacked in one) and names the part above and below it."""
    T = len(chars)
    panels = []
    for kind, values in arrays.items():
        lo, hi = colors.value_range(kind, values)
        panels.append({
            "title": say(f"kind_{kind}", lang),
            "png": png_source(colors.to_rgb(values.T, kind, (lo, hi))),
            "values": base64.b64encode(np.ascontiguousarray(values.T, np.float32).tobytes()).decode(),
            "units": int(values.shape[1]),
            "gradient": _gradient(kind),
            "ticks": [("≥ " if values.size and values.max() > hi else "") + f"{hi:.3g}", f"{(lo + hi) / 2:.3g}",
                      ("≤ " if values.size and values.min() < lo else "") + f"{lo:.3g}"],
            "height": int((heights or {}).get(kind, row_height)),
            "split": int((splits or {}).get(kind, (0,))[0]),
            "splitTags": list((splits or {}).get(kind, (0,))[1:]),
        })
    labels = [display_char(c) for c in chars]
    ticks, numbered = time_ticks(T)
    return {"panels": panels, "labels": labels, "tickSteps": ticks, "numbered": numbered,
            "tickText": [f"{labels[t]}\n{t}" if numbered else labels[t] for t in ticks],
            "rowHeight": row_height, "hover": say("hover_map", lang), "clickable": clickable}
