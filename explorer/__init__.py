"""LSTM Explorer: watch every gate of an LSTM as you type.

    from explorer import load_model, trace
    model = load_model()                                  # the shipped character model
    t = trace(model, "some text")
    own = load_model("my_model.pt", vocab="vocab.json")   # yours (explorer/own_model.py)
    t = trace(own, "some text", layer=1)
"""
from __future__ import annotations

from explorer import models as _models
from explorer.tracing import trace as _trace


def load_model(path=None, vocab=None):
    """The shipped model (no path), or a model file of yours: .pt/.pth (a state_dict), .safetensors or
    .npz, with its vocabulary JSON (explorer.own_model)."""
    if path is None:
        return _models.load_model()
    from explorer.own_model import load

    return load(path, vocab)


def trace(model, text: str, forcing=None, layer: int = 0, direction: str = "forward"):
    """Every quantity of the LSTM equations over the text (a Trace); for your own model, of one layer
    and direction."""
    from explorer.own_model import OwnModel

    if isinstance(model, OwnModel):
        return model.trace(text, layer, direction, forcing)
    return _trace(model, text, forcing)


__all__ = ["load_model", "trace"]
