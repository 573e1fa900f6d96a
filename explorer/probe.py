"""Finding interpretable cells: which unit of C_t tracks a property of the text read so far.

The recipe `python -m explorer.training.probe [--model assets/char_lstm.npz]` writes, beside the
model, <name>.heldout.txt (all its held-out text, wrapped as the model's training
text was; the probe reads its first SAMPLE_CHARS, the unit explorer all of it) and <name>.probe.json
(the best unit per property), and prints the table.

- Properties, each a number per character (after reading it): column (characters since the last
  newline), bracket depth ( ( [ { ), inside double quotes.
- For every unit j and property p: Pearson correlation of C_t[j] with p over held-out text
  (docstrings of modules the model never trained on).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from explorer.tracing import trace

SAMPLE_CHARS = 40_000   # the probe reads this much of the held-out text; the unit explorer all of it


def held_out_path(model_path: Path) -> Path:
    return model_path.with_suffix(".heldout.txt")


def probe_path(model_path: Path) -> Path:
    return model_path.with_suffix(".probe.json")


def column(text: str) -> np.ndarray:
    out, col = np.empty(len(text)), 0
    for t, c in enumerate(text):
        col = 0 if c == "\n" else col + 1
        out[t] = col
    return out


def bracket_depth(text: str) -> np.ndarray:
    out, d = np.empty(len(text)), 0
    for t, c in enumerate(text):
        d += (c in "([{") - (c in ")]}")
        d = max(d, 0)
        out[t] = d
    return out


def inside_quotes(text: str) -> np.ndarray:
    out, q = np.empty(len(text)), 0
    for t, c in enumerate(text):
        if c == '"':
            q = 1 - q
        out[t] = q
    return out


PROPERTIES = {"column": column, "bracket_depth": bracket_depth, "inside_quotes": inside_quotes}


def correlations(cell: np.ndarray, prop: np.ndarray) -> np.ndarray:
    """Pearson correlation of each unit's C_t with the property, (H,)."""
    c = cell - cell.mean(0)
    p = prop - prop.mean()
    denom = np.sqrt((c ** 2).sum(0) * (p ** 2).sum()) + 1e-12
    return (c * p[:, None]).sum(0) / denom


def best_units(model, text: str) -> dict[str, dict]:
    cell = trace(model, text).cell
    result = {}
    for name, fn in PROPERTIES.items():
        r = correlations(cell, fn(text))
        j = int(np.abs(r).argmax())
        result[name] = {"unit": j, "corr": round(float(r[j]), 4)}
    return result
