import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { analyzeStructure, buildStructureBook, structureStage } from "../../src/structure/index.js";
import { fsDataSource } from "../../src/node/data.js";
import { memoryDataSource } from "../../src/pipeline/resources.js";
import { createAnalyzer } from "../../src/analyze.js";
import { dateStage } from "../../src/time/index.js";
import type { Structure } from "../../src/pipeline/layers.js";
import type { Span } from "../../src/record.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const fixture = (name: string) => readFileSync(root + "test/fixtures/structure/" + name, "utf8");
const book = buildStructureBook(fsDataSource([]));
const analyze = (text: string, hints = {}) => check(text, analyzeStructure(text, book, hints));

const slice = (text: string, s: Span) => text.slice(s.start, s.end);
const texts = (text: string, spans: Span[]) => spans.map((s) => slice(text, s));
const ws = /[\s\u00a0\u200b\ufeff]/;

/** The invariants every structure holds; returns it for chaining. */
function check(text: string, st: Structure): Structure {
  const spans: Span[] = [
    ...st.body,
    ...st.captions,
    ...st.related,
    ...st.boilerplate,
    ...st.segments,
    ...(st.title ? [st.title] : []),
    ...(st.source ? [st.source] : []),
    ...(st.dateline ? [st.dateline] : []),
  ];
  for (const s of [...spans, ...st.junk]) {
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `span ${s.start}-${s.end} within ${text.length}`);
  }
  for (const s of spans) {
    assert.ok(s.end > s.start, "non-empty span");
    assert.ok(!ws.test(text[s.start]!) && !ws.test(text[s.end - 1]!), `trimmed span ${JSON.stringify(slice(text, s))}`);
    if ("text" in s) assert.equal(s.text, slice(text, s));
  }
  for (let i = 1; i < st.segments.length; i++) assert.ok(st.segments[i - 1]!.end <= st.segments[i]!.start, "segments in order, apart");
  assert.deepEqual(
    st.segments.filter((s) => s.kind === "body").map(({ start, end }) => ({ start, end })),
    st.body,
    "body paragraphs are the body segments",
  );
  const firsts = new Set<number>();
  for (const s of st.segments) {
    if (s.kind !== "caption") continue;
    assert.ok(s.caption !== undefined && st.captions[s.caption], "caption segment points at a caption");
    if (!s.repeat) {
      assert.ok(!firsts.has(s.caption!), "one analysable segment per caption");
      firsts.add(s.caption!);
    } else assert.ok(firsts.has(s.caption!), "a repeat follows its first occurrence");
  }
  assert.equal(firsts.size, st.captions.length);
  return st;
}

test("the reference CGTN article: title, source, repeated captions, Read more list, credit and junk", () => {
  const gold = JSON.parse(readFileSync(root + "test/fixtures/cgtn-2020-07-01-moon-summit.gold.json", "utf8"));
  const text: string = gold.text;
  const st = analyze(text);
  assert.equal(st.title?.text, gold.document.title);
  assert.equal(st.source?.text, "CGTN");
  assert.deepEqual(
    st.captions.map((c) => c.credit),
    gold.document.captions.map((c: { credit: string }) => c.credit),
  );
  st.captions.forEach((c, i) => assert.ok(c.text.startsWith(gold.document.captions[i].startsWith)));
  for (const c of st.captions) assert.ok(!/\/\s*(AP|Reuters)/.test(c.text), "caption text without its credit");
  assert.equal(st.segments.filter((s) => s.repeat).length, 3, "each caption is repeated once, and flagged");
  assert.deepEqual(texts(text, st.related), gold.document.related);
  assert.ok(st.boilerplate.some((b) => b.text === "Read more:"));
  assert.ok(st.boilerplate.some((b) => b.text === "(With input from Xinhua)"));
  assert.ok(texts(text, st.junk).includes("953km"));
  assert.ok(texts(text, st.junk).some((j) => /^\u00a0+$/.test(j)), "no-break-space lines are junk");
  const body = texts(text, st.body);
  for (const inc of gold.document.bodyIncludes) assert.ok(body.some((b) => b.includes(inc)), inc);
  for (const not of gold.document.notBody) assert.ok(!body.some((b) => b.includes(not)), not);
  assert.equal(st.segments[0]!.kind, "title");
  assert.equal(st.segments[1]!.kind, "caption");
  assert.equal(st.dateline, null);
});

