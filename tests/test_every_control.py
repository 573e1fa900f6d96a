"""Every control of every page, in English and 中文, pressed alone from a fresh load, in process (Streamlit's
AppTest: no browser): no exception. Buttons are clicked, toggles and checkboxes flipped, every option of
every radio chosen. (The browser crawl, tests/browser/test_crawl.py, presses them all in a row on one load a
page and language, and looks at what only a browser shows: components, flashes, drawn sizes, pictures.)"""
import contextlib

import pytest
from streamlit.testing.v1 import AppTest

from explorer.path import PATH
from tests.helpers.apptest import APP, forget_jobs

KINDS = ("button", "toggle", "checkbox", "radio")


def fresh(script: str, lang: str) -> AppTest:
    forget_jobs()                     # a training an earlier press started would change the page's controls
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(lang=lang)
    at.run()
    if script != "overview":          # (switched after a first run: a rerun of a page opened straight fails in AppTest)
        at.switch_page(f"../pages/{script}.py")
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def presses(at: AppTest) -> list[tuple[str, int, object]]:
    """(kind, index, what to do) for each control of a freshly loaded page."""
    out = []
    for kind in KINDS:
        for k, w in enumerate(at.get(kind)):
            if getattr(w, "disabled", False):
                continue
            if kind == "radio":
                out += [(kind, k, option) for option in w.options if option != w.value]
            else:
                out.append((kind, k, None))
    return out


def press(at: AppTest, kind: str, k: int, option) -> None:
    """Press the control and run the app once."""
    w = at.get(kind)[k]
    if kind == "button":
        w.click()
    elif kind in ("toggle", "checkbox"):
        w.set_value(not w.value)
    with radios_as_shown(w if kind == "radio" else None, option):
        at.run()


@contextlib.contextmanager
def radios_as_shown(chosen, option):
    """Radios' states sent as the browser sends them: the option's text as shown. AppTest lists a radio's
    options as shown but formats its value again with the app's format_func outside the app's run, where
    a Chinese page's labels come out in English ("C · cell state" among 中文 options), and takes a chosen
    value as the app holds it ("en" for "English"), which a test cannot know. Here `chosen` sends `option`;
    any other radio its option as shown, or (when AppTest cannot tell) the one it was drawn with."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState
    from streamlit.testing.v1.element_tree import Radio

    own = Radio._widget_state

    def state(self):
        if self is chosen:
            shown = option
        else:
            try:
                return own.fget(self)
            except ValueError:
                shown = self.options[self.proto.default]
        ws = WidgetState(id=self.id)
        ws.string_value = shown
        return ws

    Radio._widget_state = property(state)
    try:
        yield
    finally:
        Radio._widget_state = own


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("script", [s.script for s in PATH])
def test_every_control_alone_from_a_fresh_load(script, lang):
    todo = presses(fresh(script, lang))
    assert todo, f"{script} has controls"
    for kind, k, option in todo:
        at = fresh(script, lang)
        press(at, kind, k, option)
        assert not at.exception, (script, lang, kind, k, option, [e.message for e in at.exception])
