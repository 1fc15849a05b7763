// Publication-date inference measured by hiding the dates of gold documents:
//   node scripts/time/pubdate-eval.mjs [--today YYYY-MM-DD] [--show N] [--dump] FILE.jsonl...
// For each file: how many documents get a date from each source, and of all of
// them how many are exact, within a day, within a week, in the right year.
// Run `npx tsc -p .` first (it reads dist/).

import { readFileSync } from "node:fs";
import { createAnalyzer } from "../../dist/src/analyze.js";
import { fsDataSource } from "../../dist/src/node/data.js";

const args = process.argv.slice(2);
let today = "2026-11-27";
let show = 0;
let dump = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--today") today = args[++i];
  else if (args[i] === "--show") show = Number(args[++i]);
  else if (args[i] === "--dump") dump = true;
  else files.push(args[i]);
}
const analyzer = createAnalyzer(fsDataSource([]));
const day = (s) => Math.round(Date.parse(s + "T00:00:00Z") / 86400000);

for (const file of files) {
  const docs = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)).filter((d) => d.date);
  const bySource = {};
  const all = { n: 0, exact: 0, d1: 0, d7: 0, year: 0 };
  const shown = [];
  for (const d of docs) {
    const gold = d.date.slice(0, 10);
    let got;
    let from;
    try {
      const doc = analyzer.analyzeDoc({ text: d.text, title: d.title ?? null }, { today, until: "date" });
      ({ value: got, from } = doc.get("date"));
    } catch (e) {
      got = null;
      from = "error";
    }
    const s = (bySource[from] ??= { n: 0, exact: 0, d1: 0, d7: 0, year: 0 });
    const diff = got ? Math.abs(day(got) - day(gold)) : Infinity;
    for (const c of [s, all]) {
      c.n++;
      if (diff === 0) c.exact++;
      if (diff <= 1) c.d1++;
      if (diff <= 7) c.d7++;
      if (got && got.slice(0, 4) === gold.slice(0, 4)) c.year++;
    }
    if (dump) console.log(`${d.id}\t${gold}\t${got}\t${from}`);
    if (diff > 7) shown.push(`  ${d.id}: gold ${gold}, got ${got} (${from})`);
  }
  const fmt = (c) => `n=${c.n} exact=${c.exact} ±1d=${c.d1} ±7d=${c.d7} year=${c.year}`;
  console.log(file.split("/").pop());
  console.log(`  all        ${fmt(all)}`);
  for (const [k, c] of Object.entries(bySource).sort()) console.log(`  ${k.padEnd(10)} ${fmt(c)}`);
  for (const l of shown.slice(0, show)) console.log(l);
}