test("a Reuters dateline opens the body; byline and reporting credits are boilerplate", () => {
  const text = fixture("reuters-dateline.txt");
  const st = analyze(text);
  assert.equal(st.title?.text, "South Korea and Japan agree to resume export talks");
  assert.equal(st.source, null);
  assert.deepEqual(
    st.dateline && { text: st.dateline.text, place: st.dateline.place, dateText: st.dateline.dateText, agency: st.dateline.agency },
    { text: "SEOUL, July 1 (Reuters) -", place: "SEOUL", dateText: "July 1", agency: "Reuters" },
  );
  assert.ok(slice(text, st.body[0]!).startsWith("South Korea and Japan agreed on Wednesday"));
  assert.equal(st.body.length, 4);
  assert.deepEqual(texts(text, st.boilerplate), [
    "By Min-ji Park",
    "(Reporting by Min-ji Park; Additional reporting by Kenji Sato in Tokyo; Editing by Tom Hale)",
  ]);
  assert.equal(st.captions.length, 1);
  assert.equal(st.captions[0]!.credit, "Reuters");
  assert.ok(st.captions[0]!.text.endsWith("June 30, 2020."));
});

test("no title when the text starts with a body paragraph", () => {
  const text = fixture("no-title.txt");
  const st = analyze(text);
  assert.equal(st.title, null);
  assert.equal(st.source, null);
  assert.equal(st.body.length, 3);
  assert.ok(slice(text, st.body[0]!).startsWith("The United Nations Security Council"));
});

test("a one-paragraph text is one body paragraph", () => {
  const text = fixture("one-paragraph.txt");
  const st = analyze(text);
  assert.equal(st.title, null);
  assert.deepEqual(texts(text, st.body), [text.trim()]);
  assert.deepEqual(st.segments.map((s) => s.kind), ["body"]);
});

test("a title without a source line", () => {
  const text = fixture("title-no-source.txt");
  const st = analyze(text);
  assert.equal(st.title?.text, "Chile's president names new finance minister");
  assert.equal(st.source, null);
  assert.equal(st.body.length, 2);
});

test("a Related Articles block mid-text goes to related; the body goes on after it", () => {
  const text = fixture("related-mid.txt");
  const st = analyze(text);
  assert.deepEqual(texts(text, st.related), [
    "Uganda seeks new lenders for stalled rail project",
    "Kenya opens first stretch of Nairobi expressway",
    "Why East Africa's railways keep running out of money",
    "Tanzania's central line reaches Lake Victoria",
  ]);
  assert.deepEqual(texts(text, st.boilerplate), [
    "Related Articles",
    "Read more:",
    "Copyright 2021 Example News Agency. All rights reserved.",
  ]);
  const body = texts(text, st.body);
  assert.equal(body.length, 4);
  assert.ok(body[2]!.startsWith("The deal follows two years of talks"));
  assert.ok(body[3]!.startsWith("Engineers will begin surveying"));
});

test("captions by their credits, each style, with the agency as credit", () => {
  const text = fixture("credits.txt");
  const st = analyze(text);
  assert.equal(st.title?.text, "Flood waters recede in southern China");
  assert.equal(st.source?.text, "Global Times");
  assert.deepEqual(
    st.captions.map((c) => [c.credit, c.text]),
    [
      ["Xinhua", "Rescuers evacuate residents from a flooded village in Guangdong Province, China, June 14, 2022."],
      ["AFP", "A man wades through a flooded street in Shaoguan, June 15, 2022."],
      ["VCG", "Soldiers pile sandbags along a river bank in Qingyuan."],
      ["Getty Images", "Residents clean up a shop after the flood in Yingde."],
      ["AP", "A boat carries residents through a flooded street in Qingyuan, June 22, 2020."],
      ["CNS", "Villagers carry their belongings to higher ground."],
    ],
  );
  assert.equal(st.segments.filter((s) => s.repeat).length, 0, "captions not repeated");
  assert.equal(st.body.length, 4);
  assert.deepEqual(texts(text, st.junk), ["Share this article", "Facebook Twitter WhatsApp"]);
});

