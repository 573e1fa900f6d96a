"""What the layout tests share: scripts that list what is cut at the right edge of the page or in the
sidebar (CUT, once KIT_STYLED), what of a chart cannot be read (READABLE), what makes a page scroll
sideways (SIDEWAYS), and a wait for charts laid out."""

# The page kit's styles (explorer/shell/frontend/page.css) have reached the page: they arrive with its component,
# after the first run (CUT reads what they change).
KIT_STYLED = """() => [...document.styleSheets].some(s => { try { return [...s.cssRules].some(r =>
  r.cssText.includes('stSidebarNavLink')); } catch (e) { return false; } })"""

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
    for (const p of b.querySelectorAll("p, [data-testid='stMarkdownContainer']"))   // (Streamlit ends a cut label with …)
      if (p.scrollWidth > p.clientWidth + 1) { out.push('button text cut: ' + b.innerText); break; }
    for (const icon of b.querySelectorAll("[data-testid='stIconMaterial']"))
      if (icon.getBoundingClientRect().width < 8) out.push('button icon lost: ' + b.innerText);
    if (r.right > main.right + 1) out.push('button off the page: ' + b.innerText);
  }
  const open = "[data-testid='stSidebar'][aria-expanded='true'] [data-testid='stSidebarNav'] a ";
  for (const d of document.querySelectorAll(open + "[data-testid='stMarkdownContainer']"))
    if (d.checkVisibility() && d.scrollWidth > d.clientWidth + 1) out.push('step name cut: ' + d.innerText);
  return out;
}"""

# Every text of every chart on screen (plotly's SVG text, the live box's and the map component's axis
# labels): two that overlap, one cut by its chart or the window, one smaller than `least` px. A text's own
# background is a rect, not a text, so it is never compared. Hover labels (drawn on demand) are left out.
READABLE = """(least) => {
  const out = [], vw = document.documentElement.clientWidth;
  const say = (t) => JSON.stringify(t.textContent.trim().slice(0, 40));
  const boxes = (els) => els.filter(e => e.textContent.trim() && e.checkVisibility({opacityProperty: true, visibilityProperty: true}))
    .map(e => ({e, r: e.getBoundingClientRect()})).filter(x => x.r.width > 0 && x.r.height > 0);
  const overlap = (a, b) => {
    const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
    const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
    return w > 2 && h > 0.3 * Math.min(a.r.height, b.r.height);   // line boxes of adjacent rows may touch
  };
  const check = (frame, texts, name) => {
    const f = frame.getBoundingClientRect();
    for (const x of texts) {
      if (x.r.left < f.left - 1 || x.r.right > f.right + 1 || x.r.top < f.top - 1 || x.r.bottom > f.bottom + 1 || x.r.right > vw + 1)
        out.push(name + ': ' + say(x.e) + ' cut');
      const size = parseFloat(getComputedStyle(x.e).fontSize);
      if (size < least - 0.5) out.push(name + ': ' + say(x.e) + ' at ' + size + ' px');
    }
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++)
      if (texts[i].e.contains(texts[j].e) || texts[j].e.contains(texts[i].e)) continue;
      else if (overlap(texts[i], texts[j])) out.push(name + ': ' + say(texts[i].e) + ' over ' + say(texts[j].e));
  };
  [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.checkVisibility()).forEach((p, k) =>
    check(p, boxes([...p.querySelectorAll('svg text')].filter(t => !t.closest('.hoverlayer'))),
          'chart ' + k));
  document.querySelectorAll('.lb-axis, .um-axis').forEach((a, k) => a.checkVisibility() &&
    check(a.closest('.lb-root, .um-root') || a, boxes([...a.children]), 'map axis ' + k));
  return [...new Set(out)];
}"""

# Every plotly chart on screen drawn at its box's width (after a resize, plotly draws again a moment later).
LAID_OUT = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.checkVisibility()).every(p => {
  const svg = p.querySelector('.main-svg');
  return svg && Math.abs(svg.getBoundingClientRect().width - p.getBoundingClientRect().width) < 2; })"""

# The page scrolls sideways, and the elements wider than the window (what is wider scrolls or is clipped in its
# own box on screen: an equation, the diagram, a passage of text; a slider's input is left out).
SIDEWAYS = """() => { const d = document.documentElement, main = document.querySelector("[data-testid='stMain']");
  const boxed = (e) => { for (let p = e.parentElement; p && p !== main; p = p.parentElement)
      if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return p.getBoundingClientRect().right <= d.clientWidth + 1;
    return false; };
  const wide = [...main.querySelectorAll('*')].filter(e => e.checkVisibility({opacityProperty: true}) &&
    e.getBoundingClientRect().right > d.clientWidth + 1 && !e.matches('input[type=range]') && !boxed(e))
    .map(e => (e.dataset.testid || e.tagName) + ': ' + (e.innerText || '').slice(0, 30));
  return { scroll: d.scrollWidth > d.clientWidth + 1 || main.scrollWidth > main.clientWidth + 1, wide: wide.slice(0, 5) }; }"""
