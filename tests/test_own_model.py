"""Your own model (explorer.own_model): every layer's trace equals the saved module's own forward in
PyTorch; nothing in a file runs; every refusal names what is wrong, in English and 中文."""
import json

import numpy as np
import pytest
import torch
from torch import nn

import explorer
from explorer.lstm import softmax
from explorer.own_model import MAX_BYTES, OwnModelError, load

CHARS = list("abcdefgh \n.")
TEXT = "abc def.\nhead bad\nfg ch"


class Net(nn.Module):
    """The shape of module the app reads: embedding (optional), lstm, decoder (optional)."""

    def __init__(self, layers=1, bidirectional=False, embedding=True, decoder=True, V=len(CHARS), X=5, H=6):
        super().__init__()
        self.embedding = nn.Embedding(V, X) if embedding else None
        self.lstm = nn.LSTM(X if embedding else V, H, num_layers=layers, bidirectional=bidirectional, batch_first=True)
        self.decoder = nn.Linear(H * (2 if bidirectional else 1), V) if decoder else None
        self.V = V

    def x(self, ids):
        return self.embedding(ids) if self.embedding is not None else nn.functional.one_hot(ids, self.V).float()


def save(net: nn.Module, tmp_path, fmt: str = ".pt", vocab=CHARS, bare: bool = False):
    state = net.lstm.state_dict() if bare else net.state_dict()
    path = tmp_path / f"model{fmt}"
    if fmt in (".pt", ".pth"):
        torch.save(state, path)
    elif fmt == ".safetensors":
        from safetensors.torch import save_file
        save_file({k: v.contiguous() for k, v in state.items()}, str(path))
    else:
        np.savez(path, **{k: v.numpy() for k, v in state.items()})
    vpath = tmp_path / "vocab.json"
    vpath.write_text(json.dumps(vocab), encoding="utf-8")
    return path, vpath


CASES = [dict(layers=1), dict(layers=2), dict(layers=2, bidirectional=True), dict(layers=1, embedding=False),
         dict(layers=2, decoder=False), dict(layers=3, bidirectional=True, embedding=False, decoder=False)]


@pytest.mark.parametrize("fmt", [".pt", ".safetensors", ".npz"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(f"{k}{v}" for k, v in c.items()))
def test_every_layer_equals_pytorch(tmp_path, case, fmt):
    torch.manual_seed(0)
    net = Net(**case).eval()
    model = explorer.load_model(*save(net, tmp_path, fmt))
    ids = torch.tensor([[CHARS.index(c) for c in TEXT]])
    dirs = 2 if case.get("bidirectional") else 1
    with torch.no_grad():
        out, (h_n, c_n) = net.lstm(net.x(ids))
        for k in range(case["layers"]):
            sub = nn.LSTM(net.lstm.input_size, net.lstm.hidden_size, num_layers=k + 1,
                          bidirectional=dirs == 2, batch_first=True)
            sub.load_state_dict({n: p for n, p in net.lstm.state_dict().items() if int(n.split("_l")[1][0]) <= k})
            below, _ = sub(net.x(ids))                                   # PyTorch's own layer k output
            fw = explorer.trace(model, TEXT, layer=k)
            np.testing.assert_allclose(fw.hidden, below[0, :, :6].numpy(), atol=1e-5)
            np.testing.assert_allclose(fw.cell[-1], c_n[k * dirs, 0].numpy(), atol=1e-5)
            if dirs == 2:
                bw = explorer.trace(model, TEXT, layer=k, direction="backward")   # in the order it reads
                np.testing.assert_allclose(bw.hidden[::-1], below[0, :, 6:].numpy(), atol=1e-5)
                np.testing.assert_allclose(bw.cell[-1], c_n[k * dirs + 1, 0].numpy(), atol=1e-5)
                assert bw.chars == tuple(TEXT[::-1])
            # the gates satisfy the equations, with the layer below's h as this layer's x
            f = fw.forget
            np.testing.assert_allclose(fw.cell[1:], f[1:] * fw.cell[:-1] + fw.input[1:] * fw.candidate[1:], atol=1e-5)
            if k > 0:
                np.testing.assert_allclose(fw.inputs[:, :6], explorer.trace(model, TEXT, layer=k - 1).hidden, atol=1e-6)
        probs = explorer.trace(model, TEXT, layer=0).next_char_probs
        if case.get("decoder", True):
            np.testing.assert_allclose(probs, softmax(net.decoder(out)[0].numpy()), atol=1e-5)
        else:
            assert probs is None


def test_a_bare_lstm_state_dict_and_bias_free(tmp_path):
    torch.manual_seed(1)
    lstm = nn.LSTM(len(CHARS), 4, num_layers=2, bias=False, batch_first=True)
    torch.save(lstm.state_dict(), tmp_path / "bare.pt")
    (tmp_path / "v.json").write_text(json.dumps({"tokens": CHARS, "level": "char"}))
    model = load(tmp_path / "bare.pt", tmp_path / "v.json")
    x = nn.functional.one_hot(torch.tensor([[CHARS.index(c) for c in TEXT]]), len(CHARS)).float()
    with torch.no_grad():
        out, _ = lstm(x)
    np.testing.assert_allclose(model.trace(TEXT, layer=1).hidden, out[0].numpy(), atol=1e-5)
    assert model.num_layers == 2 and not model.has_decoder


def test_the_shipped_word_model_reads_words(tmp_path):
    from explorer.models import ASSETS
    from explorer.training.train_words import WordNet

    model = explorer.load_model(ASSETS / "word_lstm.pt", vocab=ASSETS / "word_lstm.vocab.json")
    assert model.level == "word" and model.num_layers == 2 and model.has_decoder
    text = "return the number of items in the zyzzyva list"
    t = explorer.trace(model, text, layer=1)
    assert t.chars == tuple(text.split()) and t.unknown.tolist() == [w == "zyzzyva" for w in text.split()]
    net = WordNet(len(model.tokens))
    net.load_state_dict(torch.load(ASSETS / "word_lstm.pt", weights_only=True))
    with torch.no_grad():
        logits, _ = net(torch.from_numpy(t.ids)[None])
    np.testing.assert_allclose(t.next_char_probs, softmax(logits[0].numpy()), atol=1e-5)


class Evil:
    """Unpickling this writes a file: what a malicious checkpoint could do."""

    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))


