"""The LSTM, written as the lesson's equations (explorer.tracing keeps what they compute for a text).

    f_t  = σ(W_f·[h_{t-1}, x_t] + b_f)        forget gate
    i_t  = σ(W_i·[h_{t-1}, x_t] + b_i)        input ("memory") gate
    C~_t = tanh(W_C·[h_{t-1}, x_t] + b_C)     candidate
    C_t  = f_t ⊙ C_{t-1} + i_t ⊙ C~_t          cell state (the conveyor belt)
    o_t  = σ(W_o·[h_{t-1}, x_t] + b_o)        output gate
    h_t  = o_t ⊙ tanh(C_t)                    hidden output

- Weights are kept in PyTorch's layout: weight_ih (4H, X), weight_hh (4H, H) and two biases,
  blocks in the order (i, f, g, o) with g = C~, so they load into `torch.nn.LSTM` unchanged.
  W_f·[h, x] is weight_hh[f]·h + weight_ih[f]·x; b_f is bias_ih[f] + bias_hh[f].
- `step` is one step of the equations as a student reads them, line by line: the reference.
- `run` takes inputs x_1..x_T, returns every gate, pre-activation, cell and hidden state: the same
  equations, written for speed (in place, on preallocated rows); tests/test_trace.py holds it, and the C
  module, to `step`.
- `Forcing` optionally pins a gate to a constant from a step on, for "what if" experiments.
- Where the optional C module explorer._lstm_kernel was built
  (`pip install -e .`, see setup.py), float32 runs go through it instead: the same equations
  in the same order, 2.4–3.2× faster (benchmarks.trace_speed); tests hold both to torch.nn.LSTM and to
  each other.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

try:
    from explorer import _lstm_kernel
except ImportError:        # not built (no C compiler where it was installed): numpy does it all
    _lstm_kernel = None

COMPILED = _lstm_kernel is not None
GATES = ("input", "forget", "candidate", "output")  # PyTorch's block order (i, f, g, o)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def softmax(z: np.ndarray) -> np.ndarray:
    """Over the last axis: the decoder's scores -> probabilities of the next token."""
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


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


@dataclass(frozen=True)
class Step:
    """What one step computed, each (H,)."""
    forget: np.ndarray
    input: np.ndarray
    candidate: np.ndarray
    cell: np.ndarray
    output: np.ndarray
    hidden: np.ndarray


def step(w: LSTMWeights, x: np.ndarray, h_prev: np.ndarray, c_prev: np.ndarray) -> Step:
    """One step of the equations, each line one equation: x_t, h_{t-1}, C_{t-1} in; every quantity at t out."""
    W_xf, W_hf, b_f = w.block("forget")
    W_xi, W_hi, b_i = w.block("input")
    W_xc, W_hc, b_c = w.block("candidate")
    W_xo, W_ho, b_o = w.block("output")
    f = sigmoid(W_hf @ h_prev + W_xf @ x + b_f)      # f_t  = σ(W_f·[h_{t-1}, x_t] + b_f)
    i = sigmoid(W_hi @ h_prev + W_xi @ x + b_i)      # i_t  = σ(W_i·[h_{t-1}, x_t] + b_i)
    c_tilde = np.tanh(W_hc @ h_prev + W_xc @ x + b_c)   # C~_t = tanh(W_C·[h_{t-1}, x_t] + b_C)
    c = f * c_prev + i * c_tilde                     # C_t  = f_t ⊙ C_{t-1} + i_t ⊙ C~_t
    o = sigmoid(W_ho @ h_prev + W_xo @ x + b_o)      # o_t  = σ(W_o·[h_{t-1}, x_t] + b_o)
    h = o * np.tanh(c)                               # h_t  = o_t ⊙ tanh(C_t)
    return Step(f, i, c_tilde, c, o, h)


def run(w: LSTMWeights, inputs: np.ndarray, forcing: Forcing | None = None,
        h0: np.ndarray | None = None, c0: np.ndarray | None = None, dtype=np.float32,
        compiled: bool | None = None) -> LSTMRun:
    """Run the equations over inputs (T, X); h_0 = C_0 = 0 unless given.

    compiled: None runs float32 through the C module when it is built; False always runs the
    numpy loop below; True insists on the C module.
    """
    T, H = inputs.shape[0], w.hidden_size
    # pre starts as W_x·x_t + b for every t at once; the loop adds W_h·h_{t-1} row by row
    pre = np.matmul(inputs.astype(dtype, copy=False), w.weight_ih.T.astype(dtype, copy=False))  # (T, 4H)
    pre += w.bias_ih.astype(dtype, copy=False) + w.bias_hh.astype(dtype, copy=False)
    U = np.ascontiguousarray(w.weight_hh.T, dtype=dtype)                  # (H, 4H)
    gates = np.empty((T, 4 * H), dtype)                                   # σ or tanh of pre, blocks (i, f, g, o)
    cell = np.empty((T, H), dtype)
    hidden = np.empty((T, H), dtype)
    h = np.zeros(H, dtype) if h0 is None else np.ascontiguousarray(h0, dtype)
    c = np.zeros(H, dtype) if c0 is None else np.ascontiguousarray(c0, dtype)
    if forcing is not None:
        k = GATES.index(forcing.gate)
        forced = np.arange(k * H, (k + 1) * H) if forcing.units is None else k * H + np.asarray(forcing.units, int)
    if compiled is None:
        compiled = COMPILED and np.dtype(dtype) == np.float32
    if compiled:
        if _lstm_kernel is None:
            raise RuntimeError("explorer._lstm_kernel is not built (pip install -e .)")
        if np.dtype(dtype) != np.float32:
            raise ValueError("the compiled LSTM runs float32 only")
        mask = None
        if forcing is not None:
            mask = np.zeros(4 * H, np.uint8)
            mask[forced] = 1
        _lstm_kernel.run_f32(T, H, pre, U, h, c, pre, gates, cell, hidden,
                             mask, float(forcing.value) if forcing else 0.0, forcing.start if forcing else 0)
        return _split(pre, gates, cell, hidden, H)
    tmp, hU = np.empty(H, dtype), np.empty(4 * H, dtype)
    # The loop works in place on preallocated rows (numpy calls on small vectors cost more in
    # overhead than in arithmetic); each line is one term of the equations.
    for t in range(T):                                                    # `step`, fast
        p, g = pre[t], gates[t]
        np.dot(h, U, out=hU)
        p += hU                                                           # (4H,) = W·[h_{t-1}, x_t] + b
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
    return _split(pre, gates, cell, hidden, H)


def _split(pre: np.ndarray, gates: np.ndarray, cell: np.ndarray, hidden: np.ndarray, H: int) -> LSTMRun:
    blocks = [slice(k * H, (k + 1) * H) for k in range(4)]
    return LSTMRun(
        input=gates[:, blocks[0]], forget=gates[:, blocks[1]],
        candidate=gates[:, blocks[2]], output=gates[:, blocks[3]],
        cell=cell, hidden=hidden,
        pre_input=pre[:, blocks[0]], pre_forget=pre[:, blocks[1]],
        pre_candidate=pre[:, blocks[2]], pre_output=pre[:, blocks[3]],
    )
