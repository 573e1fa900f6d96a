"""Every page, in English and 中文, on one fresh load each, as a class meets it:
- on load at 1440×900: no traceback, no chart flat or blank, no English sentence in the 中文 UI, every chart's
  text readable (none overlapping, cut or under 12 px: tests/helpers/layout.py READABLE);
- the same load at 1024×768 (a projector): no equation, button label or step name in the sidebar cut (CUT); at 820×1180 (a tablet
  upright) and 390×844 (a phone): nothing makes the page scroll sideways (SIDEWAYS);
- back at 1440×900: every button, toggle, checkbox and radio option of the main area pressed in a row, and a
  traceback after any press fails it (one that flashes and goes counts: an observer records it);
- accessible: axe-core finds no serious or critical violation on load nor once every control (Show me too) was
  pressed (tests/helpers/a11y.py).
Each control pressed alone from a fresh load is tests/test_every_control.py's (AppTest, in process); presenter
mode is tests/browser/test_readable.py's. Screenshots: test-artifacts/crawl-*."""
import pytest
from PIL import Image

from explorer.path import PATH
from scripts.chromium import WAIT, settle
from tests.browser.conftest import ARTIFACTS, resize, shot
from tests.helpers.a11y import violations
from tests.helpers.browser import english_sentences
from tests.helpers.layout import CUT, KIT_STYLED, LAID_OUT, READABLE, SIDEWAYS

PROJECTOR, TABLET, PHONE = (1024, 768), (820, 1180), (390, 844)   # a school projector, a tablet upright, a phone
WHOLE_WIDTH = "(w) => document.querySelector(\"[data-testid='stMain']\").getBoundingClientRect().width >= w"
PAGES = [s.url for s in PATH]   # every page on the path (explorer/path.py), by its address
CONTROLS = ("[data-testid='stMain'] button:not([disabled]):not(.modebar-btn):not([data-testid^='stBaseButton-elementToolbar']):visible, "
            "[data-testid='stMain'] [data-testid='stCheckbox'] label:visible, "
            "[data-testid='stMain'] [data-testid='stToggle'] label:visible, "
            "[data-testid='stMain'] [data-testid='stRadio'] label:visible")
WATCH = """() => {
  window.__errors = [];
  const seen = (n) => n.nodeType === 1 && (n.matches("[data-testid='stException']") ||
                                           n.querySelector("[data-testid='stException']"));
  new MutationObserver(ms => { for (const m of ms) for (const n of m.addedNodes)
    if (seen(n)) window.__errors.push((n.innerText || '').slice(0, 400)); })
    .observe(document.body, {childList: true, subtree: true});
}"""
# a chart holding data but drawn flat, or a map with no rows: what a student would see as blank
# Charts on screen only: Streamlit keeps a chart of an earlier run in a display:none container for a
# while (seen during case 2's training reruns); a chart drawn at zero height in view is still caught.
FLAT = """() => [
  ...[...document.querySelectorAll('.js-plotly-plot')].filter(p => p.data && p.data.length && p.checkVisibility() &&
       p.getBoundingClientRect().height < 60).map(p => 'plotly chart of height ' + p.getBoundingClientRect().height),
  ...[...document.querySelectorAll('canvas.lb-map')].filter(c => c.checkVisibility() && (c.getBoundingClientRect().height < 20 ||
       c.getBoundingClientRect().width < 50)).map(c => 'map ' + c.dataset.kind + ' drawn at no size'),
  ...[...document.querySelectorAll('.lb-status')].filter(s => s.textContent).map(s => 'live box: ' + s.textContent),
  ...[...document.querySelectorAll("[role='dialog']")].filter(d => d.innerText.includes('Page not found'))
       .map(() => 'page not found'),
]"""


def problems(page) -> list[str]:
    """What went wrong since the page loaded: tracebacks seen (even for a moment), charts still flat or
    live boxes in error once the page is idle (a chart being redrawn, as during case 2's training, may
    be flat for a moment: it is given 30 s to be drawn)."""
    settle(page)
    found = page.evaluate("() => window.__errors || []")
    try:
        page.wait_for_function(f"() => ({FLAT})().length === 0", timeout=WAIT)
    except Exception:  # noqa: BLE001 (a timeout: what is still flat is listed below)
        found += page.evaluate(FLAT)
    found += [e.inner_text()[:400] for e in page.locator("[data-testid='stException']").all()]
    return found


