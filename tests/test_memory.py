"""RNN vs LSTM: the recall task, accuracies from the shipped weights, gradients by autograd."""
import numpy as np
import pytest
import torch

from explorer import memory


def test_the_task_asks_for_the_symbol_n_steps_back():
    x, y = memory.task(5, 50, np.random.default_rng(0))
    assert x.shape == (50, 6)
    np.testing.assert_array_equal(y, x[:, -6])


def test_shipped_models_our_equations_match_torch():
    models = memory.load()
    w, W, b = models["lstm"][4]
    x, _ = memory.test_set(4, 3)
    lstm = torch.nn.LSTM(len(memory.ALPHABET), memory.HIDDEN, batch_first=True)
    with torch.no_grad():
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(lstm, name + "_l0").copy_(torch.from_numpy(getattr(w, name)))
        out, _ = lstm(torch.from_numpy(memory.one_hot(x[0]))[None])
    np.testing.assert_allclose(memory.last_hidden("lstm", w, x[0]), out[0, -1].numpy(), atol=1e-5)


def test_both_remember_one_step_back_and_the_lstm_remembers_further():
    acc = memory.accuracies(memory.load())
    assert acc["rnn"][0] > 0.9 and acc["lstm"][0] > 0.9
    far = [k for k, n in enumerate(memory.DISTANCES) if n >= 8]
    assert sum(acc["lstm"][k] for k in far) > sum(acc["rnn"][k] for k in far)


def test_gradient_norms_are_autograd_of_the_last_output():
    models = memory.load()
    w = models["rnn"][8][0]
    text = "the cat sat on the mat"
    g = memory.gradient_norms("rnn", w, text)
    assert g.shape == (len(text),) and (g >= 0).all()
    # a central finite difference, in float64, of h_T = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)
    ids = memory.encode(text)
    x = memory.one_hot(ids).astype(np.float64)
    W_ih, W_hh, b = (np.asarray(a, np.float64) for a in (w.weight_ih, w.weight_hh, w.bias_ih + w.bias_hh))

    def h_last(xs):
        h = np.zeros(W_hh.shape[0])
        for xt in xs:
            h = np.tanh(W_ih @ xt + W_hh @ h + b)
        return h

    eps = 1e-5
    for t in (len(text) - 2, len(text) - 6):
        jac = []
        for k in range(x.shape[1]):
            xp, xm = x.copy(), x.copy()
            xp[t, k] += eps
            xm[t, k] -= eps
            jac.append((h_last(xp) - h_last(xm)) / (2 * eps))
        assert np.sqrt((np.array(jac) ** 2).sum()) == pytest.approx(g[t], rel=1e-3)


def test_retraining_in_the_background_reports_and_returns_accuracies():
    import time

    from explorer.shell import jobs
    from explorer.training import train_memory

    job = jobs.start("mem-test", "memory", train_memory.retrain_work(steps=60, seed=1))
    end = time.time() + 120
    while job.running and time.time() < end:
        jobs.heartbeat("mem-test")
        time.sleep(0.1)
    assert job.finished and job.error is None
    assert set(job.result) == {"rnn", "lstm"} and len(job.result["lstm"]) == len(memory.DISTANCES)
    assert any(h["n"] == max(memory.DISTANCES) for h in job.history)


@pytest.mark.parametrize("text", ["the cat sat on the mat and the dog ran far away", "我爱中国。今天天气很好，我们一起学习。" * 2])
def test_on_text_the_rnns_gradient_vanishes_and_the_lstms_does_not(text):
    """The chart's pair (letters and 汉字): 20 or more characters back, the RNN's gradient is gone, the LSTM's not."""
    alphabet, pair = memory.load_reader()
    rnn = memory.gradient_norms("rnn", pair["rnn"], text, alphabet)
    lstm = memory.gradient_norms("lstm", pair["lstm"], text, alphabet)
    far = slice(0, len(text) - 20)  # characters 20 or more steps before the end
    assert rnn[far].max() < 1e-6 < lstm[far].min()


def test_the_chart_pair_reads_what_it_says_it_reads():
    alphabet, _ = memory.load_reader()
    assert alphabet == memory.reader_alphabet() and alphabet.startswith(memory.ALPHABET)
    assert memory.letters("我爱中国 ab1", alphabet) == 6 and memory.letters("我爱中国 ab1") == 2
    ids = memory.encode("我a?", alphabet)
    assert ids.tolist() == [alphabet.index("我"), 0, alphabet.index(" ")]
