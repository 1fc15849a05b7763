// A record depends on its document only, not on what the analyser read before:
// ingest spreads documents over threads and reruns them after a crash.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createAnalyzer } from "../../src/analyze.js";
import { fsDataSource } from "../../src/node/data.js";
import { ROOT } from "../helpers.js";

test("analysing the same documents again, in another order, gives the same records", () => {
  const dir = `${ROOT}test/fixtures/structure/`;
  const texts = [readFileSync(`${ROOT}examples/cgtn-2020-07-01-moon-summit.txt`, "utf8"), ...readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(dir + f, "utf8"))];
  const analyzer = createAnalyzer(fsDataSource([]));
  const run = (order: string[]) => new Map(order.map((text) => [text, JSON.stringify(analyzer.analyze({ text, date: "2020-07-01" }, { today: "2026-01-01" }))]));
  const first = run(texts);
  const again = run([...texts].reverse());
  for (const text of texts) assert.equal(again.get(text), first.get(text), text.slice(0, 60));
});
