// The server-drawn unit × time maps (explorer/draw/unitmap.py packs them; explorer/shell/unitmap.py mounts this).
// Every text is set with textContent: nothing typed is ever parsed as HTML.
function floats(b64) {
  const bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (let k = 0; k < bin.length; k++) bytes[k] = bin.charCodeAt(k);
  return new Float32Array(bytes.buffer);
}
export default function(component) {
  const { data, parentElement, setTriggerValue } = component;
  let root = parentElement.querySelector('.um-root');
  if (!root) { root = document.createElement('div'); root.className = 'um-root'; parentElement.appendChild(root); }
  root.replaceChildren();
  const T = data.labels.length;
  const tip = document.createElement('div'); tip.className = 'um-tip'; root.appendChild(tip);
  for (const p of data.panels) {
    const title = document.createElement('div'); title.className = 'um-title'; title.textContent = p.title;
    const row = document.createElement('div'); row.className = 'um-row';
    const img = document.createElement('img'); img.className = 'um-map'; img.src = p.png;
    img.style.height = (p.height || data.rowHeight) + 'px'; img.alt = p.title;
    const wrap = document.createElement('div'); wrap.className = 'um-wrap'; wrap.appendChild(img);
    if (p.split) {  // a line between two stacked vectors, e.g. h→ above h← in y = [h→ ; h←]
      const line = document.createElement('div'); line.className = 'um-split';
      line.style.top = (p.split / p.units * 100) + '%'; wrap.appendChild(line);
      (p.splitTags || []).forEach((text, k) => {
        const tag = document.createElement('div'); tag.className = 'um-tag'; tag.textContent = text;
        tag.style.top = k === 0 ? '4px' : 'calc(' + (p.split / p.units * 100) + '% + 6px)'; wrap.appendChild(tag);
      });
    }
    const bar = document.createElement('div'); bar.className = 'um-bar'; bar.style.background = p.gradient;
    const ticks = document.createElement('div'); ticks.className = 'um-ticks';
    for (const v of p.ticks) { const s = document.createElement('span'); s.textContent = v; ticks.appendChild(s); }
    row.append(wrap, bar, ticks); root.append(title, row);
    let vals = null;
    img.addEventListener('mousemove', (e) => {
      if (!vals) vals = floats(p.values);
      const r = img.getBoundingClientRect();
      const t = Math.min(T - 1, Math.floor((e.clientX - r.left) / r.width * T));
      const j = Math.min(p.units - 1, Math.floor((e.clientY - r.top) / r.height * p.units));
      tip.textContent = data.hover.replace('{t}', t).replace('{c}', data.labels[t]).replace('{j}', j)
                        .replace('{v}', vals[j * T + t].toFixed(3));
      const box = root.getBoundingClientRect();
      tip.style.left = (e.clientX - box.left + 14) + 'px'; tip.style.top = (e.clientY - box.top + 14) + 'px';
      tip.style.display = 'block';
    });
    img.addEventListener('mouseleave', () => { tip.style.display = 'none'; });
    if (data.clickable) {
      img.addEventListener('click', (e) => {
        const r = img.getBoundingClientRect();
        const t = Math.min(T - 1, Math.floor((e.clientX - r.left) / r.width * T));
        const j = Math.min(p.units - 1, Math.floor((e.clientY - r.top) / r.height * p.units));
        setTriggerValue('clicked', { t: t, j: j });
      });
    }
  }
  const axis = document.createElement('div'); axis.className = 'um-axis' + (data.numbered ? ' um-numbered' : '');
  for (const [k, t] of data.tickSteps.entries()) {
    const s = document.createElement('span'); s.textContent = data.tickText[k];
    s.style.left = ((t + 0.5) / T * 100) + '%'; axis.appendChild(s);
  }
  root.appendChild(axis);
}
