// The LSTM of explorer/lstm.py, in the browser: the same equations on the same weights, so the
// maps redraw on every key with no trip to the server.
//
//   f_t  = σ(W_f·[h_{t-1}, x_t] + b_f)        forget gate
//   i_t  = σ(W_i·[h_{t-1}, x_t] + b_i)        input ("memory") gate
//   C~_t = tanh(W_C·[h_{t-1}, x_t] + b_C)     candidate
//   C_t  = f_t ⊙ C_{t-1} + i_t ⊙ C~_t          cell state (the conveyor belt)
//   o_t  = σ(W_o·[h_{t-1}, x_t] + b_o)        output gate
//   h_t  = o_t ⊙ tanh(C_t)                    hidden output
//
// - Weights in PyTorch's layout: weight_ih (4H × X), weight_hh (4H × H), blocks (i, f, g, o), g = C~;
//   b = bias_ih + bias_hh. They come from app/static/<model>.json (python -m explorer.draw.box).
// - A model may stack layers (a model of yours in a notebook, explorer/notebook.py): layer l reads layer
//   l−1's h_t as its x_t; the maps show one layer, the decoder reads the top one.
// - A Trace keeps every quantity, each T × H, step t in row t. Appending a character computes one
//   step; editing in the middle recomputes from the first changed character on (traceText says from
//   which step the rows are new, so a map redraws only those columns).
// - The quantities' names come with the model (its JSON's "quantities", written from explorer/quantities.py).
// - An ES module: the box (livebox.js) imports it; tests/js/trace.mjs runs it under Node.

function sigmoid(z) { return 1 / (1 + Math.exp(-z)); }

export function floats(b64) {  // base64 of little-endian float32 -> Float32Array
  const bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (let k = 0; k < bin.length; k++) bytes[k] = bin.charCodeAt(k);
  return new Float32Array(bytes.buffer);
}

class LSTMWeights {
  constructor(w) {
    this.H = w.hidden_size; this.X = w.input_size;
    this.Wx = floats(w.weight_ih);                      // (4H, X)
    this.Wh = Float64Array.from(floats(w.weight_hh));   // (4H, H), as doubles: a step reads them 4H·H times
    const bih = floats(w.bias_ih), bhh = floats(w.bias_hh);
    this.b = new Float32Array(4 * this.H);              // (4H,)
    for (let r = 0; r < 4 * this.H; r++) this.b[r] = bih[r] + bhh[r];
    this.z = new Float64Array(4 * this.H);              // a step's W·[h_{t-1}, x_t] + b, the four blocks
    this.h = new Float64Array(this.H);                  // a step's h_{t-1}, as doubles
    this.byId = new Map();                              // id -> fromInput(x(id)): what a step of that character starts from
  }

  // W_x·x_t + b, the part of W·[h_{t-1}, x_t] + b that depends on x_t alone, summed in the order a step
  // always summed it (b, then x's terms; a step adds h's): a character's is computed once and kept.
  fromInput(x) {
    const X = this.X, R = 4 * this.H, z = new Float64Array(R);
    for (let r = 0; r < R; r++) {
      let s = this.b[r];
      for (let k = 0; k < X; k++) s += this.Wx[r * X + k] * x[k];
      z[r] = s;
    }
    return z;
  }

  fromId(id, model) {
    let z = this.byId.get(id);
    if (z === undefined) this.byId.set(id, z = this.fromInput(model.x(id)));
    return z;
  }
}

class Trace {
  constructor(names, H, capacity) {
    this.names = names; this.H = H; this.T = 0; this.ids = [];
    for (const q of names) this[q] = new Float32Array(capacity * H);  // (T, H), row t = step t
    this.zeros = new Float32Array(H);
  }

  row(q, t) { return t < 0 ? this.zeros : this[q].subarray(t * this.H, (t + 1) * this.H); }
  at(q, t, j) { return this[q][t * this.H + j]; }
}

