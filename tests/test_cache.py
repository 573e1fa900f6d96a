"""The trace caches are bounded by bytes: a class typing hundreds of texts cannot grow the server."""
import numpy as np

from explorer import load_model, trace
from explorer.cache import MB, ByteLRU, nbytes


def test_nbytes_counts_every_array_a_trace_holds():
    t = trace(load_model(), "a" * 100)
    arrays = [t.ids, t.unknown, t.inputs, t.next_char_probs,
              *(getattr(t.run, f) for f in ("forget", "input", "candidate", "output", "cell", "hidden",
                                           "pre_forget", "pre_input", "pre_candidate", "pre_output"))]
    assert nbytes(t) == sum(a.nbytes for a in arrays) > 100 * 128 * 4 * 10


def test_the_cache_keeps_the_most_recent_within_its_budget():
    cache = ByteLRU(10 * 1000)
    calls = []

    def make(k):
        calls.append(k)
        return np.zeros(1000, np.uint8)

    for k in range(25):
        cache.get(k, lambda k=k: make(k))
        assert cache.bytes <= cache.budget
    assert len(cache) == 10 and cache.bytes == 10 * 1000
    assert cache.get(24, lambda: make("again")) is not None and calls[-1] == 24   # kept: not recomputed
    cache.get(15, lambda: make(15))                                          # 15 is the oldest kept
    cache.get(99, lambda: make(99))                                          # drops 16, not 15
    cache.get(15, lambda: make("15 again"))
    assert calls[-1] == 99
    cache.get(16, lambda: make(16))
    assert calls[-1] == 16


def test_a_value_bigger_than_the_budget_is_returned_but_not_kept():
    cache = ByteLRU(100)
    v = cache.get("big", lambda: np.zeros(1000, np.uint8))
    assert v.size == 1000 and len(cache) == 0 and cache.bytes == 0


def test_300_distinct_long_texts_keep_the_trace_cache_within_its_budget():
    from explorer.shell import cached

    cached.TRACES.clear()
    rng = np.random.default_rng(0)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz "))
    for _ in range(300):
        cached.cached_trace("".join(rng.choice(letters, 500)))
    assert cached.TRACES.bytes <= 24 * MB and 5 <= len(cached.TRACES) <= 8
