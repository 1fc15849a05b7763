// A store written by an older dyad is upgraded when opened. From version 1: its
// documents and reports stay; merge keys, events and rollups are rebuilt. From
// version 2: the actor names table and the events' name indexes are added.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { openStore, prepareDocument, SqliteStore } from "../../src/store/index.js";
import { STORE_VERSION } from "../../src/store/sqlite/schema.js";
import { makeRecord, tempDir } from "./helpers.js";

const V1 = readFileSync(fileURLToPath(new URL("../../../test/fixtures/store/schema-v1.sql", import.meta.url)), "utf8");

/** A version-1 store holding two reports of one meeting and one other event, as that version wrote them. */
function writeV1(path: string): void {
  const db = new Database(path);
  db.exec(V1);
  db.pragma("application_id = 1685676388");
  db.pragma("user_version = 1");
  const doc = db.prepare(`INSERT INTO documents (id, pub_date, date_inferred, title, source, url, engine, schema_version, origin, ingested_at, n_events, text, record, input)
    VALUES (?, ?, 0, ?, ?, NULL, 'old', 1, ?, '2020-07-02T00:00:00.000Z', ?, ?, '{}', '{}')`);
  const mention = db.prepare(`INSERT INTO mentions (doc, idx, id, event_id, gkey, cameo, plover, mode, quad, goldstein, src_code, src_country, src_name, tgt_code, tgt_country, tgt_name,
    date, precision, d0, d1, modality, ev_start, ev_end, evidence, sentence, is_root) VALUES (?, ?, ?, 'old-event', ?, ?, NULL, NULL, 1, 4, ?, ?, ?, ?, ?, ?, ?, 'day', ?, ?, 'asserted', 0, 10, ?, 0, 1)`);
  const a = Number(doc.run("voa-1", "2020-07-01", "Talks", "VOA", "news/voa-1.txt", 2, "Moon met the envoy.").lastInsertRowid);
  const b = Number(doc.run("cgtn-1", "2020-07-02", "Talks", "CGTN", "news/cgtn-1.txt", 1, "The president hosted talks.").lastInsertRowid);
  mention.run(a, 0, "voa-1#0", "04|KORGOV|USAGOV|2020-06-30|day|asserted|", "042", "KORGOV", "KOR", "Moon", "USAGOV", "USA", "US envoy", "2020-06-30", 20200630, 20200630, "Moon met the envoy.");
  mention.run(a, 1, "voa-1#1", "17|PRK|KOR|2020-06-16|day|asserted|", "1712", "PRK", "PRK", "North Korea", "KOR", "KOR", "South Korea", "2020-06-16", 20200616, 20200616, "The office was blown up.");
  mention.run(b, 0, "cgtn-1#0", "04|KORGOV|USAGOV|2020-06-30|day|asserted|", "043", "KORGOV", "KOR", "Moon", "USAGOV", "USA", "US envoy", "2020-06-30", 20200630, 20200630, "The president hosted talks.");
  db.close();
}

test("a version-1 store is upgraded on open, even by a read-only command", async () => {
  const { dir, cleanup } = tempDir("dyad-upgrade-");
  try {
    const path = join(dir, "old.db");
    writeV1(path);
    const store = await openStore(path, { readonly: true });
    try {
      const events = await store.events({}, { withMentions: true });
      assert.deepEqual(events.map((e) => [e.cameo, e.date, e.numMentions, e.numSources]), [["1712", "2020-06-16", 1, 1], ["042", "2020-06-30", 2, 2]]);
      assert.deepEqual(events[1]!.mentions!.map((m) => m.docId), ["voa-1", "cgtn-1"]);
      assert.equal((await store.events({ source: ["cgtn"] })).length, 1);
      assert.deepEqual((await store.timeline({}, "month")).buckets.map((b) => [b.period, b.events]), [["2020-06", 2]]);
      assert.deepEqual((await store.actors({})).map((a) => [a.code, a.events, a.name]), [["KOR", 1, "South Korea"], ["KORGOV", 1, "Moon"], ["PRK", 1, "North Korea"], ["USAGOV", 1, "US envoy"]]);
      assert.deepEqual((await store.events({ actor: ["moon"] })).map((e) => e.cameo), ["042"]);
      assert.deepEqual((await store.events({ actor: ["korea"] })).map((e) => e.cameo), ["1712"]);
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma("user_version", { simple: true }), STORE_VERSION);
    assert.deepEqual(db.prepare("SELECT * FROM actor_names ORDER BY name").all(), [
      { name: "Moon", as_source: 1, as_target: 0 },
      { name: "North Korea", as_source: 1, as_target: 0 },
      { name: "South Korea", as_source: 0, as_target: 1 },
      { name: "US envoy", as_source: 0, as_target: 1 },
    ]);
    db.close();
  } finally {
    cleanup();
  }
});

