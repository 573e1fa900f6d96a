// The live text box and its unit × time maps: the one core of both hosts, a Streamlit page (streamlit.js,
// which explorer/shell/livebox.py's few lines import) and a notebook (widget.js, bundled with this file by
// explorer/notebook.py).
//
// - The box is an <input> this component owns: each key recomputes the trace here (one LSTM step when a
//   character is appended) and draws what changed, with no trip to the server: the page's elements are
//   made once and kept; each map keeps its pixels (an ImageData) and writes only the columns of new
//   steps (all of them when its colour range moves); keys typed within one frame are drawn once.
// - The server hears the text once typing pauses (data.debounceMs), as the state value "text" (a run), or,
//   where nothing else on the page depends on it (data.hear: the overview), posted to the server's route
//   (explorer/shell/heard.py) with no run at all; the box then puts it in the address bar itself and says
//   what the server would have said of it (data.notes). A rerun that sends nothing new for the maps draws
//   nothing.
// - A click on a clickable map sends (t, j) as the trigger value "clicked"; on a touch screen, where rows are
//   too thin for a finger, a tap opens a magnified band around it to choose from. A map reached with Tab
//   steps j with ↑ ↓.
// - With data.guesses, the model's next-character guesses are drawn beside the maps, and with data.reads
//   the characters as the model reads them under them: both from the same trace, on every key.
// - Every text shown is set with textContent: nothing typed is ever parsed as HTML.

// <siblings> The modules beside it, of the same version (imported as livebox.js?v=<version>). The notebook's
// one-file bundle (explorer/notebook.py) holds them already and drops the lines up to </siblings>.
const near = (name) => import(new URL(name + new URL(import.meta.url).search, import.meta.url).href);
const [{ CharModel, floats, traceText }, { displayChar, percentileAbs, timeTicks }] =
  await Promise.all([near("lstm.js"), near("numbers.js")]);
// </siblings>

const NEWLINE_MARK = "↵";
const UNKNOWN_MARK = "\uFFFD";   // a character the model has never seen, as explorer/vocab.py shows it
// A tap on a map whose rows are under BAND_ROW_PX tall opens a band of ±BAND_UNITS units and ±BAND_STEPS steps.
const BAND_ROW_PX = 12, BAND_UNITS = 8, BAND_STEPS = 5;
const COARSE = window.matchMedia("(pointer: coarse)");
const MODELS = (globalThis.__lstmExplorerModels = globalThis.__lstmExplorerModels || new Map());
// The number of each text a box sends, counted over every box of the tab (a page change keeps the document):
// the server keeps the highest, whichever box and road (a post, a run) it came by.
let SENT = 0;

function loadModel(url) {  // one fetch per model and page load; the browser caches the file
  if (!MODELS.has(url)) MODELS.set(url, fetch(url).then(r => {
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r.json();
  }).then(json => new CharModel(json)));
  return MODELS.get(url);
}

const toBox = (text) => text.replace(/\r\n?/g, "\n").replace(/\n/g, NEWLINE_MARK);
const fromBox = (typed) => typed.replaceAll(NEWLINE_MARK, "\n");

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function setText(e, text) { if (e.textContent !== text) e.textContent = text; }

// A trace the server computed (a model of yours, explorer/own_ui.py): the same shape as traceText's.
function fromServer(st) {
  const forward = { H: st.H, names: Object.keys(st.values) };
  for (const q of forward.names) forward[q] = floats(st.values[q]);
  return { T: st.T, chars: st.chars, forward, from: 0 };
}

// Where one map's values come from: a quantity of the trace, or one made from two (i·C̃, tanh C, [h→; h←]),
// kept in a buffer whose rows are made again only from the first new step on. `values(tr)` is (T, units)
// row-major; `from(tr)` is the first step whose values are new since the last draw.
class Source {
  constructor(q) { this.q = q; this.buffer = null; this.filled = 0; }

  units(tr) { return this.q === "concat" ? 2 * tr.forward.H : tr.forward.H; }

  from(tr) {
    const from = this.q === "backward" || this.q === "concat" ? Math.min(tr.from, tr.fromBackward ?? 0) : tr.from;
    return Math.min(from, tr.T);
  }

  values(tr) {
    const f = tr.forward, T = tr.T, H = f.H, q = this.q;
    if (q === "forward") return f.hidden.subarray(0, T * H);
    if (q === "backward") return tr.backward.hidden.subarray(0, T * H);
    if (q !== "written" && q !== "tanh_cell" && q !== "concat") return f[q].subarray(0, T * H);
    const U = this.units(tr);
    let from = Math.min(this.from(tr), this.filled);
    if (!this.buffer || this.buffer.length < T * U) {
      this.buffer = new Float32Array(Math.max(64, 2 * T) * U);
      from = 0;
    }
    const out = this.buffer;
    for (let t = from; t < T; t++) {
      if (q === "concat") {
        out.set(f.hidden.subarray(t * H, (t + 1) * H), t * U);
        out.set(tr.backward.hidden.subarray(t * H, (t + 1) * H), t * U + H);
        continue;
      }
      for (let k = t * H; k < (t + 1) * H; k++) out[k] = q === "written" ? f.input[k] * f.candidate[k] : Math.tanh(f.cell[k]);
    }
    this.filled = T;
    return out.subarray(0, T * U);
  }
}

