"""Every picture is drawn from the trace's own numbers, and is a valid plotly figure."""
import base64
import io
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from PIL import Image

from explorer import trace
from explorer.draw import colors, figures, unitmap
from explorer.draw.diagram import cell_svg
from explorer.draw.textview import chips_html
from explorer.i18n import LANGS, STRINGS
from explorer.models import ASSETS

ROOT = Path(__file__).resolve().parent.parent
TEXT = "print('hi') <b>x</b> $x$ 我爱中国"


def decode_png(source: str) -> np.ndarray:
    return np.array(Image.open(io.BytesIO(base64.b64decode(source.split(",", 1)[1]))).convert("RGB"))


def test_overview_maps_hold_each_quantity_of_the_trace(model):
    t = trace(model, TEXT)
    data = unitmap.maps_data({k: getattr(t, k) for k in figures.OVERVIEW_KINDS}, t.chars, "en")
    assert len(data["panels"]) == 6
    for panel, kind in zip(data["panels"], figures.OVERVIEW_KINDS):
        q = getattr(t, kind)
        values = np.frombuffer(base64.b64decode(panel["values"]), np.float32).reshape(panel["units"], len(TEXT))
        np.testing.assert_array_equal(values, q.T)                                     # hover value at (unit, t)
        expected = colors.to_rgb(q.T, kind, colors.value_range(kind, q))
        np.testing.assert_array_equal(decode_png(panel["png"]), expected)              # the colours drawn
    assert data["labels"][0] == "p" and "<" in data["labels"] and "我" in data["labels"]  # shown as text


