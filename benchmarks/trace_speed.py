"""The trace's compute time against torch.nn.LSTM's own forward, same weights and input.

    python -m benchmarks.trace_speed [--T 1000] [--H 256] [--X 32] [--repeat 40]

Times on one sequence on the CPU with torch's default threads, twice: in blocks (all runs of
one, then the next) and interleaved (one of each in turn, so a noisy neighbour slows all alike):
- torch.nn.LSTM forward (h for every step and the last C),
- explorer.lstm.run as the app runs it (every gate, pre-activation, C and h for every step;
  through the compiled loop when explorer._lstm_kernel is built),
- explorer.lstm.run with compiled=False: the numpy reference loop.
Prints the medians and each one's ratio to torch's.
"""
import argparse
import statistics
import time

import torch

from explorer import lstm
from explorer.lstm import LSTMWeights, run


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--T", type=int, default=1000)
    ap.add_argument("--H", type=int, default=256)
    ap.add_argument("--X", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=40)
    a = ap.parse_args()
    torch.manual_seed(0)
    m = torch.nn.LSTM(a.X, a.H, batch_first=True)
    w = LSTMWeights(*(p.detach().numpy() for p in (m.weight_ih_l0, m.weight_hh_l0, m.bias_ih_l0, m.bias_hh_l0)))
    x = torch.randn(1, a.T, a.X)
    xn = x[0].numpy()
    jobs = {"torch.nn.LSTM forward": lambda: m(x)}
    if lstm.COMPILED:
        jobs["explorer trace (compiled loop)"] = lambda: run(w, xn)
    jobs["explorer trace (numpy loop)"] = lambda: run(w, xn, compiled=False)
    print(f"T={a.T} H={a.H} X={a.X}, medians of {a.repeat} runs, {torch.get_num_threads()} torch threads"
          + ("" if lstm.COMPILED else " (explorer._lstm_kernel not built)"))
    with torch.no_grad():
        for fn in jobs.values():
            fn()
        for order in ("in blocks", "interleaved"):
            times: dict[str, list[float]] = {k: [] for k in jobs}
            rounds = [[k] * a.repeat for k in jobs] if order == "in blocks" else [list(jobs)] * a.repeat
            for names in rounds:
                for name in names:
                    t0 = time.perf_counter()
                    jobs[name]()
                    times[name].append((time.perf_counter() - t0) * 1e3)
            med = {k: statistics.median(v) for k, v in times.items()}
            print(f" {order}:")
            for name, v in med.items():
                print(f"  {name:32s} {v:8.2f} ms   {v / med['torch.nn.LSTM forward']:5.2f}x")


if __name__ == "__main__":
    main()