// One map: its elements, made once; its pixels, kept; on each draw only the columns of new steps written
// (all of them when the colour range or, for a strip of top units, the rows change).
class MapView {
  constructor(box, p, top) {
    this.owner = box; this.p = p; this.top = top;
    this.img = null; this.lo = null; this.spreadT = 0; this.hi = null; this.T = 0; this.units = 0; this.order = [];
    this.values = new Float32Array(0); this.labels = []; this.scratch = new Float32Array(0);
    this.box = el("div", "lb-panel");
    this.title = el("div", "lb-title");
    const row = el("div", "lb-map-row");
    this.wrap = el("div", "lb-wrap");
    this.canvas = el("canvas", "lb-map");
    this.canvas.width = 1; this.canvas.height = 1;
    this.canvas.dataset.kind = p.kind;
    if (top) this.canvas.dataset.top = "1";
    this.canvas.setAttribute("role", "img");   // what it shows, for a screen reader: the quantity, its size, its scale
    this.ctx = this.canvas.getContext("2d");
    this.wrap.appendChild(this.canvas);
    this.selT = el("div", "lb-sel-t"); this.selJ = el("div", "lb-sel-j");
    this.wrap.append(this.selT, this.selJ);
    if (top) { this.names = el("div", "lb-names"); row.appendChild(this.names); }
    const bar = el("div", "lb-bar"); bar.style.background = box.data.scales[p.kind].gradient;
    this.ticks = el("div", "lb-ticks");
    this.ticks.append(el("span"), el("span"), el("span"));
    row.append(this.wrap, bar, this.ticks);
    this.box.append(this.title, row);
    this.listen();
  }

  cell(e) {  // the (t, row) under a pointer: where it is in the map's box (the canvas runs on past its right edge)
    const w = this.wrap, r = w.getBoundingClientRect();
    const x = (e.clientX - r.left - w.clientLeft) / w.clientWidth, y = (e.clientY - r.top - w.clientTop) / w.clientHeight;
    return [Math.min(this.T - 1, Math.max(0, Math.floor(x * this.T))), Math.min(this.units - 1, Math.max(0, Math.floor(y * this.units)))];
  }

  listen() {
    const c = this.canvas, box = this.owner;
    c.addEventListener("mousemove", (e) => {
      if (!this.T) return;
      const [t, r] = this.cell(e);
      box.tip.textContent = box.data.hover.replace("{t}", t).replace("{c}", () => this.labels[t]).replace("{j}", this.order[r])
        .replace("{v}", this.values[t * this.units + r].toFixed(4));
      const rootBox = box.root.getBoundingClientRect();
      box.tip.style.left = (e.clientX - rootBox.left + 14) + "px"; box.tip.style.top = (e.clientY - rootBox.top + 14) + "px";
      box.tip.style.display = "block";
    });
    c.addEventListener("mouseleave", () => { box.tip.style.display = "none"; });
    if (!this.p.clickable) return;
    c.classList.add("lb-clickable");
    c.tabIndex = 0;   // reached with Tab: ↑ ↓ choose the unit j (← → step t anywhere on the page)
    c.addEventListener("click", (e) => {
      if (!this.T) return;
      const [t, r] = this.cell(e);
      // A finger on rows a few pixels tall would choose a unit by luck: open a magnified band around it.
      if ((e.pointerType === "touch" || COARSE.matches) && this.wrap.clientHeight / this.units < BAND_ROW_PX) {
        box.bandAt = { kind: this.p.kind, top: this.top, t, r };
        this.drawBand(box.bandAt);
        return;
      }
      box.setTriggerValue("clicked", { t, j: this.order[r] });
    });
    c.addEventListener("keydown", (e) => {
      const sel = box.data.selected;
      if ((e.key !== "ArrowUp" && e.key !== "ArrowDown") || !sel || !this.T) return;
      e.preventDefault();
      const from = box.askedJ ?? sel.j, at = this.order.indexOf(from);
      const r = Math.min(this.units - 1, Math.max(0, (at < 0 ? 0 : at) + (e.key === "ArrowUp" ? -1 : 1)));
      box.askedJ = this.order[r];
      box.setTriggerValue("clicked", { t: Math.min(sel.t, this.T - 1), j: this.order[r] });
    });
  }

