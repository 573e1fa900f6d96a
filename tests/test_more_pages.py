"""Bi-LSTM, variants, RNN vs LSTM, parameter count and the case studies, run by AppTest."""
import json
import time

import numpy as np
import pytest

from explorer import memory
from explorer.bilstm import bi_trace, load_bimodel
from explorer.params import formula_count, torch_count
from tests.helpers.apptest import decode, open_page, panel_values


def specs(at):
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def component_maps(at) -> list[dict]:
    """The data of every unit-map component on the page (the live box's is sent as a list of one; the page
    kit's, in the sidebar, is not a map)."""
    sent = [json.loads(c.proto.json) for c in at.get("bidi_component")]
    return [d[0] if isinstance(d, list) else d for d in sent if not (isinstance(d, dict) and "equation" in d)]


def values(d):
    return decode(d) if isinstance(d, dict) else np.asarray(d)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bilstm_page_shows_both_passes_and_their_concatenation(lang):
    at = open_page("bilstm", text="我爱?国", lang=lang)
    t = bi_trace(load_bimodel(), "我爱?国")
    box = component_maps(at)[0]                         # the live box: the browser runs both passes
    assert box["text"] == "我爱?国" and box["modelUrl"].startswith("app/static/bilstm.json")
    assert box["hide"] == "?" and box["gapMark"] == "▢"  # the hidden "?" is shown as a gap to fill
    assert [p["kind"] for p in box["panels"]] == ["forward", "backward", "concat"]
    assert box["panels"][2]["split"] == 64                              # h→ above the line, h← below
    assert box["panels"][2]["splitTags"] == ["h→ · 0–63", "h← · 64–127"]
    assert box["panels"][2]["height"] == 2 * box["panels"][0]["height"]  # y has 2H rows
    strips = next(s for s in specs(at) if s["data"][0]["type"] == "heatmap")
    z = strips["data"][0]["z"]                                          # h→ at 0.., h← at H.., y = both
    np.testing.assert_allclose(np.array(z[0][:64], float), t.forward.hidden[0], atol=1e-6)
    np.testing.assert_allclose(np.array(z[1][64:], float), t.backward.hidden[0], atol=1e-6)
    np.testing.assert_allclose(np.array(z[2], float), t.output[0], atol=1e-6)
    assert z[0][64:] == [None] * 64 and z[1][:64] == [None] * 64
    guesses = [s for s in specs(at) if s["data"][0]["type"] == "bar"]
    assert guesses and guesses[0]["data"][0]["y"][-1] == "'中'"


def test_bilstm_example_button_sets_the_text():
    at = open_page("bilstm", text="abc")
    next(b for b in at.button if "我爱中国" in b.label).click().run()
    assert at.session_state.text == "我爱中国"
    at.button(key="notice_bilstm").click().run()             # "what to notice": the gap example
    assert at.session_state.text == "我爱?国"


def test_params_page_counts_match_the_real_modules():
    at = open_page("params")
    at.slider(key="params_h").set_value(64).run()
    at.slider(key="params_x").set_value(10).run()
    df = at.dataframe[0].value
    assert list(df.iloc[:3, 2]) == list(df.iloc[:3, 3])
    assert df.iloc[0, 3] == f"{torch_count('lstm', 64, 10):,}"
    assert "82{,}432" not in at.latex[1].value and "4\\cdot[64\\cdot(64+10) + 64]" in at.latex[1].value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_params_page_worked_count_follows_layers_and_directions(lang):
    """With 2 bidirectional layers the worked formula and the big number are those of
    nn.LSTM(10, 64, num_layers=2, bidirectional=True), not of one layer."""
    from explorer.i18n import say

    at = open_page("params", lang=lang)
    at.slider(key="params_h").set_value(64).run()
    at.slider(key="params_x").set_value(10).run()
    at.number_input(key="params_layers").set_value(2).run()
    at.checkbox(key="params_bi").check().run()
    assert not at.exception
    real = torch_count("lstm", 64, 10, 2, True)
    metric = at.metric[0]
    assert metric.value == f"{real:,}" and "num_layers=2, bidirectional=True" in metric.label
    assert metric.delta == say("params_match", lang) and metric.delta.startswith("✓")
    from streamlit.proto.Metric_pb2 import Metric
    assert metric.proto.direction == Metric.MetricDirection.NONE      # a statement, no ↑ beside it
    torch_latex = at.latex[2].value                                  # layer 2 reads h→ and h←: 2·64 = 128
    assert "2\\cdot 4\\cdot[64\\cdot(64+10) + 2\\cdot64]" in torch_latex
    assert "2\\cdot 4\\cdot[64\\cdot(64+128) + 2\\cdot64]" in torch_latex
    assert f"= {real:,}".replace(",", "{,}") + "\\end{aligned}" in torch_latex    # the sum is the real count
    lesson = formula_count("lstm", 64, 10, 2, True, biases=1)
    assert f"= {lesson:,}".replace(",", "{,}") + "\\end{aligned}" in at.latex[1].value
    df = at.dataframe[0].value
    assert df.iloc[3, 2] == f"{lesson:,}" and df.iloc[3, 3] == say("params_keras_real", lang)


