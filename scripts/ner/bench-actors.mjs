#!/usr/bin/env node
// Cost of the actors stage alone (CPU time per article, after the text stage has
// run once) on a JSONL corpus, compared with the text stage (wink) on the same
// articles, plus the cold cost of loading the book and gazetteers.
// usage: node scripts/ner/bench-actors.mjs [../shared/eval-dev/bench-voa.jsonl] [rounds]
import { readFileSync } from "node:fs";
const root = new URL("../../", import.meta.url).pathname;
const { createAnalyzer } = await import(root + "dist/src/analyze.js");
const { fsDataSource } = await import(root + "dist/src/node/data.js");
const { nameTablesOf } = await import(root + "dist/src/actors/mentions.js");
const { findEntities } = await import(root + "dist/src/actors/index.js");
const { tokenize, nlpOf } = await import(root + "dist/src/text/index.js");
const file = process.argv[2] ?? root + "../shared/eval-dev/bench-voa.jsonl";
const rounds = Number(process.argv[3] ?? 5);
const docs = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const an = createAnalyzer(fsDataSource());
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let t0 = cpu();
nameTablesOf(an.resources);
const load = cpu() - t0;
const prepared = docs.map((d) => {
  const date = d.date ?? "2020-01-01";
  const doc = an.analyzeDoc({ text: d.text, date }, { date, until: "timexes" });
  return { text: d.text, date, tokens: doc.get("tokens"), sentences: doc.get("sentences"), segments: doc.get("structure").segments };
});
const nlp = nlpOf(an.resources);
for (const p of prepared.slice(0, 30)) findEntities(p.text, p.tokens, p.sentences, p.date, an.resources);
// the best round of each (the least disturbed by other processes)
let actors = Infinity;
let text = Infinity;
for (let r = 0; r < rounds; r++) {
  t0 = cpu();
  for (const p of prepared) findEntities(p.text, p.tokens, p.sentences, p.date, an.resources);
  actors = Math.min(actors, (cpu() - t0) / prepared.length);
  t0 = cpu();
  for (const p of prepared) tokenize(p.text, p.segments, nlp);
  text = Math.min(text, (cpu() - t0) / prepared.length);
}
console.log(`articles ${docs.length} x ${rounds}; book+gazetteer load ${load.toFixed(0)} ms CPU`);
console.log(`  actors stage ${actors.toFixed(3)} ms CPU/article (text stage ${text.toFixed(3)} ms; ratio ${(actors / text).toFixed(2)})`);
