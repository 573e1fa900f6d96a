"""Training the shipped Bi-LSTM: fill in hidden characters from both sides.

    python -m explorer.training.train_bilstm --minutes 12 --out assets/bilstm.npz

- Text: the same corpus as the character model (explorer.corpus), the same vocabulary.
- Each training window has 15% of its characters hidden (replaced by the unknown id); the model
  reads the window both ways and predicts every hidden character from y_t = [h→_t ; h←_t].
- Prints and stores accuracy on hidden characters of held-out text.
"""
from __future__ import annotations

import json
import time

import numpy as np
import torch
from torch import nn

from explorer import corpus
from explorer.bilstm import BiModel
from explorer.models import SHIPPED_VOCAB
from explorer.training.train import begin, numpy_of, recipe_args, update
from explorer.vocab import UNKNOWN_ID, Vocab
from explorer.weights import from_module


class BiNet(nn.Module):
    def __init__(self, vocab_size: int, input_size: int, hidden_size: int):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, input_size)
        self.lstm = nn.LSTM(input_size, hidden_size, batch_first=True, bidirectional=True)
        self.decode = nn.Linear(2 * hidden_size, vocab_size)

    def forward(self, ids):
        y, _ = self.lstm(self.embed(ids))  # (B, T, 2H)
        return self.decode(y)

    def to_model(self, vocab: Vocab) -> BiModel:
        return BiModel(vocab, numpy_of(self.embed.weight), from_module(self.lstm), from_module(self.lstm, reverse=True),
                       numpy_of(self.decode.weight), numpy_of(self.decode.bias))


def windows(ids: np.ndarray, batch: int, seq: int, rng: np.random.Generator) -> torch.Tensor:
    starts = rng.integers(0, len(ids) - seq, batch)
    return torch.from_numpy(np.stack([ids[s:s + seq] for s in starts]))


def hide(x: torch.Tensor, rate: float, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    mask = torch.rand(x.shape, generator=gen) < rate
    return x.masked_fill(mask, UNKNOWN_ID), mask


@torch.no_grad()
def hidden_accuracy(net: BiNet, ids: np.ndarray, seq: int = 64, n: int = 200) -> float:
    rng, gen = np.random.default_rng(1), torch.Generator().manual_seed(1)
    x = windows(ids, n, seq, rng)
    xin, mask = hide(x, 0.15, gen)
    pred = net(xin).argmax(-1)
    return float((pred[mask] == x[mask]).float().mean())


def main(argv=None) -> None:
    args = recipe_args(__doc__, minutes=12.0, hidden=64, seq=64, out="assets/bilstm.npz").parse_args(argv)
    begin(args)
    vocab = Vocab.load(SHIPPED_VOCAB)
    train_text, held_text = corpus.build()
    train_ids, held_ids = np.array(vocab.encode(train_text)), np.array(vocab.encode(held_text))
    net = BiNet(len(vocab), args.embed, args.hidden)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    rng, gen = np.random.default_rng(args.seed), torch.Generator().manual_seed(args.seed)
    deadline, step = time.time() + args.minutes * 60, 0
    while time.time() < deadline:
        x = windows(train_ids, args.batch, args.seq, rng)
        xin, mask = hide(x, 0.15, gen)
        logits = net(xin)
        loss = nn.functional.cross_entropy(logits[mask], x[mask])
        update(opt, loss, net.parameters())
        step += 1
        if step % 500 == 0:
            print(f"step {step} loss {loss.item():.3f}, {(deadline - time.time()) / 60:.1f} min left", flush=True)
            net.to_model(vocab).save(args.out)
    acc = hidden_accuracy(net, held_ids)
    net.to_model(vocab).save(args.out)
    stats = {"steps": step, "held_out_hidden_char_accuracy": round(acc, 3), "hidden": args.hidden,
             "embed": args.embed, "batch": args.batch, "seq": args.seq, "lr": args.lr, "seed": args.seed,
             "minutes": args.minutes, "torch": torch.__version__}
    args.out.with_suffix(".train.json").write_text(json.dumps(stats, indent=1))
    print(json.dumps(stats), flush=True)


if __name__ == "__main__":
    main()