test("more credit styles: FILE PHOTO with REUTERS/…/File Photo, Photo by …/Getty Images, (Photo: Reuters), / Xinhua", () => {
  const text = fixture("credits-more.txt");
  const st = analyze(text);
  assert.equal(st.source?.text, "Example Daily");
  assert.deepEqual(texts(text, st.boilerplate), ["Source:", "Published: 2021/5/12 20:18:40", "Editor: Wang Fang"]);
  assert.deepEqual(
    st.dateline && [st.dateline.place, st.dateline.dateText, st.dateline.agency],
    ["BEIJING", "May 12", "Xinhua"],
  );
  assert.deepEqual(
    st.captions.map((c) => [c.credit, c.text]),
    [
      ["Reuters", "Containers are stacked at a port in Haiphong, Vietnam, March 4, 2021."],
      ["Getty Images", "Delegates arrive for the meeting at the Great Hall of the People in Beijing."],
      ["Reuters", "Workers load rice onto a ship in Ho Chi Minh City."],
      ["Xinhua", "Farmers harvest rice in the Mekong Delta, Vietnam, May 10, 2021."],
    ],
  );
  assert.equal(st.body.length, 3);
});

test("CRLF line endings give the same structure, with offsets into the original text", () => {
  for (const name of ["reuters-dateline.txt", "related-mid.txt", "credits.txt", "credits-more.txt", "wrapped.txt", "no-blank-lines.txt"]) {
    const lf = fixture(name);
    const crlf = lf.replace(/\n/g, "\r\n");
    const a = analyze(lf);
    const b = analyze(crlf);
    const norm = (s: string) => s.replace(/\r\n/g, "\n");
    assert.deepEqual(texts(crlf, b.segments).map(norm), texts(lf, a.segments), name);
    assert.deepEqual(b.segments.map((s) => s.kind), a.segments.map((s) => s.kind), name);
    assert.deepEqual(texts(crlf, b.related), texts(lf, a.related), name);
    assert.deepEqual(texts(crlf, b.boilerplate), texts(lf, a.boilerplate), name);
    assert.equal(b.title?.text ?? null, a.title?.text ?? null, name);
    assert.equal(b.dateline?.text ?? null, a.dateline?.text ?? null, name);
  }
});

test("paragraphs with no blank lines between them; a source line and an input credit", () => {
  const text = fixture("no-blank-lines.txt");
  const st = analyze(text);
  assert.equal(st.title?.text, "Iran and Iraq reopen border crossing");
  assert.equal(st.source?.text, "IRNA");
  assert.equal(st.body.length, 3);
  assert.deepEqual(texts(text, st.boilerplate), ["(With input from agencies)"]);
});

test("an AP dateline on its own line", () => {
  const text = fixture("ap-standalone-dateline.txt");
  const st = analyze(text);
  assert.equal(st.title, null);
  assert.equal(st.dateline?.place, "NAIROBI, Kenya");
  assert.equal(st.dateline?.agency, "AP");
  assert.ok(slice(text, st.body[0]!).startsWith("Heavy rains caused a dam to burst"));
  assert.equal(st.body.length, 2);
  assert.equal(st.boilerplate.length, 1);
});

test("hard-wrapped lines join into one paragraph", () => {
  const text = fixture("wrapped.txt");
  const st = analyze(text);
  assert.equal(st.dateline?.text, "LIMA (AP) --");
  assert.equal(st.body.length, 2);
  assert.ok(slice(text, st.body[0]!).startsWith("Peru's congress voted"));
  assert.ok(slice(text, st.body[0]!).endsWith("restore trust in the government."));
});

