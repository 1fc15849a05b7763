// Shared test helpers: the package root, an analyser over the package's data,
// and the span invariants every record must keep.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createAnalyzer, type Analyzer } from "../src/analyze.js";
import { fsDataSource } from "../src/node/data.js";
import type { AnalysisRecord, Span } from "../src/record.js";

/** The package root (tests run from dist/test/). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** ../shared beside the checkout, when this machine has it. */
export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const hasShared = existsSync(SHARED + "README.md");

let analyzer: Analyzer | null = null;
/** One analyser over the package's own data (no user folders), shared by a test file. */
export function testAnalyzer(): Analyzer {
  analyzer ??= createAnalyzer(fsDataSource([]));
  return analyzer;
}

/** Every span in every layer lies inside the text and its `text` (when it has one) is the slice. */
export function assertSpansValid(r: AnalysisRecord): void {
  const n = r.text.length;
  const check = (s: Span & { text?: string }, where: string) => {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${where}: integer offsets`);
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= n, `${where}: 0 ≤ ${s.start} ≤ ${s.end} ≤ ${n}`);
    if (typeof s.text === "string") assert.equal(r.text.slice(s.start, s.end), s.text, `${where}: text is the slice`);
  };
  r.body.forEach((s, i) => check(s, `body[${i}]`));
  r.captions.forEach((s, i) => check(s, `captions[${i}]`));
  r.related.forEach((s, i) => check(s, `related[${i}]`));
  r.sentences.forEach((s, i) => check(s, `sentences[${i}]`));
  r.entities.forEach((s, i) => check(s, `entities[${i}]`));
  r.timexes.forEach((s, i) => check(s, `timexes[${i}]`));
  r.quotes.forEach((q, i) => {
    check(q, `quotes[${i}]`);
    if (q.cue) check(q.cue, `quotes[${i}].cue`);
    if (q.speaker) check(q.speaker, `quotes[${i}].speaker`);
  });
  r.events.forEach((e, i) => {
    check(e.evidence, `events[${i}].evidence`);
    if (e.source) check(e.source, `events[${i}].source`);
    if (e.target) check(e.target, `events[${i}].target`);
    assert.ok(e.sentence >= 0 && e.sentence < r.sentences.length, `events[${i}].sentence indexes a sentence`);
  });
  assert.match(r.date, /^\d{4}-\d{2}-\d{2}$/, "date is YYYY-MM-DD");
  for (let i = 1; i < r.sentences.length; i++) assert.ok(r.sentences[i - 1]!.end <= r.sentences[i]!.start, "sentences do not overlap");
  for (const rel of r.related) {
    for (const s of r.sentences) assert.ok(s.end <= rel.start || s.start >= rel.end, "link-list headlines are never analysed");
  }
  for (const layer of ["body", "sentences", "entities", "timexes", "quotes"] as const) {
    const spans = r[layer] as Span[];
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1]!.start <= spans[i]!.start, `${layer} sorted by start`);
  }
}
