// Resolution: a name (or a book entry) to a CAMEO actor at a date. The events
// stage calls `resolveActor` again at an event's own date.

import type { Actor } from "../record.js";
import type { Resources } from "../pipeline/resources.js";
import { bookOf, countryOfCode, sectorOfCode, type ActorBook, type BookEntry, type Role } from "./book.js";
import { dateEnd, dateStart, nameKey } from "./normalize.js";

/** Sectors that make a former office-holder an elite (ELI) once out of office. */
const ELITE_SECTORS = /^(GOV|MIL|LEG|JUD|SPY|ELI)/;

export function makeActor(code: string, name: string | null = null): Actor {
  return { code, country: countryOfCode(code), sector: sectorOfCode(code), name };
}

/** Does a role hold at the date (YYYY-MM-DD, or a coarser YYYY-MM / YYYY)? */
export function roleHolds(role: Role, date: string): boolean {
  const d0 = dateStart(date);
  const d1 = dateEnd(date);
  if (role.start && d1 < dateStart(role.start)) return false;
  if (role.end && d0 > dateEnd(role.end)) return false;
  return true;
}

export interface RoleAt {
  code: string;
  role: string | null;
  /** "current" when a role holds at the date; "former" after one; "before" when none has begun. */
  status: "current" | "former" | "before" | "undated";
}

/** The code a dated entry (a person, an institution) stands for at a date. */
export function roleAt(entry: BookEntry, date: string | null): RoleAt | null {
  const roles = entry.roles;
  if (roles.length === 0) return null;
  if (!date) {
    const last = roles[roles.length - 1]!;
    return { code: last.code, role: last.role, status: "undated" };
  }
  let best: Role | null = null;
  for (const r of roles) {
    if (!roleHolds(r, date)) continue;
    // several roles at once: the executive one, else the latest to start
    if (!best || (sectorOfCode(r.code) === "GOV" && sectorOfCode(best.code) !== "GOV") || ((r.start ?? "") > (best.start ?? "") && sectorOfCode(best.code) !== "GOV")) best = r;
  }
  if (best) return { code: best.code, role: best.role, status: "current" };
  const d0 = dateStart(date);
  const ended = roles.filter((r) => r.end && dateEnd(r.end) < d0);
  if (entry.kind === "person") {
    const country = entry.country ?? countryOfCode(roles[0]!.code);
    if (ended.length > 0) {
      const last = ended.sort((a, b) => (a.end ?? "").localeCompare(b.end ?? ""))[ended.length - 1]!;
      const sector = sectorOfCode(last.code);
      const national = /^[A-Z]{3}$/.test(country) && !/^(IGO|NGO)/.test(country);
      if (national && sector && ELITE_SECTORS.test(sector)) return { code: country + "ELI", role: last.role, status: "former" };
      if (national) return { code: country, role: last.role, status: "former" };
      return { code: last.code, role: last.role, status: "former" };
    }
    return { code: country, role: null, status: "before" };
  }
  // a seat outside its dated meaning is just a building (the Blue House after the move): no code
  if (entry.type === "FAC") return null;
  // a body or group outside its dated rows is still itself: after them, its last code (the KGB
  // in a story with no date); before them, its country (the ANC before 1994)
  if (ended.length > 0) {
    const last = ended.sort((a, b) => (a.end ?? "").localeCompare(b.end ?? ""))[ended.length - 1]!;
    return { code: last.code, role: last.role, status: "former" };
  }
  const country = entry.country ?? countryOfCode(roles[0]!.code);
  return /^[A-Z]{3}$/.test(country) ? { code: country, role: null, status: "before" } : null;
}

/** The actor an entry stands for at a date; null for places that are not actors. */
export function entryActor(entry: BookEntry, date: string | null): Actor | null {
  switch (entry.kind) {
    case "person":
    case "institution": {
      const r = roleAt(entry, date);
      return r ? makeActor(r.code, entry.name) : null;
    }
    case "country":
    case "capital":
    case "metonym":
    case "demonym":
    case "igo":
      return entry.code ? makeActor(entry.code, entry.kind === "demonym" || entry.kind === "capital" || entry.kind === "metonym" ? countryName(entry) : entry.name) : null;
    case "group":
      return entry.code ? makeActor(entry.code, entry.name) : null;
    case "place":
      return null;
  }
}

