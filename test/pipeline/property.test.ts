// Random and mutated text never throws, and every span of every layer is valid.

import { test } from "node:test";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { assertSpansValid, ROOT, testAnalyzer } from "../helpers.js";

const example = readFileSync(ROOT + "examples/cgtn-2020-07-01-moon-summit.txt", "utf8");

/** Characters that break naive text code: quotes, dashes, spaces, line breaks, surrogates. */
const TRICKY = ["\n", "\r\n", "\r", "\u00a0", "\u2028", "\u200b", "\t", '"', "“", "”", "'", "’", "``", "''", "(", ")", "-", "—", "–", ".", "U.S.", "/AP", "Read more:", "\ud83d\ude00", "\ud800", "\udfff", "\u0301", "\ufeff", "…", "?", "!", "0", "1999", "June 12", "said", "Mr.", "DPRK-U.S."];

const tricky = fc.constantFrom(...TRICKY);
const noisyText = fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 12 }), tricky, fc.constantFrom("Moon Jae-in", "Kim Jong Un", " ", "  ")), { maxLength: 60 }).map((parts) => parts.join(""));

/** The example with random edits: insertions, deletions and cut-outs. */
const mutatedExample = fc
  .array(fc.tuple(fc.nat(example.length), fc.nat(40), fc.oneof(tricky, fc.string({ maxLength: 6 }))), { minLength: 1, maxLength: 12 })
  .map((edits) => {
    let t = example;
    for (const [at, del, ins] of edits) {
      const i = Math.min(at, t.length);
      t = t.slice(0, i) + ins + t.slice(Math.min(t.length, i + del));
    }
    return t;
  });

const dates = fc.option(fc.constantFrom("2020-07-01", "1998-02-28", "2024-02-29", "2031-12-31"), { nil: undefined });

test("random text never throws and keeps every span valid", () => {
  const analyzer = testAnalyzer();
  fc.assert(
    fc.property(noisyText, dates, (text, date) => {
      assertSpansValid(analyzer.analyze({ text, date }, { today: "2026-11-27" }));
    }),
    { numRuns: 300 },
  );
});

test("mutated articles never throw and keep every span valid", () => {
  const analyzer = testAnalyzer();
  fc.assert(
    fc.property(mutatedExample, dates, (text, date) => {
      assertSpansValid(analyzer.analyze({ text, date }, { today: "2026-11-27" }));
    }),
    { numRuns: 150 },
  );
});

test("inputs fuzzing once found to break a stage", () => {
  const analyzer = testAnalyzer();
  for (const text of [")Read more:", ")", "(", ") said", "\")\" he said"]) assertSpansValid(analyzer.analyze({ text }, { today: "2026-11-27" }));
});

test("the bundled example's record keeps every span valid", () => {
  assertSpansValid(testAnalyzer().analyze({ text: example, date: "2020-07-01" }));
});
