import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAnalyzer } from "../../src/analyze.js";
import { loadEventBook } from "../../src/events/book.js";
import { fsDataSource } from "../../src/node/data.js";

test("the event book: all 20 roots, every pattern's code known, QuadClass by root", () => {
  const book = loadEventBook(fsDataSource([]));
  const roots = [...book.codes.keys()].filter((c) => c.length === 2);
  assert.equal(roots.length, 20);
  assert.ok(book.codes.size > 300);
  for (const [code, info] of book.codes) {
    const r = Number(code.slice(0, 2));
    assert.equal(info.quad, r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4, code);
    // PLOVER has no statements; appeals are its REQUEST ("all requests, demands, and orders")
    assert.equal(info.plover === null, r === 1, code);
    if (r === 2) assert.equal(info.plover, "REQUEST", code);
  }
  for (const m of [book.verbs, book.nouns]) for (const list of m.values()) for (const p of list) assert.ok(book.codes.has(p.code), p.origin);
  // every root has words that express it
  const covered = new Set([...book.verbs.values(), ...book.nouns.values()].flat().map((p) => p.code.slice(0, 2)));
  for (const r of roots) assert.ok(covered.has(r), `root ${r} has no verb or noun`);
});

test("a user's book adds verbs", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-events-"));
  try {
    mkdirSync(join(dir, "events"));
    writeFileSync(join(dir, "events", "verbs.tsv"), "code\tpattern\ttarget\tflags\n1712\tflatten\t\t\n");
    const text = "Iraq flattened the village on Monday.";
    const before = createAnalyzer(fsDataSource([])).analyze(text, { date: "2020-07-01" }).events;
    assert.ok(!before.some((e) => e.cameo === "1712"));
    const after = createAnalyzer(fsDataSource([dir])).analyze(text, { date: "2020-07-01" }).events;
    assert.ok(after.some((e) => e.cameo === "1712" && e.date === "2020-06-29"), JSON.stringify(after));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("actors at the event's date: Moon Jae-in led South Korea in 2018, not in 2023", () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const evs = analyzer.analyze("Moon Jae-in met Kim Jong Un in Pyongyang in September 2018. Moon Jae-in will meet Joe Biden next week.", { date: "2023-05-02" }).events;
  const past = evs.find((e) => e.date === "2018-09");
  assert.ok(past, JSON.stringify(evs.map((e) => [e.cameo, e.date, e.source?.code])));
  if (past.source?.country === "KOR" && past.source.code.length > 3) assert.equal(past.source.code, "KORGOV");
});

test("a user's grammar adds to its word lists: a crowd's violence is a riot", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-events-"));
  try {
    mkdirSync(join(dir, "events"));
    writeFileSync(join(dir, "events", "grammar.jsonc"), '{ "crowdNouns": ["looter"] }\n');
    const text = "Looters attacked the Israeli embassy in Cairo on Monday.";
    const before = createAnalyzer(fsDataSource([])).analyze(text, { date: "2020-07-01" }).events;
    assert.ok(before.some((e) => e.cameo.startsWith("1") && e.cameo !== "145"), JSON.stringify(before));
    const after = createAnalyzer(fsDataSource([dir])).analyze(text, { date: "2020-07-01" }).events;
    assert.ok(after.some((e) => e.cameo === "145"), JSON.stringify(after));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
