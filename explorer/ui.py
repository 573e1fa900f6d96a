"""Widgets and cached computations shared by the pages.

- The language and the text live in st.session_state and are mirrored into the URL
  (?lang=zh&text=...), so a shared link opens the same view.
- The model is loaded once per process (st.cache_resource); a trace once per text.
"""
from __future__ import annotations

import streamlit as st
from st_keyup import st_keyup

from explorer import load_model
from explorer import trace as compute_trace
from explorer.i18n import DEFAULT_LANG, LANGS, tr
from explorer.models import CharModel
from explorer.trace import Trace

TEXT_CAP = 500          # characters read by the model; longer text is cut with a notice
DEBOUNCE_MS = 150       # keystrokes closer than this are sent together
DEFAULT_TEXT = 'Return the number of items in the list. Use len(x) to count "words".'


def lang() -> str:
    return st.session_state.get("lang", DEFAULT_LANG)


def t(key: str, **fmt) -> str:
    """A UI string in the current language."""
    return tr(key, lang(), **fmt)


def init_state() -> None:
    """Read language and text from the URL once per session."""
    if "lang" not in st.session_state:
        q = st.query_params.get("lang", DEFAULT_LANG)
        st.session_state.lang = q if q in LANGS else DEFAULT_LANG
    if "text" not in st.session_state:
        st.session_state.text = st.query_params.get("text", DEFAULT_TEXT)


def sync_url() -> None:
    st.query_params["lang"] = lang()
    st.query_params["text"] = st.session_state.text


def language_switch() -> None:
    st.sidebar.radio(t("language"), list(LANGS), format_func=LANGS.get, key="lang", horizontal=True)


@st.cache_resource
def model() -> CharModel:
    return load_model()


@st.cache_resource(max_entries=256)
def cached_trace(text: str) -> Trace:
    return compute_trace(model(), text)


def text_box() -> str:
    """The live text box: returns the text the model reads (capped), with notices shown."""
    typed = st_keyup(t("text_label"), value=st.session_state.text, key="text_box", debounce=DEBOUNCE_MS,
                     placeholder=t("text_placeholder"))
    if typed is not None:
        st.session_state.text = typed
    sync_url()
    text = st.session_state.text
    if len(text) > TEXT_CAP:
        st.warning(t("too_long", n=len(text), cap=TEXT_CAP))
        text = text[:TEXT_CAP]
    return text


def live_trace() -> Trace | None:
    """Text box + trace; None (after a friendly hint) when there is nothing to show."""
    text = text_box()
    if not text:
        st.info(t("empty_hint"))
        return None
    tr_ = cached_trace(text)
    unknown = sorted({c for c, u in zip(text, tr_.unknown) if u})
    if unknown:  # named by code point: nothing the user typed is passed to Markdown
        shown = " ".join(f"U+{ord(c):04X}" for c in unknown[:20])
        st.caption(t("unknown_note", n=int(tr_.unknown.sum()), chars=shown))
    return tr_
