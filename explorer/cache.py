"""Caches of computed traces, bounded by bytes rather than by count.

A 500-character trace holds every gate, pre-activation, C, h and the next-character probabilities:
about 3 MB. A cache of 256 of them kept by count grew a server by 2.3 MB a text (issue #11); these
keep at most `budget` bytes, dropping the least recently used, and are shared by every session (the
values depend only on the key: a text, never on who typed it).
"""
from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from typing import Any, Callable

import numpy as np

MB = 1024 * 1024


def nbytes(value: Any) -> int:
    """The bytes of the numpy arrays a value holds (through dataclasses, tuples, lists and dicts)."""
    if isinstance(value, np.ndarray):
        return value.nbytes
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return sum(nbytes(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, dict):
        return sum(nbytes(v) for v in value.values())
    if isinstance(value, (tuple, list)):
        return sum(nbytes(v) for v in value)
    return 0


class ByteLRU:
    """`get(key, compute)`: the cached value, or compute() kept while the total stays within budget."""

    def __init__(self, budget: int):
        self.budget = budget
        self._items: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()
        self.bytes = 0

    def get(self, key, compute: Callable[[], Any]):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key][0]
        value = compute()                      # outside the lock: other sessions are not held up
        size = nbytes(value)
        with self._lock:
            if key not in self._items and size <= self.budget:
                self._items[key] = (value, size)
                self.bytes += size
                while self.bytes > self.budget:
                    _, (_, dropped) = self._items.popitem(last=False)
                    self.bytes -= dropped
        return value

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.bytes = 0
