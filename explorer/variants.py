"""LSTM variants and relatives, each written as its own equations, each giving a VariantRun through
one interface: named (T, H) quantities, the hidden output h, and the equations as LaTeX.

- classic:  the LSTM of the lesson (explorer.lstm).
- peephole (Gers & Schmidhuber, 2000): the gates also look at the cell state,
      f_t = σ(W_f·[h_{t-1}, x_t] + p_f ⊙ C_{t-1} + b_f),  i_t likewise with p_i,
      o_t = σ(W_o·[h_{t-1}, x_t] + p_o ⊙ C_t + b_o).
- coupled: one gate decides both forgetting and writing, i_t = 1 − f_t.
- GRU (Cho et al., 2014), PyTorch's form, blocks (r, z, n):
      r_t = σ(W_r·[h_{t-1}, x_t] + b_r),  z_t = σ(W_z·[h_{t-1}, x_t] + b_z)
      n_t = tanh(W_in·x_t + b_in + r_t ⊙ (W_hn·h_{t-1} + b_hn))
      h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}
- rnn: the simple RNN, h_t = tanh(W·[h_{t-1}, x_t] + b).
Weights for GRU and RNN are in PyTorch's layout (torch.nn.GRU / nn.RNN).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from explorer import quantities
from explorer.lstm import LSTMWeights, run, sigmoid, softmax
from explorer.weights import NAMES

KINDS = ("classic", "peephole", "coupled", "gru")   # the variants page's cells, in its order (two a row)
TRAINED = KINDS[1:]     # trained by explorer.training.train_variants (classic is the shipped char LSTM)
SHOWN_GATE = {"classic": ("f", "forget"), "peephole": ("f", "forget"), "coupled": ("f", "forget"),
              "gru": ("z", "update")}   # the gate each one's page maps: its symbol, and its colour scale

EQUATIONS = {
    "classic": [r"f_t = \sigma(W_f\cdot[h_{t-1},x_t]+b_f)", r"i_t = \sigma(W_i\cdot[h_{t-1},x_t]+b_i)",
                r"\tilde C_t = \tanh(W_C\cdot[h_{t-1},x_t]+b_C)", r"C_t = f_t\odot C_{t-1} + i_t\odot\tilde C_t",
                r"o_t = \sigma(W_o\cdot[h_{t-1},x_t]+b_o)", r"h_t = o_t\odot\tanh(C_t)"],
    "peephole": [r"f_t = \sigma(W_f\cdot[h_{t-1},x_t] + p_f\odot C_{t-1} + b_f)",
                 r"i_t = \sigma(W_i\cdot[h_{t-1},x_t] + p_i\odot C_{t-1} + b_i)",
                 r"\tilde C_t = \tanh(W_C\cdot[h_{t-1},x_t]+b_C)", r"C_t = f_t\odot C_{t-1} + i_t\odot\tilde C_t",
                 r"o_t = \sigma(W_o\cdot[h_{t-1},x_t] + p_o\odot C_t + b_o)", r"h_t = o_t\odot\tanh(C_t)"],
    "coupled": [r"f_t = \sigma(W_f\cdot[h_{t-1},x_t]+b_f)", r"i_t = 1 - f_t",
                r"\tilde C_t = \tanh(W_C\cdot[h_{t-1},x_t]+b_C)", r"C_t = f_t\odot C_{t-1} + (1-f_t)\odot\tilde C_t",
                r"o_t = \sigma(W_o\cdot[h_{t-1},x_t]+b_o)", r"h_t = o_t\odot\tanh(C_t)"],
    "gru": [r"r_t = \sigma(W_r\cdot[h_{t-1},x_t]+b_r)", r"z_t = \sigma(W_z\cdot[h_{t-1},x_t]+b_z)",
            r"n_t = \tanh(W_{in}x_t + b_{in} + r_t\odot(W_{hn}h_{t-1}+b_{hn}))",
            r"h_t = (1-z_t)\odot n_t + z_t\odot h_{t-1}"],
    "rnn": [r"h_t = \tanh(W\cdot[h_{t-1},x_t]+b)"],
}


@dataclass(frozen=True)
class VariantRun:
    kind: str
    quantities: dict[str, np.ndarray] = field(default_factory=dict)  # name -> (T, H), in the equations' order
    hidden: np.ndarray | None = None                                 # (T, H)


@dataclass(frozen=True)
class PeepholeWeights:
    lstm: LSTMWeights
    peep_input: np.ndarray   # p_i (H,)
    peep_forget: np.ndarray  # p_f (H,)
    peep_output: np.ndarray  # p_o (H,)


@dataclass(frozen=True)
class GRUWeights:
    weight_ih: np.ndarray  # (3H, X), blocks (r, z, n)
    weight_hh: np.ndarray  # (3H, H)
    bias_ih: np.ndarray
    bias_hh: np.ndarray


@dataclass(frozen=True)
class RNNWeights:
    weight_ih: np.ndarray  # (H, X)
    weight_hh: np.ndarray  # (H, H)
    bias_ih: np.ndarray
    bias_hh: np.ndarray


def run_classic(w: LSTMWeights, inputs: np.ndarray) -> VariantRun:
    r = run(w, inputs)
    return VariantRun("classic", {quantities.SYMBOL[q]: getattr(r, q) for q in quantities.NAMES if q != "hidden"}, r.hidden)


def _lstm_like(w: LSTMWeights, inputs: np.ndarray, peep: PeepholeWeights | None, coupled: bool) -> VariantRun:
    T, H = len(inputs), w.hidden_size
    xs = inputs @ w.weight_ih.T + w.bias_ih + w.bias_hh  # (T, 4H): blocks (i, f, g, o)
    h, c = np.zeros(H, np.float32), np.zeros(H, np.float32)
    out = {quantities.SYMBOL[q]: np.empty((T, H), np.float32) for q in quantities.NAMES}
    for t in range(T):
        pre = xs[t] + w.weight_hh @ h  # (4H,)
        pi, pf, pg, po = pre[:H], pre[H:2 * H], pre[2 * H:3 * H], pre[3 * H:]
        if peep is not None:
            pi, pf = pi + peep.peep_input * c, pf + peep.peep_forget * c  # the gates see C_{t-1}
        f = sigmoid(pf)
        i = 1 - f if coupled else sigmoid(pi)
        g = np.tanh(pg)
        c = f * c + i * g
        o = sigmoid(po + peep.peep_output * c if peep is not None else po)  # the output gate sees C_t
        h = o * np.tanh(c)
        for q, v in zip(quantities.NAMES, (f, i, g, c, o, h)):
            out[quantities.SYMBOL[q]][t] = v
    hidden = out.pop("h")
    return VariantRun("peephole" if peep is not None else "coupled", out, hidden)


def run_peephole(w: PeepholeWeights, inputs: np.ndarray) -> VariantRun:
    return _lstm_like(w.lstm, inputs, w, coupled=False)


def run_coupled(w: LSTMWeights, inputs: np.ndarray) -> VariantRun:
    """The input-gate rows of w are not used: i = 1 − f."""
    return _lstm_like(w, inputs, None, coupled=True)


def run_gru(w: GRUWeights, inputs: np.ndarray) -> VariantRun:
    T, H = len(inputs), w.weight_hh.shape[1]
    xs = inputs @ w.weight_ih.T + w.bias_ih  # (T, 3H)
    h = np.zeros(H, np.float32)
    out = {k: np.empty((T, H), np.float32) for k in ("r", "z", "n")}
    hidden = np.empty((T, H), np.float32)
    for t in range(T):
        hh = w.weight_hh @ h + w.bias_hh  # (3H,)
        r = sigmoid(xs[t, :H] + hh[:H])
        z = sigmoid(xs[t, H:2 * H] + hh[H:2 * H])
        n = np.tanh(xs[t, 2 * H:] + r * hh[2 * H:])
        h = (1 - z) * n + z * h
        out["r"][t], out["z"][t], out["n"][t], hidden[t] = r, z, n, h
    return VariantRun("gru", out, hidden)


def run_rnn(w: RNNWeights, inputs: np.ndarray) -> VariantRun:
    T, H = len(inputs), w.weight_hh.shape[1]
    xs = inputs @ w.weight_ih.T + w.bias_ih + w.bias_hh  # (T, H)
    h = np.zeros(H, np.float32)
    hidden = np.empty((T, H), np.float32)
    for t in range(T):
        h = np.tanh(xs[t] + w.weight_hh @ h)
        hidden[t] = h
    return VariantRun("rnn", {}, hidden)


@dataclass(frozen=True)
class VariantModel:
    """A character model whose recurrent layer is one of the variants."""
    kind: str
    weights: object
    embedding: np.ndarray       # (V, X)
    decoder_weight: np.ndarray  # (V, H)
    decoder_bias: np.ndarray    # (V,)

    def run(self, ids: np.ndarray) -> VariantRun:
        x = self.embedding[ids] if len(ids) else np.zeros((0, self.embedding.shape[1]), np.float32)
        return RUNNERS[self.kind](self.weights, x)

    def next_char_probs(self, r: VariantRun) -> np.ndarray:
        return softmax(r.hidden @ self.decoder_weight.T + self.decoder_bias)


RUNNERS = {"classic": run_classic, "peephole": run_peephole, "coupled": run_coupled, "gru": run_gru, "rnn": run_rnn}


def load_variants(path) -> dict[str, VariantModel]:
    """The TRAINED variants' models from one .npz (explorer.training.train_variants)."""
    with np.load(path, allow_pickle=False) as f:
        a = {k: f[k].astype(np.float32) for k in f.files}
    out = {}
    for kind in TRAINED:
        p = kind + "_"
        w4 = tuple(a[p + n] for n in NAMES)
        if kind == "gru":
            weights = GRUWeights(*w4)
        elif kind == "peephole":
            weights = PeepholeWeights(LSTMWeights(*w4), a[p + "peep_input"], a[p + "peep_forget"], a[p + "peep_output"])
        else:
            weights = LSTMWeights(*w4)
        out[kind] = VariantModel(kind, weights, a[p + "embedding"], a[p + "decoder_weight"], a[p + "decoder_bias"])
    return out
