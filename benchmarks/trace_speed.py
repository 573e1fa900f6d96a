"""The trace's compute time against torch.nn.LSTM's own forward, same weights and input.

    python benchmarks/trace_speed.py [--T 1000] [--H 256] [--X 32] [--repeat 20]

Prints the median of --repeat runs of: explorer.lstm.run (every gate, pre-activation, C and h
kept for every step) and torch.nn.LSTM forward (only h for every step and the last C), both on
one sequence, on the CPU, with torch's default threads.
"""
import argparse
import statistics
import time

import torch

from explorer.lstm import LSTMWeights, run


def median_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--T", type=int, default=1000)
    ap.add_argument("--H", type=int, default=256)
    ap.add_argument("--X", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(a.X, a.H, batch_first=True)
    w = LSTMWeights(*(p.detach().numpy() for p in (lstm.weight_ih_l0, lstm.weight_hh_l0, lstm.bias_ih_l0, lstm.bias_hh_l0)))
    x = torch.randn(1, a.T, a.X)
    xn = x[0].numpy()
    with torch.no_grad():
        t_torch = median_ms(lambda: lstm(x), a.repeat)
    t_ours = median_ms(lambda: run(w, xn), a.repeat)
    print(f"T={a.T} H={a.H} X={a.X}, median of {a.repeat}, {torch.get_num_threads()} torch threads")
    print(f"  torch.nn.LSTM forward      {t_torch:8.2f} ms")
    print(f"  explorer trace (equations) {t_ours:8.2f} ms")
    print(f"  ratio: {t_ours / t_torch:.2f}x")


if __name__ == "__main__":
    main()
