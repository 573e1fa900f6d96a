"""The lesson's two case studies, trained live.

- Case 1, last letter: an LSTM reads the first letters of a word and predicts its last letter.
  The lesson's words: make need coal word love hate live home hash star.
- Case 2, next word: a Bi-LSTM reads the last CONTEXT words of a sentence both ways and predicts
  the word that follows, from [h→ at the last word ; h← at the first word].

Both are trained in torch (full batch, Adam, a fixed seed) in steps that a background job runs
(explorer/training/train_cases.py); a snapshot of the weights comes back as a Snapshot of
explorer.lstm.LSTMWeights, so every gate shown is computed by the lesson's equations (explorer.lstm.run).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from explorer.lstm import LSTMRun, LSTMWeights, run, softmax

DEFAULT_WORDS = ["make", "need", "coal", "word", "love", "hate", "live", "home", "hash", "star"]
HELD_OUT_WORDS = ["bake", "seed", "goal", "lord", "dove", "gate", "hive", "dome", "cash", "scar"]  # never trained on:
# each shares its last letters with a training word; right answers there are learned, not memorised
SLOW_STEPS = 30           # case 1's first steps are reported one by one, SLOW_SECONDS apart, to be watched
SLOW_SECONDS = 0.25
MAX_WORDS = 2000          # a word list is cut to this many (with a notice)
MAX_WORD_LEN = 30
MAX_TEXT_WORDS = 3000     # case 2: a pasted text is cut to this many words
MAX_SYMBOLS = 2000        # distinct characters (case 1) or words (case 2) a training may have
MAX_TRAIN_MB = 160        # what a training's full batch of guesses may take (a job of its own: three at once)
CONTEXT = 4               # case 2: how many words the Bi-LSTM reads before the one it predicts
EXAMPLES_SHOWN = 40       # case 2: the first sentence starts of the text offered as examples to watch
DEFAULT_PARAGRAPH = (
    "the cat sat on the mat . the dog sat on the rug . the cat saw the dog . the dog saw the cat . "
    "a bird sang in the tree . the cat ran to the tree . the bird flew over the house . "
    "the dog ran to the house . we read a book in the house . we read the book to the cat . "
    "the sun is warm and the sky is blue . the rain is cold and the sky is grey . "
    "i love the warm sun . i love the cold rain . the cat sat in the sun . the dog sat in the rain . "
    "the bird sat on the house . a cat ran to the mat . the dog slept on the rug . the cat slept in the sun . "
    "we saw a bird in the tree . we saw the dog in the rain . the bird saw the cat and flew to the tree . "
    "the dog heard the bird and ran to the house . i read a book in the sun . we love the blue sky . "
    "the sky is grey in the rain . the sun is warm on the mat . the cat is warm and the dog is cold ."
)
DEFAULT_PARAGRAPH_ZH = (   # in the 中文 UI: each 汉字 is a token, so the Bi-LSTM names the next character
    "小猫坐在垫子上。小狗坐在地毯上。小猫看见了小狗。小狗看见了小猫。小鸟在树上唱歌。小猫跑到树下。"
    "小鸟飞过房子。小狗跑进房子。我们在房子里读书。我们给小猫读书。太阳很暖和，天空很蓝。雨很冷，天空很灰。"
    "我爱温暖的太阳。我爱冰冷的雨。小猫坐在太阳下。小狗坐在雨里。小鸟坐在房子上。小猫睡在垫子上。小狗睡在地毯上。"
    "我们看见小鸟在树上。我们看见小狗在雨里。小鸟看见了小猫，飞到树上。小狗看见了小鸟，跑进房子。"
    "我在太阳下读书。我们爱蓝色的天空。下雨的时候天空很灰。小猫很暖和，小狗很冷。"
)
# Case 2's sentences never trained on: the paragraph's words in new combinations. A right next word here is
# learned (what follows "sat", what follows "the"), not remembered.
HELD_OUT_SENTENCES = ("the dog sat on the mat . the bird ran to the tree . we read a book to the dog . "
                      "the cat slept on the rug . i love the blue sky .")
HELD_OUT_SENTENCES_ZH = "小狗坐在垫子上。小鸟跑到树下。我们给小狗读书。小猫睡在地毯上。我爱蓝色的天空。"


def default_paragraph(lang: str) -> str:
    return DEFAULT_PARAGRAPH_ZH if lang == "zh" else DEFAULT_PARAGRAPH


def default_held_out(lang: str) -> str:
    return HELD_OUT_SENTENCES_ZH if lang == "zh" else HELD_OUT_SENTENCES


@dataclass(frozen=True)
class WordList:
    words: list[str]
    dropped_short: list[str]
    dropped_duplicates: list[str]
    truncated_from: int | None   # the original count when cut to MAX_WORDS
    too_long: list[str]


def parse_words(raw: str) -> WordList:
    """Words separated by spaces, commas or new lines; keeps the first of duplicates, drops
    one-letter words and words over MAX_WORD_LEN characters."""
    items = [w for w in re.split(r"[\s,，、;；]+", raw) if w]
    truncated = len(items) if len(items) > MAX_WORDS else None
    items = items[:MAX_WORDS]
    seen, words, short, dups, long_ = set(), [], [], [], []
    for w in items:
        if len(w) < 2:
            short.append(w)
        elif len(w) > MAX_WORD_LEN:
            long_.append(w)
        elif w in seen:
            dups.append(w)
        else:
            seen.add(w)
            words.append(w)
    return WordList(words, short, dups, truncated, long_)


def tokenize(text: str) -> list[str]:
    """Lower-case words and punctuation marks as tokens; Chinese characters one token each."""
    return re.findall(r"[\u4e00-\u9fff]|[^\W\d_]+(?:'[^\W\d_]+)?|\d+|[^\w\s]", text.lower())


@dataclass(frozen=True)
class Example:
    label: str          # as offered in the list
    items: list[str]    # what the model reads
    answer: str         # what it should say


@dataclass(frozen=True)
class Case:
    """One case study: what its model reads and predicts. The page around it is explorer/shell/case_page.py.

    name: its job's name and the key of CASES; prefix: its strings' and widgets' prefix (and the page's URL)."""
    name: str
    prefix: str
    bidirectional: bool
    defaults: dict              # the settings a page starts with
    first_examples: tuple       # the example shown first, in English and in 中文: one the defaults get right
    held_out: tuple = ()        # case 1's words never trained on, whose accuracy is reported as training goes
    slow_steps: int = 0         # the first steps are reported one by one, SLOW_SECONDS apart, to be watched

    def examples(self, data: list[str]) -> list[Example]:
        raise NotImplementedError

    def held_out_examples(self, held, data: list[str]) -> list[Example]:
        """The examples never trained on: from `held` (case 1: words; case 2: a text), less what `data` has."""
        raise NotImplementedError

    def pairs(self, data: list[str]) -> tuple[list[str], list[list[int]], list[int]]:
        """(symbols, inputs as ids, target ids): the training set."""
        raise NotImplementedError

    def items(self, typed: str) -> list[str]:
        """What the model reads of a text typed into "try it"."""
        raise NotImplementedError

    def maps(self, reading: "Reading") -> dict:
        """The maps its page draws for one reading."""
        raise NotImplementedError

    def default_example(self, shown: list[Example]) -> int:
        """The index of the first example among those shown, or 0 when the user's data does not have it."""
        return next((i for i, e in enumerate(shown) if e.label in self.first_examples), 0)


