// What the GDELT and PLOVER exports say about actors, places, dates and ids.

import { test } from "node:test";
import assert from "node:assert/strict";
import { gdeltActor, gdeltRow, geoType, ploverActor, ploverContexts, ploverRecord } from "../../src/store/export/index.js";
import { openStore, prepareDocument, type StoredEvent } from "../../src/store/index.js";
import { makeRecord } from "./helpers.js";

const actor = (code: string, country: string | null) => ({ code, country, name: null });

test("GDELT actors: an IGO's known group is its organisation, not its region", () => {
  //                                  code         name country known eth rel1 rel2 type1 type2 type3
  assert.deepEqual(gdeltActor(actor("IGOEUREEC", "IGOEUREEC")), ["IGOEUREEC", "", "", "EEC", "", "", "", "IGO", "", ""]);
  assert.deepEqual(gdeltActor(actor("IGOWSTNAT", "IGOWSTNAT")), ["IGOWSTNAT", "", "", "NAT", "", "", "", "IGO", "", ""]);
  assert.deepEqual(gdeltActor(actor("IGOUNO", null)), ["IGOUNO", "", "", "UNO", "", "", "", "IGO", "", ""]);
  assert.deepEqual(gdeltActor(actor("NGOHRIAMN", "NGOHRIAMN")).slice(3, 8), ["AMN", "", "", "", "NGO"]);
  assert.deepEqual(gdeltActor(actor("KORGOVMIL", "KOR")).slice(2, 10), ["KOR", "", "", "", "", "GOV", "MIL", ""]);
  assert.deepEqual(gdeltActor(actor("REB", null)).slice(2, 10), ["", "", "", "", "", "REB", "", ""]);
});

test("GDELT places: only a country is type 1; a place without coordinates is not a country for that", () => {
  assert.equal(geoType({ name: "Seoul", country: "KOR", lat: 37.57, lon: 126.98 }), "4");
  assert.equal(geoType({ name: "Camp David", country: "USA", lat: 39.65, lon: -77.46 }), "3");
  assert.equal(geoType({ name: "North Korea", country: "PRK", lat: null, lon: null }), "1");
  assert.equal(geoType({ name: "the United States", country: "USA", lat: null, lon: null }), "1");
  assert.equal(geoType({ name: "Camp Humphreys", country: "KOR", lat: null, lon: null }), "");
  assert.equal(geoType({ name: "somewhere", country: null, lat: null, lon: null }), "");
});

const event = (over: Partial<StoredEvent>): StoredEvent => ({
  id: "0123456789abcdef", cameo: "0311", root: "03", plover: "AGREE", mode: null, quad: 1, goldstein: 3,
  source: { code: "USAGOV", country: "USA", name: "Washington" }, target: { code: "MED", country: null, name: "reporters" },
  date: "2020-06-15", datePrecision: "day", modality: "asserted", location: null, numMentions: 1, numSources: 1, numArticles: 1, isRoot: true,
  firstDoc: "d1", firstUrl: null, firstAdded: "2020-06-16T10:11:12.000Z", evidence: "", firstSeen: "2020-06-16", lastSeen: "2020-06-16", mentions: [], ...over,
});

test("GDELT dates: a month-precision event has MonthYear and Year, no SQLDATE", () => {
  const day = gdeltRow(event({}));
  assert.deepEqual([day[1], day[2], day[3], day[4]], ["20200615", "202006", "2020", "2020.5342"]);
  const month = gdeltRow(event({ date: "2020-06", datePrecision: "month" }));
  assert.deepEqual([month[1], month[2], month[3], month[4]], ["", "202006", "2020", ""]);
  const year = gdeltRow(event({ date: "2020", datePrecision: "year" }));
  assert.deepEqual([year[1], year[2], year[3], year[4]], ["", "", "2020", ""]);
  assert.equal(day[59], "20200616101112");
});

test("PLOVER: an actor without a country has none (not a sector); CAMEO roles are named as such; contexts come from the CAMEO code", async () => {
  assert.deepEqual(ploverActor(actor("MED", null)), [{ code: null, cameo_sectors: ["MED"], actor_code: "MED", actor_text: null }]);
  assert.deepEqual(ploverActor(actor("KORGOVMIL", "KOR")), [{ code: "KOR", cameo_sectors: ["GOV", "MIL"], actor_code: "KORGOVMIL", actor_text: null }]);
  const contexts = await ploverContexts();
  assert.deepEqual(contexts.get("0311"), ["economic"]);
  const rec = ploverRecord(event({}), "dyad test", contexts)!;
  assert.deepEqual(rec.context, ["economic"]);
  assert.deepEqual(rec.recipient, [{ code: null, cameo_sectors: ["MED"], actor_code: "MED", actor_text: "reporters" }]);
});

test("an event keeps its id as reports arrive; DATEADDED is when its first report was stored", async () => {
  const store = await openStore(":memory:");
  try {
    const report = (id: string, date: string, place: { name: string; country: string; lat: number; lon: number } | null) =>
      prepareDocument(makeRecord({ id, date, source: id, events: [{ cameo: "042", src: "KORGOV", tgt: "USAGOV", date: "2020-06-30", place }] }));
    await store.putDocuments([report("late", "2020-07-03", { name: "Seoul", country: "KOR", lat: 37.57, lon: 126.98 })]);
    const [first] = await store.events({});
    await new Promise((r) => setTimeout(r, 5));
    // Reports published earlier, stored later, one naming another place near Seoul.
    await store.putDocuments([report("early", "2020-07-01", null), report("near", "2020-07-02", { name: "Seoul City Hall", country: "KOR", lat: 37.566, lon: 126.978 })]);
    const [after] = await store.events({});
    assert.equal(after!.id, first!.id);
    assert.equal(after!.numArticles, 3);
    assert.equal(after!.firstDoc, "early");
    assert.equal(after!.firstAdded, first!.firstAdded);
  } finally {
    await store.close();
  }
});