def test_memory_page_accuracies_are_the_shipped_models():
    at = open_page("rnn_vs_lstm", text="the cat sat on the mat and the dog sat on the rug")
    acc = memory.accuracies(memory.load())
    chart = next(s for s in specs(at) if s["layout"]["yaxis"].get("tickformat") == ".0%")
    np.testing.assert_allclose(values(chart["data"][0]["y"]), acc["rnn"])
    np.testing.assert_allclose(values(chart["data"][1]["y"]), acc["lstm"])
    grads = next(s for s in specs(at) if s["layout"]["yaxis"].get("type") == "log")
    assert len(values(grads["data"][0]["y"])) == len("the cat sat on the mat and the dog sat on the rug")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_memory_page_says_why_the_rnn_lies_flat_at_the_bottom(lang):
    """On this text the RNN's gradient underflows to 0 a few characters back: the chart draws it at the
    floor of the log axis, and the page says so."""
    from explorer.draw import figures
    from explorer.i18n import say

    at = open_page("rnn_vs_lstm", text="the cat sat on the mat and the dog sat on the rug", lang=lang)
    grads = next(s for s in specs(at) if s["layout"]["yaxis"].get("type") == "log")
    rnn = values(grads["data"][0]["y"])
    assert rnn.min() == figures.LOG_FLOOR
    floor = say("mem_grad_floor", lang, names="RNN", floor="10⁻³⁰")
    assert floor in [c.value for c in at.caption]
    ticks = grads["layout"]["yaxis"]["tickvals"]                     # one grid line per power of ten
    np.testing.assert_allclose(np.array(ticks[1:]) / np.array(ticks[:-1]), 10.0)


def test_variants_page_runs_all_four():
    from explorer import load_model, trace

    text = "Return the list."
    at = open_page("variants", text=text)
    box, *maps = component_maps(at)                        # the text box, then the four models' maps
    assert box["text"] == text and box["panels"] == []
    assert len(maps) == 4 and all(len(m["panels"]) == 2 for m in maps)
    classic = trace(load_model(), text)                     # the first column is the shipped model itself
    np.testing.assert_allclose(panel_values(maps[0]["panels"][0], len(text)), classic.forget.T, atol=1e-6)
    np.testing.assert_allclose(panel_values(maps[0]["panels"][1], len(text)), classic.hidden.T, atol=1e-6)
    for m in maps[1:]:
        assert np.isfinite(panel_values(m["panels"][1], len(text))).all()
    shown = " ".join(m.value for m in at.markdown)
    stats = json.loads((memory.ASSETS / "variants.train.json").read_text())
    for kind in ("peephole", "coupled", "gru"):                # each one's held-out figure, as trained
        assert f"**{stats[kind]['held_out_bits_per_char']:.2f} bits per character**" in shown


@pytest.mark.parametrize("page, raw_key, bad, message", [
    ("case_last_letter", "case1_raw", "", "case1_empty"),
    ("case_last_letter", "case1_raw", "a b c", "case1_empty"),
    ("case_next_word", "case2_raw", "hi", "case2_empty"),
])
def test_case_pages_refuse_bad_data_clearly(page, raw_key, bad, message):
    from explorer.i18n import say

    at = open_page(page)
    at.text_area(key=raw_key).set_value(bad).run()
    assert any(e.value == say(message, "en") for e in at.error)
    assert at.button(key=("case1" if "last" in page else "case2") + "_train").disabled


