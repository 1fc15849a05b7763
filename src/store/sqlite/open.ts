// Opening an SQLite file as a dyad store: refuse what is not ours or is corrupt
// before SQLite writes anything, and turn SQLite's failures into one-line errors.

import type BetterSqlite3 from "better-sqlite3";
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from "node:fs";
import { lazy } from "../../node/lazy.js";
import { StoreError } from "../errors.js";
import { APPLICATION_ID, STORE_VERSION } from "./schema.js";

export const sqlite: () => typeof BetterSqlite3 = lazy<typeof BetterSqlite3>("better-sqlite3");

type DB = BetterSqlite3.Database;

const SQLITE_MAGIC = "SQLite format 3\u0000";

export function sqliteCode(err: unknown): string {
  return String((err as { code?: string }).code ?? "");
}

/** A one-line StoreError for SQLite's own failures on a file. */
export function storeFailure(path: string, err: unknown): StoreError {
  const code = sqliteCode(err);
  if (code === "SQLITE_CORRUPT" || code === "SQLITE_NOTADB") return new StoreError(`${path}: the database is corrupt (${code})`);
  if (code === "SQLITE_CANTOPEN") return new StoreError(`${path}: cannot open the database`);
  if (code === "SQLITE_READONLY") return new StoreError(`${path}: the database is read-only`);
  if (code === "SQLITE_BUSY") return new StoreError(`${path}: the database is locked by another process`, 1);
  if (code === "SQLITE_FULL") return new StoreError(`${path}: the disk is full`, 1);
  if (err instanceof StoreError) return err;
  return new StoreError(`${path}: ${(err as Error).message?.split("\n")[0] ?? String(err)}`, 1);
}

/** Refuse a file that is not a SQLite database before SQLite touches it (so nothing is written). */
export function checkHeader(path: string): boolean {
  const st = statSync(path);
  if (st.isDirectory()) throw new StoreError(`${path}: is a directory, not a database file`);
  if (st.size === 0) return false;
  const buf = Buffer.alloc(16);
  const fd = openSync(path, "r");
  try {
    readSync(fd, buf, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (buf.toString("latin1") !== SQLITE_MAGIC) throw new StoreError(`${path}: not a dyad database (not an SQLite file)`);
  return true;
}

/**
 * A process killed while it created a database can leave a hot rollback journal,
 * which a read-only connection cannot roll back: let a read-write one do it.
 */
function recoverJournal(path: string): void {
  const db = new (sqlite())(path, { fileMustExist: true });
  try {
    db.prepare("SELECT count(*) FROM sqlite_master").get();
  } finally {
    db.close();
  }
}

/**
 * Check an existing SQLite file is ours (or empty) without writing to it: "new" when it
 * needs the schema, "old" when an older dyad made it (it needs a migration), "ok" otherwise.
 */
export function inspect(path: string, retried = false): "new" | "old" | "ok" {
  let db: DB | null = null;
  // Reading a file in WAL mode makes SQLite create its -wal and -shm files: a file refused is left as it was found.
  const sidecars = [path + "-wal", path + "-shm"].filter((p) => !existsSync(p));
  let refused = false;
  try {
    db = new (sqlite())(path, { readonly: true, fileMustExist: true });
    const appId = db.pragma("application_id", { simple: true }) as number;
    const version = db.pragma("user_version", { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number }).n;
    if (appId !== APPLICATION_ID) {
      if (tables === 0) return "new";
      throw new StoreError(`${path}: not a dyad database (an SQLite file with other tables)`);
    }
    if (version > STORE_VERSION) throw new StoreError(`${path}: made by a newer dyad (store version ${version}; this one reads ${STORE_VERSION})`);
    db.prepare("SELECT count(*) FROM documents WHERE rowid = 1").get();
    return version < STORE_VERSION ? "old" : "ok";
  } catch (err) {
    if (!retried && /^SQLITE_READONLY_(ROLLBACK|RECOVERY)$/.test(sqliteCode(err))) {
      db?.close();
      db = null;
      try {
        recoverJournal(path);
      } catch (e) {
        throw storeFailure(path, e);
      }
      return inspect(path, true);
    }
    refused = true;
    throw storeFailure(path, err);
  } finally {
    db?.close();
    if (refused) for (const p of sidecars) rmSync(p, { force: true });
  }
}

