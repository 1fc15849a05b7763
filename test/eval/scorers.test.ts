// The scorers follow shared/contract/gold-format.md.

import { test } from "node:test";
import assert from "node:assert/strict";
import { dateMatches, pentaClass, scoreEvents, scoreQuad, scoreQuotes, scoreTimex, scoreNer, compatibleType, type Pair } from "../../src/eval/scorers.js";
import { parseGold, type GoldDoc } from "../../src/eval/gold.js";
import type { AnalysisRecord, EventRecord } from "../../src/record.js";

function record(text: string, parts: Partial<AnalysisRecord> = {}): AnalysisRecord {
  return { schemaVersion: 1, id: "t", date: "2020-07-01", dateInferred: false, title: null, source: null, text, body: [], captions: [], related: [], sentences: [], entities: [], timexes: [], quotes: [], events: [], ...parts };
}

function event(cameo: string, src: string | null, tgt: string | null, date: string | null, modality: EventRecord["modality"] = "asserted", start = 0): EventRecord {
  const actor = (c: string | null) => (c ? { code: c, country: c, name: c, start: 0, end: 0 } : null);
  return { id: "e", cameo, plover: null, mode: null, quad: 1, goldstein: 0, source: actor(src), target: actor(tgt), date, datePrecision: null, modality, location: null, evidence: { start, end: start, text: "" }, sentence: 0 };
}

test("a predicted date must equal the gold date or refine it; ranges hold the whole prediction", () => {
  assert.ok(dateMatches({ date: "2020-06" }, "2020-06-16"));
  assert.ok(dateMatches({ date: "2020-06" }, "2020-06"));
  assert.ok(!dateMatches({ date: "2020-06-30" }, "2020-06"));
  assert.ok(!dateMatches({ date: "2020-06" }, null));
  assert.ok(dateMatches({ dateRange: ["2020-06-01", "2020-07-01"] }, "2020-06"));
  assert.ok(!dateMatches({ dateRange: ["2020-06-12", "2020-07-01"] }, "2020-06"));
  assert.ok(dateMatches({}, null));
});

test("events: asserted only, de-duplicated, symmetric, null targets, one-to-one recall", () => {
  const gold: GoldDoc = {
    id: "g",
    text: "x",
    events: [
      { source: ["USA"], target: ["PRK"], root: "04", date: "2019-06-30", symmetric: true },
      { source: ["PRK"], target: ["KOR", null], root: "17", date: "2020-06" },
      { source: ["KOR"], target: ["USA"], root: "01", optional: true },
    ],
  };
  const rec = record("x", {
    events: [
      event("044", "PRK", "USA", "2019-06-30"), // symmetric match
      event("044", "PRK", "USA", "2019-06-30"), // duplicate, dropped
      event("1712", "PRK", null, "2020-06-16"), // null target accepted, refined date
      event("010", "KOR", "USA", "2020-06-30"), // optional: correct, not counted for recall
      event("190", "USA", "IRQ", "2020-06-30", "negated"), // not asserted: ignored
      event("120", "CHN", "USA", null), // wrong
    ],
  });
  const s = scoreEvents([{ gold, record: rec }]);
  assert.deepEqual(s.counts, { matched: 2, required: 2, correct: 3, predicted: 4 });
  assert.equal(s.score.r, 1);
  assert.equal(s.score.p, 0.75);
});

test("events: a sentence without events makes every asserted prediction wrong", () => {
  const s = scoreEvents([{ gold: { id: "n", text: "x", noEvents: true }, record: record("x", { events: [event("190", "USA", "IRQ", null)] }) }]);
  assert.equal(s.counts.predicted, 1);
  assert.equal(s.counts.correct, 0);
  assert.equal(s.score.r, 1);
});

test("events: bare IGO and NGO codes match their families; PLOVER types can stand for roots", () => {
  const gold: GoldDoc = { id: "g", text: "x", events: [{ source: ["IGO"], target: ["JPN"], plover: "AGREE" }] };
  const ev = { ...event("057", "IGOAPEC", "JPN", null), plover: "AGREE" };
  assert.equal(scoreEvents([{ gold, record: record("x", { events: [ev] }) }]).score.f1, 1);
});

