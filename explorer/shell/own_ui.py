"""Your own model in the app (Streamlit): the sidebar's loader, and which model, layer and direction the
lesson pages show. The model is held in one registry for the whole server (MODELS: at most
MODELS_MB together, the least recently used set aside to make room); the session keeps only its ticket,
so another session never sees it, and it is freed when the session ends.

Session state: own_model (a cache.Ticket), own_layer, own_direction, own_error (the last refusal: its key
and values, never the exception, which would keep the file's tensors alive through its traceback),
own_weights_file / own_vocab_file (the uploaders). While a model is shown, ?model=<name> is in the URL,
and the live box keeps its name in the browser (explorer/static/box/livebox.js): a session that
starts without it after a reload, a restart or a failover says the model was lost."""
from __future__ import annotations

import tempfile
from pathlib import Path
from types import SimpleNamespace

import streamlit as st

from explorer import i18n
from explorer.cache import MB, Registry, Ticket
from explorer.own_model import OwnModel, OwnModelError, load
from explorer.safe_text import md_escape
from explorer.shell.state import K, lang, say
from explorer.tracing import Trace

MODELS_MB = 256                       # the models of all sessions together (one model: at most 64 MB)
MODELS = Registry(MODELS_MB * MB)


def current() -> OwnModel | None:
    ticket = st.session_state.get(K.OWN_MODEL)
    if not isinstance(ticket, Ticket):
        return None
    m = MODELS.get(ticket)
    if m is None:                       # set aside to make room for others' models
        back()
        refuse("set_aside", name=ticket.name, mb=MODELS_MB)
    return m


def refuse(key: str, **fmt) -> None:
    """Keep a refusal's sentence (its key and values) to show in the sidebar."""
    st.session_state[K.OWN_ERROR] = (key, fmt)


def lost(name: str) -> None:
    """The browser knew a model of yours that this session does not hold (a reload, a restart, a failover)."""
    if current() is None and K.OWN_ERROR not in st.session_state:
        refuse("lost", name=name[:120])


def layer_direction() -> tuple[int, str]:
    m = current()
    if m is None:
        return 0, "forward"
    layer = min(max(0, int(st.session_state.get(K.OWN_LAYER, 0))), m.num_layers - 1)
    direction = st.session_state.get(K.OWN_DIRECTION, "forward") if m.bidirectional else "forward"
    return layer, direction if direction in ("forward", "backward") else "forward"


class View:
    """The chosen layer of your model, as the lesson pages read a model: .lstm, sizes, .vocab.chars."""

    def __init__(self, m: OwnModel, layer: int, direction: str):
        self.own, self.layer, self.direction = m, layer, direction
        self.lstm = m.weights(layer, direction)
        self.hidden_size, self.input_size = self.lstm.hidden_size, self.lstm.input_size
        self.vocab = SimpleNamespace(chars=m.tokens)


def view() -> View | None:
    m = current()
    return None if m is None else View(m, *layer_direction())


def key() -> str | None:
    """What a cache of traces keys on: the weights' digest, the layer and the direction."""
    m = current()
    if m is None:
        return None
    layer, direction = layer_direction()
    return f"{m.digest}:{layer}:{direction}"


def trace(text: str, forcing=None) -> Trace | None:
    m = current()
    if m is None:
        return None
    layer, direction = layer_direction()
    return m.trace(text, layer, direction, forcing)


def _saved(upload, folder: Path) -> Path:
    path = folder / ("upload" + Path(upload.name).suffix.lower())
    path.write_bytes(upload.getvalue())
    return path


