"""Caches of computed traces, bounded by bytes rather than by count.

A 500-character trace holds every gate, pre-activation, C, h and the next-character probabilities:
about 3 MB. A cache of 256 of them kept by count grew a server by 2.3 MB a text (issue #11); these
keep at most `budget` bytes, dropping the least recently used, and are shared by every session (the
values depend only on the key: a text, never on who typed it).
"""
from __future__ import annotations

import dataclasses
import threading
import weakref
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


class Ticket:
    """A session's claim on a value in a Registry. The session keeps the ticket; when the ticket is
    dropped (the session closed, its state freed), the registry lets the value go."""

    def __init__(self, name: str):
        self.name = name


class Registry:
    """Values held for their owners (a model of yours, per session), together at most `budget` bytes.
    `put` makes room by setting aside the least recently used others; `get(ticket)` is None once set
    aside. A value larger than the budget is refused (`put` returns None)."""

    def __init__(self, budget: int):
        self.budget = budget
        self._items: OrderedDict[int, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()
        self.bytes = 0

    def put(self, value, name: str) -> Ticket | None:
        size = nbytes(value)
        if size > self.budget:
            return None
        ticket = Ticket(name)
        with self._lock:
            self._items[id(ticket)] = (value, size)
            self.bytes += size
            while self.bytes > self.budget:
                _, (_, dropped) = self._items.popitem(last=False)
                self.bytes -= dropped
        weakref.finalize(ticket, self._drop, id(ticket))
        return ticket

    def get(self, ticket: Ticket):
        with self._lock:
            item = self._items.get(id(ticket))
            if item is None:
                return None
            self._items.move_to_end(id(ticket))
            return item[0]

    def _drop(self, key: int) -> None:
        with self._lock:
            item = self._items.pop(key, None)
            if item is not None:
                self.bytes -= item[1]

    def drop(self, ticket: Ticket) -> None:
        self._drop(id(ticket))

    def __len__(self) -> int:
        return len(self._items)