function countryName(entry: BookEntry): string {
  return entry.countryName ?? entry.rows[0]?.row.name ?? entry.name;
}

/** How much an entry kind is worth when a name has several readings (a person over a place of the same name …). */
const KIND_RANK: Record<string, number> = { person: 6, igo: 5, institution: 5, country: 4, capital: 3, metonym: 3, demonym: 2, place: 1, group: 1 };

const COUNTRY_KINDS = new Set(["country", "capital", "metonym", "demonym"]);

/** Is the entry a historical state's reading (a dated countries.tsv row: its name, capital, demonym)? */
const historicalState = (e: BookEntry): boolean => e.roles.length > 0 && e.kind !== "person" && e.kind !== "institution";

/** A name of a historical state read at a date outside the state's dates. */
function outOfDate(e: BookEntry, date: string | null): boolean {
  return !!date && historicalState(e) && !e.roles.some((r) => roleHolds(r, date));
}

/**
 * The readings of a name that hold at a date: a historical state's readings drop out outside its
 * dates when another reading is left ("Bonn" is West Germany until 1990-10-02 and Germany after,
 * "Moscow" the Soviet Union until 1991-12-26, "Belgrade" YUG, FRY, SCG, then Serbia).
 */
export function entriesAt(entries: readonly BookEntry[], date: string | null): readonly BookEntry[] {
  if (!date || !entries.some(historicalState)) return entries;
  const kept = entries.filter((e) => !outOfDate(e, date));
  // only a successor's reading replaces them (not a people's or place's: "Soviet" stays USR in 2020)
  return kept.some((e) => COUNTRY_KINDS.has(e.kind)) ? kept : entries;
}

