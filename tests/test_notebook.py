"""The live box in a notebook (explorer/notebook.py), without a browser: a live torch module read as the box
runs it (1 and 2 layers, with and without an embedding and a decoder) equals the module's own forward; the
browser's LSTM (Node) on what the widget is handed equals the Python trace of the layer it shows; the one
module a widget is parses; the widget's traits and trace."""
import json
import shutil
import subprocess

import numpy as np
import pytest
import torch
from torch import nn

pytest.importorskip("anywidget")

import explorer  # noqa: E402
from explorer.draw import box  # noqa: E402
from explorer.lstm import softmax  # noqa: E402
from explorer.notebook import LiveBox, bundle, from_torch  # noqa: E402
from explorer.texts import INPUT_CAP  # noqa: E402
from tests.test_js_lstm import SEQUENCES, run_node, values  # noqa: E402

VOCAB = ["<unk>", *"abcdefgh \n.("]
TEXT = "abc def.\nhead bad\nfg (ch"


class Live(nn.Module):
    """A module as a notebook builds one: its parts named as its author likes."""

    def __init__(self, layers=1, embed=True, decode=True, V=len(VOCAB), X=5, H=7):
        super().__init__()
        self.embed = nn.Embedding(V, X) if embed else None
        self.rnn = nn.LSTM(X if embed else V, H, num_layers=layers, batch_first=True)
        self.head = nn.Linear(H, V) if decode else None
        self.V = V

    def x(self, ids):
        return self.embed(ids) if self.embed is not None else nn.functional.one_hot(ids, self.V).float()


CASES = [dict(layers=1), dict(layers=2), dict(layers=2, embed=False), dict(layers=2, decode=False),
         dict(layers=1, embed=False, decode=False)]
NAME = lambda c: "-".join(f"{k}{v}" for k, v in c.items())   # noqa: E731


@pytest.mark.parametrize("case", CASES, ids=NAME)
def test_a_live_module_is_read_as_its_own_forward(case):
    torch.manual_seed(0)
    net = Live(**case).eval()
    with torch.no_grad():                                # trained weights are not the initial ones
        for p in net.parameters():
            p.add_(0.3 * torch.randn_like(p))
    model = from_torch(net, VOCAB)
    ids = torch.tensor([[VOCAB.index(c) for c in TEXT]])
    with torch.no_grad():
        out, (h_n, c_n) = net.rnn(net.x(ids))
    for k in range(case["layers"]):
        tr = explorer.trace(model, TEXT, layer=k)
        np.testing.assert_allclose(tr.hidden[-1], h_n[k, 0].numpy(), atol=1e-5)      # every layer's last h and C
        np.testing.assert_allclose(tr.cell[-1], c_n[k, 0].numpy(), atol=1e-5)
    np.testing.assert_allclose(explorer.trace(model, TEXT, layer=case["layers"] - 1).hidden, out[0].numpy(), atol=1e-5)
    probs = explorer.trace(model, TEXT).next_char_probs
    if case.get("decode", True):
        np.testing.assert_allclose(probs, softmax(net.head(out)[0].detach().numpy()), atol=1e-5)
    else:
        assert probs is None


def test_a_bare_lstm_and_the_refusals():
    torch.manual_seed(1)
    bare = from_torch(nn.LSTM(len(VOCAB), 4, num_layers=2), VOCAB)
    assert bare.num_layers == 2 and bare.embedding is None and not bare.has_decoder
    with pytest.raises(ValueError, match="exactly one"):
        from_torch(nn.Sequential(nn.LSTM(3, 4), nn.LSTM(4, 4)), "abc")
    with pytest.raises(ValueError, match="characters"):
        from_torch(nn.LSTM(3, 4), ["the", "cat", "sat"])
    assert from_torch(nn.LSTM(5, 4), ["<pad>", "<unk>", "a", "b", "[SEP]"]).unknown_id == 1    # tokens no one types
    words = explorer.load_model(explorer.models.ASSETS / "word_lstm.pt", vocab=explorer.models.ASSETS / "word_lstm.vocab.json")
    with pytest.raises(ValueError, match="word-level"):
        LiveBox(words)
    with pytest.raises(ValueError, match="bidirectional"):
        LiveBox(nn.LSTM(len(VOCAB), 4, bidirectional=True), vocab=VOCAB)
    with pytest.raises(ValueError, match="vocabulary"):
        LiveBox(nn.LSTM(len(VOCAB), 4))
    with pytest.raises(ValueError, match="layer 2"):
        LiveBox(nn.LSTM(len(VOCAB), 4, num_layers=2), vocab=VOCAB, layer=2)


