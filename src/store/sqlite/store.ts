// The embedded event store: one SQLite file in WAL mode (better-sqlite3). Each
// document commits atomically with its layers, and the events its reports join
// are recomputed in the same transaction, so a kill at any moment leaves a store
// that a rerun completes, and two writers never duplicate anything.

import type BetterSqlite3 from "better-sqlite3";
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import type { AnalysisRecord, DocumentInput, EventRecord } from "../../record.js";
import { UNDATED, dayToIso, isoToDay, isoWeek } from "../dates.js";
import { StoreError } from "../errors.js";
import { mergeGroup, type GroupMember, type MergedEvent } from "../merge.js";
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
import { APPLICATION_ID, SCHEMA, STORE_VERSION } from "./schema.js";
import { lazy } from "../../node/lazy.js";

const sqlite = lazy<typeof BetterSqlite3>("better-sqlite3");

type DB = BetterSqlite3.Database;
type Stmt = BetterSqlite3.Statement;

export interface SqliteOptions {
  /** Open for reading only: never create, never write. */
  readonly?: boolean;
  /** Milliseconds to wait for another writer's lock (default 60 s). */
  busyTimeoutMs?: number;
}

const SQLITE_MAGIC = "SQLite format 3\u0000";

function sqliteCode(err: unknown): string {
  return String((err as { code?: string }).code ?? "");
}

