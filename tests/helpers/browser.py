"""What browser tests share beyond their fixtures: loading a model of yours through the sidebar, the
English sentences left on a page of the 中文 UI."""
import re
from pathlib import Path

from playwright.sync_api import expect

from scripts.chromium import WAIT, settle

OPENED = """d => d.open && !d.querySelector("[data-testid='stExpanderDetails']").inert"""


def unfold(page, title):
    """Open the expander whose title is `title` unless it is open already (clicking an open one, or one a run is
    still unfolding, would fold it), and wait until its content can be clicked (Streamlit makes it inert when
    folded)."""
    summary = page.locator("[data-testid='stExpander'] summary").filter(has_text=title).first
    details = summary.locator("xpath=..")
    if not details.evaluate("d => d.open"):
        summary.click()
    page.wait_for_function(OPENED, arg=details.element_handle())
    settle(page)


def uploaded(page, k: int, name: str) -> None:
    """Wait until the k-th uploader shows the file `name` sent to the server (its chip, no spinner), and the run
    its upload asked for is over: a click on Load before that could go with the uploader's old value."""
    box = page.locator("[data-testid='stFileUploader']").nth(k)
    expect(box.locator("[data-testid='stFileChipName']").filter(has_text=name)).to_have_count(1, timeout=WAIT)
    expect(box.locator("[data-testid='stFileChipIconSpinner']")).to_have_count(0, timeout=WAIT)
    settle(page)


def upload(page, weights, vocab=None, button="Load my model", title="Your own model"):
    unfold(page, title)
    inputs = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    for k, path in enumerate([weights] if vocab is None else [weights, vocab]):
        inputs.nth(k).set_input_files(str(path))
        uploaded(page, k, Path(path).name)
    page.get_by_role("button", name=button).click()
    settle(page)


ALLOWED = {"LSTM", "RNN", "GRU", "Bi-LSTM", "PyTorch", "Keras", "Python", "nn.LSTM", "nn.GRU", "nn.RNN"}
VISIBLE_TEXT = """() => [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stMarkdownContainer'], " +
    "[data-testid='stMain'] [data-testid='stCaptionContainer'], [data-testid='stMain'] button, " +
    "[data-testid='stMain'] [data-testid='stWidgetLabel'], [data-testid='stSidebar'] [data-testid='stSidebarNav'], " +
    "[data-testid='stMain'] .lb-label-text, [data-testid='stMain'] .lb-title, [data-testid='stMain'] .lb-newline")]
  .filter(e => e.offsetParent !== null)
  .map(e => { const c = e.cloneNode(true); c.querySelectorAll('code, .katex, pre').forEach(x => x.remove());
              return c.innerText; })"""


def english_sentences(page) -> list[str]:
    """Runs of three or more English words shown on the page (code, formulas and names aside)."""
    found = []
    for text in page.evaluate(VISIBLE_TEXT):
        for run in re.findall(r"[A-Za-z][A-Za-z'.-]*(?:[ ,][A-Za-z][A-Za-z'.-]*){2,}", text):
            if not set(run.replace(",", " ").split()) <= ALLOWED:
                found.append(run)
    return found
