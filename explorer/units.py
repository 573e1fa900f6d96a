"""What does unit j do? Select units on a span, match their pattern in a corpus, a unit's card, gate saturation.

The questions of LSTMVis (Strobelt et al., 2017) and of Karpathy, Johnson & Fei-Fei (2015), asked live:

- `select(trace, start, end, kind, threshold)`: the units that are on (value ≥ threshold) across the
  characters start..end−1 of a text and off just around them, best first.
- `CorpusIndex(model, text)`: every quantity of the model over a corpus, kept compact (uint8 with a
  scale per unit, one quantity built when first asked, at most MAX_KINDS kept); `corpus_index(model)`
  is the shipped corpus: the model's held-out text (never trained on) and the Chinese sentences.
- `match(index, units, kind, k, pattern=pattern_of(trace, units, start, end))`: the corpus passages where
  the units do what they did around the selected span (by default: on for 5 steps, off around).
- `top_contexts(index, unit, kind, k)`: the characters around a unit's highest (or lowest) values.
- `histogram(index, unit, kind)`, `explain(index, unit, kind, trace)`: its values, and how strongly it
  follows each property of the text (column, bracket depth, inside quotes, after a space, …).
- `saturation(index, kind)`: per unit, the fraction of steps a gate is below 0.1 and above 0.9.

Pure numpy; nothing here imports Streamlit or draws.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from explorer import probe, variants
from explorer.corpus import HARD_WRAP, WRAP, ZH_SENTENCES, wrap_paragraphs
from explorer.lstm import run
from explorer.models import SHIPPED, CharModel
from explorer.quantities import GATES, NAMES

KINDS = ("cell", "hidden", *(q for q in NAMES if q not in ("cell", "hidden")))   # C and h first: what a unit tracks
GATE_KINDS = GATES
FIXED_RANGE = {"forget": (0.0, 1.0), "input": (0.0, 1.0), "output": (0.0, 1.0),
               "candidate": (-1.0, 1.0), "hidden": (-1.0, 1.0)}       # the cell's range is measured
LOW, HIGH = 0.1, 0.9            # a gate is "saturated" below LOW (closed) or above HIGH (open)
MAX_KINDS = 4                   # quantities kept at once: 4 × 153k × 128 bytes ≈ 78 MB
CHUNK = 2048                    # steps run at a time (the run's float32 scratch stays ≈ 10 MB)
DEFAULT_THRESHOLD = {"cell": 1.0, "hidden": 0.3, "forget": 0.5, "input": 0.5, "candidate": 0.3, "output": 0.5}


def cjk(text: str) -> np.ndarray:
    """1 where the character is a Chinese character (CJK unified ideographs), else 0."""
    return np.array([0x3400 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF for c in text], float)


def after_space(text: str) -> np.ndarray:
    """1 on the character that follows a space."""
    out = np.zeros(len(text))
    out[1:] = [c == " " for c in text[:-1]]
    return out


def word_position(text: str) -> np.ndarray:
    """Characters since the last space or line break (0 on the space itself)."""
    out, k = np.empty(len(text)), 0
    for t, c in enumerate(text):
        k = 0 if c in " \n" else k + 1
        out[t] = k
    return out


PROPERTIES = {**probe.PROPERTIES, "word_position": word_position, "after_space": after_space, "chinese": cjk}


def corpus_text() -> str:
    """The shipped corpus: the held-out English text (explorer.training.probe writes it) and the Chinese sentences,
    wrapped as the model's training text was."""
    english = probe.held_out_path(SHIPPED).read_text(encoding="utf-8")
    lines = [line for line in ZH_SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return english.rstrip("\n") + "\n\n" + "\n\n".join(wrap_paragraphs(line, WRAP, HARD_WRAP) for line in lines) + "\n"


# --- on the current text ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Selected:
    unit: int
    score: float      # inside − outside: 1 = on at every step of the span and off at every step around it
    inside: float     # fraction of the span's steps where the unit is on
    outside: float    # fraction of the steps around the span where it is on
    contrast: float   # (mean inside − mean around) / the unit's spread over the text: breaks ties


def around(T: int, start: int, end: int, margin: int) -> np.ndarray:
    """The steps just before and just after [start, end), up to `margin` on each side, inside 0..T−1."""
    return np.r_[max(0, start - margin):start, end:min(T, end + margin)].astype(int)


def select(trace, start: int, end: int, kind: str = "cell", threshold: float | None = None,
           margin: int = 3, k: int = 10, min_inside: float = 1.0) -> list[Selected]:
    """The units on (≥ threshold) across characters start..end−1 and off on the `margin` characters either
    side, best first (at most k). A unit must be on at a fraction ≥ min_inside of the span's steps."""
    values = np.asarray(getattr(trace, kind), np.float64)          # (T, H)
    T = len(values)
    if not 0 <= start < end <= T:
        raise ValueError(f"the span {start}..{end} is not inside the text's {T} characters")
    threshold = DEFAULT_THRESHOLD[kind] if threshold is None else threshold
    on = values >= threshold
    inside = on[start:end].mean(0)
    out_steps = around(T, start, end, margin)
    outside = on[out_steps].mean(0) if len(out_steps) else np.zeros(values.shape[1])
    spread = values.std(0) + 1e-6
    mean_out = values[out_steps].mean(0) if len(out_steps) else values.mean(0)
    contrast = (values[start:end].mean(0) - mean_out) / spread
    score = inside - outside
    keep = np.flatnonzero((inside >= min_inside - 1e-9) & (score > 0))
    order = sorted(keep, key=lambda j: (-score[j], -contrast[j]))[:k]
    return [Selected(int(j), float(score[j]), float(inside[j]), float(outside[j]), float(contrast[j])) for j in order]


# --- over a corpus -----------------------------------------------------------------------------------
class CorpusIndex:
    """One model's quantities over one corpus, as uint8 codes: value = lo[j] + code · step[j].

    Thread-safe: shared by every session of the app. nbytes counts what it holds."""

    def __init__(self, model: CharModel, text: str, max_kinds: int = MAX_KINDS, runner=None):
        """runner: a function giving (start, LSTMRun) pieces that cover the text in order (default: the
        model's LSTM over the text in chunks of CHUNK steps, the state carried across)."""
        if not text:
            raise ValueError("the corpus is empty")
        self.model, self.text, self.max_kinds = model, text, max_kinds
        self._runner = runner
        self.ids = np.array(model.vocab.encode(text), np.int32) if runner is None else np.zeros(0, np.int32)
        self.lines = np.cumsum([c == "\n" for c in text], dtype=np.int32)   # line breaks up to and at t
        self._codes: OrderedDict[str, np.ndarray] = OrderedDict()
        self._props: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        H = model.hidden_size
        self.lo = {k: np.full(H, a, np.float32) for k, (a, _) in FIXED_RANGE.items()}
        self.hi = {k: np.full(H, b, np.float32) for k, (_, b) in FIXED_RANGE.items()}
        low = {g: np.zeros(H) for g in GATE_KINDS}
        high = {g: np.zeros(H) for g in GATE_KINDS}
        c_lo, c_hi = np.full(H, np.inf, np.float32), np.full(H, -np.inf, np.float32)
        for _, r in self._runs():           # one pass for what every view needs: the cell's range, saturation
            c_lo, c_hi = np.minimum(c_lo, r.cell.min(0)), np.maximum(c_hi, r.cell.max(0))
            for g in GATE_KINDS:
                v = getattr(r, g)
                low[g] += (v < LOW).sum(0)
                high[g] += (v > HIGH).sum(0)
        self.lo["cell"], self.hi["cell"] = c_lo, np.maximum(c_hi, c_lo + 1e-6)
        self.saturation = {g: (low[g] / len(text), high[g] / len(text)) for g in GATE_KINDS}

    def __len__(self) -> int:
        return len(self.text)

    def _runs(self):
        """(start, LSTMRun) for the corpus in chunks, the state carried from one chunk to the next."""
        if self._runner is not None:
            yield from self._runner()
            return
        m, h, c = self.model, None, None
        for s in range(0, len(self.ids), CHUNK):
            r = run(m.lstm, m.embedding[self.ids[s:s + CHUNK]], h0=h, c0=c)
            h, c = r.hidden[-1].copy(), r.cell[-1].copy()
            yield s, r

    def step(self, kind: str) -> np.ndarray:
        return (self.hi[kind] - self.lo[kind]) / 255

    def codes(self, kind: str) -> np.ndarray:
        """(N, H) uint8, built on first use; the least recently used quantity is dropped past max_kinds."""
        if kind not in KINDS:
            raise ValueError(f"unknown quantity {kind!r}; one of {', '.join(KINDS)}")
        with self._lock:
            if kind in self._codes:
                self._codes.move_to_end(kind)
                return self._codes[kind]
            out = np.empty((len(self.text), self.model.hidden_size), np.uint8)
            lo, step = self.lo[kind], self.step(kind)
            for s, r in self._runs():
                q = np.rint((getattr(r, kind) - lo) / step)
                out[s:s + len(q)] = np.clip(q, 0, 255)
            self._codes[kind] = out
            while len(self._codes) > self.max_kinds:
                self._codes.popitem(last=False)
            return out

    def values(self, kind: str, unit: int) -> np.ndarray:
        """(N,) float32: one unit's values over the corpus (to within half a step)."""
        return self.lo[kind][unit] + self.codes(kind)[:, unit].astype(np.float32) * self.step(kind)[unit]

    def on(self, kind: str, units, threshold: float) -> np.ndarray:
        """(N, len(units)) bool: value ≥ threshold, decided on the codes."""
        units = np.asarray(units, int)
        cut = np.ceil((threshold - self.lo[kind][units]) / self.step(kind)[units] - 1e-6)
        return self.codes(kind)[:, units] >= np.clip(cut, 0, 256)[None, :]

    def prop(self, name: str) -> np.ndarray:
        with self._lock:
            if name not in self._props:
                self._props[name] = PROPERTIES[name](self.text).astype(np.float32)
            return self._props[name]

    def place(self, t: int) -> tuple[int, int]:
        """(line, column), both from 1: where character t of the corpus is."""
        line = int(self.lines[t - 1]) if t > 0 else 0
        start = self.text.rfind("\n", 0, t) + 1
        return line + 1, t - start + 1

    @property
    def nbytes(self) -> int:
        return (sum(a.nbytes for a in self._codes.values()) + sum(a.nbytes for a in self._props.values())
                + self.ids.nbytes + self.lines.nbytes + len(self.text.encode("utf-8")))


_INDEXES: dict[int, tuple[CharModel, CorpusIndex]] = {}
_INDEX_LOCK = threading.Lock()


def corpus_index(model: CharModel) -> CorpusIndex:
    """The shipped corpus's index for this model, made once per process."""
    with _INDEX_LOCK:
        held = _INDEXES.get(id(model))
        if held is None or held[0] is not model:
            held = _INDEXES[id(model)] = (model, CorpusIndex(model, corpus_text()))
        return held[1]


OWN_STEPS = 4_000_000     # a model of yours: steps × units read from the corpus (≤ 24 MB of codes for all six)


def own_index(model, layer: int = 0, direction: str = "forward", text: str | None = None) -> CorpusIndex:
    """The corpus index of one layer (and direction) of a character-level model of yours
    (explorer.own_model.OwnModel), over as much of the corpus as OWN_STEPS allows; all six quantities
    built at once. The backward direction's corpus is in the order it reads (from the end)."""
    text = corpus_text() if text is None else text
    text = text[: max(1, OWN_STEPS // model.hidden_size)]
    tr = model.trace(text, layer, direction)
    read = "".join(tr.chars) if direction == "backward" else text
    index = CorpusIndex(model.weights(layer, direction), read, max_kinds=len(KINDS), runner=lambda: [(0, tr.run)])
    for kind in KINDS:
        index.codes(kind)
    return index


def _index(source) -> CorpusIndex:
    return source if isinstance(source, CorpusIndex) else corpus_index(source)


@dataclass(frozen=True)
class Pattern:
    """What the chosen units do around a span, step by step: expect[d] is True where (most of) them are
    on. The span itself is expect[offset:offset + length]."""
    expect: tuple[bool, ...]
    offset: int
    length: int

    @classmethod
    def block(cls, length: int, margin: int = 1) -> "Pattern":
        """On for `length` steps, off for `margin` steps before and after."""
        return cls((False,) * margin + (True,) * length + (False,) * margin, margin, length)


def pattern_of(trace, units, start: int, end: int, kind: str = "cell", threshold: float | None = None,
               margin: int = 3) -> Pattern:
    """The pattern the units make on a text around its characters start..end−1 (a majority vote per step)."""
    values = np.asarray(getattr(trace, kind))[:, list(units)]
    threshold = DEFAULT_THRESHOLD[kind] if threshold is None else threshold
    a, b = max(0, start - margin), min(len(values), end + margin)
    on = (values[a:b] >= threshold).mean(1) > 0.5
    return Pattern(tuple(bool(x) for x in on), start - a, end - start)


@dataclass(frozen=True)
class Passage:
    start: int        # the span that matches is characters start..end−1 of the corpus
    end: int
    score: float      # 1 = the units do exactly what the pattern says at every step of it
    line: int         # where the span starts, both from 1
    column: int


def match(source, units, kind: str = "cell", k: int = 10, threshold: float | None = None,
          pattern: Pattern | None = None) -> list[Passage]:
    """The k corpus passages where `units` follow the pattern best (default: on for 5 steps, off the step
    before and after), not overlapping, best first. source: a CorpusIndex or a model.

    score = the mean, over the pattern's steps, of the fraction of units doing what it expects there."""
    index = _index(source)
    units = list(dict.fromkeys(int(u) for u in units))
    if not units:
        raise ValueError("choose at least one unit")
    pattern = pattern or Pattern.block(5)
    threshold = DEFAULT_THRESHOLD[kind] if threshold is None else threshold
    count = index.on(kind, units, threshold).sum(1, dtype=np.int64)          # (N,) units on at each step
    cum = np.concatenate([[0], np.cumsum(count)])
    N, W, K = len(count), len(pattern.expect), len(units)
    if N < W:
        return []
    p = np.arange(N - W + 1)                                                 # the pattern's first step
    agree = np.zeros(len(p), np.int64)                                       # unit-steps as expected
    expect = np.asarray(pattern.expect, bool)
    edges = np.flatnonzero(np.diff(expect.astype(int))) + 1                  # the pattern in runs of on / off
    for d0, d1 in zip(np.r_[0, edges], np.r_[edges, W]):
        on_sum = cum[p + d1] - cum[p + d0]
        agree += on_sum if expect[d0] else (d1 - d0) * K - on_sum
    score = agree / (W * K)
    order = np.argsort(-score, kind="stable")
    taken = np.zeros(N, bool)
    found: list[Passage] = []
    for q in order:
        if len(found) == k:
            break
        s = int(q) + pattern.offset
        e = s + pattern.length
        if taken[s:e].any():
            continue
        taken[s:e] = True
        found.append(Passage(s, e, float(score[q]), *index.place(s)))
    return found


@dataclass(frozen=True)
class Context:
    t: int            # the character of the corpus where the value is
    value: float
    line: int
    column: int


def top_contexts(source, unit: int, kind: str = "cell", k: int = 5, lowest: bool = False,
                 apart: int = 20) -> list[Context]:
    """The k places of the corpus where the unit's value is highest (or lowest), at least `apart`
    characters from each other (so one long run counts once)."""
    index = _index(source)
    v = index.values(kind, unit)
    order = np.argsort(v if lowest else -v, kind="stable")
    taken = np.zeros(len(v), bool)
    out: list[Context] = []
    for t in order:
        if len(out) == k:
            break
        if taken[t]:
            continue
        taken[max(0, t - apart + 1):t + apart] = True
        out.append(Context(int(t), float(v[t]), *index.place(int(t))))
    return out


def histogram(source, unit: int, kind: str = "cell", bins: int = 32) -> tuple[np.ndarray, np.ndarray]:
    """(edges (bins+1,), counts (bins,)) of the unit's values over the corpus."""
    index = _index(source)
    counts256 = np.bincount(index.codes(kind)[:, unit], minlength=256)
    per = 256 // bins
    counts = counts256.reshape(bins, per).sum(1)
    lo, step = index.lo[kind][unit], index.step(kind)[unit]
    edges = lo + (np.arange(bins + 1) * per - 0.5) * step
    return edges.astype(np.float64), counts


def correlation(values: np.ndarray, prop: np.ndarray) -> float:
    """Pearson correlation; 0 where either does not vary."""
    v, p = values - values.mean(), prop - prop.mean()
    denom = float(np.sqrt((v ** 2).sum() * (p ** 2).sum()))
    return float((v * p).sum() / denom) if denom > 1e-12 else 0.0


def explain(source, unit: int, kind: str = "cell", trace=None) -> dict[str, dict[str, float | None]]:
    """For each property: the correlation of the unit's values with it over the corpus, and over the
    trace's text when one is given (None where the text is too short or the property does not vary)."""
    index = _index(source)
    v = index.values(kind, unit).astype(np.float64)
    out = {}
    for name, fn in PROPERTIES.items():
        live = None
        if trace is not None and len(trace) > 2:
            p = fn(trace.text)[:len(trace)]
            live = correlation(np.asarray(getattr(trace, kind)[:, unit], np.float64), p) if p.std() > 0 else None
        out[name] = {"corpus": correlation(v, index.prop(name).astype(np.float64)), "text": live}
    return out


def saturation(source, kind: str = "forget") -> tuple[np.ndarray, np.ndarray]:
    """(fraction of steps < 0.1, fraction > 0.9) per unit of a gate over the corpus, each (H,)."""
    index = _index(source)
    if kind not in GATE_KINDS:
        raise ValueError(f"saturation is for the gates ({', '.join(GATE_KINDS)}), not {kind!r}")
    return index.saturation[kind]


def gate_saturation(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The same for any gate's (T, H) values, e.g. a variant's."""
    v = np.asarray(values)
    return (v < LOW).mean(0), (v > HIGH).mean(0)


def variant_saturation(models: dict, ids: np.ndarray) -> dict[str, dict[str, tuple]]:
    """kind -> gate name -> (low, high), for the variants that have gates (peephole, coupled, GRU), over
    the characters `ids` (their loops are numpy: give them a sample, e.g. 20,000 characters)."""
    out = {}
    for kind, vm in models.items():
        if kind not in variants.TRAINED:
            continue
        r = vm.run(np.asarray(ids, np.int64))
        gates = {name: gate_saturation(v) for name, v in r.quantities.items() if name in ("f", "i", "o", "r", "z")}
        if kind == "coupled":
            gates.pop("i", None)       # i = 1 − f: the forget gate's units mirrored
        out[kind] = gates
    return out
