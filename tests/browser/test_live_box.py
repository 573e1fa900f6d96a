"""The live box in a real browser: the trace computed in JavaScript equals explorer.trace (and the
Bi-LSTM's equals bi_trace), the maps redraw on every key with no server run, and the server hears
the text once typing pauses."""
import urllib.parse

import numpy as np
import pytest

from explorer import load_model, trace
from explorer.bilstm import bi_trace, load_bimodel
from explorer.quantities import NAMES
from explorer.texts import COUNTER_TEXT
from explorer.vocab import display_char
from scripts.chromium import WAIT, settle
from tests.browser.conftest import shot

HOSTILE = [
    'Return the number of items in the list. Use len(x) to count "words".',
    "<b>bold</b> & <script>alert(1)</script> <img src=x onerror=alert(2)>",
    "I ❤️ 🐍 LSTM \x07 control \u200b zero-width",
    "我爱中国。今天天气很好，我们一起学习。",
    "def f(x):\n    return x\n\n\tdone",
    "$\\frac{a}{b}$ **bold** :red[red] `code` \\",
    ("The forget gate decides what to keep; the input gate decides what to write. " * 8)[:500],
]
# The wired box, on a few texts: the counting example, markup, emoji and control characters (every example
# and hostile text, and edits in the middle, are held to explorer.trace under Node: tests/test_js_lstm.py).
TEXTS = [COUNTER_TEXT, HOSTILE[1], HOSTILE[2], HOSTILE[6]]
RUNS = "() => window.__stRuns.finished"
QUANTITIES = NAMES


def browser_trace(page, text: str) -> dict:
    T = len(text)
    page.wait_for_function(f"() => {{ const r = document.querySelector('.lb-root'); "
                           f"return r && r.__view.trace && r.__view.trace.T === {T}; }}", timeout=WAIT)
    return page.evaluate("() => document.querySelector('.lb-root').__view.exportTrace()")


SHOWN = """() => ({ text: document.querySelector('.lb-root').dataset.text, runs: window.__stRuns.finished,
  guesses: document.querySelector('.lb-root').__view.exportGuesses(),
  rows: [...document.querySelectorAll('.lb-guess')].map(r => [r.children[0].textContent, r.children[2].textContent]),
  chips: [...document.querySelectorAll('.lb-reads .lb-chip')].map(c => [c.textContent, c.classList.contains('lb-unknown')]),
  markup: document.querySelectorAll('.lb-reads *:not(div):not(span)').length })"""   # what the box shows, in one look


def assert_guesses_and_reads(shown: dict, ref) -> None:
    """Beside the maps, the model's own likeliest next characters (as computed by explorer.trace); under
    them the text as it reads it, each character as text (never markup), unknown ones marked. `shown`: SHOWN."""
    got = shown["guesses"]
    probs, chars = ref.next_char_probs[-1], load_model().vocab.chars
    order = np.argsort(probs)[::-1][:8]
    assert [g[0] for g in got] == [display_char(chars[v]) for v in order]
    np.testing.assert_allclose([g[1] for g in got], probs[order], rtol=0, atol=1e-5)
    rows = shown["rows"]
    assert [r[0] for r in rows] == [f"'{display_char(chars[v])}'" for v in order]
    shown_p = np.array([float(r[1].rstrip("%")) for r in rows])              # whole per cent (JS rounds .5 up)
    np.testing.assert_allclose(shown_p, 100 * probs[order], atol=0.5 + 1e-3)
    assert shown["chips"] == [[display_char(c), bool(u)] for c, u in zip(ref.chars, ref.unknown)]
    assert shown["markup"] == 0                                             # no element made from the text


