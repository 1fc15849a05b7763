// Long texts: the tagger sweeps candidates by start, so a long sentence costs in
// proportion to its length (checked by hand: 1 MB without a full stop takes well
// under a second; speed targets live in `npm run bench`, not here). These tests
// check that long inputs give the same results as short ones.

import { test } from "node:test";
import assert from "node:assert/strict";
import { testAnalyzer } from "../helpers.js";

function counts(text: string): Map<string, number> {
  const rec = testAnalyzer().analyze({ text }, { date: "2020-07-01", until: "timexes" });
  const out = new Map<string, number>();
  for (const t of rec.timexes) out.set(`${t.text}=${t.value}`, (out.get(`${t.text}=${t.value}`) ?? 0) + 1);
  return out;
}

/** n of each: the date, the weekday, the length; "Sunday Times" is a name, not a time. */
const EXPECTED = (n: number) =>
  new Map([
    ["June 12, 2019=2019-06-12", n],
    ["Tuesday=2020-06-30", n],
    ["three days=P3D", n],
  ]);

test("300 KB of short sentences: every sentence's dates, as in a short text", () => {
  const unit = "The ministers met on June 12, 2019, and again on Tuesday for three days, the Sunday Times said. ";
  const n = Math.ceil(300_000 / unit.length);
  assert.deepEqual(counts(unit), EXPECTED(1));
  assert.deepEqual(counts(unit.repeat(n)), EXPECTED(n));
});

test("300 KB without a sentence stop: one sentence, every date in it", () => {
  const unit = "the ministers met on June 12, 2019 and again on Tuesday for three days as the Sunday Times said and ";
  const n = Math.ceil(300_000 / unit.length);
  const text = unit.repeat(n);
  assert.equal(testAnalyzer().analyze({ text }, { date: "2020-07-01", until: "sentences" }).sentences.length, 1);
  assert.deepEqual(counts(text), EXPECTED(n));
});
