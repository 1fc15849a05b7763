// The embedded event store: one SQLite file in WAL mode (better-sqlite3). Each
// document commits atomically with its layers, and the events its reports join
// are recomputed in the same transaction, so a kill at any moment leaves a store
// that a rerun completes, and two writers never duplicate anything.

import type BetterSqlite3 from "better-sqlite3";
import { existsSync, statSync } from "node:fs";
import type { AnalysisRecord, DocumentInput } from "../../record.js";
import { UNDATED, dayRange, dayToIso, isoToDay, isoWeek } from "../dates.js";
import { StoreError } from "../errors.js";
import { mergeGroup, mergeKey, type GroupMember, type MergedEvent } from "../merge.js";
import type { PreparedDocument } from "../prepare.js";
import type {
  ActorCount,
  DocumentSummary,
  EventFilter,
  EventStore,
  FailureRecord,
  PutResult,
  StoreStats,
  StoredDocument,
  StoredEvent,
  StoredMention,
  Timeline,
  TimelineBucket,
  TimelinePeriod,
} from "../types.js";
import { checkHeader, inspect, sqlite, sqliteCode, storeFailure } from "./open.js";
import { compound, ftsQuery, isActorCode, likeContains, limitSql, planOf, type NameMatch, type TextPlan } from "./query.js";
import { EVENT_COLUMNS, EVENT_JOINS, MENTION_COLUMNS, eventRecordOf, toEvent, toMention, type EventRow, type MentionRow } from "./rows.js";
import { APPLICATION_ID, MIGRATE_FROM_1, MIGRATE_FROM_2, SCHEMA, STORE_VERSION } from "./schema.js";

type DB = BetterSqlite3.Database;
type Stmt = BetterSqlite3.Statement;

export interface SqliteOptions {
  /** Open for reading only: never create, never write (an older store is still upgraded once). */
  readonly?: boolean;
  /** Milliseconds to wait for another writer's lock (default 60 s). */
  busyTimeoutMs?: number;
  /** --actor NAME held by more events than this is not resolved to its events first (default NAME_EVENTS_LIMIT; tests set it low). */
  nameEventsLimit?: number;
}

/** A --text search whose terms match more reports or documents than this is checked event by event. */
const TEXT_COLLECT_LIMIT = 5000;

/**
 * An --actor NAME whose names are held by at most this many events is resolved to those
 * events' rowids first (from the name indexes: a few milliseconds); names of more events
 * are matched by the query itself (see NameMatch).
 */
const NAME_EVENTS_LIMIT = 10000;

/**
 * A timeline or actors' count by names held by more than this share of the events' names
 * (source and target counted apart) reads the events in one pass rather than each from the
 * indexes.
 */
const NAME_SCAN_SHARE = 0.2;

/** The columns of an event row that merging computes, and how a merged event gives each. */
const EVENT_FIELDS: [column: string, get: (e: MergedEvent) => unknown][] = [
  ["cameo", (e) => e.cameo],
  ["root", (e) => e.root],
  ["plover", (e) => e.plover],
  ["mode", (e) => e.mode],
  ["quad", (e) => e.quad],
  ["goldstein", (e) => e.goldstein],
  ["src_code", (e) => e.srcCode],
  ["src_country", (e) => e.srcCountry],
  ["src_name", (e) => e.srcName],
  ["tgt_code", (e) => e.tgtCode],
  ["tgt_country", (e) => e.tgtCountry],
  ["tgt_name", (e) => e.tgtName],
  ["date", (e) => e.date],
  ["precision", (e) => e.precision],
  ["d0", (e) => e.d0],
  ["d1", (e) => e.d1],
  ["modality", (e) => e.modality],
  ["loc_name", (e) => e.locName],
  ["loc_country", (e) => e.locCountry],
  ["lat", (e) => e.lat],
  ["lon", (e) => e.lon],
  ["num_mentions", (e) => e.numMentions],
  ["num_sources", (e) => e.numSources],
  ["num_articles", (e) => e.numArticles],
  ["is_root", (e) => e.isRoot],
  ["first_doc", (e) => e.firstDoc],
  ["first_mention", (e) => e.firstMember],
  ["first_added", (e) => e.firstAdded],
  ["first_seen", (e) => e.firstSeen],
  ["last_seen", (e) => e.lastSeen],
];
const EVENT_FIELD_NAMES = EVENT_FIELDS.map(([c]) => c);

/** What the rollups count of an event. */
interface Rolled {
  d0: number;
  d1: number;
  precision: string | null;
  quad: number;
  goldstein: number;
  num_mentions: number;
  src_country: string | null;
  tgt_country: string | null;
  src_code: string | null;
  src_name: string | null;
  tgt_code: string | null;
  tgt_name: string | null;
}

type OldEvent = Rolled & Record<string, unknown> & { rowid: number; id: string };

const rolledOf = (e: MergedEvent): Rolled => ({
  d0: e.d0,
  d1: e.d1,
  precision: e.precision,
  quad: e.quad,
  goldstein: e.goldstein,
  num_mentions: e.numMentions,
  src_country: e.srcCountry,
  tgt_country: e.tgtCountry,
  src_code: e.srcCode,
  src_name: e.srcName,
  tgt_code: e.tgtCode,
  tgt_name: e.tgtName,
});

interface DayDelta {
  key: unknown[];
  d1: number;
  n: number;
  g: number;
  m: number;
}

interface ActorDelta {
  name: string | null;
  country: string | null;
  s: number;
  t: number;
  m: number;
}

/** The least of two origins (a document keeps the least of the origins that give it). */
const originOf = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

const maxOf = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

export class SqliteStore implements EventStore {
  readonly kind = "sqlite";
  private readonly db: DB;
  private readonly stmts = new Map<string, Stmt>();
  private closed = false;
  /** Rollup changes of the current write transaction, applied once at its end. */
  private days = new Map<string, DayDelta>();
  private countries = new Map<string, DayDelta>();
  private actorDeltas = new Map<string, ActorDelta>();
  /** Events gained (lost) per actor name, as source and as target. */
  private nameDeltas = new Map<string, { s: number; t: number }>();
  /** Reports stored in the current write transaction, by merge group: a new group needs no query for its members. */
  private fresh = new Map<string, (GroupMember & { event: number })[]>();

  private constructor(
    readonly path: string,
    db: DB,
    readonly readonly: boolean,
    private readonly nameEventsLimit = NAME_EVENTS_LIMIT,
  ) {
    this.db = db;
  }

