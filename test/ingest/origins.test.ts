// Documents and where they came from: an edited file or a changed JSON Lines line
// replaces the document it gave before (its events are not counted twice), unless
// another source still gives that document; reanalysis keeps origins and dates.

import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdirSync, utimesSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { tempDir } from "../store/helpers.js";
import { dyad, STUB } from "./helpers.js";
import { reanalyze } from "../../src/ingest/reanalyze.js";

function query<T>(db: string, sql: string): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
}

const touch = (path: string, text: string, seconds: number) => {
  writeFileSync(path, text);
  utimesSync(path, seconds, seconds);
};

test("an edited file replaces its document; a document another file still gives stays", () => {
  const { dir, cleanup } = tempDir("dyad-origins-");
  try {
    mkdirSync(join(dir, "news"));
    const db = join(dir, "o.db");
    const ingest = () => dyad(["ingest", "news", "--db", db, "--analyzer", STUB, "--jobs", "1", "--quiet", "--date", "2020-07-01"], { cwd: dir });
    touch(join(dir, "news", "a.txt"), "Report A.\nEVENT 042 USA CHN 2020-06-01\n", 1_600_000_000);
    touch(join(dir, "news", "b.txt"), "Same wire story.\nEVENT 111 PRK KOR 2020-06-02\n", 1_600_000_000);
    touch(join(dir, "news", "c.txt"), "Same wire story.\nEVENT 111 PRK KOR 2020-06-02\n", 1_600_000_000);
    assert.equal(ingest().status, 0);
    const origins = query<{ origin: string }>(db, "SELECT origin FROM documents ORDER BY origin").map((r) => r.origin);
    // Stored absolute; b.txt and c.txt give one document, which keeps the least origin.
    assert.deepEqual(origins, [join(dir, "news", "a.txt"), join(dir, "news", "b.txt")]);

    touch(join(dir, "news", "a.txt"), "Report A, corrected.\nEVENT 043 USA CHN 2020-06-01\n", 1_600_000_100);
    touch(join(dir, "news", "b.txt"), "Another story now.\nEVENT 190 RUS UKR 2020-06-03\n", 1_600_000_100);
    const again = ingest();
    assert.equal(again.status, 0, again.stderr);
    const docs = query<{ text: string; origin: string }>(db, "SELECT text, origin FROM documents ORDER BY origin");
    assert.deepEqual(docs.map((d) => [d.origin.slice(dir.length + 1), d.text.split("\n")[0]]), [
      ["news/a.txt", "Report A, corrected."],
      ["news/b.txt", "Another story now."],
      // c.txt still gives the wire story: it stays, now under c.txt.
      ["news/c.txt", "Same wire story."],
    ]);
    // One event per story: the corrected report's (043, merged as root 04) replaced the first.
    const events = query<{ cameo: string; num_mentions: number }>(db, "SELECT cameo, num_mentions FROM events ORDER BY cameo");
    assert.deepEqual(events.map((e) => [e.cameo, e.num_mentions]), [["043", 1], ["111", 1], ["190", 1]]);
    assert.equal(query<{ n: number }>(db, "SELECT sum(n) AS n FROM timeline_days")[0]!.n, 3);
  } finally {
    cleanup();
  }
});

test("reanalyze keeps origins and a publication date that only the day of analysis gave; its failures are recorded", async () => {
  const { dir, cleanup } = tempDir("dyad-reanalyze-");
  try {
    mkdirSync(join(dir, "news"));
    writeFileSync(join(dir, "news", "undated.txt"), "No date here.\nEVENT 042 USA CHN 2020-06-01\n");
    writeFileSync(join(dir, "news", "dated.jsonl"), JSON.stringify({ id: "j1", text: "Dated.\nEVENT 111 PRK KOR 2020-06-02\nFLAKY", date: "2020-06-03" }) + "\n");
    const db = join(dir, "r.db");
    assert.equal(dyad(["ingest", "news", "--db", db, "--analyzer", STUB, "--jobs", "1", "--quiet"], { cwd: dir }).status, 0);
    const before = query<{ id: string; origin: string; pub_date: string; date_source: string }>(db, "SELECT id, origin, pub_date, date_source FROM documents ORDER BY id");
    assert.equal(before.find((d) => d.date_source === "today")!.pub_date, new Date().toISOString().slice(0, 10));

    // j1 fails this time: its failure is listed, its earlier analysis stays.
    const r = dyad(["reanalyze", "--db", db, "--analyzer", STUB, "--jobs", "1"], { cwd: dir, env: { STUB_ENGINE: "stub-2", STUB_FAIL: "FLAKY" } });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, "dyad reanalyze: news/dated.jsonl:1: the stub analyser was told to fail\n");
    const after = query<{ id: string; origin: string; pub_date: string; engine: string }>(db, "SELECT id, origin, pub_date, engine FROM documents ORDER BY id");
    assert.deepEqual(after.map((d) => [d.id, d.origin, d.pub_date]), before.map((d) => [d.id, d.origin, d.pub_date]));
    assert.deepEqual(after.map((d) => d.engine).sort(), ["stub-1", "stub-2"]);
    const failures = JSON.parse(dyad(["failures", "--format", "json", "--db", db], { cwd: dir }).stdout) as { origin: string; stage: string }[];
    assert.deepEqual(failures.map((f) => [f.origin, f.stage]), [["news/dated.jsonl:1", "reanalyze analyze"]]);
    // Years later: the undated document keeps the day it was first analysed.
    const later = await reanalyze({ db, all: true, jobs: 0, today: "2031-01-01", analyzer: { module: STUB } });
    assert.equal(later.replaced, 2);
    assert.deepEqual(query<{ pub_date: string }>(db, "SELECT pub_date FROM documents ORDER BY id").map((d) => d.pub_date), before.map((d) => d.pub_date));
  } finally {
    cleanup();
  }
});

test("one origin twice in one batch keeps the later document only; standard input replaces nothing", async () => {
  const { openStore, prepareDocument } = await import("../../src/store/index.js");
  const { makeRecord } = await import("../store/helpers.js");
  const store = await openStore(":memory:");
  try {
    const doc = (id: string, origin: string, cameo: string) =>
      prepareDocument(makeRecord({ id, date: "2020-07-01", events: [{ cameo, src: "USA", tgt: "CHN", date: "2020-06-01" }] }), { origin });
    await store.putDocuments([doc("v1", "/news/a.txt", "042"), doc("v2", "/news/a.txt", "111")]);
    assert.deepEqual((await store.documents()).map((d) => d.id), ["v2"]);
    assert.deepEqual((await store.events({})).map((e) => [e.cameo, e.numMentions]), [["111", 1]]);
    assert.equal((await store.timeline({}, "day")).buckets.reduce((n, b) => n + b.events, 0), 1);
    await store.putDocuments([doc("s1", "stdin", "036")]);
    await store.putDocuments([doc("s2", "stdin", "057")]);
    assert.deepEqual((await store.documents()).map((d) => d.id), ["s1", "s2", "v2"]);
  } finally {
    await store.close();
  }
});