def test_a_pickle_that_would_write_a_file_is_refused(tmp_path):
    target = tmp_path / "written-by-the-file.txt"
    torch.save({"lstm.weight_ih_l0": torch.zeros(8, 3), "payload": Evil(str(target))}, tmp_path / "evil.pt")
    with pytest.raises(OwnModelError) as e:
        load(tmp_path / "evil.pt", None)
    assert e.value.key == "pickle" and "state_dict" in str(e.value) and "state_dict" in e.value.message("zh")
    assert "已拒绝" in e.value.message("zh")
    assert not target.exists()
    np.savez(tmp_path / "obj.npz", a=np.array([{"x": 1}], dtype=object))
    with pytest.raises(OwnModelError) as e:
        load(tmp_path / "obj.npz", None)
    assert e.value.key == "pickle"
    torch.save(nn.LSTM(3, 2), tmp_path / "module.pt")            # a whole module, not its state_dict
    with pytest.raises(OwnModelError) as e:
        load(tmp_path / "module.pt", None)
    assert e.value.key == "pickle"


@pytest.mark.parametrize("fmt", [".pt", ".safetensors", ".npz"])
def test_a_truncated_file_says_so(tmp_path, fmt):
    path, vocab = save(Net(layers=2), tmp_path, fmt)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(OwnModelError) as e:
        load(path, vocab)
    assert e.value.key == "unreadable" and "无法读取" in e.value.message("zh")


def test_wrong_shapes_name_the_tensor_and_both_shapes(tmp_path):
    net = Net(layers=2)
    state = net.state_dict()
    state["lstm.weight_hh_l1"] = torch.zeros(24, 5)
    torch.save(state, tmp_path / "m.pt")
    (tmp_path / "v.json").write_text(json.dumps(CHARS))
    with pytest.raises(OwnModelError) as e:
        load(tmp_path / "m.pt", tmp_path / "v.json")
    assert str(e.value) == "“lstm.weight_hh_l1” has shape (24, 5); expected (24, 6)."
    assert e.value.message("zh") == "“lstm.weight_hh_l1”的形状是 (24, 5)，应为 (24, 6)。"


def test_a_vocabulary_that_does_not_match(tmp_path):
    path, _ = save(Net(layers=1), tmp_path)
    (tmp_path / "short.json").write_text(json.dumps(CHARS[:-1]))
    with pytest.raises(OwnModelError) as e:
        load(path, tmp_path / "short.json")
    assert e.value.key == "vocab_size" and "embedding.weight" in str(e.value) and "10" in str(e.value)
    assert "词表有 10 个词元" in e.value.message("zh")
    with pytest.raises(OwnModelError) as e:
        load(path, None)
    assert e.value.key == "vocab_needed"
    for bad in ("not json", json.dumps({"x": 1}), json.dumps(["a", "a"]), json.dumps(["a", 3])):
        (tmp_path / "bad.json").write_text(bad)
        with pytest.raises(OwnModelError) as e:
            load(path, tmp_path / "bad.json")
        assert e.value.key in ("vocab_bad", "vocab_twice")


def test_unknown_names_formats_and_limits(tmp_path, monkeypatch):
    state = Net().state_dict()
    state["norm.weight"] = torch.ones(6)
    torch.save(state, tmp_path / "m.pt")
    with pytest.raises(OwnModelError) as e:
        load(tmp_path / "m.pt", None)
    assert e.value.key == "unknown_names" and "norm.weight" in str(e.value)
    (tmp_path / "m.ckpt").write_bytes(b"x")
    with pytest.raises(OwnModelError) as e:
        load(tmp_path / "m.ckpt", None)
    assert e.value.key == "format"
    import explorer.own_file as of
    import explorer.own_model as om
    monkeypatch.setattr(of, "MAX_BYTES", 100)
    path, vocab = save(Net(), tmp_path)
    with pytest.raises(OwnModelError) as e:
        load(path, vocab)
    assert e.value.key == "too_big"
    monkeypatch.setattr(om, "MAX_HIDDEN", 4)
    monkeypatch.setattr(of, "MAX_BYTES", MAX_BYTES)
    with pytest.raises(OwnModelError) as e:
        load(path, vocab)
    assert e.value.key == "too_wide" and "4" in str(e.value)
