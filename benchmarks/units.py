"""The unit explorer's corpus index: how long it takes to build, how much memory it holds, how fast a match is.

    python -m benchmarks.units [--repeats 20]

Prints: the corpus size; seconds to build the index (one pass: the cell's range and gate saturation) and
each quantity's codes; the index's bytes and the process's resident memory before and after; and the
median / worst time of `match` for patterns of 1, 3 and 10 units (a 8- and a 40-character span), of
`select` on a 500-character text, of `top_contexts` and of `explain`.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from explorer import units  # noqa: E402
from explorer.models import load_model  # noqa: E402
from explorer.tracing import trace  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn, repeats: int) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=20)
    args = ap.parse_args()
    model = load_model()
    text = units.corpus_text()
    before = rss_mb()
    t0 = time.perf_counter()
    index = units.CorpusIndex(model, text)
    print(f"corpus: {len(index):,} characters, {model.hidden_size} units")
    print(f"index built (one pass: cell range, gate saturation): {time.perf_counter() - t0:.2f} s")
    for kind in units.KINDS:
        t0 = time.perf_counter()
        index.codes(kind)
        print(f"  codes of {kind:9s}: {time.perf_counter() - t0:.2f} s")
    for name in units.PROPERTIES:
        index.prop(name)
    print(f"index holds {index.nbytes / 2**20:.1f} MiB ({len(index._codes)} of {len(units.KINDS)} quantities kept, "
          f"at most {units.MAX_KINDS}); process resident memory {before:.0f} -> {rss_mb():.0f} MB")
    rng = np.random.default_rng(0)
    for k in (1, 3, 10):
        chosen = rng.choice(model.hidden_size, k, replace=False)
        for length in (8, 40):
            pattern = units.Pattern.block(length, 3)
            med, worst = timed(lambda: units.match(index, chosen, "cell", 10, 1.0, pattern), args.repeats)
            print(f"match {k:2d} units, {length:2d}-character span: median {med * 1000:.0f} ms, worst {worst * 1000:.0f} ms")
    sample = text[1000:1500]
    tr = trace(model, sample)
    med, worst = timed(lambda: units.select(tr, 400, 440, "cell"), args.repeats)
    print(f"select on a 500-character text: median {med * 1000:.1f} ms")
    med, worst = timed(lambda: units.top_contexts(index, 83, "cell", 5), args.repeats)
    print(f"top_contexts (5): median {med * 1000:.0f} ms")
    med, worst = timed(lambda: units.explain(index, 83, "cell", tr), args.repeats)
    print(f"explain (6 properties, corpus and text): median {med * 1000:.0f} ms")


if __name__ == "__main__":
    main()