/** A one-line StoreError for SQLite's own failures on a file. */
function storeFailure(path: string, err: unknown): StoreError {
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
function checkHeader(path: string): boolean {
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

/** Check an existing SQLite file is ours (or empty) without writing to it. Returns whether it needs the schema. */
function inspect(path: string, retried = false): boolean {
  let db: DB | null = null;
  try {
    db = new (sqlite())(path, { readonly: true, fileMustExist: true });
    const appId = db.pragma("application_id", { simple: true }) as number;
    const version = db.pragma("user_version", { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number }).n;
    if (appId !== APPLICATION_ID) {
      if (tables === 0) return true;
      throw new StoreError(`${path}: not a dyad database (an SQLite file with other tables)`);
    }
    if (version > STORE_VERSION) throw new StoreError(`${path}: made by a newer dyad (store version ${version}; this one reads ${STORE_VERSION})`);
    db.prepare("SELECT count(*) FROM documents WHERE rowid = 1").get();
    return false;
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
    throw storeFailure(path, err);
  } finally {
    db?.close();
  }
}

interface EventRow {
  id: string;
  cameo: string;
  root: string;
  plover: string | null;
  mode: string | null;
  quad: number;
  goldstein: number;
  src_code: string | null;
  src_country: string | null;
  src_name: string | null;
  tgt_code: string | null;
  tgt_country: string | null;
  tgt_name: string | null;
  date: string | null;
  precision: string | null;
  modality: string;
  loc_name: string | null;
  loc_country: string | null;
  lat: number | null;
  lon: number | null;
  num_mentions: number;
  num_sources: number;
  num_articles: number;
  is_root: number;
  first_doc: string;
  first_url: string | null;
  first_added: string | null;
  evidence: string;
  first_seen: string;
  last_seen: string;
}

interface MentionRow {
  id: string;
  doc_id: string;
  event_id: string;
  cameo: string;
  plover: string | null;
  mode: string | null;
  quad: number;
  goldstein: number;
  src_code: string | null;
  src_country: string | null;
  src_name: string | null;
  tgt_code: string | null;
  tgt_country: string | null;
  tgt_name: string | null;
  date: string | null;
  precision: string | null;
  modality: string;
  loc_name: string | null;
  loc_country: string | null;
  lat: number | null;
  lon: number | null;
  src_start: number | null;
  src_end: number | null;
  tgt_start: number | null;
  tgt_end: number | null;
  ev_start: number;
  ev_end: number;
  evidence: string;
  sentence: number;
  is_root: number;
  extra: string | null;
  idx: number;
  pub_date: string;
  source: string | null;
  url: string | null;
  title: string | null;
}

const EVENT_COLUMNS = `e.id, e.cameo, e.root, e.plover, e.mode, e.quad, e.goldstein, e.src_code, e.src_country, e.src_name,
  e.tgt_code, e.tgt_country, e.tgt_name, e.date, e.precision, e.modality, e.loc_name, e.loc_country, e.lat, e.lon,
  e.num_mentions, e.num_sources, e.num_articles, e.is_root, e.first_doc, fm.evidence AS evidence, e.first_seen, e.last_seen,
  fd.url AS first_url, fd.ingested_at AS first_added`;
const EVENT_FROM = "events e LEFT JOIN documents fd ON fd.id = e.first_doc LEFT JOIN mentions fm ON fm.rowid = e.first_mention";

const MENTION_COLUMNS = `m.id, m.idx, m.event_id, m.cameo, m.plover, m.mode, m.quad, m.goldstein, m.src_code, m.src_country, m.src_name, m.src_start, m.src_end,
  m.tgt_code, m.tgt_country, m.tgt_name, m.tgt_start, m.tgt_end, m.date, m.precision, m.modality, m.loc_name, m.loc_country, m.lat, m.lon,
  m.ev_start, m.ev_end, m.evidence, m.sentence, m.is_root, m.extra`;

/** The event record as the analyser wrote it: the columns, and any fields beyond them. */
function eventRecordOf(r: MentionRow): EventRecord {
  const rec: EventRecord = {
    id: r.id,
    cameo: r.cameo,
    plover: r.plover,
    mode: r.mode,
    quad: r.quad,
    goldstein: r.goldstein,
    source: r.src_code !== null ? { code: r.src_code, country: r.src_country, name: r.src_name, start: r.src_start ?? 0, end: r.src_end ?? 0 } : null,
    target: r.tgt_code !== null ? { code: r.tgt_code, country: r.tgt_country, name: r.tgt_name, start: r.tgt_start ?? 0, end: r.tgt_end ?? 0 } : null,
    date: r.date,
    datePrecision: r.precision as EventRecord["datePrecision"],
    modality: r.modality as EventRecord["modality"],
    location: r.loc_name !== null ? { name: r.loc_name, country: r.loc_country, lat: r.lat, lon: r.lon } : null,
    evidence: { start: r.ev_start, end: r.ev_end, text: r.evidence },
    sentence: r.sentence,
  };
  return r.extra ? { ...rec, ...(JSON.parse(r.extra) as Partial<EventRecord>) } : rec;
}

function toEvent(r: EventRow): StoredEvent {
  return {
    id: r.id,
    cameo: r.cameo,
    root: r.root,
    plover: r.plover,
    mode: r.mode,
    quad: r.quad,
    goldstein: r.goldstein,
    source: r.src_code ? { code: r.src_code, country: r.src_country, name: r.src_name } : null,
    target: r.tgt_code ? { code: r.tgt_code, country: r.tgt_country, name: r.tgt_name } : null,
    date: r.date,
    datePrecision: r.precision as StoredEvent["datePrecision"],
    modality: r.modality as StoredEvent["modality"],
    location: r.loc_name ? { name: r.loc_name, country: r.loc_country, lat: r.lat, lon: r.lon } : null,
    numMentions: r.num_mentions,
    numSources: r.num_sources,
    numArticles: r.num_articles,
    isRoot: r.is_root === 1,
    firstDoc: r.first_doc,
    firstUrl: r.first_url,
    firstAdded: r.first_added,
    evidence: r.evidence,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  };
}

function toMention(r: MentionRow): StoredMention {
  const record = eventRecordOf(r);
  return {
    id: r.id,
    docId: r.doc_id,
    eventId: r.event_id,
    cameo: r.cameo,
    plover: r.plover,
    mode: r.mode,
    quad: r.quad,
    goldstein: r.goldstein,
    source: record.source ?? null,
    target: record.target ?? null,
    date: r.date,
    datePrecision: r.precision as StoredMention["datePrecision"],
    modality: r.modality as StoredMention["modality"],
    location: r.loc_name ? { name: r.loc_name, country: r.loc_country, lat: r.lat, lon: r.lon } : null,
    evidence: { start: r.ev_start, end: r.ev_end, text: r.evidence },
    sentence: r.sentence,
    isRoot: r.is_root === 1,
    docDate: r.pub_date,
    docSource: r.source,
    docUrl: r.url,
    docTitle: r.title,
    record: record as unknown as Record<string, unknown>,
  };
}

const CODE = /^[A-Z0-9]+$/;

/** A side of a dyad: a country (three letters, or an IGO code as the contract's `country` holds) or an actor code prefix. */
function sideCondition(col: "src" | "tgt", value: string, params: unknown[]): string {
  const v = value.trim().toUpperCase();
  if (!CODE.test(v)) throw new StoreError(`"${value}" is not an actor or country code`);
  if (v.length === 3) {
    params.push(v);
    return `e.${col}_country = ?`;
  }
  params.push(v + "*");
  return `e.${col}_code GLOB ?`;
}

/**
 * A --text search as FTS5 understands it: plain words become an AND of quoted
 * terms; with operators (AND, OR, NOT, quotes, parentheses, prefix*) the query
 * keeps them and quotes only the words FTS5 would choke on ("Washington's").
 */
export function ftsQuery(text: string): string {
  const tokens = text.match(/"[^"]*"?|\(|\)|[^\s()"]+/g) ?? [];
  const quote = (w: string) => `"${w.replace(/"/g, "").replace(/\*$/, "")}"${w.endsWith("*") ? "*" : ""}`;
  const operators = tokens.some((t) => /^(AND|OR|NOT)$/.test(t) || t === "(" || t.startsWith('"') || t.endsWith("*"));
  if (!operators) return tokens.map(quote).join(" ");
  return tokens
    .map((t) => {
      if (/^(AND|OR|NOT)$/.test(t) || t === "(" || t === ")") return t;
      if (t.startsWith('"')) return t.endsWith('"') && t.length > 1 ? t : t + '"';
      return /^[\p{L}\p{N}_]+\*?$/u.test(t) ? t : quote(t);
    })
    .join(" ");
}