/** The book's best reading of a name: people in office at the date first, then organisations, countries, places. */
export function bestEntry(all: readonly BookEntry[], date: string | null): BookEntry | null {
  const entries = entriesAt(all, date);
  let best: BookEntry | null = null;
  let bestScore = -Infinity;
  for (const e of entries) {
    let score = KIND_RANK[e.kind] ?? 0;
    // a historical state's reading at a date it holds beats its successor's of the same kind
    if (date && historicalState(e) && e.roles.some((r) => roleHolds(r, date))) score += 0.5;
    if (e.kind === "person" && date) {
      const r = roleAt(e, date);
      if (r?.status === "current") score += 4;
    }
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

export interface Resolution {
  actor: Actor | null;
  entry: BookEntry | null;
  /** The office the entry holds at the date, when it is a person or institution. */
  role: string | null;
  /** How the name was found: the full name or alias, a surname, or a title phrase. */
  via: "name" | "surname" | "title" | "none";
}

/**
 * How a name resolves at a date: "Moon Jae-in" → KORGOV in 2020 and KORELI in 2023,
 * "Pyongyang" → PRK, "Blue House" → KORGOV, "Chinese Foreign Ministry spokesperson" → CHNGOV.
 */
export function resolveActor(resources: Resources, name: string, date: string | null): Resolution {
  const book = bookOf(resources);
  const key = nameKey(name.trim().replace(/^the\s+/i, ""));
  const entries = book.byKey.get(key);
  if (entries && entries.length) {
    const e = bestEntry(entries, date)!;
    const r = e.kind === "person" || e.kind === "institution" ? roleAt(e, date) : null;
    return { actor: entryActor(e, date), entry: e, role: r?.role ?? null, via: "name" };
  }
  const people = book.surnames.get(key);
  if (people && people.length) {
    const current = date ? people.filter((p) => roleAt(p, date)?.status === "current") : people;
    if (current.length === 1) {
      const p = current[0]!;
      return { actor: entryActor(p, date), entry: p, role: roleAt(p, date)?.role ?? null, via: "surname" };
    }
  }
  const titled = actorOfPhrase(book, name, date);
  if (titled) return { actor: titled, entry: null, role: null, via: "title" };
  return { actor: null, entry: null, role: null, via: "none" };
}

/**
 * An entity of the entities layer re-resolved at another date (the events stage
 * calls this at an event's date): by its name, else its antecedent's name (for a
 * surname, title or pronoun), else its role, else the actor it already has.
 */
export function resolveEntity(
  resources: Resources,
  entities: readonly { text: string; role?: string | null; ref?: number | null; actor: Actor | null; mention?: string }[],
  index: number,
  date: string | null,
): Actor | null {
  type Ent = (typeof entities)[number];
  const seen = new Set<number>();
  let i: number | null | undefined = index;
  while (i !== null && i !== undefined && !seen.has(i)) {
    seen.add(i);
    const e: Ent | undefined = entities[i];
    if (!e) break;
    if ((e.mention ?? "name") === "name") {
      const r = resolveActor(resources, e.text, date);
      if (r.actor && r.via !== "title") return r.actor;
      if (e.role) {
        const byRole = actorOfPhrase(bookOf(resources), e.role, date);
        if (byRole) return byRole;
      }
      if (r.actor) return r.actor;
    }
    if (e.ref === null || e.ref === undefined) break;
    i = e.ref;
  }
  return entities[index]?.actor ?? null;
}

/**
 * The actor a descriptive phrase implies: a country (name, demonym, alias) or an
 * organisation in it, plus a sector word ("Chinese Foreign Ministry spokesperson" →
 * CHNGOV, "South Korean civic group activists" → KORCVL, "North Korean defectors" → PRKREF).
 */
/** Second parts of a hyphenated modifier that give a group the first part's country. */
const BASE_SUFFIXES = new Set(["based", "led"]);

export function actorOfPhrase(book: ActorBook, phrase: string, date: string | null): Actor | null {
  const words = nameKey(phrase).split(/[\s]+/).filter((w) => w !== "" && w !== "the" && w !== "a" && w !== "an");
  let country: string | null = null;
  let igo: string | null = null;
  let sector: string | null = null;
  let orgCode: string | null = null;
  // the phrase's own words, with their capitals, beside the keys (when they line up)
  const orig = phrase.trim().split(/\s+/).filter((w) => w !== "" && !/^(?:the|a|an)$/i.test(w));
  // the country came from a name the book marks ambiguous ("Communist Party"): a country named after it wins
  let looseCountry = false;
  let looseSector: string | null = null;
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    // longest book name starting here
    for (let n = Math.min(6, words.length - i); n >= 1 && !matched; n--) {
      const k = words.slice(i, i + n).join(" ");
      const es = book.byKey.get(k) ?? book.byKey.get(k.replace(/'s$/, ""));
      // a name the book writes only as an acronym matches only in capitals ("PAN", not "Pan African")
      if (es && es.length && book.acronyms.has(k) && !hasWordInCaps(phrase, k)) continue;
      if (es && es.length) {
        let e = bestEntry(es, date)!;
        let a = entryActor(e, date);
        // a name several countries' bodies share, after one of those countries: that country's ("South Korean Democratic Party")
        if (country && a && a.country !== country && es.length > 1) {
          const own = es.find((x) => entryActor(x, date)?.country === country);
          if (own) {
            e = own;
            a = entryActor(own, date);
          }
        }
        const ambiguousBody = e.kind === "institution" && !!e.ambiguous;
        // "Lithuanian Parliament": a body's generic name after another country is that country's body;
        // so is a party name the book marks ambiguous ("Italian Communist Party", "Japan Socialist Party")
        // (not a transnational group's: "British IS" are the Islamic State's)
        if (country && a && e.kind === "institution" && a.country !== country && (isGenericBody(book, k) || (ambiguousBody && book.countries.has(a.country ?? "")))) continue;
        // a one-word name the book marks ambiguous inside a longer name is a word of it ("Arab Socialist
        // Union", "Union of Islamic Courts"), not the body ("Union" for Germany's CDU/CSU)
        if (n === 1 && ambiguousBody && es.every((x) => x.kind === "institution" && x.ambiguous) && (words[i + 1] === "of" || (!country && insideName(orig, i, book)))) continue;
        // "Communist Party of India": the country named after an ambiguous party name is the party's
        if (looseCountry && a?.country && a.country !== country && (e.kind === "country" || e.kind === "demonym" || e.kind === "capital")) {
          country = a.country;
          orgCode = null;
          sector = looseSector;
          looseCountry = false;
          matched = n;
          continue;
        }
        if (a && (e.kind === "institution" || e.kind === "igo" || (e.kind === "group" && a.code.length > 3))) orgCode = a.code;
        if (a?.country && !country) {
          country = a.country;
          looseCountry = ambiguousBody;
          // the sector its last word gives, should another country take it over ("Communist Party of India": a party)
          looseSector = ambiguousBody ? (book.sectors.get(k.slice(k.lastIndexOf(" ") + 1))?.sector ?? null) : null;
        }
        if (e.kind === "igo") igo = e.code;
        matched = n;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    // "Pakistan-based militants", "a U.S.-led coalition": the place a group is based in, or the
    // country that leads it, is its country ("Iranian-backed" is not: the backer is another actor)
    const w = words[i]!;
    const dash = w.lastIndexOf("-");
    if (dash > 0 && !country && BASE_SUFFIXES.has(w.slice(dash + 1))) {
      const es = book.byKey.get(w.slice(0, dash));
      const e = es && es.length ? bestEntry(es, date) : null;
      const a = e && (e.kind === "country" || e.kind === "capital" || e.kind === "demonym" || e.kind === "place") ? entryActor(e, date) : null;
      if (a?.country) country = a.country;
    }
    for (let n = Math.min(4, words.length - i); n >= 1 && !matched; n--) {
      const k = words.slice(i, i + n).join(" ");
      const s = book.sectors.get(k) ?? book.sectors.get(singular(k));
      if (s) {
        sector = s.sector;
        matched = n;
      }
    }
    i += matched || 1;
  }
  if (igo) return makeActor(igo);
  if (orgCode && !sector) return makeActor(orgCode);
  if (orgCode && sector && countryOfCode(orgCode) === country) {
    // "Blue House official": the body's own code wins over a generic title's sector
    return makeActor(orgCode);
  }
  if (!country) return null;
  return makeActor(country + (sector && sector !== "ELI" ? sector : sector ?? ""));
}

/**
 * Is word i (not the phrase's first) inside a longer capitalised name: a capitalised word that is
 * no sector word right before it (not the phrase's first word, capitalised anyway at a sentence
 * start) or right after it ("Arab Socialist Union", "Times Union Center"; not "former Kremlin
 * official", "Treasury Secretary")?
 */
function insideName(orig: string[], i: number, book: ActorBook): boolean {
  const nameWord = (w: string | undefined) => !!w && /^\p{Lu}/u.test(w) && !book.sectors.has(nameKey(w)) && !book.sectors.has(singular(nameKey(w)));
  return i >= 1 && ((i >= 2 && nameWord(orig[i - 1])) || nameWord(orig[i + 1]));
}

/**
 * Does the phrase hold the key's words in capitals ("PAN" in "PAN leaders")? A longer acronym
 * may also be written as a name, as British papers do ("Farc", "Nato"); a short one may not ("Pan African").
 */
function hasWordInCaps(phrase: string, key: string): boolean {
  const up = key.toUpperCase();
  const text = key.length >= 4 ? phrase.replace(/\p{Lu}\p{Ll}+/gu, (w) => w.toUpperCase()) : phrase;
  let at = text.indexOf(up);
  while (at >= 0) {
    const before = at > 0 ? text[at - 1]! : " ";
    const after = text[at + up.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = text.indexOf(up, at + 1);
  }
  return false;
}

/** Is a name also a generic word for a body ("Parliament", "Cabinet", "Senate"), so that a country's row for it is only a default? */
export function isGenericBody(book: ActorBook, key: string): boolean {
  const s = book.sectors.get(key);
  return !!s && s.kind === "body";
}

/** A plural noun's singular, roughly ("activists" → "activist", "authorities" → "authority", "men" → "man"). */
export function singular(w: string): string {
  if (w.endsWith("men")) return w.slice(0, -3) + "man";
  if (w.endsWith("people")) return w.slice(0, -6) + "person";
  if (w.endsWith("ies") && w.length > 4) return w.slice(0, -3) + "y";
  if (/(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && w.length > 3) return w.slice(0, -1);
  return w;
}
