import { test } from "node:test";
import assert from "node:assert/strict";
import { createAnalyzer } from "../../src/analyze.js";
import { fsDataSource } from "../../src/node/data.js";
import { NO_PUBLICATION_DATE } from "../../src/time/index.js";
import { testAnalyzer } from "../helpers.js";

const pub = (text: string, opts: { input?: string | null; option?: string | null; today?: string | null } = {}) => {
  const { value, inferred, from } = testAnalyzer()
    .analyzeDoc({ text, date: opts.input ?? null }, { date: opts.option ?? null, today: opts.today === undefined ? "2024-05-05" : opts.today, until: "date" })
    .get("date");
  return { value, inferred, from };
};

test("the caller's date wins, then the input's, and neither is inferred", () => {
  assert.deepEqual(pub("Text.", { option: "2020-07-01", input: "2019-01-01" }), { value: "2020-07-01", inferred: false, from: "option" });
  assert.deepEqual(pub("Text.", { input: "2019-01-01" }), { value: "2019-01-01", inferred: false, from: "input" });
  assert.deepEqual(pub("Text.", { input: "2019-01-01T10:00:00Z" }), { value: "2019-01-01", inferred: false, from: "input" });
});

test("an invalid date falls through", () => {
  assert.equal(pub("Text.", { option: "2019-02-30", input: "yesterday" }).from, "now");
});

test("the dateline's date, with the year from the text when it has none", () => {
  assert.deepEqual(pub("SEOUL, July 1 (Reuters) - Talks ended. Their summit was on June 30, 2019."), { value: "2019-07-01", inferred: true, from: "dateline" });
  assert.deepEqual(pub("BEIJING, Nov. 26, 2015 (Xinhua) -- Nothing dated here."), { value: "2015-11-26", inferred: true, from: "dateline" });
  // A dateline in January after a December date in the text is in the next year.
  assert.equal(pub("SEOUL, Jan. 3 (Reuters) - The vote was held on Dec. 28, 2019.").value, "2020-01-03");
});

test("a dateline without a year in a text without years: the latest such day up to today", () => {
  assert.deepEqual(pub("SEOUL, Aug. 8 (Reuters) - Nothing dated here."), { value: "2023-08-08", inferred: true, from: "dateline" });
  assert.equal(pub("SEOUL, May 1 (Reuters) - Nothing dated here.").value, "2024-05-01");
});

test("a year-less dateline: a date on its own day in an earlier year is what the story marks, not its year", () => {
  const war = "SEOUL, June 25 (Reuters) - South Koreans remembered the war that began on June 25, 1950.";
  assert.equal(pub(war).value, "2023-06-25");
  const anniversary = "SEOUL, June 25 (Reuters) - South Korea marked the 70th anniversary of the war that began on June 25, 1950.";
  assert.equal(pub(anniversary).value, "2020-06-25");
  assert.equal(pub(anniversary.replace("70th", "seventieth")).value, "2020-06-25");
});

test("a year-less dateline: the year the weekdays and the past clauses' years fit, never a future clause's, never after today", () => {
  const text =
    "SEOUL, March 16 (Reuters) - The government pledged on Thursday to cut emissions before the end of 2030, after emissions rose in 2022.";
  // 2030 is in a future clause; of 2022 and 2023, March 16 is a Thursday in 2023.
  assert.equal(pub(text).value, "2023-03-16");
  // Never after today: in 2023 that day has not come yet.
  assert.equal(pub(text, { today: "2023-03-01" }).value, "2022-03-16");
});

test("inferred from the text: on or just after its latest full date, fitting its weekdays", () => {
  const text = "The talks ended on Nov. 24, 2015, without agreement. On Thursday, the ministers met again, officials said.";
  assert.deepEqual(pub(text), { value: "2015-11-26", inferred: true, from: "text" });
  assert.equal(pub("The accord was signed March 3, 2014.").value, "2014-03-03");
});

test("inference skips dates in future clauses and dates after today", () => {
  const text = "The first debate was held on Sept. 29, 2020. The candidates would debate twice more before the election on Nov. 3, 2020.";
  assert.equal(pub(text).value, "2020-09-29");
  assert.equal(pub("The bonds, issued on March 1, 1989, mature on March 1, 2011.", { today: "1989-11-02" }).value, "1989-03-01");
});

test("inference reads only analysable text: not a link list's headlines", () => {
  const text = [
    "Talks resume in Seoul",
    "",
    "The ministers met on March 3, 2020, and agreed to talk again.",
    "",
    "Read more:",
    "",
    "Leaders to meet in Busan on Dec. 1, 2024",
    "",
    "Another headline about the talks",
    "",
    "The talks are expected to go on.",
  ].join("\n");
  const doc = testAnalyzer().analyzeDoc({ text }, { today: "2025-01-01", until: "date" });
  assert.ok(doc.get("structure").related.length > 0, "the link list is found");
  assert.equal(doc.get("date").value, "2020-03-03");
});

test("a date line in the head is the publication date, before the dateline and the text, and not inferred", () => {
  const text = "Talks resume in Seoul\n\nPublished: 3 Mar 2023\n\nSEOUL, March 2 (Reuters) - The ministers met on Feb. 27, 2023.";
  assert.deepEqual(pub(text), { value: "2023-03-03", inferred: false, from: "dateLine" });
  const rec = testAnalyzer().analyze({ text }, { today: "2024-05-05" });
  assert.equal(rec.date, "2023-03-03");
  assert.equal(rec.dateInferred, false);
  assert.equal(rec.dateSource, "input");
  // The dateline's own date is resolved once, near the publication date, and kept as a timex outside every sentence.
  assert.deepEqual(
    rec.timexes.filter((t) => t.text === "March 2").map((t) => t.value),
    ["2023-03-02"],
  );
  assert.equal(pub("Talks resume in Seoul\n\nThu 16 Mar 2023 03.45 GMT\n\nThe two sides met on Monday.").value, "2023-03-16");
  // An update comes after publication: the earliest date line counts.
  assert.equal(pub("Talks resume\n\nUpdated 5 Mar 2023\n\nPublished 3 Mar 2023\n\nThe ministers met.").value, "2023-03-03");
});

test("today, from the options, when nothing else tells", () => {
  assert.deepEqual(pub("No dates at all.", { today: "2024-05-05" }), { value: "2024-05-05", inferred: true, from: "now" });
});

test("no date from the caller, the input, the text or today: a clear error, not 1970", () => {
  const bare = createAnalyzer(fsDataSource([]));
  assert.throws(() => bare.analyze({ text: "No dates at all." }), { message: NO_PUBLICATION_DATE });
  assert.equal(bare.analyze({ text: "The accord was signed March 3, 2014." }).date, "2014-03-03");
});

test("the record says whether the date was inferred", () => {
  const a = testAnalyzer();
  assert.equal(a.analyze({ text: "Talks went on." }, { date: "2020-07-01" }).dateInferred, false);
  const rec = a.analyze({ text: "The accord was signed March 3, 2014." }, { today: "2024-01-01" });
  assert.equal(rec.date, "2014-03-03");
  assert.equal(rec.dateInferred, true);
  assert.equal(rec.dateSource, "text");
});
