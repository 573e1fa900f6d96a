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
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from explorer.i18n import say
from explorer.lstm import Forcing, LSTMRun, LSTMWeights, run, softmax
from explorer.tracing import Trace
from explorer.vocab import UNKNOWN_MARK
from explorer.weights import NAMES

MAX_BYTES = 50 * 2**20
MAX_HIDDEN = 1024
MAX_VOCAB = 100_000
MAX_LAYERS = 8
MAX_INPUT = 8192
SUFFIXES = (".pt", ".pth", ".safetensors", ".npz")
UNKNOWN_TOKENS = ("<unk>", "<UNK>", "[UNK]", UNKNOWN_MARK)
PARAM = re.compile(r"^(weight_ih|weight_hh|bias_ih|bias_hh)_l(\d+)(_reverse)?$")
PROJECT_NPZ = {"embedding": "embedding.weight", "weight_ih": "lstm.weight_ih_l0", "weight_hh": "lstm.weight_hh_l0",
               "bias_ih": "lstm.bias_ih_l0", "bias_hh": "lstm.bias_hh_l0", "decoder_weight": "decoder.weight",
               "decoder_bias": "decoder.bias"}


class OwnModelError(ValueError):
    """A file that is not a model this app can load; `message(lang)` says why in that language."""

    def __init__(self, key: str, **fmt):
        self.key, self.fmt = key, fmt
        super().__init__(say("own_err_" + key, "en", **fmt))

    def message(self, lang: str) -> str:
        return say("own_err_" + self.key, lang, **self.fmt)


def _shape(a) -> str:
    return "(" + ", ".join(str(int(n)) for n in a) + ")"


