"""The compiled LSTM (explorer/_lstm_kernel.c) computes exactly what the numpy equations compute."""
import os
import threading

import numpy as np
import pytest
import torch

from explorer import lstm, trace
from explorer.lstm import Forcing, LSTMWeights, run

needs_kernel = pytest.mark.skipif(not lstm.COMPILED, reason="explorer._lstm_kernel not built")


def random_lstm(H: int, X: int, seed: int, scale: float = 1.0) -> tuple[torch.nn.LSTM, LSTMWeights]:
    torch.manual_seed(seed)
    m = torch.nn.LSTM(X, H, batch_first=True)
    with torch.no_grad():
        for p in m.parameters():
            p.mul_(scale)
    w = LSTMWeights(*(p.detach().numpy().copy() for p in
                      (m.weight_ih_l0, m.weight_hh_l0, m.bias_ih_l0, m.bias_hh_l0)))
    return m, w


def test_the_compiled_module_is_built_where_the_tests_run():
    # requirements.txt installs the project ("-e ."), which compiles it; a broken build must not
    # pass silently on the numpy path. Set EXPLORER_NUMPY_ONLY=1 to test a machine without gcc.
    if os.environ.get("EXPLORER_NUMPY_ONLY") == "1":
        pytest.skip("numpy-only run asked for")
    assert lstm.COMPILED


def assert_same_run(a: lstm.LSTMRun, b: lstm.LSTMRun, atol: float = 1e-6) -> None:
    for name in ("forget", "input", "candidate", "output", "cell", "hidden",
                 "pre_forget", "pre_input", "pre_candidate", "pre_output"):
        np.testing.assert_allclose(getattr(a, name), getattr(b, name), atol=atol, rtol=1e-6, err_msg=name)


@needs_kernel
@pytest.mark.parametrize("H", [1, 13, 64, 100, 256])
def test_compiled_and_numpy_loops_agree_for_any_size(H):
    # 64 outputs are summed at a time: sizes that are and are not multiples of it
    _, w = random_lstm(H, 7, seed=H)
    x = np.random.default_rng(H).standard_normal((40, 7)).astype(np.float32)
    assert_same_run(run(w, x, compiled=True), run(w, x, compiled=False))


@needs_kernel
@pytest.mark.parametrize("H", [13, 256])
def test_compiled_loop_matches_torch(H):
    m, w = random_lstm(H, 32, seed=1)
    x = torch.randn(1, 300, 32)
    r = run(w, x[0].numpy(), compiled=True)
    with torch.no_grad():
        out, (_, c_n) = m(x)
    np.testing.assert_allclose(r.hidden, out[0].numpy(), atol=1e-5)
    np.testing.assert_allclose(r.cell[-1], c_n[0, 0].numpy(), atol=1e-5, rtol=1e-6)


@needs_kernel
def test_saturated_gates_stay_exact_and_finite():
    # large weights push σ and tanh to 0, 1, ±1: e^{±z} overflows to inf there, which must give the limit
    m, w = random_lstm(24, 5, seed=3, scale=60.0)
    x = torch.randn(1, 50, 5) * 10
    r = run(w, x[0].numpy(), compiled=True)
    assert all(np.isfinite(getattr(r, n)).all() for n in ("forget", "input", "candidate", "output", "cell", "hidden"))
    assert r.forget.min() >= 0 and r.forget.max() <= 1 and np.abs(r.candidate).max() <= 1
    with torch.no_grad():
        out, _ = m(x)
    np.testing.assert_allclose(r.hidden, out[0].numpy(), atol=1e-5)


@needs_kernel
def test_forcing_and_initial_state_work_the_same_compiled(model):
    t = trace(model, "while x:\n    x -= 1")
    H = model.hidden_size
    rng = np.random.default_rng(0)
    h0, c0 = rng.uniform(-1, 1, H).astype(np.float32), rng.uniform(-3, 3, H).astype(np.float32)
    for forcing in (None, Forcing("forget", 0.0, start=4), Forcing("output", 1.0, start=2, units=(0, 5, H - 1))):
        assert_same_run(run(model.lstm, t.inputs, forcing, h0, c0, compiled=True),
                        run(model.lstm, t.inputs, forcing, h0, c0, compiled=False), atol=1e-5)


@needs_kernel
def test_empty_input_and_bad_buffers():
    _, w = random_lstm(8, 3, seed=0)
    assert run(w, np.zeros((0, 3), np.float32), compiled=True).hidden.shape == (0, 8)
    with pytest.raises(ValueError):
        run(w, np.zeros((4, 3)), dtype=np.float64, compiled=True)
    z = np.zeros(32, np.float32)
    with pytest.raises(ValueError):       # a float64 buffer where float32 is needed is refused, not read
        lstm._lstm_kernel.run_f32(1, 8, z, np.zeros(256), np.zeros(8, np.float32), np.zeros(8, np.float32),
                                  z.copy(), z.copy(), np.zeros(8, np.float32), np.zeros(8, np.float32), None, 0.0, 0)
    with pytest.raises(ValueError):       # too short
        lstm._lstm_kernel.run_f32(2, 8, z, np.zeros(256, np.float32), np.zeros(8, np.float32), np.zeros(8, np.float32),
                                  z.copy(), z.copy(), np.zeros(8, np.float32), np.zeros(8, np.float32), None, 0.0, 0)


@needs_kernel
def test_two_threads_at_once_each_get_their_own_answer():
    # the GIL is released while the loop runs: two sessions computing at once must not mix
    _, w = random_lstm(128, 16, seed=5)
    xs = [np.random.default_rng(s).standard_normal((400, 16)).astype(np.float32) for s in (1, 2)]
    want = [run(w, x, compiled=False).hidden for x in xs]
    got: dict[int, list] = {0: [], 1: []}

    def work(k: int) -> None:
        for _ in range(20):
            got[k].append(run(w, xs[k], compiled=True).hidden)

    threads = [threading.Thread(target=work, args=(k,)) for k in (0, 1)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for k in (0, 1):
        assert len(got[k]) == 20
        for h in got[k]:
            np.testing.assert_allclose(h, want[k], atol=1e-6)
