"""What the live box draws from, as the browser reads it (pure: no Streamlit): the models as JSON, each
map's settings, the guesses, a trace the server computed. The box itself is explorer/static/box/ (the
same JavaScript for both hosts: explorer/shell/livebox.py mounts it in Streamlit, explorer/notebook.py in
Jupyter).

- The browser holds the model (a static file, fetched once and cached: `write_static` writes it from
  the shipped weights) and runs the equations of explorer/lstm.py in JavaScript
  (explorer/static/box/lstm.js); each key draws what changed in the maps with no trip to the server.
- The box's script and styles are static files too (explorer/static/box/: livebox.js, lstm.js, numbers.js,
  livebox.css, and maps.css, which the server-drawn maps share), fetched once per version: what Streamlit is given is a few lines that import them
  (LOADER), so a rerun sends the box's settings and nothing else.
- The server hears the text once typing pauses (DEBOUNCE_MS) and reruns what depends on it
  (guesses, coloured text, equations at (t, j), the URL). What it sends back is the text and a few
  settings, never the maps' values.
- `panels_for` and `box_data` are tested without a browser.

    python -m explorer.draw.box      # rewrite explorer/static/*.json from assets/ (after retraining)
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
from pathlib import Path

import numpy as np

from explorer import quantities
from explorer.bilstm import GAP_MARK, HIDE, BiModel, load_bimodel
from explorer.draw import colors
from explorer.draw.figures import MAX_NUMBERED, MAX_TICKS, ROUND_STEPS
from explorer.i18n import say
from explorer.models import load_model
from explorer.quantities import NAMES
from explorer.vocab import display_char
from explorer.weights import to_arrays

HERE = Path(__file__).resolve().parent
STATIC = HERE.parent / "static"   # explorer/static, beside app.py: served at app/static/ ([server] enableStaticServing)
BOX = STATIC / "box"              # the box's script and styles
DEBOUNCE_MS = 300                 # the server hears the text after this long without a key


def _b64(a: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(a, "<f4").tobytes()).decode()


def _lstm_json(w) -> dict:
    return {"hidden_size": w.hidden_size, "input_size": w.input_size,
            **{n: _b64(a) for n, a in to_arrays(w).items()}}


def model_json(model) -> dict:
    """A CharModel or BiModel as the JSON the browser loads (float32 arrays in base64)."""
    out = {"format": "lstm-explorer/1", "quantities": quantities.as_json(), "chars": list(model.vocab.chars),
           "input_size": int(model.embedding.shape[1]),
           "embedding": _b64(model.embedding), "decoder_weight": _b64(model.decoder_weight),
           "decoder_bias": _b64(model.decoder_bias)}
    if isinstance(model, BiModel):
        return {**out, "hide": HIDE, "forward": _lstm_json(model.forward), "backward": _lstm_json(model.backward)}
    return {**out, "forward": _lstm_json(model.lstm)}


def own_model_json(model, layer: int = 0) -> dict:
    """A model of yours (explorer.own_model.OwnModel, one direction) as the JSON the box runs: every layer
    (layer k reads layer k−1's h), the one the maps show, its unknown token's id (−1: none, x_t = 0) and,
    where it has them, its embedding (else one-hot inputs) and decoder (else no guesses)."""
    if model.bidirectional:
        raise ValueError("the box runs one direction as you type: a bidirectional model is not shown (trace it in Python)")
    if model.level != "char":
        raise ValueError("the box reads characters as you type: a word-level model is not shown (trace it in Python)")
    if not 0 <= layer < model.num_layers:
        raise ValueError(f"layer {layer}: the model has {model.num_layers}")
    layers = [_lstm_json(fw) for fw, _ in model.layers]
    return {"format": "lstm-explorer/1", "quantities": quantities.as_json(), "chars": list(model.tokens),
            "unknown": -1 if model.unknown_id is None else int(model.unknown_id), "input_size": int(model.input_size),
            "embedding": None if model.embedding is None else _b64(model.embedding),
            "layers": layers, "layer": layer, "forward": layers[layer],
            "decoder_weight": None if model.decoder_weight is None else _b64(model.decoder_weight),
            "decoder_bias": None if model.decoder_bias is None else _b64(model.decoder_bias)}


def write_static() -> list[Path]:
    STATIC.mkdir(exist_ok=True)
    written = []
    for name, model in (("char_lstm", load_model()), ("bilstm", load_bimodel())):
        path = STATIC / f"{name}.json"
        path.write_text(json.dumps(model_json(model), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written.append(path)
    return written


def static_url(name: str) -> str:
    """The model file's address, relative to the page, with its content hash (a new file is fetched anew)."""
    st_ = (STATIC / f"{name}.json").stat()
    return _static_url(name, st_.st_mtime_ns, st_.st_size)


@functools.lru_cache(maxsize=8)
def _static_url(name: str, mtime_ns: int, size: int) -> str:
    """Hashed once per version of the file (a run of every page asks; hashing it each time was 7 % of the
    server's CPU with a class typing: benchmarks.server_load under py-spy)."""
    digest = hashlib.sha256((STATIC / f"{name}.json").read_bytes()).hexdigest()[:12]
    return f"app/static/{name}.json?v={digest}"


@functools.lru_cache(maxsize=None)
def _scale(kind: str) -> dict:
    """How the browser colours a kind: its colour table, its fixed range or the percentile of |v| it spans."""
    lo, hi = (-1.0, 1.0) if kind in colors.UNBOUNDED_KINDS else colors.value_range(kind, np.zeros(0))
    stops = colors.plotly_scale(kind)
    return {"lut": colors.scale_of(kind), "lo": lo, "hi": hi,
            "percentile": colors.UNBOUNDED_PERCENTILE if kind in colors.UNBOUNDED_KINDS else None,
            "gradient": "linear-gradient(to top, " + ", ".join(f"{c} {p * 100:.1f}%" for p, c in stops) + ")"}


def panels_for(kinds, lang: str, clickable: bool = False, heights: dict | None = None,
               splits: dict | None = None, row_height: int = 118) -> list[dict]:
    """One map per kind; its quantity is the kind (f, i, C̃, C, o, h, i·C̃, tanh C, h→, h←, y)."""
    return [{"kind": k, "quantity": k, "title": say(f"kind_{k}", lang), "clickable": clickable,
             "height": int((heights or {}).get(k, row_height)),
             "split": int((splits or {}).get(k, (0,))[0]), "splitTags": list((splits or {}).get(k, (0,))[1:])}
            for k in kinds]


TOP_UNITS = 16        # "the units that matter for this text": how many rows the strip above each map has
TOP_ROW_HEIGHT = 14   # pixels a row there (its unit is named beside it)



GUESSES = 8          # how many next-character guesses the box lists


def guess_list(probs: np.ndarray, tokens, k: int = GUESSES) -> list[list]:
    """The k likeliest next tokens after the text, likeliest first: [label as shown, probability]. A value
    that is not finite is never sent (JSON has no NaN: the browser would fail to read the whole message)."""
    order = np.argsort(np.where(np.isfinite(probs), probs, -np.inf), kind="stable")[::-1][:k]
    return [[display_char(str(tokens[v])), float(probs[v])] for v in order if np.isfinite(probs[v])]


def server_trace(trace, tokens=None, backward: bool = False) -> dict:
    """A trace computed on the server (a model of yours, which the browser does not hold), as the
    component draws it: every quantity as base64 float32, (T, H) row-major, the tokens, which of them
    the model does not know, whether it has a decoder and (given its `tokens`) its guesses after the
    whole text. `backward`: the trace is a backward direction's, its steps from the last token to the
    first (the guesses after the whole text are then its first row)."""
    T, H = trace.forget.shape
    probs = getattr(trace, "next_char_probs", None)
    return {"T": int(T), "H": int(H), "chars": [str(c) for c in trace.chars],
            "unknown": [bool(u) for u in trace.unknown], "decoder": probs is not None,
            "guesses": guess_list(probs[0 if backward else -1], tokens) if probs is not None and tokens is not None and T
            else None,
            "values": {q: _b64(getattr(trace, q)) for q in NAMES}}


def guesses_spec(lang: str, decoder: bool = True) -> dict:
    """What the box needs to list the guesses beside its maps (the overview)."""
    return {"k": GUESSES, "title": say("guesses_title", lang), "caption": say("guesses_caption", lang),
            "hover": say("guess_hover", lang), "colour": colors.MAIN,
            "noDecoder": None if decoder else say("own_no_decoder", lang)}


def box_data(text: str, version: int, lang: str, panels: list[dict], model: str = "char_lstm",
             selected: tuple[int, int] | None = None, cap: int = 500, input_cap: int = 5000,
             top: bool = False, named: dict[int, str] | None = None, keys: bool = False,
             server: dict | None = None, guesses: dict | None = None, reads: bool = False,
             restore: bool = False, own: str | None = None, hear: dict | None = None) -> dict:
    """Everything the component needs: the text and settings, never the trace — unless `server` holds
    one (server_trace: a model of yours), which is drawn instead of running the browser's model. `top`:
    a strip of the TOP_UNITS units that matter above each map (those in `named` {unit: what it tracks}
    first); `keys`: ← → send "step" (the t to go to); `guesses` (guesses_spec): the next-character guesses beside the maps;
    `reads`: the text as the model reads it (unknown characters marked) under them. The browser keeps the
    text and `own` (the name of a model of yours, or None) for its tab; `restore`: this session starts on
    the default text, so the box sends the tab's kept text back (and the name of a model the session lost),
    as after a server restart or a failover. `hear` (explorer/shell/heard.py): the box posts the text there
    instead of asking for a run, and says itself what the server would have said of it (characters the model
    does not know, a text longer than `cap`): nothing else on its page depends on the text."""
    return {
        "serverTrace": server if panels else None,
        "guesses": guesses if panels else None, "reads": {"title": say("read_as", lang)} if reads and panels else None,
        "top": TOP_UNITS if top else 0, "topRowHeight": TOP_ROW_HEIGHT, "named": {str(k): v for k, v in (named or {}).items()},
        "topTitle": say("top_units_title", lang), "keys": keys,
        "text": text, "version": version, "restore": restore, "own": own, "panels": panels, "cap": cap, "inputCap": input_cap,
        "modelUrl": static_url(model) if panels and server is None else "", "debounceMs": DEBOUNCE_MS,
        "selected": {"t": selected[0], "j": selected[1]} if selected else None,
        "hear": hear, "notes": {"unknown": say("unknown_note", lang), "tooLong": say("too_long", lang)} if hear else None,
        "scales": {p["kind"]: _scale(p["kind"]) for p in panels},
        "luts": {colors.scale_of(p["kind"]): colors.LUTS[colors.scale_of(p["kind"])].tobytes().hex() for p in panels},
        "label": say("text_label", lang), "placeholder": say("text_placeholder", lang),
        "newlineLabel": say("newline_button", lang), "newlineHelp": say("newline_help", lang),
        "hover": say("hover_map", lang), "chosen": say("chosen_cell", lang), "mapAlt": say("map_alt", lang), "bandTitle": say("band_title", lang),
        "bandClose": say("band_close", lang), "emptyHint": say("empty_hint", lang), "loadError": say("model_load_error", lang),
        "hide": HIDE if model == "bilstm" else None, "gapMark": GAP_MARK,
        "maxTicks": MAX_TICKS, "maxNumbered": MAX_NUMBERED, "roundSteps": list(ROUND_STEPS),
    }


if __name__ == "__main__":
    for p in write_static():
        print(f"wrote {p.relative_to(HERE.parent)} ({p.stat().st_size / 1024:.0f} KiB)")
