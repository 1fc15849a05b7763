// The reference article (test/fixtures): every dated expression its gold names, no more.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseGold } from "../../src/eval/gold.js";
import { scoreTimex } from "../../src/eval/scorers.js";
import { getAnalyzer } from "./helpers.js";

const fixture = fileURLToPath(new URL("../../../test/fixtures/cgtn-2020-07-01-moon-summit.gold.json", import.meta.url));

test("the CGTN reference article scores timex value F1 = 1", () => {
  const [gold] = parseGold(readFileSync(fixture, "utf8"), "fixture");
  assert.ok(gold);
  const record = getAnalyzer().analyze({ text: gold.text, date: gold.date ?? null });
  const s = scoreTimex([{ gold, record }]);
  assert.deepEqual(s.misses, []);
  assert.equal(s.score.f1, 1);
});
