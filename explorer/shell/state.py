"""Session state and the URL, in one place: the language, the text, presenter mode and the chosen
(t, j) live in st.session_state and are mirrored into the URL (?lang=zh&text=...&t=3&j=83&present=1),
so a shared link opens the same view. The keys it owns: lang, text, text_version (bumped when the text
is set from the server: an example, the several-lines editor), present, sel_t and sel_j (the chosen step
and unit of the lesson pages)."""
from __future__ import annotations

import streamlit as st

from explorer import i18n
from explorer.i18n import DEFAULT_LANG, LANGS


TEXT_CAP = 500          # characters read by the model; longer text is cut with a notice


INPUT_CAP = 10 * TEXT_CAP  # characters kept at all (box, URL): a pasted book stays out of every link


DEFAULT_TEXT = 'Return the number of items in the list. Use len(x) to count "words".'


CHINESE_TEXT = "我爱中国。今天天气很好，我们一起学习。"


DEFAULT_TEXTS = {"en": DEFAULT_TEXT, "zh": CHINESE_TEXT}   # the text a new session starts with, by language


def lang() -> str:
    return st.session_state.get("lang", DEFAULT_LANG)


def say(key: str, **fmt) -> str:
    """A UI string in the current language."""
    return i18n.say(key, lang(), **fmt)


def init_state() -> None:
    """Read language and text from the URL once per session."""
    if "lang" not in st.session_state:
        q = st.query_params.get("lang", DEFAULT_LANG)
        st.session_state.lang = q if q in LANGS else DEFAULT_LANG
    if "present" not in st.session_state:   # presenter mode travels in links: ?present=1
        st.session_state.present = st.query_params.get("present") == "1"
    if "text" not in st.session_state:
        st.session_state.text = st.query_params.get("text", DEFAULT_TEXTS[st.session_state.lang])[:INPUT_CAP]


def sync_url() -> None:
    st.query_params["lang"] = lang()
    st.query_params["text"] = st.session_state.text


def language_switch() -> None:
    st.sidebar.radio(say("language"), list(LANGS), format_func=LANGS.get, key="lang", horizontal=True)
    st.query_params["lang"] = lang()  # on every page, so a reload or a shared link keeps the language


def text_now() -> str:
    """The text the model reads: the session's, cut at TEXT_CAP characters."""
    return st.session_state.text[:TEXT_CAP]


def set_text(text: str) -> None:
    """A button's callback: put an example into the shared text box."""
    st.session_state.text = text[:INPUT_CAP]
    st.session_state.text_version = st.session_state.get("text_version", 0) + 1


def _int_param(name: str, default: int) -> int:
    try:
        return int(st.query_params.get(name, default))
    except (TypeError, ValueError):
        return default


def clamp_selection(T: int, H: int) -> tuple[int, int]:
    """The chosen (t, j), from the session or the URL, kept inside the current text and model."""
    if "sel_t" not in st.session_state:
        st.session_state.sel_t = _int_param("t", T - 1)
        st.session_state.sel_j = _int_param("j", 0)
    st.session_state.sel_t = min(max(0, st.session_state.sel_t), T - 1)
    st.session_state.sel_j = min(max(0, st.session_state.sel_j), H - 1)
    sync_selection()
    return st.session_state.sel_t, st.session_state.sel_j


def sync_selection() -> None:
    """The chosen (t, j) into the URL: the one place that writes them there."""
    st.query_params["t"] = str(st.session_state.sel_t)
    st.query_params["j"] = str(st.session_state.sel_j)


def presenting() -> bool:
    return bool(st.session_state.get("present"))


def session_id() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "no-session"

