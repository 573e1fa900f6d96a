"""Take it out (explorer.draw.export): the downloaded .npz and CSVs hold the API's numbers, the PNG is the map,
and the snippet, run, reproduces the view."""
import contextlib
import csv
import io
import zipfile

import numpy as np
from PIL import Image

import explorer
from explorer.draw import export
from explorer.models import ASSETS

TEXT = 'Return len(x) "ok"\n我爱, 😀 <b>&'


def test_npz_holds_every_quantity(model):
    tr = explorer.trace(model, TEXT)
    with np.load(io.BytesIO(export.trace_npz(tr)), allow_pickle=False) as f:
        for q in export.QUANTITIES + export.PRE:
            np.testing.assert_array_equal(f[q], getattr(tr, q))
        np.testing.assert_array_equal(f["next_probs"], tr.next_char_probs)
        np.testing.assert_array_equal(f["inputs"], tr.inputs)
        assert list(f["tokens"]) == list(tr.chars) and str(f["text"]) == TEXT


def test_csvs_hold_the_same_float32_numbers(model):
    tr = explorer.trace(model, TEXT)
    with zipfile.ZipFile(io.BytesIO(export.trace_csvs(tr))) as z:
        assert sorted(z.namelist()) == sorted(f"{q}.csv" for q in export.QUANTITIES)
        for q in export.QUANTITIES:
            rows = list(csv.reader(io.StringIO(z.read(f"{q}.csv").decode("utf-8"))))
            assert rows[0][0] == "unit" and rows[0][1:5] == ["R", "e", "t", "u"] and rows[0][7] == "␣"
            assert "↵" in rows[0] and "<" in rows[0] and "U+200B" not in rows[0]   # shown as the page shows them
            values = np.array([[float(v) for v in r[1:]] for r in rows[1:]], np.float32)   # (H, T)
            np.testing.assert_array_equal(values.T, getattr(tr, q))


def test_a_map_png_is_the_map(model):
    tr = explorer.trace(model, TEXT)
    img = Image.open(io.BytesIO(export.map_png(tr, "forget", "f · forget gate"))).convert("RGB")
    assert img.width > 600 and img.height > 300
    lo, hi = img.convert("L").getextrema()
    assert hi - lo > 100


def run_snippet(code: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "snippet", "exec"), {})
    return out.getvalue()


def test_the_snippet_reproduces_the_view(model, tmp_path, monkeypatch):
    tr = explorer.trace(model, TEXT)
    printed = run_snippet(export.snippet(TEXT, 5, 83, "cell")).splitlines()[0].split(" ")
    assert printed[0] == tr.chars[5] and np.float32(printed[1]) == tr.cell[5, 83]
    # a model of yours, by its file names (run where the files are)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "w.pt").write_bytes((ASSETS / "word_lstm.pt").read_bytes())
    (tmp_path / "v.json").write_bytes((ASSETS / "word_lstm.vocab.json").read_bytes())
    own = explorer.load_model("w.pt", vocab="v.json")
    text = "return the list of items"
    want = explorer.trace(own, text, layer=1)
    printed = run_snippet(export.snippet(text, 2, 7, "hidden", "w.pt", "v.json", layer=1)).splitlines()[0].split(" ")
    assert printed[0] == want.chars[2] == "list" and np.float32(printed[1]) == want.hidden[2, 7]
