"""Your own model in a real browser: an upload shows on this session's pages only; a file that would run
code is refused with its sentence (and runs nothing); the downloads hold the API's numbers."""

import urllib.parse

import numpy as np
import torch

import explorer
from explorer.models import ASSETS
from scripts.chromium import settle
from tests.browser.conftest import shot
from tests.helpers.browser import upload

TEXT = "return the number of items in the list"


def steps(page) -> int:
    page.locator("canvas.lb-map").first.wait_for()
    return int(page.locator("canvas.lb-map").first.get_attribute("data-steps"))


def test_an_upload_stays_in_its_own_session(browser, server):
    q = "?" + urllib.parse.urlencode({"text": TEXT})
    a_ctx, b_ctx = browser.new_context(viewport={"width": 1280, "height": 1400}), browser.new_context(viewport={"width": 1280, "height": 1400})
    a, b = a_ctx.new_page(), b_ctx.new_page()
    try:
        for p in (a, b):
            p.goto(server + "/" + q)
            p.wait_for_selector("[data-testid='stApp']")
            settle(p)
        upload(a, ASSETS / "word_lstm.pt", ASSETS / "word_lstm.vocab.json")
        a.get_by_text("Showing your model “word_lstm.pt”").wait_for()
        a.wait_for_function(f"() => document.querySelector('canvas.lb-map').dataset.steps === '{len(TEXT.split())}'")
        assert a.locator(".lb-axis").inner_text().split() == TEXT.split()          # the model reads words
        shot(a, "own-model-overview")
        for p in (b,):                                                               # the other person: still ours
            p.reload()
            p.wait_for_selector("[data-testid='stApp']")
            settle(p)
            assert steps(p) == len(TEXT)
            assert p.get_by_text("Showing your model").count() == 0
        a.locator("[data-testid='stSidebarNav']").get_by_text("Forget gate").click()   # a's other pages: its model
        settle(a)
        a.wait_for_function("() => location.pathname.endsWith('/forget')")
        assert steps(a) == len(TEXT.split()) and a.get_by_text("Showing your model").count() == 1
        a.get_by_role("button", name="Back to the shipped model").click()
        settle(a)
        a.wait_for_function(f"() => document.querySelector('canvas.lb-map').dataset.steps === '{len(TEXT)}'")
    finally:
        a_ctx.close()
        b_ctx.close()


class Evil:
    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))


def test_a_file_that_would_run_code_is_refused_in_chinese(open_app, tmp_path):
    target = tmp_path / "written.txt"
    torch.save({"lstm.weight_ih_l0": torch.zeros(8, 3), "x": Evil(str(target))}, tmp_path / "evil.pt")
    page = open_app("?lang=zh&text=abc")
    upload(page, tmp_path / "evil.pt", button="加载我的模型", title="你自己的模型")
    page.get_by_text("已拒绝：文件里除了张量还有 Python 对象").wait_for()
    assert not target.exists()
    assert page.locator("[data-testid='stException']").count() == 0
    shot(page, "own-model-refused-zh")


def test_the_downloads_hold_the_apis_numbers(open_app, model, tmp_path):
    page = open_app("forget?" + urllib.parse.urlencode({"text": "Return len(x)", "t": "3", "j": "83"}))
    page.get_by_role("button", name="Take it out").click()
    with page.expect_download() as d:
        page.get_by_role("button", name="Every quantity (.npz)").click()
    path = tmp_path / "trace.npz"
    d.value.save_as(path)
    want = explorer.trace(model, "Return len(x)")
    with np.load(path, allow_pickle=False) as f:
        for q in ("forget", "input", "candidate", "cell", "output", "hidden"):
            np.testing.assert_array_equal(f[q], getattr(want, q))
    code = page.locator("[data-testid='stCode']").inner_text()
    assert "t, j = 3, 83" in code and "text = 'Return len(x)'" in code
    with page.expect_download() as d:
        page.get_by_role("button", name="Map: f · forget gate (.png)").click()
    d.value.save_as(tmp_path / "f.png")
    from PIL import Image
    assert Image.open(tmp_path / "f.png").width > 600

