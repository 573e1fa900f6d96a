"""What browser tests share beyond their fixtures: loading a model of yours through the sidebar, the
English sentences left on a page of the 中文 UI."""
import re

from scripts.chromium import settle

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


def upload(page, weights, vocab=None, button="Load my model", title="Your own model"):
    unfold(page, title)
    inputs = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    inputs.nth(0).set_input_files(str(weights))
    settle(page)
    if vocab is not None:
        inputs.nth(1).set_input_files(str(vocab))
        settle(page)
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