def test_the_map_component_never_parses_text_as_html():
    js = (ROOT / "explorer" / "shell" / "frontend" / "unitmap.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js
    assert js.count("textContent") >= 3


def test_top_guesses_are_the_models_probabilities(model):
    t = trace(model, "Return the number of ite")
    fig = figures.top_guesses(t.next_char_probs[-1], model.vocab.chars, "en", k=5)
    go.Figure(fig.to_dict())
    bar = fig.data[0]
    expected = np.sort(t.next_char_probs[-1])[::-1][:5][::-1]
    np.testing.assert_allclose(bar.x, expected)
    assert bar.y[-1] == "'m'"


def test_chips_escape_every_character():
    html = chips_html("<script>alert(1)</script>&", values=np.linspace(0, 1, 26), kind="forget")
    assert "<script" not in html and "</script" not in html
    assert html.count(">&lt;</span>") == 2 and ">&amp;</span>" in html
    assert html.count("<span") == 26


def test_shipped_diagram_is_the_one_the_code_draws():
    assert (ASSETS / "lstm_cell.svg").read_text() == cell_svg()


def test_diagram_writes_values_and_highlights_a_part():
    svg = cell_svg("forget", {"forget": 0.912})
    assert "+0.91" in svg and "#e4572e" in svg


@pytest.mark.parametrize("lang", list(LANGS))
def test_every_string_exists_in_both_languages_with_the_same_placeholders(lang):
    import string

    for key, texts in STRINGS.items():
        assert texts.get(lang), f"{key} has no {lang} text"
        fields = {f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(texts["en"]) if f}, key


def _keys(d):
    if isinstance(d, dict):
        for k, v in d.items():
            yield k
            yield from _keys(v)
    elif isinstance(d, (list, tuple)):
        for v in d:
            yield from _keys(v)


def test_figure_dicts_use_only_plain_plotly_property_names(model):
    """The app skips plotly's validation for speed, so no 'marker_color' shorthand may hide in them."""
    from explorer.lesson import belt_step, contributions

    t = trace(model, TEXT)
    figs = [figures.top_guesses(t.next_char_probs[-1], model.vocab.chars, "en"),
            figures.unit_lines([("a", t.cell[:, 0], "dot")], t.chars, "en", 3, "x"),
            figures.belt_waterfall(belt_step(t, 5, 0), "en"),
            figures.contributions_bar(contributions(t, 5, 0), t.chars, "en"),
            figures.guesses_compare(t.next_char_probs[-1], t.next_char_probs[-2], ("a", "b"), model.vocab.chars),
            figures.panels([figures.belt_waterfall(belt_step(t, 5, 0), "en"),
                            figures.unit_lines([("a", t.cell[:, 0], "dot")], t.chars, "en", 3, "")],
                           [(0, 0.4, 0, 1), (0.5, 1, 0, 1)], ["one", "two"], 400)]
    for f in figs:
        d = f.to_plotly_json()
        real = {"plot_bgcolor", "paper_bgcolor", "error_x", "error_y"}  # plotly's own names with "_"
        assert not [k for k in _keys(d) if "_" in k and k not in real]
        go.Figure(d)  # and plotly accepts every property


def test_colour_bars_use_the_same_colours_as_the_pictures():
    scale = colors.plotly_scale("cell")
    assert scale[0][1] == "rgb({},{},{})".format(*colors.to_rgb(np.array([-1.0]), "cell", (-1, 1))[0])
    assert scale[-1][1] == "rgb({},{},{})".format(*colors.to_rgb(np.array([1.0]), "cell", (-1, 1))[0])


def test_one_far_out_cell_unit_does_not_wash_out_the_cell_map():
    rng = np.random.default_rng(0)
    c = rng.uniform(-2, 2, (200, 128)).astype(np.float32)
    c[:, 83] = np.arange(200)                              # a counting unit, far beyond the rest
    lo, hi = colors.value_range("cell", c)
    assert hi == -lo and 1.5 <= hi < 50                    # 99% of the values fit, not the counter's 199
    panel = unitmap.maps_data({"cell": c}, ["a"] * 200, "en")["panels"][0]
    assert panel["ticks"][0].startswith("≥ ")              # the colour bar says the top colour means "or more"
    rgb = decode_png(panel["png"])
    np.testing.assert_array_equal(rgb[83, -1], colors.to_rgb(np.array([hi]), "cell", (lo, hi))[0])  # end colour
    gates = unitmap.maps_data({"forget": np.full((3, 4), 0.5, np.float32)}, ["a"] * 3, "en")["panels"][0]
    assert gates["ticks"] == ["1", "0.5", "0"]             # bounded kinds keep their plain scale


def test_time_axis_names_every_character_of_a_short_text_and_numbers_a_long_one():
    assert figures.time_ticks(12) == (list(range(12)), False)
    ticks, numbered = figures.time_ticks(171)
    assert numbered and ticks[:3] == [0, 10, 20] and len(ticks) <= figures.MAX_NUMBERED
    data = unitmap.maps_data({"forget": np.zeros((171, 2), np.float32)}, ["a", " "] * 85 + ["z"], "en")
    assert data["tickText"][:2] == ["a\n0", "a\n10"] and data["numbered"]
    short = unitmap.maps_data({"forget": np.zeros((3, 2), np.float32)}, ["a", " ", "\n"], "en")
    assert short["tickText"] == ["a", "␣", "↵"] and not short["numbered"]


def test_gradient_axis_has_one_grid_line_per_power_of_ten():
    """The caption says each grid line is ten times smaller than the one above: so it must be."""
    rnn = np.array([5e-2, 2e-3, 1e-5, 3e-13, 5e-21, 0.0, 0.0])
    lstm = np.array([0.9, 0.3, 0.2, 1.3, 2.1, 3.9, 25.5])
    f = figures.log_lines(range(7), [("RNN", rnn, "#e4572e"), ("LSTM", lstm, "#3b6ea8")], "T−t", "grad")
    go.Figure(f.to_plotly_json())
    y = f.layout.yaxis
    ratios = np.array(y.tickvals[1:]) / np.array(y.tickvals[:-1])
    np.testing.assert_allclose(ratios, 10.0)
    assert y.tickvals[0] <= figures.LOG_FLOOR and y.tickvals[-1] >= lstm.max()
    named = [s for s in y.ticktext if s]
    assert 3 <= len(named) <= figures.MAX_LOG_LABELS and "10<sup>−30</sup>" in named
    assert min(f.data[0].y) == figures.LOG_FLOOR                      # the zeros sit on the floor,
    assert figures.below_floor([("RNN", rnn, ""), ("LSTM", lstm, "")]) == ["RNN"]  # and the page is told


def test_accuracy_axis_reads_0_to_100_percent_in_round_steps():
    f = figures.training_curves([5, 10], [2.0, 0.5], [0.2, 1.0], "loss", "accuracy", "step")
    y2 = f.layout.yaxis2
    assert y2.tickmode == "array" and list(y2.tickvals) == [0, 0.25, 0.5, 0.75, 1.0] and y2.tickformat == ".0%"
    assert y2.range[0] == 0 and 1.0 <= y2.range[1] < 1.1   # 100 % is the top tick; nothing reads 101 %
