// The store's entry points: open a store by path (SQLite) and the shapes it holds.

import { resolve } from "node:path";
import { StoreError } from "./errors.js";
import { SqliteStore, type SqliteOptions } from "./sqlite/store.js";
import type { EventStore } from "./types.js";

export * from "./types.js";
export { StoreError } from "./errors.js";
export { SqliteStore } from "./sqlite/store.js";
export { prepareDocument, type PreparedDocument, type PreparedMention } from "./prepare.js";
export { mergeKey, mergeGroup, placeKey, eventId, compatiblePlaces } from "./merge.js";

export const DEFAULT_DB = "dyad.db";

/** The database path: an explicit one, else $DYAD_DB, else ./dyad.db. */
export function defaultDbPath(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.DYAD_DB || DEFAULT_DB;
}

export type OpenStoreOptions = SqliteOptions;

/**
 * Open an event store. A path (or ":memory:") opens SQLite; a postgres:// URL is
 * reserved for the PostgreSQL backend.
 */
export async function openStore(target?: string | null, options: OpenStoreOptions = {}): Promise<EventStore & { kind: string }> {
  const where = defaultDbPath(target);
  if (/^postgres(ql)?:\/\//i.test(where)) throw new StoreError("the PostgreSQL store is not available yet; use a file path for SQLite");
  return SqliteStore.open(where === ":memory:" ? where : resolve(where), options);
}
