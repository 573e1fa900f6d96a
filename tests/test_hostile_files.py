"""A careless or hostile file never costs the class its server: each is refused with a sentence (English
and 中文) before anything large is made, a refusal keeps nothing, and every parser input gives a model
or a sentence, never another exception."""
import gc
import io
import json
import time
import weakref
import zipfile

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from torch import nn

import explorer
from benchmarks import hostile_files as hostile
from explorer.cache import Registry
from explorer.own_model import MAX_VOCAB, OwnModelError, load, read_vocab

REFUSED_PEAK_MB = 64


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return hostile.make(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def answers(files, tmp_path_factory):
    """Each hostile file loaded in a fresh process, its answer and its peak memory growth."""
    return hostile.measure(files, tmp_path_factory.mktemp("peak"))


def test_every_hostile_file_is_refused_with_a_sentence_in_both_languages(answers):
    for name, a in answers.items():
        assert a["key"] != "loaded", name
        assert a["en"].endswith((".", ")", "…")) and len(a["en"]) < 400, (name, a["en"])
        assert any("\u4e00" <= c <= "\u9fff" for c in a["zh"]), (name, a["zh"])
        assert "Traceback" not in a["en"] and "Error" not in a["en"].split(":")[0], (name, a["en"])


def test_no_refused_file_makes_the_process_grow_by_more_than_64_mb(answers):
    grown = {name: round(a["growth_mb"], 1) for name, a in answers.items()}
    assert all(mb <= REFUSED_PEAK_MB for mb in grown.values()), grown


def test_each_refusal_says_what_is_wrong(answers):
    keys = {name: a["key"] for name, a in answers.items()}
    assert keys["a stride-0 view of 16384² in a .pt"] == "missing"             # its names are checked first
    assert keys["1 GiB of float32 zeros, compressed, in an .npz"] == "missing"
    assert keys["205 M parameters in a 400 KB .npz"] == "too_many_params"
    V, X, H = 100_000, 2048, 8                      # embedding, the LSTM (biases counted though absent), decoder
    assert f"{V * X + 4 * H * (X + H + 2) + V * H + V:,}" in answers["205 M parameters in a 400 KB .npz"]["en"]
    assert keys["an .npy header declaring 25 G elements"] == "unreadable"
    assert keys["an empty .pt"] == "empty"
    assert keys["an .npz of 30,000 members"] == "too_many_members"
    assert keys["finite weights of 1e30"] == "too_large"
    assert keys["a vocabulary of 100,000 nested brackets"] == "vocab_bad"
    assert keys["100,000 tokens with a duplicate at the end"] == "vocab_twice"
    assert "“w5”" in answers["100,000 tokens with a duplicate at the end"]["en"]
    assert keys["a vocabulary of a million numbers"] == "vocab_big"


def test_a_refusal_keeps_nothing_the_file_made(files):
    """The error holds its sentence's values only: no traceback, no context, so no tensor stays alive."""
    weights, _ = files["a stride-0 view of 16384² in a .pt"]
    try:
        load(weights)
    except OwnModelError as e:
        err = e
    assert err.__context__ is None or err.__suppress_context__
    assert all(isinstance(v, (str, int, float)) for v in err.fmt.values())
    held = []
    tensor = torch.zeros(3)
    held.append(weakref.ref(tensor))
    del tensor
    gc.collect()
    assert held[0]() is None


def test_a_duplicate_in_100000_tokens_is_found_in_linear_time(files):
    _, vocab = files["100,000 tokens with a duplicate at the end"]
    start = time.process_time()
    with pytest.raises(OwnModelError):
        read_vocab(vocab)
    assert time.process_time() - start < 5       # quadratic took 189 s; linear is milliseconds


def test_bf16_and_fp16_models_load_and_equal_the_module(tmp_path):
    from safetensors.torch import save_file

    torch.manual_seed(0)
    lstm = nn.LSTM(5, 4)
    for dtype in (torch.bfloat16, torch.float16):
        state = {f"lstm.{k}": v.to(dtype).contiguous() for k, v in lstm.state_dict().items()}
        save_file(state, str(tmp_path / "m.safetensors"))
        (tmp_path / "v.json").write_text(json.dumps(list("abcde")))
        m = load(tmp_path / "m.safetensors", tmp_path / "v.json")
        np.testing.assert_array_equal(m.layers[0][0].weight_ih, state["lstm.weight_ih_l0"].float().numpy())


def test_a_model_whose_forward_overflows_is_refused(tmp_path, monkeypatch):
    import explorer.own_model as om

    monkeypatch.setattr(om, "MAX_WEIGHT", float("inf"))       # past the weights' own check: the probe text
    state = {"embedding.weight": torch.full((4, 3), 1e30), "lstm.weight_ih_l0": torch.full((8, 3), 1e30),
             "lstm.weight_hh_l0": torch.zeros(8, 2), "decoder.weight": torch.ones(4, 2), "decoder.bias": torch.zeros(4)}
    torch.save(state, tmp_path / "m.pt")
    (tmp_path / "v.json").write_text(json.dumps(list("abcd")))
    with pytest.raises(OwnModelError) as e:
        load(tmp_path / "m.pt", tmp_path / "v.json")
    assert e.value.key in ("forward_not_finite", "not_finite")
    assert "NaN" in e.value.message("zh")


def test_the_torch_detail_is_cut_at_a_sentence_not_mid_word(tmp_path):
    class Evil:
        def __reduce__(self):
            return (print, ("ran",))

    torch.save({"x": Evil()}, tmp_path / "evil.pt")
    with pytest.raises(OwnModelError) as e:
        load(tmp_path / "evil.pt")
    detail = e.value.fmt["detail"]
    assert detail.startswith("Unsupported global") and detail.endswith((".", "…")) and "Re-running" not in detail


# --- every parser input, fuzzed -----------------------------------------------------------------------
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _valid_bytes(fmt: str) -> bytes:
    torch.manual_seed(1)
    state = nn.LSTM(3, 2).state_dict()
    buf = io.BytesIO()
    if fmt == ".pt":
        torch.save({f"lstm.{k}": v for k, v in state.items()}, buf)
    elif fmt == ".npz":
        np.savez(buf, **{f"lstm.{k}": v.numpy() for k, v in state.items()})
    else:
        from safetensors.torch import save
        return save({f"lstm.{k}": v.contiguous() for k, v in state.items()})
    return buf.getvalue()


VALID = {fmt: _valid_bytes(fmt) for fmt in (".pt", ".npz", ".safetensors")}


def _answer(path, vocab=None):
    try:
        return load(path, vocab)
    except OwnModelError as e:
        assert e.message("en") and e.message("zh")
        return e


@FUZZ
@given(fmt=st.sampled_from(sorted(VALID)), cut=st.integers(0, 10_000), flips=st.lists(st.tuples(st.integers(0, 10_000),
       st.integers(0, 255)), max_size=8), noise=st.binary(max_size=300))
def test_the_loader_answers_any_bytes_with_a_model_or_a_sentence(tmp_path, fmt, cut, flips, noise):
    data = bytearray(VALID[fmt])
    for at, value in flips:                                      # bytes changed, the file cut, noise appended
        data[at % len(data)] = value
    data = bytes(data[: max(1, len(data) - cut % len(data))]) + noise
    path = tmp_path / f"m{fmt}"
    path.write_bytes(data)
    _answer(path, None)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_the_loader_answers_random_bytes(tmp_path, data):
    for fmt in VALID:
        (tmp_path / f"r{fmt}").write_bytes(data)
        _answer(tmp_path / f"r{fmt}")


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=5), inner, max_size=5),
                    max_leaves=30)


