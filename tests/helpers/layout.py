"""What the layout tests share: a script that lists what is cut at the right edge of the page."""

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
    if (!r.width || !b.checkVisibility()) continue;     // (inside a folded expander: not shown)
    if (b.scrollWidth > b.clientWidth + 1) out.push('button label cut: ' + b.innerText);
    for (const p of b.querySelectorAll('p')) if (p.scrollWidth > p.clientWidth + 1) out.push('button text cut: ' + b.innerText);
    for (const icon of b.querySelectorAll("[data-testid='stIconMaterial']"))
      if (icon.getBoundingClientRect().width < 8) out.push('button icon lost: ' + b.innerText);
    if (r.right > main.right + 1) out.push('button off the page: ' + b.innerText);
  }
  return out;
}"""
