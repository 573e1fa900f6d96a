"""Your own LSTM: loaded safely from a file, traced layer by layer with the lesson's equations.

    from explorer import load_model, trace
    model = load_model("my_model.pt", vocab="vocab.json")
    t = trace(model, "some text", layer=1)           # every quantity of layer 1, as for the shipped model

Files:
- .pt / .pth: `torch.save(module.state_dict(), path)`, read with `torch.load(..., weights_only=True)`, so
  no code in the file runs; anything but names mapped to tensors is refused.
- .safetensors (the `safetensors` package), and .npz (numpy, allow_pickle=False): the same names, or
  the project's own .npz (explorer.models).
Names: `lstm.weight_ih_l{k}`, `lstm.weight_hh_l{k}`, `lstm.bias_ih_l{k}`, `lstm.bias_hh_l{k}` (and
`_reverse` for a bidirectional LSTM), optionally `embedding.weight` (else the inputs are one-hot) and
`decoder.weight` / `decoder.bias` (else no next-token guesses); or a bare nn.LSTM's (no `lstm.`).
Vocabulary: a JSON list of tokens (characters or words), {"tokens": [...], "level": "word"}, or the
project's {"chars": [...]}; words are read by splitting the text on whitespace.

Every refusal is an OwnModelError: a sentence (English and Chinese) naming what is wrong.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from math import prod
from pathlib import Path

import numpy as np

from explorer.lstm import Forcing, LSTMRun, LSTMWeights, run, softmax
from explorer.own_file import MAX_BYTES, SUFFIXES, ArrayFile, OwnModelError, TensorFile, detail, open_tensors  # noqa: F401
from explorer.tracing import Trace
from explorer.vocab import UNKNOWN_MARK
from explorer.weights import NAMES

MAX_HIDDEN = 1024
MAX_VOCAB = 100_000
MAX_VOCAB_BYTES = 8 * 2**20      # a vocabulary file: 100,000 words of 20 characters written as \uXXXX fit
MAX_LAYERS = 8
MAX_INPUT = 8192
MAX_PARAMS = 16_000_000          # 64 MB of float32: what a model of yours may hold in the server's memory
MAX_TRACE_MB = 64                # one trace of TRACE_TOKENS tokens: every quantity, and the guesses (T × V)
TRACE_TOKENS = 500               # the app reads at most this many tokens of a text (explorer.shell.state.TEXT_CAP)
MAX_WEIGHT = 1e4                 # |w| above this is not a trained LSTM's, and could overflow float32 in a forward
UNKNOWN_TOKENS = ("<unk>", "<UNK>", "[UNK]", UNKNOWN_MARK)
PARAM = re.compile(r"^(weight_ih|weight_hh|bias_ih|bias_hh)_l(\d+)(_reverse)?$")
PROJECT_NPZ = {"embedding": "embedding.weight", "weight_ih": "lstm.weight_ih_l0", "weight_hh": "lstm.weight_hh_l0",
               "bias_ih": "lstm.bias_ih_l0", "bias_hh": "lstm.bias_hh_l0", "decoder_weight": "decoder.weight",
               "decoder_bias": "decoder.bias"}


def _shape(a) -> str:
    return "(" + ", ".join(str(int(n)) for n in a) + ")"


# --- the vocabulary -----------------------------------------------------------------------------------
def read_vocab(path: Path) -> tuple[tuple[str, ...], str]:
    """(tokens, "char" or "word") from a vocabulary JSON file. Linear in the file's size; the number of
    tokens is bounded (by its commas) before the JSON is parsed."""
    raw = Path(path).read_bytes()
    if len(raw) > MAX_VOCAB_BYTES:
        raise OwnModelError("vocab_file_big", mb=f"{len(raw) / 2**20:.1f}", limit=MAX_VOCAB_BYTES // 2**20)
    if raw.count(b",") > 2 * MAX_VOCAB:               # a list of more items than tokens allowed, whatever they are
        raise OwnModelError("vocab_big", n=f"{raw.count(b',') + 1:,}+", limit=f"{MAX_VOCAB:,}")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise OwnModelError("vocab_bad", detail=detail(e, 120)) from None
    except RecursionError:
        raise OwnModelError("vocab_bad", detail="Its lists are nested too deeply.") from None
    level = None
    if isinstance(data, dict) and isinstance(data.get("chars"), list):       # the project's own: id 0 is unknown
        data = [UNKNOWN_MARK, *data["chars"]]
    elif isinstance(data, dict) and isinstance(data.get("tokens"), list):
        level = data.get("level")
        data = data["tokens"]
    if not isinstance(data, list) or not data or not all(isinstance(s, str) and s for s in data):
        raise OwnModelError("vocab_bad", detail="It is not a list of non-empty strings.")
    if len(data) > MAX_VOCAB:
        raise OwnModelError("vocab_big", n=f"{len(data):,}", limit=f"{MAX_VOCAB:,}")
    seen: set[str] = set()
    for s in data:
        if s in seen:
            raise OwnModelError("vocab_twice", token=s[:40])
        seen.add(s)
    if level not in ("char", "word"):
        plain = [s for s in data if s not in UNKNOWN_TOKENS and not (s.startswith("<") and s.endswith(">"))]
        level = "char" if all(len(s) == 1 for s in plain) else "word"
    return tuple(data), level


# --- the model ------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class OwnModel:
    name: str
    tokens: tuple[str, ...]
    level: str                                   # "char": one token a character; "word": split on whitespace
    embedding: np.ndarray | None                 # (V, X), or None: one-hot inputs (X = V)
    layers: tuple[tuple[LSTMWeights, LSTMWeights | None], ...]   # (forward, backward or None) per layer
    decoder_weight: np.ndarray | None            # (V, H·directions)
    decoder_bias: np.ndarray | None
    digest: str                                  # of the weights and vocabulary: what a cache may key on

    @property
    def num_layers(self) -> int:
        return len(self.layers)

    @property
    def bidirectional(self) -> bool:
        return self.layers[0][1] is not None

    @property
    def hidden_size(self) -> int:
        return self.layers[0][0].hidden_size

    @property
    def input_size(self) -> int:
        return self.layers[0][0].input_size

    @property
    def has_decoder(self) -> bool:
        return self.decoder_weight is not None

    @property
    def unknown_id(self) -> int | None:
        return next((k for k, s in enumerate(self.tokens) if s in UNKNOWN_TOKENS), None)

    def parameters(self) -> int:
        n = 0 if self.embedding is None else self.embedding.size
        for fw, bw in self.layers:
            for w in (fw, bw) if bw is not None else (fw,):
                n += sum(getattr(w, k).size for k in NAMES)
        if self.decoder_weight is not None:
            n += self.decoder_weight.size + self.decoder_bias.size
        return n

    def split(self, text: str) -> list[str]:
        return text.split() if self.level == "word" else list(text)

    def encode(self, pieces: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(ids, unknown): ids are -1 for a token not in the vocabulary (no "<unk>" to stand in)."""
        index = {s: k for k, s in enumerate(self.tokens)}
        unk = self.unknown_id
        ids = np.array([index.get(p, -1) for p in pieces], np.int64)
        unknown = ids < 0
        if unk is not None:
            unknown |= ids == unk
            ids[ids < 0] = unk
        return ids, unknown

    def inputs(self, ids: np.ndarray) -> np.ndarray:
        """x_t for each id: the embedding row, or one-hot; an unknown with no "<unk>" gets zeros."""
        X = self.input_size
        out = np.zeros((len(ids), X), np.float32)
        ok = ids >= 0
        if self.embedding is not None:
            out[ok] = self.embedding[ids[ok]]
        else:
            out[np.flatnonzero(ok), ids[ok]] = 1.0
        return out

    def run_layers(self, x: np.ndarray, forcing: tuple[int, str, Forcing] | None = None
                   ) -> list[tuple[np.ndarray, LSTMRun, LSTMRun | None]]:
        """Per layer: (its input (T, X_k), the forward run, the backward run in text order or None).
        forcing: (layer, "forward"/"backward", Forcing) pins a gate there; the layers above see its effect."""
        out = []
        for k, (fw, bw) in enumerate(self.layers):
            f_force = forcing[2] if forcing and forcing[0] == k and forcing[1] == "forward" else None
            b_force = forcing[2] if forcing and forcing[0] == k and forcing[1] == "backward" else None
            f = run(fw, x, f_force)
            b = None
            if bw is not None:
                r = run(bw, x[::-1].copy(), b_force)            # the backward LSTM reads from the end
                b = LSTMRun(**{name: getattr(r, name)[::-1] for name in LSTMRun.__dataclass_fields__})
            out.append((x, f, b))
            x = f.hidden if b is None else np.concatenate([f.hidden, b.hidden], axis=1)
        return out

    def probs(self, top: tuple[np.ndarray, LSTMRun, LSTMRun | None]) -> np.ndarray | None:
        if self.decoder_weight is None:
            return None
        _, f, b = top
        h = f.hidden if b is None else np.concatenate([f.hidden, b.hidden], axis=1)
        return softmax(h @ self.decoder_weight.T + self.decoder_bias)

    def trace(self, text: str, layer: int = 0, direction: str = "forward", forcing: Forcing | None = None) -> Trace:
        """One layer's (and direction's) every quantity over the text, as a Trace. The backward direction is
        given in the order it reads (from the last token to the first), so that its t−1 is the step before.
        next_char_probs: the decoder's guesses after each token (None when the model has no decoder)."""
        if not 0 <= layer < self.num_layers:
            raise ValueError(f"layer {layer}: the model has {self.num_layers}")
        if direction not in ("forward", "backward") or (direction == "backward" and not self.bidirectional):
            raise ValueError(f"direction {direction!r}")
        pieces = self.split(text)
        ids, unknown = self.encode(pieces)
        x = self.inputs(ids)
        layers = self.run_layers(x, (layer, direction, forcing) if forcing is not None else None)
        x_k, f, b = layers[layer]
        probs = self.probs(layers[-1])
        chars = tuple(UNKNOWN_MARK if u and self.level == "char" else p for p, u in zip(pieces, unknown))
        if direction == "backward":
            flip = slice(None, None, -1)
            r = LSTMRun(**{name: np.ascontiguousarray(getattr(b, name)[flip]) for name in LSTMRun.__dataclass_fields__})
            return Trace(text, chars[::-1], ids[::-1], unknown[::-1], np.ascontiguousarray(x_k[::-1]), r,
                         None if probs is None else probs[::-1])
        return Trace(text, chars, ids, unknown, x_k, f, probs)

    def weights(self, layer: int = 0, direction: str = "forward") -> LSTMWeights:
        fw, bw = self.layers[layer]
        return bw if direction == "backward" else fw


