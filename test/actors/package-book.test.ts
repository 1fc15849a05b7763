// The stage with the package's own actor book (data/actors/): skipped where the book is absent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createAnalyzer } from "../../src/analyze.js";
import { resolveActor } from "../../src/actors/index.js";
import { fsDataSource } from "../../src/node/data.js";
import { Resources } from "../../src/pipeline/resources.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const haveBook = ["people", "countries", "institutions", "igos", "places"].every((f) => existsSync(`${root}data/actors/${f}.tsv`));

test("the package's book: offices over time and metonyms", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const r = new Resources(fsDataSource([]));
  const code = (name: string, date: string) => resolveActor(r, name, date).actor?.code ?? null;
  assert.equal(code("Moon Jae-in", "2020-07-01"), "KORGOV");
  assert.equal(code("Moon Jae-in", "2023-01-01"), "KORELI");
  assert.equal(code("Donald Trump", "2019-06-30"), "USAGOV");
  assert.equal(code("Donald Trump", "2025-06-01"), "USAGOV");
  assert.equal(code("Pyongyang", "2020-07-01"), "PRK");
  assert.equal(code("Blue House", "2020-07-01"), "KORGOV");
});

test("the package's book: every required entity of the reference article, with its country", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const gold = JSON.parse(readFileSync(root + "test/fixtures/cgtn-2020-07-01-moon-summit.gold.json", "utf8")) as {
    text: string;
    entities: { text: string; type: string; country?: string; optional?: boolean }[];
  };
  const a = createAnalyzer(fsDataSource([]));
  const es = a.analyzeDoc(gold.text, { date: "2020-07-01", until: "entities" }).get("entities").filter((e) => e.mention === "name");
  const group: Record<string, string> = { PERSON: "PER", ORG: "ORG", GPE: "LOC", LOC: "LOC", FAC: "LOC", NORP: "MISC", MISC: "MISC" };
  for (const g of gold.entities.filter((x) => !x.optional)) {
    const hit = es.filter((e) => e.text.toLowerCase() === g.text.toLowerCase() && group[e.type] === group[g.type]);
    assert.ok(hit.length > 0, `found ${g.type} ${g.text}`);
    if (g.country) assert.ok(hit.some((e) => (e.actor?.country ?? e.geo?.country) === g.country), `${g.text} → ${g.country}`);
  }
});

test("the package's book: a country's name as a person's surname, and an abbreviated state", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const a = createAnalyzer(fsDataSource([]));
  const names = (text: string) => a.analyzeDoc(text, { date: "1996-08-30", until: "entities" }).get("entities").filter((e) => e.mention === "name");
  const film = names("Basketball star Michael Jordan defended his new team on Friday .\nJordan said it was more about loyalty than money .");
  assert.equal(film.find((e) => e.text === "Jordan")?.type, "PERSON");
  const trip = names("Basketball star Michael Jordan flew from Amman , Jordan , on Friday .");
  assert.equal(trip.find((e) => e.text === "Jordan")?.type, "GPE");
  const fla = names("Prices rose , said an economist at a bank in Tampa , Fla . , on Friday .");
  const state = fla.find((e) => e.text === "Fla");
  assert.equal(state?.type, "GPE");
  assert.equal(state?.geo?.country ?? state?.actor?.country ?? "USA", "USA");
});

test("the package's book: a group based in a place, or led by a country, takes its country; a backer does not", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const a = createAnalyzer(fsDataSource([]));
  const es = a.analyzeDoc("Pakistan-based militants attacked a post. A U.S.-led coalition bombed the bridge. Iranian-backed militias fired rockets.", { date: "2019-02-27", until: "entities" }).get("entities");
  const actor = (text: string) => es.find((e) => e.text === text)?.actor?.code ?? null;
  assert.equal(actor("Pakistan-based militants"), "PAKREB");
  assert.notEqual(actor("Iranian-backed militias")?.slice(0, 3), "IRN");
});

test("the package's book: regional adjectives take their country (Crimean, Catalan, Tigrayan), and people of no state none", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const r = new Resources(fsDataSource([]));
  const country = (name: string) => resolveActor(r, name, "2020-01-01").actor?.country ?? null;
  assert.equal(country("Crimean"), "UKR");
  assert.equal(country("Catalan"), "ESP");
  assert.equal(country("Tigrayan"), "ETH");
  assert.equal(country("Hong Kongers"), "HKG");
  assert.equal(country("Kurdish"), null);
  // peoples of one state who share a name with another's: Bosnian Serbs are Bosnia's, Greek Cypriots Cyprus's
  assert.equal(country("Bosnian Serbs"), "BIH");
  assert.equal(country("Serbs"), "SRB");
  assert.equal(country("Greek Cypriot"), "CYP");
});

