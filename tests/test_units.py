"""The unit explorer's API (explorer.units), checked on a model built by hand, where the right answer is
known, and on the shipped model's column unit."""
import json

import numpy as np
import pytest
import torch

from explorer import units
from explorer.lstm import LSTMWeights, sigmoid
from explorer.models import SHIPPED, CharModel
from explorer.probe import column, probe_path
from explorer.tracing import trace
from explorer.vocab import UNKNOWN_MARK, Vocab

LETTERS = "abcdefghij"
BIASES = (-3.0, -2.0, 0.0, 2.0, 3.0)   # forget-gate biases of units 1..5 (no weights): σ(b) all the time


def counting_model() -> CharModel:
    """Unit 0's cell adds 1 per character and goes back to 0 at a line break; units 1..5 only have biases.

    x is one-hot. At a letter or space: f = i = σ(20) ≈ 1, C̃ = tanh(20) ≈ 1, so C += 1.
    At "\\n": f = i = σ(−20) ≈ 0, so C = 0."""
    vocab = Vocab((UNKNOWN_MARK, *sorted(LETTERS + " \n")))
    V, H = len(vocab), 1 + len(BIASES)
    newline = vocab.encode("\n")[0]
    w_ih, w_hh = np.zeros((4 * H, V), np.float32), np.zeros((4 * H, H), np.float32)
    b = np.zeros(4 * H, np.float32)
    blocks = {g: k * H for k, g in enumerate(("input", "forget", "candidate", "output"))}
    for g in ("input", "forget"):
        w_ih[blocks[g], :] = 20.0
        w_ih[blocks[g], newline] = -20.0
    b[blocks["candidate"]] = 20.0
    b[blocks["forget"] + 1:blocks["forget"] + H] = BIASES
    lstm = LSTMWeights(w_ih, w_hh, b, np.zeros(4 * H, np.float32))
    return CharModel(vocab, np.eye(V, dtype=np.float32), lstm, np.zeros((V, H), np.float32), np.zeros(V, np.float32))


def lines_text(n: int = 300, seed: int = 0) -> str:
    rng = np.random.default_rng(seed)
    return "\n".join("".join(rng.choice(list(LETTERS + " "), rng.integers(10, 31))) for _ in range(n)) + "\n"


@pytest.fixture(scope="module")
def hand():
    m = counting_model()
    return m, units.CorpusIndex(m, lines_text())


def test_the_hand_built_cell_counts_the_column(hand):
    m, index = hand
    text = index.text
    c = trace(m, text).cell[:, 0]
    np.testing.assert_allclose(c, column(text), atol=1e-4)
    np.testing.assert_allclose(index.values("cell", 0), c, atol=index.step("cell")[0] / 2 + 1e-5)


def test_select_after_a_line_break_finds_unit_0(hand):
    m, _ = hand
    text = "abc def\nabcdefghij"
    tr = trace(m, text)
    start = text.index("\n") + 1
    found = units.select(tr, start, len(text), "cell", 0.5)
    assert [s.unit for s in found] == [0]
    assert found[0].inside == 1.0 and found[0].outside < 1.0
    assert units.select(tr, 0, 3, "cell", 0.5, margin=0)[0].unit == 0    # on, and nothing around to be off
    with pytest.raises(ValueError):
        units.select(tr, 5, 5)


def test_match_finds_the_line_starts_of_the_corpus(hand):
    m, index = hand
    text = "abc def\nabcdefghij"
    start = text.index("\n") + 1
    pattern = units.pattern_of(trace(m, text), [0], start, start + 5, "cell", 0.5)
    assert pattern.expect[:pattern.offset] == (True, True, False)        # e, f on; the line break off
    found = units.match(index, [0], "cell", k=10, threshold=0.5, pattern=pattern)
    assert len(found) == 10
    for p in found:
        assert index.text[p.start - 1] == "\n" and p.column == 1 and p.score == 1.0
    assert len({p.start for p in found}) == 10
    # the default pattern (on 5 steps, off before and after) fits no line (all are ≥ 10 long) better than
    # by a line break on one side: six of its seven steps
    for p in units.match(index, [0], "cell", k=5, threshold=0.5):
        assert "\n" in (index.text[p.start - 1], index.text[p.end]) and p.score == pytest.approx(6 / 7)


def test_top_contexts_of_unit_0_are_line_ends(hand):
    _, index = hand
    top = units.top_contexts(index, 0, "cell", k=8)
    assert len(top) == 8
    for c in top:
        assert index.text[c.t + 1] == "\n"
        assert c.value == pytest.approx(column(index.text)[c.t], abs=0.1)
    low = units.top_contexts(index, 0, "cell", k=5, lowest=True)
    assert all(index.text[c.t] == "\n" for c in low)


