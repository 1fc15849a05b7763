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
  /** The book rows behind the entry (for `dyad actors lookup`). */
  rows: { file: string; row: Record<string, string> }[];
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

const split = (cell: string | undefined): string[] =>
  (cell ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s !== "");

const TYPES = new Set(["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "MISC"]);
const asType = (t: string | undefined, dflt: EntityType): EntityType => (t && TYPES.has(t.toUpperCase()) ? (t.toUpperCase() as EntityType) : dflt);

/** Name order with the family name first (so "Moon" of "Moon Jae-in" is the surname). */
const FAMILY_FIRST = new Set(["KOR", "PRK", "CHN", "TWN", "HKG", "MAC"]);
const PARTICLES = new Set(["von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten", "st."]);

/** The country part of an actor code: IGOs and other international codes are their own country. */
export function countryOfCode(code: string): string {
  if (/^(IGO|NGO|IMG|MNC|INT|UIS|NGM)/.test(code)) return code;
  return code.slice(0, 3);
}

export function sectorOfCode(code: string): string | null {
  if (/^(IGO|NGO|IMG|MNC|INT|UIS|NGM)/.test(code)) return null;
  return code.length > 3 ? code.slice(3) : null;
}

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
  return { kind, name, type, code: null, country: null, roles: [], geo: null, ambiguous: row.ambiguous || null, rows: [{ file, row }], ...extra };
}

const num = (s: string | undefined): number | null => {
  if (s === undefined || s.trim() === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

export function buildBook(data: DataSource): ActorBook {
  const b = new BookBuilder();
  const countries = new Map<string, BookEntry>();
  const demonymOf = new Map<string, string>();

  for (const row of readTsv(data, "actors/countries.tsv")) {
    const code = (row.code ?? "").toUpperCase();
    if (!code || !row.name) continue;
    const ambiguous = row.ambiguous || null;
    const c = entry("country", row.name, "GPE", "countries.tsv", row, { code, country: code, ambiguous });
    countries.set(code, c);
    b.add(row.name, c);
    for (const a of split(row.aliases)) b.add(a, c);
    const dems = split(row.demonyms);
    if (dems[0]) demonymOf.set(code, dems[0]);
    for (const d of dems) b.add(d, entry("demonym", d, "NORP", "countries.tsv", row, { code, country: code }));
    for (const cap of split(row.capital)) b.add(cap, entry("capital", cap, "GPE", "countries.tsv", row, { code, country: code }));
    for (const m of split(row.metonyms)) b.add(m, entry("metonym", m, "GPE", "countries.tsv", row, { code, country: code }));
  }

  for (const row of readTsv(data, "actors/igos.tsv")) {
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

  for (const row of readTsv(data, "actors/places.tsv")) {
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
  for (const row of readTsv(data, "actors/names/regions.tsv")) {
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
    const national = [...counts].filter(([c]) => /^[A-Z]{3}$/.test(c) && !/^(IGO|NGO)/.test(c)).sort((a, b) => b[1] - a[1])[0];
    p.country = national ? national[0] : p.country;
    p.roles.sort((a, b) => ((a.start ?? "") < (b.start ?? "") ? -1 : (a.start ?? "") > (b.start ?? "") ? 1 : 0));
    const aliases = [p.name, ...p.rows.flatMap((r) => split(r.row.aliases))];
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
  for (const row of readTsv(data, "actors/names/groups.tsv")) {
    if (!row.name) continue;
    const country = row.country ? row.country.split("|")[0]!.trim().toUpperCase() || null : null;
    const e = entry("group", row.name, asType(row.type, "NORP"), "names/groups.tsv", row, { code: row.code || country, country });
    b.add(row.name, e);
    for (const a of split(row.aliases)) b.add(a, e);
  }

  const sectors = new Map<string, SectorWord>();
  for (const row of readTsv(data, "actors/sectors.tsv")) {
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
    for (const row of parseTsv(text)) out.push([v, row]);
  });
  return out;
}

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
  byFirst: Map<string, number>;
}

/**
 * Cities by name key, read from the derived file's rows as they are asked for
 * (25,000 rows parse in a few milliseconds when only their keys are read at load).
 */
export class CityTable {
  private readonly lines: string[] = [];
  /** key → first row index * 64 + row count */
  private readonly index = new Map<string, number>();
  private readonly built = new Map<string, City[]>();

  addText(text: string): void {
    let header = true;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      if (line === "" || line.charCodeAt(0) === 35) continue;
      if (header) {
        header = false;
        continue;
      }
      const tab = line.indexOf("\t");
      if (tab <= 0) continue;
      const key = line.slice(0, tab);
      const at = this.lines.length;
      this.lines.push(line);
      const prev = this.index.get(key);
      if (prev === undefined) this.index.set(key, at * 64 + 1);
      else if (Math.floor(prev / 64) + (prev % 64) === at && prev % 64 < 63) this.index.set(key, prev + 1);
      else this.extra.push([key, at]);
    }
  }

  /** Rows of a key that do not sit with its others (a user's file adding a city of a known name). */
  private readonly extra: [string, number][] = [];

  has(key: string): boolean {
    return this.index.has(key);
  }

  get(key: string): City[] | undefined {
    const v = this.index.get(key);
    if (v === undefined) return undefined;
    let list = this.built.get(key);
    if (list) return list;
    list = [];
    const first = Math.floor(v / 64);
    for (let i = first; i < first + (v % 64); i++) list.push(this.parse(this.lines[i]!));
    for (const [k, i] of this.extra) if (k === key) list.push(this.parse(this.lines[i]!));
    list.sort((a, b) => b.population - a.population);
    this.built.set(key, list);
    return list;
  }

  keys(): IterableIterator<string> {
    return this.index.keys();
  }

  private parse(line: string): City {
    const [, name, country, lat, lon, pop, feature] = line.split("\t");
    return { name: name!, country: country!, lat: Number(lat), lon: Number(lon), population: Number(pop) || 0, capital: feature === "PPLC", seat: feature === "PPLC" || feature === "PPLA" };
  }
}

/** City key → cities of that name, most populous first (data/actors/names/cities.tsv, derived from GeoNames). */
export function citiesOf(resources: Resources): CityIndex {
  return resources.use("actors/cities", (data) => {
    const table = new CityTable();
    for (const text of data.read("actors/names/cities.tsv")) table.addText(text);
    const multi: string[] = [];
    for (const k of table.keys()) if (k.indexOf(" ") > 0) multi.push(k);
    return { byKey: table, byFirst: firstIndex(multi) };
  });
}

/** Given names with their births (a measure of how surely a word is a first name), as sorted arrays. */
export class GivenNames {
  private readonly names: string[] = [];
  private readonly births: number[] = [];
  private readonly extra = new Map<string, number>();

  /** Adds a file's rows; rows out of order (a user's file) go to a side table. */
  addText(text: string): void {
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      if (line === "" || line.charCodeAt(0) === 35 || line.startsWith("name\t")) continue;
      const tab = line.indexOf("\t");
      const name = (tab < 0 ? line : line.slice(0, tab)).trim();
      const n = tab < 0 ? 0 : Number(line.slice(tab + 1)) || 0;
      const last = this.names[this.names.length - 1];
      if (last === undefined || last < name) {
        this.names.push(name);
        this.births.push(n);
      } else this.extra.set(name, n);
    }
  }

  set(name: string, births: number): void {
    if (this.get(name) === undefined) this.extra.set(name, births);
  }

  get(name: string): number | undefined {
    const a = this.names;
    let lo = 0;
    let hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = a[mid]!;
      if (x === name) return this.births[mid];
      if (x < name) lo = mid + 1;
      else hi = mid - 1;
    }
    return this.extra.get(name);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
}

export function givenNamesOf(resources: Resources): GivenNames {
  return resources.use("actors/given-names", (data, r) => {
    const out = new GivenNames();
    for (const text of data.read("actors/names/given-names.tsv")) out.addText(text);
    // first names of the book's people ("Vladimir", "Recep") count as given names
    for (const g of bookOf(r).givenNames) out.set(g, 1000);
    return out;
  });
}

/** A set of words kept as one sorted array (85,000 words load in a few milliseconds; lookups are binary searches). */
export class SortedWords {
  private readonly words: string[];

  constructor(words: string[]) {
    this.words = words;
  }

  has(w: string): boolean {
    const a = this.words;
    let lo = 0;
    let hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = a[mid]!;
      if (x === w) return true;
      if (x < w) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  get size(): number {
    return this.words.length;
  }
}

/** Lower-case common English words (not proper nouns), for telling a capitalised word from a name. */
export function commonWordsOf(resources: Resources): SortedWords {
  return resources.use("actors/common-words", (data) => {
    const versions = data.read("actors/names/common-words.txt");
    let words: string[] = [];
    for (const text of versions) for (const line of text.split("\n")) if (line !== "" && line.charCodeAt(0) !== 35) words.push(line.trim());
    let sorted = true;
    for (let i = 1; i < words.length && sorted; i++) if (words[i - 1]! > words[i]!) sorted = false;
    if (!sorted) words = [...new Set(words)].sort();
    return new SortedWords(words);
  });
}

/** Name cues: words that type the names they head or follow (data/actors/names/cues.tsv). */
export interface Cues {
  /** Last word of a name → type it gives ("Ministry" → ORG, "River" → LOC, "Cup" → MISC). */
  head: Map<string, EntityType>;
  /** Words before a name that make it a person (honorifics, titles, positions in sport). */
  personBefore: Set<string>;
  /** Words after a name that make it an organisation ("Inc.", "FC"). */
  orgAfter: Set<string>;
  /** Capitalised words that are never names by themselves (days, months, "I"). */
  notName: Set<string>;
  /** Words that join parts of a name ("of", "von", "bin", "al-"). */
  particle: Set<string>;
}

export function cuesOf(resources: Resources): Cues {
  return resources.use("actors/cues", (data) => {
    const cues: Cues = { head: new Map(), personBefore: new Set(), orgAfter: new Set(), notName: new Set(), particle: new Set() };
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
        case "not-name":
          cues.notName.add(w);
          break;
        case "particle":
          cues.particle.add(w);
          break;
      }
    }
    return cues;
  });
}