@FUZZ
@given(doc=JSON | st.fixed_dictionaries({"tokens": JSON, "level": JSON}) | st.fixed_dictionaries({"chars": JSON}),
       depth=st.integers(0, 5000), raw=st.binary(max_size=200))
def test_the_vocabulary_reader_answers_any_json_or_bytes(tmp_path, doc, depth, raw):
    for content in (json.dumps(doc).encode(), b"[" * depth + b"]" * depth, raw, b"[" * depth):
        path = tmp_path / "v.json"
        path.write_bytes(content)
        try:
            tokens, level = read_vocab(path)
            assert tokens and level in ("char", "word") and len(tokens) <= MAX_VOCAB
        except OwnModelError as e:
            assert e.message("zh")


# --- the registry: the sessions' models together within a budget -------------------------------------
def test_the_registry_holds_the_sessions_models_within_its_budget_and_frees_a_closed_ones():
    reg = Registry(budget=3 * 4000)
    tickets = [reg.put(np.zeros(1000, np.float32), f"m{k}") for k in range(3)]
    assert reg.bytes == 12_000 and all(reg.get(t) is not None for t in tickets)
    reg.get(tickets[0])                                           # used: the least recent is now m1
    fourth = reg.put(np.zeros(1000, np.float32), "m3")
    assert reg.get(tickets[1]) is None and reg.get(tickets[0]) is not None and reg.bytes <= reg.budget
    del tickets[0]                                                # a session closed: its model is freed
    gc.collect()
    assert len(reg) == 2 and reg.get(fourth) is not None
    assert reg.put(np.zeros(5000, np.float32), "too big") is None