def assert_same(js: dict, run, T: int, H: int) -> None:
    for q in QUANTITIES:
        got = np.asarray(js[q], np.float64).reshape(T, H)
        want = getattr(run, q).astype(np.float64)
        if q == "cell":  # C is unbounded (a counting unit reaches tens): relative where |C| > 1
            np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5, err_msg=q)
        else:
            np.testing.assert_allclose(got, want, rtol=0, atol=1e-5, err_msg=q)


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_the_browser_trace_is_the_models_own(open_app, text):
    page = open_app("?" + urllib.parse.urlencode({"text": text}))
    js = browser_trace(page, text)
    ref = trace(load_model(), text)
    assert js["T"] == len(text) and js["chars"] == list(ref.chars)
    assert_same(js["forward"], ref.run, len(text), ref.hidden.shape[1])
    assert_guesses_and_reads(page.evaluate(SHOWN), ref)
    assert page.locator("[data-testid='stException']").count() == 0


@pytest.mark.parametrize("text", ["我爱?国", HOSTILE[4]], ids=range(2))
def test_the_browser_bilstm_is_the_models_own(open_app, text):
    page = open_app("bilstm?" + urllib.parse.urlencode({"text": text}))
    js = browser_trace(page, text)
    ref = bi_trace(load_bimodel(), text)
    H = ref.forward.hidden.shape[1]
    assert_same(js["forward"], ref.forward, len(text), H)
    assert_same(js["backward"], ref.backward, len(text), H)
    kinds = page.eval_on_selector_all("canvas.lb-map", "cs => cs.map(c => [c.dataset.kind, +c.dataset.steps, c.height])")
    assert kinds == [["forward", len(text), H], ["backward", len(text), H], ["concat", len(text), 2 * H]]
    if "?" in text:
        assert "▢" in page.locator(".lb-axis").inner_text()  # the gap, not the unknown mark
    shot(page, f"bilstm-live-{len(text)}")


def test_typing_redraws_in_the_browser_and_the_server_hears_it_after_a_pause(open_app):
    page = open_app("?" + urllib.parse.urlencode({"text": "abc"}))
    browser_trace(page, "abc")
    box = page.get_by_test_id("live-text")
    runs = page.evaluate(RUNS)      # runs the server finished for this page (scripts/chromium.py counts them)
    box.click()
    page.keyboard.press("End")
    seen = []
    for ch in "de":                  # what each key drew (at the next frame), read in one look (the comparison
        page.keyboard.type(ch)       # with Python comes after both keys: it would outlast the 300 ms pause)
        page.wait_for_function("(ch) => document.querySelector('.lb-root').dataset.text.endsWith(ch)", arg=ch, timeout=WAIT)
        seen.append(page.evaluate(SHOWN))
    for ch, shown in zip("de", seen):
        assert shown["text"].endswith(ch) and shown["runs"] == runs   # drawn at once, before any server run
        assert_guesses_and_reads(shown, trace(load_model(), shown["text"]))   # the guesses too
    page.keyboard.press("Enter")                          # a line break, shown as ↵
    page.keyboard.type("f")
    assert box.input_value() == "abcde↵f"
    page.wait_for_function("() => new URL(location).searchParams.get('text') === 'abcde\\nf'", timeout=WAIT)
    settle(page)
    assert page.evaluate(RUNS) == runs    # the pause was heard, with no run (explorer/shell/heard.py)
    js = browser_trace(page, "abcde\nf")
    ref = trace(load_model(), "abcde\nf")
    assert_same(js["forward"], ref.run, 7, ref.hidden.shape[1])
    attrs = page.eval_on_selector_all("canvas.lb-map", "cs => cs.map(c => [c.dataset.kind, c.dataset.steps])")
    assert attrs == [[k, "7"] for k in QUANTITIES]
    shot(page, "overview-typed")
    # one key is drawn once: a run that hears it (the overview's post refused, or any other page) changes
    # nothing shown, so the browser does not trace and draw it a second time (that doubled each student's
    # work in a class)
    page.route("**/_lstm/heard", lambda route: route.fulfill(status=404))
    drawn = lambda: int(page.evaluate("() => document.querySelector('.lb-root').dataset.drawn"))  # noqa: E731
    before, runs = drawn(), page.evaluate(RUNS)
    page.keyboard.type("g")
    page.wait_for_function("() => new URL(location).searchParams.get('text') === 'abcde\\nfg'", timeout=WAIT)
    settle(page)
    assert page.evaluate(RUNS) > runs and drawn() == before + 1
    page.get_by_test_id("stSidebar").get_by_text("中文").click()   # a run that changes what is shown redraws
    page.wait_for_function(f"() => +document.querySelector('.lb-root').dataset.drawn > {before + 1}", timeout=WAIT)


