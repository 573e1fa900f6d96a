"""Predict, then reveal: questions whose answers are the models' own, computed when asked.

Each builder takes what it needs (a trace, a model, gradient norms) and returns a Question with its
options, the index of the right one and an explanation, all in one language; nothing is hard-coded
that the model decides. Pure: the pages ask with `lesson_ui.predict_reveal`; the tests check every answer
against the Python API.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from explorer.cases import CONTEXT, askable, read
from explorer.i18n import say
from explorer.params import formula_count, lesson_lstm, torch_count
from explorer.texts import COUNTER_TEXT
from explorer.vocab import display_char

COUNT_TEXT_BREAK = "\n"   # the counting unit's questions look at the first line break of the example
CHAR_PROMPT = "Return the number of items in the lis"   # the overview's question: the next character
MEMORY_TEXT = "the cat sat on the mat and the dog sat on the rug"
MEMORY_DISTANCE = 20
GAP_TEXT = "我爱?国"            # the Bi-LSTM's question: the character at the gap
PARAMS_SIZES = (128, 32)       # the parameter count's question: nn.LSTM(x=32, h=128), the lesson's


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple[str, ...]
    answer: int        # index into options
    explain: str


def _first_break(trace) -> int:
    return trace.text.index(COUNT_TEXT_BREAK)


def forget_at_break(trace, unit: int, lang: str) -> Question:
    """Counting example: at ↵, is f of the counting unit near 0 (it drops the count) or near 1?"""
    t = _first_break(trace)
    f = float(trace.forget[t, unit])
    return Question(say("q_forget", lang, j=unit, t=t), (say("q_near0", lang), say("q_near1", lang)), int(f >= 0.5),
                    say("q_forget_explain", lang, j=unit, t=t, f=f"{f:.3f}"))


def cell_at_break(trace, unit: int, lang: str) -> Question:
    """Counting example: at ↵, does C of the counting unit climb, drop back, or stay?"""
    t = _first_break(trace)
    before, after = float(trace.cell[t - 1, unit]), float(trace.cell[t, unit])
    change = abs(after) - abs(before)
    answer = 2 if abs(after - before) < 0.05 * max(1.0, abs(before)) else (0 if change > 0 else 1)
    return Question(say("q_cell", lang, j=unit), (say("q_climbs", lang), say("q_drops", lang), say("q_stays", lang)),
                    answer, say("q_cell_explain", lang, j=unit, t=t, prev=t - 1, before=f"{before:.2f}",
                                after=f"{after:.2f}"))


def written_after_break(trace, unit: int, lang: str) -> Question:
    """Counting example, first character after ↵: does i·C̃ of the unit add to the belt, take away, or
    write nearly nothing (|i·C̃| < 0.05)?"""
    t = _first_break(trace) + 1
    w = float(trace.input[t, unit] * trace.candidate[t, unit])
    answer = 2 if abs(w) < 0.05 else (0 if w > 0 else 1)
    return Question(say("q_input", lang, j=unit, t=t), (say("q_adds", lang), say("q_takes", lang), say("q_nothing", lang)),
                    answer, say("q_input_explain", lang, j=unit, t=t, i=f"{float(trace.input[t, unit]):.3f}",
                                c=f"{float(trace.candidate[t, unit]):.3f}", w=f"{w:.3f}"))


def cell_or_hidden(trace, unit: int, lang: str) -> Question:
    """End of the counting example's first line: which is larger in size there, C or h?"""
    t = _first_break(trace) - 1
    c, h = float(trace.cell[t, unit]), float(trace.hidden[t, unit])
    return Question(say("q_output", lang, j=unit, t=t), ("|C|", "|h|"), int(abs(h) > abs(c)),
                    say("q_output_explain", lang, c=f"{c:.3f}", h=f"{h:.3f}", o=f"{float(trace.output[t, unit]):.3f}"))


def _char_options(probs: np.ndarray, chars, k: int = 4) -> tuple[tuple[str, ...], int]:
    """The k likeliest characters as options, in vocabulary order (so the order gives nothing away)."""
    top = sorted(np.argsort(probs)[::-1][:k].tolist())
    return tuple(display_char(chars[i]) for i in top), top.index(int(np.argmax(probs)))


def next_char(trace, vocab_chars, lang: str) -> Question:
    options, answer = _char_options(trace.next_char_probs[-1], vocab_chars)
    p = float(trace.next_char_probs[-1].max())
    return Question(say("q_next_char", lang, text=display_char(trace.text[-12:])), options, answer,
                    say("q_next_char_explain", lang, c=options[answer], p=f"{p:.0%}"))


def fill_gap(bt, vocab_chars, lang: str) -> Question:
    t = int(np.flatnonzero(bt.hidden_mask)[0])
    options, answer = _char_options(bt.char_probs[t], vocab_chars)
    return Question(say("q_gap", lang), options, answer,
                    say("q_gap_explain", lang, c=options[answer], p=f"{float(bt.char_probs[t].max()):.0%}"))


def fewest_parameters(h: int, x: int, lang: str) -> Question:
    """For the same h and x: which of LSTM, GRU, simple RNN has the most parameters?"""
    kinds = ("lstm", "gru", "rnn")
    counts = [torch_count(k, h, x) for k in kinds]
    return Question(say("q_variants", lang, h=h, x=x), ("LSTM", "GRU", "RNN"), int(np.argmax(counts)),
                    say("q_variants_explain", lang, lstm=f"{counts[0]:,}", gru=f"{counts[1]:,}", rnn=f"{counts[2]:,}"))


