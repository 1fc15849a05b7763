// A worker thread that dies mid-ingest: the document it was analysing fails, the
// others are stored, and the process exits (no hang).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { tempDir } from "../store/helpers.js";
import { dyad } from "./helpers.js";

const CRASH = fileURLToPath(new URL("./crash-analyzer.js", import.meta.url));

function batch(dir: string, n: number, bad: Record<number, string>): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(JSON.stringify({ id: `d${i}`, text: `Dispatch ${i}.\nEVENT 042 USA CHN 2020-06-0${1 + (i % 9)}${bad[i] ? "\n" + bad[i] : ""}`, date: "2020-06-10" }));
  const path = join(dir, "batch.jsonl");
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

function stored(db: string): string[] {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare("SELECT id FROM documents ORDER BY id").all() as { id: string }[]).map((r) => r.id);
  } finally {
    d.close();
  }
}

for (const [jobs, batched] of [["1", false], ["2", false], ["1", true], ["2", true]] as const) {
  // batched: the analyser takes the documents waiting in batches, so the thread dies with no one document to blame; each is sent again alone
  test(`a worker that exits or throws asynchronously fails its document only (--jobs ${jobs}${batched ? ", in batches" : ""})`, { timeout: 90_000 }, () => {
    const { dir, cleanup } = tempDir("dyad-crash-");
    try {
      batch(dir, 40, { 7: "EXIT", 23: "THROW" });
      const db = join(dir, "c.db");
      const log = join(dir, "batches");
      const r = dyad(["ingest", "batch.jsonl", "--db", db, "--analyzer", CRASH, "--jobs", jobs, "--quiet"], { cwd: dir, timeout: 60_000, env: batched ? { CRASH_BATCH: "1", CRASH_BATCH_LOG: log } : {} });
      // documents did go to the analyser several at a time
      if (batched) assert.ok(readFileSync(log, "utf8").split("\n").some((n) => Number(n) > 1));
      assert.equal(r.signal, null, "the ingest ended by itself");
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(r.stderr.trim().split("\n").sort(), [
        "dyad ingest: batch.jsonl:24: the analyser crashed (an asynchronous failure in the analyser)",
        "dyad ingest: batch.jsonl:8: the analyser crashed (exit 7)",
      ]);
      const ids = stored(db);
      assert.equal(ids.length, 38);
      assert.ok(!ids.includes("d7") && !ids.includes("d23"));
    } finally {
      cleanup();
    }
  });
}

test("two documents that kill the thread in one batch are each blamed alone; the rest are stored", { timeout: 90_000 }, () => {
  const { dir, cleanup } = tempDir("dyad-crash-");
  try {
    batch(dir, 40, { 7: "EXIT", 9: "EXIT", 10: "THROW" });
    const db = join(dir, "c.db");
    const r = dyad(["ingest", "batch.jsonl", "--db", db, "--analyzer", CRASH, "--jobs", "1", "--quiet"], { cwd: dir, timeout: 60_000, env: { CRASH_BATCH: "1" } });
    assert.equal(r.signal, null, "the ingest ended by itself");
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stderr.trim().split("\n").sort(), [
      "dyad ingest: batch.jsonl:10: the analyser crashed (exit 7)",
      "dyad ingest: batch.jsonl:11: the analyser crashed (an asynchronous failure in the analyser)",
      "dyad ingest: batch.jsonl:8: the analyser crashed (exit 7)",
    ]);
    assert.equal(stored(db).length, 37);
  } finally {
    cleanup();
  }
});

test("when the dead worker's replacement cannot start, what waits for it fails and the ingest exits", { timeout: 90_000 }, () => {
  const { dir, cleanup } = tempDir("dyad-crash-");
  try {
    batch(dir, 30, { 5: "EXIT" });
    const db = join(dir, "c.db");
    const r = dyad(["ingest", "batch.jsonl", "--db", db, "--analyzer", CRASH, "--jobs", "1", "--quiet"], { cwd: dir, timeout: 60_000, env: { CRASH_MARK: join(dir, "crashed") } });
    assert.equal(r.signal, null, "the ingest ended by itself");
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stderr.trim().split("\n");
    assert.equal(lines[0], "dyad ingest: batch.jsonl:6: the analyser crashed (exit 7)");
    // The documents that waited for the replacement fail with the reason; then the ingest stops, saying why.
    assert.ok(lines.slice(1).every((l) => /cannot start the analyser: the crash analyser will not start twice/.test(l)), r.stderr);
    assert.equal(lines.at(-1), "dyad ingest: cannot start the analyser: the crash analyser will not start twice");
    assert.ok(stored(db).length >= 5);
  } finally {
    cleanup();
  }
});
