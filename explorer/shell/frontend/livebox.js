// The live text box and its unit × time maps (a Streamlit component; lstm.js is loaded before it).
//
// - The box is an <input> this component owns: each key recomputes the trace here (one LSTM step
//   when a character is appended) and redraws every map, with no trip to the server.
// - The server hears the text once typing pauses (data.debounceMs), as the state value "text".
// - A click on a clickable map sends (t, j) as the trigger value "clicked"; on a touch screen, where rows are
//   too thin for a finger, a tap opens a magnified band around it to choose from. A map reached with Tab
//   steps j with ↑ ↓.
// - With data.guesses, the model's next-character guesses are drawn beside the maps, and with data.reads
//   the characters as the model reads them under them: both from the same trace, on every key.
// - Every text shown is set with textContent: nothing typed is ever parsed as HTML.

const NEWLINE_MARK = "↵";
// A tap on a map whose rows are under BAND_ROW_PX tall opens a band of ±BAND_UNITS units and ±BAND_STEPS steps.
const BAND_ROW_PX = 12, BAND_UNITS = 8, BAND_STEPS = 5;
const COARSE = window.matchMedia("(pointer: coarse)");
const MODELS = (globalThis.__lstmExplorerModels = globalThis.__lstmExplorerModels || new Map());

function loadModel(url) {  // one fetch per model and page load; the browser caches the file
  if (!MODELS.has(url)) MODELS.set(url, fetch(url).then(r => {
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r.json();
  }).then(json => new CharModel(json)));
  return MODELS.get(url);
}

const toBox = (text) => text.replace(/\r\n?/g, "\n").replace(/\n/g, NEWLINE_MARK);
const fromBox = (typed) => typed.replaceAll(NEWLINE_MARK, "\n");

function displayChar(c) {  // as explorer.vocab.display_char
  if (c === " ") return "␣";
  if (c === "\n") return "↵";
  if (c === "\t") return "⇥";
  if (/^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]$/u.test(c))
    return "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
  return c;
}

function timeTicks(T, maxTicks, maxNumbered, roundSteps) {  // as explorer.figures.time_ticks
  if (T <= maxTicks) return { steps: [...Array(T).keys()], numbered: false };
  let step = roundSteps.find(s => T / s <= maxNumbered) ?? Math.ceil(T / maxNumbered);
  const steps = [];
  for (let t = 0; t < T; t += step) steps.push(t);
  return { steps, numbered: true };
}

