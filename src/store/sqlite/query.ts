// From an event filter to SQL over the events table: one builder for listing
// (in the indexes' order, so that nothing is sorted), counting and aggregating.
//
// A filter is a conjunction of conditions, some of which are alternatives (an
// actor as source OR as target; --since as three disjoint date ranges). Rather
// than one scan with ORs, which SQLite would have to sort, the alternatives
// multiply into branches, each of which an index serves in date order; a listing
// unites them, a count or an aggregate adds up disjoint ones.

import { UNDATED, isoToDay } from "../dates.js";
import { StoreError } from "../errors.js";
import type { EventFilter } from "../types.js";

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

/**
 * How a --text search is run, decided by the store from how often its terms occur:
 * the events of few matches as a list of event rowids, or (for common words) a check
 * of each event in listing order, which finds a page without collecting every match.
 */
export type TextPlan = { kind: "events"; rowids: number[] } | { kind: "check"; query: string } | { kind: "collect"; query: string };

/**
 * What an --actor NAME matches, looked up by the store in its names table. Names of few
 * events: those events' rowids, found from the name indexes first (so that no plan walks
 * another filter's index checking names). Names of many events: the names as source and
 * as target, taken from the name indexes (`index`), or each event's names checked in one
 * pass (`check`: a page of a common name fills soon, where the indexes would give every
 * match to sort; and the rows of a large share of the events are read sooner in one pass
 * than one by one).
 */
export type NameMatch = { kind: "events"; rowids: number[] } | { kind: "index" | "check"; src: string[]; tgt: string[] };

interface Cond {
  sql: string;
  params: unknown[];
}

/** Alternatives of which an event must meet one; `exclusive` when no event can meet two. */
interface AnyOf {
  alts: Cond[];
  exclusive?: boolean;
}

export interface Branch {
  where: string;
  params: unknown[];
}

export interface Plan {
  /** The tables the rows come from (the events as `e`, and the publisher rows as `s` for --source). */
  from: string;
  /**
   * The same without the events when no condition needs them: a publisher's rows hold the
   * listing and timeline columns (d0, d1, id, event, precision, quad, goldstein, num_mentions).
   */
  lean: string;
  /** The alias whose (d0, d1, id) the rows are listed by: `s` when a publisher's rows lead. */
  key: "e" | "s";
  branches: Branch[];
}

const CODE = /^[A-Z0-9]+$/;

/** An --actor value that is an actor code (or its start); any other is part of a name. */
export function isActorCode(v: string): boolean {
  return CODE.test(v.trim());
}

/** A side of a dyad: a country (three letters, or an IGO code as the contract's `country` holds) or an actor code prefix. */
function sideCondition(col: "src" | "tgt", value: string): Cond {
  const v = value.trim().toUpperCase();
  if (!CODE.test(v)) throw new StoreError(`"${value}" is not an actor or country code`);
  if (v.length === 3) return { sql: `e.${col}_country = ?`, params: [v] };
  return { sql: `e.${col}_code GLOB ?`, params: [v + "*"] };
}

/** `%` and `_` are LIKE's wildcards: a name holding them means them literally. */
export function likeContains(v: string): string {
  return `%${v.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
}

/**
 * The conditions of an --actor NAME (a substring of the source's or target's name, in any
 * case), from what the store found in its names table: never a LIKE over every event. A
 * side that no name matches has no condition, so that no plan walks an index for nothing.
 */
function nameConditions(v: string, match: NameMatch | undefined): Cond[] {
  if (!match) throw new Error(`--actor ${v}: the store looks up the names first`);
  if (match.kind === "events") return match.rowids.length ? [{ sql: "e.rowid IN (SELECT value FROM json_each(?))", params: [JSON.stringify(match.rowids)] }] : [];
  if (!match.src.length && !match.tgt.length) return [];
  if (match.kind === "check") {
    // One pass in the events' order, both sides checked on each (LIKE is quicker on a row than a lookup in the list of names).
    return [{ sql: "(e.src_name LIKE ? ESCAPE '\\' OR e.tgt_name LIKE ? ESCAPE '\\')", params: [likeContains(v), likeContains(v)] }];
  }
  const side = (col: "src" | "tgt") => ({ sql: `e.${col}_name IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(match[col])] });
  return [...(match.src.length ? [side("src")] : []), ...(match.tgt.length ? [side("tgt")] : [])];
}

