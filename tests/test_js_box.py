"""What the live box computes besides the LSTM (explorer/static/box/numbers.js), under Node, against the
Python it mirrors: the cell state's colour range (numpy's percentile of |C|, found by selection instead of
a sort a key), the time axis' ticks, the characters as shown."""
import json
import shutil
import subprocess

import numpy as np
import pytest

from explorer.draw import colors
from explorer.draw.box import BOX
from explorer.draw.figures import MAX_NUMBERED, MAX_TICKS, ROUND_STEPS, time_ticks
from explorer.vocab import display_char
from tests.conftest import ROOT


def test_the_box_numbers_equal_the_servers(tmp_path):
    node = shutil.which("node") or shutil.which("nodejs") or pytest.fail("scripts/test.sh installs nodejs")
    rng = np.random.default_rng(0)
    arrays = [rng.normal(0, s, n).astype(np.float32) for n, s in ((1, 1), (2, 3), (7, 1), (100, 5), (3000, 2), (5000, 9))]
    arrays += [np.zeros(50, np.float32), np.full(33, -2.5, np.float32),                   # ties everywhere
               np.repeat(rng.normal(0, 4, 40), 30).astype(np.float32),                    # many equal values
               np.sort(rng.normal(0, 1, 999)).astype(np.float32), np.arange(500, 0, -1, dtype=np.float32)]  # sorted already
    percentile = [[a.tolist(), q] for a in arrays for q in (colors.UNBOUNDED_PERCENTILE, 0, 50, 100)]
    ticks = [[T, MAX_TICKS, MAX_NUMBERED, list(ROUND_STEPS)] for T in (0, 1, 49, 50, 51, 200, 499, 500, 1200)]
    chars = [" ", "\n", "\t", "a", "我", "😀", "\x00", "\x07", "\u202e", "\u200b", "\u2028", "<"]
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps({"percentile": percentile, "ticks": ticks, "chars": chars}), encoding="utf-8")
    out = subprocess.run([node, str(ROOT / "tests" / "js" / "numbers.mjs"), str(BOX / "numbers.js"), str(cases)],
                         capture_output=True, text=True, timeout=120, check=True)
    got = json.loads(out.stdout)
    for (values, q), value in zip(percentile, got["percentile"]):
        want = np.percentile(np.abs(np.asarray(values, np.float32)), q)
        assert value == pytest.approx(float(want), rel=1e-6, abs=1e-7), (len(values), q)
    for (T, *_), value in zip(ticks, got["ticks"]):
        steps, numbered = time_ticks(T)
        assert value == {"steps": steps, "numbered": numbered}, T
    assert got["chars"] == [display_char(c) for c in chars]