def _load() -> None:
    weights, vocab = st.session_state.get(K.OWN_WEIGHTS_FILE), st.session_state.get(K.OWN_VOCAB_FILE)
    st.session_state.pop(K.OWN_ERROR, None)
    if weights is None:
        return
    with tempfile.TemporaryDirectory() as folder:       # the bytes go to a private folder, read, and are deleted
        try:
            m = load(_saved(weights, Path(folder)), _saved(vocab, Path(folder)) if vocab is not None else None,
                     name=weights.name)
        except OwnModelError as e:
            refuse("err_" + e.key, **e.fmt)       # its sentence only: nothing the file made outlives this
            return
    ticket = MODELS.put(m, weights.name)
    if ticket is None:
        refuse("err_too_many_params", n=f"{m.parameters():,}", limit=f"{MODELS_MB * MB // 4:,}")
        return
    st.session_state[K.OWN_MODEL] = ticket
    st.session_state[K.OWN_VOCAB_NAME] = vocab.name if vocab is not None else None
    st.session_state[K.OWN_LAYER], st.session_state[K.OWN_DIRECTION] = m.num_layers - 1, "forward"
    st.session_state[K.SEL_J] = min(st.session_state.get(K.SEL_J, 0), m.hidden_size - 1)


def back() -> None:
    """Back to the shipped model."""
    ticket = st.session_state.pop(K.OWN_MODEL, None)
    if isinstance(ticket, Ticket):
        MODELS.drop(ticket)
    for k in (K.OWN_ERROR, K.OWN_LAYER, K.OWN_DIRECTION):
        st.session_state.pop(k, None)


def _error_text(lang: str) -> str | None:
    """The kept refusal as a sentence, every value from the file shown literally (never as Markdown)."""
    err = st.session_state.get(K.OWN_ERROR)
    if not (isinstance(err, tuple) and len(err) == 2):
        return None
    key, fmt = err
    return i18n.say("own_" + key, lang, **{k: md_escape(v) if isinstance(v, str) else v for k, v in fmt.items()})


def sync_url() -> None:
    """?model=<name> while a model of yours is shown; read once a session: a new session that finds it
    (after a reload or a restart) says the model was lost."""
    if K.OWN_URL_READ not in st.session_state:
        st.session_state[K.OWN_URL_READ] = True
        name = st.query_params.get("model")
        if name and current() is None:
            lost(name)
    m = current()
    if m is None:
        st.query_params.pop("model", None)
    elif st.query_params.get("model") != m.name[:120]:
        st.query_params["model"] = m.name[:120]


def sidebar() -> None:
    sync_url()
    m = current()
    err = st.session_state.get(K.OWN_ERROR)
    if m is None and isinstance(err, tuple) and err[0] in ("lost", "set_aside"):
        st.sidebar.warning(_error_text(lang()), icon=":material/cloud_off:")   # above the loader, folded or not
    with st.sidebar.expander(say("own_title"), expanded=m is not None or K.OWN_ERROR in st.session_state,
                             icon=":material/upload_file:"):
        if m is None:
            st.caption(say("own_help"))
            st.file_uploader(say("own_weights"), type=["pt", "pth", "safetensors", "npz"], key=K.OWN_WEIGHTS_FILE)
            st.file_uploader(say("own_vocab"), type=["json"], key=K.OWN_VOCAB_FILE)
            st.button(say("own_load"), on_click=_load, key=K.OWN_LOAD, icon=":material/upload:",
                      disabled=st.session_state.get(K.OWN_WEIGHTS_FILE) is None)
            if isinstance(err, tuple) and err[0] not in ("lost", "set_aside"):
                st.error(_error_text(lang()))
            return
        st.success(say("own_loaded", name=md_escape(m.name), layers=m.num_layers, h=m.hidden_size, n=f"{m.parameters():,}",
                     level=say("own_level_" + m.level), dirs=say("own_bi") if m.bidirectional else ""))
        if not m.has_decoder:
            st.caption(say("own_no_decoder"))
        if m.num_layers > 1:
            st.selectbox(say("own_layer"), range(m.num_layers), key=K.OWN_LAYER,
                         format_func=lambda k: say("own_layer_n", k=k + 1, below=say("own_layer_x") if k == 0 else
                                                 say("own_layer_h", k=k)))
        if m.bidirectional:
            st.radio(say("own_direction"), ["forward", "backward"], key=K.OWN_DIRECTION, horizontal=True,
                     format_func=lambda d: say("own_" + d))
        st.button(say("own_back"), on_click=back, key=K.OWN_BACK, icon=":material/undo:")