function firstOfMonth(day: number): number {
  return Math.floor(day / 100) * 100 + 1;
}

function firstOfYear(day: number): number {
  return Math.floor(day / 10000) * 10000 + 101;
}

export interface PlanOptions {
  /** Branches that share no event, so that counts and aggregates add them up. */
  disjoint?: boolean;
  text?: TextPlan;
  /** The names each --actor NAME matches (by its trimmed value), when the store looked them up. */
  names?: ReadonlyMap<string, NameMatch>;
  /** Only dated events, or only undated ones (a newest-first listing puts the undated last). */
  dated?: boolean;
}

/** The branches of a filter. */
export function planOf(filter: EventFilter, options: PlanOptions = {}): Plan {
  const all: Cond[] = [];
  const any: AnyOf[] = [];
  const inList = (col: string, values: readonly (string | number)[]) => {
    all.push({ sql: values.length === 1 ? `${col} = ?` : `${col} IN (${values.map(() => "?").join(",")})`, params: [...values] });
  };
  const sources = filter.source?.filter((s) => s.trim() !== "") ?? [];
  const key: Plan["key"] = sources.length === 1 ? "s" : "e";
  const from = key === "s" ? "event_sources s JOIN events e ON e.rowid = s.event" : "events e";
  if (key === "s") all.push({ sql: "s.source = ?", params: [sources[0]!.trim()] });
  else if (sources.length) all.push({ sql: `e.rowid IN (SELECT event FROM event_sources WHERE source IN (${sources.map(() => "?").join(",")}))`, params: sources.map((s) => s.trim()) });

  if (filter.actor?.length) {
    const alts: Cond[] = [];
    for (const a of filter.actor) {
      const v = a.trim();
      if (isActorCode(v)) alts.push({ sql: "e.src_code GLOB ?", params: [v + "*"] }, { sql: "e.tgt_code GLOB ?", params: [v + "*"] });
      else alts.push(...nameConditions(v, options.names?.get(v)));
    }
    // Names that no event holds: no event matches (a constant the planner decides before any loop).
    any.push({ alts: alts.length ? alts : [{ sql: "0", params: [] }] });
  }
  if (filter.country?.length) {
    const cs = filter.country.map((c) => c.trim().toUpperCase());
    const list = cs.length === 1 ? "= ?" : `IN (${cs.map(() => "?").join(",")})`;
    any.push({ alts: [{ sql: `e.src_country ${list}`, params: cs }, { sql: `e.tgt_country ${list}`, params: cs }] });
  }
  if (filter.dyad) {
    const { a, b, both } = filter.dyad;
    const fwd = [sideCondition("src", a), sideCondition("tgt", b)];
    const join = (cs: Cond[]): Cond => ({ sql: cs.map((c) => c.sql).join(" AND "), params: cs.flatMap((c) => c.params) });
    if (both) any.push({ alts: [join(fwd), join([sideCondition("src", b), sideCondition("tgt", a)])] });
    else all.push(...fwd);
  }
  if (filter.code?.length) inList("e.cameo", filter.code);
  if (filter.root?.length) inList("e.root", filter.root.map((r) => r.padStart(2, "0")));
  if (filter.plover?.length) inList("e.plover", filter.plover.map((p) => p.toUpperCase()));
  if (filter.quad?.length) inList("e.quad", filter.quad);
  if (filter.modality?.length) inList("e.modality", filter.modality);
  const k = key;
  if (filter.since) {
    // An event overlaps [since, …) when it starts on or after since, or is a month or a year
    // that holds since: its first day is then the first of since's month or year. Three
    // disjoint ranges of the date index, rather than a year of it walked for the few
    // month- and year-precision events that start before since.
    const since = isoToDay(filter.since);
    const month = firstOfMonth(since);
    const year = firstOfYear(since);
    const alts: Cond[] = [{ sql: `${k}.d0 >= ?`, params: [since] }];
    if (month < since) alts.push({ sql: `${k}.d0 = ? AND ${k}.d1 >= ?`, params: [month, since] });
    if (year < month) alts.push({ sql: `${k}.d0 = ? AND ${k}.d1 >= ?`, params: [year, since] });
    if (alts.length === 1) all.push(alts[0]!);
    else any.push({ alts, exclusive: true });
    // Undated events (d0 = UNDATED) have no date to compare.
    all.push({ sql: `${k}.d0 < ?`, params: [UNDATED] });
  }
  if (filter.until) all.push({ sql: `${k}.d0 <= ?`, params: [isoToDay(filter.until)] });
  if (options.dated === true) all.push({ sql: `${k}.d0 < ?`, params: [UNDATED] });
  if (options.dated === false) all.push({ sql: `${k}.d0 = ?`, params: [UNDATED] });
  const text = options.text;
  if (text?.kind === "events") {
    all.push({ sql: "e.rowid IN (SELECT value FROM json_each(?))", params: [JSON.stringify(text.rowids)] });
  } else if (text?.kind === "check") {
    // Common words: each event in listing order is checked until the page is full.
    all.push({
      sql: `EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.rowid AND (EXISTS (SELECT 1 FROM mention_fts WHERE mention_fts MATCH ? AND rowid = m.rowid)
              OR EXISTS (SELECT 1 FROM doc_fts WHERE doc_fts MATCH ? AND rowid = m.doc)))`,
      params: [text.query, text.query],
    });
  } else if (text?.kind === "collect") {
    all.push({
      sql: `e.rowid IN (SELECT m.event FROM mentions m WHERE m.rowid IN (SELECT rowid FROM mention_fts WHERE mention_fts MATCH ?)
              UNION SELECT m.event FROM mentions m WHERE m.doc IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?))`,
      params: [text.query, text.query],
    });
  }
  if (filter.docId) all.push({ sql: "e.rowid IN (SELECT m.event FROM documents d JOIN mentions m ON m.doc = d.rowid WHERE d.id = ?)", params: [filter.docId] });

  let combos: Cond[][] = [[]];
  for (const group of any) {
    combos = combos.flatMap((c) =>
      group.alts.map((alt, j) => {
        // Disjoint branches: an alternative leaves out the events an earlier one took.
        const earlier = options.disjoint && !group.exclusive ? group.alts.slice(0, j).map((p) => ({ sql: `(${p.sql}) IS NOT 1`, params: p.params })) : [];
        return [...c, alt, ...earlier];
      }),
    );
  }
  const branches = combos.map((c) => {
    const conds = [...c, ...all];
    return { where: conds.length ? "WHERE " + conds.map((x) => x.sql).join(" AND ") : "", params: conds.flatMap((x) => x.params) };
  });
  const needsEvents = branches.some((b) => /\be\./.test(b.where));
  return { from, lean: key === "s" && !needsEvents ? "event_sources s" : from, key, branches };
}

/** SELECT … for each branch, joined by UNION (a listing: duplicates go) or UNION ALL (disjoint branches). */
export function compound(plan: Plan, select: (from: string, where: string) => string, union: "UNION" | "UNION ALL", lean = false): { sql: string; params: unknown[] } {
  return { sql: plan.branches.map((b) => select(lean ? plan.lean : plan.from, b.where)).join(`\n${union}\n`), params: plan.branches.flatMap((b) => b.params) };
}

export function limitSql(limit: number | undefined, offset: number | undefined, params: unknown[]): string {
  let s = "";
  if (limit !== undefined && limit > 0) {
    s += " LIMIT ?";
    params.push(limit);
    if (offset) {
      s += " OFFSET ?";
      params.push(offset);
    }
  } else if (offset) {
    s += " LIMIT -1 OFFSET ?";
    params.push(offset);
  }
  return s;
}
