"""Every variant is its own equations, and the ones PyTorch has agree with PyTorch."""
import numpy as np
import pytest
import torch

from explorer.lstm import LSTMWeights, run, sigmoid
from explorer.variants import GRUWeights, PeepholeWeights, RNNWeights, run_classic, run_coupled, run_gru, run_peephole, run_rnn

X, H, T = 5, 7, 12


def arrays(module, suffix="_l0"):
    return [getattr(module, n + suffix).detach().numpy().copy() for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]


@pytest.fixture
def x():
    return np.random.default_rng(0).normal(size=(T, X)).astype(np.float32)


def ours_and_torchs(module, runner, weights, x):
    """Our run and the torch module's hidden outputs on the same weights and inputs."""
    ours = runner(weights(*arrays(module)), x)
    with torch.no_grad():
        out, _ = module(torch.from_numpy(x)[None])
    return ours, out[0].numpy()


def test_gru_matches_torch(x):
    torch.manual_seed(0)
    ours, theirs = ours_and_torchs(torch.nn.GRU(X, H, batch_first=True), run_gru, GRUWeights, x)
    np.testing.assert_allclose(ours.hidden, theirs, atol=1e-5)
    # h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}
    h_prev = np.vstack([np.zeros(H), ours.hidden[:-1]])
    q = ours.quantities
    np.testing.assert_allclose(ours.hidden, (1 - q["z"]) * q["n"] + q["z"] * h_prev, atol=1e-6)


def test_rnn_matches_torch(x):
    torch.manual_seed(1)
    ours, theirs = ours_and_torchs(torch.nn.RNN(X, H, batch_first=True), run_rnn, RNNWeights, x)
    np.testing.assert_allclose(ours.hidden, theirs, atol=1e-5)


def test_classic_is_the_lessons_lstm(x):
    torch.manual_seed(2)
    w = LSTMWeights(*arrays(torch.nn.LSTM(X, H)))
    np.testing.assert_allclose(run_classic(w, x).hidden, run(w, x).hidden)


def test_peephole_without_peepholes_is_the_classic_lstm_and_with_them_sees_the_cell(x):
    torch.manual_seed(3)
    w = LSTMWeights(*arrays(torch.nn.LSTM(X, H)))
    zero = np.zeros(H, np.float32)
    np.testing.assert_allclose(run_peephole(PeepholeWeights(w, zero, zero, zero), x).hidden, run(w, x).hidden, atol=1e-6)
    p = PeepholeWeights(w, np.full(H, 0.5, np.float32), np.full(H, -0.7, np.float32), np.full(H, 0.9, np.float32))
    r = run_peephole(p, x)
    c_prev = np.vstack([np.zeros(H), r.quantities["C"][:-1]])
    W_x, W_h, b = w.block("forget")
    h_prev = np.vstack([np.zeros(H), r.hidden[:-1]])
    f = sigmoid(x @ W_x.T + h_prev @ W_h.T + b + p.peep_forget * c_prev)  # f_t sees C_{t-1}
    np.testing.assert_allclose(r.quantities["f"], f, atol=1e-5)
    W_x, W_h, b = w.block("output")
    o = sigmoid(x @ W_x.T + h_prev @ W_h.T + b + p.peep_output * r.quantities["C"])  # o_t sees C_t
    np.testing.assert_allclose(r.quantities["o"], o, atol=1e-5)


def test_coupled_gates_write_exactly_what_they_forget(x):
    torch.manual_seed(4)
    w = LSTMWeights(*arrays(torch.nn.LSTM(X, H)))
    r = run_coupled(w, x)
    q = r.quantities
    np.testing.assert_allclose(q["i"], 1 - q["f"], atol=1e-7)
    c_prev = np.vstack([np.zeros(H), q["C"][:-1]])
    np.testing.assert_allclose(q["C"], q["f"] * c_prev + (1 - q["f"]) * q["C~"], atol=1e-6)


def test_shipped_variants_read_text(model):
    from explorer.models import ASSETS
    from explorer.variants import load_variants

    vs = load_variants(ASSETS / "variants.npz")
    ids = np.array(model.vocab.encode("Return the list."))
    for kind, vm in vs.items():
        r = vm.run(ids)
        probs = vm.next_char_probs(r)
        assert r.hidden.shape == (len(ids), vm.decoder_weight.shape[1])
        np.testing.assert_allclose(probs.sum(1), 1, atol=1e-5)


def test_the_cells_that_train_the_variants_are_the_cells_that_draw_them(tmp_path):
    """The peephole and coupled cells are trained by one copy of the equations (torch, LoopLSTM in
    explorer/training/train_variants.py) and drawn by another (numpy, explorer/variants.py): on the same
    weights, through the recipe's own export (VariantNet.arrays → .npz → load_variants), every h and every
    next-character probability agree (the GRU too, against nn.GRU)."""
    from explorer.training.train_variants import VariantNet
    from explorer.variants import TRAINED, load_variants

    torch.manual_seed(0)
    V, Xe, He = 11, 6, 9
    nets = {kind: VariantNet(kind, V, Xe, He) for kind in TRAINED}
    with torch.no_grad():   # trained weights are not the initial ones: peepholes and biases away from 0
        for net in nets.values():
            for p in net.parameters():
                p.add_(0.3 * torch.randn_like(p))
    path = tmp_path / "variants.npz"
    np.savez(path, **{k: v for net in nets.values() for k, v in net.arrays().items()})
    drawn = load_variants(path)
    ids = torch.randint(0, V, (1, 40))
    for kind, net in nets.items():
        with torch.no_grad():
            h, _ = net.cell(net.embed(ids))
            probs = torch.softmax(net(ids)[0], -1)[0].numpy()
        r = drawn[kind].run(ids[0].numpy())
        np.testing.assert_allclose(r.hidden, h[0].numpy(), atol=1e-5, err_msg=kind)
        np.testing.assert_allclose(drawn[kind].next_char_probs(r), probs, atol=1e-5, err_msg=kind)
    assert set(TRAINED) == {"peephole", "coupled", "gru"} and nets["peephole"].cell.peep.abs().min() > 0
