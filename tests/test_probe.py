"""The shipped model learned something a student can see: a cell that tracks the position in the line."""
import json

import numpy as np

from explorer import trace
from explorer.models import SHIPPED
from explorer.probe import SAMPLE_CHARS, bracket_depth, column, correlations, held_out_path, inside_quotes, probe_path


def test_properties_are_what_they_say():
    text = 'ab\n(c "d" (e))\nf'
    np.testing.assert_array_equal(column(text), [1, 2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 1])
    assert bracket_depth(text).max() == 2 and bracket_depth(text)[-1] == 0
    assert inside_quotes(text)[6] == 1 and inside_quotes(text)[8] == 0


def test_a_cell_tracks_the_column_on_held_out_text(model):
    reported = json.loads(probe_path(SHIPPED).read_text())["column"]
    text = held_out_path(SHIPPED).read_text(encoding="utf-8")[:SAMPLE_CHARS]  # what the probe read
    r = correlations(trace(model, text).cell, column(text))
    assert abs(r[reported["unit"]]) >= 0.8
    assert abs(r[reported["unit"]] - reported["corr"]) <= 5.01e-5   # the file holds r rounded to 4 places
    assert abs(r).argmax() == reported["unit"]
