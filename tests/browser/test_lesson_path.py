"""The lesson as a class meets it: the path's links visit every page in order and back; the arrow keys step t
in presenter mode; every question reveals the model's own answer; a case page asks before it shows its guesses.
(Presenter mode's sizes: tests/browser/test_readable.py.)"""
import urllib.parse

import numpy as np
import pytest
from playwright.sync_api import expect

from explorer import load_model, quiz, trace, units
from explorer.bilstm import bi_trace, load_bimodel
from explorer.i18n import say
from explorer.memory import gradient_norms, load_reader
from explorer.path import PATH
from explorer.shell.cached import probe_result
from explorer.texts import COUNTER_TEXT
from scripts.chromium import WAIT, settle
from tests.browser.conftest import shot

URL = {s.key: s.url for s in PATH}


def path_of(page) -> str:
    return urllib.parse.urlparse(page.url).path.strip("/")


FOCUS = """() => { const e = document.activeElement, s = e && getComputedStyle(e);
  return e && e !== document.body ? { text: (e.innerText || '').trim(), next: !!e.closest("[data-testid='stPageLink']"),
    visible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 } : null; }"""
TABS = 400     # more Tab presses than any page has places to stop


def tab_to_next(page, number: int) -> dict:
    """Press Tab until the lesson path's link "number · … →" has the focus (every stop on the way passed)."""
    for _ in range(TABS):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus and focus["next"] and focus["text"].startswith(f"{number} · ") and focus["text"].endswith("→"):
            return focus
    raise AssertionError(f"{path_of(page)}: Tab never reached the next link")


def test_the_path_is_walked_with_the_keyboard_and_back_with_the_mouse(open_app):
    """Forward with the keyboard alone: Tab to "next →" on every page (its focus drawn), Enter follows it;
    back to the start with the "← previous" links."""
    page = open_app(URL[PATH[0].key])
    for k, (stop, after) in enumerate(zip(PATH, PATH[1:])):
        assert path_of(page) in (stop.url, stop.key)
        assert tab_to_next(page, k + 2)["visible"], f"{stop.key}: the focus on the next link is not drawn"
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => location.pathname.replace(/\\//g, '') === '{after.url or after.key}'"
                               f" || location.pathname.replace(/\\//g, '') === '{after.url}'", timeout=WAIT)
        settle(page)
        assert page.locator("[data-testid='stException']").count() == 0, after.key
    for stop, before in zip(PATH[::-1], PATH[::-1][1:]):
        page.locator("[data-testid='stPageLink'] a").filter(has_text="←").first.click()
        page.wait_for_function(f"() => location.pathname.replace(/\\//g, '') === '{before.url}'", timeout=WAIT)
        settle(page)
    assert path_of(page) == PATH[0].url


def test_a_map_reached_with_tab_steps_j_with_up_and_down_and_t_with_left_and_right(open_app):
    page = open_app("forget?" + urllib.parse.urlencode({"text": "abcdefghij", "t": 5, "j": 10}))
    page.wait_for_selector("canvas.lb-map")
    settle(page)
    for _ in range(TABS):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('canvas.lb-map.lb-clickable')"):
            break
    else:
        raise AssertionError("Tab never reached a map")
    label = page.evaluate("() => document.activeElement.getAttribute('aria-label')")   # what a screen reader says
    assert label.startswith(say("kind_forget", "en")) and "10 characters" in label and " units (rows)" in label, label
    for key, (t, j) in (("ArrowDown", (5, 11)), ("ArrowDown", (5, 12)), ("ArrowUp", (5, 11)), ("ArrowRight", (6, 11))):
        page.keyboard.press(key)
        page.wait_for_function("([t, j]) => { const q = new URL(location).searchParams; "
                               "return q.get('t') === t && q.get('j') === j; }", arg=[str(t), str(j)])
        settle(page)
        focus = page.evaluate("() => { const e = document.activeElement, s = getComputedStyle(e.parentElement); return "   # the ring:
                              "[e.matches('canvas.lb-map'), s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2]; }")  # its box's
        assert focus == [True, True], (key, "the map keeps a visible focus after it is drawn again")


def test_arrow_keys_step_t_in_presenter_mode(open_app):
    """Two keys pressed faster than the server runs both count: each names the t to go to, so two that
    reach the server before its run starts (it keeps only the newest) still land where the presenter
    meant; a slider's value sent again from the browser does not put t back."""
    page = open_app("forget?" + urllib.parse.urlencode({"text": "abcdefghij", "t": 5, "j": 1, "present": 1}))
    page.wait_for_selector("canvas.lb-map")     # the box that listens for the keys is in
    settle(page)                                # and the page's first run is over
    page.locator("h1").click()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URL(location).searchParams.get('t') === '7'", timeout=WAIT)
    for want in (6, 5):
        settle(page)
        page.keyboard.press("ArrowLeft")
        page.wait_for_function(f"() => new URL(location).searchParams.get('t') === '{want}'", timeout=WAIT)
    settle(page)
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["t"] == ["5"]   # and no further


def expected_questions(lang: str) -> dict:
    unit = probe_result()["column"]["unit"]
    counting = trace(load_model(), COUNTER_TEXT)
    alphabet, pair = load_reader()
    grads = {k: gradient_norms(k, pair[k], quiz.MEMORY_TEXT, alphabet) for k in ("rnn", "lstm")}
    m, bm = load_model(), load_bimodel()
    index = units.corpus_index(m)
    return {"memory": quiz.gradient_memory(grads["rnn"], grads["lstm"], lang),
            "cell": quiz.cell_at_break(counting, unit, lang), "forget": quiz.forget_at_break(counting, unit, lang),
            "input": quiz.written_after_break(counting, unit, lang), "output": quiz.cell_or_hidden(counting, unit, lang),
            "overview": quiz.next_char(trace(m, quiz.CHAR_PROMPT), m.vocab.chars, lang),
            "bilstm": quiz.fill_gap(bi_trace(bm, "我爱?国"), bm.vocab.chars, lang),
            "variants": quiz.fewest_parameters(m.hidden_size, m.input_size, lang),
            "params": quiz.lstm_parameters(128, 32, lang),
            "units": quiz.most_saturated({say("kind_" + g, lang): float(np.mean(np.add(*units.saturation(index, g))))
                                          for g in units.GATE_KINDS}, lang)}