interface Where {
  /** Conditions every event must meet. */
  all: string[];
  params: unknown[];
  /** Groups of alternatives (source OR target side): each group needs one of its alternatives. */
  any: { sql: string; params: unknown[] }[][];
}

function whereParts(filter: EventFilter): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const any: Where["any"] = [];
  const inList = (col: string, values: readonly (string | number)[]) => {
    parts.push(`${col} IN (${values.map(() => "?").join(",")})`);
    params.push(...values);
  };
  if (filter.actor?.length) {
    const alts: Where["any"][number] = [];
    for (const a of filter.actor) {
      const v = a.trim();
      if (CODE.test(v)) {
        alts.push({ sql: "e.src_code GLOB ?", params: [v + "*"] }, { sql: "e.tgt_code GLOB ?", params: [v + "*"] });
      } else {
        alts.push({ sql: "e.src_name LIKE ?", params: [`%${v}%`] }, { sql: "e.tgt_name LIKE ?", params: [`%${v}%`] });
      }
    }
    any.push(alts);
  }
  if (filter.country?.length) {
    const cs = filter.country.map((c) => c.trim().toUpperCase());
    const list = cs.map(() => "?").join(",");
    any.push([
      { sql: `e.src_country IN (${list})`, params: cs },
      { sql: `e.tgt_country IN (${list})`, params: cs },
    ]);
  }
  if (filter.dyad) {
    const { a, b, both } = filter.dyad;
    const p1: unknown[] = [];
    const fwd = `${sideCondition("src", a, p1)} AND ${sideCondition("tgt", b, p1)}`;
    if (both) {
      const p2: unknown[] = [];
      const rev = `${sideCondition("src", b, p2)} AND ${sideCondition("tgt", a, p2)}`;
      any.push([
        { sql: fwd, params: p1 },
        { sql: rev, params: p2 },
      ]);
    } else {
      parts.push(fwd);
      params.push(...p1);
    }
  }
  // Broad filters (root, quad, …) are tested on the rows an actor, country or dyad index finds,
  // rather than chosen as the index to walk ("+" keeps SQLite from using their index).
  const narrow = filter.actor?.length || filter.country?.length || filter.dyad || filter.docId || filter.code?.length ? "+" : "";
  if (filter.code?.length) inList("e.cameo", filter.code);
  if (filter.root?.length) inList(`${narrow}e.root`, filter.root.map((r) => r.padStart(2, "0")));
  if (filter.plover?.length) inList(`${narrow}e.plover`, filter.plover.map((p) => p.toUpperCase()));
  if (filter.quad?.length) inList(`${narrow}e.quad`, filter.quad);
  if (filter.modality?.length) inList(`${narrow}e.modality`, filter.modality);
  if (filter.since) {
    // No event spans more than a year (year precision), so its first day bounds the index range.
    const since = isoToDay(filter.since);
    parts.push("e.d1 >= ? AND e.d0 >= ? AND e.d0 < ?");
    params.push(since, since - 10000, UNDATED);
  }
  if (filter.until) {
    parts.push("e.d0 <= ?");
    params.push(isoToDay(filter.until));
  }
  if (filter.source?.length) {
    // Checked per event (through the mentions' event index): with the date order and a limit, the scan stops early.
    parts.push(
      `EXISTS (SELECT 1 FROM mentions m JOIN documents d ON d.rowid = m.doc WHERE m.event_id = e.id AND d.source COLLATE NOCASE IN (${filter.source.map(() => "?").join(",")}))`,
    );
    params.push(...filter.source);
  }
  if (filter.text) {
    const q = ftsQuery(filter.text);
    parts.push(
      `e.id IN (SELECT m.event_id FROM mentions m WHERE m.rowid IN (SELECT rowid FROM mention_fts WHERE mention_fts MATCH ?)
        UNION SELECT m.event_id FROM mentions m WHERE m.doc IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?))`,
    );
    params.push(q, q);
  }
  if (filter.docId) {
    parts.push("e.id IN (SELECT m.event_id FROM documents d JOIN mentions m ON m.doc = d.rowid WHERE d.id = ?)");
    params.push(filter.docId);
  }
  return { all: parts, params, any };
}

