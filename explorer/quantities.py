"""The six quantities of the LSTM equations, named once: every trace, map, export, diagram and the
browser's LSTM (the model JSON carries this list: explorer/draw/box.py model_json) read them here.

    f_t = σ(W_f·[h_{t-1}, x_t] + b_f)      forget       a gate, in (0, 1)
    i_t = σ(W_i·[h_{t-1}, x_t] + b_i)      input        a gate
    C̃_t = tanh(W_C·[h_{t-1}, x_t] + b_C)   candidate    in (-1, 1)
    C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t        cell         unbounded
    o_t = σ(W_o·[h_{t-1}, x_t] + b_o)      output       a gate
    h_t = o_t ⊙ tanh(C_t)                  hidden       in (-1, 1)
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    name: str       # the Trace's field, the strings' kind_<name>, the colour scale's kind
    symbol: str     # as the equations write it (C~ for C̃): a variant's run is keyed by it
    scale: str      # "gate" (0..1), "tanh" (-1..1) or "unbounded" (the cell state)


QUANTITIES = (
    Quantity("forget", "f", "gate"),
    Quantity("input", "i", "gate"),
    Quantity("candidate", "C~", "tanh"),
    Quantity("cell", "C", "unbounded"),
    Quantity("output", "o", "gate"),
    Quantity("hidden", "h", "tanh"),
)
NAMES = tuple(q.name for q in QUANTITIES)                  # the lesson's order
GATES = tuple(q.name for q in QUANTITIES if q.scale == "gate")
SYMBOL = {q.name: q.symbol for q in QUANTITIES}


def as_json() -> list[dict]:
    """The list as the browser reads it (the model JSON's "quantities")."""
    return [{"name": q.name, "symbol": q.symbol, "scale": q.scale} for q in QUANTITIES]
