"""Weights between PyTorch's modules and the lesson's numpy arrays, both ways, in one place.

PyTorch names one layer's arrays weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k} (with
"_reverse" for the backward direction of a bidirectional module); explorer.lstm.LSTMWeights (and the
RNN and GRU weights of explorer.variants) hold the same four arrays, float32, in the same layout, so
they copy across unchanged. Nothing here imports torch until a module is filled.
"""
from __future__ import annotations

import numpy as np

from explorer.lstm import LSTMWeights

NAMES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")


def suffix(layer: int = 0, reverse: bool = False) -> str:
    return f"_l{layer}" + ("_reverse" if reverse else "")


def from_module(module, layer: int = 0, reverse: bool = False, cls=LSTMWeights):
    """float32 numpy copies of one layer (and direction) of an nn.LSTM, nn.RNN or nn.GRU."""
    s = suffix(layer, reverse)
    return cls(*(getattr(module, n + s).detach().cpu().numpy().astype(np.float32).copy() for n in NAMES))


def into_module(module, w, layer: int = 0, reverse: bool = False):
    """Copy the arrays of `w` into one layer (and direction) of a torch module; returns the module."""
    import torch

    s = suffix(layer, reverse)
    with torch.no_grad():
        for n in NAMES:
            getattr(module, n + s).copy_(torch.from_numpy(np.ascontiguousarray(getattr(w, n))))
    return module


def from_arrays(arrays: dict, prefix: str = "", cls=LSTMWeights):
    """The four arrays stored under prefix + name (an .npz of the project's), as `cls`."""
    return cls(*(arrays[prefix + n] for n in NAMES))


def to_arrays(w, prefix: str = "") -> dict[str, np.ndarray]:
    return {prefix + n: getattr(w, n) for n in NAMES}