test("the package's book: 'Western governments' are the West (WSTGOV)", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const r = createAnalyzer(fsDataSource([])).analyze({ text: "Western governments have threatened more sanctions against Russia.", date: "2014-05-12" }, { today: "2026-01-01" });
  assert.equal(r.events.find((e) => e.cameo.startsWith("13"))?.source?.code, "WSTGOV", JSON.stringify(r.events));
});

test("the package's book: a known person's surname that is also a word opens a sentence as the person when a person's verb follows", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const names = (text: string) => analyzer.analyzeDoc({ text, date: "2025-10-31" }, { until: "entities" }).get("entities").map((e) => `${e.text}:${e.actor?.code ?? "-"}`);
  assert.ok(names("Trump met Xi in Busan on Thursday.").includes("Trump:USAGOV"));
  assert.ok(names("Trump said on Monday that tariffs would rise.").includes("Trump:USAGOV"));
  assert.deepEqual(names("Trump cards are rare."), []);
});

test("the package's book: 'the Kremlin said' is the Russian government, not a person named Kremlin", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const kremlin = (text: string) => analyzer.analyzeDoc({ text, date: "2021-09-30" }, { until: "entities" }).get("entities").find((e) => e.text === "Kremlin");
  for (const text of ["Putin met Erdogan in Sochi on Monday, the Kremlin said.", "The Kremlin said Putin would attend.", "The Kremlin dismissed the demand."]) {
    const e = kremlin(text);
    assert.equal(e?.type, "ORG", text);
    assert.equal(e?.actor?.code, "RUSGOV", text);
  }
});

test("the package's book: a title before a name in apposition gives its role and actor ('Maduro's foreign minister, Yván Gil,')", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const person = (text: string, name: string) => analyzer.analyzeDoc({ text, date: "2025-02-01" }, { until: "entities" }).get("entities").find((e) => e.text === name);
  const gil = person("Maduro's foreign minister, Yván Gil, said the talks had been respectful.", "Yván Gil");
  assert.equal(gil?.role, "Maduro's foreign minister");
  assert.equal(gil?.actor?.code, "VENGOV");
  assert.equal(person("The foreign minister, Yván Gil, said the talks had been respectful.", "Yván Gil")?.role, "foreign minister");
  // an adverb before is no title (the apposition after is: "a lawyer"); nor is a title inside a prepositional phrase
  assert.equal(person("Earlier, Yván Gil, a lawyer, said the talks had been respectful.", "Yván Gil")?.role, "lawyer");
  assert.equal(person("On Monday, Joseph Mwangale, the Kenyan interior minister, said the curfew would end.", "Joseph Mwangale")?.actor?.code, "KENGOV");
  assert.equal(person("In talks with the foreign minister, Yván Gil said it was fine.", "Yván Gil")?.role, null);
});

test("the package's book: a head word ends a name where it alone is none ('Al Masirah TV'), and TV or radio is the media sector", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const names = (text: string) => analyzer.analyzeDoc({ text, date: "2025-05-05" }, { until: "entities" }).get("entities").map((e) => `${e.text}:${e.type}:${e.actor?.code ?? "-"}`);
  assert.ok(names("Houthi-run Al Masirah TV said three people were killed.").includes("Al Masirah TV:ORG:-"));
  assert.ok(names("Putin told Russian TV that the talks had failed.").includes("Russian TV:ORG:RUSMED"));
});

test("the package's book: military ranks give the military sector ('Colonel Major Amadou Abdramane' of Niger is NERMIL)", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const es = analyzer.analyzeDoc({ text: "Soldiers in Niger seized power. Colonel Major Amadou Abdramane said Niger's borders were closed.", date: "2023-07-27" }, { until: "entities" }).get("entities");
  assert.equal(es.find((e) => e.text === "Amadou Abdramane")?.actor?.code, "NERMIL");
});

test("the package's book: ideological and religious adjectives are peoples' words (NORP), not organisations", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const es = analyzer.analyzeDoc({ text: "Niger is an ally of Western powers fighting Islamist insurgents. Maoist rebels attacked a police post.", date: "2023-07-27" }, { until: "entities" }).get("entities");
  for (const w of ["Islamist", "Maoist"]) assert.equal(es.find((e) => e.text === w && e.mention === "name")?.type, "NORP", w);
});