def test_the_map_hover_shows_the_exact_value(open_app):
    text = "Return len(x)"
    page = open_app("?" + urllib.parse.urlencode({"text": text}))
    browser_trace(page, text)
    canvas = page.locator("canvas.lb-map[data-kind='cell']")
    canvas.scroll_into_view_if_needed()
    box = canvas.locator("..").bounding_box()   # the map's box (its canvas holds room for more steps beyond it)
    t, j = 4, 100
    page.mouse.move(box["x"] + box["width"] * (t + 0.5) / len(text), box["y"] + box["height"] * (j + 0.5) / 128)
    page.locator(".lb-tip").wait_for(state="visible")
    tip = page.locator(".lb-tip").inner_text()
    assert f"t={t} 'r' · unit {j} · {float(trace(load_model(), text).cell[t, j]):.4f}" == tip


# Each map's pixels (its T steps × units, as drawn into its canvas), hashed in the page: [kind, strip?, hash].
PIXELS = """() => [...document.querySelectorAll('canvas.lb-map')].map(c => {
  const d = c.getContext('2d').getImageData(0, 0, +c.dataset.steps, +c.dataset.units).data;
  let h = 2166136261;
  for (let k = 0; k < d.length; k++) h = Math.imul(h ^ d[k], 16777619) >>> 0;
  return [c.dataset.kind, c.dataset.top || '', +c.dataset.steps, +c.dataset.units, h]; })"""


@pytest.mark.parametrize("where", ["", "bilstm"])
def test_keys_draw_the_same_pixels_as_a_fresh_page(open_app, where):
    """A key draws only what changed (the new steps' columns; every column when a colour range moves; a strip
    of top units again when its rows change): after appends, an edit in the middle, deletions and a paste,
    every map's pixels equal those a fresh page draws for the same text."""
    start, end = "Return the list", None
    page = open_app(f"{where}?" + urllib.parse.urlencode({"text": start}))
    if not where:   # the overview: with the strips of the units that matter (their rows change as one types)
        page.get_by_text("Units that matter first").click()
        page.wait_for_function("() => document.querySelectorAll('canvas.lb-map[data-top]').length === 6", timeout=WAIT)
    box = page.get_by_test_id("live-text")
    box.click()
    box.press("End")
    page.keyboard.type(" of words 123")              # appends, a key at a time
    page.keyboard.press("Home")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.type("XY")                          # an edit in the middle: every step after it is new
    page.keyboard.press("Backspace")
    page.keyboard.press("End")
    for _ in range(4):
        page.keyboard.press("Backspace")              # deletions
    page.keyboard.insert_text(" and 中文 too")         # a paste
    end = "RetXurn the list of words" + " and 中文 too"
    page.wait_for_function("(t) => document.querySelector('.lb-root').dataset.text === t", arg=end, timeout=WAIT)
    typed = page.evaluate(PIXELS)
    fresh = open_app(f"{where}?" + urllib.parse.urlencode({"text": end}))
    if not where:
        fresh.get_by_text("Units that matter first").click()
        fresh.wait_for_function("() => document.querySelectorAll('canvas.lb-map[data-top]').length === 6", timeout=WAIT)
    fresh.wait_for_function("(t) => document.querySelector('.lb-root')?.dataset.text === t", arg=end, timeout=WAIT)
    assert len(typed) == (12 if not where else 3) and all(steps == len(end) for _, _, steps, _, _ in typed)
    assert typed == fresh.evaluate(PIXELS)