/**
 * A version-2 store: the current layout less what version 3 added (the actor names and the
 * events' name indexes), which is all that the upgrade from version 2 adds back.
 */
async function writeV2(path: string): Promise<void> {
  const store = await openStore(path);
  const doc = (id: string, events: Parameters<typeof makeRecord>[0]["events"]) => prepareDocument(makeRecord({ id, date: "2020-07-01", source: "VOA", events }));
  await store.putDocuments([
    doc("a", [
      { cameo: "042", src: "KORGOV", tgt: "USAGOV", date: "2020-06-30", srcName: "Moon Jae-in", tgtName: "Stephen Biegun" },
      { cameo: "111", src: "PRK", tgt: "KORGOV", date: "2020-06-20", srcName: "North Korea", tgtName: "President Moon" },
    ]),
    doc("b", [
      { cameo: "042", src: "KORGOV", tgt: "USAGOV", date: "2020-06-30", srcName: "Moon Jae-in", tgtName: "Stephen Biegun" },
      { cameo: "190", src: "PRK", tgt: "PRK", date: "2020-06-16", srcName: "50%_off", tgtName: "50%_off" },
      { cameo: "036", src: "USAGOV", tgt: null, date: "2020-07", srcName: "Washington" },
    ]),
  ]);
  await store.close();
  const db = new Database(path);
  db.exec("DROP TABLE actor_names; DROP INDEX events_src_name; DROP INDEX events_tgt_name;");
  db.pragma("user_version = 2");
  db.close();
}

test("a version-2 store gains its actor names and name indexes on open, even by a read-only command", async () => {
  const { dir, cleanup } = tempDir("dyad-upgrade-");
  try {
    const path = join(dir, "v2.db");
    await writeV2(path);
    const store = await openStore(path, { readonly: true });
    try {
      const names = async (actor: string) => (await store.events({ actor: [actor] })).map((e) => `${e.source?.name}>${e.target?.name ?? "-"}`);
      assert.deepEqual(await names("moon"), ["North Korea>President Moon", "Moon Jae-in>Stephen Biegun"]);
      assert.deepEqual(await names("50%"), ["50%_off>50%_off"]);
      assert.deepEqual(await names("0%_o"), ["50%_off>50%_off"]);
      assert.deepEqual(await names("0%%"), []);
      assert.equal(await store.countEvents({ actor: ["MOON"] }), 0, "an upper-case word is an actor code");
      assert.equal(await store.countEvents({ actor: ["Moon", "washington"] }), 3);
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    try {
      assert.equal(db.pragma("user_version", { simple: true }), STORE_VERSION);
      assert.deepEqual(db.prepare("SELECT * FROM actor_names ORDER BY name").all(), [
        { name: "50%_off", as_source: 1, as_target: 1 },
        { name: "Moon Jae-in", as_source: 1, as_target: 0 },
        { name: "North Korea", as_source: 1, as_target: 0 },
        { name: "President Moon", as_source: 0, as_target: 1 },
        { name: "Stephen Biegun", as_source: 0, as_target: 1 },
        { name: "Washington", as_source: 1, as_target: 0 },
      ]);
      const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events' AND name LIKE '%name'").pluck().all();
      assert.deepEqual(indexes.sort(), ["events_src_name", "events_tgt_name"]);
    } finally {
      db.close();
    }
    // The upgraded store keeps its names in step with new events.
    const w = SqliteStore.open(path);
    try {
      await w.putDocuments([prepareDocument(makeRecord({ id: "c", date: "2020-07-02", events: [{ cameo: "042", src: "KORGOV", tgt: "USAGOV", date: "2020-07-01", srcName: "Moon Jae-in" }] }))]);
      assert.deepEqual(w.raw().prepare("SELECT as_source, as_target FROM actor_names WHERE name = 'Moon Jae-in'").get(), { as_source: 2, as_target: 0 });
    } finally {
      await w.close();
    }
  } finally {
    cleanup();
  }
});
