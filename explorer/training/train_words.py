"""A small word-level example of "your own model", trained and saved the way a course would save one.

    python -m explorer.training.train_words --minutes 4 --threads 1

- Text: the English part of explorer.corpus (stdlib docstrings, made offline; held-out modules kept
  out), lower-cased and split on whitespace; the vocabulary is "<unk>" and the VOCAB − 1 most frequent words.
- Net: an nn.Module with `embedding` (V × 32), a 2-layer `lstm` (64 units) and a `decoder` (64 → V): the
  names explorer.own_model reads. Adam, next-word cross-entropy, truncated backprop over SEQ words,
  gradients clipped (explorer.training.train.update).
- Writes assets/word_lstm.pt (`torch.save(net.state_dict(), ...)`), assets/word_lstm.vocab.json
  ({"tokens": [...], "level": "word"}) and assets/word_lstm.train.json, and prints held-out perplexity.
"""
from __future__ import annotations

import argparse
import collections
import json
import math
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from explorer import corpus
from explorer.models import ASSETS
from explorer.training.train import mean_loss, streams, update

VOCAB, EMBED, HIDDEN, LAYERS, SEQ, BATCH = 2000, 32, 64, 2, 32, 32
UNK = "<unk>"


class WordNet(nn.Module):
    def __init__(self, vocab_size: int):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, EMBED)
        self.lstm = nn.LSTM(EMBED, HIDDEN, num_layers=LAYERS, batch_first=True)
        self.decoder = nn.Linear(HIDDEN, vocab_size)

    def forward(self, ids, state=None):
        h, state = self.lstm(self.embedding(ids), state)
        return self.decoder(h), state


def words(text: str) -> list[str]:
    """Lower-cased words split on whitespace; the corpus's Chinese sentences (no spaces to split on) left out."""
    return [w for w in text.lower().split() if not any("\u3400" <= c <= "\u9fff" for c in w)]


def vocabulary(train_words: list[str]) -> list[str]:
    counts = collections.Counter(train_words)
    return [UNK] + [w for w, _ in counts.most_common(VOCAB - 1)]


def perplexity(net: WordNet, ids: np.ndarray) -> float:
    return math.exp(mean_loss(net, ids, SEQ, 8))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=4)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=ASSETS / "word_lstm.pt")
    args = ap.parse_args(argv)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    train_text, held_text = corpus.build()
    tw, hw = words(train_text), words(held_text)
    tokens = vocabulary(tw)
    index = {w: k for k, w in enumerate(tokens)}
    train_ids = np.array([index.get(w, 0) for w in tw], np.int64)
    held_ids = np.array([index.get(w, 0) for w in hw], np.int64)
    net = WordNet(len(tokens))
    opt = torch.optim.Adam(net.parameters(), lr=3e-3)
    data = streams(train_ids, BATCH)
    start, step, state, s = time.time(), 0, None, 0
    while time.time() - start < args.minutes * 60:
        if s + SEQ + 1 > data.shape[1]:
            s, state = 0, None
        x, y = data[:, s:s + SEQ], data[:, s + 1:s + SEQ + 1]
        if state is not None:
            state = tuple(v.detach() for v in state)
        logits, state = net(x, state)
        loss = nn.functional.cross_entropy(logits.reshape(-1, len(tokens)), y.reshape(-1))
        update(opt, loss, net.parameters())
        s += SEQ
        step += 1
        if step % 200 == 0:
            print(f"step {step}  loss {loss.item():.3f}  {time.time() - start:.0f} s", flush=True)
    ppl = perplexity(net, held_ids)
    torch.save(net.state_dict(), args.out)
    vocab_path = args.out.with_suffix(".vocab.json")
    vocab_path.write_text(json.dumps({"tokens": tokens, "level": "word"}, ensure_ascii=False, indent=0), encoding="utf-8")
    stats = {"steps": step, "minutes": args.minutes, "threads": args.threads, "seed": args.seed, "vocab": len(tokens),
             "embed": EMBED, "hidden": HIDDEN, "layers": LAYERS, "seq": SEQ, "batch": BATCH,
             "train_words": len(tw), "held_out_words": len(hw), "held_out_perplexity": round(ppl, 1),
             "unknown_share_held_out": round(float((held_ids == 0).mean()), 3), "torch": torch.__version__}
    args.out.with_suffix(".train.json").write_text(json.dumps(stats, indent=1))
    print(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main()
