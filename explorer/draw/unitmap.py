"""Unit × time maps drawn on the server as plain images, for the pages whose models the browser does not
run (the variants page, the two case studies): far lighter than plotly charts.

- `maps_data` (pure) packs each map as a PNG (colours from explorer.draw.colors), its values as base64
  float32 (for the hover read-out), its colour bar and the characters.
- `unit_maps` mounts them with a small Streamlit component (inline JS, no network, no plotly).
  Every text it shows is set with textContent: nothing typed is ever parsed as HTML.
"""
from __future__ import annotations

import base64

import numpy as np

from explorer.draw import colors
from explorer.draw.figures import png_source, time_ticks
from explorer.i18n import say
from explorer.vocab import display_char

ROW_HEIGHT = 118  # pixels per map

CSS = """
.um-root { position: relative; font-family: "Source Sans Pro", "Noto Sans CJK SC", sans-serif; }
.um-title { font-size: 17px; color: #31333f; margin: 10px 0 3px 0; }
.um-row { display: flex; align-items: stretch; gap: 10px; }
.um-wrap { position: relative; flex: 1 1 auto; min-width: 0; }
.um-map { width: 100%; image-rendering: pixelated; cursor: crosshair; border: 1px solid #ddd; display: block;
          box-sizing: border-box; }
.um-split { position: absolute; left: 0; right: 0; height: 4px; margin-top: -2px; background: #fff;
            border-top: 1px solid #222; border-bottom: 1px solid #222; pointer-events: none; }
.um-tag { position: absolute; left: 4px; padding: 0 6px; font-size: 15px; background: rgba(255,255,255,.9);
          border: 1px solid #222; border-radius: 3px; pointer-events: none; }
.um-bar { width: 14px; flex: 0 0 14px; border: 1px solid #ddd; }
.um-ticks { flex: 0 0 44px; display: flex; flex-direction: column; justify-content: space-between;
            font-size: 13px; color: #555; }
.um-axis { position: relative; height: calc(1.3em + 6px); margin-right: 68px; font-size: 14px; color: #444; }
.um-axis.um-numbered { height: calc(2.6em + 8px); }
.um-axis.um-numbered span { text-align: center; line-height: 1.3em; }
.um-axis span { position: absolute; transform: translateX(-50%); top: 3px; white-space: pre; line-height: 1.3em; }
.um-axis span:first-child { transform: translateX(max(-50%, -4px)); }  /* the first label stays inside the map's edge */
.um-tip { position: absolute; display: none; pointer-events: none; background: #fff; border: 1px solid #888;
          border-radius: 4px; padding: 3px 7px; font-size: 15px; white-space: pre; z-index: 5;
          box-shadow: 0 1px 4px rgba(0,0,0,.2); }
"""

JS = """
function floats(b64) {
  const bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (let k = 0; k < bin.length; k++) bytes[k] = bin.charCodeAt(k);
  return new Float32Array(bytes.buffer);
}
export default function(component) {
  const { data, parentElement, setTriggerValue } = component;
  let root = parentElement.querySelector('.um-root');
  if (!root) { root = document.createElement('div'); root.className = 'um-root'; parentElement.appendChild(root); }
  root.replaceChildren();
  const T = data.labels.length;
  const tip = document.createElement('div'); tip.className = 'um-tip'; root.appendChild(tip);
  for (const p of data.panels) {
    const title = document.createElement('div'); title.className = 'um-title'; title.textContent = p.title;
    const row = document.createElement('div'); row.className = 'um-row';
    const img = document.createElement('img'); img.className = 'um-map'; img.src = p.png;
    img.style.height = (p.height || data.rowHeight) + 'px'; img.alt = p.title;
    const wrap = document.createElement('div'); wrap.className = 'um-wrap'; wrap.appendChild(img);
    if (p.split) {  // a line between two stacked vectors, e.g. h→ above h← in y = [h→ ; h←]
      const line = document.createElement('div'); line.className = 'um-split';
      line.style.top = (p.split / p.units * 100) + '%'; wrap.appendChild(line);
      (p.splitTags || []).forEach((text, k) => {
        const tag = document.createElement('div'); tag.className = 'um-tag'; tag.textContent = text;
        tag.style.top = k === 0 ? '4px' : 'calc(' + (p.split / p.units * 100) + '% + 6px)'; wrap.appendChild(tag);
      });
    }
    const bar = document.createElement('div'); bar.className = 'um-bar'; bar.style.background = p.gradient;
    const ticks = document.createElement('div'); ticks.className = 'um-ticks';
    for (const v of p.ticks) { const s = document.createElement('span'); s.textContent = v; ticks.appendChild(s); }
    row.append(wrap, bar, ticks); root.append(title, row);
    let vals = null;
    img.addEventListener('mousemove', (e) => {
      if (!vals) vals = floats(p.values);
      const r = img.getBoundingClientRect();
      const t = Math.min(T - 1, Math.floor((e.clientX - r.left) / r.width * T));
      const j = Math.min(p.units - 1, Math.floor((e.clientY - r.top) / r.height * p.units));
      tip.textContent = data.hover.replace('{t}', t).replace('{c}', data.labels[t]).replace('{j}', j)
                        .replace('{v}', vals[j * T + t].toFixed(3));
      const box = root.getBoundingClientRect();
      tip.style.left = (e.clientX - box.left + 14) + 'px'; tip.style.top = (e.clientY - box.top + 14) + 'px';
      tip.style.display = 'block';
    });
    img.addEventListener('mouseleave', () => { tip.style.display = 'none'; });
    if (data.clickable) {
      img.addEventListener('click', (e) => {
        const r = img.getBoundingClientRect();
        const t = Math.min(T - 1, Math.floor((e.clientX - r.left) / r.width * T));
        const j = Math.min(p.units - 1, Math.floor((e.clientY - r.top) / r.height * p.units));
        setTriggerValue('clicked', { t: t, j: j });
      });
    }
  }
  const axis = document.createElement('div'); axis.className = 'um-axis' + (data.numbered ? ' um-numbered' : '');
  for (const [k, t] of data.tickSteps.entries()) {
    const s = document.createElement('span'); s.textContent = data.tickText[k];
    s.style.left = ((t + 0.5) / T * 100) + '%'; axis.appendChild(s);
  }
  root.appendChild(axis);
}
"""


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


_component = None


def unit_maps(arrays: dict[str, np.ndarray], chars, lang: str, key: str, on_click=None,
              row_height: int = ROW_HEIGHT, heights: dict[str, int] | None = None,
              splits: dict[str, tuple[int, str, str]] | None = None) -> None:
    """Mount the maps; with `on_click`, clicking a cell calls on_click(t, j)."""
    global _component
    import streamlit as st

    if _component is None:
        _component = st.components.v2.component("lstm_unit_maps", css=CSS, js=JS, isolate_styles=False)
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
