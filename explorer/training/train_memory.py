"""Train the recall task's RNNs and LSTMs (explorer/memory.py: the task and its evaluation).

    python -m explorer.training.train_memory [--steps 3000] [--seed 0]    # assets/memory.npz, every distance
    python -m explorer.training.train_memory --reader                    # assets/memory_reader.npz (gradient chart)

retrain_work: the same training as a background job (the memory page's "train again").
"""
from __future__ import annotations

import argparse
import io
import json
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from explorer.lstm import LSTMWeights
from explorer.memory import (
    ALPHABET,
    DISTANCES,
    GRADIENT_N,
    HIDDEN,
    SHIPPED_MEMORY,
    SHIPPED_READER,
    accuracies,
    last_hidden,
    load,
    load_reader,
    one_hot,
    reader_alphabet,
    task,
    test_set_reader,
)
from explorer.training.train import update
from explorer.variants import RNNWeights
from explorer.weights import from_module, to_arrays


def train_pair(n: int, steps: int, seed: int, progress=None, should_stop=None,
               alphabet: str = ALPHABET, curriculum: bool = False) -> dict[str, np.ndarray]:
    """Train an RNN and an LSTM on recall at distance n over `alphabet`; their arrays, keyed '<kind><n>_<name>'.
    curriculum: the distance grows from 1 to n over the first half of the steps (a wide alphabet's recall does
    not get off the ground at n = 16 from the start)."""
    size = len(alphabet)
    arrays = {}
    for kind in ("rnn", "lstm"):
        torch.manual_seed(seed)
        rng = np.random.default_rng(seed + n)
        cell = (nn.RNN if kind == "rnn" else nn.LSTM)(size, HIDDEN, batch_first=True)
        if kind == "lstm":  # the usual start: forget gate open (bias 1), i.e. remember by default
            with torch.no_grad():
                cell.bias_ih_l0[HIDDEN:2 * HIDDEN].fill_(1.0)
        readout = nn.Linear(HIDDEN, size)
        opt = torch.optim.Adam([*cell.parameters(), *readout.parameters()], lr=1e-2)
        for step in range(steps):
            if should_stop is not None and should_stop():
                break
            x, y = task(min(n, 1 + 2 * n * step // steps) if curriculum else n, 128, rng, size)
            out, _ = cell(torch.from_numpy(one_hot(x, size)))
            loss = nn.functional.cross_entropy(readout(out[:, -1]), torch.from_numpy(y))
            update(opt, loss, [*cell.parameters(), *readout.parameters()])
            if progress is not None and step % 50 == 0:
                progress(kind, n, step, loss.item())
        arrays.update(to_arrays(from_module(cell, cls=RNNWeights if kind == "rnn" else LSTMWeights), f"{kind}{n}_"))
        arrays[f"{kind}{n}_readout_weight"] = readout.weight.detach().numpy().copy()
        arrays[f"{kind}{n}_readout_bias"] = readout.bias.detach().numpy().copy()
    return arrays


def retrain_work(steps: int, seed: int):
    """A jobs.start work function: trains every pair again, reporting progress; returns the accuracies."""
    def work(job):
        arrays = {}
        for done, n in enumerate(DISTANCES):
            arrays.update(train_pair(n, steps, seed, should_stop=job.stopped,
                                     progress=lambda kind, n_, step, loss: job.report(kind=kind, n=n_, step=step,
                                                                                      loss=loss, done=done)))
            if job.stopped():
                return None
        buf = io.BytesIO()
        np.savez(buf, **arrays)
        buf.seek(0)
        return accuracies(load(buf))
    return work


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="Train the recall-task RNNs and LSTMs: python -m explorer.training.train_memory")
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--reader", action="store_true", help="train the gradient chart's pair (N=16, letters and 汉字)")
    args = ap.parse_args(argv)
    start, arrays = time.time(), {}
    if args.reader:
        out = args.out or SHIPPED_READER
        alphabet = reader_alphabet()
        arrays = train_pair(GRADIENT_N, args.steps, args.seed, alphabet=alphabet, curriculum=True,
                            progress=lambda kind, n, step, loss: print(f"{kind} step {step} loss {loss:.3f}", flush=True))
        np.savez(out, alphabet=np.array([ord(c) for c in alphabet], np.int32), **arrays)
        x, y = test_set_reader(alphabet)
        _, models = load_reader(out)
        acc = {kind: float(np.mean([int(np.argmax(arrays[f"{kind}{GRADIENT_N}_readout_weight"] @ last_hidden(
            kind, models[kind], seq, len(alphabet)) + arrays[f"{kind}{GRADIENT_N}_readout_bias"])) == t
            for seq, t in zip(x, y)])) for kind in ("rnn", "lstm")}
        stats = {"n": GRADIENT_N, "symbols": len(alphabet), "accuracy": acc, "chance": 1 / len(alphabet),
                 "steps": args.steps, "seed": args.seed, "hidden": HIDDEN, "seconds": round(time.time() - start)}
        out.with_suffix(".train.json").write_text(json.dumps(stats, indent=1))
        print(json.dumps(stats), flush=True)
        return
    args.out = args.out or SHIPPED_MEMORY
    for n in DISTANCES:
        arrays.update(train_pair(n, args.steps, args.seed))
        print(f"N={n} trained, {time.time() - start:.0f} s", flush=True)
    np.savez(args.out, **arrays)
    acc = accuracies(load(args.out))
    stats = {"distances": list(DISTANCES), "accuracy": acc, "steps": args.steps, "seed": args.seed,
             "hidden": HIDDEN, "seconds": round(time.time() - start)}
    args.out.with_suffix(".train.json").write_text(json.dumps(stats, indent=1))
    print(json.dumps(stats), flush=True)


if __name__ == "__main__":
    main()
