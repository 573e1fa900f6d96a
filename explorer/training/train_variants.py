"""Training the variants shown beside the classic LSTM: peephole, coupled-gate and GRU character
models, each on the same text (explorer.corpus), vocabulary and budget.

    python -m explorer.training.train_variants --steps-each 8000 --threads 1 --out assets/variants.npz

The budget is the same number of optimiser steps for each (--steps-each), or the same minutes
(--minutes-each) when no step count is given.

- Net: Embedding(V, 32) -> cell (H=64) -> Linear(H, V), next-character cross-entropy, Adam.
- The peephole and coupled cells are written out step by step in torch (the same equations as
  explorer.variants); the GRU is torch.nn.GRU.
- Saves every variant's arrays in one .npz (prefix per variant) and held-out bits per character.
"""
from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from explorer import corpus
from explorer.models import SHIPPED_VOCAB
from explorer.training.train import bits_per_char, streams, update
from explorer.variants import TRAINED
from explorer.vocab import Vocab

BATCH, SEQ = 32, 64     # each step: 32 streams of 64 characters
PEEP_LR = 0.1           # the peephole weights' learning rate, relative to the rest


class LoopLSTM(nn.Module):
    """An LSTM layer written as its equations, with optional peepholes or coupled gates."""

    def __init__(self, input_size: int, hidden_size: int, peephole: bool, coupled: bool):
        super().__init__()
        H = hidden_size
        self.weight_ih = nn.Parameter(torch.empty(4 * H, input_size).uniform_(-H ** -0.5, H ** -0.5))
        self.weight_hh = nn.Parameter(torch.empty(4 * H, H).uniform_(-H ** -0.5, H ** -0.5))
        self.bias_ih = nn.Parameter(torch.zeros(4 * H))
        self.bias_hh = nn.Parameter(torch.zeros(4 * H))
        with torch.no_grad():
            self.bias_ih[H:2 * H] = 1.0  # start by remembering
        self.peep = nn.Parameter(torch.zeros(3, H)) if peephole else None  # p_i, p_f, p_o
        self.coupled = coupled

    def forward(self, x, state=None):
        B, T, _ = x.shape
        H = self.weight_hh.shape[1]
        h, c = state if state is not None else (x.new_zeros(B, H), x.new_zeros(B, H))
        xs = x @ self.weight_ih.T + self.bias_ih + self.bias_hh  # (B, T, 4H)
        outs = []
        for t in range(T):
            pre = xs[:, t] + h @ self.weight_hh.T
            pi, pf, pg, po = pre.chunk(4, dim=1)
            if self.peep is not None:
                pi, pf = pi + self.peep[0] * c, pf + self.peep[1] * c
            f = torch.sigmoid(pf)
            i = 1 - f if self.coupled else torch.sigmoid(pi)
            c = f * c + i * torch.tanh(pg)
            o = torch.sigmoid(po + self.peep[2] * c if self.peep is not None else po)
            h = o * torch.tanh(c)
            outs.append(h)
        return torch.stack(outs, 1), (h, c)


class VariantNet(nn.Module):
    def __init__(self, kind: str, vocab_size: int, input_size: int, hidden_size: int):
        super().__init__()
        self.kind = kind
        self.embed = nn.Embedding(vocab_size, input_size)
        self.cell = (nn.GRU(input_size, hidden_size, batch_first=True) if kind == "gru"
                     else LoopLSTM(input_size, hidden_size, kind == "peephole", kind == "coupled"))
        self.decode = nn.Linear(hidden_size, vocab_size)

    def forward(self, ids, state=None):
        h, state = self.cell(self.embed(ids), state)
        return self.decode(h), state

    def arrays(self) -> dict[str, np.ndarray]:
        a = {"embedding": self.embed.weight, "decoder_weight": self.decode.weight, "decoder_bias": self.decode.bias}
        if self.kind == "gru":
            a.update(weight_ih=self.cell.weight_ih_l0, weight_hh=self.cell.weight_hh_l0,
                     bias_ih=self.cell.bias_ih_l0, bias_hh=self.cell.bias_hh_l0)
        else:
            a.update(weight_ih=self.cell.weight_ih, weight_hh=self.cell.weight_hh,
                     bias_ih=self.cell.bias_ih, bias_hh=self.cell.bias_hh)
            if self.cell.peep is not None:
                a.update(peep_input=self.cell.peep[0], peep_forget=self.cell.peep[1], peep_output=self.cell.peep[2])
        return {f"{self.kind}_{k}": v.detach().numpy().astype(np.float32).copy() for k, v in a.items()}


def train_one(kind, vocab, train_ids, held_ids, minutes, hidden, seed, steps=0, lr=3e-3):
    torch.manual_seed(seed)
    net = VariantNet(kind, len(vocab), 32, hidden)
    # The peephole weights multiply C, which grows to tens: at the others' step size they saturate the
    # gates early (3.65 bits/char after 2,000 steps); at a tenth of it, 2.93 (a plain LSTM: 3.01).
    peep = [net.cell.peep] if kind == "peephole" else []
    rest = [p for p in net.parameters() if not any(p is q for q in peep)]
    opt = torch.optim.Adam([{"params": rest}, {"params": peep, "lr": lr * PEEP_LR}], lr=lr)
    data = streams(train_ids, BATCH)
    deadline, pos, state, step = time.time() + minutes * 60, 0, None, 0
    while (step < steps) if steps else (time.time() < deadline):
        if pos + SEQ + 1 > data.shape[1]:
            pos, state = 0, None
        x, y = data[:, pos:pos + SEQ], data[:, pos + 1:pos + SEQ + 1]
        pos += SEQ
        logits, state = net(x, state)
        state = state.detach() if isinstance(state, torch.Tensor) else tuple(s.detach() for s in state)
        loss = nn.functional.cross_entropy(logits.reshape(-1, len(vocab)), y.reshape(-1))
        update(opt, loss, net.parameters())
        step += 1
        if step % 200 == 0:
            print(f"{kind} step {step} loss {loss.item() / math.log(2):.3f} bits/char", flush=True)
    return net, step, bits_per_char(net, held_ids[:100_000])


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes-each", type=float, default=3.0)
    ap.add_argument("--steps-each", type=int, default=0, help="steps per variant (0: train for --minutes-each)")
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--out", type=Path, default=Path("assets/variants.npz"))
    args = ap.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.threads:
        torch.set_num_threads(args.threads)
    vocab = Vocab.load(SHIPPED_VOCAB)
    train_text, held_text = corpus.build()
    train_ids, held_ids = np.array(vocab.encode(train_text)), np.array(vocab.encode(held_text))
    arrays, stats = {}, {}
    for kind in TRAINED:
        t0 = time.time()
        net, steps, bpc = train_one(kind, vocab, train_ids, held_ids, args.minutes_each, args.hidden, args.seed,
                                    args.steps_each)
        arrays.update(net.arrays())
        stats[kind] = {"steps": steps, "minutes": round((time.time() - t0) / 60, 1), "held_out_bits_per_char": round(bpc, 3)}
        print(kind, stats[kind], flush=True)
    np.savez(args.out, **arrays)
    stats.update(hidden=args.hidden, batch=BATCH, seq=SEQ, peephole_lr_factor=PEEP_LR, seed=args.seed, torch=torch.__version__,
                 **({"steps_each": args.steps_each} if args.steps_each else {"minutes_each": args.minutes_each}))
    args.out.with_suffix(".train.json").write_text(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main()