# --- reading a file: tensors only, never code -------------------------------------------------------
def read_tensors(path: Path, name: str | None = None) -> dict[str, np.ndarray]:
    """{name: float32 array} from a .pt/.pth, .safetensors or .npz file."""
    path = Path(path)
    name = name or path.name
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise OwnModelError("format", suffix=suffix or "?", allowed=", ".join(SUFFIXES))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise OwnModelError("too_big", mb=f"{size / 2**20:.1f}", limit=MAX_BYTES // 2**20)
    if suffix in (".pt", ".pth"):
        return _read_torch(path)
    if suffix == ".safetensors":
        from safetensors import SafetensorError
        from safetensors.numpy import load_file

        try:
            raw = load_file(str(path))
        except (SafetensorError, OSError, ValueError, TypeError) as e:
            raise OwnModelError("unreadable", detail=str(e).splitlines()[0][:200]) from None
        return {k: _float32(k, v) for k, v in raw.items()}
    try:
        with np.load(path, allow_pickle=False) as f:
            raw = {k: f[k] for k in f.files}
    except ValueError as e:
        if "pickle" in str(e).lower():
            raise OwnModelError("pickle", detail=str(e).splitlines()[0][:200]) from None
        raise OwnModelError("unreadable", detail=str(e).splitlines()[0][:200]) from None
    except (OSError, EOFError, zipfile.BadZipFile, KeyError) as e:
        raise OwnModelError("unreadable", detail=str(e).splitlines()[0][:200] or type(e).__name__) from None
    if set(raw) <= set(PROJECT_NPZ) and "weight_ih" in raw:     # the project's own format
        raw = {PROJECT_NPZ[k]: v for k, v in raw.items()}
    return {k: _float32(k, v) for k, v in raw.items()}


def _float32(name: str, a) -> np.ndarray:
    a = np.asarray(a)
    if a.dtype.kind not in "fiub":
        raise OwnModelError("not_tensor", name=name, type=str(a.dtype))
    return np.ascontiguousarray(a, np.float32)


def _read_torch(path: Path) -> dict[str, np.ndarray]:
    import pickle

    import torch

    try:
        obj = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as e:       # weights_only refused something that is not a tensor
        raise OwnModelError("pickle", detail=str(e).strip().splitlines()[0][:200]) from None
    except (RuntimeError, EOFError, OSError, ValueError, zipfile.BadZipFile, KeyError, AttributeError) as e:
        raise OwnModelError("unreadable", detail=str(e).strip().splitlines()[0][:200] or type(e).__name__) from None
    if not isinstance(obj, dict):
        raise OwnModelError("not_state_dict", type=type(obj).__name__)
    out = {}
    for k, v in obj.items():
        if not isinstance(k, str) or not torch.is_tensor(v):
            raise OwnModelError("not_tensor", name=str(k)[:80], type=type(v).__name__)
        if v.is_complex():
            raise OwnModelError("not_tensor", name=k, type=str(v.dtype))
        out[k] = v.detach().to(torch.float32).contiguous().numpy().copy()
    return out


# --- the vocabulary -----------------------------------------------------------------------------------
def read_vocab(path: Path) -> tuple[tuple[str, ...], str]:
    """(tokens, "char" or "word") from a vocabulary JSON file."""
    try:
        raw = Path(path).read_bytes()
        if len(raw) > MAX_BYTES:
            raise OwnModelError("vocab_bad", detail=f"{len(raw) / 2**20:.1f} MB")
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise OwnModelError("vocab_bad", detail=str(e)[:120]) from None
    level = None
    if isinstance(data, dict) and isinstance(data.get("chars"), list):       # the project's own: id 0 is unknown
        data = [UNKNOWN_MARK, *data["chars"]]
    elif isinstance(data, dict) and isinstance(data.get("tokens"), list):
        level = data.get("level")
        data = data["tokens"]
    if not isinstance(data, list) or not data or not all(isinstance(s, str) and s for s in data):
        raise OwnModelError("vocab_bad", detail="not a list of non-empty strings")
    if len(data) > MAX_VOCAB:
        raise OwnModelError("vocab_big", n=f"{len(data):,}", limit=f"{MAX_VOCAB:,}")
    if len(set(data)) != len(data):
        dup = next(s for s in data if data.count(s) > 1)
        raise OwnModelError("vocab_bad", detail=f"{dup!r} appears twice")
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


def build(tensors: dict[str, np.ndarray], tokens: tuple[str, ...] | None, level: str = "char",
          name: str = "model") -> OwnModel:
    """An OwnModel from named tensors and a vocabulary, every name and shape checked."""
    from explorer.models import load_model as shipped

    lstm, other = {}, {}
    prefixed = any(k.startswith("lstm.") for k in tensors)
    for k, v in tensors.items():
        key = k[len("lstm."):] if prefixed and k.startswith("lstm.") else k
        m = PARAM.match(key)
        if m and (prefixed == k.startswith("lstm.")):
            lstm[(int(m.group(2)), bool(m.group(3)), m.group(1))] = v
        elif key.startswith("weight_hr_l"):
            raise OwnModelError("projection", name=k)
        else:
            other[k] = v
    extra = sorted(set(other) - {"embedding.weight", "decoder.weight", "decoder.bias"})
    if extra:
        raise OwnModelError("unknown_names", names=", ".join(extra[:6]) + (" …" if len(extra) > 6 else ""))
    if not lstm:
        raise OwnModelError("no_lstm")
    L = max(k[0] for k in lstm) + 1
    reverse = any(k[1] for k in lstm)
    if L > MAX_LAYERS:
        raise OwnModelError("too_many_layers", n=L, limit=MAX_LAYERS)
    pre = "lstm." if prefixed else ""

    def need(layer: int, rev: bool, part: str) -> np.ndarray | None:
        a = lstm.get((layer, rev, part))
        if a is None and part.startswith("weight"):
            raise OwnModelError("missing", name=f"{pre}{part}_l{layer}{'_reverse' if rev else ''}")
        return a

    hh = need(0, False, "weight_hh")
    if hh.ndim != 2 or hh.shape[0] != 4 * hh.shape[1]:
        raise OwnModelError("shape", name=f"{pre}weight_hh_l0", shape=_shape(hh.shape), expected="(4·H, H)")
    H = hh.shape[1]
    if H > MAX_HIDDEN:
        raise OwnModelError("too_wide", h=H, limit=MAX_HIDDEN)
    X0 = need(0, False, "weight_ih").shape[-1] if need(0, False, "weight_ih").ndim == 2 else -1
    if not 0 < X0 <= MAX_INPUT:
        raise OwnModelError("shape", name=f"{pre}weight_ih_l0", shape=_shape(lstm[(0, False, 'weight_ih')].shape),
                            expected=f"(4·{H}, X)")
    dirs = 2 if reverse else 1
    layers = []
    for k in range(L):
        X = X0 if k == 0 else H * dirs
        pair = []
        for rev in (False, True) if reverse else (False,):
            ws = {}
            for part, shape in (("weight_ih", (4 * H, X)), ("weight_hh", (4 * H, H)), ("bias_ih", (4 * H,)), ("bias_hh", (4 * H,))):
                a = need(k, rev, part)
                full = f"{pre}{part}_l{k}{'_reverse' if rev else ''}"
                if a is None:
                    a = np.zeros(shape, np.float32)            # an LSTM made with bias=False
                if a.shape != shape:
                    raise OwnModelError("shape", name=full, shape=_shape(a.shape), expected=_shape(shape))
                if not np.isfinite(a).all():
                    raise OwnModelError("not_finite", name=full)
                ws[part] = a
            pair.append(LSTMWeights(ws["weight_ih"], ws["weight_hh"], ws["bias_ih"], ws["bias_hh"]))
        layers.append((pair[0], pair[1] if reverse else None))
    emb, dw, db = other.get("embedding.weight"), other.get("decoder.weight"), other.get("decoder.bias")
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
        if emb.ndim != 2 or emb.shape[1] != X0:
            raise OwnModelError("shape", name="embedding.weight", shape=_shape(emb.shape), expected=f"(V, {X0})")
        if emb.shape[0] != V:
            raise OwnModelError("vocab_size", n=V, name="embedding.weight", rows=emb.shape[0])
    elif X0 != V:
        raise OwnModelError("vocab_onehot", n=V, x=X0)
    if dw is not None:
        if dw.shape != (V, H * dirs):
            if dw.ndim == 2 and dw.shape[1] == H * dirs:
                raise OwnModelError("vocab_size", n=V, name="decoder.weight", rows=dw.shape[0])
            raise OwnModelError("shape", name="decoder.weight", shape=_shape(dw.shape), expected=_shape((V, H * dirs)))
        if db.shape != (V,):
            raise OwnModelError("shape", name="decoder.bias", shape=_shape(db.shape), expected=_shape((V,)))
    for k, a in (("embedding.weight", emb), ("decoder.weight", dw), ("decoder.bias", db)):
        if a is not None and not np.isfinite(a).all():
            raise OwnModelError("not_finite", name=k)
    h = hashlib.sha256(json.dumps(list(tokens), ensure_ascii=False).encode())
    for key in sorted(tensors):
        h.update(key.encode())
        h.update(tensors[key].tobytes())
    return OwnModel(name, tuple(tokens), level, emb, tuple(layers), dw, db, h.hexdigest()[:16])


def load(path, vocab=None, name: str | None = None, vocab_name: str | None = None) -> OwnModel:
    """Load a model file (and its vocabulary file); raises OwnModelError with the reason."""
    path = Path(path)
    tensors = read_tensors(path, name)
    tokens, level = read_vocab(vocab) if vocab is not None else (None, "char")
    return build(tensors, tokens, level, name or path.name)
