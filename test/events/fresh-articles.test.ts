// Faults found by running dyad on fresh, realistic articles (Kenya, Korea–Japan, Yemen), with the
// package's own books: co-agents, appeals, background events, threats and crowds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createAnalyzer } from "../../src/analyze.js";
import { fsDataSource } from "../../src/node/data.js";
import type { EventRecord } from "../../src/record.js";

const analyzer = createAnalyzer(fsDataSource([]));
const events = (text: string, date = "2025-08-23"): EventRecord[] => analyzer.analyze({ text, date }, { today: "2026-01-01" }).events;
const asserted = (evs: EventRecord[]) => evs.filter((e) => e.modality === "asserted");
const show = (evs: EventRecord[]) => evs.map((e) => `${e.cameo} ${e.modality} ${e.source?.code ?? "?"}→${e.target?.code ?? "none"}`).join("; ");

test("co-agents of an appeal are not each other's targets: 'Saudi Arabia and Oman called for restraint'", () => {
  const evs = asserted(events("Saudi Arabia and Oman called for restraint on Sunday."));
  assert.deepEqual(evs.map((e) => `${e.cameo} ${e.source?.code}→${e.target?.code ?? "none"}`).sort(), ["020 OMN→none", "020 SAU→none"], show(evs));
});

test("'urged calm' and 'urged restraint' are appeals", () => {
  const evs = asserted(events("France and Germany urged restraint on Monday."));
  assert.deepEqual(evs.map((e) => `${e.cameo} ${e.source?.code}`).sort(), ["020 DEU", "020 FRA"], show(evs));
});

test("an event in the background of an agreement is not what is agreed: 'agreed to cooperate in the face of North Korea's threat'", () => {
  for (const text of [
    "Japan and South Korea agreed to strengthen security cooperation with the United States in the face of North Korea's growing nuclear threat.",
    "Japan and South Korea agreed to strengthen security cooperation amid North Korea's growing nuclear threat.",
  ]) {
    const evs = asserted(events(text));
    assert.ok(evs.length > 0 && evs.every((e) => e.cameo.startsWith("03")), `${text}\n${show(evs)}`);
  }
});

test("a threat of force with no one named is addressed at no one, not at home: 'Israel threatened to retaliate'", () => {
  const evs = asserted(events("Israel threatened to retaliate."));
  const threat = evs.find((e) => e.cameo.startsWith("13"));
  assert.ok(threat, show(evs));
  assert.equal(threat.target, null, show(evs));
});

test("tear gas fired at protesters targets the protesters, civilians of the country, not the city", () => {
  const evs = asserted(events("Kenyan police fired tear gas and water cannon at thousands of protesters in Nairobi on Wednesday."));
  const e = evs.find((x) => x.cameo.startsWith("17"));
  assert.ok(e, show(evs));
  assert.equal(e.source?.code, "KENCOP");
  assert.equal(e.target?.code, "KENCVL");
  assert.match(e.target?.name ?? "", /protesters/);
});
