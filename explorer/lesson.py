"""The numbers behind each lesson page, read off a Trace (pure functions, no drawing).

- gate_terms: one gate's equation at (t, j) split into its terms, W_h[j]·h_{t-1} + W_x[j]·x_t + b[j].
- belt_step: the conveyor belt at (t, j): C_{t-1} -> ×f_t -> + i_t·C~_t -> C_t.
- contributions: how much each earlier step s put into C_t[j]: (f_{s+1}⋯f_t)·i_s·C~_s, summing to C_t.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.lstm import sigmoid
from explorer.models import CharModel
from explorer.tracing import Trace


@dataclass(frozen=True)
class GateTerms:
    gate: str
    t: int
    j: int
    from_hidden: float  # W_h[j]·h_{t-1}
    from_input: float   # W_x[j]·x_t
    bias: float         # b[j]
    pre: float          # their sum, the pre-activation
    value: float        # σ(pre) or tanh(pre)


def gate_terms(model: CharModel, tr: Trace, gate: str, t: int, j: int) -> GateTerms:
    W_x, W_h, b = model.lstm.block(gate)
    h_prev = tr.hidden[t - 1] if t > 0 else np.zeros(model.hidden_size, np.float32)
    from_hidden = float(W_h[j].astype(np.float64) @ h_prev)
    from_input = float(W_x[j].astype(np.float64) @ tr.inputs[t])
    pre = from_hidden + from_input + float(b[j])
    value = float(np.tanh(pre) if gate == "candidate" else sigmoid(pre))
    return GateTerms(gate, t, j, from_hidden, from_input, float(b[j]), pre, value)


@dataclass(frozen=True)
class BeltStep:
    c_prev: float   # C_{t-1}[j]
    forget: float   # f_t[j]
    kept: float     # f_t[j]·C_{t-1}[j]
    input: float    # i_t[j]
    candidate: float  # C~_t[j]
    written: float  # i_t[j]·C~_t[j]
    cell: float     # C_t[j] = kept + written


def belt_step(tr: Trace, t: int, j: int) -> BeltStep:
    c_prev = float(tr.cell[t - 1, j]) if t > 0 else 0.0
    f, i, g = float(tr.forget[t, j]), float(tr.input[t, j]), float(tr.candidate[t, j])
    return BeltStep(c_prev, f, f * c_prev, i, g, i * g, float(tr.cell[t, j]))


def contributions(tr: Trace, t: int, j: int) -> np.ndarray:
    """(t+1,): what step s wrote, i_s·C~_s, times every forget gate since, f_{s+1}⋯f_t."""
    written = tr.input[: t + 1, j].astype(np.float64) * tr.candidate[: t + 1, j]
    f = tr.forget[1: t + 1, j].astype(np.float64)
    survive = np.append(np.cumprod(f[::-1])[::-1], 1.0)  # survive[s] = f_{s+1}⋯f_t
    return survive * written
