"""The LSTM, written as the lesson's equations, and the Trace of every quantity they compute.

    f_t  = σ(W_f·[h_{t-1}, x_t] + b_f)        forget gate
    i_t  = σ(W_i·[h_{t-1}, x_t] + b_i)        input ("memory") gate
    C~_t = tanh(W_C·[h_{t-1}, x_t] + b_C)     candidate
    C_t  = f_t ⊙ C_{t-1} + i_t ⊙ C~_t          cell state (the conveyor belt)
    o_t  = σ(W_o·[h_{t-1}, x_t] + b_o)        output gate
    h_t  = o_t ⊙ tanh(C_t)                    hidden output

- Weights are kept in PyTorch's layout: weight_ih (4H, X), weight_hh (4H, H) and two biases,
  blocks in the order (i, f, g, o) with g = C~, so they load into `torch.nn.LSTM` unchanged.
  W_f·[h, x] is weight_hh[f]·h + weight_ih[f]·x; b_f is bias_ih[f] + bias_hh[f].
- `run` takes inputs x_1..x_T, returns every gate, pre-activation, cell and hidden state.
- `Forcing` optionally pins a gate to a constant from a step on, for "what if" experiments.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

GATES = ("input", "forget", "candidate", "output")  # PyTorch's block order (i, f, g, o)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


@dataclass(frozen=True)
class LSTMWeights:
    weight_ih: np.ndarray  # (4H, X)
    weight_hh: np.ndarray  # (4H, H)
    bias_ih: np.ndarray    # (4H,)
    bias_hh: np.ndarray    # (4H,)

    @property
    def hidden_size(self) -> int:
        return self.weight_hh.shape[1]

    @property
    def input_size(self) -> int:
        return self.weight_ih.shape[1]

    def block(self, gate: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(W_x, W_h, b) of one gate: the lesson's W_gate split into its x and h columns."""
        H = self.hidden_size
        k = GATES.index(gate)
        rows = slice(k * H, (k + 1) * H)
        return self.weight_ih[rows], self.weight_hh[rows], self.bias_ih[rows] + self.bias_hh[rows]


@dataclass(frozen=True)
class Forcing:
    """Pin one gate to `value` from step `start` on, for the units in `units` (None: all units)."""
    gate: str
    value: float
    start: int = 0
    units: tuple[int, ...] | None = None


@dataclass(frozen=True)
class LSTMRun:
    """Everything the equations computed, each (T, H)."""
    forget: np.ndarray
    input: np.ndarray
    candidate: np.ndarray
    output: np.ndarray
    cell: np.ndarray
    hidden: np.ndarray
    pre_forget: np.ndarray     # W_f·[h_{t-1}, x_t] + b_f, before σ
    pre_input: np.ndarray
    pre_candidate: np.ndarray
    pre_output: np.ndarray


def run(w: LSTMWeights, inputs: np.ndarray, forcing: Forcing | None = None,
        h0: np.ndarray | None = None, c0: np.ndarray | None = None, dtype=np.float32) -> LSTMRun:
    """Run the equations over inputs (T, X); h_0 = C_0 = 0 unless given."""
    T, H = inputs.shape[0], w.hidden_size
    xs = inputs.astype(dtype) @ w.weight_ih.T.astype(dtype) + w.bias_ih.astype(dtype) + w.bias_hh.astype(dtype)  # (T, 4H)
    U = np.ascontiguousarray(w.weight_hh.T, dtype=dtype)                  # (H, 4H)
    pre = np.empty((T, 4 * H), dtype)
    gates = np.empty((T, 4 * H), dtype)                                   # σ or tanh of pre, blocks (i, f, g, o)
    cell = np.empty((T, H), dtype)
    hidden = np.empty((T, H), dtype)
    h = np.zeros(H, dtype) if h0 is None else h0.astype(dtype)
    c = np.zeros(H, dtype) if c0 is None else c0.astype(dtype)
    tmp = np.empty(H, dtype)
    if forcing is not None:
        k = GATES.index(forcing.gate)
        forced = np.arange(k * H, (k + 1) * H) if forcing.units is None else k * H + np.asarray(forcing.units, int)
    # The loop works in place on preallocated rows (numpy calls on small vectors cost more in
    # overhead than in arithmetic); each line is one term of the equations.
    for t in range(T):
        p, g = pre[t], gates[t]
        np.dot(h, U, out=p)
        p += xs[t]                                                        # (4H,) = W·[h_{t-1}, x_t] + b
        np.negative(p, out=g)                                             # σ(p) = 1 / (1 + e^{-p}) on all blocks,
        np.exp(g, out=g)
        g += 1
        np.reciprocal(g, out=g)
        np.tanh(p[2 * H:3 * H], out=g[2 * H:3 * H])                       # then tanh on the candidate block
        if forcing is not None and t >= forcing.start:
            g[forced] = forcing.value
        c_t, h_t = cell[t], hidden[t]
        np.multiply(g[H:2 * H], c, out=c_t)                               # C_t = f_t ⊙ C_{t-1}
        np.multiply(g[:H], g[2 * H:3 * H], out=tmp)
        c_t += tmp                                                        #       + i_t ⊙ C~_t
        np.tanh(c_t, out=h_t)
        h_t *= g[3 * H:]                                                  # h_t = o_t ⊙ tanh(C_t)
        h, c = h_t, c_t
    blocks = [slice(k * H, (k + 1) * H) for k in range(4)]
    return LSTMRun(
        input=gates[:, blocks[0]], forget=gates[:, blocks[1]],
        candidate=gates[:, blocks[2]], output=gates[:, blocks[3]],
        cell=cell, hidden=hidden,
        pre_input=pre[:, blocks[0]], pre_forget=pre[:, blocks[1]],
        pre_candidate=pre[:, blocks[2]], pre_output=pre[:, blocks[3]],
    )