def lstm_parameters(h: int, x: int, lang: str) -> Question:
    """How many parameters has nn.LSTM(x, h)? Options: the real count and three near misses."""
    real = torch_count("lstm", h, x)
    options = sorted({real, lesson_lstm(h, x), 4 * h * (h + x), h * (h + x) + h})
    return Question(say("q_params", lang, x=x, h=h), tuple(f"{n:,}" for n in options), options.index(real),
                    say("q_params_explain", lang, real=f"{real:,}", lesson=f"{lesson_lstm(h, x):,}",
                       formula=f"{formula_count('lstm', h, x):,}"))


def gradient_memory(rnn: np.ndarray, lstm: np.ndarray, lang: str, distance: int = MEMORY_DISTANCE) -> Question:
    """‖∂h_T/∂x_t‖ `distance` characters back: whose is larger (or about the same, within 10×)?"""
    a, b = float(rnn[-1 - distance]), float(lstm[-1 - distance])
    ratio = (b + 1e-300) / (a + 1e-300)
    answer = 2 if 0.1 < ratio < 10 else (1 if ratio >= 10 else 0)
    return Question(say("q_memory", lang, d=distance), ("RNN", "LSTM", say("q_same", lang)), answer,
                    say("q_memory_explain", lang, d=distance, rnn=f"{a:.1e}", lstm=f"{b:.1e}"))


def concat_size(bimodel, lang: str) -> Question:
    H = bimodel.hidden_size
    options = (str(H), str(2 * H), str(4 * H))
    return Question(say("q_concat", lang, h=H), options, 1, say("q_concat_explain", lang, h=H, h2=2 * H))


def which_gate(lang: str) -> Question:
    """A question of the lesson itself (no model decides it)."""
    return Question(say("q_which_gate", lang), ("f", "i", "o"), 0, say("q_which_gate_explain", lang))


def _asked_example(snap, examples, bidirectional: bool):
    """The example never trained on that a case page asks about: case 1, the first the model can read; case 2,
    the first with a full context whose next word is neither punctuation nor the text's most common word."""
    from collections import Counter

    can = askable(snap, examples)
    if not bidirectional or not can:
        return can[0] if can else None
    common = Counter(e.answer for e in examples).most_common(1)[0][0]
    return next((e for e in can if len(e.items) == CONTEXT and e.answer != common and e.answer.isalnum()), can[0])


def never_trained_on(snap, examples, bidirectional: bool, lang: str) -> Question | None:
    """Case pages: on an example never trained on, which symbol will the model (as it is now) name? Options: its
    four likeliest, in vocabulary order; None when no example can be read by the model."""
    e = _asked_example(snap, examples, bidirectional)
    if e is None:
        return None
    probs = read(snap, e.items).probs
    options, answer = _char_options(probs, snap.symbols)
    best = snap.symbols[int(np.argmax(probs))]
    shown = (" " if bidirectional else "").join(display_char(s) for s in e.items)
    prompt = say("q_case2" if bidirectional else "q_case1", lang, items=shown, word=e.label)
    verdict = say("q_case_same" if best == e.answer else "q_case_differs", lang, right=display_char(e.answer))
    return Question(prompt, options, answer,
                    say("q_case_explain", lang, best=display_char(best), p=f"{float(probs.max()):.0%}")
                    + ("" if lang == "zh" else " ") + verdict)


def most_saturated(shares: dict, lang: str) -> Question:
    """Unit explorer: over the corpus, which gate is most often saturated (below 0.1 or above 0.9)?
    shares: {gate: share of (unit, character) pairs saturated}."""
    gates = tuple(shares)
    values = [float(shares[g]) for g in gates]
    return Question(say("q_saturated", lang), gates, int(np.argmax(values)),
                    say("q_saturated_explain", lang, shares=" · ".join(f"{g} {v:.0%}" for g, v in zip(gates, values))))


# --- a page's question, asked from what the app holds ------------------------------------------------
class Source(Protocol):
    """What a page's question is computed from (the shell gives the cached models and results)."""
    lang: str
    counting_unit: int                       # the unit of C the probe found counting the column
    shipped_sizes: tuple[int, int]           # the shipped char LSTM's (h, x)
    char_vocab: list[str]
    bi_vocab: list[str]

    def trace(self, text: str): ...
    def bi_trace(self, text: str): ...
    def gradient_norms(self, kind: str, text: str) -> np.ndarray: ...
    def saturated_shares(self) -> dict: ...


def ask_memory(s: Source) -> Question:
    return gradient_memory(s.gradient_norms("rnn", MEMORY_TEXT), s.gradient_norms("lstm", MEMORY_TEXT), s.lang)


def _on_the_counter(builder):
    """A question on the counting example: builder(its trace, the counting unit, the language)."""
    return lambda s: builder(s.trace(COUNTER_TEXT), s.counting_unit, s.lang)


ask_cell = _on_the_counter(cell_at_break)
ask_forget = _on_the_counter(forget_at_break)
ask_input = _on_the_counter(written_after_break)
ask_output = _on_the_counter(cell_or_hidden)


def ask_next_char(s: Source) -> Question:
    return next_char(s.trace(CHAR_PROMPT), s.char_vocab, s.lang)


def ask_gap(s: Source) -> Question:
    return fill_gap(s.bi_trace(GAP_TEXT), s.bi_vocab, s.lang)


def ask_fewest(s: Source) -> Question:
    return fewest_parameters(*s.shipped_sizes, s.lang)


def ask_params(s: Source) -> Question:
    return lstm_parameters(*PARAMS_SIZES, s.lang)


def ask_saturated(s: Source) -> Question:
    return most_saturated(s.saturated_shares(), s.lang)
