#!/usr/bin/env node
// Cold cost of the actors stage's data, table by table, in a fresh process: reading
// (fs) and building each table, wall time, and the CPU time of both (steadier on a
// busy machine). Run it a few times; the first run after a build pays for the disk cache.
// usage: node scripts/ner/load-times.mjs
const t00 = performance.now();
const root = new URL("../../", import.meta.url).pathname;
const { Resources } = await import(root + "dist/src/pipeline/resources.js");
const { fsDataSource } = await import(root + "dist/src/node/data.js");
const book = await import(root + "dist/src/actors/book.js");
const { nameTablesOf } = await import(root + "dist/src/actors/mentions.js");
const tImport = performance.now() - t00;
const fs = fsDataSource();
const readTimes = new Map();
const timed = {
  read(path) {
    const t0 = performance.now();
    const out = fs.read(path);
    readTimes.set(path, (readTimes.get(path) ?? 0) + performance.now() - t0);
    return out;
  },
};
const r = new Resources(timed);
const rows = [];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const step = (name, f) => {
  const before = new Map(readTimes);
  const t0 = performance.now();
  const c0 = cpu();
  f();
  const c = cpu() - c0;
  const total = performance.now() - t0;
  let read = 0;
  for (const [k, v] of readTimes) read += v - (before.get(k) ?? 0);
  rows.push([name, read, total - read, c]);
};
step("book (snapshot, or countries … sectors.tsv)", () => book.bookOf(r));
step("cities.tsv", () => book.citiesOf(r));
step("given-names.tsv", () => book.givenNamesOf(r));
step("common-words.txt", () => book.commonWordsOf(r));
step("cues.tsv", () => book.cuesOf(r));
step("name tables (rest)", () => nameTablesOf(r));
console.log(`imports ${tImport.toFixed(1)} ms`);
for (const [n, read, parse, c] of rows) console.log(`${n.padEnd(44)} read ${read.toFixed(1).padStart(6)} ms  build ${parse.toFixed(1).padStart(6)} ms  (CPU ${c.toFixed(1).padStart(6)} ms)`);
const sum = rows.reduce((a, [, x, y]) => a + x + y, 0);
const sumCpu = rows.reduce((a, [, , , c]) => a + c, 0);
console.log(`total ${sum.toFixed(1)} ms wall, ${sumCpu.toFixed(1)} ms CPU`);
for (const [k, v] of readTimes) console.log(`  read ${k} ${v.toFixed(1)} ms`);