test("quad: the earliest asserted event's root gives the class; none is 0", () => {
  assert.deepEqual(["01", "02", "03", "05", "06", "08", "09", "13", "16", "14", "15", "17", "20"].map(pentaClass), [0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 4]);
  const pairs: Pair[] = [
    { gold: { id: "a", text: "x", quad: 4 }, record: record("x", { events: [event("042", "A", "B", null, "asserted", 10), event("190", "A", "B", null, "asserted", 2)] }) },
    { gold: { id: "b", text: "x", quad: 0 }, record: record("x", { events: [event("190", "A", "B", null, "future")] }) },
    { gold: { id: "c", text: "x", quad: 1 }, record: record("x") },
  ];
  const s = scoreQuad(pairs);
  assert.equal(s.extra.accuracy, 2 / 3);
});

test("timex: overlap plus equal value; gold without offsets matches any occurrence", () => {
  const text = "He said on Tuesday that on Tuesday talks begin.";
  const gold: GoldDoc = { id: "t", text, timexes: [{ text: "on Tuesday", type: "DATE", value: "2020-06-30" }] };
  const rec = record(text, { timexes: [{ start: 11, end: 18, text: "Tuesday", type: "DATE", value: "2020-06-30" }, { start: 27, end: 34, text: "Tuesday", type: "DATE", value: "2020-07-07" }] });
  const s = scoreTimex([{ gold, record: rec }]);
  assert.equal(s.score.r, 1);
  assert.equal(s.score.p, 0.5);
});

test("quotes: overlap of half the shorter span; attribution by surname or country", () => {
  const text = '"We will not attend," Stephen Biegun said.';
  const gold: GoldDoc = { id: "q", text, quotes: [{ text: "We will not attend,", speaker: "Stephen Biegun", speakerCountry: "USA", kind: "direct" }] };
  const q = (start: number, end: number, name: string | null, country: string | null) => ({
    start, end, text: text.slice(start, end), kind: "direct" as const, cue: null,
    speaker: name === null ? null : { start: 0, end: 0, text: "he", name, actor: country ? { code: country, country } : null },
  });
  assert.equal(scoreQuotes([{ gold, record: record(text, { quotes: [q(1, 20, "Biegun", null)] }) }]).extra.attribution, 1);
  assert.equal(scoreQuotes([{ gold, record: record(text, { quotes: [q(1, 20, "someone", "USA")] }) }]).extra.attribution, 1);
  assert.equal(scoreQuotes([{ gold, record: record(text, { quotes: [q(1, 20, "Kim", "PRK")] }) }]).extra.attribution, 0);
  assert.equal(scoreQuotes([{ gold, record: record(text, { quotes: [q(15, 40, "Biegun", null)] }) }]).score.r, 0, "too little overlap");
});

test("ner: compatible types and exact spans when the gold has offsets", () => {
  assert.ok(compatibleType("LOC", "GPE") && compatibleType("MISC", "NORP") && !compatibleType("PERSON", "ORG"));
  const text = "Moon met Kim in Seoul.";
  const gold: GoldDoc = { id: "n", text, entities: [{ text: "Seoul", type: "LOC", start: 16, end: 21 }, { text: "Moon", type: "PERSON", start: 0, end: 4 }] };
  const ent = (start: number, end: number, type: "GPE" | "PERSON" | "ORG") => ({ start, end, text: text.slice(start, end), type, actor: null });
  const s = scoreNer([{ gold, record: record(text, { entities: [ent(16, 21, "GPE"), ent(0, 4, "ORG"), ent(9, 12, "PERSON")] }) }]);
  assert.deepEqual(s.counts, { matched: 1, required: 2, correct: 1, predicted: 3 });
});

test("gold files: one JSON object or JSON Lines", () => {
  assert.equal(parseGold('{"id":"a","text":"x"}').length, 1);
  assert.equal(parseGold('{"id":"a","text":"x"}\n{"id":"b","text":"y"}\n').length, 2);
  assert.throws(() => parseGold('{"id":"a"}'), /text/);
});
