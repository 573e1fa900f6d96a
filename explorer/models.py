"""The character-level LSTM language model and how it is stored.

- x_t = E[id_t]: an embedding of the character, size X.
- The LSTM (explorer.lstm) reads x_1..x_T and gives h_t, size H.
- next-character probabilities = softmax(D·h_t + d), size V.
- Stored as a plain .npz of arrays (never a pickle) beside a vocabulary .json, so loading a file
  cannot run code; every array's shape is checked against the others before use.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from explorer.lstm import LSTMWeights
from explorer.vocab import Vocab
from explorer.weights import NAMES, from_arrays, into_module, to_arrays

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SHIPPED = ASSETS / "char_lstm.npz"
SHIPPED_VOCAB = ASSETS / "char_lstm.vocab.json"
ARRAYS = ("embedding", *NAMES, "decoder_weight", "decoder_bias")


class ModelFileError(ValueError):
    """A weights file that is not a model this app can load (the message says why)."""


@dataclass(frozen=True)
class CharModel:
    vocab: Vocab
    embedding: np.ndarray       # (V, X)
    lstm: LSTMWeights
    decoder_weight: np.ndarray  # (V, H)
    decoder_bias: np.ndarray    # (V,)

    @property
    def hidden_size(self) -> int:
        return self.lstm.hidden_size

    @property
    def input_size(self) -> int:
        return self.lstm.input_size

    def as_torch_lstm(self):
        """A torch.nn.LSTM holding the same weights (batch_first)."""
        import torch

        return into_module(torch.nn.LSTM(self.input_size, self.hidden_size, batch_first=True), self.lstm)

    def save(self, path: Path, vocab_path: Path) -> None:
        np.savez(path, embedding=self.embedding, **to_arrays(self.lstm),
                 decoder_weight=self.decoder_weight, decoder_bias=self.decoder_bias)
        self.vocab.save(vocab_path)


def checked_arrays(arrays: dict, expected) -> dict[str, np.ndarray]:
    """float32 copies of the arrays, each checked for presence, shape (expected(a) gives the shapes
    once the arrays are known to exist) and finite values."""
    missing = [k for k in expected(None) if k not in arrays]
    if missing:
        raise ModelFileError(f"missing arrays: {', '.join(missing)}")
    a = {k: np.asarray(arrays[k], dtype=np.float32) for k in expected(None)}
    for k, shape in expected(a).items():
        if a[k].shape != shape or min(shape) <= 0:
            raise ModelFileError(f"array {k} has shape {a[k].shape}, expected {shape}")
        if not np.isfinite(a[k]).all():
            raise ModelFileError(f"array {k} holds NaN or infinity")
    return a


def lstm_shapes(a: dict | None, prefix: str = "") -> dict:
    """The shapes of one LSTM's four arrays, sized from its weight_hh (H) and weight_ih (X)."""
    names = [prefix + n for n in NAMES]
    if a is None:
        return dict.fromkeys(names)
    H = a[names[1]].shape[1] if a[names[1]].ndim == 2 else -1
    X = a[names[0]].shape[1] if a[names[0]].ndim == 2 else -1
    return dict(zip(names, [(4 * H, X), (4 * H, H), (4 * H,), (4 * H,)]))


def model_from_arrays(arrays: dict[str, np.ndarray], vocab: Vocab) -> CharModel:
    def expected(a):
        if a is None:
            return dict.fromkeys(ARRAYS)
        X = a["embedding"].shape[1] if a["embedding"].ndim == 2 else -1
        H = a["weight_hh"].shape[1] if a["weight_hh"].ndim == 2 else -1
        return {"embedding": (len(vocab), X), **lstm_shapes(a), "decoder_weight": (len(vocab), H),
                "decoder_bias": (len(vocab),)}

    a = checked_arrays(arrays, expected)
    if a["weight_ih"].shape[1] != a["embedding"].shape[1]:
        raise ModelFileError("weight_ih does not match the embedding size")
    return CharModel(vocab, a["embedding"], from_arrays(a), a["decoder_weight"], a["decoder_bias"])


def load_model(path: Path | None = None, vocab_path: Path | None = None) -> CharModel:
    """The shipped model, or one saved by `CharModel.save`."""
    path = Path(path or SHIPPED)
    vocab = Vocab.load(vocab_path or (SHIPPED_VOCAB if path == SHIPPED else path.with_suffix(".vocab.json")))
    with np.load(path, allow_pickle=False) as f:
        return model_from_arrays(dict(f), vocab)