/**
 * The WHERE clauses of a filter, one per branch: an OR across columns (source or
 * target) becomes a UNION of branches, each of which an index serves in date
 * order, instead of one scan that SQLite would have to sort.
 */
function branchesOf(filter: EventFilter): { where: string; params: unknown[] }[] {
  const w = whereParts(filter);
  let combos: { conds: string[]; params: unknown[] }[] = [{ conds: [], params: [] }];
  for (const group of w.any) combos = combos.flatMap((c) => group.map((alt) => ({ conds: [...c.conds, alt.sql], params: [...c.params, ...alt.params] })));
  return combos.map((c) => {
    const conds = [...c.conds, ...w.all];
    return { where: conds.length ? "WHERE " + conds.join(" AND ") : "", params: [...c.params, ...w.params] };
  });
}

/** One SELECT over events per branch, united (a UNION removes the events two branches share). */
function compound(filter: EventFilter, select: (where: string) => string): { sql: string; params: unknown[] } {
  const branches = branchesOf(filter);
  return { sql: branches.map((b) => select(b.where)).join("\nUNION\n"), params: branches.flatMap((b) => b.params) };
}

/**
 * Branches that share no event (each alternative excludes the ones before it), so
 * that counts and timelines add them up (UNION ALL) without a pass to remove duplicates.
 */
function disjoint(filter: EventFilter, select: (where: string) => string): { sql: string; params: unknown[] } {
  const w = whereParts(filter);
  let combos: { conds: string[]; params: unknown[] }[] = [{ conds: [], params: [] }];
  for (const group of w.any) {
    combos = combos.flatMap((c) =>
      group.map((alt, j) => ({
        conds: [...c.conds, alt.sql, ...group.slice(0, j).map((prev) => `(${prev.sql}) IS NOT 1`)],
        params: [...c.params, ...alt.params, ...group.slice(0, j).flatMap((prev) => prev.params)],
      })),
    );
  }
  const parts = combos.map((c) => {
    const conds = [...c.conds, ...w.all];
    return { where: conds.length ? "WHERE " + conds.join(" AND ") : "", params: [...c.params, ...w.params] };
  });
  return { sql: parts.map((b) => select(b.where)).join("\nUNION ALL\n"), params: parts.flatMap((b) => b.params) };
}

/** The plain WHERE of a filter (ORs inline), where a single scan is what is wanted. */
function whereOf(filter: EventFilter): { sql: string; params: unknown[] } {
  const w = whereParts(filter);
  const conds = [...w.any.map((g) => `(${g.map((a) => `(${a.sql})`).join(" OR ")})`), ...w.all];
  return { sql: conds.length ? "WHERE " + conds.join(" AND ") : "", params: [...w.any.flatMap((g) => g.flatMap((a) => a.params)), ...w.params] };
}

function limitOf(filter: EventFilter, params: unknown[]): string {
  let s = "";
  if (filter.limit !== undefined && filter.limit > 0) {
    s += " LIMIT ?";
    params.push(filter.limit);
    if (filter.offset) {
      s += " OFFSET ?";
      params.push(filter.offset);
    }
  } else if (filter.offset) {
    s += " LIMIT -1 OFFSET ?";
    params.push(filter.offset);
  }
  return s;
}

export class SqliteStore implements EventStore {
  readonly kind = "sqlite";
  private readonly db: DB;
  private readonly stmts = new Map<string, Stmt>();
  private closed = false;

  private constructor(
    readonly path: string,
    db: DB,
    readonly readonly: boolean,
  ) {
    this.db = db;
  }

