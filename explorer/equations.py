"""The lesson's equations as LaTeX: the general form, and the same equation with the real numbers
at step t, unit j. Only numbers we computed and fixed symbols go in; never user text."""
from __future__ import annotations

from explorer.lesson import BeltStep, GateTerms

SYMBOL = {"forget": "f", "input": "i", "candidate": r"\tilde{C}", "output": "o"}
SUB = {"forget": "f", "input": "i", "candidate": "C", "output": "o"}


def _prev(name: str, t: int) -> str:
    """h_{t-1} or C_{t-1}; before the first character it is the start value, 0."""
    return rf"{name}_{{{t - 1}}}" if t > 0 else rf"{name}_{{\text{{start}}}}"


GENERAL = {
    "forget": r"f_t = \sigma\left(W_f \cdot [h_{t-1}, x_t] + b_f\right)",
    "input": r"i_t = \sigma\left(W_i \cdot [h_{t-1}, x_t] + b_i\right)",
    "candidate": r"\tilde{C}_t = \tanh\left(W_C \cdot [h_{t-1}, x_t] + b_C\right)",
    "cell": r"C_t = f_t \odot C_{t-1} + i_t \odot \tilde{C}_t",
    "output": r"o_t = \sigma\left(W_o \cdot [h_{t-1}, x_t] + b_o\right)",
    "hidden": r"h_t = o_t \odot \tanh(C_t)",
    "contribution": r"C_t = \sum_{s \le t} \Big(\prod_{r=s+1}^{t} f_r\Big)\, i_s \tilde{C}_s",
}


def num(v: float) -> str:
    return f"{v:.3f}".replace("-", "{-}")


def gate_with_numbers(g: GateTerms) -> str:
    """e.g. f_5[3] = σ(W_f[3]·[h_4, x_5] + b_f[3])          the lesson's form: one W_f on the concatenation,
              = σ(W_fh[3]·h_4 + W_fx[3]·x_5 + b_f[3])    its two blocks (PyTorch's weight_hh and weight_ih rows),
              = σ(0.120 + 1.200 + 0.990) = σ(2.310) = 0.910"""
    s, w, t, j = SYMBOL[g.gate], SUB[g.gate], g.t, g.j
    act = r"\tanh" if g.gate == "candidate" else r"\sigma"
    h_prev = _prev("h", t)
    return (r"\begin{aligned}"
            rf"{s}_{{{t}}}[{j}] &= {act}\big(W_{w}[{j}]\cdot [{h_prev}, x_{{{t}}}] + b_{w}[{j}]\big)\\"
            rf" &= {act}\big(W_{{{w}h}}[{j}]\cdot {h_prev} + W_{{{w}x}}[{j}]\cdot x_{{{t}}} + b_{w}[{j}]\big)\\"
            rf" &= {act}\big({num(g.from_hidden)} + {num(g.from_input)} + {num(g.bias)}\big)\\"
            rf" &= {act}({num(g.pre)}) = {num(g.value)}"
            r"\end{aligned}")


def cell_with_numbers(b: BeltStep, t: int, j: int) -> str:
    return (r"\begin{aligned}"
            rf"C_{{{t}}}[{j}] &= f_{{{t}}}[{j}]\, {_prev('C', t)}[{j}] + i_{{{t}}}[{j}]\, \tilde{{C}}_{{{t}}}[{j}]\\"
            rf" &= {num(b.forget)} \times {num(b.c_prev)} + {num(b.input)} \times {num(b.candidate)}\\"
            rf" &= {num(b.kept)} + {num(b.written)} = {num(b.cell)}"
            r"\end{aligned}")


def hidden_with_numbers(o: float, c: float, h: float, t: int, j: int) -> str:
    import math

    return (r"\begin{aligned}"
            rf"h_{{{t}}}[{j}] &= o_{{{t}}}[{j}]\, \tanh(C_{{{t}}}[{j}]) = {num(o)} \times \tanh({num(c)})\\"
            rf" &= {num(o)} \times {num(math.tanh(c))} = {num(h)}"
            r"\end{aligned}")
