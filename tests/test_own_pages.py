"""The pages with a model of yours loaded in the session (AppTest): they show its numbers for the chosen
layer and direction, say what it lacks, and leave the other pages on their own models."""
import json

import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest
from torch import nn

import explorer
from explorer.i18n import say
from explorer.models import ASSETS
from explorer.own_model import load
from explorer.path import PATH
from explorer.shell.own_ui import MODELS
from explorer.vocab import display_char
from tests.helpers.apptest import APP

CHARS = sorted(set("Return the number of items in the list.\n(x) \"abc\"我爱中国"))
TEXT = "Return the list (x)"


@pytest.fixture(scope="module")
def char_model(tmp_path_factory):
    """A 2-layer bidirectional character model with no decoder."""
    torch.manual_seed(3)
    folder = tmp_path_factory.mktemp("own")
    net = nn.Module()
    net.embedding = nn.Embedding(len(CHARS), 8)
    net.lstm = nn.LSTM(8, 12, num_layers=2, bidirectional=True, batch_first=True)
    torch.save(net.state_dict(), folder / "mine.pth")
    (folder / "vocab.json").write_text(json.dumps(CHARS, ensure_ascii=False), encoding="utf-8")
    return load(folder / "mine.pth", folder / "vocab.json")


def open_with(model, page: str, lang: str = "en", **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["own_model"] = MODELS.put(model, model.name)
    for k, v in state.items():
        at.session_state[k] = v
    at.query_params.update(text=TEXT, lang=lang, t="4", j="5")
    if page != "overview":        # straight to the page: one run (AppTest cannot rerun a widget with Chinese labels)
        at.switch_page(f"../pages/{page}.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def box(at: AppTest) -> dict:
    return json.loads(at.get("bidi_component")[0].proto.json)[0]


@pytest.mark.parametrize("page", [s.script for s in PATH if s.own_model])
def test_each_page_draws_the_chosen_layer_and_direction(char_model, page):
    at = open_with(char_model, page, own_layer=1, own_direction="backward")
    sent = box(at)["serverTrace"]
    want = explorer.trace(char_model, TEXT, layer=1, direction="backward")
    assert sent["T"] == len(TEXT) and sent["H"] == 12 and sent["chars"] == list(TEXT[::-1])
    raw = np.frombuffer(__import__("base64").b64decode(sent["values"]["cell"]), "<f4").reshape(len(TEXT), 12)
    np.testing.assert_array_equal(raw, want.cell)
    if page == "forget":                     # the equation's numbers: layer 1 reads both directions of layer 0
        body = next(e.proto.body for e in at.get("latex") if "aligned" in e.proto.body)
        assert f"{want.forget[4, 5]:.3f}" in body


def test_no_decoder_says_so_and_the_what_if_still_runs(char_model):
    at = open_with(char_model, "overview")                # the box lists the guesses: it says there are none
    assert box(at)["guesses"]["noDecoder"] == say("own_no_decoder", "en") and box(at)["serverTrace"]["guesses"] is None
    at = open_with(char_model, "forget", whatif_open_forget=True)
    assert any(i.value == say("own_no_decoder", "en") for i in at.info)
    assert len(at.get("plotly_chart")) >= 2          # C and h, as it is and forced


@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_your_models_guesses_are_its_own(tmp_path, direction):
    """With a decoder, the overview's box lists the model's own likeliest next tokens after the whole
    text, computed by the server — also when it shows a bidirectional model's backward direction."""
    torch.manual_seed(5)
    net = nn.Module()
    net.embedding = nn.Embedding(len(CHARS), 8)
    net.lstm = nn.LSTM(8, 12, batch_first=True, bidirectional=direction == "backward")
    net.decoder = nn.Linear(24 if direction == "backward" else 12, len(CHARS))
    torch.save(net.state_dict(), tmp_path / "dec.pth")
    (tmp_path / "vocab.json").write_text(json.dumps(CHARS, ensure_ascii=False), encoding="utf-8")
    model = load(tmp_path / "dec.pth", tmp_path / "vocab.json")
    at = open_with(model, "overview", own_direction=direction)
    sent = box(at)["serverTrace"]["guesses"]
    assert box(at)["guesses"]["noDecoder"] is None and len(sent) == 8
    with torch.no_grad():
        ids = torch.tensor([[CHARS.index(c) for c in TEXT]])
        out, _ = net.lstm(net.embedding(ids))
        probs = torch.softmax(net.decoder(out[0, -1]), -1).numpy()
    order = np.argsort(probs)[::-1][:8]
    assert [g[0] for g in sent] == [display_char(CHARS[v]) for v in order]
    np.testing.assert_allclose([g[1] for g in sent], probs[order], atol=1e-5)
    empty = AppTest.from_file(APP, default_timeout=120)   # no text: no guesses, and no "there is no decoder"
    empty.session_state["own_model"] = MODELS.put(model, model.name)
    empty.query_params.update(text="", lang="en")
    empty.run()
    assert not empty.exception and box(empty)["guesses"]["noDecoder"] is None


def test_the_unit_explorer_reads_the_corpus_with_your_model(char_model):
    at = open_with(char_model, "units", own_layer=0, own_direction="forward")
    assert [s.value for s in at.subheader][:4] == [say(k, "en") for k in
                                                   ("ux_select_title", "ux_match_title", "ux_card_title", "ux_sat_title")]
    assert at.number_input(key="ux_card").proto.max == 11 and at.number_input(key="ux_card").value == 0
    assert len(at.get("plotly_chart")) >= 4         # histogram, properties, three saturation plots


def test_other_pages_keep_their_models_and_say_so():
    word = explorer.load_model(ASSETS / "word_lstm.pt", vocab=ASSETS / "word_lstm.vocab.json")
    for page in ("bilstm", "params", "variants", "check"):     # (check: its questions on the shipped model's
        at = open_with(word, page, lang="zh")                   # unit 83, which a 64-unit model has not)
        assert any("你的模型" in i.value for i in at.info)
    at = open_with(word, "units")
    assert sum(i.value == say("ux_words", "en") for i in at.info) >= 2


def test_a_word_models_unknown_words_are_named_as_words():
    word = explorer.load_model(ASSETS / "word_lstm.pt", vocab=ASSETS / "word_lstm.vocab.json")
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["own_model"] = MODELS.put(word, word.name)
    at.query_params.update(text="return the qqqzzz list", lang="en")
    at.switch_page("../pages/forget.py")
    at.run()
    assert not at.exception
    notes = [c.value for c in at.caption if "vocabulary" in c.value]
    assert notes and "qqqzzz" in notes[0] and "word(s)" in notes[0], notes
    assert any(s.label == say("pick_t_word", "en") for s in at.slider)           # t counts words