class LastLetter(Case):
    """Case 1: each word reads all but its last letter and names that letter."""

    def examples(self, data):
        return [Example(w, list(w[:-1]), w[-1]) for w in data]

    def held_out_examples(self, held, data):
        return self.examples([w for w in held if w not in set(data)])

    def pairs(self, data):
        symbols = sorted({c for w in data for c in w})
        index = {c: i for i, c in enumerate(symbols)}
        return symbols, [[index[c] for c in w[:-1]] for w in data], [index[w[-1]] for w in data]

    def items(self, typed):
        return list(typed)

    def maps(self, reading):
        r = reading.forward
        return {"forget": r.forget, "input": r.input, "cell": r.cell, "output": r.output, "hidden": r.hidden}


class NextWord(Case):
    """Case 2: each place in the text reads up to CONTEXT words before it, both ways, and names the next."""

    def examples(self, data):
        out = []
        for k in range(1, min(len(data), EXAMPLES_SHOWN)):
            items = data[max(0, k - CONTEXT):k]
            out.append(Example(" ".join(items), items, data[k]))
        return out

    def held_out_examples(self, held, data):
        """Every next word of the held-out text, read from up to CONTEXT words of that text before it."""
        tokens = tokenize(held) if isinstance(held, str) else list(held)
        return [Example(" ".join(tokens[max(0, k - CONTEXT):k]), tokens[max(0, k - CONTEXT):k], tokens[k])
                for k in range(1, len(tokens))]

    def pairs(self, data):
        symbols = sorted(set(data))
        index = {w: i for i, w in enumerate(symbols)}
        ids = [index[w] for w in data]
        return symbols, [ids[max(0, k - CONTEXT):k] for k in range(1, len(ids))], ids[1:]

    def items(self, typed):
        return tokenize(typed)[-CONTEXT:]

    def maps(self, reading):
        return {"forget": reading.forward.forget, "forward": reading.forward.hidden, "backward": reading.backward.hidden}


