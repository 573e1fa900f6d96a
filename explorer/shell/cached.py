"""Models and computed results, cached: the models once per process (st.cache_resource), traces and
other runs in caches bounded by bytes (explorer.cache) and shared by every session; a model of yours is
keyed by its weights' digest (explorer/shell/own_ui.py), so nobody else can reach it."""
from __future__ import annotations

import json

import numpy as np
import streamlit as st

from explorer import load_model, memory, units
from explorer import trace as compute_trace
from explorer.bilstm import bi_trace, load_bimodel
from explorer.cache import MB, ByteLRU
from explorer.lstm import Forcing
from explorer.models import ASSETS, CharModel
from explorer.shell import own_ui
from explorer.shell.state import say
from explorer.tracing import Trace
from explorer.variants import TRAINED, VariantModel, load_variants


# A 500-character trace is about 3 MB: a class typing 300 different texts must not grow the server by a trace each.
@st.cache_resource
def shipped() -> CharModel:
    """The shipped character model (assets/char_lstm.npz), loaded once per process."""
    return load_model()


def model():
    """The model the lesson pages show: yours, the chosen layer and direction (explorer/shell/own_ui.py), when
    one is loaded in this session; else the shipped one."""
    return own_ui.view() or shipped()


def model_key() -> str:
    return own_ui.key() or "shipped"


TRACES = ByteLRU(24 * MB)


FORCED = ByteLRU(12 * MB)


BI_TRACES = ByteLRU(12 * MB)


VARIANT_RUNS = ByteLRU(12 * MB)


GRADIENTS = ByteLRU(2 * MB)


def cached_trace(text: str) -> Trace:
    """The trace of the text by the model the pages show (own_ui's when one is loaded)."""
    return TRACES.get((model_key(), text), lambda: own_ui.trace(text) or compute_trace(shipped(), text))


def shipped_trace(text: str) -> Trace:
    """The trace of the text by the shipped model, whichever model the pages show (the questions are its)."""
    return TRACES.get(("shipped", text), lambda: compute_trace(shipped(), text))


def forced_trace(text: str, gate: str, value: float, start: int, unit: int | None) -> Trace:
    forcing = Forcing(gate, value, start, None if unit is None else (unit,))
    return FORCED.get((model_key(), text, forcing),
                      lambda: own_ui.trace(text, forcing) or compute_trace(shipped(), text, forcing))


@st.cache_resource
def asset_json(name: str) -> dict:
    """A JSON file that a script wrote into assets/ (training statistics, probe results)."""
    return json.loads((ASSETS / name).read_text(encoding="utf-8"))


def probe_result() -> dict:
    """What `python -m explorer.training.probe` found: for each property, the unit of C that tracks it best and r."""
    return asset_json("char_lstm.probe.json")


def named_units() -> dict[int, str]:
    """The units a probe found tracking something (|r| ≥ 0.5 on held-out text), named in this language
    (the shipped model's: none for a model of yours)."""
    if own_ui.current() is not None:
        return {}
    return {v["unit"]: say("probe_" + k) for k, v in probe_result().items() if abs(v["corr"]) >= 0.5}


@st.cache_resource
def bimodel():
    return load_bimodel()


def cached_bi_trace(text: str):
    return BI_TRACES.get(text, lambda: bi_trace(bimodel(), text))


@st.cache_resource
def memory_models():
    return memory.load()


@st.cache_resource
def memory_accuracies() -> dict:
    return memory.accuracies(memory_models())


@st.cache_resource
def memory_reader() -> tuple[str, dict]:
    """The gradient chart's pair (letters and 汉字): (alphabet, {'rnn': weights, 'lstm': weights})."""
    return memory.load_reader()


def gradient_norms(kind: str, text: str):
    alphabet, pair = memory_reader()
    return GRADIENTS.get((kind, text), lambda: memory.gradient_norms(kind, pair[kind], text, alphabet))


@st.cache_resource
def variant_models() -> dict:
    m = shipped()
    classic = VariantModel("classic", m.lstm, m.embedding, m.decoder_weight, m.decoder_bias)
    return {"classic": classic, **load_variants(ASSETS / "variants.npz")}


def variant_quality() -> dict[str, dict]:
    """Each variant's held-out bits per character and training budget, as its training run wrote them."""
    char, var = asset_json("char_lstm.train.json"), asset_json("variants.train.json")
    out = {"classic": {"bpc": char["held_out_bits_per_char"], "steps": char["steps"], "batch": char["batch"], "seq": char["seq"]}}
    for kind in TRAINED:   # older runs did not write batch/seq: train_variants' 32 × 64
        out[kind] = {"bpc": var[kind]["held_out_bits_per_char"], "steps": var[kind]["steps"],
                     "batch": var.get("batch", 32), "seq": var.get("seq", 64)}
    return out


def variant_runs(text: str) -> dict:
    def run() -> dict:
        ids = np.array(shipped().vocab.encode(text), np.int64)
        return {kind: (r := vm.run(ids), vm.next_char_probs(r)) for kind, vm in variant_models().items()}

    return VARIANT_RUNS.get(text, run)



@st.cache_resource(show_spinner=False)
def shipped_index() -> units.CorpusIndex:
    """The shipped model's corpus index (the unit explorer's passages and saturation)."""
    return units.corpus_index(shipped())


def saturated_shares() -> dict[str, float]:
    """{gate's name: the share of (unit, character) pairs where it is below 0.1 or above 0.9} over the
    shipped model's corpus."""
    return {say("kind_" + gate): float(np.mean(np.add(*units.saturation(shipped_index(), gate))))
            for gate in units.GATE_KINDS}
