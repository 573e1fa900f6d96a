"""Session state and the URL, in one place.

`Keys` names every entry of st.session_state — the shared ones and each widget's key — once; nothing
else in the app spells a key (tests/test_layers.py fails on a key written as a string anywhere else).
The language, the text, presenter mode and the chosen (t, j) are mirrored into the URL here and only
here (?lang=zh&text=...&t=3&j=83&present=1), so a shared link opens the same view."""
from __future__ import annotations

import streamlit as st

from explorer import i18n
from explorer.i18n import DEFAULT_LANG, LANGS
from explorer.texts import DEFAULT_TEXTS, INPUT_CAP, TEXT_CAP, one_newline  # noqa: F401  (the shell reads them here)


def _join(*parts) -> str:
    return "_".join(str(p) for p in parts)


def _family(*prefix: str):
    """Keys of one family: prefix_part1_part2 …"""
    return staticmethod(lambda *parts: _join(*prefix, *parts))


class Keys:
    """Every key of st.session_state. Constants for single entries, functions for families (one per
    gate, case, question …). A widget's key is its value in session state, so widgets are named here too (but
    the sidebar's two switches, whose values live in LANG and PRESENT: language_switch)."""
    # shared by every page, mirrored in the URL
    LANG, TEXT, TEXT_VERSION, PRESENT, SEL_T, SEL_J = "lang", "text", "text_version", "present", "sel_t", "sel_j"
    LANG_SWITCH, PRESENT_SWITCH = "lang_switch", "present_switch"   # the sidebar's widgets for LANG and PRESENT
    TEXT_RESTORABLE = "text_restorable"         # a new session on the default text: its first box may restore the tab's
    MAILBOX = "mailbox"                         # the text the overview's box posted, until the next run (shell/heard.py)
    TEXT_TO_URL = "text_to_url"                 # the server set the text: it goes into the address whatever the server last put there
    # the lesson pages' step-and-unit controls and Play
    PREV_STEP, NEXT_STEP = "prev_step", "next_step"
    PLAYING, STOP_PLAY, PLAY_FULL_RUN = "playing", "stop_play", "play_full_run"
    TOP_UNITS, COUNTER_EXAMPLE = "top_units", "counter_example"
    # your own model (sidebar) and the downloads
    OWN_MODEL, OWN_ERROR, OWN_VOCAB_NAME = "own_model", "own_error", "own_vocab_name"
    OWN_WEIGHTS_FILE, OWN_VOCAB_FILE, OWN_LOAD, OWN_BACK = "own_weights_file", "own_vocab_file", "own_load", "own_back"
    OWN_LAYER, OWN_DIRECTION, OWN_URL_READ = "own_layer", "own_direction", "own_url_read"
    OUT_NPZ, OUT_CSV = "out_npz", "out_csv"
    OUT_POPOVER, LINES_POPOVER = "out_popover", "lines_popover"   # open or closed: content made only while open
    # pages
    INPUT_LINES, OUTPUT_LINES = "input_lines", "output_lines"
    BELT, CONTRIB_OPEN, CONTRIBUTIONS = "belt", "contrib_open", "contributions"
    BI_DIRECTIONS, BI_T, BI_VECTORS = "bi_directions", "bi_t", "bi_vectors"
    MEM_GRADS, MEM_RETRAIN, MEM_STOP = "mem_grads", "mem_retrain", "mem_stop"
    MEM_SHOWN, MEM_ACCURACY, MEM_EXAMPLE = "mem_shown", "mem_accuracy", "mem_example"
    PARAMS_H, PARAMS_X, PARAMS_LAYERS, PARAMS_BI = "params_h", "params_x", "params_layers", "params_bi"
    # the unit explorer
    UX_KIND, UX_SPAN, UX_LINES, UX_PICK, UX_CARD = "ux_kind", "ux_span", "ux_lines", "ux_pick", "ux_card"
    UX_HIST, UX_PROPS, UX_VARIANTS = "ux_hist", "ux_props", "ux_variants"

    # families: Keys.live("overview") == "live_overview", Keys.whatif_open("forget") == "whatif_open_forget" …
    live = _family("live")                      # a page's live text box
    t_slider = _family("t_slider")              # t_slider(t): the t slider keyed by the t it starts at (stepper.step_controls)
    j_slider = _family("j_slider")
    notice = _family("notice")                  # a page's Show me button
    quiz = _family("q")                         # quiz(question, "guess" | "reveal" | "shown")
    out_png = _family("out_png")                # a map's PNG download
    whatif_open = _family("whatif_open")        # a lesson page's What if? switch, its value and its scope
    whatif_value = _family("whatif_value")
    whatif_scope = _family("whatif_scope")
    whatif_map = _family("whatif")              # whatif_map(gate, quantity): a map of the forced run
    bi_guess = _family("bi_guess")
    ux_threshold = _family("ux_threshold")
    ux_span_slider = _family("ux_span")         # ux_span_slider(text version, text checksum): new for a new text
    ux_force = _family("ux_force")
    ux_saturation = _family("ux_sat")
    ux_variant = _family("ux_var")              # ux_variant(kind, gate)
    case = _family()                            # case("case1", "raw") == "case1_raw": a case page's widgets and state

    @staticmethod
    def step(page: str) -> str:                 # the step t a page's Show me chooses: the Bi-LSTM's own slider, else t
        return Keys.BI_T if page == "bilstm" else Keys.SEL_T

    @staticmethod
    def lines(version: int) -> str:             # the several-lines editor, new each time the text is set
        return f"lines{version}"

    @staticmethod
    def whatif_guess(gate: str, where: str) -> str:     # the guesses before and after forcing
        return _join("whatif", gate, "guess", where)

    @staticmethod
    def variant(kind: str, part: str) -> str:   # part: maps, guess
        return _join("var", part, kind)

    @staticmethod
    def ux_match(units, kind: str) -> str:      # the chosen units' multiselect, new for each span's first units
        return "ux_match_" + "_".join(map(str, units)) + kind