  // The strip's rows: the units a probe names, then those whose values spread most over the text. The
  // spread is kept per unit and grown by the new steps (computed again after an edit).
  topRows(all, allUnits, T, from) {
    let start = this.spreadT;
    if (!this.lo_ || this.lo_.length !== allUnits || from < this.spreadT) {
      this.lo_ = new Float32Array(allUnits).fill(Infinity); this.hi_ = new Float32Array(allUnits).fill(-Infinity);
      start = 0;
    }
    for (let t = start; t < T; t++)
      for (let j = 0, o = t * allUnits; j < allUnits; j++) {
        const v = all[o + j];
        if (v < this.lo_[j]) this.lo_[j] = v;
        if (v > this.hi_[j]) this.hi_[j] = v;
      }
    this.spreadT = T;
    const data = this.owner.data, named = Object.keys(data.named).map(Number).filter(j => j < allUnits);
    const spread = (j) => this.hi_[j] - this.lo_[j];
    const rest = [...Array(allUnits).keys()].filter(j => !named.includes(j)).sort((a, b) => spread(b) - spread(a));
    return [...named, ...rest].slice(0, data.top);
  }

  draw(all, allUnits, T, from, labels, lut) {
    const data = this.owner.data, p = this.p, scale = data.scales[p.kind];
    let order = this.order, values = all, units = allUnits;
    if (this.top) {
      order = this.topRows(all, allUnits, T, from);
      units = order.length;
      if (order.join() !== this.order.join()) from = 0;
      if (this.values.length < T * units) { this.values = new Float32Array(Math.max(64, 2 * T) * units); from = 0; }
      for (let t = from; t < T; t++) order.forEach((j, r) => { this.values[t * units + r] = all[t * allUnits + j]; });
      values = this.values.subarray(0, T * units);
    } else if (order.length !== units) {
      order = [...Array(units).keys()];
    }
    let lo = scale.lo, hi = scale.hi, vmin = lo, vmax = hi;
    if (scale.percentile) {   // the cell state: ±(its 99th percentile of |C|), at least ±1
      if (this.scratch.length < values.length) this.scratch = new Float32Array(2 * values.length);
      const m = Math.max(1, percentileAbs(values, scale.percentile, this.scratch));
      lo = -m; hi = m; vmin = Infinity; vmax = -Infinity;
      for (let k = 0; k < values.length; k++) { const v = values[k]; if (v < vmin) vmin = v; if (v > vmax) vmax = v; }
    }
    if (!this.img || this.img.width < T || this.img.height !== units || lo !== this.lo || hi !== this.hi) {
      if (!this.img || this.img.width < T || this.img.height !== units) this.img = new ImageData(Math.max(16, 2 * T), units);
      from = 0;
    }
    const img = this.img.data, W = this.img.width, span = 255 / (hi - lo);
    for (let t = from; t < T; t++)
      for (let r = 0; r < units; r++) {
        const v = values[t * units + r], k = Math.min(255, Math.max(0, Math.round((v - lo) * span))) * 3, o = (r * W + t) * 4;
        img[o] = lut[k]; img[o + 1] = lut[k + 1]; img[o + 2] = lut[k + 2]; img[o + 3] = 255;
      }
    // The canvas is as wide as the kept pixels (room for up to twice the steps, 16 at least), drawn W/T times
    // as wide as the map's box, which shows its first T columns: a key changes its drawn width, not its size
    // (a new size would clear and allocate it); it grows by doubling.
    const c = this.canvas;
    if (c.width !== W || c.height !== units) { c.width = W; c.height = units; from = 0; }
    if (from < T) this.ctx.putImageData(this.img, 0, 0, from, 0, T - from, units);
    c.style.width = (W / T * 100) + "%";
    Object.assign(this, { T, units, order, values, labels, lo, hi });
    this.frame(T, units, labels, { lo, hi, vmin, vmax });
  }

