import { test } from "node:test";
import assert from "node:assert/strict";
import { Doc } from "../../src/pipeline/doc.js";
import type { Structure } from "../../src/pipeline/layers.js";
import { publicationDate } from "../../src/time/index.js";
import { getAnalyzer } from "./helpers.js";

const structure = (dateText: string | null): Structure => ({
  title: null,
  source: null,
  dateline: dateText ? { start: 0, end: 0, text: "", place: "SEOUL", dateText, agency: null } : null,
  body: [],
  captions: [],
  related: [],
  boilerplate: [],
  junk: [],
  segments: [],
});

const pub = (text: string, opts: { input?: string | null; option?: string | null; today?: string; dateline?: string | null } = {}) =>
  publicationDate(new Doc({ text, date: opts.input ?? null }, { date: opts.option ?? null, today: opts.today ?? "2024-05-05" }), getAnalyzer().resources, structure(opts.dateline ?? null));

test("the caller's date wins, then the input's, and neither is inferred", () => {
  assert.deepEqual(pub("Text.", { option: "2020-07-01", input: "2019-01-01" }), { value: "2020-07-01", inferred: false, from: "option" });
  assert.deepEqual(pub("Text.", { input: "2019-01-01" }), { value: "2019-01-01", inferred: false, from: "input" });
  assert.deepEqual(pub("Text.", { input: "2019-01-01T10:00:00Z" }), { value: "2019-01-01", inferred: false, from: "input" });
});

test("an invalid date falls through", () => {
  assert.equal(pub("Text.", { option: "2019-02-30", input: "yesterday" }).from, "now");
});

test("the dateline's date, with the year from the text when it has none", () => {
  assert.deepEqual(pub("Talks ended. Their summit was on June 30, 2019.", { dateline: "July 1" }), { value: "2019-07-01", inferred: true, from: "dateline" });
  assert.deepEqual(pub("Nothing dated here.", { dateline: "Nov. 26, 2015" }), { value: "2015-11-26", inferred: true, from: "dateline" });
  // A dateline in January after a December date in the text is in the next year.
  assert.equal(pub("The vote was held on Dec. 28, 2019.", { dateline: "Jan. 3" }).value, "2020-01-03");
});

test("inferred from the text: on or just after its latest full date, fitting its weekdays", () => {
  const text = "The talks ended on Nov. 24, 2015, without agreement. On Thursday, the ministers met again, officials said.";
  assert.deepEqual(pub(text), { value: "2015-11-26", inferred: true, from: "text" });
  assert.equal(pub("The accord was signed March 3, 2014.").value, "2014-03-03");
});

test("today, from the options, when nothing else tells", () => {
  assert.deepEqual(pub("No dates at all.", { today: "2024-05-05" }), { value: "2024-05-05", inferred: true, from: "now" });
});

test("the record says whether the date was inferred", () => {
  const a = getAnalyzer();
  assert.equal(a.analyze({ text: "Talks went on." }, { date: "2020-07-01" }).dateInferred, false);
  const rec = a.analyze({ text: "The accord was signed March 3, 2014." }, { today: "2024-01-01" });
  assert.equal(rec.date, "2014-03-03");
  assert.equal(rec.dateInferred, true);
});

test("a dateline without a year in a text without years: the latest such day up to today", () => {
  assert.deepEqual(pub("Nothing dated here.", { dateline: "August 8", today: "2024-05-05" }), { value: "2023-08-08", inferred: true, from: "dateline" });
  assert.equal(pub("Nothing dated here.", { dateline: "May 1", today: "2024-05-05" }).value, "2024-05-01");
});
