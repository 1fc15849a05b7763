import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createAnalyzer } from "../../src/analyze.js";
import { resolveActor, resolveEntity } from "../../src/actors/index.js";
import { Resources } from "../../src/pipeline/resources.js";
import type { Entity } from "../../src/pipeline/layers.js";
import { fixtureData } from "./fixture-book.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const analyzer = createAnalyzer(fixtureData());
const entities = (text: string, date = "2020-07-01"): Entity[] => analyzer.analyzeDoc(text, { date, until: "entities" }).get("entities");
const names = (es: Entity[]) => es.filter((e) => e.mention === "name");
const find = (es: Entity[], text: string, mention: Entity["mention"] = "name") => es.find((e) => e.text === text && e.mention === mention);

test("roles over time: one person, different codes at different dates", () => {
  const r = new Resources(fixtureData());
  const code = (name: string, date: string) => resolveActor(r, name, date).actor?.code ?? null;
  assert.equal(code("Moon Jae-in", "2020-07-01"), "KORGOV");
  assert.equal(code("Moon Jae-in", "2023-03-01"), "KORELI");
  assert.equal(code("Moon Jae-in", "2015-06-01"), "KOROPP");
  assert.equal(code("Donald Trump", "2018-06-12"), "USAGOV");
  assert.equal(code("Donald Trump", "2022-01-01"), "USAELI");
  assert.equal(code("Donald Trump", "2025-06-01"), "USAGOV");
  assert.equal(code("Donald Trump", "2010-01-01"), "USA");
  assert.equal(code("Joe Biden", "2005-01-01"), "USALEG");
  assert.equal(code("Joe Biden", "2012-01-01"), "USAGOV");
  assert.equal(code("Joe Biden", "2019-01-01"), "USAELI");
  assert.equal(code("Joe Biden", "2022-01-01"), "USAGOV");
  assert.equal(code("Vladimir Putin", "2010-01-01"), "RUSGOV");
  assert.equal(resolveActor(r, "Vladimir Putin", "2010-01-01").role, "Prime Minister");
  assert.equal(code("Ursula von der Leyen", "2015-01-01"), "DEUGOV");
  assert.equal(code("Ursula von der Leyen", "2020-07-01"), "IGOEUREEC");
  assert.equal(resolveActor(r, "Ursula von der Leyen", "2020-07-01").actor?.country, "IGOEUREEC");
  assert.equal(code("Yoon Suk Yeol", "2021-01-01"), "KOR");
  assert.equal(code("Yoon Suk Yeol", "2023-01-01"), "KORGOV");
  assert.equal(code("Shinzo Abe", "2010-01-01"), "JPNELI");
  assert.equal(code("Blue House", "2020-07-01"), "KORGOV");
  assert.equal(code("Blue House", "2023-07-01"), null);
});

test("aliases and metonyms resolve to the same country", () => {
  const r = new Resources(fixtureData());
  for (const n of ["North Korea", "DPRK", "D.P.R.K.", "Democratic People's Republic of Korea", "Pyongyang"]) assert.equal(resolveActor(r, n, "2020-07-01").actor?.code, "PRK", n);
  assert.equal(resolveActor(r, "Mun Jae-in", "2020-07-01").actor?.code, "KORGOV");
  assert.equal(resolveActor(r, "the United States", "2020-07-01").actor?.code, "USA");
  assert.equal(resolveActor(r, "Chinese Foreign Ministry spokesperson", "2020-07-01").actor?.code, "CHNGOV");
  assert.equal(resolveActor(r, "South Korean civic group activists", "2020-07-01").actor?.code, "KORCVL");
  assert.equal(resolveActor(r, "North Korean defectors", "2020-07-01").actor?.code, "PRKREF");
  assert.equal(resolveActor(r, "Biegun", "2020-07-01").actor?.code, "USAGOV", "a surname the book knows, one holder in office");
});

test("a capital is the government when it acts and a place when things happen in it", () => {
  const es = entities("Pyongyang said on Monday it would not talk. Talks were held in Pyongyang last year.");
  const [acting, place] = es.filter((e) => e.text === "Pyongyang");
  assert.equal(acting!.actor?.code, "PRK");
  assert.equal(place!.actor, null);
  assert.equal(place!.geo?.country, "PRK");
});