  // Everything around the pixels: title, size, label for a screen reader, rows' names, marks, colour bar's ticks.
  frame(T, units, labels, s) {
    const data = this.owner.data, p = this.p, c = this.canvas;
    setText(this.title, this.top ? data.topTitle.replace("{kind}", p.title).replace("{n}", units) : p.title);
    c.dataset.steps = T; c.dataset.units = units;
    const height = (this.top ? units * data.topRowHeight : p.height) + "px";
    if (c.style.height !== height) c.style.height = height;
    const fmt = (v) => Number(v.toPrecision(3)).toString();
    const alt = data.mapAlt.replace("{title}", () => p.title).replace("{units}", units).replace("{steps}", T)
      .replace("{lo}", fmt(s.lo)).replace("{hi}", fmt(s.hi));
    if (c.getAttribute("aria-label") !== alt) c.setAttribute("aria-label", alt);
    if (this.top) {
      const key = this.order.join() + "|" + height;
      if (key !== this.namesKey) {   // each row named: its unit, and what it tracks where a probe found out
        this.namesKey = key;
        this.names.replaceChildren(...this.order.map(j => {
          const n = el("div", data.named[j] ? "lb-named" : "", data.named[j] ? j + " · " + data.named[j] : String(j));
          n.style.height = n.style.lineHeight = data.topRowHeight + "px";
          return n;
        }));
        this.names.style.height = height;
      }
    } else if (p.split && this.splitUnits !== units) {  // two vectors stacked in one map, e.g. h→ above h← in y = [h→ ; h←]
      this.splitUnits = units;
      this.wrap.querySelectorAll(".lb-split, .lb-tag").forEach(e => e.remove());
      const line = el("div", "lb-split"); line.style.top = (p.split / units * 100) + "%"; this.wrap.appendChild(line);
      p.splitTags.forEach((text, k) => {
        const tag = el("div", "lb-tag", text);
        tag.style.top = k === 0 ? "4px" : "calc(" + (p.split / units * 100) + "% + 6px)";
        this.wrap.appendChild(tag);
      });
    }
    const sel = data.selected, selRow = sel ? this.order.indexOf(sel.j) : -1;
    this.selT.style.display = sel && sel.t < T ? "" : "none";   // the chosen step t as a column, the chosen unit j as a row
    this.selJ.style.display = sel && sel.t < T && selRow >= 0 ? "" : "none";
    if (sel && sel.t < T) {
      this.selT.style.left = (sel.t / T * 100) + "%"; this.selT.style.width = "max(3px, " + (100 / T) + "%)";
      this.selJ.style.top = (selRow / units * 100) + "%"; this.selJ.style.height = "max(3px, " + (100 / units) + "%)";
    }
    const [top, mid, bottom] = this.ticks.children;
    setText(top, (s.vmax > s.hi ? "≥ " : "") + fmt(s.hi));
    setText(mid, fmt((s.lo + s.hi) / 2));
    setText(bottom, (s.vmin < s.lo ? "≤ " : "") + fmt(s.lo));
    const b = this.owner.bandAt;
    if (b && b.kind === p.kind && b.top === this.top && b.t < T && b.r < units) this.drawBand(b);   // kept open across a draw
    else this.box.querySelector(".lb-band")?.remove();
  }

  // The magnified band: BAND_UNITS rows either side of the tapped one, BAND_STEPS steps either side of the
  // tapped t, each cell a button a finger can hit; tapping one chooses its (t, j), × closes it.
  drawBand(at) {
    const box = this.owner, data = box.data, { T, units, order, values, labels, lo, hi } = this;
    const lut = box.lut(data.scales[this.p.kind].lut);
    this.box.querySelector(".lb-band")?.remove();
    const band = el("div", "lb-band"), head = el("div", "lb-band-head");
    const close = el("button", "lb-band-close", "×");
    close.type = "button"; close.setAttribute("aria-label", data.bandClose);
    close.addEventListener("click", () => { box.bandAt = null; band.remove(); });
    head.append(el("span", "", data.bandTitle), close);
    const r0 = Math.max(0, Math.min(at.r - BAND_UNITS, units - 2 * BAND_UNITS - 1)), r1 = Math.min(units - 1, r0 + 2 * BAND_UNITS);
    const t0 = Math.max(0, Math.min(at.t - BAND_STEPS, T - 2 * BAND_STEPS - 1)), t1 = Math.min(T - 1, t0 + 2 * BAND_STEPS);
    const grid = el("div", "lb-band-grid");
    grid.style.gridTemplateColumns = "auto repeat(" + (t1 - t0 + 1) + ", minmax(0, 1fr))";
    grid.appendChild(el("span", "lb-band-corner", "j \\ t"));
    for (let t = t0; t <= t1; t++) grid.appendChild(el("span", "lb-band-t", labels[t] + "\n" + t));
    for (let r = r0; r <= r1; r++) {
      const j = order[r];
      grid.appendChild(el("span", "lb-band-j", String(j)));
      for (let t = t0; t <= t1; t++) {
        const v = values[t * units + r], k = Math.min(255, Math.max(0, Math.round((v - lo) / (hi - lo) * 255))) * 3;
        const c = el("button", r === at.r && t === at.t ? "lb-band-cell lb-band-tapped" : "lb-band-cell");
        c.type = "button"; c.dataset.t = t; c.dataset.j = j;
        c.style.background = "rgb(" + lut[k] + "," + lut[k + 1] + "," + lut[k + 2] + ")";
        c.setAttribute("aria-label", data.hover.replace("{t}", t).replace("{c}", () => labels[t]).replace("{j}", j)
          .replace("{v}", v.toFixed(4)));
        c.addEventListener("click", () => { box.bandAt = null; band.remove(); box.setTriggerValue("clicked", { t, j }); });
        grid.appendChild(c);
      }
    }
    band.append(head, grid);
    this.box.appendChild(band);
    if (!this.bandShown || this.bandShown !== at) band.scrollIntoView({ block: "nearest" });   // once, when it opens
    this.bandShown = at;
  }
}

