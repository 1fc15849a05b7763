// First-order administrative divisions in the package's places.tsv (the admin-regions block):
// states, provinces, regions and oblasts resolve to their country with coordinates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createAnalyzer } from "../../src/analyze.js";
import { fsDataSource } from "../../src/node/data.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const haveBook = existsSync(`${root}data/actors/places.tsv`);
const skip = !haveBook && "no actor book in data/actors";

test("regions: a state or province resolves to its country with coordinates", { skip }, () => {
  const a = createAnalyzer(fsDataSource([]));
  const cases: [string, string, string][] = [
    ["Voters queued in Chhattisgarh on Monday.", "Chhattisgarh", "IND"],
    ["Voters queued in Uttar Pradesh on Monday.", "Uttar Pradesh", "IND"],
    ["Gunmen struck in Zamfara on Monday.", "Zamfara", "NGA"],
    ["Troops moved into Paktia on Monday.", "Paktia", "AFG"],
    ["Fighting flared in Lower Shabelle on Monday.", "Lower Shabelle", "SOM"],
    ["Clashes were reported in North Darfur on Monday.", "North Darfur", "SDN"],
    ["Floods hit Jonglei on Monday.", "Jonglei", "SSD"],
    ["Drones struck Odesa Oblast on Monday.", "Odesa Oblast", "UKR"],
    ["Drones struck the Bryansk region on Monday.", "Bryansk", "RUS"],
    ["Airstrikes hit Kunduz Province on Monday.", "Kunduz Province", "AFG"],
    ["Police detained activists in Sichuan on Monday.", "Sichuan", "CHN"],
    ["Police detained activists in Ingushetia on Monday.", "Ingushetia", "RUS"],
    ["Cartel gunmen clashed in Jalisco on Monday.", "Jalisco", "MEX"],
    ["Rebels attacked a base in Antioquia on Monday.", "Antioquia", "COL"],
    ["Fires burned in Mato Grosso on Monday.", "Mato Grosso", "BRA"],
    ["Protesters gathered in Zulia on Monday.", "Zulia", "VEN"],
    ["Militants attacked a post in Maguindanao on Monday.", "Maguindanao", "PHL"],
    ["Police raided homes in Narathiwat province on Monday.", "Narathiwat", "THA"],
    ["Rockets hit Diyala on Monday.", "Diyala", "IRQ"],
    // the stage reads the name before a lower-case "province"/"region": city spellings the gazetteer lacks
    ["Drones struck the Odesa region on Monday.", "Odesa", "UKR"],
    ["Jets bombed Daraa province on Monday.", "Daraa", "SYR"],
    ["Houthis fired missiles from Hodeidah on Monday.", "Hodeidah", "YEM"],
    ["Protests spread to Lorestan on Monday.", "Lorestan", "IRN"],
  ];
  for (const [text, name, country] of cases) {
    const es = a.analyzeDoc(text, { date: "2020-01-01", until: "entities" }).get("entities");
    const e = es.find((x) => x.text === name || x.text.startsWith(name));
    assert.ok(e, `found ${name}`);
    assert.equal(e.geo?.country ?? e.actor?.country, country, `${name} → ${country}`);
    assert.ok(e.geo && Number.isFinite(e.geo.lat) && Number.isFinite(e.geo.lon), `${name} has coordinates`);
  }
});

test("regions: ambiguous names keep their other readings", { skip }, () => {
  const a = createAnalyzer(fsDataSource([]));
  const ents = (text: string) => a.analyzeDoc(text, { date: "2020-01-01", until: "entities" }).get("entities");
  // "Kano State" is the state; bare "Kano" stays the city (same country, the city's coordinates)
  const state = ents("Gunmen attacked a village in Kano State on Monday.").find((e) => e.text.startsWith("Kano"));
  assert.equal(state?.geo?.country, "NGA");
  const city = ents("A bomb exploded in Kano on Monday.").find((e) => e.text === "Kano");
  assert.equal(city?.geo?.country, "NGA");
  // common words that name Nigerian states are not places on their own
  assert.ok(!ents("Prices reached a plateau on Monday.").some((e) => e.type === "GPE" || e.type === "LOC"));
  // "Amazonas" alone is Brazil's state (Colombia's is "Amazonas Department")
  assert.equal(ents("Fires burned in Amazonas on Monday.").find((e) => e.text === "Amazonas")?.geo?.country, "BRA");
  // "Kano State" has the state's centre, not the city's
  assert.ok(state?.geo && Math.abs((state.geo.lat ?? 0) - 11.7) < 0.3);
  // East Azerbaijan is a province of Iran, not the country
  assert.equal(ents("An earthquake struck East Azerbaijan on Monday.").find((e) => e.text.includes("Azerbaijan"))?.geo?.country, "IRN");
  // Georgia stays as before
  assert.equal(ents("Tbilisi, Georgia, hosted the talks on Monday.").find((e) => e.text === "Georgia")?.type, "GPE");
});

test("regions: an event placed in a region gets its country", { skip }, () => {
  const a = createAnalyzer(fsDataSource([]));
  const [ev] = a.analyze("Maoist rebels attacked a police post in Chhattisgarh.", { date: "2020-01-01" }).events;
  assert.ok(ev, "an event");
  assert.equal(ev.source?.country, "IND");
  assert.equal(ev.location?.country, "IND");
  assert.ok(ev.location && Math.abs((ev.location.lat ?? 0) - 21.3) < 1 && Math.abs((ev.location.lon ?? 0) - 81.9) < 1);
  const [ng] = a.analyze("Gunmen killed 12 people in Zamfara state on Monday.", { date: "2020-01-01" }).events;
  assert.equal(ng?.location?.country, "NGA");
});

test("a name before a division's word in lower case is that division ('Niger state' is in Nigeria), and a province a possessive places is no actor", { skip: !haveBook && "no actor book in data/actors" }, () => {
  const analyzer = createAnalyzer(fsDataSource([]));
  const es = analyzer.analyzeDoc({ text: "Gunmen killed 12 villagers in Niger state. Fighting spread to Kunduz province. Russia sent missiles to Syria's Latakia province.", date: "2025-01-01" }, { until: "entities" }).get("entities");
  const niger = es.find((e) => e.text === "Niger");
  assert.equal(niger?.geo?.country, "NGA");
  assert.equal(niger?.actor, null);
  assert.equal(es.find((e) => e.text === "Kunduz")?.geo?.country, "AFG");
  assert.equal(es.find((e) => e.text === "Latakia")?.actor, null);
});
