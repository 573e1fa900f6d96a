"""Case 1 (last letter, the lesson's ten words): seconds of training until 100% training accuracy.

    python -m benchmarks.case1 [--repeat 5]

Trains with the page's defaults (hidden 32, learning rate 0.01, seed 0), checking accuracy every
step; prints the steps and wall-clock seconds (torch import excluded) for each repeat and the median.
"""
import argparse
import statistics
import time

import torch

from explorer import cases
from explorer.training import train_cases


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    seconds = []
    for r in range(a.repeat):
        t0 = time.perf_counter()
        tr = train_cases.Trainer("last_letter", cases.DEFAULT_WORDS, hidden=32, lr=0.01, seed=0)
        acc = 0.0
        while acc < 1.0 and tr.steps < 2000:
            _, acc = tr.step(1)
        seconds.append(time.perf_counter() - t0)
        print(f"run {r + 1}: 100% after {tr.steps} steps, {seconds[-1]:.2f} s")
    print(f"median {statistics.median(seconds):.2f} s on {torch.get_num_threads()} torch threads")


if __name__ == "__main__":
    main()