K = Keys




def lang() -> str:
    return st.session_state.get(K.LANG, DEFAULT_LANG)


def say(key: str, **fmt) -> str:
    """A UI string in the current language."""
    return i18n.say(key, lang(), **fmt)


def init_state() -> None:
    """Read language and text from the URL once per session."""
    if K.LANG not in st.session_state:
        q = st.query_params.get("lang", DEFAULT_LANG)
        st.session_state[K.LANG] = q if q in LANGS else DEFAULT_LANG
    if K.PRESENT not in st.session_state:   # presenter mode travels in links: ?present=1
        st.session_state[K.PRESENT] = st.query_params.get("present") == "1"
    if K.TEXT not in st.session_state:
        if "text" not in st.query_params:      # the default: the live box may bring the tab's own text back
            st.session_state[K.TEXT_RESTORABLE] = True
        st.session_state[K.TEXT] = one_newline(st.query_params.get("text", DEFAULT_TEXTS[st.session_state[K.LANG]]))[:INPUT_CAP]


def _to_url(name: str, value: str) -> None:
    """Set ?name=value unless the URL already says so (each setting is a message to the browser)."""
    if st.query_params.get(name) != value:
        st.query_params[name] = value


def sync_url() -> None:
    _to_url("lang", lang())
    if st.session_state.pop(K.TEXT_TO_URL, False):
        # The overview's box writes a text it posted into the address itself (shell/heard.py), so the address may
        # hold a text that st.query_params, the server's view of it, does not: a text the server sets (an
        # example equal to what the server last put there) is written whatever that view says.
        st.query_params["text"] = st.session_state[K.TEXT]
    else:
        _to_url("text", st.session_state[K.TEXT])


def _mirror(widget_key: str, value_key: str) -> None:
    st.session_state[value_key] = st.session_state[widget_key]


def _agree(shown, value_key: str) -> None:
    """The switch shows what the browser holds: a new session's first run may bring the old session's choice with
    the widgets' values (a page change after a failover carries no ?lang), and no on_change for it. The switch
    wins, and the page is drawn again in it."""
    if shown != st.session_state.get(value_key):
        st.session_state[value_key] = shown
        st.rerun()


def language_switch() -> None:
    # The switch's default is the language of the moment, its value copied to K.LANG when changed. (Keyed by
    # K.LANG and set from the URL before it was drawn, a rerun asked for during the page's first run - a
    # component reporting on mount - made the browser draw it at its default, English, and send that back.)
    options = list(LANGS)
    shown = st.sidebar.radio(say("language"), options, index=options.index(lang()), format_func=LANGS.get,
                             key=K.LANG_SWITCH, horizontal=True, on_change=_mirror, args=(K.LANG_SWITCH, K.LANG))
    _agree(shown, K.LANG)
    _to_url("lang", lang())   # on every page, so a reload or a shared link keeps the language


def text_now() -> str:
    """The text the model reads: the session's, cut at TEXT_CAP characters."""
    return st.session_state[K.TEXT][:TEXT_CAP]


def set_text(text: str) -> None:
    """A button's callback: put an example into the shared text box."""
    st.session_state[K.TEXT] = one_newline(text)[:INPUT_CAP]
    st.session_state.pop(K.TEXT_RESTORABLE, None)
    st.session_state[K.TEXT_VERSION] = st.session_state.get(K.TEXT_VERSION, 0) + 1
    st.session_state[K.TEXT_TO_URL] = True
    mail = st.session_state.get(K.MAILBOX)   # what the overview's box posted before is old now (shell/heard.py)
    if mail is not None:
        mail.reset(st.session_state[K.TEXT_VERSION])


def _int_param(name: str, default: int) -> int:
    try:
        return int(st.query_params.get(name, default))
    except (TypeError, ValueError):
        return default


def clamp_selection(T: int, H: int) -> tuple[int, int]:
    """The chosen (t, j), from the session or the URL, kept inside the current text and model."""
    if K.SEL_T not in st.session_state:
        st.session_state[K.SEL_T] = _int_param("t", T - 1)
        st.session_state[K.SEL_J] = _int_param("j", 0)
    st.session_state[K.SEL_T] = min(max(0, st.session_state[K.SEL_T]), T - 1)
    st.session_state[K.SEL_J] = min(max(0, st.session_state[K.SEL_J]), H - 1)
    sync_selection()
    return st.session_state[K.SEL_T], st.session_state[K.SEL_J]


def sync_selection() -> None:
    """The chosen (t, j) into the URL: the one place that writes them there."""
    _to_url("t", str(st.session_state[K.SEL_T]))
    _to_url("j", str(st.session_state[K.SEL_J]))


def presenting() -> bool:
    return bool(st.session_state.get(K.PRESENT))


def presenter_switch(label: str, help: str) -> None:
    """The sidebar's switch for presenter mode: its default the mode of the moment (see language_switch)."""
    shown = st.sidebar.toggle(label, value=presenting(), key=K.PRESENT_SWITCH, help=help, on_change=_mirror,
                              args=(K.PRESENT_SWITCH, K.PRESENT))
    _agree(shown, K.PRESENT)


def sync_present() -> None:
    """Presenter mode into the URL (?present=1), so the links a teacher shares keep it."""
    if presenting():
        _to_url("present", "1")
    else:
        st.query_params.pop("present", None)


def session_id() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "no-session"

