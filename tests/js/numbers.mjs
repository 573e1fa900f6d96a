// Run by tests/test_js_box.py under Node: explorer/static/box/numbers.js on cases from the test.
// argv: numbers.js, cases.json {percentile: [[values, q], ...], ticks: [[T, maxTicks, maxNumbered, roundSteps], ...],
// chars: [c, ...]}; prints one line of JSON with the answers, in the same order.
import fs from "node:fs";

const [numbersJs, casesJson] = process.argv.slice(2);
const source = fs.readFileSync(numbersJs, "utf8");
const { displayChar, percentileAbs, timeTicks } = await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));
const cases = JSON.parse(fs.readFileSync(casesJson, "utf8"));
const scratch = new Float32Array(4096);   // one buffer for every case, as a map keeps one from key to key
console.log(JSON.stringify({
  percentile: cases.percentile.map(([values, q]) => percentileAbs(Float32Array.from(values), q,
    values.length <= scratch.length ? scratch : undefined)),
  ticks: cases.ticks.map(args => timeTicks(...args)),
  chars: cases.chars.map(displayChar),
}));