  /** Open (or create) a store file. A file that is not ours or is corrupt is refused before anything is written. */
  static open(path: string, options: SqliteOptions = {}): SqliteStore {
    const memory = path === ":memory:";
    const exists = !memory && existsSync(path);
    if (!memory && !exists && options.readonly) throw new StoreError(`${path}: no such database (run \`dyad ingest\` first, or give --db)`);
    let state: "new" | "old" | "ok" = "new";
    if (exists && checkHeader(path)) state = inspect(path);
    if (state === "new" && options.readonly) throw new StoreError(`${path}: an empty database (run \`dyad ingest\` first)`);
    if (state === "old" && options.readonly) {
      // An older dyad's store is upgraded once, whatever command opens it first.
      SqliteStore.open(path, { busyTimeoutMs: options.busyTimeoutMs }).closeSync();
    }
    let db: DB;
    // Switching a new file to WAL can fail at once with SQLITE_BUSY, busy timeout or not, while
    // another process makes the same file: try again for a while.
    const timeout = options.busyTimeoutMs ?? 60000;
    for (let waited = 0; ; ) {
      try {
        db = new (sqlite())(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
      } catch (err) {
        throw storeFailure(path, err);
      }
      try {
        db.pragma(`busy_timeout = ${timeout}`);
        if (!options.readonly) {
          if (!memory) db.pragma("journal_mode = WAL");
          db.pragma("synchronous = NORMAL");
        }
        db.pragma("cache_size = -65536");
        db.pragma("temp_store = MEMORY");
        break;
      } catch (err) {
        db.close();
        if ((err as { code?: string }).code !== "SQLITE_BUSY" || waited >= timeout) throw storeFailure(path, err);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        waited += 50;
      }
    }
    const store = new SqliteStore(path, db, options.readonly ?? false, options.nameEventsLimit);
    if (state === "new" || (state === "old" && !options.readonly)) store.guard(() => store.setUp());
    return store;
  }

  /** Make the tables of a new store, or upgrade an older dyad's (two processes may try at once: the first to take the lock does it). */
  private setUp(): void {
    this.db
      .transaction(() => {
        const appId = this.db.pragma("application_id", { simple: true }) as number;
        const version = this.db.pragma("user_version", { simple: true }) as number;
        if (appId === APPLICATION_ID && version >= STORE_VERSION) return;
        if (appId !== APPLICATION_ID) {
          this.db.exec(SCHEMA);
          this.db.pragma(`application_id = ${APPLICATION_ID}`);
          this.db.prepare("INSERT INTO meta (key, value) VALUES ('created_at', ?)").run(new Date().toISOString());
        } else this.migrate(version);
        this.db.pragma(`user_version = ${STORE_VERSION}`);
      })
      .immediate();
  }

  /** Rebuild what an older store version derived differently; its documents and reports stay. */
  private migrate(from: number): void {
    if (from === 2) {
      this.db.exec(MIGRATE_FROM_2);
      return;
    }
    if (from !== 1) throw new StoreError(`${this.path}: cannot upgrade a store of version ${from}`);
    this.db.exec(MIGRATE_FROM_1);
    // Merge keys and day numbers as this version computes them, then every group merged again.
    type Row = { rowid: number; doc: string; cameo: string; src_code: string | null; tgt_code: string | null; date: string | null; precision: string | null; modality: string };
    const rows = this.db.prepare("SELECT m.rowid, d.id AS doc, m.cameo, m.src_code, m.tgt_code, m.date, m.precision, m.modality FROM mentions m JOIN documents d ON d.rowid = m.doc").all() as Row[];
    const upd = this.db.prepare("UPDATE mentions SET gkey = ?, d0 = ?, d1 = ? WHERE rowid = ?");
    const gkeys = new Set<string>();
    for (const r of rows) {
      const e = { cameo: r.cameo, date: r.date, datePrecision: r.precision as "day" | "month" | "year" | null, modality: r.modality as "asserted", source: r.src_code ? { code: r.src_code } : null, target: r.tgt_code ? { code: r.tgt_code } : null };
      const gkey = mergeKey(e, r.doc);
      const range = dayRange(r.date, e.datePrecision);
      upd.run(gkey, range.d0, range.d1, r.rowid);
      gkeys.add(gkey);
    }
    for (const g of [...gkeys].sort()) this.regroup(g, false);
    this.flushRollups();
  }

  private stmt(sql: string): Stmt {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private guard<T>(fn: () => T): T {
    if (this.closed) throw new StoreError("the store is closed", 1);
    try {
      return fn();
    } catch (err) {
      if (err instanceof StoreError) throw err;
      const msg = String((err as Error).message ?? "");
      if (sqliteCode(err) === "SQLITE_ERROR" && /fts5|MATCH/i.test(msg)) throw new StoreError(`--text: not a search the full-text index understands (${msg})`);
      throw storeFailure(this.path, err);
    }
  }

  private write<T>(fn: () => T): T {
    if (this.readonly) throw new StoreError(`${this.path}: opened read-only`, 1);
    return this.guard(() =>
      this.db
        .transaction(() => {
          try {
            const r = fn();
            this.flushRollups();
            return r;
          } finally {
            this.days.clear();
            this.countries.clear();
            this.actorDeltas.clear();
            this.nameDeltas.clear();
            this.fresh.clear();
          }
        })
        .immediate(),
    );
  }

  async hasDocument(id: string, origin?: string | null): Promise<boolean> {
    return this.guard(() => {
      const row = this.stmt("SELECT rowid FROM documents WHERE id = ?").get(id) as { rowid: number } | undefined;
      if (!row) return false;
      if (origin && !this.readonly) {
        const at = this.stmt("SELECT doc FROM origins WHERE origin = ?").get(origin) as { doc: number } | undefined;
        if (at?.doc !== row.rowid) {
          this.write(() => {
            // Look again under the write lock: another process may have changed it.
            const now = this.stmt("SELECT rowid FROM documents WHERE id = ?").get(id) as { rowid: number } | undefined;
            const touched = new Set<string>();
            if (now) this.noteOrigin(origin, now.rowid, touched);
            for (const gkey of [...touched].sort()) this.regroup(gkey);
          });
        }
      }
      return true;
    });
  }

  /**
   * An origin gave a document. The document keeps the least of its origins (so that the
   * store does not depend on which came first); a document the origin gave before and no
   * other origin still gives is replaced by this one (an edited file, a changed page).
   */
  private noteOrigin(origin: string, docRow: number, touched: Set<string>): void {
    // Standard input is no place: what came through it last time says nothing of this time.
    if (/^stdin(?:$|[:#])/.test(origin)) return;
    const before = this.stmt("SELECT doc FROM origins WHERE origin = ?").get(origin) as { doc: number } | undefined;
    if (before?.doc === docRow) return;
    this.stmt("INSERT INTO origins (origin, doc) VALUES (?, ?) ON CONFLICT (origin) DO UPDATE SET doc = excluded.doc").run(origin, docRow);
    // (A document's row is large: it is rewritten only when its least origin changes.)
    const current = this.stmt("SELECT origin FROM documents WHERE rowid = ?").get(docRow) as { origin: string | null };
    if (current.origin === null || current.origin > origin) this.stmt("UPDATE documents SET origin = ? WHERE rowid = ?").run(origin, docRow);
    if (before) {
      const rest = this.stmt("SELECT min(origin) AS origin FROM origins WHERE doc = ?").get(before.doc) as { origin: string | null };
      if (rest.origin === null) this.removeDocument(before.doc, touched);
      else this.stmt("UPDATE documents SET origin = ? WHERE rowid = ?").run(rest.origin, before.doc);
    }
  }

  async hasSource(key: string): Promise<boolean> {
    return this.guard(() => this.stmt("SELECT 1 FROM sources WHERE key = ?").get(key) !== undefined);
  }

  async putDocuments(docs: PreparedDocument[], options: { replace?: boolean } = {}): Promise<PutResult> {
    const result: PutResult = { added: 0, replaced: 0, skipped: 0, mentions: 0 };
    this.write(() => {
      const now = new Date().toISOString();
      const touched = new Set<string>();
      for (const doc of docs) this.putOne(doc, options.replace ?? false, now, touched, result);
      for (const gkey of [...touched].sort()) this.regroup(gkey);
    });
    return result;
  }

  private putOne(doc: PreparedDocument, replace: boolean, now: string, touched: Set<string>, result: PutResult): void {
    const existing = this.stmt("SELECT rowid, origin FROM documents WHERE id = ?").get(doc.id) as { rowid: number; origin: string | null } | undefined;
    if (existing && !replace) {
      result.skipped++;
      if (doc.origin) this.noteOrigin(doc.origin, existing.rowid, touched);
      this.noteSource(doc);
      return;
    }
    if (existing) {
      this.removeDocument(existing.rowid, touched, true);
      result.replaced++;
    } else result.added++;
    const info = this.stmt(
      `INSERT INTO documents (id, pub_date, date_inferred, date_source, title, source, url, engine, schema_version, origin, ingested_at, n_events, text, record, input)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(doc.id, doc.date, doc.dateInferred ? 1 : 0, doc.dateSource, doc.title, doc.source, doc.url, doc.engine, doc.schemaVersion, originOf(existing?.origin ?? null, doc.origin), now, doc.mentions.length, doc.text, doc.recordJson, doc.inputJson);
    const docRow = Number(info.lastInsertRowid);
    // A replaced document keeps its origins.
    if (existing) this.stmt("UPDATE origins SET doc = ? WHERE doc = ?").run(docRow, existing.rowid);
    this.stmt("INSERT INTO doc_fts (rowid, title, text) VALUES (?, ?, ?)").run(docRow, doc.title ?? "", doc.text);
    const insMention = this.stmt(
      `INSERT INTO mentions (doc, idx, id, event, gkey, cameo, plover, mode, quad, goldstein, src_code, src_country, src_name, src_start, src_end,
        tgt_code, tgt_country, tgt_name, tgt_start, tgt_end, date, precision, d0, d1, modality, place, loc_name, loc_country, lat, lon,
        ev_start, ev_end, evidence, sentence, is_root, extra)
       VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insFts = this.stmt("INSERT INTO mention_fts (rowid, evidence) VALUES (?, ?)");
    for (const m of doc.mentions) {
      const r = insMention.run(
        docRow, m.idx, m.id, m.gkey, m.cameo, m.plover, m.mode, m.quad, m.goldstein, m.srcCode, m.srcCountry, m.srcName, m.srcStart, m.srcEnd,
        m.tgtCode, m.tgtCountry, m.tgtName, m.tgtStart, m.tgtEnd, m.date, m.precision, m.d0, m.d1, m.modality, m.place, m.locName, m.locCountry, m.lat, m.lon,
        m.evStart, m.evEnd, m.evidence, m.sentence, m.isRoot, m.extra,
      );
      const rowid = Number(r.lastInsertRowid);
      insFts.run(rowid, m.evidence);
      touched.add(m.gkey);
      let group = this.fresh.get(m.gkey);
      if (!group) this.fresh.set(m.gkey, (group = []));
      group.push({ ...m, rowid, docId: doc.id, docDate: doc.date, docSource: doc.source, docAdded: now, event: 0 });
      result.mentions++;
    }
    if (doc.origin) this.noteOrigin(doc.origin, docRow, touched);
    this.noteSource(doc);
  }

  private noteSource(doc: PreparedDocument): void {
    if (doc.sourceKey) this.stmt("INSERT OR REPLACE INTO sources (key, doc_id) VALUES (?, ?)").run(doc.sourceKey, doc.id);
    if (doc.origin) this.stmt("DELETE FROM failures WHERE origin = ?").run(doc.origin);
  }

  /** Take a document out with its reports (their groups are merged again); a replaced one keeps its origins. */
  private removeDocument(docRow: number, touched: Set<string>, replacing = false): void {
    const rows = this.stmt("SELECT rowid, gkey FROM mentions WHERE doc = ?").all(docRow) as { rowid: number; gkey: string }[];
    const delFts = this.stmt("DELETE FROM mention_fts WHERE rowid = ?");
    for (const r of rows) {
      delFts.run(r.rowid);
      touched.add(r.gkey);
      // A document stored earlier in this transaction: its reports leave the new groups too.
      const fresh = this.fresh.get(r.gkey);
      if (fresh) this.fresh.set(r.gkey, fresh.filter((m) => m.rowid !== r.rowid));
    }
    this.stmt("DELETE FROM mentions WHERE doc = ?").run(docRow);
    this.stmt("DELETE FROM doc_fts WHERE rowid = ?").run(docRow);
    if (!replacing) {
      this.stmt("DELETE FROM origins WHERE doc = ?").run(docRow);
      this.stmt("DELETE FROM sources WHERE doc_id = (SELECT id FROM documents WHERE rowid = ?)").run(docRow);
    }
    this.stmt("DELETE FROM documents WHERE rowid = ?").run(docRow);
  }

  /**
   * Merge one group's reports again and bring its events up to date: an event whose id
   * stays is updated in place (only the columns that changed, so only the indexes of
   * those); the rollups take the differences.
   */
  private regroup(gkey: string, fresh = true): void {
    const olds = this.stmt(`SELECT rowid, id, ${EVENT_FIELD_NAMES.join(", ")} FROM events WHERE gkey = ?`).all(gkey) as OldEvent[];
    // A group without events is new in this transaction: its reports are the ones just stored.
    const members = olds.length === 0 && fresh ? (this.fresh.get(gkey) ?? []) : this.members(gkey);
    const byRowid = new Map(members.map((m) => [m.rowid, m]));
    const merged = mergeGroup(gkey, members);
    const oldById = new Map(olds.map((o) => [o.id, o]));
    this.update(gkey, members, byRowid, merged, oldById);
  }

  /** A group's reports, with only what merging reads: a group of a much-reported event can have hundreds. */
  private members(gkey: string): (GroupMember & { event: number })[] {
    return this.stmt(
      `SELECT m.rowid AS rowid, d.id AS docId, d.pub_date AS docDate, d.source AS docSource, d.ingested_at AS docAdded, m.idx AS idx, m.cameo AS cameo,
        m.plover AS plover, m.mode AS mode, m.quad AS quad, m.goldstein AS goldstein, m.src_code AS srcCode,
        m.src_country AS srcCountry, m.src_name AS srcName, m.tgt_code AS tgtCode, m.tgt_country AS tgtCountry,
        m.tgt_name AS tgtName, m.date AS date, m.precision AS precision, m.d0 AS d0, m.d1 AS d1, m.modality AS modality,
        m.place AS place, m.loc_name AS locName, m.loc_country AS locCountry, m.lat AS lat, m.lon AS lon,
        m.is_root AS isRoot, m.event AS event
       FROM mentions m JOIN documents d ON d.rowid = m.doc WHERE m.gkey = ?`,
    ).all(gkey) as (GroupMember & { event: number })[];
  }

  /** Bring a group's events in line with its merge: update, insert, delete; the rollups take the differences. */
  private update(gkey: string, members: (GroupMember & { event: number })[], byRowid: Map<number, GroupMember & { event: number }>, merged: MergedEvent[], oldById: Map<string, OldEvent>): void {
    const setEvent = this.stmt("UPDATE mentions SET event = ? WHERE rowid = ?");
    for (const e of merged) {
      const old = oldById.get(e.id);
      let rowid: number;
      if (old) {
        oldById.delete(e.id);
        rowid = old.rowid;
        const changed = EVENT_FIELDS.filter(([c, get]) => old[c] !== get(e));
        if (changed.length) {
          this.stmt(`UPDATE events SET ${changed.map(([c]) => `${c} = ?`).join(", ")} WHERE rowid = ?`).run(...changed.map(([, get]) => get(e)), rowid);
          this.roll(old, -1);
          this.roll(rolledOf(e), 1);
        }
      } else {
        rowid = Number(
          this.stmt(`INSERT INTO events (id, gkey, ${EVENT_FIELD_NAMES.join(", ")}) VALUES (?, ?, ${EVENT_FIELD_NAMES.map(() => "?").join(", ")})`).run(
            e.id,
            gkey,
            ...EVENT_FIELDS.map(([, get]) => get(e)),
          ).lastInsertRowid,
        );
        this.roll(rolledOf(e), 1);
      }
      // Publishers: added for the new reports; recounted when reports left the event. Their rows
      // carry the event's timeline columns, kept up to date with it.
      const had = old ? members.filter((m) => m.event === rowid) : [];
      const kept = had.every((m) => e.members.includes(m.rowid));
      const known = new Set(kept ? had.map((m) => m.docSource?.toLowerCase()) : []);
      if (!kept) this.stmt("DELETE FROM event_sources WHERE event = ?").run(rowid);
      else if (old && (old.precision !== e.precision || old.quad !== e.quad || old.goldstein !== e.goldstein || old.num_mentions !== e.numMentions)) {
        this.stmt("UPDATE event_sources SET precision = ?, quad = ?, goldstein = ?, num_mentions = ? WHERE event = ?").run(e.precision, e.quad, e.goldstein, e.numMentions, rowid);
      }
      const addSource = this.stmt("INSERT OR IGNORE INTO event_sources (source, d0, d1, id, event, precision, quad, goldstein, num_mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      for (const r of e.members) {
        const m = byRowid.get(r)!;
        const src = m.docSource?.toLowerCase();
        if (m.docSource && !known.has(src)) {
          known.add(src);
          addSource.run(m.docSource, e.d0, e.d1, e.id, rowid, e.precision, e.quad, e.goldstein, e.numMentions);
        }
        if (m.event !== rowid) setEvent.run(rowid, r);
      }
    }
    // Events no report holds any more.
    for (const old of oldById.values()) {
      this.roll(old, -1);
      this.stmt("DELETE FROM event_sources WHERE event = ?").run(old.rowid);
      this.stmt("DELETE FROM events WHERE rowid = ?").run(old.rowid);
    }
  }

  /** Count an event in (or out of) the rollups: the day's, its countries' and its actors'. */
  private roll(e: Rolled, sign: 1 | -1): void {
    const precision = e.precision ?? "";
    const g = sign * Math.round(e.goldstein * 10);
    const m = sign * e.num_mentions;
    const add = (map: Map<string, DayDelta>, key: unknown[]) => {
      const k = key.join("|");
      const d = map.get(k);
      if (d) {
        d.n += sign;
        d.g += g;
        d.m += m;
      } else map.set(k, { key, d1: e.d1, n: sign, g, m });
    };
    add(this.days, [e.d0, precision, e.quad]);
    const countries = new Set([e.src_country, e.tgt_country]);
    for (const c of countries) if (c) add(this.countries, [c, e.d0, precision, e.quad]);
    const actor = (code: string | null, name: string | null, country: string | null, side: "s" | "t") => {
      if (!code) return;
      let a = this.actorDeltas.get(code);
      if (!a) this.actorDeltas.set(code, (a = { name: null, country: null, s: 0, t: 0, m: 0 }));
      a[side] += sign;
      a.m += m;
      if (sign > 0) {
        a.name = maxOf(a.name, name);
        a.country = maxOf(a.country, country);
      }
    };
    actor(e.src_code, e.src_name, e.src_country, "s");
    actor(e.tgt_code, e.tgt_name, e.tgt_country, "t");
    const name = (n: string | null, side: "s" | "t") => {
      if (n === null) return;
      let d = this.nameDeltas.get(n);
      if (!d) this.nameDeltas.set(n, (d = { s: 0, t: 0 }));
      d[side] += sign;
    };
    name(e.src_name, "s");
    name(e.tgt_name, "t");
  }

  /** Apply the rollup changes of a transaction: one statement per day, country and actor touched. */
  private flushRollups(): void {
    for (const d of this.days.values()) {
      if (d.n === 0 && d.g === 0 && d.m === 0) continue;
      this.stmt(
        `INSERT INTO timeline_days (d0, precision, quad, d1, n, g, m) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (d0, precision, quad) DO UPDATE SET n = n + excluded.n, g = g + excluded.g, m = m + excluded.m`,
      ).run(...d.key, d.d1, d.n, d.g, d.m);
      // A day that lost its last event goes, so that the rollups are the same whatever the order of work.
      if (d.n < 0) this.stmt("DELETE FROM timeline_days WHERE d0 = ? AND precision = ? AND quad = ? AND n <= 0").run(...d.key);
    }
    for (const d of this.countries.values()) {
      if (d.n === 0 && d.g === 0 && d.m === 0) continue;
      this.stmt(
        `INSERT INTO timeline_countries (country, d0, precision, quad, d1, n, g, m) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (country, d0, precision, quad) DO UPDATE SET n = n + excluded.n, g = g + excluded.g, m = m + excluded.m`,
      ).run(...d.key, d.d1, d.n, d.g, d.m);
      if (d.n < 0) this.stmt("DELETE FROM timeline_countries WHERE country = ? AND d0 = ? AND precision = ? AND quad = ? AND n <= 0").run(...d.key);
    }
    for (const [code, a] of this.actorDeltas) {
      if (a.s === 0 && a.t === 0 && a.m === 0 && a.name === null && a.country === null) continue;
      this.stmt(
        `INSERT INTO actor_counts (code, name, country, as_source, as_target, mentions) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET as_source = as_source + excluded.as_source, as_target = as_target + excluded.as_target, mentions = mentions + excluded.mentions,
           name = CASE WHEN name IS NULL OR excluded.name > name THEN excluded.name ELSE name END,
           country = CASE WHEN country IS NULL OR excluded.country > country THEN excluded.country ELSE country END`,
      ).run(code, a.name, a.country, a.s, a.t, a.m);
      if (a.s < 0 || a.t < 0) this.stmt("DELETE FROM actor_counts WHERE code = ? AND as_source <= 0 AND as_target <= 0").run(code);
    }
    for (const [name, d] of this.nameDeltas) {
      if (d.s === 0 && d.t === 0) continue;
      this.stmt(
        `INSERT INTO actor_names (name, as_source, as_target) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET as_source = as_source + excluded.as_source, as_target = as_target + excluded.as_target`,
      ).run(name, d.s, d.t);
      if (d.s < 0 || d.t < 0) this.stmt("DELETE FROM actor_names WHERE name = ? AND as_source <= 0 AND as_target <= 0").run(name);
    }
    this.days.clear();
    this.countries.clear();
    this.actorDeltas.clear();
    this.nameDeltas.clear();
  }

  async recordFailure(f: FailureRecord): Promise<void> {
    if (this.readonly) return;
    this.guard(() =>
      this.db
        .transaction(() => {
          // A document already stored from this origin (another process got it) outranks a failure.
          if (f.docId && this.stmt("SELECT 1 FROM documents WHERE id = ?").get(f.docId)) return;
          this.stmt("INSERT OR REPLACE INTO failures (origin, stage, reason, doc_id, at) VALUES (?, ?, ?, ?, ?)").run(
            f.origin,
            f.stage,
            f.reason,
            f.docId ?? null,
            f.at ?? new Date().toISOString(),
          );
        })
        .immediate(),
    );
  }

  async failures(options: { limit?: number } = {}): Promise<FailureRecord[]> {
    return this.guard(() => this.stmt("SELECT origin, stage, reason, doc_id AS docId, at FROM failures ORDER BY at, origin LIMIT ?").all(options.limit && options.limit > 0 ? options.limit : -1) as FailureRecord[]);
  }

  async clearFailures(): Promise<number> {
    return this.guard(() => this.stmt("DELETE FROM failures").run().changes);
  }

  /**
   * How to run a --text search: the events of a rare search are collected; a common
   * one (more matches than TEXT_COLLECT_LIMIT) is checked event by event when a page
   * is wanted, and collected whole for counts.
   */
  private textPlan(text: string | undefined, page: boolean): TextPlan | undefined {
    if (!text) return undefined;
    const query = ftsQuery(text);
    const probe = (table: string) => (this.stmt(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ?`).all(query, TEXT_COLLECT_LIMIT + 1) as { rowid: number }[]).map((r) => r.rowid);
    const mentions = probe("mention_fts");
    const docs = mentions.length > TEXT_COLLECT_LIMIT ? [] : probe("doc_fts");
    if (mentions.length > TEXT_COLLECT_LIMIT || docs.length > TEXT_COLLECT_LIMIT) return page ? { kind: "check", query } : { kind: "collect", query };
    const events = new Set<number>();
    const ofMention = this.stmt("SELECT event FROM mentions WHERE rowid = ?").pluck();
    for (const r of mentions) events.add(ofMention.get(r) as number);
    const ofDoc = this.stmt("SELECT event FROM mentions WHERE doc = ?").pluck();
    for (const d of docs) for (const e of ofDoc.all(d) as number[]) events.add(e);
    return { kind: "events", rowids: [...events] };
  }

  /**
   * What each --actor NAME matches, from the names table (a few thousand names, where the
   * events are a million): the events themselves when they are few; otherwise the names,
   * checked on each event for a listing (`page`), or for the event rows (`rows`) of a
   * large share of the events; a `count` reads the name indexes alone.
   */
  private namePlan(filter: EventFilter, use: "page" | "count" | "rows"): Map<string, NameMatch> | undefined {
    const values = (filter.actor ?? []).map((a) => a.trim()).filter((v) => !isActorCode(v));
    if (!values.length) return undefined;
    type Row = { name: string; as_source: number; as_target: number };
    const lookup = this.stmt("SELECT name, as_source, as_target FROM actor_names WHERE name LIKE ? ESCAPE '\\'");
    const plan = new Map<string, NameMatch>();
    for (const v of values) {
      const rows = lookup.all(likeContains(v)) as Row[];
      const src = rows.filter((r) => r.as_source > 0).map((r) => r.name);
      const tgt = rows.filter((r) => r.as_target > 0).map((r) => r.name);
      const events = rows.reduce((n, r) => n + r.as_source + r.as_target, 0);
      if (events <= this.nameEventsLimit) {
        const rowids = this.stmt(
          `SELECT rowid FROM events WHERE src_name IN (SELECT value FROM json_each(?))
           UNION SELECT rowid FROM events WHERE tgt_name IN (SELECT value FROM json_each(?))`,
        ).pluck();
        plan.set(v, { kind: "events", rowids: rowids.all(JSON.stringify(src), JSON.stringify(tgt)) as number[] });
      } else {
        const share = () => events / ((this.stmt("SELECT sum(as_source + as_target) AS n FROM actor_names").get() as { n: number | null }).n || 1);
        plan.set(v, { kind: use === "page" || (use === "rows" && share() > NAME_SCAN_SHARE) ? "check" : "index", src, tgt });
      }
    }
    return plan;
  }

  /** The page of a listing: the events' rowids in (d0, d1, id) order, fetched whole only for the page. */
  private listSql(filter: EventFilter, text: TextPlan | undefined, names: Map<string, NameMatch> | undefined, dated: boolean | undefined, limit: number | undefined, offset: number | undefined): { sql: string; params: unknown[] } {
    const dir = filter.desc ? "DESC" : "ASC";
    const plan = planOf(filter, { text, names, dated });
    const k = plan.key;
    const rid = k === "s" ? "s.event" : "e.rowid";
    const params: unknown[] = [];
    let page: string;
    if (plan.branches.length === 1) {
      const b = plan.branches[0]!;
      params.push(...b.params);
      page = `SELECT ${k}.d0 AS d0, ${k}.d1 AS d1, ${k}.id AS id, ${rid} AS rid FROM ${plan.lean} ${b.where} ORDER BY ${k}.d0 ${dir}, ${k}.d1 ${dir}, ${k}.id ${dir}`;
    } else {
      const u = compound(plan, (from, where) => `SELECT ${k}.d0 AS d0, ${k}.d1 AS d1, ${k}.id AS id, ${rid} AS rid FROM ${from} ${where}`, "UNION", true);
      params.push(...u.params);
      page = `${u.sql} ORDER BY 1 ${dir}, 2 ${dir}, 3 ${dir}`;
    }
    page += limitSql(limit, offset, params);
    return {
      sql: `SELECT ${EVENT_COLUMNS} FROM (${page}) AS p JOIN events e ON e.rowid = p.rid ${EVENT_JOINS} ORDER BY p.d0 ${dir}, p.d1 ${dir}, p.id ${dir}`,
      params,
    };
  }

  private eventsSync(filter: EventFilter): EventRow[] {
    const text = this.textPlan(filter.text, true);
    const names = this.namePlan(filter, "page");
    const limit = filter.limit && filter.limit > 0 ? filter.limit : undefined;
    const offset = filter.offset ?? 0;
    const run = (dated: boolean | undefined, lim: number | undefined, off: number) => {
      const { sql, params } = this.listSql(filter, text, names, dated, lim, off);
      return this.stmt(sql).all(...params) as EventRow[];
    };
    if (!filter.desc) return run(undefined, limit, offset);
    // Newest first, and the undated after the dated (their day number sorts after every date).
    const rows = run(true, limit, offset);
    if (limit !== undefined && rows.length >= limit) return rows;
    const skipped = rows.length > 0 || offset === 0 ? offset + rows.length : this.countSync({ ...filter, desc: undefined }, true);
    const rest = run(false, limit === undefined ? undefined : limit - rows.length, Math.max(0, offset - skipped));
    return rows.concat(rest);
  }

  async events(filter: EventFilter = {}, options: { withMentions?: boolean } = {}): Promise<StoredEvent[]> {
    return this.guard(() => {
      const rows = this.eventsSync(filter).map(toEvent);
      if (options.withMentions) for (const e of rows) e.mentions = this.mentionsSync(e.id);
      return rows;
    });
  }

  async *iterateEvents(filter: EventFilter = {}, options: { withMentions?: boolean } = {}): AsyncIterable<StoredEvent> {
    const text = this.guard(() => this.textPlan(filter.text, true));
    const names = this.guard(() => this.namePlan(filter, "page"));
    const limit = filter.limit && filter.limit > 0 ? filter.limit : undefined;
    let left = limit;
    const parts: (boolean | undefined)[] = filter.desc ? [true, false] : [undefined];
    let offset = filter.offset ?? 0;
    for (const dated of parts) {
      if (left !== undefined && left <= 0) return;
      const { sql, params } = this.guard(() => this.listSql(filter, text, names, dated, left, offset));
      // A separate statement: an iterating statement is busy until it ends.
      const it = this.guard(() => this.db.prepare(sql).iterate(...params)) as IterableIterator<EventRow>;
      let batch: StoredEvent[] = [];
      let n = 0;
      try {
        for (;;) {
          const next = this.guard(() => it.next());
          if (next.done) break;
          n++;
          const e = toEvent(next.value);
          if (options.withMentions) e.mentions = this.guard(() => this.mentionsSync(e.id));
          batch.push(e);
          if (batch.length >= 512) {
            yield* batch;
            batch = [];
          }
        }
        yield* batch;
      } finally {
        it.return?.();
      }
      if (left !== undefined) left -= n;
      if (dated && offset > 0) offset = n > 0 ? 0 : Math.max(0, offset - this.guard(() => this.countSync({ ...filter, desc: undefined }, true)));
    }
  }

  /** Matching events (dated ones only, when asked), counted over disjoint branches; at most `cap` when given. */
  private countSync(filter: EventFilter, dated?: boolean, cap?: number): number {
    const plan = planOf({ ...filter, limit: undefined, offset: undefined }, { disjoint: true, text: this.textPlan(filter.text, cap !== undefined), names: this.namePlan(filter, "count"), dated });
    const { sql, params } = compound(plan, (from, where) => `SELECT 1 FROM ${from} ${where}`, "UNION ALL", true);
    if (cap !== undefined) return (this.stmt(`SELECT count(*) AS n FROM (${sql} LIMIT ?)`).get(...params, cap) as { n: number }).n;
    return (this.stmt(`SELECT count(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
  }

  async countEvents(filter: EventFilter = {}, options: { upTo?: number } = {}): Promise<number> {
    return this.guard(() => this.countSync(filter, undefined, options.upTo));
  }

  private mentionsSync(eventId: string): StoredMention[] {
    return (
      this.stmt(
        `SELECT ${MENTION_COLUMNS}, d.id AS doc_id, d.pub_date, d.source, d.url, d.title
         FROM events ev JOIN mentions m ON m.event = ev.rowid JOIN documents d ON d.rowid = m.doc WHERE ev.id = ? ORDER BY d.pub_date, d.id, m.idx`,
      ).all(eventId) as MentionRow[]
    ).map(toMention);
  }

  async mentions(eventId: string): Promise<StoredMention[]> {
    return this.guard(() => this.mentionsSync(eventId));
  }

  async timeline(filter: EventFilter, by: TimelinePeriod): Promise<Timeline> {
    return this.guard(() => {
      type Row = { d0: number; precision: string | null; quad: number; n: number; g: number; m: number };
      const f = { ...filter, limit: undefined, offset: undefined, desc: undefined };
      const onlyDates = Object.entries(f).every(([k, v]) => v === undefined || k === "since" || k === "until");
      const oneCountry = f.country?.length === 1 && Object.entries(f).every(([k, v]) => v === undefined || k === "since" || k === "until" || k === "country");
      let rows: Row[];
      if (onlyDates || oneCountry) {
        // The daily rollups: no pass over the events themselves.
        const conds: string[] = [];
        const params: unknown[] = [];
        if (oneCountry) conds.push("country = ?"), params.push(f.country![0]!.trim().toUpperCase());
        if (f.since) conds.push("d1 >= ? AND d0 < ?"), params.push(isoToDay(f.since), UNDATED);
        if (f.until) conds.push("d0 <= ?"), params.push(isoToDay(f.until));
        const table = oneCountry ? "timeline_countries" : "timeline_days";
        rows = this.stmt(`SELECT d0, NULLIF(precision, '') AS precision, quad, sum(n) AS n, sum(g) / 10.0 AS g, sum(m) AS m FROM ${table} ${conds.length ? "WHERE " + conds.join(" AND ") : ""} GROUP BY d0, precision, quad`).all(...params) as Row[];
      } else {
        const plan = planOf(f, { disjoint: true, text: this.textPlan(f.text, false), names: this.namePlan(f, "rows") });
        const k = plan.key;
        const { sql, params } = compound(plan, (from, where) => `SELECT ${k}.d0 AS d0, ${k}.precision AS precision, ${k}.quad AS quad, ${k}.goldstein AS goldstein, ${k}.num_mentions AS num_mentions FROM ${from} ${where}`, "UNION ALL", true);
        rows = this.stmt(`SELECT d0, precision, quad, count(*) AS n, sum(goldstein) AS g, sum(num_mentions) AS m FROM (${sql}) GROUP BY d0, precision, quad`).all(...params) as Row[];
      }
      const fine: Record<TimelinePeriod, string[]> = { day: ["day"], week: ["day"], month: ["day", "month"], year: ["day", "month", "year"] };
      const buckets = new Map<string, TimelineBucket>();
      let coarser = 0;
      let undated = 0;
      for (const r of rows) {
        if (r.d0 === UNDATED || !r.precision) {
          undated += r.n;
          continue;
        }
        if (!fine[by].includes(r.precision)) {
          coarser += r.n;
          continue;
        }
        const iso = dayToIso(r.d0);
        const period = by === "day" ? iso : by === "week" ? isoWeek(r.d0) : by === "month" ? iso.slice(0, 7) : iso.slice(0, 4);
        let b = buckets.get(period);
        if (!b) buckets.set(period, (b = { period, events: 0, quad: [0, 0, 0, 0], goldstein: 0, mentions: 0 }));
        b.events += r.n;
        if (r.quad >= 1 && r.quad <= 4) b.quad[r.quad - 1] = b.quad[r.quad - 1]! + r.n;
        b.goldstein += r.g;
        b.mentions += r.m;
      }
      const list = [...buckets.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
      for (const b of list) b.goldstein = Math.round(b.goldstein * 100) / 100;
      return { by, buckets: list, coarser, undated };
    });
  }

  async actors(filter: EventFilter & { top?: number } = {}): Promise<ActorCount[]> {
    return this.guard(() => {
      const { top, ...rest } = filter;
      const f: EventFilter = { ...rest, limit: undefined, offset: undefined, desc: undefined };
      const limit = top && top > 0 ? top : -1;
      if (Object.values(f).every((v) => v === undefined)) {
        // The rollup: no pass over the events.
        return this.stmt(
          `SELECT code, name, country, as_source AS asSource, as_target AS asTarget, as_source + as_target AS events, mentions
           FROM actor_counts ORDER BY events DESC, code LIMIT ?`,
        ).all(limit) as ActorCount[];
      }
      // Codes and counts from the matching events (a country's come from its index alone); names and
      // countries from the rollup, so that an actor has one name whatever the filter.
      const plan = planOf(f, { disjoint: true, text: this.textPlan(f.text, false), names: this.namePlan(f, "rows") });
      const { sql, params } = compound(plan, (from, where) => `SELECT e.src_code, e.tgt_code, e.num_mentions FROM ${from} ${where}`, "UNION ALL");
      type Row = { src_code: string | null; tgt_code: string | null; num_mentions: number };
      const counts = new Map<string, ActorCount>();
      const count = (code: string | null, side: "asSource" | "asTarget", n: number) => {
        if (!code) return;
        let a = counts.get(code);
        if (!a) counts.set(code, (a = { code, name: null, country: null, asSource: 0, asTarget: 0, events: 0, mentions: 0 }));
        a[side]++;
        a.events++;
        a.mentions += n;
      };
      for (const r of this.stmt(sql).iterate(...params) as IterableIterator<Row>) {
        count(r.src_code, "asSource", r.num_mentions);
        count(r.tgt_code, "asTarget", r.num_mentions);
      }
      const list = [...counts.values()].sort((a, b) => b.events - a.events || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      const shown = limit > 0 ? list.slice(0, limit) : list;
      const names = this.stmt("SELECT name, country FROM actor_counts WHERE code = ?");
      for (const a of shown) Object.assign(a, names.get(a.code) ?? {});
      return shown;
    });
  }

  async document(idOrPrefix: string): Promise<StoredDocument | null> {
    return this.guard(() => {
      type Row = { rowid: number; id: string; pub_date: string; title: string | null; source: string | null; url: string | null; engine: string; origin: string | null; ingested_at: string; text: string; record: string; input: string };
      let row = this.stmt("SELECT rowid, * FROM documents WHERE id = ?").get(idOrPrefix) as Row | undefined;
      if (!row && idOrPrefix.length >= 4) {
        const rows = this.stmt("SELECT rowid, * FROM documents WHERE id GLOB ? LIMIT 2").all(idOrPrefix.replace(/[*?[]/g, "") + "*") as Row[];
        if (rows.length > 1) throw new StoreError(`"${idOrPrefix}" matches more than one document; give more of the id`);
        row = rows[0];
      }
      if (!row) return null;
      const mentions = this.stmt(`SELECT ${MENTION_COLUMNS} FROM mentions m LEFT JOIN events ev ON ev.rowid = m.event WHERE m.doc = ? ORDER BY m.idx`).all(row.rowid) as MentionRow[];
      const events = mentions.map(eventRecordOf);
      const record = { ...(JSON.parse(row.record) as Omit<AnalysisRecord, "text" | "events">), text: row.text, events } as AnalysisRecord;
      const input = { ...(JSON.parse(row.input) as Omit<DocumentInput, "text">), text: row.text } as DocumentInput;
      return {
        id: row.id,
        date: row.pub_date,
        title: row.title,
        source: row.source,
        url: row.url,
        engine: row.engine,
        origin: row.origin,
        ingestedAt: row.ingested_at,
        record,
        input,
        eventIds: mentions.map((m) => m.event_id ?? null),
      };
    });
  }

  async documentInput(id: string): Promise<{ input: DocumentInput; origin: string | null; date: string; dateSource: string | null } | null> {
    return this.guard(() => {
      const row = this.stmt("SELECT text, input, origin, pub_date, date_source FROM documents WHERE id = ?").get(id) as { text: string; input: string; origin: string | null; pub_date: string; date_source: string | null } | undefined;
      if (!row) return null;
      return { input: { ...(JSON.parse(row.input) as Omit<DocumentInput, "text">), text: row.text }, origin: row.origin, date: row.pub_date, dateSource: row.date_source };
    });
  }

  async documents(options: { engineNot?: string; limit?: number } = {}): Promise<DocumentSummary[]> {
    return this.guard(() => {
      const where = options.engineNot !== undefined ? "WHERE engine <> ?" : "";
      const params: unknown[] = options.engineNot !== undefined ? [options.engineNot] : [];
      params.push(options.limit && options.limit > 0 ? options.limit : -1);
      return this.stmt(`SELECT id, pub_date AS date, title, source, url, engine, n_events AS events FROM documents ${where} ORDER BY id LIMIT ?`).all(...params) as DocumentSummary[];
    });
  }

  async stats(): Promise<StoreStats> {
    return this.guard(() => {
      const one = (sql: string) => (this.stmt(sql).get() as { n: number | string | null }).n;
      const engines: Record<string, number> = {};
      for (const r of this.stmt("SELECT engine, count(*) AS n FROM documents GROUP BY engine ORDER BY engine").all() as { engine: string; n: number }[]) engines[r.engine] = r.n;
      const byQuad: [number, number, number, number] = [0, 0, 0, 0];
      for (const r of this.stmt("SELECT quad, sum(n) AS n FROM timeline_days GROUP BY quad").all() as { quad: number; n: number }[]) if (r.quad >= 1 && r.quad <= 4) byQuad[r.quad - 1] = r.n;
      const first = one(`SELECT min(d0) AS n FROM events WHERE d0 < ${UNDATED}`) as number | null;
      const last = one(`SELECT max(d1) AS n FROM timeline_days WHERE d1 < ${UNDATED}`) as number | null;
      let bytes: number | null = null;
      if (this.path !== ":memory:") {
        try {
          bytes = statSync(this.path).size + (existsSync(this.path + "-wal") ? statSync(this.path + "-wal").size : 0);
        } catch {
          bytes = null;
        }
      }
      return {
        documents: one("SELECT count(*) AS n FROM documents") as number,
        events: one("SELECT count(*) AS n FROM events") as number,
        mentions: one("SELECT count(*) AS n FROM mentions") as number,
        failures: one("SELECT count(*) AS n FROM failures") as number,
        actors: one("SELECT count(*) AS n FROM actor_counts") as number,
        publishers: one("SELECT count(*) AS n FROM (SELECT DISTINCT source COLLATE NOCASE FROM documents WHERE source IS NOT NULL)") as number,
        firstEvent: first ? dayToIso(first) : null,
        lastEvent: last ? dayToIso(last) : null,
        firstPublished: one("SELECT min(pub_date) AS n FROM documents") as string | null,
        lastPublished: one("SELECT max(pub_date) AS n FROM documents") as string | null,
        engines,
        byQuad,
        multiSource: one("SELECT count(*) AS n FROM events WHERE num_articles > 1") as number,
        bytes,
        path: this.path,
      };
    });
  }

  /** Full integrity check (slow on big stores): "ok" or SQLite's first complaint. */
  integrityCheck(): string {
    return this.guard(() => String(this.db.pragma("integrity_check", { simple: true })));
  }

  /** Run SQL directly (tests and benchmarks). */
  raw(): DB {
    return this.db;
  }

  private closeSync(): void {
    if (this.closed) return;
    this.closed = true;
    this.stmts.clear();
    try {
      // Keep the planner's statistics fresh (cheap: a bounded sample, and only when they are stale).
      if (!this.readonly) this.db.exec("PRAGMA analysis_limit = 400; PRAGMA optimize;");
    } catch {
      // statistics are an optimisation
    }
    try {
      this.db.close();
    } catch {
      // closing twice or after a failure is not worth an error
    }
  }

  async close(): Promise<void> {
    this.closeSync();
  }
}
