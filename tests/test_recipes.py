"""The training recipes whose weights ship in assets/ still run end to end (tiny budgets, a temp dir):
what they write loads, and training lowered the loss below the untrained start."""
import json
import math

import numpy as np

from explorer.models import load_model
from explorer.training import train, train_bilstm, train_variants


def test_the_char_lstm_recipe_runs_and_writes_a_loadable_model(tmp_path):
    out = tmp_path / "sub" / "char.npz"                    # a folder that does not exist yet
    train.main(["--minutes", "0.03", "--hidden", "16", "--batch", "8", "--seq", "32", "--wrap", "48",
                "--hard-wrap", "--threads", "1", "--out", str(out)])
    stats = json.loads(out.with_suffix(".train.json").read_text())
    model = load_model(out, out.with_suffix(".vocab.json"))
    assert model.hidden_size == 16 and stats["steps"] > 20
    assert stats["held_out_bits_per_char"] < math.log2(len(model.vocab))    # better than a uniform guess


def test_the_bilstm_and_variant_recipes_run(tmp_path):
    train_bilstm.main(["--minutes", "0.1", "--hidden", "8", "--batch", "8", "--seq", "16", "--threads", "1",
                       "--out", str(tmp_path / "bi.npz")])   # 6 s: in 1.2 s a loaded CI machine made one step
    assert json.loads((tmp_path / "bi.train.json").read_text())["steps"] > 10
    train_variants.main(["--steps-each", "5", "--hidden", "8", "--threads", "1", "--out", str(tmp_path / "v.npz")])
    assert json.loads((tmp_path / "v.train.json").read_text())["gru"]["steps"] == 5
    with np.load(tmp_path / "v.npz", allow_pickle=False) as z:
        assert any(k.startswith("gru") for k in z.files) and any(k.startswith("peephole") for k in z.files)
