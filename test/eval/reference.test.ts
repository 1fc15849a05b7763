// The reference article (examples/) against its hand-coded answer (test/fixtures/):
// the quality bars of the foundation, kept as regression tests.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseGold } from "../../src/eval/gold.js";
import { scoreDocument, scoreTimex, type Pair } from "../../src/eval/scorers.js";
import { assertSpansValid, ROOT, testAnalyzer } from "../helpers.js";

const [gold] = parseGold(readFileSync(ROOT + "test/fixtures/cgtn-2020-07-01-moon-summit.gold.json", "utf8"));
const example = readFileSync(ROOT + "examples/cgtn-2020-07-01-moon-summit.txt", "utf8");

function pair(): Pair {
  const record = testAnalyzer().analyze({ text: gold!.text, id: gold!.id, date: gold!.date }, { today: "2026-11-27" });
  return { gold: gold!, record };
}

test("the fixture's text is the bundled example", () => {
  assert.equal(gold!.text, example);
});

test("document structure: every check passes", () => {
  const s = scoreDocument([pair()]);
  assert.equal(s.misses.length, 0, s.misses.join("\n"));
  assert.equal(s.score.f1, 1);
});

test("temporal expressions: value F1 is 1.0", () => {
  const s = scoreTimex([pair()]);
  assert.equal(s.score.f1, 1, s.misses.join("\n"));
});

test("the record's spans are valid", () => {
  assertSpansValid(pair().record);
});