def _names(entries: dict) -> dict[str, str]:
    """The file's name of each tensor under the names build() reads (the project's own .npz renamed)."""
    if set(entries) <= set(PROJECT_NPZ) and "weight_ih" in entries:
        return {PROJECT_NPZ[k]: k for k in entries}
    return {k: k for k in entries}


def build(tensors: dict[str, np.ndarray] | TensorFile, tokens: tuple[str, ...] | None, level: str = "char",
          name: str = "model") -> OwnModel:
    """An OwnModel from named tensors (arrays, or a TensorFile not read yet) and a vocabulary. Every name,
    shape and count is checked on the shapes alone, against the limits, before one number is read."""
    from explorer.models import load_model as shipped

    source = tensors if isinstance(tensors, TensorFile) else ArrayFile(tensors)
    file_name = _names(source.entries)
    shapes = {k: source.entries[f].shape for k, f in file_name.items()}
    lstm, other = {}, {}
    prefixed = any(k.startswith("lstm.") for k in shapes)
    for k in shapes:
        key = k[len("lstm."):] if prefixed and k.startswith("lstm.") else k
        m = PARAM.match(key)
        if m and (prefixed == k.startswith("lstm.")):
            lstm[(int(m.group(2)), bool(m.group(3)), m.group(1))] = k
        elif key.startswith("weight_hr_l"):
            raise OwnModelError("projection", name=k[:80])
        else:
            other[k] = k
    extra = sorted(set(other) - {"embedding.weight", "decoder.weight", "decoder.bias"})
    if extra:
        raise OwnModelError("unknown_names", names=", ".join(e[:60] for e in extra[:6]) + (" …" if len(extra) > 6 else ""))
    if not lstm:
        raise OwnModelError("no_lstm")
    L = max(k[0] for k in lstm) + 1
    reverse = any(k[1] for k in lstm)
    if L > MAX_LAYERS:
        raise OwnModelError("too_many_layers", n=L, limit=MAX_LAYERS)
    pre = "lstm." if prefixed else ""

    def full(layer: int, rev: bool, part: str) -> str:
        return f"{pre}{part}_l{layer}{'_reverse' if rev else ''}"

    def need(layer: int, rev: bool, part: str) -> tuple[int, ...] | None:
        k = lstm.get((layer, rev, part))
        if k is None and part.startswith("weight"):
            raise OwnModelError("missing", name=full(layer, rev, part))
        return None if k is None else shapes[k]

    hh = need(0, False, "weight_hh")
    if len(hh) != 2 or hh[0] != 4 * hh[1]:
        raise OwnModelError("shape", name=full(0, False, "weight_hh"), shape=_shape(hh), expected="(4·H, H)")
    H = hh[1]
    if H > MAX_HIDDEN:
        raise OwnModelError("too_wide", h=H, limit=MAX_HIDDEN)
    ih = need(0, False, "weight_ih")
    X0 = ih[-1] if len(ih) == 2 else -1
    if not 0 < X0 <= MAX_INPUT:
        raise OwnModelError("shape", name=full(0, False, "weight_ih"), shape=_shape(ih), expected=f"(4·{H}, X)")
    dirs = 2 if reverse else 1
    plan = []                                           # (layer, reverse, part, shape, the tensor's name or None)
    for k in range(L):
        X = X0 if k == 0 else H * dirs
        for rev in (False, True) if reverse else (False,):
            for part, shape in (("weight_ih", (4 * H, X)), ("weight_hh", (4 * H, H)), ("bias_ih", (4 * H,)),
                                ("bias_hh", (4 * H,))):
                got = need(k, rev, part)
                if got is not None and got != shape:
                    raise OwnModelError("shape", name=full(k, rev, part), shape=_shape(got), expected=_shape(shape))
                plan.append((k, rev, part, shape, lstm.get((k, rev, part))))
    emb, dw, db = (shapes.get(k) for k in ("embedding.weight", "decoder.weight", "decoder.bias"))
    if (dw is None) != (db is None):
        raise OwnModelError("missing", name="decoder.bias" if db is None else "decoder.weight")
    if tokens is None:
        if emb is not None or dw is not None:
            raise OwnModelError("vocab_needed")
        chars = shipped().vocab.chars
        if X0 != len(chars):
            raise OwnModelError("vocab_needed")
        tokens, level = chars, "char"                      # one-hot over the shipped model's characters
    V = len(tokens)
    if emb is not None:
        if len(emb) != 2 or emb[1] != X0:
            raise OwnModelError("shape", name="embedding.weight", shape=_shape(emb), expected=f"(V, {X0})")
        if emb[0] != V:
            raise OwnModelError("vocab_size", n=V, name="embedding.weight", rows=emb[0])
    elif X0 != V:
        raise OwnModelError("vocab_onehot", n=V, x=X0)
    if dw is not None:
        if dw != (V, H * dirs):
            if len(dw) == 2 and dw[1] == H * dirs:
                raise OwnModelError("vocab_size", n=V, name="decoder.weight", rows=dw[0])
            raise OwnModelError("shape", name="decoder.weight", shape=_shape(dw), expected=_shape((V, H * dirs)))
        if db != (V,):
            raise OwnModelError("shape", name="decoder.bias", shape=_shape(db), expected=_shape((V,)))
    # the arithmetic: what the model and one trace of it would hold, before anything is read
    params = sum(prod(p[3]) for p in plan) + sum(prod(s) for s in (emb, dw, db) if s is not None)
    if params > MAX_PARAMS:
        raise OwnModelError("too_many_params", n=f"{params:,}", limit=f"{MAX_PARAMS:,}")
    per_token = 10 * H + X0 + (V if dw is not None else 0)      # six quantities, four pre-activations, x, guesses
    trace_mb = TRACE_TOKENS * per_token * 4 / 2**20
    if trace_mb > MAX_TRACE_MB:
        raise OwnModelError("trace_big", n=TRACE_TOKENS, mb=f"{trace_mb:,.0f}", limit=MAX_TRACE_MB)

    def read(k: str) -> np.ndarray:
        a = source.read(file_name[k])
        if not np.isfinite(a).all():
            raise OwnModelError("not_finite", name=k[:80])
        big = float(np.abs(a).max(initial=0.0))
        if big > MAX_WEIGHT:
            raise OwnModelError("too_large", name=k[:80], v=f"{big:.3g}", limit=f"{MAX_WEIGHT:g}")
        return a

    named, arrays = {}, {}                                  # what the file holds, by name; the LSTM's, by place
    for k, rev, part, shape, key in plan:
        arrays[(k, rev, part)] = named[key] = read(key) if key is not None else np.zeros(shape, np.float32)
    layers = []
    for k in range(L):
        pair = [LSTMWeights(*(arrays[(k, rev, part)] for part in NAMES)) for rev in ((False, True) if reverse else (False,))]
        layers.append((pair[0], pair[1] if reverse else None))
    for key in ("embedding.weight", "decoder.weight", "decoder.bias"):
        if key in shapes:
            named[key] = read(key)
    named.pop(None, None)
    h = hashlib.sha256(json.dumps(list(tokens), ensure_ascii=False).encode())
    for key in sorted(named):
        h.update(key.encode())
        h.update(memoryview(named[key]).cast("B"))
    emb_a, dw_a, db_a = (named.get(k) for k in ("embedding.weight", "decoder.weight", "decoder.bias"))
    model = OwnModel(name, tuple(tokens), level, emb_a, tuple(layers), dw_a, db_a, h.hexdigest()[:16])
    _probe(model)
    return model


def _probe(model: OwnModel) -> None:
    """Refuse a model whose forward is not finite on a probe text: its first tokens, read in order."""
    tokens = [s for s in model.tokens[:64] if s not in UNKNOWN_TOKENS] or list(model.tokens[:1])
    text = (" " if model.level == "word" else "").join(tokens)
    with np.errstate(all="ignore"):                     # an overflow is what is looked for, not a warning
        layers = model.run_layers(model.inputs(model.encode(model.split(text))[0]))
        probs = model.probs(layers[-1])
    values = [probs] if probs is not None else []
    for _, f, b in layers:
        values += [getattr(r, name) for r in (f, b) if r is not None for name in LSTMRun.__dataclass_fields__]
    if not all(np.isfinite(v).all() for v in values):
        raise OwnModelError("forward_not_finite")


def load(path, vocab=None, name: str | None = None, vocab_name: str | None = None) -> OwnModel:
    """Load a model file (and its vocabulary file); raises OwnModelError with the reason."""
    path = Path(path)
    tokens, level = read_vocab(vocab) if vocab is not None else (None, "char")
    with open_tensors(path, name) as f:
        return build(f, tokens, level, name or path.name)