def blank_charts(page, name: str) -> list[str]:
    """Charts whose pixels are all one colour, on a screenshot of each."""
    out = []
    for k, el in enumerate(page.locator(".js-plotly-plot .main-svg >> nth=0, .lb-wrap").all()):
        el.scroll_into_view_if_needed()
        path = ARTIFACTS / f"crawl-{name}-chart{k}.png"
        el.screenshot(path=str(path))
        lo, hi = Image.open(path).convert("L").getextrema()
        path.unlink()
        if hi - lo < 20:
            out.append(f"chart {k} is blank")
    return out


def fresh(open_app, path: str, lang: str):
    page = open_app(f"{path}?lang={lang}", width=1440, height=900)
    page.evaluate(WATCH)
    page.locator("[data-testid='stPageLink']").first.wait_for(timeout=WAIT)   # the page's first run reached its end
    page.wait_for_function("() => [...document.querySelectorAll('.lb-root')].every(r => r.dataset.drawn || "
                           "r.querySelector('.lb-status')?.textContent)", timeout=WAIT)   # the live boxes drew
    return page


ALL = CONTROLS.replace(":visible", "")
NAME = ("e => (e.closest('[data-testid]') || e).dataset.testid + ':' + "
        "(e.innerText || e.getAttribute('aria-label') || e.title || '').trim().slice(0, 60)")


def controls(page) -> list[str]:
    """A name for each control: its kind and its text (stable across fresh loads)."""
    return page.eval_on_selector_all(ALL, f"els => els.filter(e => e.offsetParent !== null).map({NAME})")


def press(page, name: str) -> bool:
    """Click the control called `name`; False if it is not there (an earlier press may have hidden it).
    Found and clicked in one step in the page: a rerun that draws the page again between finding a control
    and clicking it cannot make the click miss (or land on another control)."""
    found = page.eval_on_selector_all(ALL, f"""(els, name) => {{
        const e = els.find(e => e.offsetParent !== null && ({NAME})(e) === name);
        if (!e) return false;
        e.scrollIntoView({{block: 'center'}});
        e.click();
        return true; }}""", name)
    if found:
        page.keyboard.press("Escape")   # close a popover it opened
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_every_control_in_a_row(open_app, path, lang):
    name = path or "overview"
    page = fresh(open_app, path, lang)
    assert problems(page) == [], f"{name} [{lang}] on load"
    if lang == "zh":                                     # the 中文 UI speaks Chinese
        assert english_sentences(page) == [], path
    assert blank_charts(page, f"{name}-{lang}") == []
    page.wait_for_function(LAID_OUT, timeout=WAIT)
    assert page.evaluate(READABLE, 12) == [], "every chart's text readable, none overlapping or cut (at 1440×900)"
    assert violations(page) == [], f"{name} [{lang}] on load: axe-core's serious and critical"
    for size in (PROJECTOR, TABLET, PHONE):             # the same load in narrower windows
        resize(page, *size)
        if size != PROJECTOR:                            # the sidebar folds away (the page kit): the page gets
            page.wait_for_function(WHOLE_WIDTH, arg=size[0] - 40, timeout=WAIT)   # the whole width
        page.wait_for_function(LAID_OUT, timeout=WAIT)
        if size == PROJECTOR:                            # equations and buttons whole
            page.wait_for_function(KIT_STYLED, timeout=WAIT)
            assert page.evaluate(CUT) == [], (name, lang, size)      # (and the sidebar's step names whole)
            if path in ("forget", "input", "cell", "output"):
                diagram = page.locator("[data-testid='stImage'] img").first
                assert diagram.bounding_box()["width"] >= 400, size    # the gate diagram, not a thumbnail
        else:                                            # nothing makes the page scroll sideways
            assert page.evaluate(SIDEWAYS) == {"scroll": False, "wide": []}, (name, lang, size)
            if size == PHONE and path in ("forget", "input", "cell", "output"):   # the diagram's smallest label
                width = page.locator("[data-testid='stImage'] img").first.bounding_box()["width"]
                assert width / 640 * 15 >= 12, width             # (15 px in its 640-wide drawing) ≥ 12 px
        shot(page, f"crawl-{name}-{lang}-{size[0]}")
    resize(page, 1440, 900)
    names = controls(page)
    assert names, "every page has controls"
    (ARTIFACTS / f"crawl-{name}-{lang}.txt").write_text("\n".join(names), encoding="utf-8")
    pressed = []
    for control in names:
        if press(page, control):
            pressed.append(control)
            assert problems(page) == [], f"{name} [{lang}] after {pressed}"
    assert len(pressed) >= len(names) // 2, (names, pressed)
    assert violations(page) == [], f"{name} [{lang}] with every control pressed (Show me too): axe-core's"
    page.screenshot(path=str(ARTIFACTS / f"crawl-{name}-{lang}.png"), full_page=True)