# --- what a file brings, shown literally; spreadsheets never run it -----------------------------------
MARKUP = ["$\\rule{20em}{20em}$", ":red[big]", "[click](http://example.com)", "**bold**", "<b>x</b>"]


def test_markup_in_names_and_tokens_is_escaped_in_the_sidebar(tmp_path):
    from streamlit.testing.v1 import AppTest

    from explorer.shell.own_ui import MODELS
    from tests.helpers.apptest import APP

    torch.manual_seed(0)
    net = nn.Module()
    net.embedding = nn.Embedding(len(MARKUP), 3)
    net.lstm = nn.LSTM(3, 2, batch_first=True)
    torch.save(net.state_dict(), tmp_path / "m.pt")
    (tmp_path / "v.json").write_text(json.dumps(MARKUP))
    model = load(tmp_path / "m.pt", tmp_path / "v.json", name="$\\rule{20em}{20em}$ **x** :red[y].pt")
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["own_model"] = MODELS.put(model, model.name)
    at.run()
    shown = at.sidebar.success[0].value
    assert "\\$\\\\rule\\{20em\\}\\{20em\\}\\$ \\*\\*x\\*\\* \\:red\\[y\\]" in shown
    at = AppTest.from_file(APP, default_timeout=120)               # a refusal naming a tensor of the file
    at.session_state["own_error"] = ("err_unknown_names", {"names": "[a](http://x) **b**"})
    at.run()
    assert "\\[a\\]\\(http\\:\\/\\/x\\) \\*\\*b\\*\\*" in at.sidebar.error[0].value


def test_csv_cells_that_look_like_formulas_are_text_and_the_numbers_read_back(tmp_path):
    import csv

    from explorer.draw import export
    from explorer.own_model import OwnModel  # noqa: F401

    words = ['=HYPERLINK("http://example.com/x","click")', "+1+2", "-3+4", "@SUM(A1:A9)", "plain"]
    torch.manual_seed(0)
    net = nn.Module()
    net.embedding = nn.Embedding(len(words), 3)
    net.lstm = nn.LSTM(3, 4, batch_first=True)
    torch.save(net.state_dict(), tmp_path / "m.pt")
    (tmp_path / "v.json").write_text(json.dumps({"tokens": words, "level": "word"}))
    model = load(tmp_path / "m.pt", tmp_path / "v.json")
    tr = explorer.trace(model, " ".join(words))
    with zipfile.ZipFile(io.BytesIO(export.trace_csvs(tr))) as z:
        rows = list(csv.reader(io.StringIO(z.read("forget.csv").decode("utf-8"))))
    assert rows[0][1:] == ["'" + w for w in words[:4]] + ["plain"]
    assert not any(cell.startswith(export.FORMULA_START) for cell in rows[0])
    np.testing.assert_array_equal(np.array(rows[1:], float)[:, 1:].astype(np.float32), tr.forget.T)


def test_a_non_finite_guess_is_never_sent_to_the_browser():
    from explorer.draw.box import guess_list

    probs = np.array([0.2, np.nan, 0.7, np.inf, 0.1])
    listed = guess_list(probs, list("abcde"))
    assert [g[0] for g in listed] == ["c", "a", "e"]
    json.dumps(listed, allow_nan=False)


def test_case_trainings_are_capped_by_symbols_and_memory():
    from explorer import cases

    rng = np.random.default_rng(0)
    chinese = ["".join(chr(0x4E00 + int(k)) for k in rng.integers(0, 20000, 14)) for _ in range(2000)]
    over = cases.too_big("last_letter", chinese)
    assert over is not None and int(over["n"].replace(",", "")) > cases.MAX_SYMBOLS
    assert cases.too_big("last_letter", cases.DEFAULT_WORDS) is None
    assert cases.too_big("next_word", cases.tokenize(cases.DEFAULT_PARAGRAPH)) is None