test("capitals after 'between' are the two parties, unless what lies between them is a road, a border or a flight", () => {
  const talks = entities("Talks between Pyongyang and Seoul resumed on Monday.").filter((e) => e.text === "Pyongyang" || e.text === "Seoul");
  assert.deepEqual(talks.map((e) => e.actor?.code), ["PRK", "KOR"]);
  const road = entities("The road between Pyongyang and Kaesong was closed.").find((e) => e.text === "Pyongyang");
  assert.equal(road!.actor, null);
  assert.equal(road!.geo?.country, "PRK");
});

test("titles give roles, and a title gives the actor of a person the book does not know", () => {
  const es = entities("Chinese Foreign Ministry spokesperson Hua Chunying said on June 12 that talks should go on.");
  const hua = find(es, "Hua Chunying")!;
  assert.equal(hua.type, "PERSON");
  assert.equal(hua.actor?.code, "CHNGOV");
  assert.match(hua.role ?? "", /spokesperson/);
  const ministry = find(es, "Chinese Foreign Ministry")!;
  assert.equal(ministry.type, "ORG");
  assert.equal(ministry.actor?.country, "CHN");
});

test("a title before a surname picks the person who held that office, in it", () => {
  // after his term (or in a sentence with no date), "President Biden" is still the office the text speaks of,
  // not the government of the country the sentence is about
  const later = entities("President Biden has offered to send troops to Uganda to help its army.", "2026-11-28");
  assert.equal(find(later, "Biden")!.actor?.code, "USAGOV");
  // "former" says what he is at the date
  const former = entities("Former President Biden visited Uganda and met officials there.", "2026-11-28");
  assert.equal(find(former, "Biden")!.actor?.code, "USAELI");
  // in office at the date: the office he holds
  assert.equal(find(entities("President Trump flew to Seoul on Tuesday.", "2018-06-12"), "Trump")!.actor?.code, "USAGOV");
  // the office the whole title names, not another with its last word
  assert.equal(find(entities("Senator Biden spoke to reporters in Delaware.", "2026-11-28"), "Biden")!.actor?.code, "USALEG");
  assert.equal(find(entities("Vice President Biden visited Seoul.", "2026-11-28"), "Biden")!.actor?.name, "Joe Biden");
});

test("names never in the book are found and typed", () => {
  const es = names(entities("Zorvath Kemplin, a spokesman for Brandelmark Industries, told reporters in Tashkent that the Ostrovian Liberation Front had withdrawn."));
  assert.equal(find(es, "Zorvath Kemplin")?.type, "PERSON");
  assert.equal(find(es, "Brandelmark Industries")?.type, "ORG");
  assert.equal(find(es, "Tashkent")?.type, "GPE");
  assert.equal(find(es, "Tashkent")?.geo?.country, "UZB");
  assert.equal(find(es, "Ostrovian Liberation Front")?.type, "ORG");
});

test("parts of hyphenated compounds are names", () => {
  const es = names(entities("Donald Trump and Kim Jong Un met again. Another Trump-Kim summit is unlikely, and the DPRK-U.S. talks stalled after anti-Pyongyang leaflets were sent."));
  for (const [text, country] of [["Trump", "USA"], ["Kim", "PRK"], ["DPRK", "PRK"], ["U.S.", "USA"], ["Pyongyang", "PRK"]] as const) {
    const e = es.find((x) => x.text === text && x.start > 40);
    assert.ok(e, `found ${text}`);
    assert.equal(e!.actor?.country, country, text);
  }
});

test("headline capitals and ALL-CAPS lines", () => {
  const text = "SOCCER - ARSENAL BEAT CHELSEA IN LONDON DERBY .\nLONDON 1996-08-30\nArsenal beat Chelsea 2-1 on Saturday . Chelsea lost to Arsenal for the first time . Arsenal manager Arsene Wenger was pleased .";
  const es = names(entities(text, "1996-08-30"));
  assert.ok(!es.some((e) => e.text === "SOCCER" || e.text === "BEAT"), "common words in capitals are not names");
  assert.equal(es.find((e) => e.text === "ARSENAL")?.type, "ORG", "a team typed from the body");
  assert.equal(es.find((e) => e.text === "LONDON" && e.start > 40)?.type, "GPE", "a dateline is a place");
  assert.equal(find(es, "Arsene Wenger")?.type, "PERSON");
});

test("Georgia is the country near Tbilisi and the US state near Atlanta", () => {
  const near = (text: string) => entities(text).find((e) => e.text === "Georgia")!;
  const geo = near("Protesters gathered in Tbilisi as Georgia prepared for elections.");
  assert.equal(geo.actor?.country ?? geo.geo?.country, "GEO");
  const us = near("Voters in Atlanta lined up as Georgia counted its ballots.");
  assert.equal(us.actor?.country ?? us.geo?.country, "USA");
});

