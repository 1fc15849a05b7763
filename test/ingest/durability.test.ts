// Nothing lost, nothing twice: a killed ingest finished by a rerun, and two ingests
// at once on one database, both end with the store an uninterrupted run makes.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import Database from "better-sqlite3";
import { join } from "node:path";
import { tempDir } from "../store/helpers.js";
import { dump, dyad, dyadAsync, STUB } from "./helpers.js";

const ACTORS = ["USA", "CHN", "RUS", "KORGOV", "PRK", "IGOUNO"];
const DATES = ["2020-06-01", "2020-06-02", "2020-06", "2021"];

/**
 * A corpus whose documents report overlapping events, with a few bad lines and
 * documents. Its documents are its own (ids and texts carry the seed): the same
 * document in two sources is stored once, under the least of its origins, whichever
 * got there first.
 */
function corpus(dir: string, docs: number, seed: number): string[] {
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const lines: string[] = [];
  for (let i = 0; i < docs; i++) {
    const events: string[] = [];
    for (let k = 0; k < 1 + rnd(4); k++) {
      const a = ACTORS[rnd(ACTORS.length)]!;
      const b = ACTORS[rnd(ACTORS.length)]!;
      events.push(`EVENT ${["042", "043", "111", "190", "036"][rnd(5)]} ${a} ${rnd(5) ? b : "-"} ${DATES[rnd(DATES.length)]}${rnd(3) ? "" : " " + ["Geneva", "Seoul"][rnd(2)]}`);
    }
    const text = `Dispatch ${i} from the wire.\n${events.join("\n")}\nEnd of dispatch ${i}.`;
    if (i % 97 === 13) lines.push("{not json");
    else if (i % 89 === 7) lines.push(JSON.stringify({ id: `doc-${seed}-${i}`, text: text + "\nCRASH", date: "2020-06-03" }));
    else lines.push(JSON.stringify({ id: i % 3 ? `doc-${seed}-${i}` : undefined, text, date: `2020-06-${String(1 + (i % 28)).padStart(2, "0")}`, source: ["VOA", "CGTN", "KCNA"][i % 3] }));
  }
  const path = join(dir, `batch-${seed}.jsonl`);
  writeFileSync(path, lines.join("\n") + "\n");
  const texts = join(dir, `texts-${seed}`);
  mkdirSync(texts);
  for (let i = 0; i < 5; i++) writeFileSync(join(texts, `story-${i}.txt`), `Story ${i} of batch ${seed}.\nEVENT 042 USA CHN 2020-06-01 Geneva\nEVENT 111 CHN USA 2020-06-0${1 + i}\n`);
  writeFileSync(join(texts, "binary.txt"), Buffer.from([0, 1, 2, 3, 255, 0]));
  return [`batch-${seed}.jsonl`, `texts-${seed}`];
}

const ingestArgs = (db: string, sources: string[]) => ["ingest", ...sources, "--db", db, "--analyzer", STUB, "--jobs", "2", "--quiet"];

test("an ingest killed at random points and rerun ends with the same store as an uninterrupted run", { timeout: 120_000 }, async () => {
  const { dir, cleanup } = tempDir("dyad-kill-");
  try {
    const sources = corpus(dir, 2000, 7);
    const clean = join(dir, "clean.db");
    const first = dyad(ingestArgs(clean, sources), { cwd: dir });
    assert.equal(first.status, 1, first.stderr); // the bad lines and documents fail
    assert.match(first.stderr, /not valid JSON/);
    assert.match(first.stderr, /the stub analyser was told to fail/);
    assert.match(first.stderr, /binary\.txt: binary data/);
    const want = dump(clean);

    const killed = join(dir, "killed.db");
    const count = () => {
      if (!existsSync(killed)) return 0;
      const db = new Database(killed, { timeout: 5000 });
      try {
        return (db.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
      } catch {
        return 0; // not created yet
      } finally {
        db.close();
      }
    };
    const total = (JSON.parse(want) as { documents: unknown[] }).documents.length;
    let partial = 0;
    for (let round = 0; round < 4; round++) {
      const child = dyadAsync(ingestArgs(killed, sources), { cwd: dir });
      let exited = false;
      const done = new Promise<void>((r) => child.once("exit", () => ((exited = true), r())));
      // Kill it once it has stored something more than before, after a random extra moment.
      const before = count();
      while (!exited && count() <= before) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 150)));
      if (!exited) child.kill("SIGKILL");
      await done;
      const n = count();
      if (n > 0 && n < total) partial++;
    }
    assert.ok(partial > 0, "runs were killed mid-way and left a partial store");
    const rerun = dyad(ingestArgs(killed, sources), { cwd: dir });
    assert.equal(rerun.status, 1, rerun.stderr);
    assert.equal(dump(killed), want);
    // And once more: nothing changes.
    dyad(ingestArgs(killed, sources), { cwd: dir });
    assert.equal(dump(killed), want);
  } finally {
    cleanup();
  }
});

test("an ingest into a corrupt database fails with one line and leaves the file byte for byte as it was", { timeout: 60_000 }, () => {
  const { dir, cleanup } = tempDir("dyad-corrupt-");
  try {
    const sources = corpus(dir, 60, 5);
    const db = join(dir, "c.db");
    dyad(ingestArgs(db, sources), { cwd: dir });
    const buf = readFileSync(db);
    for (let i = 4096; i < buf.length; i += 7) buf[i] = (buf[i]! * 31 + 7) & 0xff;
    writeFileSync(db, buf);
    const r = dyad(ingestArgs(db, sources), { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /corrupt|not a dyad database/);
    assert.ok(readFileSync(db).equals(buf), "the file is unchanged");
    assert.ok(!existsSync(db + "-wal"), "no write-ahead log was made");
  } finally {
    cleanup();
  }
});

test("two ingests of overlapping input at once both finish, with no duplicates", { timeout: 120_000 }, async () => {
  const { dir, cleanup } = tempDir("dyad-concurrent-");
  try {
    const a = corpus(dir, 400, 11);
    const b = corpus(dir, 400, 12);
    const c = corpus(dir, 400, 13);
    const together = join(dir, "together.db");
    const run = (sources: string[]) => {
      const child = dyadAsync(ingestArgs(together, sources), { cwd: dir });
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      return new Promise<{ code: number | null; err: string }>((r) => child.once("exit", (code) => r({ code, err })));
    };
    const [r1, r2] = await Promise.all([run([...a, ...b]), run([...c, ...b])]);
    assert.equal(r1.code, 1, r1.err);
    assert.equal(r2.code, 1, r2.err);
    assert.doesNotMatch(r1.err + r2.err, /internal error|locked|UNIQUE/);
    const sequential = join(dir, "sequential.db");
    dyad(ingestArgs(sequential, [...a, ...b, ...c]), { cwd: dir });
    assert.equal(dump(together), dump(sequential));
  } finally {
    cleanup();
  }
});