test("the package's book: a quantity word opening a sentence is no name, nor part of a group's ('Several Kenyan activists', '26 more United Nations peacekeepers')", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const es = analyzer.analyzeDoc({ text: "Several Kenyan activists were arrested. Bosnian Serbs freed 26 more United Nations peacekeepers on Tuesday.", date: "1995-06-13" }, { until: "entities" }).get("entities");
  const texts = es.map((e) => e.text);
  assert.ok(texts.includes("Kenyan activists") && !texts.some((x) => x.startsWith("Several")), texts.join("; "));
  assert.ok(texts.includes("United Nations peacekeepers") && !texts.some((x) => x.startsWith("more")), texts.join("; "));
});

test("the package's book: a byline's 'By' is no part of the writer's name", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const text = "Clinton, Trump spar over economy\n\nBy Jane Doe\n\nWASHINGTON — Hillary Clinton on Monday accused Donald Trump of wanting to rip up trade deals.\n";
  const r = createAnalyzer(fsDataSource([])).analyze({ text, date: "2016-10-17" }, { today: "2026-01-01" });
  const doe = r.entities.find((e) => e.text.includes("Doe"));
  assert.equal(doe?.text, "Jane Doe");
  assert.equal(text.slice(doe!.start, doe!.end), "Jane Doe");
  assert.equal(doe?.type, "PERSON");
});

test("the package's book: 'X, president of the Washington-based Inter-American Dialogue' heads a body, not the story's country", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const text = "Cuba freed prisoners. Cuba said more would follow. “It is hard to point to real change,” said Michael Shifter, president of the Washington-based Inter-American Dialogue.";
  const es = analyzer.analyzeDoc({ text, date: "2016-03-20" }, { until: "entities" }).get("entities");
  const shifter = es.find((e) => e.text === "Michael Shifter");
  assert.equal(shifter?.role, "president");
  assert.notEqual(shifter?.actor?.country, "CUB");
});

test("the package's book: a sentence with a long capitalised name and a name's verb in lower case is no title-case headline ('Xi met Lula at the Great Hall of the People')", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const es = analyzer.analyzeDoc({ text: "Xi met Lula at the Great Hall of the People.", date: "2025-05-13" }, { until: "entities" }).get("entities");
  assert.equal(es.find((e) => e.text === "Xi")?.actor?.code, "CHNGOV");
});

test("the package's book: 'she' takes no man's name as its antecedent, nor 'he' a woman's", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const pronoun = (text: string, word: string) => {
    const es = analyzer.analyzeDoc({ text, date: "2016-10-17" }, { until: "entities" }).get("entities");
    const p = es.find((e) => e.text === word && e.mention === "pronoun");
    return p && p.ref !== null ? es[p.ref]!.text : null;
  };
  assert.equal(pronoun("Hillary Clinton met Donald Trump on Monday. She said the talks were useful.", "She"), "Hillary Clinton");
  assert.equal(pronoun("Donald Trump met Hillary Clinton on Monday. He said the talks were useful.", "He"), "Donald Trump");
  assert.equal(pronoun("Opposition leader María Corina Machado met President Nicolás Maduro. She said the talks had failed.", "She"), "María Corina Machado");
});

test("the package's book: a city's name may hold short words in lower case ('Dar es Salaam', 'Rio de Janeiro')", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const es = analyzer.analyzeDoc({ text: "Police fired tear gas in Dar es Salaam. Rio de Janeiro hosted the summit.", date: "2025-10-31" }, { until: "entities" }).get("entities");
  assert.equal(es.find((e) => e.text === "Dar es Salaam")?.geo?.country, "TZA");
  assert.equal(es.find((e) => e.text === "Rio de Janeiro")?.geo?.country, "BRA");
});

test("the package's book: a name written family name first gives no sex by its first word ('President Park Geun-hye … She')", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const es = analyzer.analyzeDoc({ text: "President Park Geun-hye arrived in Beijing on Tuesday. She met Xi Jinping.", date: "2015-09-02" }, { until: "entities" }).get("entities");
  assert.equal(es.find((e) => e.text === "She")?.actor?.code, "KORGOV");
});

test("the package's book: 'Reporting By Jane Doe' names Jane Doe", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const r = createAnalyzer(fsDataSource([])).analyze({ text: "Clinton, Trump spar\n\nReporting By Jane Doe\n\nWASHINGTON — Hillary Clinton on Monday accused Donald Trump of lying.\n", date: "2016-10-17" }, { today: "2026-01-01" });
  assert.equal(r.entities.find((e) => e.text.includes("Doe"))?.text, "Jane Doe");
});