test("VOA's glued layout: headline, dateline and body joined by hyphens; FILE captions", () => {
  const text = fixture("glued-voa.txt");
  const st = analyze(text);
  assert.equal(st.title?.text, "Ministers Agree on New Fishing Quotas");
  assert.equal(st.dateline?.text, "BRUSSELS —");
  assert.equal(st.dateline?.place, "BRUSSELS");
  const body = texts(text, st.body);
  assert.ok(body[0]!.startsWith("European Union fisheries ministers"));
  assert.ok(!body.some((b) => b.includes("Fishing Quotas") || b.includes("FILE")));
  assert.deepEqual(
    st.captions.map((c) => c.text),
    ["Fishing boats are moored in the port of Gdansk, Poland, March 3, 2019."],
  );
  assert.ok(body.some((b) => b.startsWith("The European Commission will review")), "a glued paragraph is its own");
  assert.equal(st.segments[0]!.kind, "title");
});

test("VOA's glued headline without a dateline, and past a compound's hyphen", () => {
  let text = fixture("glued-plain.txt");
  let st = analyze(text);
  assert.equal(st.title?.text, "Rescuers Search for Survivors After Quake in Western Nepal");
  assert.ok(slice(text, st.body[0]!).startsWith("Rescuers searched on Friday"));
  text = fixture("glued-compound.txt");
  st = analyze(text);
  assert.equal(st.title?.text, "Russia-Ukraine Grain Talks Resume in Istanbul");
  assert.ok(slice(text, st.body[0]!).startsWith("Russian and Ukrainian officials"));
  // nor one whose first hyphen joins a compound or a name
  for (text of [
    "The Asia-Pacific forum has agreed to set up an energy research centre in Tokyo, officials said.",
    "Pakistan President Mohammad Zia-Ul-Haq today rejected a fresh offer of direct talks. Officials confirmed it.",
  ]) assert.equal(analyze(text).title, null, text);
  // a one-line text that starts with a sentence has no title
  text = "Officials in Peshawar say the attack involved at least one suicide bomber and several gunmen, al-Qaida said.";
  st = analyze(text);
  assert.equal(st.title, null);
  assert.equal(st.body.length, 1);
});

test("the input's own title marks the title line, whatever its punctuation, even over two lines", () => {
  let text = "Mayor says blast was an 'intentional act.'\n\nTwenty people were hurt in the blast, officials said.";
  assert.equal(analyze(text).title, null, "a sentence-case line ending in a stop is not known as a title by itself");
  assert.equal(analyze(text, { title: "Mayor says blast was an 'intentional act'" }).title?.text, "Mayor says blast was an 'intentional act.'");
  text = "Candidates vie for support; \nBoth point to their records.\n\nThe two candidates spoke on Monday.";
  const st = analyze(text, { title: "Candidates vie for support; Both point to their records" });
  assert.equal(st.title?.text, "Candidates vie for support; \nBoth point to their records.");
  assert.equal(st.body.length, 1);
});

test("a credit on its own line, agency trailers and sports-table rows are not captions", () => {
  const text = [
    "Talks end without a deal",
    "",
    "The talks ended on Friday without a deal, the ministry said. (Reuters)",
    "",
    "Getty/Instagram.",
    "",
    "W D L G / F G A P",
    "Estimated price range N / A",
  ].join("\n");
  const st = analyze(text);
  assert.equal(st.captions.length, 0);
  assert.ok(texts(text, st.body).some((b) => b.endsWith("(Reuters)")));
  assert.ok(texts(text, st.boilerplate).includes("Getty/Instagram."));
});

