"""Bi-LSTM: two LSTMs read the same text, one left to right, one right to left.

    h→_t = LSTM→(x_1..x_t)          the forward pass (explorer.lstm.run)
    h←_t = LSTM←(x_T..x_t)          the backward pass: the same equations on the reversed text
    y_t  = [h→_t ; h←_t]            the output at t: the two vectors concatenated, size 2H

- The shipped Bi-LSTM (assets/bilstm.npz) is trained to fill in hidden characters: a '?' in the
  text is read as "hidden", and the model guesses it from y_t, that is from both sides. The view
  writes a hidden character as GAP_MARK (▢), an unknown one as UNKNOWN_MARK (�).
- Weights load into torch.nn.LSTM(bidirectional=True) unchanged (the _reverse arrays).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from explorer.lstm import LSTMRun, LSTMWeights, run, softmax
from explorer.models import ASSETS, checked_arrays, lstm_shapes
from explorer.vocab import UNKNOWN_ID, UNKNOWN_MARK, Vocab
from explorer.weights import from_arrays, into_module, to_arrays

SHIPPED_BI = ASSETS / "bilstm.npz"
HIDE = "?"  # a character typed as '?' is hidden from the Bi-LSTM; it guesses what stood there
GAP_MARK = "▢"  # how a hidden character is written in the view: a gap to fill, not an unknown character


@dataclass(frozen=True)
class BiModel:
    vocab: Vocab
    embedding: np.ndarray       # (V, X)
    forward: LSTMWeights
    backward: LSTMWeights
    decoder_weight: np.ndarray  # (V, 2H)
    decoder_bias: np.ndarray    # (V,)

    @property
    def hidden_size(self) -> int:
        return self.forward.hidden_size

    def encode(self, text: str) -> np.ndarray:
        return np.array([UNKNOWN_ID if c == HIDE else i for c, i in zip(text, self.vocab.encode(text))], np.int64)

    def as_torch_lstm(self):
        """A torch.nn.LSTM(bidirectional=True, batch_first=True) holding the same weights."""
        import torch

        m = torch.nn.LSTM(self.embedding.shape[1], self.hidden_size, batch_first=True, bidirectional=True)
        return into_module(into_module(m, self.forward), self.backward, reverse=True)

    def save(self, path: Path) -> None:
        np.savez(path, embedding=self.embedding, decoder_weight=self.decoder_weight, decoder_bias=self.decoder_bias,
                 **to_arrays(self.forward, "fwd_"), **to_arrays(self.backward, "bwd_"))
        self.vocab.save(Path(path).with_suffix(".vocab.json"))


def load_bimodel(path: Path | None = None) -> BiModel:
    path = Path(path or SHIPPED_BI)
    vocab = Vocab.load(path.with_suffix(".vocab.json"))
    with np.load(path, allow_pickle=False) as f:
        arrays = dict(f)

    def expected(a):
        if a is None:
            return {"embedding": None, **lstm_shapes(None, "fwd_"), **lstm_shapes(None, "bwd_"),
                    "decoder_weight": None, "decoder_bias": None}
        H = a["fwd_weight_hh"].shape[1] if a["fwd_weight_hh"].ndim == 2 else -1
        X = a["embedding"].shape[1] if a["embedding"].ndim == 2 else -1
        shapes = {"embedding": (len(vocab), X), **lstm_shapes(a, "fwd_"), **lstm_shapes(a, "bwd_"),
                  "decoder_weight": (len(vocab), 2 * H), "decoder_bias": (len(vocab),)}
        shapes.update({"fwd_weight_ih": (4 * H, X), "bwd_weight_ih": (4 * H, X), "bwd_weight_hh": (4 * H, H)})
        return shapes

    a = checked_arrays(arrays, expected)
    return BiModel(vocab, a["embedding"], from_arrays(a, "fwd_"), from_arrays(a, "bwd_"),
                   a["decoder_weight"], a["decoder_bias"])


def _reversed(r: LSTMRun) -> LSTMRun:
    return LSTMRun(**{k: v[::-1] for k, v in r.__dict__.items()})


@dataclass(frozen=True)
class BiTrace:
    text: str
    chars: tuple[str, ...]   # as read; hidden ('?') characters are GAP_MARK, unknown ones UNKNOWN_MARK
    hidden_mask: np.ndarray  # (T,) bool: the character was '?', to be guessed
    unknown: np.ndarray      # (T,) bool: not in the vocabulary (or hidden)
    inputs: np.ndarray       # (T, X)
    forward: LSTMRun         # h→_t at index t
    backward: LSTMRun        # h←_t at index t (computed reading from the end)
    output: np.ndarray       # (T, 2H): y_t = [h→_t ; h←_t]
    char_probs: np.ndarray   # (T, V): what the model thinks stands at t

    def __len__(self) -> int:
        return len(self.chars)


def bi_trace(model: BiModel, text: str) -> BiTrace:
    ids = model.encode(text)
    unknown = ids == UNKNOWN_ID
    hidden = np.array([c == HIDE for c in text], bool)
    chars = tuple(GAP_MARK if h else UNKNOWN_MARK if u else c for c, u, h in zip(text, unknown, hidden))
    inputs = model.embedding[ids] if len(ids) else np.zeros((0, model.embedding.shape[1]), np.float32)  # (T, X)
    fwd = run(model.forward, inputs)
    bwd = _reversed(run(model.backward, inputs[::-1]))          # read right to left, stored in text order
    output = np.concatenate([fwd.hidden, bwd.hidden], axis=1)   # (T, 2H)
    probs = softmax(output @ model.decoder_weight.T + model.decoder_bias)
    return BiTrace(text, chars, hidden, unknown, inputs, fwd, bwd, output, probs)
