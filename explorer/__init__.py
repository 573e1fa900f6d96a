"""LSTM Explorer: watch every gate of an LSTM as you type.

    from explorer import load_model, trace
    model = load_model()
    t = trace(model, "some text")
"""
from explorer.models import load_model
from explorer.trace import trace

__all__ = ["load_model", "trace"]