// One step of the equations: reads h_{t-1}, C_{t-1} from row t-1 (zeros at t = 0), writes row t.
// `zx`: W_x·x_t + b (fromInput); the step adds W_h·h_{t-1} in order (k = 0, 1, …), four rows of the
// blocks (i, f, C~, o) at a time so that each h_{t-1}[k] is read once for four (the Bi-LSTM's backward
// pass is a whole pass a key: this loop is most of its time).
function lstmStep(w, zx, tr, t) {
  const H = w.H, R = 4 * H, Wh = w.Wh, z = w.z, h = w.h, cPrev = tr.row("cell", t - 1), o = t * H;
  h.set(tr.row("hidden", t - 1));
  for (let r = 0; r < R; r += 4) {
    const a = r * H, b = a + H, c = b + H, d = c + H;
    let s0 = zx[r], s1 = zx[r + 1], s2 = zx[r + 2], s3 = zx[r + 3];
    for (let k = 0; k < H; k++) {
      const hk = h[k];
      s0 += Wh[a + k] * hk; s1 += Wh[b + k] * hk; s2 += Wh[c + k] * hk; s3 += Wh[d + k] * hk;
    }
    z[r] = s0; z[r + 1] = s1; z[r + 2] = s2; z[r + 3] = s3;
  }
  const I = tr.input, F = tr.forget, G = tr.candidate, O = tr.output, C = tr.cell, Hs = tr.hidden;
  for (let j = 0; j < H; j++) {
    const i = sigmoid(z[j]);                            // i_t
    const f = sigmoid(z[H + j]);                        // f_t
    const g = Math.tanh(z[2 * H + j]);                  // C~_t
    const out = sigmoid(z[3 * H + j]);                  // o_t
    const c = Math.fround(f * cPrev[j] + i * g);        // C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t, as kept (float32)
    I[o + j] = i; F[o + j] = f; G[o + j] = g; O[o + j] = out; C[o + j] = c;
    Hs[o + j] = out * Math.tanh(c);                     // h_t = o_t ⊙ tanh(C_t)
  }
}

export class CharModel {
  constructor(json) {
    this.quantities = json.quantities.map(q => q.name); // f, i, C~, C, o, h by name, in the lesson's order
    this.chars = json.chars;
    this.unknown = json.unknown ?? 0;                   // the id an unknown character reads as (-1: x_t = 0)
    this.index = new Map(json.chars.map((c, k) => [c, k]));
    if (this.unknown >= 0) this.index.delete(json.chars[this.unknown]);   // the unknown mark is not typed
    this.hide = json.hide || null;                      // the Bi-LSTM's "hidden character", read as unknown
    this.X = json.input_size;
    this.embedding = json.embedding ? floats(json.embedding) : null;   // (V, X); none: one-hot (X = V)
    this.stack = (json.layers || [json.forward]).map(w => new LSTMWeights(w));
    this.shown = json.layer || 0;                       // the layer the maps show
    this.forward = this.stack[this.shown];
    this.backward = json.backward ? new LSTMWeights(json.backward) : null;
    this.decoderW = json.decoder_weight ? floats(json.decoder_weight) : null;   // (V, H); the Bi-LSTM's (V, 2H) reads y
    this.decoderB = json.decoder_weight ? floats(json.decoder_bias) : null;     // (V,); none: no guesses
  }

  // The next-character probabilities after h_t (the top layer's): softmax(D·h_t + d), as explorer.tracing does.
  nextProbs(h) {
    const H = h.length, V = this.decoderB.length, z = new Float64Array(V);
    let top = -Infinity;
    for (let v = 0; v < V; v++) {
      let s = this.decoderB[v];
      for (let k = 0; k < H; k++) s += this.decoderW[v * H + k] * h[k];
      z[v] = s; top = Math.max(top, s);
    }
    let sum = 0;
    for (let v = 0; v < V; v++) { z[v] = Math.exp(z[v] - top); sum += z[v]; }
    for (let v = 0; v < V; v++) z[v] /= sum;
    return z;
  }

