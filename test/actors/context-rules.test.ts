// How the name finder types names no list knows, from their context: sport tables and
// scorecards, lists, appositions, nouns before and after a name, hyphenated
// modifiers, titles of works. Sentences here are made up for the tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createAnalyzer } from "../../src/analyze.js";
import type { Entity } from "../../src/pipeline/layers.js";
import { fixtureData } from "./fixture-book.js";

const analyzer = createAnalyzer(fixtureData());
const names = (text: string, date = "1996-08-30"): Entity[] => analyzer.analyzeDoc(text, { date, until: "entities" }).get("entities").filter((e) => e.mention === "name");
/** The type of the named mention with exactly this text (the first one), or "none". */
const typeOf = (es: Entity[], text: string) => es.find((e) => e.text === text)?.type ?? "none";

test("cricket scorecards: names beside c, b, st and before bowling figures are people", () => {
  const es = names("CRICKET - SHIELD SCORECARD .\nJ. Smithers c Pemberton b Ashcroft 45\nK. Dowling st Pemberton b Ashcroft 12\nBowling : Ashcroft 10-2-31-3 , Threlfall 8-0-40-1");
  assert.equal(typeOf(es, "Pemberton"), "PERSON");
  assert.equal(typeOf(es, "Ashcroft"), "PERSON");
  assert.equal(typeOf(es, "Threlfall"), "PERSON");
  // "st" (stumped) joins no names
  assert.ok(!es.some((e) => e.text.includes(" st ")));
});

test("sport tables: results and standings lines name teams", () => {
  const es = names("SOCCER - DUTCH LEAGUE STANDINGS .\nStandings after Sunday 's matches :\nVolendam 5 4 1 0 12 3 13\nEastfield 5 3 1 1 9 6 10\nGraafschap 2 Volendam 1");
  assert.equal(typeOf(es, "Volendam"), "ORG");
  assert.equal(typeOf(es, "Eastfield"), "ORG");
  assert.equal(typeOf(es, "Graafschap"), "ORG");
});

test("sport: goal scorers, teams with a country in brackets, a place after a venue", () => {
  const es = names("SOCCER - FRIENDLY RESULT .\nScorers : Tamsin Okonedo ( 21st minute ) , Radu Velicu ( 65th ) .\nDinamovka ( Russia ) beat Zeljo ( Bosnia ) 2-1 .\nFirst test ( at Eden Park , Auckland ) .");
  assert.equal(typeOf(es, "Tamsin Okonedo"), "PERSON");
  assert.equal(typeOf(es, "Radu Velicu"), "PERSON");
  assert.equal(typeOf(es, "Dinamovka"), "ORG");
  assert.notEqual(typeOf(es, "Auckland"), "ORG");
});

test("nouns around a name: club X, X daily, X Bros, an apposition", () => {
  const es = names("The striker was loaned to the club Veltrana for a year , the Zorvik daily said on Friday .\nGlenmore Bros reported higher profits .\nKestrix , the largest software company in the region , said sales rose .");
  assert.equal(typeOf(es, "Veltrana"), "ORG");
  assert.equal(typeOf(es, "Zorvik"), "ORG");
  assert.equal(typeOf(es, "Glenmore Bros"), "ORG");
  assert.equal(typeOf(es, "Kestrix"), "ORG");
});

test("a small town's name that context makes a person; after 'in' it stays the town", () => {
  assert.equal(typeOf(names("Marlow said on Friday he would run again ."), "Marlow"), "PERSON");
  assert.equal(typeOf(names("The rally was held in Marlow last week ."), "Marlow"), "GPE");
});

test("lists take the kind their surer members have", () => {
  const es = names("GOLF - LEADING SCORES .\n68 Harold Penrose , Kevin Ashby , Brian Coulter , Tamblyn , Grady Hollis");
  assert.equal(typeOf(es, "Tamblyn"), "PERSON");
});

test("modifiers and titles: hyphenated peoples, -based places, works in quotes, indices, currencies, months", () => {
  const es = names("Russian-Japanese talks opened in a New York-based group 's office .\nHis film \" The Silent Harbour \" opened on Friday .\nThe Hang Seng index fell while the bond fell C$ 0.45 in mid-July .");
  assert.equal(typeOf(es, "Russian-Japanese"), "MISC");
  assert.equal(typeOf(es, "New York-based"), "MISC");
  assert.equal(typeOf(es, "The Silent Harbour"), "MISC");
  assert.equal(typeOf(es, "Hang Seng"), "MISC");
  assert.equal(typeOf(es, "C$"), "MISC");
  assert.equal(typeOf(es, "mid-July"), "none");
});

test("names joined by 'of' after a capitalised noun, and heads before 'of'", () => {
  const es = names("A spokesman for the Brotherhood of Coastal Fishermen said the boats would stay in port .\nThe Treaty of Baden ended the war .");
  assert.equal(typeOf(es, "Brotherhood of Coastal Fishermen"), "ORG");
  assert.equal(typeOf(es, "Treaty of Baden"), "MISC");
});

test("'to X' is no place: 'loyal to Harkavy' leaves the name to other evidence", () => {
  const es = names("Troops loyal to Harkavy fired on the crowd .");
  assert.notEqual(typeOf(es, "Harkavy"), "LOC");
});
