// Shared bits of the ingest tests: the dyad command, the stub analyser, a canonical dump of a store.

import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const root = fileURLToPath(new URL("../../../", import.meta.url));
export const STUB = fileURLToPath(new URL("./stub-analyzer.js", import.meta.url));

export function dyad(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv; timeout?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [root + "bin/dyad.js", ...args], { cwd: opts.cwd ?? root, input: opts.input ?? "", encoding: "utf8", env: { ...process.env, DYAD_DB: "", ...opts.env }, timeout: opts.timeout, killSignal: "SIGKILL" });
}

export function dyadAsync(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawn(process.execPath, [root + "bin/dyad.js", ...args], { cwd: opts.cwd ?? root, env: { ...process.env, DYAD_DB: "", ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
}

/** Everything a store holds that a rerun must reproduce (no timestamps, no rowids), as one string. */
export function dump(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const q = (sql: string) => db.prepare(sql).all();
    return JSON.stringify({
      documents: q("SELECT id, pub_date, date_inferred, title, source, url, engine, origin, n_events, text, record, input FROM documents ORDER BY id"),
      mentions: q("SELECT d.id AS doc, m.idx, m.id, e.id AS event, m.gkey, m.cameo, m.evidence, m.src_start, m.extra FROM mentions m JOIN documents d ON d.rowid = m.doc JOIN events e ON e.rowid = m.event ORDER BY d.id, m.idx"),
      // Rowids differ between runs, and first_added is a time: compare the report first_mention points at instead.
      events: q(`SELECT e.*, NULL AS rowid, NULL AS first_mention, NULL AS first_added, fd.id AS first_mention_doc, fm.idx AS first_mention_idx
                 FROM events e JOIN mentions fm ON fm.rowid = e.first_mention JOIN documents fd ON fd.rowid = fm.doc ORDER BY e.id`),
      eventSources: q("SELECT s.source, s.d0, s.d1, s.id, e.id AS event, s.precision, s.quad, s.goldstein, s.num_mentions FROM event_sources s JOIN events e ON e.rowid = s.event ORDER BY s.source, s.id"),
      origins: q("SELECT o.origin, d.id AS doc FROM origins o JOIN documents d ON d.rowid = o.doc ORDER BY o.origin"),
      actors: q("SELECT * FROM actor_counts ORDER BY code"),
      actorNames: q("SELECT * FROM actor_names ORDER BY name"),
      failures: q("SELECT origin, stage, reason FROM failures ORDER BY origin"),
      timelineDays: q("SELECT * FROM timeline_days ORDER BY d0, precision, quad"),
      timelineCountries: q("SELECT * FROM timeline_countries ORDER BY country, d0, precision, quad"),
      fts: q("SELECT count(*) AS n FROM mention_fts WHERE mention_fts MATCH 'EVENT'"),
    });
  } finally {
    db.close();
  }
}