LAST_LETTER = LastLetter("last_letter", "case1", False, dict(hidden=32, lr=0.01, steps=300, seed=0), ("make",),
                         tuple(HELD_OUT_WORDS), slow_steps=SLOW_STEPS)
NEXT_WORD = NextWord("next_word", "case2", True, dict(hidden=16, lr=0.002, steps=600, seed=0),
                     ("the dog saw the",   # → cat; "the cat saw the" → dog: the answer hangs on a word 3 back
                      "小 鸟 在 树"),       # → 上
                     slow_steps=SLOW_STEPS)   # (hidden 16, lr 0.002: 90% after about 250 steps, not 30)
CASES = {c.name: c for c in (LAST_LETTER, NEXT_WORD)}


@dataclass(frozen=True)
class Snapshot:
    """The weights at one moment of training, as numpy (the pages run the equations on these)."""
    symbols: list[str]          # case 1: characters; case 2: words
    embedding: np.ndarray
    forward: LSTMWeights
    backward: LSTMWeights | None
    decoder_weight: np.ndarray
    decoder_bias: np.ndarray

    def encode(self, items) -> np.ndarray | None:
        index = {s: i for i, s in enumerate(self.symbols)}
        ids = [index.get(s) for s in items]
        return None if any(i is None for i in ids) else np.array(ids, np.int64)


@dataclass(frozen=True)
class Reading:
    """What a snapshot does with one input: the LSTM runs (gates for every step) and the prediction."""
    items: list[str]
    forward: LSTMRun
    backward: LSTMRun | None     # in input order (h← at index k)
    probs: np.ndarray            # over the snapshot's symbols


def read(snap: Snapshot, items: list[str]) -> Reading | None:
    """None when an item is not in the snapshot's vocabulary."""
    ids = snap.encode(items)
    if ids is None or len(ids) == 0:
        return None
    x = snap.embedding[ids]
    fwd = run(snap.forward, x)
    if snap.backward is None:
        feat = fwd.hidden[-1]
        bwd = None
    else:
        bwd_rev = run(snap.backward, x[::-1])
        bwd = LSTMRun(**{k: v[::-1] for k, v in bwd_rev.__dict__.items()})
        feat = np.concatenate([fwd.hidden[-1], bwd.hidden[0]])
    return Reading(list(items), fwd, bwd, softmax(snap.decoder_weight @ feat + snap.decoder_bias))


def training_size(case: Case | str, data) -> tuple[int, float]:
    """(distinct symbols, MB) of a training on `data`: the full batch's guesses over every symbol, with
    their gradients, softmax and Adam's copies (about four float32 copies of batch × symbols)."""
    case = CASES[case] if isinstance(case, str) else case
    symbols, inputs, _ = case.pairs(data)
    return len(symbols), len(inputs) * len(symbols) * 4 * 4 / 2**20


def too_big(case: Case | str, data) -> dict | None:
    """The values of a refusal's sentence when a training on `data` is over the caps, else None."""
    n, mb = training_size(case, data)
    if n > MAX_SYMBOLS or mb > MAX_TRAIN_MB:
        return {"n": f"{n:,}", "cap": f"{MAX_SYMBOLS:,}", "mb": f"{mb:,.0f}", "mb_cap": MAX_TRAIN_MB}
    return None


def askable(snap: "Snapshot", examples: list[Example]) -> list[Example]:
    """The examples a snapshot can be asked: every item and the answer among its symbols."""
    known = set(snap.symbols)
    return [e for e in examples if e.items and e.answer in known and all(s in known for s in e.items)]


def held_out_accuracy(snap: "Snapshot", examples: list[Example]) -> dict:
    """{"held_out": share of the examples the model gets right, "held_out_n": how many could be asked}
    ({} when none can be asked)."""
    asked = askable(snap, examples)
    if not asked:
        return {}
    right = sum(int(read(snap, e.items).probs.argmax()) == snap.symbols.index(e.answer) for e in asked)
    return {"held_out": right / len(asked), "held_out_n": len(asked)}
