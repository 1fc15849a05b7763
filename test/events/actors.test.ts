// Events' actors from the real actors stage (its books in data/actors).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createAnalyzer } from "../../src/analyze.js";
import { fsDataSource } from "../../src/node/data.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const skip = !existsSync(`${root}data/actors/countries.tsv`) && "no actor book in data/actors";

test("a group named with its nationality acts as the whole group, sector included", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const r = analyzer.analyze({ text: "Colombian rebels attacked a police station on Monday.", date: "2001-05-09" }, { today: "2026-01-01" });
  const e = r.events.find((x) => x.cameo.startsWith("19"));
  assert.ok(e, JSON.stringify(r.events));
  // "Colombian rebels" (COLREB), not the "Colombian" inside the name (COL)
  assert.equal(e.source?.code, "COLREB");
  assert.equal(e.source?.name, "Colombian rebels");
});

test("a place that is an event noun's object is its target, not where it happened", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const r = analyzer.analyze({ text: "Similar moves preceded Russia's annexation of Ukraine's Crimea region in March.", date: "2014-05-12" }, { today: "2026-01-01" });
  const e = r.events.find((x) => x.cameo.startsWith("19"));
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(`${e.source?.country}>${e.target?.country}`, "RUS>UKR");
  assert.equal(e.date, "2014-03");
});

test("force is used on others: 'their patrol' that coreference gives the attackers is the other side's", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const r = analyzer.analyze({ text: "Three Israeli soldiers were wounded when Palestinian gunmen fired on their jeep near Hebron.", date: "2001-05-09" }, { today: "2026-01-01" });
  const e = r.events.find((x) => x.plover === "ASSAULT");
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(`${e.source?.country}>${e.target?.country}`, "PSE>ISR");
});

test("a government's dealings with its own insurgents have both sides: talks with FARC rebels are COL with COL", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const r = analyzer.analyze({ text: "The Colombian government held talks with FARC rebels in Havana on Monday.", date: "2001-05-09" }, { today: "2026-01-01" });
  const e = r.events.find((x) => x.cameo.startsWith("04"));
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(`${e.source?.country}>${e.target?.country}`, "COL>COL");
});

test("a nationality or a country's possessive before a sector's noun is that country's sector", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const cases: [string, string][] = [
    ["Turkish police detained dozens of protesters in Istanbul on Sunday.", "TURCOP"],
    ["The Chinese army held live-fire drills near Taiwan on Tuesday.", "CHNMIL"],
    ["Turkey's army shelled Kurdish positions in northern Syria.", "TURMIL"],
    ["Turkish riot police fired tear gas at the crowd.", "TURCOP"],
    ["Chinese state media criticised Japan on Monday.", "CHNMED"],
  ];
  for (const [text, code] of cases) {
    const r = analyzer.analyze({ text, date: "2022-01-10" }, { today: "2026-01-01" });
    assert.ok(r.events.some((e) => e.source?.code === code), `${text} → ${r.events.map((e) => e.source?.code).join(", ")}`);
  }
  // the nationality alone is the country
  const r = analyzer.analyze({ text: "Turkish forces shelled the town; a Turkish court later jailed the mayor.", date: "2022-01-10" }, { today: "2026-01-01" });
  assert.ok(!r.events.some((e) => e.source?.code === "TURCOP"), JSON.stringify(r.events.map((e) => e.source?.code)));
});

test("a state's own protest has no domestic target; its people's protest is against their state", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  for (const text of ["The Chinese government protested on Monday.", "China protested strongly on Monday."]) {
    const r = analyzer.analyze({ text, date: "2022-01-10" }, { today: "2026-01-01" });
    const e = r.events.find((x) => x.cameo.startsWith("14") || x.cameo.startsWith("11"));
    assert.ok(e, text);
    assert.equal(e.target, null, `${text} → ${JSON.stringify(e.target)}`);
  }
  const r = analyzer.analyze({ text: "Thousands of students protested in Bangkok on Monday.", date: "2022-01-10" }, { today: "2026-01-01" });
  assert.equal(r.events.find((x) => x.cameo.startsWith("14"))?.target?.country, "THA");
});

test("a sector where it serves is that country's ('police in Istanbul' TURCOP); a country's own affairs are named by the country", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const r = analyzer.analyze({ text: "Police in Istanbul detained 20 protesters on Monday.", date: "2022-01-10" }, { today: "2026-01-01" });
  const e = r.events.find((x) => x.cameo.startsWith("17"));
  assert.equal(e?.source?.code, "TURCOP", JSON.stringify(r.events));
  assert.equal(e?.target?.name, "20 protesters");
  const ml = analyzer.analyze({ text: "President Yoon Suk Yeol declared martial law on Tuesday night.", date: "2024-12-05" }, { today: "2026-01-01" });
  const m = ml.events.find((x) => x.cameo === "1724");
  assert.equal(m?.target?.country, "KOR");
  assert.equal(m?.target?.name, "South Korea");
});