test("coreference in the reference article: surnames, titles, pronouns, his country", () => {
  const text = readFileSync(root + "examples/cgtn-2020-07-01-moon-summit.txt", "utf8");
  const es = entities(text);
  const at = (e: Entity | undefined) => (e && e.ref !== null ? es[e.ref] : undefined);
  const full = (e: Entity | undefined): Entity | undefined => {
    let x = e;
    for (let k = 0; k < 6 && x && x.ref !== null; k++) x = es[x.ref];
    return x;
  };
  // "Moon made the remarks" → Moon Jae-in
  const moon = es.find((e) => e.text === "Moon" && e.mention === "name" && e.ref !== null);
  assert.equal(at(moon)?.text, "Moon Jae-in");
  assert.equal(moon!.actor?.code, "KORGOV");
  // "his country will make all-out efforts" → South Korea
  const his = find(es, "his country", "nominal");
  assert.equal(his?.actor?.code, "KOR");
  assert.equal(full(his)?.text, "Moon Jae-in");
  // "the U.S. president's visit" → Donald Trump
  const pres = es.find((e) => e.mention === "nominal" && /^the U\.S\. president/.test(e.text));
  assert.equal(full(pres)?.text, "Donald Trump");
  // "the senior Blue House official" → "A Blue House official"
  const senior = es.find((e) => e.mention === "nominal" && e.text === "the senior Blue House official");
  assert.equal(at(senior)?.text, "A Blue House official");
  assert.equal(senior?.actor?.code, "KORGOV");
  // '"I think it's probably unlikely …," he said' → Stephen Biegun
  const he = es.filter((e) => e.mention === "pronoun" && e.text === "he").pop();
  assert.equal(full(he)?.text, "Stephen Biegun");
  // groups with sectors
  assert.equal(es.find((e) => e.mention === "nominal" && e.text === "South Korean civic group activists")?.actor?.code, "KORCVL");
  assert.equal(es.find((e) => e.mention === "nominal" && /^defectors from the DPRK/.test(e.text))?.actor?.code, "PRKREF");
});

test("the reference article's gold entities are all found with type and country", () => {
  const gold = JSON.parse(readFileSync(root + "test/fixtures/cgtn-2020-07-01-moon-summit.gold.json", "utf8")) as {
    text: string;
    entities: { text: string; type: string; country?: string; optional?: boolean }[];
  };
  const es = names(entities(gold.text));
  const group: Record<string, string> = { PERSON: "PER", ORG: "ORG", GPE: "LOC", LOC: "LOC", FAC: "LOC", NORP: "MISC", MISC: "MISC" };
  for (const g of gold.entities.filter((x) => !x.optional)) {
    const hit = es.filter((e) => e.text.toLowerCase() === g.text.toLowerCase() && group[e.type] === group[g.type]);
    assert.ok(hit.length > 0, `found ${g.type} ${g.text}`);
    if (g.country) assert.ok(hit.some((e) => (e.actor?.country ?? e.geo?.country) === g.country), `${g.text} → ${g.country}`);
  }
});

test("entities are sorted by start, with valid offsets and refs", () => {
  const text = readFileSync(root + "examples/cgtn-2020-07-01-moon-summit.txt", "utf8");
  const es = entities(text);
  for (let i = 0; i < es.length; i++) {
    const e = es[i]!;
    assert.equal(text.slice(e.start, e.end), e.text);
    if (i > 0) assert.ok(es[i - 1]!.start <= e.start);
    if (e.ref !== null) assert.ok(e.ref >= 0 && e.ref < es.length && e.ref !== i);
  }
});

test("an analyser without any actor data still runs", () => {
  const a = createAnalyzer({ read: () => [] });
  const rec = a.analyze("Moon Jae-in met Donald Trump in Seoul.", { date: "2019-06-30" });
  assert.ok(rec.entities.length >= 2);
});

test("an entity re-resolves at another date through its antecedent", () => {
  const text = "South Korean President Moon Jae-in met envoys on Monday. Moon said he would keep trying.";
  const doc = analyzer.analyzeDoc(text, { date: "2020-07-01", until: "entities" });
  const es = doc.get("entities");
  const he = es.findIndex((e) => e.mention === "pronoun" && e.text === "he");
  assert.ok(he >= 0);
  assert.equal(resolveEntity(analyzer.resources, es, he, "2020-07-01")?.code, "KORGOV");
  assert.equal(resolveEntity(analyzer.resources, es, he, "2023-01-01")?.code, "KORELI");
});
