"""RNN vs LSTM: how far back can each remember?

- The recall task: read a random string of N + 1 symbols over ALPHABET (27: a–z and space), then
  name its first symbol, seen N steps before the end; the N symbols after it only distract.
  Chance is 1/27. Only one symbol must be kept, so the task measures how long memory lasts.
- For each N in DISTANCES a simple RNN and an LSTM (H=32, one-hot inputs) are trained on it
  (`python -m explorer.training.train_memory`), weights shipped in assets/memory.npz; accuracy is measured here,
  from those weights, with explorer.lstm / explorer.variants (not torch).
- gradient_norms: ‖∂h_T/∂x_t‖ for every t, by torch autograd, on any text: how much the last
  output can still feel each earlier input.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from explorer.lstm import LSTMWeights, run
from explorer.models import ASSETS
from explorer.variants import RNNWeights, run_rnn
from explorer.weights import from_arrays, into_module

ALPHABET = "abcdefghijklmnopqrstuvwxyz "
DISTANCES = (1, 2, 4, 8, 16, 32)
GRADIENT_N = 16  # the gradient chart's pair is trained at this N: the longest the shipped LSTM learned
HIDDEN = 32
SHIPPED_MEMORY = ASSETS / "memory.npz"
SHIPPED_READER = ASSETS / "memory_reader.npz"   # the gradient chart's pair: reads letters and 汉字 (READER_CHARS)
CHINESE_PUNCTUATION = "。，、！？"


def reader_alphabet() -> str:
    """What the gradient chart's pair reads as itself: ALPHABET, the 汉字 the shipped character model knows
    (assets/char_lstm.vocab.json), and Chinese punctuation; anything else reads as a space."""
    chars = json.loads((ASSETS / "char_lstm.vocab.json").read_text(encoding="utf-8"))["chars"]
    return ALPHABET + "".join(c for c in chars if "\u4e00" <= c <= "\u9fff") + CHINESE_PUNCTUATION


def letters(text: str, alphabet: str = ALPHABET) -> int:
    """How many characters of the text the models read as themselves (any case); the rest read as a space."""
    known = set(alphabet) - {" "}
    return sum(c in known for c in text.lower())


def encode(text: str, alphabet: str = ALPHABET) -> np.ndarray:
    """Characters of `alphabet` (letters in any case) to ids; everything else reads as a space (id 26)."""
    index = {c: i for i, c in enumerate(alphabet)}
    space = alphabet.index(" ")
    return np.array([index.get(c, space) for c in text.lower()], np.int64)


def one_hot(ids: np.ndarray, size: int = len(ALPHABET)) -> np.ndarray:
    return np.eye(size, dtype=np.float32)[ids]


def task(n: int, count: int, rng: np.random.Generator, size: int = len(ALPHABET)) -> tuple[np.ndarray, np.ndarray]:
    """(count, n + 1) random ids below `size`, and the first id of each (n steps before the end)."""
    x = rng.integers(0, size, (count, n + 1))
    return x, x[:, 0]


def test_set(n: int, count: int = 300) -> tuple[np.ndarray, np.ndarray]:
    return task(n, count, np.random.default_rng(1000 + n))


def load(path: Path | None = None) -> dict[str, dict[int, tuple]]:
    """{'rnn': {N: (weights, readout W, readout b)}, 'lstm': {...}} from the .npz."""
    out: dict[str, dict[int, tuple]] = {"rnn": {}, "lstm": {}}
    with np.load(path or SHIPPED_MEMORY, allow_pickle=False) as f:
        a = {k: f[k].astype(np.float32) for k in f.files}
    for n in DISTANCES:
        for kind, cls in (("rnn", RNNWeights), ("lstm", LSTMWeights)):
            p = f"{kind}{n}_"
            w = from_arrays(a, p, cls)
            out[kind][n] = (w, a[p + "readout_weight"], a[p + "readout_bias"])
    return out


def test_set_reader(alphabet: str, count: int = 300) -> tuple[np.ndarray, np.ndarray]:
    return task(GRADIENT_N, count, np.random.default_rng(2000), len(alphabet))


def last_hidden(kind: str, w, ids: np.ndarray, size: int = len(ALPHABET)) -> np.ndarray:
    x = one_hot(ids, size)
    return (run_rnn(w, x) if kind == "rnn" else run(w, x)).hidden[-1]


def accuracy(kind: str, model: tuple, n: int) -> float:
    w, W, b = model
    x, y = test_set(n)
    pred = [int(np.argmax(W @ last_hidden(kind, w, seq) + b)) for seq in x]
    return float(np.mean(np.array(pred) == y))


def accuracies(models) -> dict[str, list[float]]:
    return {kind: [accuracy(kind, models[kind][n], n) for n in DISTANCES] for kind in ("rnn", "lstm")}


def load_reader(path: Path | None = None) -> tuple[str, dict]:
    """The gradient chart's pair: (its alphabet, {'rnn': weights, 'lstm': weights})."""
    with np.load(path or SHIPPED_READER, allow_pickle=False) as f:
        a = {k: f[k] for k in f.files}
    alphabet = "".join(map(chr, a.pop("alphabet")))
    a = {k: v.astype(np.float32) for k, v in a.items()}
    return alphabet, {kind: from_arrays(a, f"{kind}{GRADIENT_N}_", cls) for kind, cls in (("rnn", RNNWeights),
                                                                                            ("lstm", LSTMWeights))}


def gradient_norms(kind: str, w, text: str, alphabet: str = ALPHABET) -> np.ndarray:
    """‖∂h_T/∂x_t‖ for t = 0..T-1 (T = len(text)), the torch module holding the same weights; the model reads
    `alphabet` one-hot."""
    import torch

    ids = encode(text, alphabet)
    module = into_module((torch.nn.RNN if kind == "rnn" else torch.nn.LSTM)(len(alphabet), w.weight_hh.shape[1],
                                                                             batch_first=True), w)
    x = torch.from_numpy(one_hot(ids, len(alphabet)))[None].requires_grad_(True)  # (1, T, X)
    out, _ = module(x)
    h_T = out[0, -1]
    norms = np.zeros(len(ids))
    for j in range(h_T.shape[0]):  # ‖∂h_T/∂x_t‖ is the Frobenius norm of the Jacobian block
        (g,) = torch.autograd.grad(h_T[j], x, retain_graph=True)
        norms += g[0].pow(2).sum(1).numpy()
    return np.sqrt(norms)