  encode(chars) { return chars.map(c => (c === this.hide ? this.unknown : (this.index.get(c) ?? this.unknown))); }
  isUnknown(id) { return id === this.unknown; }
  x(id) {                                               // x_t = E[id_t], or one-hot; an unknown with no id: zeros
    if (id < 0) return this.zeros || (this.zeros = new Float32Array(this.X));
    if (this.embedding) return this.embedding.subarray(id * this.X, (id + 1) * this.X);
    const x = new Float32Array(this.X);
    x[id] = 1;
    return x;
  }

  // Run `w` over ids, reusing `tr`'s rows up to the first id that changed; returns that step (the first new row).
  run(w, ids, tr) {
    let same = 0;
    while (same < Math.min(ids.length, tr.T) && ids[same] === tr.ids[same]) same++;
    for (let t = same; t < ids.length; t++) lstmStep(w, w.fromId(ids[t], this), tr, t);
    tr.T = ids.length; tr.ids = ids.slice();
    return same;
  }

  // A layer above the first: its x_t is the layer below's h_t, whose rows are new from step `from` on.
  runAbove(w, below, from, tr) {
    const same = Math.min(from, tr.T);
    for (let t = same; t < below.T; t++) lstmStep(w, w.fromInput(below.row("hidden", t)), tr, t);
    tr.T = below.T; tr.ids = below.ids;
    return same;
  }
}

// The trace of a text (an array of characters): the forward run, and for a Bi-LSTM the backward run
// on the reversed text, its rows put back in text order (h←_t at row t). `from`: the first step whose
// rows are new since the last call with this cache (T when nothing changed): the forward run of an
// appended character is one step; the backward run of any change starts again at the text's end, so
// every row of it is new (`fromBackward` 0) unless the text is the same.
export function traceText(model, chars, cache) {
  const ids = model.encode(chars);
  const T = ids.length, cap = Math.max(T, 1);
  if (!cache.layers || cache.cap < cap) {
    // Room for twice the text (64 steps at least), the rows so far kept: a key that outgrows it is still one step.
    cache.cap = Math.max(2 * cap, 64, 2 * (cache.cap || 0));
    const names = model.quantities, kept = (old, H) => grown(old, new Trace(names, H, cache.cap));
    cache.layers = model.stack.map((w, l) => kept(cache.layers?.[l], w.H));
    if (model.backward) { cache.bwdRev = kept(cache.bwdRev, model.backward.H); cache.bwd = kept(cache.bwd, model.backward.H); }
  }
  // Every layer up to the one shown, and up to the top when the decoder reads it; the same steps are new in each.
  const last = model.decoderB ? model.stack.length - 1 : model.shown;
  const from = model.run(model.stack[0], ids, cache.layers[0]);
  for (let l = 1; l <= last; l++) model.runAbove(model.stack[l], cache.layers[l - 1], from, cache.layers[l]);
  const out = { T, ids, forward: cache.layers[model.shown], top: cache.layers[last], from };
  if (model.backward) {
    const same = model.run(model.backward, ids.slice().reverse(), cache.bwdRev);
    out.backward = reversedRows(cache.bwdRev, T, cache.bwd);
    out.fromBackward = same === T ? T : 0;
  }
  return out;
}

function grown(old, into) {   // a trace's rows so far, in a larger one
  if (!old) return into;
  for (const q of old.names) into[q].set(old[q].subarray(0, old.T * old.H));
  into.T = old.T; into.ids = old.ids;
  return into;
}

function reversedRows(tr, T, into) {
  const H = tr.H;
  for (const q of tr.names)
    for (let t = 0; t < T; t++) into[q].set(tr[q].subarray((T - 1 - t) * H, (T - t) * H), t * H);
  into.T = T;
  return into;
}
