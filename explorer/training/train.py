"""Training the shipped character model.

    python -m explorer.training.train --minutes 22 --threads 1 --out assets/char_lstm.npz   # the shipped model

- Text: explorer.corpus (stdlib docstrings wrapped at a fixed width, and our Chinese sentences).
- Net: Embedding(V, X) -> nn.LSTM(X, H) -> Linear(H, V), trained with Adam on next-character
  cross-entropy, truncated backprop over SEQ characters, the state carried between batches
  (each batch row reads its own contiguous stream of the text).
- Saves the weights as .npz (explorer.models) and prints held-out bits per character.
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
from explorer.models import CharModel
from explorer.vocab import Vocab
from explorer.weights import from_module

APP_CHARS = "我爱中国你好世界"  # characters the app's own examples use: always in the vocabulary


class CharNet(nn.Module):
    def __init__(self, vocab_size: int, input_size: int, hidden_size: int):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, input_size)
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True)
        self.decode = nn.Linear(hidden_size, vocab_size)

    def forward(self, ids, state=None):
        h, state = self.lstm(self.embed(ids), state)  # (B, T, H)
        return self.decode(h), state                  # (B, T, V)

    def to_model(self, vocab: Vocab) -> CharModel:
        return CharModel(vocab, numpy_of(self.embed.weight), from_module(self.lstm),
                         numpy_of(self.decode.weight), numpy_of(self.decode.bias))


def streams(ids: np.ndarray, batch: int) -> torch.Tensor:
    """The text cut into `batch` contiguous rows, (B, N)."""
    n = len(ids) // batch
    return torch.from_numpy(ids[: n * batch].reshape(batch, n).astype(np.int64))


def numpy_of(t: torch.Tensor) -> np.ndarray:
    return t.detach().cpu().numpy().astype(np.float32).copy()


@torch.no_grad()
def mean_loss(net: nn.Module, ids: np.ndarray, seq: int = 256, batch: int = 16) -> float:
    """Next-token cross-entropy in nats per token over `ids` read in `batch` streams, the state carried;
    net(x, state) -> (logits, state)."""
    net.eval()
    data = streams(ids, batch)
    state, total, count = None, 0.0, 0
    for s in range(0, data.shape[1] - 1, seq):
        x, y = data[:, s:s + seq], data[:, s + 1:s + seq + 1]
        x = x[:, : y.shape[1]]
        logits, state = net(x, state)
        total += nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1), reduction="sum").item()
        count += y.numel()
    net.train()
    return total / max(count, 1)


def bits_per_char(net: CharNet, ids: np.ndarray, seq: int = 256, batch: int = 16) -> float:
    return mean_loss(net, ids, seq, batch) / math.log(2)


def update(opt: torch.optim.Optimizer, loss: torch.Tensor, params, clip: float = 1.0) -> None:
    """One optimiser step, as every recipe here takes it: gradients of `loss`, their norm clipped
    to `clip` (an LSTM's gradients can spike), then the step."""
    opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(params, clip)
    opt.step()


def recipe_args(doc: str, minutes: float, hidden: int, seq: int, out: str) -> argparse.ArgumentParser:
    """The options every character-model recipe has (time budget, sizes, batch, learning rate, seed,
    torch's threads, where the weights go); `begin` acts on them."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=minutes)
    ap.add_argument("--hidden", type=int, default=hidden)
    ap.add_argument("--embed", type=int, default=32)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--seq", type=int, default=seq)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    ap.add_argument("--out", type=Path, default=Path(out))
    return ap


def begin(args) -> None:
    """Before a recipe trains: the weights' folder made, the seed set, torch's threads as asked."""
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(args.seed)
    if args.threads:
        torch.set_num_threads(args.threads)


def main(argv=None) -> None:
    ap = recipe_args(__doc__, minutes=22.0, hidden=128, seq=128, out="assets/char_lstm.npz")
    ap.add_argument("--wrap", type=int, default=corpus.WRAP, help="line width of the training text")
    ap.add_argument("--hard-wrap", action=argparse.BooleanOptionalAction, default=corpus.HARD_WRAP,
                    help="break lines at exactly --wrap characters")
    args = ap.parse_args(argv)
    begin(args)
    train_text, held_text = corpus.build(args.wrap, args.hard_wrap)
    vocab = Vocab.from_text(train_text, min_count=20, extra=APP_CHARS)
    train_ids = np.array(vocab.encode(train_text))
    held_ids = np.array(vocab.encode(held_text))[:300_000]
    print(f"train {len(train_ids):,} chars, held-out {len(held_ids):,}, vocab {len(vocab)}", flush=True)

    net = CharNet(len(vocab), args.embed, args.hidden)
    with torch.no_grad():  # forget-gate bias 1: start by remembering (Jozefowicz et al., 2015)
        net.lstm.bias_ih_l0[args.hidden:2 * args.hidden].fill_(1.0)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    data = streams(train_ids, args.batch)
    deadline = time.time() + args.minutes * 60
    step, pos, state = 0, 0, None
    vocab_path = args.out.with_suffix(".vocab.json")
    while time.time() < deadline:
        if pos + args.seq + 1 > data.shape[1]:
            pos, state = 0, None
        x, y = data[:, pos:pos + args.seq], data[:, pos + 1:pos + args.seq + 1]
        pos += args.seq
        logits, state = net(x, state)
        state = tuple(s.detach() for s in state)
        loss = nn.functional.cross_entropy(logits.reshape(-1, len(vocab)), y.reshape(-1))
        update(opt, loss, net.parameters())
        step += 1
        if step % 500 == 0:
            left = (deadline - time.time()) / 60
            print(f"step {step} loss {loss.item() / math.log(2):.3f} bits/char, {left:.1f} min left", flush=True)
            net.to_model(vocab).save(args.out, vocab_path)
    bpc = bits_per_char(net, held_ids)
    net.to_model(vocab).save(args.out, vocab_path)
    stats = {"steps": step, "train_chars": len(train_ids), "held_out_chars": len(held_ids),
             "held_out_bits_per_char": round(bpc, 3), "vocab": len(vocab), "hidden": args.hidden,
             "embed": args.embed, "batch": args.batch, "seq": args.seq, "lr": args.lr, "seed": args.seed,
             "minutes": args.minutes, "wrap": args.wrap, "hard_wrap": args.hard_wrap,
             "torch": torch.__version__}
    args.out.with_suffix(".train.json").write_text(json.dumps(stats, indent=1))
    print(json.dumps(stats), flush=True)


if __name__ == "__main__":
    main()