def test_saturation_is_what_the_sigmoid_says(hand):
    _, index = hand
    low, high = units.saturation(index, "forget")
    for j, b in enumerate(BIASES, start=1):
        s = float(sigmoid(np.float64(b)))
        assert low[j] == float(s < 0.1) and high[j] == float(s > 0.9), (b, low[j], high[j])
    breaks = index.text.count("\n") / len(index)
    assert low[0] == pytest.approx(breaks) and high[0] == pytest.approx(1 - breaks)
    with pytest.raises(ValueError):
        units.saturation(index, "cell")


def test_explain_and_histogram(hand):
    m, index = hand
    why = units.explain(index, 0, "cell", trace(m, "ab\nabc\nabcd\na"))
    assert why["column"]["corpus"] > 0.999 and why["column"]["text"] > 0.999
    assert abs(why["chinese"]["corpus"]) < 1e-9 and why["chinese"]["text"] is None  # no Chinese: nothing to follow
    edges, counts = units.histogram(index, 0, "cell", bins=16)
    assert counts.sum() == len(index) and len(edges) == 17
    assert edges[0] < 0 < edges[1]                 # every line break is a 0
    assert counts[0] >= index.text.count("\n")


def test_the_index_is_compact_and_keeps_few_quantities():
    m = counting_model()
    index = units.CorpusIndex(m, lines_text(60), max_kinds=2)
    for kind in ("cell", "hidden", "forget"):
        assert index.codes(kind).dtype == np.uint8
    assert list(index._codes) == ["hidden", "forget"]
    assert index.nbytes < 3 * len(index) * m.hidden_size + 10 * len(index)
    with pytest.raises(ValueError):
        index.codes("nonsense")


def test_chunks_carry_the_state(monkeypatch):
    """A corpus longer than one chunk reads as one text: the same as torch.nn.LSTM over all of it."""
    monkeypatch.setattr(units, "CHUNK", 97)
    m = counting_model()
    text = lines_text(20, seed=3)
    index = units.CorpusIndex(m, text)
    x = torch.from_numpy(m.embedding[m.vocab.encode(text)])[None]
    with torch.no_grad():
        out, _ = m.as_torch_lstm()(x)
    for kind, j in (("hidden", 0), ("hidden", 3), ("output", 2)):
        want = out[0, :, j].numpy() if kind == "hidden" else getattr(trace(m, text), kind)[:, j]
        np.testing.assert_allclose(index.values(kind, j), want, atol=float(index.step(kind)[j]) / 2 + 1e-5)


def test_variant_saturation_is_each_gate_over_the_sample(model):
    from explorer.models import ASSETS
    from explorer.variants import load_variants

    variants = load_variants(ASSETS / "variants.npz")
    ids = np.array(model.vocab.encode("Return the list of (key, value) pairs.\nA line.\n" * 3), np.int64)
    sat = units.variant_saturation(variants, ids)
    assert set(sat) == {"peephole", "coupled", "gru"}
    assert set(sat["gru"]) == {"r", "z"} and set(sat["coupled"]) == {"f", "o"}
    z = variants["gru"].run(ids).quantities["z"]
    np.testing.assert_array_equal(sat["gru"]["z"][0], (z < 0.1).mean(0))
    np.testing.assert_array_equal(sat["gru"]["z"][1], (z > 0.9).mean(0))


# --- the shipped model ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped(model):
    return units.corpus_index(model)


def test_the_corpus_is_held_out_text_and_chinese(shipped):
    assert len(shipped) > 150_000
    assert "我" in shipped.text and shipped.text.count("\n") > 3000


def test_the_column_units_top_contexts_are_late_in_the_line(model, shipped):
    j = json.loads(probe_path(SHIPPED).read_text())["column"]["unit"]
    cols = column(shipped.text)
    top = units.top_contexts(shipped, j, "cell", k=10)
    assert all(cols[c.t] >= 40 for c in top), [(c.t, cols[c.t]) for c in top]
    # and selecting the end of a line of new text finds it first
    text = shipped.text[1000:1300]
    end = [i for i, c in enumerate(text) if c == "\n"][2]
    found = units.select(trace(model, text), end - 8, end, "cell", 1.0)
    assert found[0].unit == j
    assert units.explain(shipped, j, "cell")["column"]["corpus"] > 0.9
