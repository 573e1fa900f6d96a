"""At 1024×768 and 1280×720 (school projectors), nothing is cut: equations fit their column, every
button shows its whole label and icon, the cell diagram is drawn at a readable size."""
import urllib.parse

import pytest

from tests.browser.conftest import resize, shot
from tests.helpers.layout import CUT

SIZES = [(1280, 720), (1024, 768)]


@pytest.mark.parametrize("name", ["forget", "input", "cell", "output"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_is_cut_on_a_projector(open_app, name, lang):
    page = open_app(f"{name}?" + urllib.parse.urlencode({"text": "Return len(x) 我爱中国", "t": 5, "j": 3, "lang": lang}),
                    width=SIZES[0][0], height=SIZES[0][1])
    page.wait_for_selector("canvas.lb-map")
    page.wait_for_selector(".katex-display")
    for size in SIZES:                                       # one load, both projectors
        resize(page, *size)
        assert page.evaluate(CUT) == [], size
        diagram = page.locator("[data-testid='stImage'] img").first
        diagram.scroll_into_view_if_needed()
        assert diagram.bounding_box()["width"] >= 400, size      # the diagram, not a thumbnail
        prev = page.get_by_role("button", name="previous" if lang == "en" else "上一个")
        assert prev.locator("[data-testid='stIconMaterial']").bounding_box()["width"] >= 8
        page.locator(".katex-display").nth(1).scroll_into_view_if_needed()
        shot(page, f"layout-{name}-{lang}-{size[0]}")
