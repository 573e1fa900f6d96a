"""The server-drawn unit × time maps in a page (explorer/draw/unitmap.py packs them; the component is
explorer/shell/frontend/unitmap.js and unitmap.css): the variants page and the two case studies."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import streamlit as st

from explorer.draw.box import BOX
from explorer.draw.unitmap import ROW_HEIGHT, maps_data

FRONTEND = Path(__file__).resolve().parent / "frontend"
MAPS_CSS = BOX / "maps.css"   # what the live box's maps and these share (bar, ticks, axis, tip)

_component = None


def unit_maps(arrays: dict[str, np.ndarray], chars, lang: str, key: str, on_click=None,
              row_height: int = ROW_HEIGHT, heights: dict[str, int] | None = None,
              splits: dict[str, tuple[int, str, str]] | None = None) -> None:
    """Mount the maps; with `on_click`, clicking a cell calls on_click(t, j)."""
    global _component
    if _component is None:
        css = "\n".join(f.read_text(encoding="utf-8") for f in (MAPS_CSS, FRONTEND / "unitmap.css"))
        _component = st.components.v2.component("lstm_unit_maps", css=css, js=(FRONTEND / "unitmap.js").read_text(encoding="utf-8"),
                                                isolate_styles=False)
    data = maps_data(arrays, chars, lang, clickable=on_click is not None, row_height=row_height,
                     heights=heights, splits=splits)
    if on_click is None:
        _component(data=data, key=key)
        return

    def clicked():
        cell = st.session_state[key].get("clicked") if hasattr(st.session_state[key], "get") else None
        if cell:
            on_click(int(cell["t"]), int(cell["j"]))

    _component(data=data, key=key, on_clicked_change=clicked)