@pytest.mark.parametrize("case, vocab", [(dict(layers=2), VOCAB), (dict(layers=2, embed=False, decode=False), VOCAB[1:]),
                                         (dict(layers=1), VOCAB[1:])],
                         ids=["embedded-decoded-unk", "one-hot-no-unk", "embedded-no-unk"])
def test_the_browsers_lstm_runs_the_widgets_model_as_python_does(tmp_path, case, vocab):
    """Node runs lstm.js on exactly what the widget is handed (each layer shown in turn), on the examples and
    hostile texts typed one after another: every quantity of the layer shown equals the Python trace of
    that layer within 1e-5 (characters the vocabulary lacks read as its <unk>, or as x = 0 without one)."""
    torch.manual_seed(2)
    model = from_torch(Live(**case, V=len(vocab)).eval(), vocab)
    texts = [t for seq in SEQUENCES for t in seq]
    for layer in range(case["layers"]):
        path = tmp_path / f"m{layer}.json"
        path.write_text(json.dumps(box.own_model_json(model, layer)), encoding="utf-8")
        for text, row in zip(texts, run_node(path, tmp_path)):
            want = explorer.trace(model, text[:500], layer=layer)
            assert row["T"] == len(want.chars)
            for q in ("forget", "input", "candidate", "cell", "output", "hidden"):
                np.testing.assert_allclose(values(row, f"forward.{q}", getattr(want, q)), getattr(want, q),
                                           atol=1e-5, rtol=1e-5, err_msg=f"layer {layer} {q} of {text[:20]!r}")


def test_the_widgets_one_module_parses_and_holds_no_import():
    node = shutil.which("node") or shutil.which("nodejs") or pytest.fail("scripts/test.sh installs nodejs")
    src = bundle()
    assert "import(" not in src and "\nimport " not in src and src.count("export default") == 1
    for name in ("LiveBox", "CharModel", "traceText", "percentileAbs"):
        assert f"class {name}" in src or f"function {name}" in src
    path = "/tmp/lstm_explorer_widget_check.mjs"
    with open(path, "w", encoding="utf-8") as f:
        f.write(src)
    out = subprocess.run([node, "--check", path], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_the_widgets_traits_and_trace():
    b = LiveBox(text="Return the")
    assert b.model_json["quantities"][0]["name"] == "forget" and len(b.settings["panels"]) == 6
    assert b.settings["guesses"]["noDecoder"] is None and "text" not in b.settings and "modelUrl" not in b.settings
    np.testing.assert_array_equal(b.trace.cell, explorer.trace(explorer.load_model(), "Return the").cell)
    b.text = "x" * (INPUT_CAP + 10)
    assert len(b.text) == INPUT_CAP and len(b.trace.chars) == 500
    b.text = "<b>**hi**</b> $x$ 😀\r\nnext"             # text: shown as itself by the box (textContent)
    assert b.trace.chars[0] == "<" and b.text.endswith("😀\nnext")   # line endings as the box reads them
    torch.manual_seed(3)
    mine = LiveBox(Live(layers=2), vocab=VOCAB, layer=1, lang="zh", text="abc")
    assert mine.model_json["layer"] == 1 and len(mine.model_json["layers"]) == 2
    assert mine.settings["label"] != b.settings["label"]           # 中文
    np.testing.assert_allclose(mine.trace.hidden, explorer.trace(mine.model, "abc", layer=1).hidden)