test("date lines and source lines in the head", () => {
  let text = "July 1, 2020\nTalks resume in Geneva\nUpdated 21:17, 01-Jul-2020\nCGTN\n\nThe talks resumed on Monday.";
  let st = analyze(text);
  assert.equal(st.title?.text, "Talks resume in Geneva");
  assert.equal(st.source?.text, "CGTN");
  assert.deepEqual(texts(text, st.boilerplate), ["July 1, 2020", "Updated 21:17, 01-Jul-2020"]);
  text = "Talks resume in Geneva\nXinhua | Updated: 2020-07-01 10:15\n\nThe talks resumed on Monday.";
  st = analyze(text);
  assert.equal(st.source?.text, "Xinhua");
  assert.deepEqual(texts(text, st.boilerplate), ["Updated: 2020-07-01 10:15"]);
  // a long first line that lost its full stop is a paragraph, not a title
  text = "The foreign ministers of the two countries met in Geneva on Monday to prepare the summit planned for next month, officials said\n\nThey agreed on an agenda.";
  assert.equal(analyze(text).title, null);
});

test("empty and blank texts", () => {
  for (const text of ["", "   ", "\n\n", "\u00a0\r\n\u00a0"]) {
    const st = analyze(text);
    assert.equal(st.body.length, 0);
    assert.equal(st.segments.length, 0);
  }
});

test("users extend the credit list through DYAD_DATA-style files", () => {
  const pkg = readFileSync(root + "data/structure/credits.tsv", "utf8");
  const mine = "name\tagency\tkind\nNorthwind Pictures\tNorthwind\tphoto\n";
  const extended = buildStructureBook(memoryDataSource({ "structure/credits.tsv": [pkg, mine] }));
  const text = "Storm hits coast\n\nWaves crash over the sea wall in Dover, Jan. 3, 2024. (Northwind Pictures)\n\nA storm hit the coast on Wednesday.";
  assert.equal(check(text, analyzeStructure(text, book)).captions.length, 0);
  const st = check(text, analyzeStructure(text, extended));
  assert.equal(st.captions[0]?.credit, "Northwind");
});

test("the stage writes the structure layer and the record carries title, source and captions", () => {
  const gold = JSON.parse(readFileSync(root + "test/fixtures/cgtn-2020-07-01-moon-summit.gold.json", "utf8"));
  const analyzer = createAnalyzer(fsDataSource([]), [structureStage, dateStage]);
  const rec = analyzer.analyze({ text: gold.text }, { date: "2020-07-01" });
  assert.equal(rec.title, gold.document.title);
  assert.equal(rec.source, "CGTN");
  assert.deepEqual(rec.captions.map((c) => c.credit), ["AP", "Reuters", "AP"]);
  assert.equal(rec.related.length, 2);
  // the input's title and source win over what the text shows
  const given = analyzer.analyze({ text: gold.text, title: "Given title", source: "Given source" }, { date: "2020-07-01" });
  assert.equal(given.title, "Given title");
  assert.equal(given.source, "Given source");
});

test("random layouts keep every invariant", () => {
  const pieces = [
    "Moon says talks will go on",
    "CGTN",
    "SEOUL, July 1 (Reuters) - Talks resumed on Monday, officials said.",
    "WASHINGTON (AP) —",
    "A man walks past a poster in Seoul, June 30, 2019. /AP",
    "Soldiers march in a parade. REUTERS/Kim Hong-Ji",
    "Read more:",
    "Related Articles",
    "• Another headline about the talks",
    "The talks ended without any agreement in February.",
    "(With input from Xinhua)",
    "953km",
    "\u00a0\u00a0",
    "   ",
    "Share Tweet Email",
    "FILE - A boat in the harbour, May 2, 2018. (AP Photo/Jane Doe, File)",
    "Kerry on Talks: No Deal Better than Bad Deal-WASHINGTON —\u00a0-The talks went on.",
    "lower-case continuation of a wrapped line",
    "",
  ];
  const seps = ["\n", "\r\n", "\n\n", "\r\n\r\n", " ", "-"];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...seps)), { maxLength: 14 }),
      (parts) => {
        const text = parts.map(([p, s]) => p + s).join("");
        check(text, analyzeStructure(text, book));
      },
    ),
    { numRuns: 400 },
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      check(text, analyzeStructure(text, book));
    }),
    { numRuns: 300 },
  );
});
