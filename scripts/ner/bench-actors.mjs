#!/usr/bin/env node
// Per-article cost of the actors stage (and the stages before it) on a JSONL corpus,
// plus the cold cost of loading the book and gazetteers.
// usage: node scripts/ner/bench-actors.mjs [../shared/eval-dev/bench-voa.jsonl] [rounds]
import { readFileSync } from "node:fs";
const root = new URL("../../", import.meta.url).pathname;
const { createAnalyzer } = await import(root + "dist/src/analyze.js");
const { fsDataSource } = await import(root + "dist/src/node/data.js");
const { nameTablesOf } = await import(root + "dist/src/actors/mentions.js");
const file = process.argv[2] ?? root + "../shared/eval-dev/bench-voa.jsonl";
const rounds = Number(process.argv[3] ?? 3);
const docs = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const an = createAnalyzer(fsDataSource());
let t0 = performance.now();
nameTablesOf(an.resources);
const load = performance.now() - t0;
const until = "entities";
for (const d of docs.slice(0, 20)) an.analyzeDoc({ text: d.text, date: d.date ?? "2020-01-01" }, { date: d.date ?? "2020-01-01", until });
for (const k of Object.keys(an.timings)) an.timings[k] = 0;
t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const d of docs) an.analyzeDoc({ text: d.text, date: d.date ?? "2020-01-01" }, { date: d.date ?? "2020-01-01", until });
const n = docs.length * rounds;
const total = performance.now() - t0;
console.log(`articles ${docs.length} x ${rounds}; book+gazetteer load ${load.toFixed(0)} ms`);
for (const [k, v] of Object.entries(an.timings)) console.log(`  ${k.padEnd(10)} ${(v / n).toFixed(3)} ms/article`);
console.log(`  total      ${(total / n).toFixed(3)} ms/article`);
