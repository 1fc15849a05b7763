// analyzeBatch runs the stages over several documents at once: same records as one at a
// time, each document's options its own, and a failing document stops only itself.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createAnalyzer, DEFAULT_STAGES } from "../../src/analyze.js";
import type { Stage } from "../../src/pipeline/pipeline.js";
import { fsDataSource } from "../../src/node/data.js";
import type { AnalysisRecord } from "../../src/record.js";

const TEXTS = [
  "SEOUL (Reuters) - South Korean President Moon Jae-in met U.S. envoy Stephen Biegun on Tuesday, officials said.",
  "North Korea fired two missiles into the sea on Friday, the South's military said.",
  "The talks ended without any agreement. Another summit is unlikely, Hua Chunying told reporters.",
];

test("a batch gives the records one document at a time gives", () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const one = TEXTS.map((text) => analyzer.analyze({ text, date: "2020-07-01" }, { today: "2026-01-01" }));
  const batch = analyzer.analyzeBatch(
    TEXTS.map((text) => ({ text, date: "2020-07-01" })),
    { today: "2026-01-01" },
  );
  assert.deepEqual(batch, one);
  assert.ok((batch[1] as AnalysisRecord).events.length > 0);
});

test("each document of a batch may have its own options", () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const [a, b] = analyzer.analyzeBatch([TEXTS[1]!, TEXTS[1]!], [{ date: "2020-07-01" }, { date: "2021-03-05" }]) as AnalysisRecord[];
  assert.equal(a!.date, "2020-07-01");
  assert.equal(b!.date, "2021-03-05");
  // "on Friday" is the Friday before each publication date
  assert.notEqual(a!.events[0]?.date, b!.events[0]?.date);
});

test("a document a stage fails on is reported, and the others go on", () => {
  const boom: Stage = {
    name: "boom",
    reads: ["tokens"],
    writes: [],
    run: (doc) => {
      if (doc.text.includes("missiles")) throw new Error("boom on this one");
      return {};
    },
  };
  const stages = [...DEFAULT_STAGES.slice(0, 2), boom, ...DEFAULT_STAGES.slice(2)];
  const analyzer = createAnalyzer(fsDataSource([]), stages);
  const results = analyzer.analyzeBatch(TEXTS, { date: "2020-07-01", today: "2026-01-01" });
  assert.ok(results[1] instanceof Error);
  assert.match((results[1] as Error).message, /boom on this one/);
  assert.ok(!(results[0] instanceof Error) && (results[0] as AnalysisRecord).entities.length > 0);
  assert.ok(!(results[2] instanceof Error) && (results[2] as AnalysisRecord).quotes.length > 0);
});

test("an input that is not a document fails alone", () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const results = analyzer.analyzeBatch([TEXTS[0]!, { text: undefined as unknown as string }, TEXTS[1]!], { date: "2020-07-01" });
  assert.ok(!(results[0] instanceof Error));
  assert.ok(results[1] instanceof Error);
  assert.ok(!(results[2] instanceof Error));
});
