"""A Trace: every quantity of the LSTM equations, for every character of a text.

Computed once per (model, text); every page draws from it.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from explorer.lstm import Forcing, LSTMRun, run, softmax
from explorer.models import CharModel
from explorer.vocab import UNKNOWN_ID, UNKNOWN_MARK


@dataclass(frozen=True)
class Trace:
    text: str                  # the text as given
    chars: tuple[str, ...]     # the T characters as read; an unknown one is UNKNOWN_MARK
    ids: np.ndarray            # (T,)
    unknown: np.ndarray        # (T,) bool: not in the vocabulary
    inputs: np.ndarray         # (T, X): x_t fed to the LSTM
    run: LSTMRun               # the equations' values
    next_char_probs: np.ndarray  # (T, V): after reading chars[:t+1]

    def __getattr__(self, name):
        # t.forget, t.cell, t.pre_forget ... come straight from the run
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.run, name)

    def __len__(self) -> int:
        return len(self.chars)


def trace(model: CharModel, text: str, forcing: Forcing | None = None) -> Trace:
    ids = np.array(model.vocab.encode(text), dtype=np.int64)
    unknown = ids == UNKNOWN_ID
    chars = tuple(UNKNOWN_MARK if u else c for c, u in zip(text, unknown))
    inputs = model.embedding[ids] if len(ids) else np.zeros((0, model.input_size), np.float32)  # (T, X)
    r = run(model.lstm, inputs, forcing)
    probs = softmax(r.hidden @ model.decoder_weight.T + model.decoder_bias)  # (T, V)
    return Trace(text, chars, ids, unknown, inputs, r, probs)