function percentileAbs(values, q) {  // as numpy.percentile(abs(values), q), linear interpolation
  const a = Float32Array.from(values, Math.abs).sort();
  if (!a.length) return 1;
  const pos = (q / 100) * (a.length - 1), lo = Math.floor(pos), hi = Math.min(lo + 1, a.length - 1);
  return a[lo] + (a[hi] - a[lo]) * (pos - lo);
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// The values one panel draws, (T, units) row-major, from the trace.
function panelValues(q, tr) {
  const f = tr.forward, T = tr.T, H = f.H;
  const pick = (src) => src.subarray(0, T * H);
  switch (q) {
    case "written": return pick(f.input).map((i, k) => i * f.candidate[k]);
    case "tanh_cell": return pick(f.cell).map(Math.tanh);
    case "forward": return pick(f.hidden);
    case "backward": return pick(tr.backward.hidden);
    case "concat": {
      const out = new Float32Array(T * 2 * H);
      for (let t = 0; t < T; t++) {
        out.set(f.hidden.subarray(t * H, (t + 1) * H), t * 2 * H);
        out.set(tr.backward.hidden.subarray(t * H, (t + 1) * H), t * 2 * H + H);
      }
      return out;
    }
    default: return pick(f[q]);
  }
}

// A trace the server computed (a model of yours, explorer/own_ui.py): the same shape as traceText's.
function fromServer(st) {
  const forward = { H: st.H };
  for (const q of QUANTITIES) forward[q] = floats(st.values[q]);
  return { T: st.T, chars: st.chars, forward };
}

class LiveBox {
  constructor(parent) {
    this.root = el("div", "lb-root");
    this.root.__view = this;
    parent.appendChild(this.root);
    this.version = null; this.cache = {}; this.sent = 0; this.asked = []; this.timer = null; this.drawn = 0;
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
    this.maps = el("div", "lb-maps");
    this.reads = el("div", "lb-reads");
    this.side = el("div", "lb-side"); this.side.style.display = "none";   // shown by drawSide, with data.guesses
    const main = el("div", "lb-main"), body = el("div", "lb-body");
    main.append(this.maps, this.reads);
    body.append(main, this.side);
    this.tip = el("div", "lb-tip");
    this.root.append(row, this.status, body, this.tip);
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

  detach() { document.removeEventListener("keydown", this.onKey); }

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
    this.labelText.textContent = data.label;
    this.input.placeholder = data.placeholder;
    this.input.maxLength = data.inputCap;
    this.newline.textContent = data.newlineLabel; this.newline.title = data.newlineHelp;
    if (this.version !== data.version) {   // a new text from the server (first load, an example, several lines)
      const first = this.version === null;
      this.version = data.version;
      this.input.value = toBox(data.text);
      if (first && data.restore) this.restore(data);
      remember("text", fromBox(this.input.value));
    }
    if (!data.restore || data.own) remember("own", data.own);
    // A rerun that changes nothing drawn (the server has just heard the text this box already shows) does
    // not retrace and redraw: each heard key would otherwise cost the browser a second full draw.
    const shown = JSON.stringify({ ...data, text: null });
    if (shown === this.shownData && this.input.value === this.shownText) return;
    this.shownData = shown;
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
    this.sent += 1;
    this.setStateValue("text", { text: fromBox(this.input.value), n: this.sent, lost });
  }

  typed() {
    remember("text", fromBox(this.input.value));
    this.redraw();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {  // the server hears the text once typing pauses
      this.sent += 1;
      this.setStateValue("text", { text: fromBox(this.input.value), n: this.sent });
    }, this.data.debounceMs);
  }

  chars() { return Array.from(fromBox(this.input.value)).slice(0, this.data.cap); }

  redraw() {
    const data = this.data;
    this.shownText = this.input.value;
    if (!data.panels.length) { this.finish(); return; }   // a box with no maps (the variants page)
    if (data.serverTrace) {  // a model of yours: traced by the server once typing pauses, drawn here as sent
      this.trace = fromServer(data.serverTrace);
      this.status.textContent = "";
      this.draw(this.trace, data.serverTrace.guesses, data.serverTrace.unknown);
      return;
    }
    loadModel(data.modelUrl).then(model => {
      const chars = this.chars();
      const tr = traceText(model, chars, this.cache);
      tr.chars = chars.map((c, t) => (tr.ids[t] === 0 && c !== model.hide ? model.chars[0] : c));
      this.trace = tr;
      this.status.textContent = "";
      const unknown = chars.map((c, t) => tr.ids[t] === 0 && c !== model.hide);
      this.draw(tr, data.guesses && tr.T ? this.guessesOf(model, tr) : null, unknown);
    }).catch(err => { this.status.textContent = data.loadError + " (" + err.message + ")"; });
  }

  // The k likeliest next characters after the last one: [display label, probability], likeliest first.
  guessesOf(model, tr) {
    const probs = model.nextProbs(tr.forward.row("hidden", tr.T - 1));
    const order = [...probs.keys()].sort((a, b) => probs[b] - probs[a]).slice(0, this.data.guesses.k);
    return order.map(v => [displayChar(model.chars[v]), probs[v]]);
  }

  draw(tr, guesses = null, unknown = null) {
    const data = this.data, T = tr.T;
    const had = this.maps.contains(document.activeElement) ? document.activeElement : null;   // a map with the focus
    const focus = had && had.matches("canvas.lb-map") ? [had.dataset.kind, had.dataset.top || ""] : null;
    this.maps.replaceChildren();
    this.root.dataset.steps = T;
    this.drawSide(T ? guesses : null);
    this.drawReads(T && data.reads ? tr.chars : [], unknown);
    if (!T) { this.maps.appendChild(el("div", "lb-empty", data.emptyHint)); this.finish(); return; }
    const labels = tr.chars.map(c => (c === data.hide ? data.gapMark : displayChar(c)));
    const sel = data.selected;
    if (sel && sel.t < T && data.panels.some(p => p.clickable))   // the chosen t and j in large type (shown on a phone)
      this.maps.appendChild(el("div", "lb-chosen", data.chosen.replace("{t}", sel.t).replace("{c}", () => labels[sel.t])
        .replace("{j}", sel.j)));
    for (const p of data.panels) {
      if (data.top) this.maps.appendChild(this.panel(p, tr, labels, this.topUnits(p, tr)));
      this.maps.appendChild(this.panel(p, tr, labels));
    }
    const axis = el("div", "lb-axis");
    const { steps, numbered } = timeTicks(T, data.maxTicks, data.maxNumbered, data.roundSteps);
    if (numbered) axis.classList.add("lb-numbered");
    for (const t of steps) {
      const s = el("span", "", numbered ? labels[t] + "\n" + t : labels[t]);
      s.style.left = ((t + 0.5) / T * 100) + "%";
      axis.appendChild(s);
    }
    this.maps.appendChild(axis);
    if (focus)   // drawn again (the unit chosen with ↑ ↓ came back): the same map keeps the focus
      [...this.maps.querySelectorAll("canvas.lb-map")].find(c => c.dataset.kind === focus[0] && (c.dataset.top || "") === focus[1])
        ?.focus({ preventScroll: true });
    this.finish();
  }

  drawSide(guesses) {  // the guesses beside the maps: a bar per character, its length the probability
    const g = this.data.guesses;
    this.side.replaceChildren();
    this.side.style.display = g && (guesses || g.noDecoder) ? "" : "none";   // none for an empty text
    this.shownGuesses = guesses;
    if (!g) return;
    this.side.append(el("div", "lb-side-title", g.title), el("div", "lb-caption", g.caption));
    if (g.noDecoder) { this.side.appendChild(el("div", "lb-empty", g.noDecoder)); return; }
    for (const [label, p] of guesses || []) {
      const row = el("div", "lb-guess"), track = el("div", "lb-guess-track"), bar = el("div", "lb-guess-bar");
      bar.style.width = (p * 100).toFixed(2) + "%"; bar.style.background = g.colour;
      track.appendChild(bar);
      row.title = g.hover.replace("{c}", () => label).replace("{p}", p.toFixed(4));   // () =>: "$&" in a token stays
      row.append(el("span", "lb-guess-char", "'" + label + "'"), track, el("span", "lb-guess-p", Math.round(p * 100) + "%"));
      this.side.appendChild(row);
    }
  }

  drawReads(chars, unknown) {  // what the model reads: one chip per character, unknown ones dashed
    if (!this.chips) {   // kept from key to key: only the chips that change are touched
      this.chips = el("div", "lb-chips");
      this.reads.append(el("div", "lb-caption"), this.chips);
    }
    this.reads.style.display = chars.length ? "" : "none";
    this.reads.firstChild.textContent = this.data.reads ? this.data.reads.title : "";
    const chips = this.chips.children;
    while (chips.length > chars.length) this.chips.lastChild.remove();
    chars.forEach((c, t) => {
      const chip = chips[t] || this.chips.appendChild(Object.assign(el("span"), { title: "t=" + t }));
      const label = displayChar(c), cls = unknown && unknown[t] ? "lb-chip lb-unknown" : "lb-chip";
      if (chip.textContent !== label) chip.textContent = label;
      if (chip.className !== cls) chip.className = cls;
    });
  }

  finish() {
    this.drawn += 1;
    this.root.dataset.drawn = this.drawn;
    this.root.dataset.text = this.chars().join("");
  }

  // The units that matter for this text: those a probe names, then those that change most over it.
  topUnits(p, tr) {
    const values = panelValues(p.quantity, tr), T = tr.T, units = values.length / T, spread = new Float64Array(units);
    for (let j = 0; j < units; j++) {
      let lo = Infinity, hi = -Infinity;
      for (let t = 0; t < T; t++) { const v = values[t * units + j]; lo = Math.min(lo, v); hi = Math.max(hi, v); }
      spread[j] = hi - lo;
    }
    const named = Object.keys(this.data.named).map(Number).filter(j => j < units);
    const rest = [...Array(units).keys()].filter(j => !named.includes(j)).sort((a, b) => spread[b] - spread[a]);
    return [...named, ...rest].slice(0, this.data.top);
  }

  panel(p, tr, labels, rows = null) {
    const data = this.data, T = tr.T, all = panelValues(p.quantity, tr), allUnits = all.length / T;
    const order = rows || [...Array(allUnits).keys()], units = order.length;
    const values = rows ? new Float32Array(T * units) : all;
    if (rows) for (let t = 0; t < T; t++) rows.forEach((j, r) => { values[t * units + r] = all[t * allUnits + j]; });
    const scale = data.scales[p.kind];
    let lo = scale.lo, hi = scale.hi;
    if (scale.percentile) { const m = Math.max(1, percentileAbs(values, scale.percentile)); lo = -m; hi = m; }
    const box = el("div", "lb-panel");
    box.appendChild(el("div", "lb-title", rows ? data.topTitle.replace("{kind}", p.title).replace("{n}", units) : p.title));
    const row = el("div", "lb-map-row"), wrap = el("div", "lb-wrap");
    const canvas = el("canvas", "lb-map");
    canvas.width = T; canvas.height = units;
    canvas.dataset.kind = p.kind; canvas.dataset.steps = T; canvas.dataset.units = units;
    if (rows) canvas.dataset.top = "1";
    canvas.style.height = (rows ? units * data.topRowHeight : p.height) + "px";
    canvas.setAttribute("role", "img");   // what it shows, for a screen reader: the quantity, its size, its scale
    canvas.setAttribute("aria-label", data.mapAlt.replace("{title}", () => p.title).replace("{units}", units).replace("{steps}", T)
      .replace("{lo}", Number(lo.toPrecision(3))).replace("{hi}", Number(hi.toPrecision(3))));
    const img = new ImageData(T, units), lut = this.lut(scale.lut);
    for (let t = 0; t < T; t++)
      for (let j = 0; j < units; j++) {
        const v = values[t * units + j];
        const k = Math.min(255, Math.max(0, Math.round((v - lo) / (hi - lo) * 255))) * 3, o = (j * T + t) * 4;
        img.data[o] = lut[k]; img.data[o + 1] = lut[k + 1]; img.data[o + 2] = lut[k + 2]; img.data[o + 3] = 255;
      }
    canvas.getContext("2d").putImageData(img, 0, 0);
    wrap.appendChild(canvas);
    if (rows) {  // each row named: its unit, and what it tracks where a probe found out
      const names = el("div", "lb-names");
      rows.forEach(j => {
        const n = el("div", data.named[j] ? "lb-named" : "", data.named[j] ? j + " · " + data.named[j] : String(j));
        n.style.height = n.style.lineHeight = data.topRowHeight + "px";
        names.appendChild(n);
      });
      names.style.height = canvas.style.height;
      row.appendChild(names);
    }
    if (p.split && !rows) {  // two vectors stacked in one map, e.g. h→ above h← in y = [h→ ; h←]
      const line = el("div", "lb-split"); line.style.top = (p.split / units * 100) + "%"; wrap.appendChild(line);
      p.splitTags.forEach((text, k) => {
        const tag = el("div", "lb-tag", text);
        tag.style.top = k === 0 ? "4px" : "calc(" + (p.split / units * 100) + "% + 6px)";
        wrap.appendChild(tag);
      });
    }
    const sel = data.selected, selRow = sel ? order.indexOf(sel.j) : -1;
    if (sel && sel.t < T) {  // the chosen step t as a column, the chosen unit j as a row
      const col = el("div", "lb-sel-t");
      col.style.left = (sel.t / T * 100) + "%"; col.style.width = "max(3px, " + (100 / T) + "%)";
      wrap.append(col);
      if (selRow >= 0) {
        const rowMark = el("div", "lb-sel-j");
        rowMark.style.top = (selRow / units * 100) + "%"; rowMark.style.height = "max(3px, " + (100 / units) + "%)";
        wrap.append(rowMark);
      }
    }
    const bar = el("div", "lb-bar"); bar.style.background = scale.gradient;
    const ticks = el("div", "lb-ticks");
    const vmax = values.reduce((m, v) => Math.max(m, v), -Infinity), vmin = values.reduce((m, v) => Math.min(m, v), Infinity);
    const fmt = (v) => Number(v.toPrecision(3)).toString();
    ticks.append(el("span", "", (vmax > hi ? "≥ " : "") + fmt(hi)), el("span", "", fmt((lo + hi) / 2)),
                 el("span", "", (vmin < lo ? "≤ " : "") + fmt(lo)));
    row.append(wrap, bar, ticks);
    box.appendChild(row);
    const cell = (e) => {
      const r = canvas.getBoundingClientRect();  // the drawn area is inside the border
      const x = (e.clientX - r.left - canvas.clientLeft) / canvas.clientWidth;
      const y = (e.clientY - r.top - canvas.clientTop) / canvas.clientHeight;
      return [Math.min(T - 1, Math.max(0, Math.floor(x * T))), Math.min(units - 1, Math.max(0, Math.floor(y * units)))];
    };
    canvas.addEventListener("mousemove", (e) => {
      const [t, r] = cell(e), j = order[r];
      this.tip.textContent = data.hover.replace("{t}", t).replace("{c}", labels[t]).replace("{j}", j)
        .replace("{v}", values[t * units + r].toFixed(4));
      const rootBox = this.root.getBoundingClientRect();
      this.tip.style.left = (e.clientX - rootBox.left + 14) + "px"; this.tip.style.top = (e.clientY - rootBox.top + 14) + "px";
      this.tip.style.display = "block";
    });
    canvas.addEventListener("mouseleave", () => { this.tip.style.display = "none"; });
    if (p.clickable) {
      canvas.classList.add("lb-clickable");
      canvas.tabIndex = 0;   // reached with Tab: ↑ ↓ choose the unit j (← → step t anywhere on the page)
      canvas.addEventListener("click", (e) => {
        const [t, r] = cell(e);
        // A finger on rows a few pixels tall would choose a unit by luck: open a magnified band around it.
        if ((e.pointerType === "touch" || COARSE.matches) && canvas.clientHeight / units < BAND_ROW_PX) {
          this.bandAt = { kind: p.kind, top: !!rows, t, r };
          this.drawBand(box, { T, units, order, values, labels, lo, hi, lut }, this.bandAt);
          return;
        }
        this.setTriggerValue("clicked", { t, j: order[r] });
      });
      canvas.addEventListener("keydown", (e) => {
        if ((e.key !== "ArrowUp" && e.key !== "ArrowDown") || !data.selected) return;
        e.preventDefault();
        const from = this.askedJ ?? data.selected.j, at = order.indexOf(from);
        const r = Math.min(units - 1, Math.max(0, (at < 0 ? 0 : at) + (e.key === "ArrowUp" ? -1 : 1)));
        this.askedJ = order[r];
        this.setTriggerValue("clicked", { t: Math.min(data.selected.t, T - 1), j: order[r] });
      });
      const b = this.bandAt;
      if (b && b.kind === p.kind && b.top === !!rows && b.t < T && b.r < units)   // kept open across a redraw
        this.drawBand(box, { T, units, order, values, labels, lo, hi, lut }, b);
    }
    return box;
  }

  // The magnified band: BAND_UNITS rows either side of the tapped one, BAND_STEPS steps either side of the
  // tapped t, each cell a button a finger can hit; tapping one chooses its (t, j), × closes it.
  drawBand(box, m, at) {
    box.querySelector(".lb-band")?.remove();
    const band = el("div", "lb-band"), head = el("div", "lb-band-head");
    const close = el("button", "lb-band-close", "×");
    close.type = "button"; close.setAttribute("aria-label", this.data.bandClose);
    close.addEventListener("click", () => { this.bandAt = null; band.remove(); });
    head.append(el("span", "", this.data.bandTitle), close);
    const r0 = Math.max(0, Math.min(at.r - BAND_UNITS, m.units - 2 * BAND_UNITS - 1)), r1 = Math.min(m.units - 1, r0 + 2 * BAND_UNITS);
    const t0 = Math.max(0, Math.min(at.t - BAND_STEPS, m.T - 2 * BAND_STEPS - 1)), t1 = Math.min(m.T - 1, t0 + 2 * BAND_STEPS);
    const grid = el("div", "lb-band-grid");
    grid.style.gridTemplateColumns = "auto repeat(" + (t1 - t0 + 1) + ", minmax(0, 1fr))";
    grid.appendChild(el("span", "lb-band-corner", "j \\ t"));
    for (let t = t0; t <= t1; t++) grid.appendChild(el("span", "lb-band-t", m.labels[t] + "\n" + t));
    for (let r = r0; r <= r1; r++) {
      const j = m.order[r];
      grid.appendChild(el("span", "lb-band-j", String(j)));
      for (let t = t0; t <= t1; t++) {
        const k = Math.min(255, Math.max(0, Math.round((m.values[t * m.units + r] - m.lo) / (m.hi - m.lo) * 255))) * 3;
        const c = el("button", r === at.r && t === at.t ? "lb-band-cell lb-band-tapped" : "lb-band-cell");
        c.type = "button"; c.dataset.t = t; c.dataset.j = j;
        c.style.background = "rgb(" + m.lut[k] + "," + m.lut[k + 1] + "," + m.lut[k + 2] + ")";
        c.setAttribute("aria-label", this.data.hover.replace("{t}", t).replace("{c}", m.labels[t]).replace("{j}", j)
          .replace("{v}", m.values[t * m.units + r].toFixed(4)));
        c.addEventListener("click", () => { this.bandAt = null; band.remove(); this.setTriggerValue("clicked", { t, j }); });
        grid.appendChild(c);
      }
    }
    band.append(head, grid);
    box.appendChild(band);
    band.scrollIntoView({ block: "nearest" });
  }

  lut(name) {  // a colour table, 256 × RGB, sent as hex once per scale
    this.luts = this.luts || {};
    if (!this.luts[name]) this.luts[name] = Uint8Array.from(this.data.luts[name].match(/../g), h => parseInt(h, 16));
    return this.luts[name];
  }

  exportGuesses() { return this.shownGuesses; }  // for tests: [label, probability] as drawn

  exportTrace() {  // for tests: every quantity as plain arrays
    const tr = this.trace, out = { T: tr.T, chars: tr.chars, forward: {} };
    for (const q of QUANTITIES) out.forward[q] = Array.from(tr.forward[q].subarray(0, tr.T * tr.forward.H));
    if (tr.backward) {
      out.backward = {};
      for (const q of QUANTITIES) out.backward[q] = Array.from(tr.backward[q].subarray(0, tr.T * tr.backward.H));
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

export default function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  const root = parentElement.querySelector(".lb-root");
  const view = root ? root.__view : new LiveBox(parentElement);
  view.update(data[0], setStateValue, setTriggerValue);   // sent as [data] (explorer/shell/livebox.py: live_box)
  return () => view.detach();
}
