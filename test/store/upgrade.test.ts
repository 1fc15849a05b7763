// A store written by an older dyad (store version 1) is upgraded when opened: its
// documents and reports stay; merge keys, events and rollups are rebuilt.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { openStore } from "../../src/store/index.js";
import { tempDir } from "./helpers.js";

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
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma("user_version", { simple: true }), 2);
    db.close();
  } finally {
    cleanup();
  }
});
