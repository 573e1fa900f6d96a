"""Predict, then reveal: every answer is the model's own, computed from the Python API."""
import numpy as np
import pytest

from explorer import load_model, quiz, trace
from explorer.bilstm import bi_trace, load_bimodel
from explorer.params import torch_count
from explorer.shell.cached import probe_result
from explorer.texts import COUNTER_TEXT

LANGS = ["en", "zh"]


@pytest.fixture(scope="module")
def counting():
    return trace(load_model(), COUNTER_TEXT), probe_result()["column"]["unit"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_counting_unit_questions(counting, lang):
    tr, j = counting
    t = COUNTER_TEXT.index("\n")
    q = quiz.forget_at_break(tr, j, lang)
    assert q.answer == int(tr.forget[t, j] >= 0.5) and f"{tr.forget[t, j]:.3f}" in q.explain
    q = quiz.cell_at_break(tr, j, lang)
    assert q.answer == (1 if abs(tr.cell[t, j]) < abs(tr.cell[t - 1, j]) else 0)
    q = quiz.written_after_break(tr, j, lang)
    w = float(tr.input[t + 1, j] * tr.candidate[t + 1, j])
    assert q.answer == (2 if abs(w) < 0.05 else 0 if w > 0 else 1)
    q = quiz.cell_or_hidden(tr, j, lang)
    assert q.options[q.answer] == ("|h|" if abs(tr.hidden[t - 1, j]) > abs(tr.cell[t - 1, j]) else "|C|")


@pytest.mark.parametrize("lang", LANGS)
def test_the_next_character_and_the_gap(lang):
    m = load_model()
    tr = trace(m, quiz.CHAR_PROMPT)
    q = quiz.next_char(tr, m.vocab.chars, lang)
    assert q.options[q.answer] == m.vocab.chars[int(np.argmax(tr.next_char_probs[-1]))] and len(q.options) == 4
    bm = load_bimodel()
    bt = bi_trace(bm, "我爱?国")
    q = quiz.fill_gap(bt, bm.vocab.chars, lang)
    assert q.options[q.answer] == bm.vocab.chars[int(np.argmax(bt.char_probs[2]))]


@pytest.mark.parametrize("lang", LANGS)
def test_the_counting_questions_about_parameters(lang):
    q = quiz.lstm_parameters(128, 32, lang)
    assert q.options[q.answer] == f"{torch_count('lstm', 128, 32):,}" == "82,944" and len(set(q.options)) == 4
    q = quiz.fewest_parameters(128, 32, lang)
    assert q.options[q.answer] == "LSTM"
    q = quiz.concat_size(load_bimodel(), lang)
    assert q.options[q.answer] == str(2 * load_bimodel().hidden_size)


def test_the_memory_question_reads_the_gradients():
    rnn, lstm = np.full(30, 1e-9), np.full(30, 1e-2)
    assert quiz.gradient_memory(rnn, lstm, "en").options[quiz.gradient_memory(rnn, lstm, "en").answer] == "LSTM"
    assert quiz.gradient_memory(lstm, rnn, "en").answer == 0
    assert quiz.gradient_memory(lstm, lstm * 2, "en").answer == 2
