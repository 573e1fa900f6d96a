"""Counting parameters: the lesson's formula and its relatives, and the count of a real module.

- LSTM, one bias per gate (the lesson, Keras):  4·[h·(h+x) + h]
- LSTM in PyTorch, two bias vectors:             4·[h·(h+x) + 2h]
- GRU in PyTorch (3 blocks, two biases):         3·[h·(h+x) + 2h]
- simple RNN in PyTorch (1 block, two biases):   h·(h+x) + 2h
- bidirectional: twice the layer; stacked layers: layer k > 1 reads the layer below, so its x is
  h (2h when bidirectional).
"""
from __future__ import annotations

BLOCKS = {"lstm": 4, "gru": 3, "rnn": 1}


def layer_count(kind: str, h: int, x: int, biases: int = 2) -> int:
    """One direction of one layer: blocks·[h·(h+x) + biases·h]."""
    return BLOCKS[kind] * (h * (h + x) + biases * h)


def lesson_lstm(h: int, x: int) -> int:
    return layer_count("lstm", h, x, biases=1)


def formula_count(kind: str, h: int, x: int, layers: int = 1, bidirectional: bool = False, biases: int = 2) -> int:
    dirs = 2 if bidirectional else 1
    total = 0
    for k in range(layers):
        x_k = x if k == 0 else dirs * h
        total += dirs * layer_count(kind, h, x_k, biases)
    return total


def torch_count(kind: str, h: int, x: int, layers: int = 1, bidirectional: bool = False) -> int:
    """The number of parameters of the real torch module built with these sizes."""
    import torch

    cls = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}[kind]
    module = cls(x, h, num_layers=layers, bidirectional=bidirectional)
    return sum(p.numel() for p in module.parameters())


def terms_latex(h: int, x: int, biases: int = 1) -> str:
    """4·[h·(h+x) + biases·h] worked out with the numbers, step by step (1 bias: the lesson, Keras;
    2 biases: PyTorch)."""
    hx, b = h * (h + x), biases * h
    bias_sym, bias_num = ("h", f"{h}") if biases == 1 else (f"{biases}h", f"{biases}\\cdot{h}")
    return (r"\begin{aligned}"
            rf"4\cdot[h\cdot(h+x) + {bias_sym}] &= 4\cdot[{h}\cdot({h}+{x}) + {bias_num}]\\"
            rf"&= 4\cdot[{hx:,} + {b}] = 4\cdot{hx + b:,} = {4 * (hx + b):,}"
            r"\end{aligned}").replace(",", "{,}")



def layer_inputs(h: int, x: int, layers: int, bidirectional: bool) -> list[int]:
    """What each layer reads: layer 1 the input x, every layer above the layer below (h · directions)."""
    dirs = 2 if bidirectional else 1
    return [x if k == 0 else dirs * h for k in range(layers)]


def worked_latex(h: int, x: int, layers: int = 1, bidirectional: bool = False, biases: int = 1) -> str:
    """The LSTM count for these settings worked out with the numbers: one line per layer ℓ,
    directions·4·[h·(h+x_ℓ) + biases·h], then their sum Σ. One unidirectional layer is terms_latex."""
    if layers == 1 and not bidirectional:
        return terms_latex(h, x, biases)
    dirs = 2 if bidirectional else 1
    times_dirs = r"2\cdot " if bidirectional else ""
    bias_num = f"{h}" if biases == 1 else rf"{biases}\cdot{h}"
    lines, counts = [], []
    for k, x_k in enumerate(layer_inputs(h, x, layers, bidirectional), start=1):
        block = h * (h + x_k) + biases * h
        counts.append(dirs * 4 * block)
        lines.append(rf"\ell = {k} &: {times_dirs}4\cdot[{h}\cdot({h}+{x_k}) + {bias_num}]"
                     rf" = {times_dirs}4\cdot{block:,} = {counts[-1]:,}")
    if layers > 1:
        lines.append(r"\Sigma &= " + " + ".join(f"{n:,}" for n in counts) + f" = {sum(counts):,}")
    return (r"\begin{aligned}" + r"\\".join(lines) + r"\end{aligned}").replace(",", "{,}")