test("'who' after a prepositional phrase is the people in it: 'fired at protesters who stormed parliament'", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const r = analyzer.analyze({ text: "Kenyan police fired live rounds at protesters who stormed parliament in Nairobi on Tuesday.", date: "2024-06-26" }, { today: "2026-01-01" });
  const riot = r.events.find((e) => e.cameo.startsWith("14"));
  assert.equal(riot?.source?.name, "protesters", JSON.stringify(r.events));
});

test("'of' inside a title does not cut the phrase ('U.S. Secretary of State Antony Blinken' is Blinken); a strike that kills is a blow", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const r = analyzer.analyze({ text: "U.S. Secretary of State Antony Blinken arrived in Cairo on Thursday for talks with Egyptian President Abdel Fattah al-Sisi.", date: "2024-01-11" }, { today: "2026-01-01" });
  assert.equal(r.events.find((e) => e.cameo.startsWith("04"))?.source?.name, "Antony Blinken", JSON.stringify(r.events));
  const s = analyzer.analyze({ text: "An Israeli strike killed a Hamas commander in Gaza on Wednesday.", date: "2024-01-11" }, { today: "2026-01-01" });
  assert.ok(s.events.some((e) => e.cameo === "195") && !s.events.some((e) => e.cameo.startsWith("14")), JSON.stringify(s.events.map((e) => e.cameo)));
});

test("violence by unknown hands is named by who the text says did it, else as unidentified", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const a = analyzer.analyze({ text: "A suicide bomber killed 30 people at a mosque in Peshawar on Monday.", date: "2024-03-05" }, { today: "2026-01-01" });
  assert.equal(a.events.find((e) => e.cameo.startsWith("18"))?.source?.name, "A suicide bomber");
  const b = analyzer.analyze({ text: "Thirty people were killed in a blast in Peshawar on Monday.", date: "2024-03-05" }, { today: "2026-01-01" });
  const e = b.events.find((x) => x.cameo.startsWith("18"));
  assert.equal(e?.source?.name, "unidentified");
  assert.equal(e?.source?.country, "PAK");
});

test("', where …' after a dated clause shares its date", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const r = analyzer.analyze({ text: "On Monday, Chinese President Xi Jinping hosted Brazilian President Luiz Inacio Lula da Silva in Beijing, where the two leaders signed 15 agreements.", date: "2024-03-05" }, { today: "2026-01-01" });
  assert.equal(r.events.find((e) => e.cameo === "057")?.date, "2024-03-04", JSON.stringify(r.events.map((e) => [e.cameo, e.date])));
});

test("a past form wink calls an adjective, between the subject and its object, is the verb ('Rioters looted shops')", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  for (const [text, root] of [["Rioters looted shops in Nairobi on Monday.", "14"], ["Suspected jihadists beheaded three villagers in Mali on Monday.", "18"]] as const) {
    const r = analyzer.analyze({ text, date: "2024-03-05" }, { today: "2026-01-01" });
    assert.ok(r.events.some((e) => e.cameo.startsWith(root) && e.modality === "asserted"), `${text} ${JSON.stringify(r.events.map((e) => e.cameo))}`);
  }
});

test("tariffs slapped, tariffs in retaliation, revenge vowed", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const code = (text: string) => analyzer.analyze({ text, date: "2025-03-10" }, { today: "2026-01-01" }).events.map((e) => `${e.cameo} ${e.source?.code}>${e.target?.code}`);
  assert.ok(code("Trump slapped 25 percent tariffs on Canadian steel on Monday.").includes("163 USAGOV>CAN"));
  assert.ok(code("Canada retaliated with tariffs on American goods.").includes("163 CAN>USA"));
  assert.ok(code("Iran vowed revenge against Israel.").includes("138 IRN>ISR"));
});

test("troops ordered into a country are deployed; one's own envoy recalled breaks with the country he served in", { skip }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const code = (text: string) => analyzer.analyze({ text, date: "2024-06-10" }, { today: "2026-01-01" }).events.map((e) => `${e.cameo} ${e.source?.country}>${e.target?.country}`);
  assert.ok(code("Putin ordered troops into eastern Ukraine in February 2022.").includes("154 RUS>UKR"));
  assert.ok(code("Macron recalled France's ambassador to Italy.").includes("161 FRA>ITA"));
});
