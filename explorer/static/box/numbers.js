// What the box computes besides the LSTM, as the server does it (pure functions, tested under Node
// by tests/test_js_box.py against the Python they mirror).

// A character as the maps' axis and the chips show it: as explorer.vocab.display_char.
export function displayChar(c) {
  if (c === " ") return "␣";
  if (c === "\n") return "↵";
  if (c === "\t") return "⇥";
  if (/^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]$/u.test(c))
    return "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
  return c;
}

// Which steps the time axis labels: as explorer.draw.figures.time_ticks.
export function timeTicks(T, maxTicks, maxNumbered, roundSteps) {
  if (T <= maxTicks) return { steps: [...Array(T).keys()], numbered: false };
  const step = roundSteps.find(s => T / s <= maxNumbered) ?? Math.ceil(T / maxNumbered);
  const steps = [];
  for (let t = 0; t < T; t += step) steps.push(t);
  return { steps, numbered: true };
}

// numpy.percentile(abs(values), q) with linear interpolation, without sorting: the k-th smallest |v| by
// selection (Hoare's partition, median-of-three pivot), O(n) on average. `scratch`: a Float32Array at
// least values.length long to work in (kept by the caller from key to key: no allocation a key).
export function percentileAbs(values, q, scratch = new Float32Array(values.length)) {
  const n = values.length;
  if (!n) return 1;
  const a = scratch;
  for (let k = 0; k < n; k++) a[k] = Math.abs(values[k]);
  const pos = (q / 100) * (n - 1), lo = Math.floor(pos);
  const below = select(a, n, lo);
  if (lo + 1 >= n || pos === lo) return below;
  let above = Infinity;   // the next one up: the smallest of what select left to the right of lo
  for (let k = lo + 1; k < n; k++) if (a[k] < above) above = a[k];
  return below + (above - below) * (pos - lo);
}

// Rearranges a[0..n) so that a[k] is the k-th smallest, everything before it ≤ and after it ≥; returns a[k].
function select(a, n, k) {
  let left = 0, right = n - 1;
  while (right > left) {
    const mid = (left + right) >> 1;
    if (a[mid] < a[left]) swap(a, mid, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[mid]) swap(a, right, mid);
    const pivot = a[mid];
    let i = left, j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { swap(a, i, j); i++; j--; }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k];
  }
  return a[k];
}

function swap(a, i, j) { const t = a[i]; a[i] = a[j]; a[j] = t; }
