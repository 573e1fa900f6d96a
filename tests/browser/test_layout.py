"""At 1024×768 and 1280×720 (school projectors), nothing is cut: equations fit their column, every
button shows its whole label and icon, the cell diagram is drawn at a readable size."""
import urllib.parse

import pytest

from tests.browser.conftest import shot

CUT = """() => {
  const main = document.querySelector("[data-testid='stMain'] [data-testid='stMainBlockContainer']")
                 .getBoundingClientRect();
  const out = [];
  for (const d of document.querySelectorAll('.katex-display')) {
    const r = d.querySelector('.katex-html').getBoundingClientRect();
    if (r.right > main.right + 1 || r.left < main.left - 1 || d.scrollWidth > d.clientWidth + 6)
      out.push('equation cut: ' + d.innerText.slice(0, 40));
  }
  for (const b of document.querySelectorAll("[data-testid='stMain'] button:not(.modebar-btn)")) {
    const r = b.getBoundingClientRect();
    if (!r.width) continue;
    if (b.scrollWidth > b.clientWidth + 1) out.push('button label cut: ' + b.innerText);
    for (const p of b.querySelectorAll('p')) if (p.scrollWidth > p.clientWidth + 1) out.push('button text cut: ' + b.innerText);
    for (const icon of b.querySelectorAll("[data-testid='stIconMaterial']"))
      if (icon.getBoundingClientRect().width < 8) out.push('button icon lost: ' + b.innerText);
    if (r.right > main.right + 1) out.push('button off the page: ' + b.innerText);
  }
  return out;
}"""


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)], ids=["1024", "1280"])
@pytest.mark.parametrize("name", ["forget", "input", "cell", "output"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_is_cut_on_a_projector(open_app, name, size, lang):
    page = open_app(f"{name}?" + urllib.parse.urlencode({"text": "Return len(x) 我爱中国", "t": 5, "j": 3, "lang": lang}),
                    width=size[0], height=size[1])
    page.wait_for_selector("canvas.lb-map")
    page.wait_for_selector(".katex-display")
    assert page.evaluate(CUT) == []
    diagram = page.locator("[data-testid='stImage'] img").first
    diagram.scroll_into_view_if_needed()
    assert diagram.bounding_box()["width"] >= 400           # the diagram, not a thumbnail
    prev = page.get_by_role("button", name="previous" if lang == "en" else "上一个")
    assert prev.locator("[data-testid='stIconMaterial']").bounding_box()["width"] >= 8
    page.locator(".katex-display").nth(1).scroll_into_view_if_needed()
    shot(page, f"layout-{name}-{lang}-{size[0]}")
