"""The two case studies' training (explorer/cases.py holds their data and how a snapshot reads): full
batch, Adam, a fixed seed, in small steps that a background job (explorer/shell/jobs.py) runs."""
from __future__ import annotations

import time

import torch
from torch import nn

from explorer.cases import CASES, SLOW_SECONDS, Case, Snapshot, held_out_accuracy
from explorer.training.train import update
from explorer.weights import from_module


class Trainer:
    """Full-batch training of one case in small steps; `step(n)` returns (loss, accuracy)."""

    def __init__(self, case: Case | str, data, hidden: int, lr: float, seed: int = 0):
        case = CASES[case] if isinstance(case, str) else case
        self.case = case
        torch.manual_seed(seed)
        self.symbols, self.inputs, targets = case.pairs(data)
        self.targets = torch.tensor(targets)
        bi = case.bidirectional
        V = len(self.symbols)
        self.embed = nn.Embedding(V, 16)
        self.lstm = nn.LSTM(16, hidden, batch_first=True, bidirectional=bi)
        self.decode = nn.Linear(hidden * (2 if bi else 1), V)
        self.params = [*self.embed.parameters(), *self.lstm.parameters(), *self.decode.parameters()]
        self.opt = torch.optim.Adam(self.params, lr=lr)
        lengths = torch.tensor([len(s) for s in self.inputs])
        padded = nn.utils.rnn.pad_sequence([torch.tensor(s) for s in self.inputs], batch_first=True)
        self.batch = (padded, lengths)
        self.steps = 0

    def logits(self):
        padded, lengths = self.batch
        packed = nn.utils.rnn.pack_padded_sequence(self.embed(padded), lengths, batch_first=True,
                                                        enforce_sorted=False)
        _, (h_n, _) = self.lstm(packed)  # h_n: (directions, B, H); h← ends at the first item
        feat = h_n[0] if h_n.shape[0] == 1 else torch.cat([h_n[0], h_n[1]], dim=1)
        return self.decode(feat)

    def step(self, n: int = 1) -> tuple[float, float]:
        for _ in range(n):
            logits = self.logits()
            loss = nn.functional.cross_entropy(logits, self.targets)
            update(self.opt, loss, self.params)
            self.steps += 1
        with torch.no_grad():
            acc = float((self.logits().argmax(1) == self.targets).float().mean())
        return loss.item(), acc

    def snapshot(self) -> Snapshot:
        bi = self.lstm.bidirectional
        return Snapshot(list(self.symbols), self.embed.weight.detach().numpy().copy(), from_module(self.lstm),
                        from_module(self.lstm, reverse=True) if bi else None,
                        self.decode.weight.detach().numpy().copy(), self.decode.bias.detach().numpy().copy())


def train_job(case: Case | str, data, hidden: int, lr: float, steps: int, seed: int, every: int = 5, held=None):
    """A jobs.start work function: trains, reporting loss, accuracy (and that on the examples never trained on,
    from `held`: case 1's words by default, case 2's text) and a snapshot every `every` steps."""
    case = CASES[case] if isinstance(case, str) else case
    held_out = case.held_out_examples(case.held_out if held is None else held, data)

    def work(job):
        trainer = Trainer(case, data, hidden, lr, seed)
        while trainer.steps < steps and not job.stopped():
            slow = trainer.steps < case.slow_steps                        # the first steps, one at a time
            loss, acc = trainer.step(1 if slow else min(every, steps - trainer.steps))
            snap = trainer.snapshot()
            job.report(step=trainer.steps, loss=loss, accuracy=acc, **held_out_accuracy(snap, held_out))
            job.result = snap
            if slow:
                time.sleep(SLOW_SECONDS)
        return trainer.snapshot()
    return work
