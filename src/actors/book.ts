// The actor book (data/actors/*.tsv, README.md there) loaded into lookup tables:
// every name and alias by its key, people's roles over time, sector words, and the
// name gazetteers the mention finder uses (data/actors/names/).

import type { EntityType } from "../record.js";
import { parseTsv, readTsv, type DataSource, type Resources } from "../pipeline/resources.js";
import { firstWordKey, hasLower, nameKey } from "./normalize.js";

export type EntryKind = "country" | "capital" | "metonym" | "demonym" | "igo" | "institution" | "person" | "place" | "group";

export interface Role {
  code: string;
  role: string | null;
  start: string | null;
  end: string | null;
}

export interface Geo {
  lat: number;
  lon: number;
  country: string | null;
}

export interface BookEntry {
  kind: EntryKind;
  /** The canonical name ("North Korea", "Moon Jae-in"). */
  name: string;
  type: EntityType;
  /** A code that does not change with time (countries, IGOs, demonyms); null for dated entries and places. */
  code: string | null;
  /** The country (ISO alpha-3) or IGO code the entry belongs to. */
  country: string | null;
  /** Dated codes (people's roles, institutions whose meaning changed). */
  roles: Role[];
  geo: Geo | null;
  /** Other readings of an ambiguous name, as the book notes them ("US state", "person's name"). */
  ambiguous: string | null;
  /** The book rows behind the entry (for `dyad actors lookup`); empty in a book read from the snapshot (see `entryRows`). */
  rows: { file: string; row: Record<string, string> }[];
  /** For an entry read from the snapshot: its rows as [index into BOOK_SOURCES, index among the file's rows]. */
  refs?: [number, number][];
  /** For a country's alias, demonym, capital or metonym: the country's name ("South Korea" for "South Korean"). */
  countryName?: string | null;
}

export interface SectorWord {
  sector: string;
  kind: "title" | "body" | "group";
  /** The word as the book writes it. */
  word: string;
}

export interface ActorBook {
  /** Name key → entries (a person, a country, …) it can stand for. */
  byKey: Map<string, BookEntry[]>;
  /** First-word key → the length of the longest name key starting with it (for longest-match scans). */
  byFirst: Map<string, number>;
  /** Keys written only as acronyms in the book ("US", "UN", "WHO"): the text must be upper case too. */
  acronyms: Set<string>;
  /** A person's surname key → the people. */
  surnames: Map<string, BookEntry[]>;
  /** Sector words and phrases by key (singular). */
  sectors: Map<string, SectorWord>;
  /** First-word key → the length of the longest sector phrase starting with it. */
  sectorFirst: Map<string, number>;
  /** Country code → its country entry. */
  countries: Map<string, BookEntry>;
  /** Country code → its demonym entries' adjective form ("South Korean"). */
  demonymOf: Map<string, string>;
  /** First names of the book's people ("Vladimir", "Recep"), to add to the given-name gazetteer. */
  givenNames: Set<string>;
}

function split(cell: string | undefined): string[] {
  const out: string[] = [];
  if (!cell) return out;
  if (cell.indexOf("|") < 0) {
    const s = cell.trim();
    if (s !== "") out.push(s);
    return out;
  }
  for (const part of cell.split("|")) {
    const s = part.trim();
    if (s !== "") out.push(s);
  }
  return out;
}