OUTSIDE = """(box) => { const main = document.querySelector("[data-testid='stMain']").innerText;
                     return main.split(box.innerText).join(''); }"""      # the page's text but the question's


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_question_reveals_the_models_own_answer(open_app, lang):
    """In English a wrong guess is revealed as wrong, a new guess hides it, the right one is revealed as right;
    in 中文 the right guess straight away."""
    for stop, q in expected_questions(lang).items():
        page = open_app(f"{URL[stop]}?lang={lang}")      # a new tab each: a tab keeps its text (sessionStorage)
        guesses = page.locator(f".st-key-q_{stop}_guess [role='radiogroup'] label")   # the question's own widgets,
        reveal = page.locator(f".st-key-q_{stop}_reveal button")                     # by their keys
        box = page.locator(f".st-key-q_{stop}_reveal").locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]")
        if stop in ("memory", "cell", "forget", "input", "output"):      # about one example: put it in the box first
            assert guesses.count() == 0, stop
            page.locator(f".st-key-q_{stop}_text button").click()
            settle(page)
            guesses.first.wait_for()
        box.scroll_into_view_if_needed()
        assert say("predict_title", lang) in box.inner_text(), stop
        if stop == "params":                       # no count of the asked module before the reveal
            assert q.options[q.answer] not in box.element_handle().evaluate(OUTSIDE), stop
        if stop == "bilstm":                       # the question's sentence in the box: its guesses stay folded
            page.get_by_role("button", name=say("notice_button", lang)).click()
            settle(page)
            assert page.get_by_text(say("bi_guess_at", lang, t=2)).count() == 0 or \
                not page.get_by_text(say("bi_guess_at", lang, t=2)).first.is_visible()
        saturation = page.locator(".js-plotly-plot").filter(has_text=say("kind_forget", lang))
        if stop == "units":                        # the gates' saturation charts answer it: folded until the reveal
            assert saturation.count() == 0 or not saturation.first.is_visible()
        if lang == "en":
            wrong = next(k for k in range(len(q.options)) if k != q.answer)
            guesses.nth(wrong).click()
            settle(page)
            reveal.click()
            settle(page)
            said = box.locator("[data-testid='stAlertContainer']").inner_text()
            assert said == say("reveal_wrong", lang, answer=q.options[q.answer]), stop
        guesses.nth(q.answer).click()              # a new guess hides the answer
        settle(page)
        expect(box.locator("[data-testid='stAlertContainer']")).to_have_count(0, timeout=WAIT)
        reveal.click()
        settle(page)
        assert box.locator("[data-testid='stAlertContainer']").inner_text() == say("reveal_right", lang,
                                                                                  answer=q.options[q.answer])
        if stop == "params":                       # revealed: the worked count is open
            page.wait_for_function(f"(box) => ({OUTSIDE})(box).includes({q.options[q.answer]!r})",
                                   arg=box.element_handle(), timeout=WAIT)
        if stop == "bilstm":
            expect(page.get_by_text(say("bi_guess_at", lang, t=2)).first).to_be_visible(timeout=WAIT)
        if stop == "units":
            expect(saturation.first).to_be_visible(timeout=WAIT)
        page.close()


@pytest.mark.parametrize("stop, lang", [("case1", "zh"), ("case2", "en")])
def test_a_case_page_asks_about_an_example_never_trained_on_before_it_shows_its_guesses(open_app, stop, lang):
    """Show me trains on the lesson's data; the question appears once training ends, and the model's guesses on
    the examples never trained on stay folded (not visible) until the reveal, then open; case 2's model then
    predicts the next word of a sentence typed in."""
    page = open_app(f"{URL[stop]}?lang={lang}", height=1400)
    page.get_by_role("button", name=say("notice_button", lang)).click()
    page.get_by_text(say("case_done", lang), exact=False).first.wait_for(timeout=120_000)
    settle(page)
    box = page.locator("[data-testid='stVerticalBlock']").filter(has_text=say("predict_title", lang)).last
    box.locator("[data-testid='stRadio']").wait_for(timeout=WAIT)
    rows = page.locator("[data-testid='stExpander']").filter(has_text=say("q_folded", lang))
    expect(rows).to_have_count(1)
    assert not rows.locator("li").first.is_visible()                   # folded: no guess on screen
    box.locator("[data-testid='stRadio'] [role='radiogroup'] label").first.click()
    settle(page)
    box.get_by_role("button", name=say("reveal", lang)).click()
    settle(page)
    box.locator("[data-testid='stAlertContainer']").wait_for()
    opened = page.locator("[data-testid='stExpander']").filter(has_text=say("case_never_rows", lang))
    expect(opened.locator("li").first).to_be_visible(timeout=WAIT)
    assert page.locator("[data-testid='stException']").count() == 0
    shot(page, f"{stop}-question-{lang}")
    if stop == "case2":                    # the model trained here predicts a next word for a sentence typed in
        box = page.get_by_label(say("case2_input", lang))
        box.fill("the cat sat on")
        box.press("Enter")
        settle(page)
        page.wait_for_function("() => document.body.innerText.includes(\"'the'\")")
        assert page.locator("[data-testid='stException']").count() == 0
        shot(page, "case2-trained")
