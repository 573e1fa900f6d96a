"""Take it out: the current trace as files for slides and notebooks (pure: a Trace in, bytes or text out).

- `trace_npz`: every quantity (f, i, C̃, C, o, h, the pre-activations, x, ids, the tokens and, when the
  model has a decoder, the next-token probabilities), numpy's .npz, no pickles.
- `trace_csvs`: a zip of one CSV per quantity: a row per unit, a column per character (its name in the
  header, as text: a token that begins like a formula, = + - @ tab or CR, gets a leading ' as OWASP advises,
  so a spreadsheet never runs it), each value written with 9 significant digits (a float32 reads back exactly).
- `map_png`: one unit × time map as a PNG, with its title, the characters and a colour bar.
- `snippet`: Python that reproduces the view with the API (model, text, t, j).
"""
from __future__ import annotations

import csv
import io
import zipfile

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from explorer.draw import colors
from explorer.quantities import NAMES
from explorer.vocab import display_char

QUANTITIES = NAMES   # the six, in the lesson's order (explorer/quantities.py)
PRE = ("pre_forget", "pre_input", "pre_candidate", "pre_output")
FONTS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def trace_npz(trace) -> bytes:
    arrays = {q: np.asarray(getattr(trace, q), np.float32) for q in QUANTITIES + PRE}
    arrays.update(inputs=np.asarray(trace.inputs, np.float32), ids=np.asarray(trace.ids), unknown=np.asarray(trace.unknown),
                  tokens=np.array(list(trace.chars), dtype=str), text=np.array(trace.text, dtype=str))
    if trace.next_char_probs is not None:
        arrays["next_probs"] = np.asarray(trace.next_char_probs, np.float32)
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    return buf.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(s: str) -> str:
    """A CSV cell of text that a spreadsheet shows as text, never evaluates (OWASP: CSV injection)."""
    return "'" + s if s.startswith(FORMULA_START) else s


def quantity_csv(trace, q: str) -> str:
    """Rows: units; columns: the characters (as shown: ␣, ↵ …), in order."""
    values = np.asarray(getattr(trace, q), np.float32)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["unit"] + [text_cell(display_char(c)) for c in trace.chars])
    for j in range(values.shape[1]):
        w.writerow([j] + [format(float(v), ".9g") for v in values[:, j]])
    return out.getvalue()


def trace_csvs(trace) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for q in QUANTITIES:
            z.writestr(f"{q}.csv", quantity_csv(trace, q))
    return buf.getvalue()


def _font(size: int):
    for path in FONTS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


def map_png(trace, kind: str, title: str, cell: int = 0) -> bytes:
    """The map of one quantity (units down, characters across) at `cell` pixels a value (0: chosen so the
    picture is about 1,200 px wide), with its title, the characters under it and a colour bar."""
    values = np.asarray(getattr(trace, kind), np.float32)          # (T, H)
    T, H = values.shape
    cw = cell or max(2, min(40, 1200 // max(T, 1)))
    ch = max(2, min(8, 600 // H))
    vrange = colors.value_range(kind, values)
    rgb = colors.to_rgb(values.T, kind, vrange)                      # (H, T, 3)
    picture = Image.fromarray(np.repeat(np.repeat(rgb, ch, 0), cw, 1), "RGB")
    font, small = _font(22), _font(16)
    left, top, bar = 60, 44, 70
    W, Hpx = left + picture.width + bar, top + picture.height + 60
    img = Image.new("RGB", (W, Hpx), "white")
    img.paste(picture, (left, top))
    d = ImageDraw.Draw(img)
    d.text((left, 8), title, fill="#222", font=font)
    for j in sorted({0, H - 1} | set(range(0, H, max(1, H // 4)))):
        d.text((6, top + j * ch), str(j), fill="#555", font=small)
    every = max(1, int(np.ceil(T * 22 / max(picture.width, 1))))   # labels at least ~22 px apart
    for t in range(0, T, every):
        d.text((left + t * cw + cw / 2 - 5, top + picture.height + 6), display_char(trace.chars[t])[:6], fill="#333", font=small)
    lut = colors.LUTS[colors.scale_of(kind)]
    x0 = left + picture.width + 14
    for y in range(picture.height):
        d.line([(x0, top + y), (x0 + 14, top + y)], fill=tuple(int(c) for c in lut[255 - y * 255 // max(picture.height - 1, 1)]))
    d.text((x0 + 18, top - 4), f"{vrange[1]:.3g}", fill="#333", font=small)
    d.text((x0 + 18, top + picture.height - 16), f"{vrange[0]:.3g}", fill="#333", font=small)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def snippet(text: str, t: int, j: int, kind: str = "forget", model_file: str | None = None,
            vocab_file: str | None = None, layer: int = 0, direction: str = "forward") -> str:
    """Python that reproduces the view: the model, the text, the chosen step and unit."""
    load = (f"load_model({model_file!r}, vocab={vocab_file!r})" if model_file else "load_model()")
    extra = "" if not model_file else f", layer={layer}" + (f", direction={direction!r}" if direction != "forward" else "")
    return "\n".join([
        "# pip install -r requirements.txt  (in a clone of LSTM Explorer), then:",
        "from explorer import load_model, trace",
        "",
        f"model = {load}" + ("   # your files, as you loaded them" if model_file else "   # the shipped model"),
        f"text = {text!r}",
        f"tr = trace(model, text{extra})",
        f"t, j = {t}, {j}",
        f"print(tr.chars[t], tr.{kind}[t, j])       # one value of the view",
        "print({q: float(getattr(tr, q)[t, j]) for q in "
        "('forget', 'input', 'candidate', 'cell', 'output', 'hidden')})",
        "",
    ])
