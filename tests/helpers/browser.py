"""What browser tests share beyond their fixtures: loading a model of yours through the sidebar."""
from scripts.chromium import settle


def upload(page, weights, vocab=None, button="Load my model", title="Your own model"):
    page.get_by_text(title).first.click()
    settle(page)
    inputs = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    inputs.nth(0).set_input_files(str(weights))
    settle(page)
    if vocab is not None:
        inputs.nth(1).set_input_files(str(vocab))
        settle(page)
    page.get_by_role("button", name=button).click()
    settle(page)