def trained(name: str):
    """The running training `name`, once it has ended (at most a minute; its session kept open meanwhile)."""
    from explorer.shell import jobs

    job = next(j for (s, n), j in jobs._jobs.items() if n == name and j.running)
    end = time.time() + 60
    while job.running and time.time() < end:
        jobs.heartbeat(job.session)
        time.sleep(0.2)
    return job


def test_case1_trains_in_the_background_and_predicts():
    at = open_page("case_last_letter")
    at.button(key="case1_train").click().run()

    job = trained("last_letter")
    assert job.finished and job.progress["accuracy"] == 1.0
    at.run()
    at.text_input(key="case1_input").input("mak").run()
    probs = [s for s in specs(at) if s["data"][0]["type"] == "bar"][-1]
    assert probs["data"][0]["y"][-1] == "'e'"


def test_case2_trains_and_predicts_a_word():

    at = open_page("case_next_word")
    at.slider(key="case2_steps").set_value(100).run()
    at.button(key="case2_train").click().run()
    trained("next_word")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    at.text_input(key="case2_input").input("the cat sat on").run()
    assert not at.exception
    probs = [s for s in specs(at) if s["data"][0]["type"] == "bar"][-1]
    assert probs["data"][0]["y"][-1] == "'the'"


def test_a_huge_paste_is_capped_with_a_notice():
    from explorer import cases
    from explorer.i18n import say

    at = open_page("case_last_letter")
    at.text_area(key="case1_raw").set_value(" ".join(f"w{k}" for k in range(100_000))).run()
    assert any(w.value == say("case1_truncated", "en", n=100_000, cap=cases.MAX_WORDS) for w in at.warning)
    assert not at.button(key="case1_train").disabled


def _gradient_chart(text):
    at = open_page("rnn_vs_lstm", text=text)
    charts = [c for c in at.get("plotly_chart") if c.proto.id and "mem_grads" in c.proto.id]
    return at, (json.loads(charts[0].proto.spec)["data"] if charts else None)


def test_page_1_reads_chinese_each_text_its_own_curve():
    """The pair reads 汉字 as themselves: two Chinese sentences draw two different curves, each the autograd
    of the pair on that text (explorer.memory.gradient_norms), and no notice says it reads letters only."""
    from explorer.draw.figures import LOG_FLOOR

    alphabet, pair = memory.load_reader()
    curves = []
    for text in ("我爱中国今天天气很好", "你好世界机器学习真有"):
        at, data = _gradient_chart(text)
        assert data is not None and not at.warning, text
        ys = {d["name"]: np.asarray(decode(d["y"]) if isinstance(d["y"], dict) else d["y"], float) for d in data}
        for kind, name in (("rnn", "RNN"), ("lstm", "LSTM")):   # drawn from the last step back: T−1−t
            want = np.maximum(memory.gradient_norms(kind, pair[kind], text, alphabet)[::-1], LOG_FLOOR)
            np.testing.assert_allclose(ys[name], want, rtol=1e-5)
        curves.append(ys["LSTM"])
    assert not np.allclose(curves[0], curves[1], rtol=1e-3)


def test_page_1_says_what_it_cannot_read_and_never_draws_a_text_it_ignores():
    """Digits are not among what the pair reads: a plain sentence and an example one click away, not a chart
    "on your text" of spaces."""
    from explorer.i18n import say

    text = "1234567890"
    at, data = _gradient_chart(text)
    assert data is None
    assert any(say("mem_letters_only", "en", k=0, n=len(text))[:30] in w.value for w in at.warning)
    at.button(key="mem_example").click().run()
    assert not at.exception and at.session_state.text.startswith("the cat")
    assert [c for c in at.get("plotly_chart") if "mem_grads" in c.proto.id]


def test_bilstm_show_me_sets_t_without_streamlits_default_value_warning(capfd):
    """Show me puts t at the gap of its sentence; the t slider takes it from session state only (a default
    as well made Streamlit warn on every Show me)."""
    from explorer.quiz import GAP_TEXT

    at = open_page("bilstm")
    next(b for b in at.button if b.label == "Show me").click().run()
    assert not at.exception
    assert at.slider(key="bi_t").value == GAP_TEXT.index("?")
    assert "default value" not in capfd.readouterr().err