const TYPES = new Set(["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "MISC"]);
const asType = (t: string | undefined, dflt: EntityType): EntityType => (t && TYPES.has(t.toUpperCase()) ? (t.toUpperCase() as EntityType) : dflt);

/** Name order with the family name first (so "Moon" of "Moon Jae-in" is the surname). */
const FAMILY_FIRST = new Set(["KOR", "PRK", "CHN", "TWN", "HKG", "MAC"]);
const PARTICLES = new Set(["von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten", "st."]);

/** The country part of an actor code: IGOs and other international codes are their own country. */
const INTERNATIONAL = new Set(["IGO", "NGO", "IMG", "MNC", "INT", "UIS", "NGM"]);

export function countryOfCode(code: string): string {
  if (INTERNATIONAL.has(code.slice(0, 3))) return code;
  return code.slice(0, 3);
}

export function sectorOfCode(code: string): string | null {
  if (INTERNATIONAL.has(code.slice(0, 3))) return null;
  return code.length > 3 ? code.slice(3) : null;
}

/** An Arabic article joined to a surname ("al-Assad", "el-Sisi", "ash-Shara"). */
export const ARTICLE = /^(?:al|el|ad|as|an|ar|at|az|ash)[-‐](\p{Lu}[\p{L}'’-]+)$/u;

/** The surname keys of a person's name ("Ursula von der Leyen" → "von der leyen", "leyen"; "Moon Jae-in" → "moon"). */
export function surnameKeys(name: string, country: string | null): string[] {
  const words = name.split(/\s+/).filter((w) => w !== "");
  if (words.length < 2) return [];
  const keys: string[] = [];
  if (country && FAMILY_FIRST.has(country)) keys.push(nameKey(words[0]!));
  let i = words.length - 1;
  const last = words[i]!;
  if (/^(jr\.?|sr\.?|ii|iii|iv)$/i.test(last) && i > 1) i--;
  keys.push(nameKey(words[i]!));
  // "al-Assad" is also written "Assad"
  const article = ARTICLE.exec(words[i]!);
  if (article) keys.push(nameKey(article[1]!));
  let j = i;
  while (j > 1 && PARTICLES.has(words[j - 1]!.toLowerCase())) j--;
  if (j < i) keys.push(nameKey(words.slice(j, i + 1).join(" ")));
  return [...new Set(keys)];
}

class BookBuilder {
  readonly byKey = new Map<string, BookEntry[]>();
  readonly surnames = new Map<string, BookEntry[]>();
  readonly upperOnly = new Map<string, boolean>();

  add(alias: string, entry: BookEntry): void {
    const k = nameKey(alias);
    if (k === "") return;
    const upper = !hasLower(alias);
    this.upperOnly.set(k, (this.upperOnly.get(k) ?? true) && upper);
    const list = this.byKey.get(k);
    if (!list) this.byKey.set(k, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  }
}

function entry(kind: EntryKind, name: string, type: EntityType, file: string, row: Record<string, string>, extra: Partial<BookEntry> = {}): BookEntry {
  return {
    kind,
    name,
    type,
    code: extra.code ?? null,
    country: extra.country ?? null,
    roles: extra.roles ? [...extra.roles] : [],
    geo: extra.geo ?? null,
    ambiguous: extra.ambiguous !== undefined ? extra.ambiguous : row.ambiguous || null,
    rows: [{ file, row }],
    countryName: extra.countryName ?? null,
  };
}

const num = (s: string | undefined): number | null => {
  if (s === undefined || s.trim() === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

// ---------------------------------------------------------------- snapshot
//
// Building the book from its TSV files costs most of the stage's cold start (some
// 10,000 names parsed, keyed and linked in code that has not warmed up). The
// snapshot (actors/names/book.snapshot.json, written by scripts/ner/build-book.mjs)
// is the built book as JSON, which the engine's native parser reads in a few
// milliseconds. It records a fingerprint of every source file; when a file differs
// (a user's DYAD_DATA copy, or an edit without re-running the script) the book is
// built from the TSV files as before, with the same result.

/** The files the book is built from, in the order the builder reads them. */
export const BOOK_SOURCES = [
  "actors/countries.tsv",
  "actors/igos.tsv",
  "actors/institutions.tsv",
  "actors/places.tsv",
  "actors/names/regions.tsv",
  "actors/people.tsv",
  "actors/names/groups.tsv",
  "actors/sectors.tsv",
] as const;

export const BOOK_SNAPSHOT = "actors/names/book.snapshot.json";
const SNAPSHOT_FORMAT = 2;

/** A fingerprint of a text: its length and a 32-bit FNV-1a hash of its UTF-16 code units. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

/** An entry as the snapshot stores it: kind, name, type, code, country, roles [code, role, start, end], geo [lat, lon, country], ambiguous, countryName, refs. */
type StoredEntry = [EntryKind, string, EntityType, string | null, string | null, [string, string | null, string | null, string | null][], [number, number, string | null] | null, string | null, string | null, [number, number][]];

interface Snapshot {
  format: number;
  sources: Record<string, string>;
  entries: StoredEntry[];
  /** [key, entry indexes] */
  byKey: [string, number[]][];
  byFirst: [string, number][];
  acronyms: string[];
  surnames: [string, number[]][];
  sectors: [string, SectorWord][];
  sectorFirst: [string, number][];
  countries: [string, number][];
  demonymOf: [string, string][];
  givenNames: string[];
}

/** The fingerprints of the book's source files, or null when any has a user's version besides the package's. */
function sourcePrints(data: DataSource): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const path of BOOK_SOURCES) {
    const versions = data.read(path);
    if (versions.length > 1) return null;
    out[path] = versions.length ? fingerprint(versions[0]!) : "";
  }
  return out;
}

/** The book as a snapshot (JSON text), with the fingerprints of the sources it was built from. */
export function bookSnapshot(data: DataSource): string {
  const book = buildBookFromTsv(data);
  const sources = sourcePrints(data);
  if (!sources) throw new Error("a snapshot is of the package's own files only (unset DYAD_DATA)");
  const index = new Map<BookEntry, number>();
  const entries: BookEntry[] = [];
  const at = (e: BookEntry): number => {
    let i = index.get(e);
    if (i === undefined) {
      i = entries.length;
      entries.push(e);
      index.set(e, i);
    }
    return i;
  };
  const byKey = [...book.byKey].map(([k, es]): [string, number[]] => [k, es.map(at)]);
  const surnames = [...book.surnames].map(([k, es]): [string, number[]] => [k, es.map(at)]);
  const countries = [...book.countries].map(([k, e]): [string, number] => [k, at(e)]);
  const sourceIndex = new Map<string, number>(BOOK_SOURCES.map((p, i) => [p, i]));
  const stored = entries.map((e) => {
    const refs = e.rows.map((r) => {
      const place = rowPlace.get(r.row);
      if (!place) throw new Error(`${e.name}: a book row of unknown origin`);
      return [sourceIndex.get(place[0])!, place[1]] as [number, number];
    });
    const roles = e.roles.map((r) => [r.code, r.role, r.start, r.end]);
    const geo = e.geo ? [e.geo.lat, e.geo.lon, e.geo.country] : null;
    return [e.kind, e.name, e.type, e.code, e.country, roles, geo, e.ambiguous, e.countryName ?? null, refs] as StoredEntry;
  });
  const snap: Snapshot = {
    format: SNAPSHOT_FORMAT,
    sources,
    entries: stored,
    byKey,
    byFirst: [...book.byFirst],
    acronyms: [...book.acronyms],
    surnames,
    sectors: [...book.sectors],
    sectorFirst: [...book.sectorFirst],
    countries,
    demonymOf: [...book.demonymOf],
    givenNames: [...book.givenNames],
  };
  // one entry a line, so that a change to the book changes few lines
  const lines = Object.entries(snap).map(([k, v]) => {
    if (!Array.isArray(v)) return `${JSON.stringify(k)}: ${JSON.stringify(v)}`;
    return `${JSON.stringify(k)}: [\n${v.map((x) => JSON.stringify(x)).join(",\n")}\n]`;
  });
  return `{\n${lines.join(",\n")}\n}\n`;
}

/** The book from the snapshot, when the snapshot is there and was built from these very files; else null. */
function bookFromSnapshot(data: DataSource): ActorBook | null {
  const text = data.read(BOOK_SNAPSHOT);
  if (text.length !== 1) return null;
  const sources = sourcePrints(data);
  if (!sources) return null;
  let snap: Snapshot;
  try {
    snap = JSON.parse(text[0]!) as Snapshot;
  } catch {
    return null;
  }
  if (snap.format !== SNAPSHOT_FORMAT || !snap.sources) return null;
  for (const path of BOOK_SOURCES) if (snap.sources[path] !== sources[path]) return null;
  const entries: BookEntry[] = new Array(snap.entries.length);
  for (let i = 0; i < entries.length; i++) {
    const [kind, name, type, code, country, roles, geo, ambiguous, countryName, refs] = snap.entries[i]!;
    const rs: Role[] = new Array(roles.length);
    for (let k = 0; k < roles.length; k++) {
      const r = roles[k]!;
      rs[k] = { code: r[0], role: r[1], start: r[2], end: r[3] };
    }
    entries[i] = { kind, name, type, code, country, roles: rs, geo: geo ? { lat: geo[0], lon: geo[1], country: geo[2] } : null, ambiguous, rows: [], refs, countryName };
  }
  const lists = (pairs: [string, number[]][]): Map<string, BookEntry[]> => {
    const m = new Map<string, BookEntry[]>();
    for (const [k, ids] of pairs) {
      const list: BookEntry[] = new Array(ids.length);
      for (let i = 0; i < ids.length; i++) list[i] = entries[ids[i]!]!;
      m.set(k, list);
    }
    return m;
  };
  const countries = new Map<string, BookEntry>();
  for (const [k, i] of snap.countries) countries.set(k, entries[i]!);
  return {
    byKey: lists(snap.byKey),
    byFirst: new Map(snap.byFirst),
    acronyms: new Set(snap.acronyms),
    surnames: lists(snap.surnames),
    sectors: new Map(snap.sectors),
    sectorFirst: new Map(snap.sectorFirst),
    countries,
    demonymOf: new Map(snap.demonymOf),
    givenNames: new Set(snap.givenNames),
  };
}

/** The book rows behind an entry (for `dyad actors lookup`), read again from the files for a book read from the snapshot. */
export function entryRows(resources: Resources, e: BookEntry): { file: string; row: Record<string, string> }[] {
  if (e.rows.length || !e.refs) return e.rows;
  const files = resources.use("actors/book-rows", (data) => BOOK_SOURCES.map((path) => parseTsv(data.read(path)[0] ?? "")));
  return e.refs.map(([f, i]) => ({ file: BOOK_SOURCES[f]!.replace(/^actors\//, ""), row: files[f]![i]! }));
}

/** The book: from the snapshot when it matches the source files, else built from them. */
export function buildBook(data: DataSource): ActorBook {
  return bookFromSnapshot(data) ?? buildBookFromTsv(data);
}

/** The book built from its TSV files. */
export function buildBookFromTsv(data: DataSource): ActorBook {
  const b = new BookBuilder();
  const countries = new Map<string, BookEntry>();
  const demonymOf = new Map<string, string>();

  for (const [, row] of versionedRows(data, "actors/countries.tsv")) {
    const code = (row.code ?? "").toUpperCase();
    if (!code || !row.name) continue;
    const ambiguous = row.ambiguous || null;
    // a historical state (USR, GMW, YUG …): its names, capital and demonyms carry its dates, so
    // that a name it shares with a successor ("Moscow", "Belgrade", "Yugoslavia") reads by date
    const dated: Role[] = row.start || row.end ? [{ code, role: null, start: row.start || null, end: row.end || null }] : [];
    const c = entry("country", row.name, "GPE", "countries.tsv", row, { code, country: code, ambiguous, roles: dated });
    countries.set(code, c);
    b.add(row.name, c);
    for (const a of split(row.aliases)) b.add(a, c);
    const dems = split(row.demonyms);
    if (dems[0]) demonymOf.set(code, dems[0]);
    for (const d of dems) b.add(d, entry("demonym", d, "NORP", "countries.tsv", row, { code, country: code, countryName: row.name, roles: dated }));
    for (const cap of split(row.capital)) b.add(cap, entry("capital", cap, "GPE", "countries.tsv", row, { code, country: code, countryName: row.name, roles: dated }));
    for (const m of split(row.metonyms)) b.add(m, entry("metonym", m, "GPE", "countries.tsv", row, { code, country: code, countryName: row.name, roles: dated }));
  }

  for (const [, row] of versionedRows(data, "actors/igos.tsv")) {
    const code = (row.code ?? "").toUpperCase();
    if (!code || !row.name) continue;
    const e = entry("igo", row.name, asType(row.type, "ORG"), "igos.tsv", row, { code, country: countryOfCode(code) });
    b.add(row.name, e);
    for (const a of split(row.aliases)) b.add(a, e);
  }

  // Institutions: rows with the same name are one entry with dated codes.
  const institutions = new Map<string, BookEntry>();
  const institutionVersion = new Map<string, number>();
  for (const [version, row] of versionedRows(data, "actors/institutions.tsv")) {
    const code = (row.code ?? "").toUpperCase();
    if (!code || !row.name) continue;
    const key = nameKey(row.name);
    let e = institutions.get(key);
    if (e && institutionVersion.get(key) !== version) {
      e.roles = [];
      e.rows = [];
    }
    institutionVersion.set(key, version);
    if (!e) {
      e = entry("institution", row.name, asType(row.type, "ORG"), "institutions.tsv", row, { country: countryOfCode(code) });
      institutions.set(key, e);
      b.add(row.name, e);
    } else e.rows.push({ file: "institutions.tsv", row });
    e.roles.push({ code, role: null, start: row.start || null, end: row.end || null });
    for (const a of split(row.aliases)) b.add(a, e);
  }

  for (const [, row] of versionedRows(data, "actors/places.tsv")) {
    if (!row.name) continue;
    const lat = num(row.lat);
    const lon = num(row.lon);
    const country = row.country ? row.country.split("|")[0]!.trim().toUpperCase() || null : null;
    const e = entry("place", row.name, asType(row.type, "LOC"), "places.tsv", row, {
      country,
      code: row.code || null,
      geo: lat !== null && lon !== null ? { lat, lon, country } : null,
    });
    b.add(row.name, e);
    for (const a of split(row.aliases)) b.add(a, e);
  }

  // Our own list of regions, states and parts of the world (typing only; places.tsv has coordinates).
  for (const [, row] of versionedRows(data, "actors/names/regions.tsv")) {
    if (!row.name) continue;
    const country = row.country ? row.country.split("|")[0]!.trim().toUpperCase() || null : null;
    const e = entry("place", row.name, asType(row.type, "LOC"), "names/regions.tsv", row, { country });
    b.add(row.name, e);
    for (const a of split(row.aliases)) b.add(a, e);
  }

  const givenFromBook = new Set<string>();
  // People: one row per role; rows with the same name (or sharing an alias) are one person.
  const people = new Map<string, BookEntry>();
  const personVersion = new Map<string, number>();
  for (const [version, row] of versionedRows(data, "actors/people.tsv")) {
    const code = (row.code ?? "").toUpperCase();
    if (!code || !row.name) continue;
    const key = nameKey(row.name);
    let p = people.get(key);
    if (p && personVersion.get(key) !== version) {
      // a user's file that names a person replaces the package's rows for them
      p.roles = [];
      p.rows = [];
    }
    personVersion.set(key, version);
    if (!p) {
      p = entry("person", row.name, "PERSON", "people.tsv", row, { country: countryOfCode(code) });
      people.set(key, p);
      b.add(row.name, p);
    } else p.rows.push({ file: "people.tsv", row });
    p.roles.push({ code, role: row.role || null, start: row.start || null, end: row.end || null });
    for (const a of split(row.aliases)) b.add(a, p);
  }
  for (const p of people.values()) {
    // the country a person belongs to: the one of most of their roles
    const counts = new Map<string, number>();
    for (const r of p.roles) {
      const c = countryOfCode(r.code);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let national: string | null = null;
    let most = 0;
    for (const [c, n] of counts) if (n > most && c.length === 3 && !INTERNATIONAL.has(c)) (national = c), (most = n);
    if (national) p.country = national;
    if (p.roles.length > 1) p.roles.sort((a, b) => ((a.start ?? "") < (b.start ?? "") ? -1 : (a.start ?? "") > (b.start ?? "") ? 1 : 0));
    const aliases = [p.name];
    for (const r of p.rows) if (r.row.aliases) aliases.push(...split(r.row.aliases));
    for (const a of aliases) {
      const words = a.split(/\s+/);
      if (words.length >= 2 && !(p.country && FAMILY_FIRST.has(p.country))) givenFromBook.add(nameKey(words[0]!));
    }
    for (const a of aliases) {
      for (const s of surnameKeys(a, p.country)) {
        const list = b.surnames.get(s);
        if (!list) b.surnames.set(s, [p]);
        else if (!list.includes(p)) list.push(p);
      }
    }
  }

  givenFromBook.delete("");

  // Groups (religions, peoples, regions' adjectives) from our own list.
  for (const [, row] of versionedRows(data, "actors/names/groups.tsv")) {
    if (!row.name) continue;
    const country = row.country ? row.country.split("|")[0]!.trim().toUpperCase() || null : null;
    const e = entry("group", row.name, asType(row.type, "NORP"), "names/groups.tsv", row, { code: row.code || country, country });
    b.add(row.name, e);
    for (const a of split(row.aliases)) b.add(a, e);
  }

  const sectors = new Map<string, SectorWord>();
  for (const [, row] of versionedRows(data, "actors/sectors.tsv")) {
    if (!row.word || !row.sector) continue;
    const kind = row.kind === "body" || row.kind === "group" ? row.kind : "title";
    sectors.set(nameKey(row.word), { sector: row.sector.toUpperCase(), kind, word: row.word });
  }

  return {
    byKey: b.byKey,
    byFirst: firstIndex(b.byKey.keys()),
    acronyms: new Set([...b.upperOnly].filter(([, up]) => up).map(([k]) => k)),
    surnames: b.surnames,
    sectors,
    sectorFirst: firstIndex(sectors.keys()),
    countries,
    demonymOf,
    givenNames: givenFromBook,
  };
}

/** Rows of every version of a data file, each with the index of its version (0 = the package's). */
function versionedRows(data: DataSource, path: string): [number, Record<string, string>][] {
  const out: [number, Record<string, string>][] = [];
  data.read(path).forEach((text, v) => {
    parseTsv(text).forEach((row, i) => {
      if (v === 0) rowPlace.set(row, [path, i]);
      out.push([v, row]);
    });
  });
  return out;
}

/** Where a row of the package's book files came from: its file and its index among the file's rows (for the snapshot). */
const rowPlace = new WeakMap<Record<string, string>, [string, number]>();

/** First-word key → the length of the longest key beginning with it. */
export function firstIndex(keys: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) {
    const f = firstWordKey(k);
    if ((out.get(f) ?? 0) < k.length) out.set(f, k.length);
  }
  return out;
}

export const bookOf = (resources: Resources): ActorBook => resources.use("actors/book", buildBook);

// ---------------------------------------------------------------- gazetteers
//
// The big derived lists (cities, given names, common words) are sorted by their
// first field when the build script writes them, so the package's copy is searched
// in place: a binary search over the file's text, with nothing parsed at load. A
// user's copy (DYAD_DATA) may be in any order and goes into a small side table.

/** The offset just past the leading `#` comment lines and (when given) the header row. */
function dataStart(text: string, header: string | null): number {
  let at = 0;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    const isComment = c === 35;
    const isHeader = header !== null && text.startsWith(header, at);
    const isBlank = c === 10 || c === 13;
    if (!isComment && !isHeader && !isBlank) break;
    const nl = text.indexOf("\n", at);
    if (nl < 0) return text.length;
    at = nl + 1;
    if (isHeader) break;
  }
  return at;
}

/** Compares the first field of the line at `at` (up to a tab or the line's end) with k: <0, 0, >0. */
function compareField(text: string, at: number, k: string): number {
  const n = k.length;
  for (let i = 0; ; i++) {
    const c = at + i < text.length ? text.charCodeAt(at + i) : 10;
    const end = c === 9 || c === 10 || c === 13;
    if (i === n) return end ? 0 : 1;
    if (end) return -1;
    const d = c - k.charCodeAt(i);
    if (d !== 0) return d;
  }
}

/**
 * Lines of a text sorted by their first field (code-unit order), searched in place.
 * `lowerBound(k)` is the offset of the first line whose field is not below k.
 */
export class SortedLines {
  constructor(
    readonly text: string,
    readonly from: number,
  ) {}

  static of(text: string, header: string | null): SortedLines {
    return new SortedLines(text, dataStart(text, header));
  }

  lowerBound(k: string): number {
    const t = this.text;
    let lo = this.from;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const ls = Math.max(lo, t.lastIndexOf("\n", mid - 1) + 1);
      if (compareField(t, ls, k) < 0) {
        const le = t.indexOf("\n", ls);
        lo = le < 0 ? hi : le + 1;
      } else hi = ls;
    }
    return lo;
  }

  /** The offset of the first line whose first field is k, or -1. */
  find(k: string): number {
    const at = this.lowerBound(k);
    return at < this.text.length && compareField(this.text, at, k) === 0 ? at : -1;
  }

  /** The line starting at `at`, without its newline. */
  line(at: number): string {
    let end = this.text.indexOf("\n", at);
    if (end < 0) end = this.text.length;
    if (end > at && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(at, end);
  }

  /** The offset of the line after the one starting at `at`. */
  next(at: number): number {
    const nl = this.text.indexOf("\n", at);
    return nl < 0 ? this.text.length : nl + 1;
  }
}

/** Rows of a TSV text (comment lines and the header skipped), as raw lines. */
function dataLines(text: string, header: string | null): string[] {
  const out: string[] = [];
  for (const line of text.slice(dataStart(text, header)).split("\n")) {
    const l = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (l.trim() !== "" && l.charCodeAt(0) !== 35) out.push(l);
  }
  return out;
}

export interface City {
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
  capital: boolean;
  /** The seat of a first-order region (a state or province capital, GeoNames PPLA) or of a country. */
  seat: boolean;
}

export interface CityIndex {
  byKey: CityTable;
  /** First-word key → the length of the longest multi-word city key starting with it. */
  byFirst: { get(first: string): number | undefined };
}

const CITY_HEADER = "key\tname\t";

/** Cities by name key: the package's sorted file searched in place, rows parsed when asked for. */
export class CityTable {
  private readonly sorted: SortedLines | null;
  /** Rows of a user's files, by key. */
  private readonly extra = new Map<string, string[]>();
  private readonly built = new Map<string, City[] | null>();
  private readonly longest = new Map<string, number>();

  constructor(texts: string[]) {
    this.sorted = texts[0] !== undefined ? SortedLines.of(texts[0], CITY_HEADER) : null;
    for (const text of texts.slice(1)) {
      for (const line of dataLines(text, CITY_HEADER)) {
        const tab = line.indexOf("\t");
        if (tab <= 0) continue;
        const key = line.slice(0, tab);
        const list = this.extra.get(key);
        if (list) list.push(line);
        else this.extra.set(key, [line]);
      }
    }
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get(key: string): City[] | undefined {
    let list = this.built.get(key);
    if (list === undefined) {
      const lines: string[] = [];
      const s = this.sorted;
      if (s) for (let at = s.find(key); at >= 0 && at < s.text.length && compareField(s.text, at, key) === 0; at = s.next(at)) lines.push(s.line(at));
      const more = this.extra.get(key);
      if (more) lines.push(...more);
      list = lines.length ? lines.map(parseCity).sort((a, b) => b.population - a.population) : null;
      if (this.built.size > 50000) this.built.clear();
      this.built.set(key, list);
    }
    return list ?? undefined;
  }

  /** The length of the longest multi-word key whose first word is `first` (memoised), or undefined. */
  longestFrom(first: string): number | undefined {
    let n = this.longest.get(first);
    if (n === undefined) {
      n = 0;
      const s = this.sorted;
      if (s) {
        const t = s.text;
        for (let at = s.lowerBound(first); at < t.length && t.startsWith(first, at); at = s.next(at)) {
          const tab = t.indexOf("\t", at);
          const key = t.slice(at, tab < 0 ? t.length : tab);
          if (key.indexOf(" ") > 0 && firstWordKey(key) === first && key.length > n) n = key.length;
        }
      }
      for (const key of this.extra.keys()) if (key.indexOf(" ") > 0 && firstWordKey(key) === first && key.length > n) n = key.length;
      if (this.longest.size > 50000) this.longest.clear();
      this.longest.set(first, n);
    }
    return n > 0 ? n : undefined;
  }
}

function parseCity(line: string): City {
  const [, name, country, lat, lon, pop, feature] = line.split("\t");
  return { name: name!, country: country!, lat: Number(lat), lon: Number(lon), population: Number(pop) || 0, capital: feature === "PPLC", seat: feature === "PPLC" || feature === "PPLA" };
}

/** City key → cities of that name, most populous first (data/actors/names/cities.tsv, derived from GeoNames). */
export function citiesOf(resources: Resources): CityIndex {
  return resources.use("actors/cities", (data) => {
    const table = new CityTable(data.read("actors/names/cities.tsv"));
    return { byKey: table, byFirst: { get: (first: string) => table.longestFrom(first) } };
  });
}

/** Not in the table (a memo's mark, since a value may be null). */
const ABSENT = Symbol("absent");

/**
 * A two-column table (name, value) whose package file is sorted by name and searched in place
 * (no parsing at load); a user's rows add to it or override it.
 */
export class SortedTable<T> {
  private readonly sorted: SortedLines | null;
  private readonly extra = new Map<string, T>();
  /** Lookups so far, bounded. */
  private readonly memo = new Map<string, T | typeof ABSENT>();

  constructor(
    texts: string[],
    private readonly parse: (value: string) => T,
  ) {
    this.sorted = texts[0] !== undefined ? SortedLines.of(texts[0], "name\t") : null;
    for (const text of texts.slice(1)) {
      for (const line of dataLines(text, "name\t")) {
        const tab = line.indexOf("\t");
        const name = (tab < 0 ? line : line.slice(0, tab)).trim().toLowerCase();
        if (name) this.extra.set(name, parse(tab < 0 ? "" : line.slice(tab + 1).trim()));
      }
    }
  }

  /** Adds a name unless it is known. */
  set(name: string, value: T): void {
    if (this.get(name) === undefined) this.extra.set(name, value);
  }

  get(name: string): T | undefined {
    if (this.extra.has(name)) return this.extra.get(name);
    let v = this.memo.get(name);
    if (v === undefined) {
      v = this.find(name);
      if (this.memo.size > 100000) this.memo.clear();
      this.memo.set(name, v);
    }
    return v === ABSENT ? undefined : v;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  private find(name: string): T | typeof ABSENT {
    const s = this.sorted;
    if (!s || name === "") return ABSENT;
    const at = s.find(name);
    if (at < 0) return ABSENT;
    const tab = at + name.length;
    if (s.text.charCodeAt(tab) !== 9) return this.parse("");
    let end = s.text.indexOf("\n", tab + 1);
    if (end < 0) end = s.text.length;
    return this.parse(s.text.slice(tab + 1, end).trim());
  }
}

/** Given names with their US births since 1900 (0 when the source gives none). */
export type GivenNames = SortedTable<number>;

/** Given names borne mostly by women (F) or by men (M); null for a user's row that says neither. */
export type NameSexes = SortedTable<"F" | "M" | null>;

export function nameSexesOf(resources: Resources): NameSexes {
  return resources.use("actors/given-name-sexes", (data) =>
    new SortedTable(data.read("actors/names/given-name-sexes.tsv"), (v) => {
      const sex = v.toUpperCase();
      return sex === "F" || sex === "M" ? sex : null;
    }),
  );
}

export function givenNamesOf(resources: Resources): GivenNames {
  return resources.use("actors/given-names", (data, r) => {
    const out: GivenNames = new SortedTable(data.read("actors/names/given-names.tsv"), (v) => Number(v) || 0);
    // first names of the book's people ("Vladimir", "Recep") count as given names
    for (const g of bookOf(r).givenNames) out.set(g, 1000);
    return out;
  });
}

/** A set of lower-case words: the package's sorted list searched in place, a user's words in a side set. */
export class SortedWords {
  private readonly sorted: SortedLines | null;
  private readonly extra: Set<string>;

  constructor(texts: string[]) {
    this.sorted = texts[0] !== undefined ? SortedLines.of(texts[0], null) : null;
    this.extra = new Set(texts.slice(1).flatMap((t) => dataLines(t, null).map((w) => w.trim())));
  }

  has(w: string): boolean {
    if (this.extra.size > 0 && this.extra.has(w)) return true;
    return w !== "" && this.sorted !== null && this.sorted.find(w) >= 0;
  }
}

/** Lower-case common English words (not proper nouns), for telling a capitalised word from a name. */
export function commonWordsOf(resources: Resources): SortedWords {
  return resources.use("actors/common-words", (data) => new SortedWords(data.read("actors/names/common-words.txt")));
}

/** Name cues: words that type the names they head or follow (data/actors/names/cues.tsv). */
export interface Cues {
  /** Last word of a name → type it gives ("Ministry" → ORG, "River" → LOC, "Cup" → MISC). */
  head: Map<string, EntityType>;
  /** Words before a name that make it a person (honorifics, titles, positions in sport). */
  personBefore: Set<string>;
  /** Words after a name that make it an organisation ("Inc.", "FC"). */
  orgAfter: Set<string>;
  /** Lower-case nouns right before a name that make it an organisation ("club Veltrana", "newspaper Zorvik"). */
  orgBefore: Set<string>;
  /** Capitalised words that are never names by themselves (days, months, "I"). */
  notName: Set<string>;
  /** Words that join parts of a name ("of", "von", "bin", "al-"). */
  particle: Set<string>;
  /** Verbs after a sentence-initial surname that make it the person's ("Trump said", "Rice met"). */
  personAfter: Set<string>;
}

export function cuesOf(resources: Resources): Cues {
  return resources.use("actors/cues", (data) => {
    const cues: Cues = { head: new Map(), personBefore: new Set(), orgAfter: new Set(), orgBefore: new Set(), notName: new Set(), particle: new Set(), personAfter: new Set() };
    for (const row of readTsv(data, "actors/names/cues.tsv")) {
      const w = nameKey(row.word ?? "");
      if (!w) continue;
      switch (row.cue) {
        case "head":
          cues.head.set(w, asType(row.type, "ORG"));
          break;
        case "person-before":
          cues.personBefore.add(w);
          break;
        case "org-after":
          cues.orgAfter.add(w);
          cues.head.set(w, "ORG");
          break;
        case "org-before":
          cues.orgBefore.add(w);
          break;
        case "not-name":
          cues.notName.add(w);
          break;
        case "particle":
          cues.particle.add(w);
          break;
        case "person-after":
          cues.personAfter.add(w);
          break;
      }
    }
    return cues;
  });
}
