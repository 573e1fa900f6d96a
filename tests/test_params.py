"""Every count the parameter page shows equals the real module's."""
import pytest

from explorer.params import formula_count, lesson_lstm, terms_latex, torch_count


@pytest.mark.parametrize("kind", ["lstm", "gru", "rnn"])
@pytest.mark.parametrize("h, x", [(1, 1), (20, 7), (128, 32), (256, 300)])
@pytest.mark.parametrize("layers, bi", [(1, False), (1, True), (3, False), (2, True)])
def test_formula_equals_the_real_module(kind, h, x, layers, bi):
    assert formula_count(kind, h, x, layers, bi) == torch_count(kind, h, x, layers, bi)


def test_the_lessons_formula_has_one_bias_per_block():
    assert lesson_lstm(128, 32) == 4 * (128 * 160 + 128) == 82_432
    assert torch_count("lstm", 128, 32) - lesson_lstm(128, 32) == 4 * 128
    assert "82{,}432" in terms_latex(128, 32, biases=1)
    assert "82{,}944" in terms_latex(128, 32, biases=2)


@pytest.mark.parametrize("layers, bi", [(1, False), (1, True), (2, False), (3, True)])
def test_the_worked_formula_adds_up_to_the_real_module(layers, bi):
    """Every layer line of the worked formula, and their sum, are what torch builds with these settings."""
    import re

    from explorer.params import layer_inputs, worked_latex

    for biases, want in ((2, torch_count("lstm", 20, 7, layers, bi)), (1, formula_count("lstm", 20, 7, layers, bi, biases=1))):
        latex = worked_latex(20, 7, layers, bi, biases).replace("{,}", "")
        last = [int(n) for n in re.findall(r"= (\d+)(?=\\\\|\\end)", latex)]
        assert last[-1] == want
        if layers > 1:
            assert sum(last[:-1]) == want and len(last) == layers + 1          # one line per layer, then Σ
        for x_l in layer_inputs(20, 7, layers, bi):
            assert f"(20+{x_l})" in latex
    assert layer_inputs(20, 7, 3, bi) == [7, 40 if bi else 20, 40 if bi else 20]
