"""What a student would check about the trace: it is the LSTM of the lesson and of PyTorch."""
import numpy as np
import pytest
import torch

from explorer import trace
from explorer.lstm import Forcing, run, sigmoid
from explorer.vocab import UNKNOWN_MARK

TEXT = 'def f(x):\n    """Return x squared."""\n    return x * x  # 我爱中国'


def test_torch_lstm_on_the_same_inputs_gives_the_same_hidden_and_cell(model):
    t = trace(model, TEXT)
    lstm = model.as_torch_lstm()
    with torch.no_grad():
        out, (h_n, c_n) = lstm(torch.from_numpy(t.inputs)[None])
    np.testing.assert_allclose(t.hidden, out[0].numpy(), atol=1e-5)
    np.testing.assert_allclose(t.hidden[-1], h_n[0, 0].numpy(), atol=1e-5)
    # C is unbounded (a counting unit reaches tens): float32 keeps ~7 significant digits
    np.testing.assert_allclose(t.cell[-1], c_n[0, 0].numpy(), atol=1e-5, rtol=1e-6)


def test_the_numpy_loop_also_matches_torch(model):
    # trace() runs the compiled loop where it is built; the numpy loop is the fallback
    t = trace(model, TEXT)
    r = run(model.lstm, t.inputs, compiled=False)
    with torch.no_grad():
        out, (_, c_n) = model.as_torch_lstm()(torch.from_numpy(t.inputs)[None])
    np.testing.assert_allclose(r.hidden, out[0].numpy(), atol=1e-5)
    np.testing.assert_allclose(r.cell[-1], c_n[0, 0].numpy(), atol=1e-5, rtol=1e-6)


def test_in_double_precision_the_equations_and_torch_agree_to_1e_9(model):
    t = trace(model, TEXT)
    ours = run(model.lstm, t.inputs.astype(np.float64), dtype=np.float64)
    lstm = model.as_torch_lstm().double()
    with torch.no_grad():
        out, (_, c_n) = lstm(torch.from_numpy(t.inputs.astype(np.float64))[None])
    np.testing.assert_allclose(ours.hidden, out[0].numpy(), atol=1e-9)
    np.testing.assert_allclose(ours.cell[-1], c_n[0, 0].numpy(), atol=1e-9)


def test_every_gate_satisfies_its_equation(model):
    t = trace(model, TEXT)
    H = model.hidden_size
    h_prev = np.vstack([np.zeros(H), t.hidden[:-1]])
    c_prev = np.vstack([np.zeros(H), t.cell[:-1]])
    for gate, act in (("forget", sigmoid), ("input", sigmoid), ("candidate", np.tanh), ("output", sigmoid)):
        W_x, W_h, b = model.lstm.block(gate)
        pre = t.inputs @ W_x.T + h_prev @ W_h.T + b          # W·[h_{t-1}, x_t] + b
        np.testing.assert_allclose(getattr(t, "pre_" + gate), pre, atol=1e-5)
        np.testing.assert_allclose(getattr(t, gate), act(pre), atol=1e-5)
    np.testing.assert_allclose(t.cell, t.forget * c_prev + t.input * t.candidate, atol=1e-5)
    np.testing.assert_allclose(t.hidden, t.output * np.tanh(t.cell), atol=1e-5)


def test_shapes_ranges_and_probabilities(model):
    t = trace(model, TEXT)
    T, H, X, V = len(TEXT), model.hidden_size, model.input_size, len(model.vocab)
    for name in ("forget", "input", "candidate", "output", "cell", "hidden"):
        assert getattr(t, name).shape == (T, H)
    assert t.inputs.shape == (T, X)
    assert t.next_char_probs.shape == (T, V)
    np.testing.assert_allclose(t.next_char_probs.sum(1), 1, atol=1e-5)
    for gate in ("forget", "input", "output"):
        g = getattr(t, gate)
        assert g.min() >= 0 and g.max() <= 1
    assert np.abs(t.candidate).max() <= 1 and np.abs(t.hidden).max() <= 1


def test_the_model_predicts_the_obvious(model):
    t = trace(model, "Return the number of ite")
    best = model.vocab.chars[int(t.next_char_probs[-1].argmax())]
    assert best == "m"


@pytest.mark.parametrize("text", ["a😀b", "x\x00\x07y", "\u202e\u200b", "🧠" * 5])
def test_unknown_characters_are_read_as_unknown_not_an_error(model, text):
    t = trace(model, text)
    assert len(t) == len(text)
    for c, read, unk in zip(text, t.chars, t.unknown):
        assert unk == (c not in model.vocab.chars[1:])
        assert read == (UNKNOWN_MARK if unk else c)
    assert np.isfinite(t.hidden).all()


def test_the_lessons_chinese_example_is_in_the_vocabulary(model):
    t = trace(model, "我爱中国")
    assert not t.unknown.any()
    assert t.chars == tuple("我爱中国")


def test_empty_text_gives_an_empty_trace(model):
    t = trace(model, "")
    assert len(t) == 0
    assert t.forget.shape == (0, model.hidden_size)


def test_forcing_a_gate_is_a_real_rerun(model):
    base = trace(model, TEXT)
    forced = trace(model, TEXT, Forcing("forget", 1.0, start=10, units=(3,)))
    assert (forced.forget[10:, 3] == 1).all()
    np.testing.assert_allclose(forced.forget[:10], base.forget[:10])
    # with f = 1 the belt only adds: C_t[3] = C_{t-1}[3] + i_t[3]·C~_t[3]
    np.testing.assert_allclose(forced.cell[11:, 3], forced.cell[10:-1, 3] + forced.input[11:, 3] * forced.candidate[11:, 3],
                               atol=1e-5)
    assert not np.allclose(forced.hidden[11:], base.hidden[11:])


@pytest.mark.parametrize("compiled", [False, True])
def test_the_fast_loop_and_the_c_module_are_the_plain_step_repeated(model, compiled):
    """`run` (numpy written for speed, or the C module) gives, at every step, what the plain `step` a student
    reads gives from the same h_{t-1} and C_{t-1}: every quantity, in double precision to 1e-12 (float32, summed in another order, to 1e-5)."""
    from explorer import lstm

    if compiled and not lstm.COMPILED:
        pytest.skip("explorer._lstm_kernel is not built here (pip install -e .)")
    ids = model.vocab.encode('def f(x):\n    return [x, {"a": (1, 2)}]  # 我爱中国')
    x = model.embedding[ids]
    dtype, tol = (np.float32, 1e-5) if compiled else (np.float64, 1e-12)
    w = model.lstm if compiled else lstm.LSTMWeights(*(a.astype(np.float64) for a in (
        model.lstm.weight_ih, model.lstm.weight_hh, model.lstm.bias_ih, model.lstm.bias_hh)))
    fast = lstm.run(w, x.astype(dtype), dtype=dtype, compiled=compiled)
    H = w.hidden_size
    h, c = np.zeros(H, dtype), np.zeros(H, dtype)
    for t in range(len(ids)):
        s = lstm.step(w, x[t].astype(dtype), h, c)
        for q in ("forget", "input", "candidate", "cell", "output", "hidden"):
            np.testing.assert_allclose(getattr(fast, q)[t], getattr(s, q), atol=tol, rtol=tol, err_msg=f"{q} at t={t}")
        h, c = fast.hidden[t], fast.cell[t]     # the next step from the fast loop's own state