export class LiveBox {
  constructor(parent) {
    this.root = el("div", "lb-root");
    this.root.__view = this;
    parent.appendChild(this.root);
    this.version = null; this.cache = {}; this.sent = 0; this.asked = []; this.timer = null; this.drawn = 0;
    this.views = []; this.shape = null; this.pending = false;
    const row = el("div", "lb-row");
    this.label = el("label", "lb-label");
    this.input = el("input", "lb-input"); this.input.type = "text"; this.input.spellcheck = false;
    this.input.setAttribute("data-testid", "live-text");
    this.label.appendChild(this.input);
    this.newline = el("button", "lb-newline"); this.newline.type = "button";
    row.append(this.label, this.newline);
    this.labelText = el("span", "lb-label-text");
    this.label.prepend(this.labelText);
    this.status = el("div", "lb-status");
    this.notes = el("div", "lb-notes"); this.notes.setAttribute("role", "status"); this.notes.style.display = "none";
    this.tooLong = el("div", "lb-note lb-warn"); this.unknownNote = el("div", "lb-note");
    this.notes.append(this.tooLong, this.unknownNote);
    this.maps = el("div", "lb-maps");
    this.reads = el("div", "lb-reads");
    this.side = el("div", "lb-side"); this.side.style.display = "none";   // shown by drawSide, with data.guesses
    const main = el("div", "lb-main"), body = el("div", "lb-body");
    main.append(this.maps, this.reads);
    body.append(main, this.side);
    this.tip = el("div", "lb-tip");
    this.root.append(row, this.status, this.notes, body, this.tip);
    this.input.addEventListener("input", () => this.typed());
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.isComposing) { e.preventDefault(); this.insert(NEWLINE_MARK); }
    });
    this.input.addEventListener("paste", (e) => {
      const text = e.clipboardData && e.clipboardData.getData("text/plain");
      if (text && /[\r\n]/.test(text)) { e.preventDefault(); this.insert(toBox(text)); }
    });
    this.newline.addEventListener("click", () => { this.input.focus(); this.insert(NEWLINE_MARK); });
    this.onKey = (e) => {  // ← → step t on the lesson pages, unless typing or on a slider
      if (!this.data || !this.data.keys || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
      const el = e.target;
      if (el && (el.closest("input, textarea, select, [contenteditable='true'], [role='slider'], [role='listbox']"))) return;
      e.preventDefault();
      if (!this.data.selected) return;
      // The step names the t to go to, not ±1: the server keeps only the newest of two steps that reach
      // it before its run starts (a quick ← ← on a busy server would move once). `asked` holds the steps
      // sent and not yet seen back, so the next one counts from the last of them.
      const last = this.chars().length - 1, from = this.asked.length ? this.asked[this.asked.length - 1] : this.data.selected.t;
      const t = Math.min(Math.max(0, from + (e.key === "ArrowLeft" ? -1 : 1)), Math.max(0, last));
      this.asked.push(t);
      this.setTriggerValue("step", { t });
    };
    document.addEventListener("keydown", this.onKey);
  }

  detach() {   // taken off the page (with no blur: the browser's Back): a text still waiting is not sent,
    document.removeEventListener("keydown", this.onKey);   // and a post's answer no longer writes the address
    clearTimeout(this.timer); this.timer = null; this.sent = ++SENT;
  }

  insert(s) {  // put s at the caret (Enter, ↵ button, pasted lines), as typing would
    const a = this.input.selectionStart ?? this.input.value.length, b = this.input.selectionEnd ?? a;
    this.input.setRangeText(s, a, b, "end");
    this.typed();
  }

  update(data, setStateValue, setTriggerValue) {
    this.data = data; this.setStateValue = setStateValue; this.setTriggerValue = setTriggerValue;
    const seen = data.selected ? this.asked.indexOf(data.selected.t) : -1;   // the server's t: one of the steps asked
    this.asked = seen >= 0 ? this.asked.slice(seen + 1) : [];                  // (those after it still to come), or its own
    if (!data.selected || data.selected.j === this.askedJ) this.askedJ = null;  // the unit asked with ↑ ↓ arrived
    setText(this.labelText, data.label);
    this.input.placeholder = data.placeholder;
    this.input.maxLength = data.inputCap;
    setText(this.newline, data.newlineLabel); this.newline.title = data.newlineHelp;
    if (this.version !== data.version) {   // a new text from the server (first load, an example, several lines)
      const first = this.version === null;
      this.version = data.version;
      this.sent = ++SENT; clearTimeout(this.timer); this.timer = null;   // what was typed before it is old
      this.input.value = toBox(data.text);
      if (first && data.restore) this.restore(data);
      else if (first) this.catchUp(data);
      remember("text", fromBox(this.input.value));
      remember("version", String(data.version));
    }
    remember("server", data.text);   // what the server holds for this tab: catchUp's test of an address of its own
    if (!data.restore || data.own) remember("own", data.own);
    // A rerun that changes nothing drawn (the server has just heard the text this box already shows) does
    // not draw: each heard key would otherwise cost the browser a second draw.
    // (A model handed over whole, a notebook's, is compared as the same object, not as text.)
    const shown = JSON.stringify({ ...data, text: null, modelJson: null });
    if (shown === this.shownData && this.input.value === this.shownText && data.modelJson === this.shownModel) return;
    this.shownData = shown; this.shownModel = data.modelJson;
    this.redraw();
  }

  restore(data) {
    // A session that starts on the default text, in a tab that held another (a reload without the text in
    // its address, a server restart or a failover: the new session's first run is a page change, which
    // carries no query string): the tab's text goes back to the server, and the name of a model of yours
    // that the server no longer holds.
    const text = recall("text"), own = recall("own");
    const lost = own && !data.own ? own : null;
    if ((text === null || text === data.text) && !lost) return;
    if (text !== null) this.input.value = toBox(text);
    this.sent = ++SENT;
    this.setStateValue("text", { text: fromBox(this.input.value), n: this.sent, lost });
  }

  catchUp(data) {
    // A page's first box, in a session that has run before: the tab's last text, typed on the text of this
    // version, is newer than the server's when the box before it was taken off the page within its pause
    // (a link clicked, Back) or its post is still on the way. It is heard through a run, which comes after
    // the page change that made this box. Only on the tab's own address: a page change or a reload, where
    // the server's text is the one this tab last had from it (or put in its address); a link to another
    // text, opened in the same tab, is a new text and shows as such.
    const text = recall("text");
    if (text === null || text === data.text || recall("version") !== String(data.version)) return;
    if (recall("server") !== data.text) return;
    this.input.value = toBox(text);
    this.sent = ++SENT;
    this.setStateValue("text", { text, n: this.sent, version: data.version });
  }

  typed() {
    remember("text", fromBox(this.input.value));
    this.redraw();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.send(), this.data.debounceMs);   // the server hears it once typing pauses
  }

  send() {
    clearTimeout(this.timer); this.timer = null;
    const text = fromBox(this.input.value), n = (this.sent = ++SENT), hear = this.data.hear, version = this.version;
    if (!hear) { this.setStateValue("text", { text, n, version }); return; }
    // Posted, with no run. Refused as old (409: the server has set another text since), nothing more; refused
    // otherwise (a server that no longer holds this session: a restart, a failover) or lost, it is heard
    // through a run after all. Either only while it is still the box's latest text.
    fetch(new URL(hear.url, document.baseURI), {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: hear.token, version, n, text }),
    }).then(r => {
      if (r.status === 409) return;
      if (!r.ok) throw new Error("HTTP " + r.status);
      if (n === this.sent) this.heard(text);
    }).catch(() => {
      try { if (n === this.sent) this.setStateValue("text", { text, n, version }); } catch (err) { /* the page is gone */ }
    });
  }

  heard(text) {  // the address bar holds the text the server has, ready for a shared link or a reload
    remember("server", text);
    const url = new URL(window.location.href);
    if (url.searchParams.get("text") === text) return;
    url.searchParams.set("text", text);
    window.history.replaceState(window.history.state, "", url);
  }

  chars() { return Array.from(fromBox(this.input.value)).slice(0, this.data.cap); }

  // Draw at the next frame: keys typed within one frame (a paste, a fast typist, a busy device) draw once.
  // A tab the student cannot see has no frames: it draws at once.
  redraw() {
    this.shownText = this.input.value;
    if (this.pending) return;
    this.pending = true;
    const run = () => { this.pending = false; this.render(); };
    if (document.visibilityState === "hidden") setTimeout(run, 0);
    else requestAnimationFrame(run);
  }

  render() {
    const data = this.data;
    if (!data.panels.length) { this.finish(); return; }   // a box with no maps (the variants page)
    if (data.serverTrace) {  // a model of yours: traced by the server once typing pauses, drawn here as sent
      this.trace = fromServer(data.serverTrace);
      this.status.textContent = "";
      this.draw(this.trace, data.serverTrace.guesses, data.serverTrace.unknown);
      return;
    }
    if (data.modelJson && this.modelJson !== data.modelJson) {   // handed over whole (a notebook's model)
      this.model = new CharModel(data.modelJson); this.modelJson = data.modelJson; this.cache = {};
    }
    if (!data.modelJson && this.modelUrl !== data.modelUrl) {   // fetched once, then every key runs here without waiting
      const url = data.modelUrl;
      loadModel(url).then(model => {
        this.model = model; this.modelUrl = url; this.cache = {};
        this.render();
      }).catch(err => { this.status.textContent = data.loadError + " (" + err.message + ")"; });
      return;
    }
    const model = this.model, chars = this.chars();
    const tr = traceText(model, chars, this.cache);
    const unknown = chars.map((c, t) => model.isUnknown(tr.ids[t]) && c !== model.hide);
    tr.chars = chars.map((c, t) => (unknown[t] ? UNKNOWN_MARK : c));
    this.trace = tr;
    this.status.textContent = "";
    this.draw(tr, data.guesses && tr.T && model.decoderB ? this.guessesOf(model, tr) : null, unknown);
  }

  // The k likeliest next characters after the last one: [display label, probability], likeliest first.
  guessesOf(model, tr) {
    const probs = model.nextProbs(tr.top.row("hidden", tr.T - 1)), k = this.data.guesses.k, top = [];
    for (let v = 0; v < probs.length; v++) {   // the k likeliest in one pass, ties in the vocabulary's order (no sort)
      const p = probs[v];
      if (top.length === k && !(p > probs[top[k - 1]])) continue;
      let at = top.length < k ? top.push(v) - 1 : k - 1;
      while (at > 0 && probs[top[at - 1]] < p) { top[at] = top[at - 1]; at--; }
      top[at] = v;
    }
    return top.map(v => [displayChar(model.chars[v]), probs[v]]);
  }

  // The maps' elements, made again only when what they are changes (the panels, the strips, the language).
  build() {
    const data = this.data;
    const shape = JSON.stringify([data.panels, data.top, data.named, data.topTitle, data.topRowHeight, data.emptyHint,
                                  data.chosen, data.scales]);
    if (shape === this.shape) return;
    this.shape = shape;
    this.views = []; this.sources = {};
    this.chosen = el("div", "lb-chosen");
    this.empty = el("div", "lb-empty", data.emptyHint);
    this.axis = el("div", "lb-axis"); this.axisKey = null; this.axisSpans = [];
    this.maps.replaceChildren(this.chosen);
    for (const p of data.panels) {
      this.sources[p.quantity] = this.sources[p.quantity] || new Source(p.quantity);
      for (const top of data.top ? [true, false] : [false]) {
        const view = new MapView(this, p, top);
        this.views.push(view);
        this.maps.appendChild(view.box);
      }
    }
    this.maps.append(this.axis, this.empty);
  }

  draw(tr, guesses = null, unknown = null) {
    const data = this.data, T = tr.T;
    this.build();
    this.root.dataset.steps = T;
    this.drawSide(T ? guesses : null);
    this.drawReads(T && data.reads ? tr.chars : [], unknown);
    this.drawNotes(unknown);
    this.empty.style.display = T ? "none" : "";
    this.axis.style.display = T ? "" : "none";
    for (const v of this.views) v.box.style.display = T ? "" : "none";
    const labels = tr.chars.map(c => (c === data.hide ? data.gapMark : displayChar(c)));
    const sel = data.selected;
    const chosen = T && sel && sel.t < T && data.panels.some(p => p.clickable);   // the chosen t and j in large type (a phone)
    this.chosen.style.display = chosen ? "" : "none";
    if (chosen) setText(this.chosen, data.chosen.replace("{t}", sel.t).replace("{c}", () => labels[sel.t]).replace("{j}", sel.j));
    if (!T) { this.finish(); return; }
    const made = {};   // each quantity's values once a draw
    for (const view of this.views) {
      const q = view.p.quantity, source = this.sources[q];
      made[q] = made[q] || { values: source.values(tr), units: source.units(tr) };
      view.draw(made[q].values, made[q].units, T, Math.min(source.from(tr), view.T), labels, this.lut(data.scales[view.p.kind].lut));
    }
    this.drawAxis(T, labels);
    this.finish();
  }

  drawAxis(T, labels) {  // the characters under the maps (and their t, every few, on a long text)
    const data = this.data, { steps, numbered } = timeTicks(T, data.maxTicks, data.maxNumbered, data.roundSteps);
    const key = T + "|" + steps.map(t => labels[t]).join("\u0000");
    if (key === this.axisKey) return;
    this.axisKey = key;
    this.axis.classList.toggle("lb-numbered", numbered);
    const spans = this.axisSpans;   // kept from key to key: moved and relabelled, not made again
    steps.forEach((t, n) => {
      const s = spans[n] || (spans[n] = this.axis.appendChild(el("span")));
      const label = numbered ? labels[t] + "\n" + t : labels[t], left = ((t + 0.5) / T * 100) + "%";
      if (s.__label !== label) { s.textContent = label; s.__label = label; }
      if (s.__left !== left) { s.style.left = left; s.__left = left; }
    });
    while (spans.length > steps.length) spans.pop().remove();
  }

  drawSide(guesses) {  // the guesses beside the maps: a bar per character, its length the probability, kept from key to key
    const g = this.data.guesses;
    this.side.style.display = g && (guesses || g.noDecoder) ? "" : "none";   // none for an empty text
    this.shownGuesses = guesses;
    if (!g) return;
    const shape = JSON.stringify(g);
    if (shape !== this.sideShape) {
      this.sideShape = shape;
      this.side.replaceChildren(el("div", "lb-side-title", g.title), el("div", "lb-caption", g.caption));
      this.guessRows = [];
      if (g.noDecoder) { this.side.appendChild(el("div", "lb-empty", g.noDecoder)); return; }
      for (let k = 0; k < g.k; k++) {
        const row = el("div", "lb-guess"), track = el("div", "lb-guess-track"), bar = el("div", "lb-guess-bar");
        bar.style.background = g.colour;
        track.appendChild(bar);
        const char = el("span", "lb-guess-char"), p = el("span", "lb-guess-p");
        row.append(char, track, p);
        this.side.appendChild(row);
        this.guessRows.push({ row, bar, char, p });
      }
    }
    if (g.noDecoder) return;
    this.guessRows.forEach(({ row, bar, char, p: pct }, k) => {
      const guess = (guesses || [])[k];
      row.style.display = guess ? "" : "none";
      if (!guess) return;
      const [label, p] = guess;
      bar.style.width = (p * 100).toFixed(2) + "%";
      row.title = g.hover.replace("{c}", () => label).replace("{p}", p.toFixed(4));   // () =>: "$&" in a token stays
      setText(char, "'" + label + "'");
      setText(pct, Math.round(p * 100) + "%");
    });
  }

  drawReads(chars, unknown) {  // what the model reads: one chip per character, unknown ones dashed
    if (!this.chips) {   // kept from key to key: only the chips that change are touched (known from the last draw, not read back)
      this.chips = el("div", "lb-chips");
      this.chipList = [];   // [element, its label, its class]
      this.reads.append(el("div", "lb-caption"), this.chips);
    }
    this.reads.style.display = chars.length ? "" : "none";
    setText(this.reads.firstChild, this.data.reads ? this.data.reads.title : "");
    const list = this.chipList;
    while (list.length > chars.length) list.pop()[0].remove();
    chars.forEach((c, t) => {
      const chip = list[t] || (list[t] = [this.chips.appendChild(Object.assign(el("span"), { title: "t=" + t })), null, null]);
      const label = displayChar(c), cls = unknown && unknown[t] ? "lb-chip lb-unknown" : "lb-chip";
      if (chip[1] !== label) { chip[0].textContent = label; chip[1] = label; }
      if (chip[2] !== cls) { chip[0].className = cls; chip[2] = cls; }
    });
  }

  drawNotes(unknown) {  // with data.hear: what the server says of a text under a box (explorer/shell/textbox.py)
    const notes = this.data.notes;
    this.notes.style.display = notes ? "" : "none";
    if (!notes) return;
    const all = Array.from(fromBox(this.input.value)).length, cap = this.data.cap;
    setText(this.tooLong, all > cap ? notes.tooLong.replace("{n}", () => all).replace("{cap}", () => cap) : "");
    const chars = this.chars(), count = unknown ? unknown.filter(Boolean).length : 0;
    const seen = [...new Set(chars.filter((c, t) => unknown && unknown[t]))].sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
    setText(this.unknownNote, count ? notes.unknown.replace("{n}", () => count)
      .replace("{chars}", () => seen.slice(0, 20).map(displayChar).join(" ")) : "");
    this.tooLong.style.display = all > cap ? "" : "none";
    this.unknownNote.style.display = count ? "" : "none";
  }

  finish() {
    this.drawn += 1;
    this.root.dataset.drawn = this.drawn;
    this.root.dataset.text = this.chars().join("");
  }

  lut(name) {  // a colour table, 256 × RGB, sent as hex once per scale
    this.luts = this.luts || {};
    if (!this.luts[name]) this.luts[name] = Uint8Array.from(this.data.luts[name].match(/../g), h => parseInt(h, 16));
    return this.luts[name];
  }

  exportGuesses() { return this.shownGuesses; }  // for tests: [label, probability] as drawn

  exportTrace() {  // for tests: every quantity as plain arrays
    const tr = this.trace, out = { T: tr.T, chars: tr.chars, forward: {} };
    for (const q of tr.forward.names) out.forward[q] = Array.from(tr.forward[q].subarray(0, tr.T * tr.forward.H));
    if (tr.backward) {
      out.backward = {};
      for (const q of tr.backward.names) out.backward[q] = Array.from(tr.backward[q].subarray(0, tr.T * tr.backward.H));
    }
    return out;
  }
}

// What this tab showed, kept in its sessionStorage (per tab, gone with it); storage may be refused.
function remember(name, value) {
  try {
    if (value == null) sessionStorage.removeItem("lstm-explorer:" + name);
    else sessionStorage.setItem("lstm-explorer:" + name, value);
  } catch (e) { /* private mode or full: nothing kept */ }
}

function recall(name) {
  try { return sessionStorage.getItem("lstm-explorer:" + name); } catch (e) { return null; }
}