  /** Open (or create) a store file. A file that is not ours or is corrupt is refused before anything is written. */
  static open(path: string, options: SqliteOptions = {}): SqliteStore {
    const memory = path === ":memory:";
    const exists = !memory && existsSync(path);
    if (!memory && !exists && options.readonly) throw new StoreError(`${path}: no such database (run \`dyad ingest\` first, or give --db)`);
    let needsSchema = true;
    if (exists && checkHeader(path)) needsSchema = inspect(path);
    if (needsSchema && options.readonly) throw new StoreError(`${path}: an empty database (run \`dyad ingest\` first)`);
    let db: DB;
    try {
      db = new (sqlite())(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 60000}`);
      if (!options.readonly) {
        if (!memory) db.pragma("journal_mode = WAL");
        db.pragma("synchronous = NORMAL");
      }
      db.pragma("cache_size = -65536");
      db.pragma("temp_store = MEMORY");
      if (needsSchema) {
        // Two processes may create the same new file at once: the first to take the write lock makes the tables.
        db.transaction(() => {
          if ((db.pragma("application_id", { simple: true }) as number) === APPLICATION_ID) return;
          db.exec(SCHEMA);
          db.pragma(`application_id = ${APPLICATION_ID}`);
          db.pragma(`user_version = ${STORE_VERSION}`);
          db.prepare("INSERT INTO meta (key, value) VALUES ('created_at', ?)").run(new Date().toISOString());
        }).immediate();
      }
    } catch (err) {
      throw storeFailure(path, err);
    }
    return new SqliteStore(path, db, options.readonly ?? false);
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

  async hasDocument(id: string, origin?: string | null): Promise<boolean> {
    return this.guard(() => {
      const row = this.stmt("SELECT origin FROM documents WHERE id = ?").get(id) as { origin: string | null } | undefined;
      if (!row) return false;
      if (origin && !this.readonly && (row.origin === null || origin < row.origin)) this.claimOrigin(id, origin);
      return true;
    });
  }

  /** A document found at several origins keeps the least one, so that the store does not depend on which came first. */
  private claimOrigin(id: string, origin: string): void {
    this.stmt("UPDATE documents SET origin = ? WHERE id = ? AND (origin IS NULL OR origin > ?)").run(origin, id, origin);
  }

  async hasSource(key: string): Promise<boolean> {
    return this.guard(() => this.stmt("SELECT 1 FROM sources WHERE key = ?").get(key) !== undefined);
  }

  /** Synchronous form of putDocuments (the writer in the ingest loop and tests use it). */
  putDocumentsSync(docs: PreparedDocument[], options: { replace?: boolean } = {}): PutResult {
    if (this.readonly) throw new StoreError(`${this.path}: opened read-only`, 1);
    const result: PutResult = { added: 0, replaced: 0, skipped: 0, mentions: 0 };
    this.guard(() =>
      this.db
        .transaction(() => {
          const now = new Date().toISOString();
          const touched = new Set<string>();
          for (const doc of docs) this.putOne(doc, options.replace ?? false, now, touched, result);
          for (const gkey of [...touched].sort()) this.regroup(gkey);
        })
        .immediate(),
    );
    return result;
  }

  async putDocuments(docs: PreparedDocument[], options: { replace?: boolean } = {}): Promise<PutResult> {
    return this.putDocumentsSync(docs, options);
  }

  private putOne(doc: PreparedDocument, replace: boolean, now: string, touched: Set<string>, result: PutResult): void {
    const existing = this.stmt("SELECT rowid FROM documents WHERE id = ?").get(doc.id) as { rowid: number } | undefined;
    if (existing && !replace) {
      result.skipped++;
      if (doc.origin) this.claimOrigin(doc.id, doc.origin);
      this.noteSource(doc);
      return;
    }
    if (existing) {
      this.removeDocument(existing.rowid, touched);
      result.replaced++;
    } else result.added++;
    const info = this.stmt(
      `INSERT INTO documents (id, pub_date, date_inferred, title, source, url, engine, schema_version, origin, ingested_at, n_events, text, record, input)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(doc.id, doc.date, doc.dateInferred ? 1 : 0, doc.title, doc.source, doc.url, doc.engine, doc.schemaVersion, doc.origin, now, doc.mentions.length, doc.text, doc.recordJson, doc.inputJson);
    const docRow = Number(info.lastInsertRowid);
    this.stmt("INSERT INTO doc_fts (rowid, title, text) VALUES (?, ?, ?)").run(docRow, doc.title ?? "", doc.text);
    const insMention = this.stmt(
      `INSERT INTO mentions (doc, idx, id, event_id, gkey, cameo, plover, mode, quad, goldstein, src_code, src_country, src_name, src_start, src_end,
        tgt_code, tgt_country, tgt_name, tgt_start, tgt_end, date, precision, d0, d1, modality, place, loc_name, loc_country, lat, lon,
        ev_start, ev_end, evidence, sentence, is_root, extra)
       VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insFts = this.stmt("INSERT INTO mention_fts (rowid, evidence) VALUES (?, ?)");
    for (const m of doc.mentions) {
      const r = insMention.run(
        docRow, m.idx, m.id, m.gkey, m.cameo, m.plover, m.mode, m.quad, m.goldstein, m.srcCode, m.srcCountry, m.srcName, m.srcStart, m.srcEnd,
        m.tgtCode, m.tgtCountry, m.tgtName, m.tgtStart, m.tgtEnd, m.date, m.precision, m.d0, m.d1, m.modality, m.place, m.locName, m.locCountry, m.lat, m.lon,
        m.evStart, m.evEnd, m.evidence, m.sentence, m.isRoot, m.extra,
      );
      insFts.run(Number(r.lastInsertRowid), m.evidence);
      touched.add(m.gkey);
      result.mentions++;
    }
    const insActor = this.stmt("INSERT INTO doc_actors (doc, code, country, name, n) VALUES (?, ?, ?, ?, ?)");
    for (const a of doc.actors) insActor.run(docRow, a.code, a.country, a.name, a.n);
    this.noteSource(doc);
  }

  private noteSource(doc: PreparedDocument): void {
    if (doc.sourceKey) this.stmt("INSERT OR REPLACE INTO sources (key, doc_id) VALUES (?, ?)").run(doc.sourceKey, doc.id);
    if (doc.origin) this.stmt("DELETE FROM failures WHERE origin = ?").run(doc.origin);
  }

  private removeDocument(docRow: number, touched: Set<string>): void {
    const rows = this.stmt("SELECT rowid, gkey FROM mentions WHERE doc = ?").all(docRow) as { rowid: number; gkey: string }[];
    const delFts = this.stmt("DELETE FROM mention_fts WHERE rowid = ?");
    for (const r of rows) {
      delFts.run(r.rowid);
      touched.add(r.gkey);
    }
    this.stmt("DELETE FROM mentions WHERE doc = ?").run(docRow);
    this.stmt("DELETE FROM doc_actors WHERE doc = ?").run(docRow);
    this.stmt("DELETE FROM doc_fts WHERE rowid = ?").run(docRow);
    this.stmt("DELETE FROM documents WHERE rowid = ?").run(docRow);
  }

  /** Recompute the events of one merge group from all its reports. */
  private regroup(gkey: string): void {
    // Only what merging reads: a group of a much-reported event can have thousands of reports.
    const members = this.stmt(
      `SELECT m.rowid AS rowid, d.id AS docId, d.pub_date AS docDate, d.source AS docSource, m.idx AS idx, m.cameo AS cameo,
        m.plover AS plover, m.mode AS mode, m.quad AS quad, m.goldstein AS goldstein, m.src_code AS srcCode,
        m.src_country AS srcCountry, m.src_name AS srcName, m.tgt_code AS tgtCode, m.tgt_country AS tgtCountry,
        m.tgt_name AS tgtName, m.date AS date, m.precision AS precision, m.d0 AS d0, m.d1 AS d1, m.modality AS modality,
        m.place AS place, m.loc_name AS locName, m.loc_country AS locCountry, m.lat AS lat, m.lon AS lon,
        m.is_root AS isRoot, m.event_id AS eventId
       FROM mentions m JOIN documents d ON d.rowid = m.doc WHERE m.gkey = ?`,
    ).all(gkey) as (GroupMember & { eventId: string })[];
    const current = new Map(members.map((m) => [m.rowid, m.eventId]));
    const merged = mergeGroup(gkey, members);
    type Old = { d0: number; d1: number; precision: string | null; quad: number; goldstein: number; num_mentions: number; src_country: string | null; tgt_country: string | null };
    const countries = (e: Old) => [...new Set([e.src_country, e.tgt_country].filter((c): c is string => !!c))];
    const roll = (e: Old, sign: 1 | -1) => {
      const g = sign * Math.round(e.goldstein * 10);
      this.stmt(
        `INSERT INTO timeline_days (d0, precision, quad, d1, n, g, m) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (d0, precision, quad) DO UPDATE SET n = n + excluded.n, g = g + excluded.g, m = m + excluded.m`,
      ).run(e.d0, e.precision ?? "", e.quad, e.d1, sign, g, sign * e.num_mentions);
      for (const c of countries(e)) {
        this.stmt(
          `INSERT INTO timeline_countries (country, d0, precision, quad, d1, n, g, m) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (country, d0, precision, quad) DO UPDATE SET n = n + excluded.n, g = g + excluded.g, m = m + excluded.m`,
        ).run(c, e.d0, e.precision ?? "", e.quad, e.d1, sign, g, sign * e.num_mentions);
      }
    };
    const olds = this.stmt("SELECT d0, d1, precision, quad, goldstein, num_mentions, src_country, tgt_country FROM events WHERE gkey = ?").all(gkey) as Old[];
    for (const old of olds) roll(old, -1);
    for (const e of merged) roll({ d0: e.d0, d1: e.d1, precision: e.precision, quad: e.quad, goldstein: e.goldstein, num_mentions: e.numMentions, src_country: e.srcCountry, tgt_country: e.tgtCountry }, 1);
    // A day that lost its last event goes, so that the rollups are the same whatever the order of work.
    for (const old of olds) {
      this.stmt("DELETE FROM timeline_days WHERE d0 = ? AND precision = ? AND quad = ? AND n = 0").run(old.d0, old.precision ?? "", old.quad);
      for (const c of countries(old)) this.stmt("DELETE FROM timeline_countries WHERE country = ? AND d0 = ? AND precision = ? AND quad = ? AND n = 0").run(c, old.d0, old.precision ?? "", old.quad);
    }
    this.stmt("DELETE FROM events WHERE gkey = ?").run(gkey);
    const ins = this.stmt(
      `INSERT INTO events (id, gkey, cameo, root, plover, mode, quad, goldstein, src_code, src_country, src_name, tgt_code, tgt_country, tgt_name,
        date, precision, d0, d1, modality, loc_name, loc_country, lat, lon, num_mentions, num_sources, num_articles, is_root, first_doc, first_mention, first_seen, last_seen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const upd = this.stmt("UPDATE mentions SET event_id = ? WHERE rowid = ?");
    for (const e of merged as MergedEvent[]) {
      ins.run(
        e.id, e.gkey, e.cameo, e.root, e.plover, e.mode, e.quad, e.goldstein, e.srcCode, e.srcCountry, e.srcName, e.tgtCode, e.tgtCountry, e.tgtName,
        e.date, e.precision, e.d0, e.d1, e.modality, e.locName, e.locCountry, e.lat, e.lon, e.numMentions, e.numSources, e.numArticles, e.isRoot,
        e.firstDoc, e.firstMember, e.firstSeen, e.lastSeen,
      );
      for (const rowid of e.members) if (current.get(rowid) !== e.id) upd.run(e.id, rowid);
    }
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
    return this.guard(() =>
      (this.stmt("SELECT origin, stage, reason, doc_id AS docId, at FROM failures ORDER BY at, origin LIMIT ?").all(options.limit && options.limit > 0 ? options.limit : -1) as FailureRecord[]),
    );
  }

  async clearFailures(): Promise<number> {
    return this.guard(() => this.stmt("DELETE FROM failures").run().changes);
  }

  private eventsSql(filter: EventFilter): { sql: string; params: unknown[] } {
    const dir = filter.desc ? "DESC" : "ASC";
    const branches = branchesOf(filter);
    if (branches.length === 1) {
      const params = [...branches[0]!.params];
      const sql = `SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} ${branches[0]!.where} ORDER BY e.d0 ${dir}, e.id ${dir}${limitOf(filter, params)}`;
      return { sql, params };
    }
    // The branches give event ids in date order; the rows are fetched for the page only.
    const ids = compound(filter, (where) => `SELECT e.d0 AS d0, e.id AS id FROM events e ${where}`);
    const params = [...ids.params];
    const page = `${ids.sql} ORDER BY d0 ${dir}, id ${dir}${limitOf(filter, params)}`;
    const sql = `SELECT ${EVENT_COLUMNS} FROM (${page}) AS p JOIN ${EVENT_FROM.replace("events e", "events e ON e.id = p.id")} ORDER BY p.d0 ${dir}, p.id ${dir}`;
    return { sql, params };
  }

  async events(filter: EventFilter = {}, options: { withMentions?: boolean } = {}): Promise<StoredEvent[]> {
    return this.guard(() => {
      const { sql, params } = this.eventsSql(filter);
      const rows = (this.stmt(sql).all(...params) as EventRow[]).map(toEvent);
      if (options.withMentions) for (const e of rows) e.mentions = this.mentionsSync(e.id);
      return rows;
    });
  }

  async *iterateEvents(filter: EventFilter = {}, options: { withMentions?: boolean } = {}): AsyncIterable<StoredEvent> {
    const { sql, params } = this.guard(() => this.eventsSql(filter));
    // A separate statement: an iterating statement is busy until it ends.
    const it = this.guard(() => this.db.prepare(sql).iterate(...params)) as IterableIterator<EventRow>;
    let batch: StoredEvent[] = [];
    try {
      for (;;) {
        const next = this.guard(() => it.next());
        if (next.done) break;
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
  }

  async countEvents(filter: EventFilter = {}): Promise<number> {
    return this.guard(() => {
      const { sql, params } = disjoint({ ...filter, limit: undefined, offset: undefined }, (where) => `SELECT e.id FROM events e ${where}`);
      return (this.stmt(`SELECT count(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
    });
  }

  private mentionsSync(eventId: string): StoredMention[] {
    return (
      this.stmt(
        `SELECT ${MENTION_COLUMNS}, d.id AS doc_id, d.pub_date, d.source, d.url, d.title
         FROM mentions m JOIN documents d ON d.rowid = m.doc WHERE m.event_id = ? ORDER BY d.pub_date, d.id, m.idx`,
      ).all(eventId) as MentionRow[]
    ).map(toMention);
  }

  async mentions(eventId: string): Promise<StoredMention[]> {
    return this.guard(() => this.mentionsSync(eventId));
  }

  async timeline(filter: EventFilter, by: TimelinePeriod): Promise<Timeline> {
    return this.guard(() => {
      type Row = { d0: number; precision: string | null; quad: number; n: number; g: number; m: number };
      const f = { ...filter, limit: undefined, offset: undefined };
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
        rows = (
          this.stmt(`SELECT d0, NULLIF(precision, '') AS precision, quad, sum(n) AS n, sum(g) / 10.0 AS g, sum(m) AS m FROM ${table} ${conds.length ? "WHERE " + conds.join(" AND ") : ""} GROUP BY d0, precision, quad`).all(...params) as Row[]
        );
      } else {
        const { sql, params } = disjoint(f, (where) => `SELECT e.d0, e.precision, e.quad, e.goldstein, e.num_mentions FROM events e ${where}`);
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
      const { sql: where, params } = whereOf({ ...filter, limit: undefined, offset: undefined });
      const and = where ? `${where} AND` : "WHERE";
      const rows = this.stmt(
        `SELECT code, max(name) AS name, max(country) AS country, sum(s) AS asSource, sum(t) AS asTarget, count(*) AS events, sum(n) AS mentions FROM (
           SELECT e.src_code AS code, e.src_name AS name, e.src_country AS country, 1 AS s, 0 AS t, e.num_mentions AS n FROM events e ${and} e.src_code IS NOT NULL
           UNION ALL
           SELECT e.tgt_code, e.tgt_name, e.tgt_country, 0, 1, e.num_mentions FROM events e ${and} e.tgt_code IS NOT NULL
         ) GROUP BY code ORDER BY events DESC, code LIMIT ?`,
      ).all(...params, ...params, filter.top && filter.top > 0 ? filter.top : -1) as ActorCount[];
      return rows;
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
      const events = (this.stmt(`SELECT ${MENTION_COLUMNS} FROM mentions m WHERE m.doc = ? ORDER BY m.idx`).all(row.rowid) as MentionRow[]).map(eventRecordOf);
      const record = { ...(JSON.parse(row.record) as Omit<AnalysisRecord, "text" | "events">), text: row.text, events } as AnalysisRecord;
      const input = { ...(JSON.parse(row.input) as Omit<DocumentInput, "text">), text: row.text } as DocumentInput;
      return { id: row.id, date: row.pub_date, title: row.title, source: row.source, url: row.url, engine: row.engine, origin: row.origin, ingestedAt: row.ingested_at, record, input };
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
      for (const r of this.stmt("SELECT quad, count(*) AS n FROM events GROUP BY quad").all() as { quad: number; n: number }[]) if (r.quad >= 1 && r.quad <= 4) byQuad[r.quad - 1] = r.n;
      const first = one(`SELECT min(d0) AS n FROM events WHERE d0 < ${UNDATED}`) as number | null;
      const last = one(`SELECT max(d1) AS n FROM events WHERE d1 < ${UNDATED}`) as number | null;
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
        actors: one("SELECT count(*) AS n FROM (SELECT src_code FROM events WHERE src_code IS NOT NULL UNION SELECT tgt_code FROM events WHERE tgt_code IS NOT NULL)") as number,
        publishers: one("SELECT count(DISTINCT source) AS n FROM documents") as number,
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

  async close(): Promise<void> {
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
}
