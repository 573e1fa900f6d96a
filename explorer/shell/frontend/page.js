// What every page needs from the browser beyond Streamlit's own (a component mounted once a run by
// explorer/shell/page_kit.py). Installed once a document; each run only refreshes the labels.
//
// - On a narrow screen (a phone, a tablet held upright) the sidebar closes once a page is chosen in it, when
//   the app opens, and when the window becomes narrow (the page gets the whole width; » opens it again).
// - An equation wider than its column is drawn smaller to fit it (down to SMALLEST of its size); one that still
//   does not fit scrolls inside its box, and that box can be reached with Tab.
// - Play (the sidebar's and the pages') is told whether the reader asked for reduced motion: only when the
//   server does not know it yet (data.reduce), so an ordinary first load asks for no second run. (A rerun asked
//   for while the first run's widgets are still to mount can make the browser draw them at their defaults.)
const NARROW_PX = 900;     // below this Streamlit lays the sidebar over the page

function closeSidebar() {   // an open sidebar shows its collapse button (Streamlit 1.6x: stSidebarCollapseButton)
  if (window.innerWidth >= NARROW_PX) return;
  const button = document.querySelector("[data-testid='stSidebarCollapseButton'] button");
  if (button) button.click();
}

const SMALLEST = 0.7;

function fit(d) {   // measured again only when its column's width or the equation changed
  const k = d.querySelector(":scope > .katex");
  if (!k) return;
  const key = d.clientWidth + ":" + k.textContent;
  if (d.__fit === key) return;
  k.style.fontSize = "";
  const room = d.clientWidth - 2, need = d.scrollWidth;
  if (need > room) k.style.fontSize = parseFloat(getComputedStyle(k).fontSize) * Math.max(SMALLEST, room / need) + "px";
  d.__fit = d.clientWidth + ":" + k.textContent;
}

function scrollable(labels) {  // equations: fitted to their column, else a region one can Tab to
  for (const d of document.querySelectorAll(".katex-display")) {
    fit(d);
    const wide = d.scrollWidth > d.clientWidth + 1;
    if (wide && !d.hasAttribute("tabindex")) {
      d.setAttribute("tabindex", "0"); d.setAttribute("role", "region"); d.setAttribute("aria-label", labels.equation);
    } else if (!wide && d.getAttribute("tabindex") === "0") {
      d.removeAttribute("tabindex"); d.removeAttribute("role"); d.removeAttribute("aria-label");
    }
  }
}

export default function (component) {
  const { data, setStateValue } = component;
  const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const kit = (window.__lstmPageKit = window.__lstmPageKit || { labels: data });
  if (reduce !== Boolean(data.reduce) && kit.sent !== reduce) { kit.sent = reduce; setStateValue("motion", { reduce }); }
  kit.labels = data;
  if (!kit.installed) {
    kit.installed = true;
    document.addEventListener("click", (e) => {
      if (e.target.closest("[data-testid='stSidebar'] a[href]")) setTimeout(closeSidebar, 0);
    }, true);
    let pending = false;
    const look = () => { pending = false; scrollable(kit.labels); };
    // The live box redraws on every key: its own changes hold no equation, and are not looked at (looking
    // measures layout, which would cost each key a forced layout).
    const outsideBox = (m) => !(m.target.closest && m.target.closest(".lb-root"));
    new MutationObserver((ms) => {
      if (!pending && ms.some(outsideBox)) { pending = true; requestAnimationFrame(look); }
    })
      .observe(document.body, { childList: true, subtree: true });
    kit.wide = window.innerWidth >= NARROW_PX;
    window.addEventListener("resize", () => {
      requestAnimationFrame(look);
      const wide = window.innerWidth >= NARROW_PX;
      if (kit.wide && !wide) requestAnimationFrame(closeSidebar);   // turned narrow: the page takes the width
      kit.wide = wide;
    });
    requestAnimationFrame(closeSidebar);   // opened narrow (closeSidebar does nothing on a wide screen)
  }
  requestAnimationFrame(() => scrollable(kit.labels));
}
