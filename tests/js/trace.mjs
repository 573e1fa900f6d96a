// Run by tests/test_js_lstm.py under Node: explorer/static/box/lstm.js's traceText over sequences of
// texts, each sequence with one cache (so an edit reuses the rows before it, as in the box).
// argv: lstm.js, model.json, cases.json ([[text, text, ...], ...]); prints, per text, one line of JSON
// {T, from (the first step traced anew), q: base64 float32 of every quantity (forward, then backward for a Bi-LSTM), rows in text order}.
import fs from "node:fs";

const [lstmJs, modelJson, casesJson] = process.argv.slice(2);
// The browser's module as it is (an ES module in a folder Node does not know as one: imported as source).
const source = fs.readFileSync(lstmJs, "utf8");
const { CharModel, traceText } = await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));
const model = new CharModel(JSON.parse(fs.readFileSync(modelJson, "utf8")));
for (const sequence of JSON.parse(fs.readFileSync(casesJson, "utf8"))) {
  const cache = {};
  for (const text of sequence) {
    const tr = traceText(model, Array.from(text), cache);
    const out = { T: tr.T, from: tr.from };
    for (const dir of ["forward", "backward"]) {
      if (!tr[dir]) continue;
      const H = tr[dir].H;
      for (const q of model.quantities)
        out[`${dir}.${q}`] = Buffer.from(new Float32Array(tr[dir][q].subarray(0, tr.T * H)).buffer).toString("base64");
    }
    console.log(JSON.stringify(out));
  }
}
