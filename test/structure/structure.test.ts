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
import { textStage } from "../../src/text/index.js";
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
    ...(st.deck ? [st.deck] : []),
    ...(st.dateLines ?? []),
    ...(st.bylines ?? []),
  ];
  for (const d of st.bylines ?? []) assert.ok(st.boilerplate.some((b) => b.start === d.start && b.end === d.end), "a byline is boilerplate");
  for (const d of st.dateLines ?? []) assert.ok(st.boilerplate.some((b) => b.start === d.start && b.end === d.end), "a date line is boilerplate");
  if (st.deck) assert.ok(st.segments.some((s) => s.kind === "title" && s.start === st.deck!.start), "the deck is a title segment");
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
  assert.deepEqual(texts(text, st.bylines ?? []), ["By Min-ji Park"]);
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
  for (const name of ["reuters-dateline.txt", "related-mid.txt", "credits.txt", "credits-more.txt", "wrapped.txt", "no-blank-lines.txt", "wrapped-capital.txt", "credit-lines.txt", "credits-bracketed.txt", "deck-byline.txt", "deck-published.txt"]) {
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
  const analyzer = createAnalyzer(fsDataSource([]), [structureStage, textStage, dateStage]);
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
    "Image source, Reuters",
    "Image caption,",
    "Photo: Reuters",
    "Iranian President Ebrahim Raisi speaks in Tehran [File: Majid Asgaripour/WANA via Reuters]",
    "Thu 16 Mar 2023 03.45 GMT",
    "Justin McCurry in Tokyo",
    "Leaders pledge to move on from disputes over wartime history",
    "NATO — The alliance agreed on Thursday, NATO said.",
    "Kenya opens first stretch of Nairobi expressway.",
    "LIMA (AP) -- Peru's congress voted 105 to 19 on Monday to remove",
    "President Martin Vizcarra from office over bribery allegations, the",
    "- Bribes Vizcarra is accused of taking as governor of Moquegua region",
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

test("bracketed credits close captions; a slash group inside a sentence is no credit", () => {
  const text = fixture("credits-bracketed.txt");
  const st = analyze(text);
  assert.deepEqual(
    st.captions.map((c) => [c.credit, c.text]),
    [
      ["Reuters", "Iranian President Ebrahim Raisi speaks during a news conference in Tehran"],
      ["AFP", "Saudi officials attend a meeting in Riyadh"],
      ["AFP", "Residents queue for bread in a market in Sanaa"],
      ["Reuters", "Analysts said the deal could ease the war in Yemen"],
    ],
  );
  const body = texts(text, st.body);
  assert.equal(body.length, 3);
  assert.ok(body[2]!.endsWith("in the latest Reuters/Ipsos Poll."), "the poll sentence stays whole in the body");
  // the forms that do credit a caption inline: after a sentence's end, in capitals, after a separator
  for (const [line, credit, caption] of [
    ["Soldiers march in a parade in Seoul REUTERS/Kim Hong-Ji", "Reuters", "Soldiers march in a parade in Seoul"],
    ["A man wades through a flooded street, June 15, 2022 AFP/Getty Images", "AFP", "A man wades through a flooded street, June 15, 2022"],
    ["Delegates arrive for the talks | Chip Somodevilla/Getty Images", "Getty Images", "Delegates arrive for the talks"],
  ] as const) {
    const c = analyze(`Talks resume\n\n${line}\n\nThe talks resumed on Monday.`).captions;
    assert.deepEqual(c.map((x) => [x.credit, x.text]), [[credit, caption]], line);
  }
  // nor a capitalised slash group that ends a sentence in the body
  const poll = "Support for the plan rose to 52 percent in a CNN/ORC International Poll.";
  const withPoll = `Talks resume\n\n${poll}`;
  assert.deepEqual(texts(withPoll, analyze(withPoll).body), [poll]);
});

test("hard-wrapped paragraphs join at an upper-case continuation; headings, list items and captions do not", () => {
  const text = fixture("wrapped-capital.txt");
  const st = analyze(text);
  assert.equal(st.title?.text, "Peru's congress removes president over bribery claims");
  assert.equal(st.dateline?.text, "LIMA (AP) --");
  const body = texts(text, st.body).map((b) => b.replace(/\s+/g, " "));
  assert.deepEqual(body, [
    "Peru's congress voted 105 to 19 on Monday to remove President Martin Vizcarra from office over bribery allegations, the second time in two months that lawmakers had tried to oust him.",
    "Vizcarra, who has denied the allegations, said he would leave the Government Palace on Monday night and would not challenge the vote in the courts. Congress President Manuel Merino is due to be sworn in on Tuesday as the country's new leader.",
    "What happens next",
    "The new government must form a cabinet within 30 days, a period in which Finance Minister Maria Antonieta Alva has said she will stay in her post until a successor is named by Merino.",
    "Lawmakers listed three reasons for the vote, according to the motion they approved on Monday:",
    "- Bribes Vizcarra is accused of taking as governor of Moquegua region",
    "- Contracts for a hospital and an irrigation project awarded in 2014",
    "- Statements by construction executives to prosecutors this year",
    "Analysts said the vote would deepen uncertainty before the general election in April, when Peruvians will choose a new president and a new congress.",
  ]);
  assert.deepEqual(st.captions.map((c) => [c.credit, c.text]), [["Reuters", "Protesters gather outside the Congress building in Lima on Monday night"]]);
  assert.deepEqual(texts(text, st.boilerplate), ["By Ana Torres", "Photo: Reuters"]);
});

test("a text that is not hard-wrapped keeps its unstopped lines apart", () => {
  // long unwrapped paragraphs: a title over its deck, a subhead over its paragraph, headlines in a list
  const para = "The foreign ministers of the two countries met in Geneva on Monday and agreed to resume the talks that broke down last year, officials from both sides said after the meeting.";
  const text = [
    "Ministers agree to resume talks in Geneva after a year of deadlock over the border",
    "The two sides will meet again next month.",
    "",
    para,
    "",
    "What the talks will cover",
    "The agenda includes water rights along the river and the reopening of two border crossings closed since the fighting of 2020.",
    "",
    "Read more",
    "Border crossings reopen for trade after two years",
    "Farmers on both sides of the river wait for water deal",
  ].join("\n");
  const st = analyze(text);
  assert.equal(st.title?.text, "Ministers agree to resume talks in Geneva after a year of deadlock over the border");
  assert.ok(texts(text, st.segments).includes("What the talks will cover"));
  assert.deepEqual(texts(text, st.related), ["Border crossings reopen for trade after two years", "Farmers on both sides of the river wait for water deal"]);
  // a document with no blank lines joins only lower-case continuations
  const lines = "Iran and Iraq reopen border crossing\nIRNA\nIran and Iraq reopened the Mehran crossing on Sunday after it was closed for two weeks\nOfficials said trucks had begun to cross.";
  assert.equal(analyze(lines).body.length, 2);
});

test("a credit on its own line makes the short line next to it a caption (Photo:, Image:, BBC's Image source / Image caption)", () => {
  const text = fixture("credit-lines.txt");
  const st = analyze(text);
  assert.deepEqual(
    st.captions.map((c) => [c.credit, c.text]),
    [
      ["Reuters", "Protesters clashed with police near the Congress building"],
      ["Getty Images", "Many of the marchers were students"],
      ["AFP", "Pakistani soldiers patrol the border with Afghanistan near Chaman"],
      ["Reuters", "Rescue workers search the rubble of a house in Quetta"],
    ],
  );
  assert.deepEqual(texts(text, st.boilerplate), ["Image source, Reuters", "Image caption,", "Image source, Getty Images", "Image: AFP", "Photo: Reuters"]);
  assert.equal(st.body.length, 3);
  // a long paragraph over a credit line stays in the body; the credit is set aside
  const long = Array(8).fill("Police said the march through the centre of the capital was peaceful.").join(" ");
  const t2 = `Thousands march in Lima\n\n${long}\nPhoto: Reuters\n\nThe march ended at dusk.`;
  const st2 = analyze(t2);
  assert.equal(st2.captions.length, 0);
  assert.deepEqual(texts(t2, st2.body), [long, "The march ended at dusk."]);
  assert.deepEqual(texts(t2, st2.boilerplate), ["Photo: Reuters"]);
});

test("a deck under the title keeps the head open for the byline and date lines", () => {
  let text = fixture("deck-byline.txt");
  let st = analyze(text);
  assert.equal(st.title?.text, "Japan and South Korea agree to mend ties at first summit in 12 years");
  assert.equal(st.deck?.text, "Leaders pledge to move on from disputes over wartime history as they face shared threat from North Korea");
  assert.deepEqual(texts(text, st.boilerplate), ["Justin McCurry in Tokyo", "Thu 16 Mar 2023 03.45 GMT"]);
  assert.deepEqual(texts(text, st.dateLines ?? []), ["Thu 16 Mar 2023 03.45 GMT"]);
  assert.deepEqual(texts(text, st.bylines ?? []), ["Justin McCurry in Tokyo"]);
  assert.equal(st.body.length, 2);
  assert.ok(slice(text, st.body[0]!).startsWith("Japan and South Korea have agreed"));
  assert.deepEqual(st.segments.map((s) => s.kind), ["title", "title", "body", "body"], "the deck is analysed as the title is");
  text = fixture("deck-published.txt");
  st = analyze(text);
  assert.equal(st.deck?.text, "The two regional rivals agreed to reopen embassies within two months after talks in Beijing.");
  assert.deepEqual(texts(text, st.dateLines ?? []), ["Published On 10 Mar 2023", "Updated: 11 Mar 2023 09:15 GMT"]);
  assert.equal(st.body.length, 2);
  // a one-sentence first paragraph under the title, with no byline or date line after it, is body
  text = fixture("title-no-source.txt");
  st = analyze(text);
  assert.equal(st.deck, null);
  assert.equal(st.body.length, 2);
  // date lines over the title and beside the source are listed too
  text = "July 1, 2020\nTalks resume in Geneva\nXinhua | Updated: 2020-07-01 10:15\n\nThe talks resumed on Monday.";
  assert.deepEqual(texts(text, analyze(text).dateLines ?? []), ["July 1, 2020", "Updated: 2020-07-01 10:15"]);
  text = "Moon says talks will go on\nCGTN\nBy Jane Doe\nUpdated 2 hours ago\n\nThe talks resumed on Monday.";
  st = analyze(text);
  assert.deepEqual(texts(text, st.dateLines ?? []), ["Updated 2 hours ago"]);
  assert.deepEqual(texts(text, st.body), ["The talks resumed on Monday."]);
});

test("a headline ending in a full stop, with no title given: title case, or a byline under it", () => {
  let text = "Stealth Over Health: Clinton Was Headed to ER But Diverted to Avoid Bad Optics.\n\nThe New York Post reports that the team avoided the emergency room.";
  assert.equal(analyze(text).title?.text, "Stealth Over Health: Clinton Was Headed to ER But Diverted to Avoid Bad Optics.");
  text = "Belarus speaker accuses president of abusing the law.\nLarisa Sayenko\nMINSK 1996-08-30\nA senior Belarus politician accused the president on Friday of abusing the constitution.";
  const st = analyze(text);
  assert.equal(st.title?.text, "Belarus speaker accuses president of abusing the law.");
  assert.equal(st.dateline?.text, "MINSK 1996-08-30");
  assert.deepEqual(texts(text, st.boilerplate), ["Larisa Sayenko"]);
  assert.deepEqual(texts(text, st.bylines ?? []), ["Larisa Sayenko"]);
  assert.equal(st.body.length, 1);
});

test("a link list may end with a headline that ends in a full stop", () => {
  const text = [
    "Kenya and Uganda sign railway deal",
    "",
    "Kenya and Uganda signed an agreement on Monday to extend a railway line.",
    "",
    "Read more:",
    "Uganda seeks new lenders for stalled rail project",
    "Kenya opens first stretch of Nairobi expressway.",
    "",
    "The deal follows two years of talks.",
    "",
    "Related Articles",
    "",
    "• Tanzania line reaches Lake Victoria.",
    "",
    "See also",
    "",
    "Why East Africa's Railways Keep Running Out of Money.",
    "",
    "Engineers will begin surveying in September.",
  ].join("\n");
  const st = analyze(text);
  assert.deepEqual(texts(text, st.related), [
    "Uganda seeks new lenders for stalled rail project",
    "Kenya opens first stretch of Nairobi expressway.",
    "Tanzania line reaches Lake Victoria.",
    "Why East Africa's Railways Keep Running Out of Money.",
  ]);
  assert.deepEqual(texts(text, st.body), [
    "Kenya and Uganda signed an agreement on Monday to extend a railway line.",
    "The deal follows two years of talks.",
    "Engineers will begin surveying in September.",
  ]);
});

test("an upper-case organisation and a dash opening the first paragraph is no dateline", () => {
  let text = "NATO — The alliance agreed on Thursday to send more troops to its eastern flank, NATO Secretary-General Jens Stoltenberg said.\n\nThe move follows weeks of talks.";
  let st = analyze(text);
  assert.equal(st.dateline, null);
  assert.ok(slice(text, st.body[0]!).startsWith("NATO — The alliance"));
  text = "NATO agrees to bolster eastern flank\n\nNATO — The alliance agreed on Thursday to send more troops to its eastern flank.";
  st = analyze(text);
  assert.equal(st.dateline, null);
  assert.ok(slice(text, st.body[0]!).startsWith("NATO — The alliance"));
  // a city's name written again in an upper-case headline does not count against its dateline
  text = "BEIJING HOSTS SUMMIT\n\nBEIJING — Chinese leaders hosted a summit on Monday.";
  assert.equal(analyze(text).dateline?.text, "BEIJING —");
});

test("head date lines with ISO timestamps and time zones", () => {
  for (const line of ["Published: 2023-03-16T05:02:00Z", "Updated 2023-03-16T05:02:00+09:00 | 14:02 KST", "16 Mar 2023 03.45 AEST"]) {
    const text = `Talks resume in Geneva\n${line}\nThe talks resumed on Friday after a break of two weeks, officials said.`;
    const s = analyzeStructure(text);
    assert.deepEqual((s.dateLines ?? []).map((d) => d.text), [line], line);
    assert.equal(s.body.length, 1);
  }
});
