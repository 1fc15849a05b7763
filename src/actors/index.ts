// Actors: named-entity mentions resolved to CAMEO actor codes at the publication
// date, plus who "he", "the official" and "his country" are. The events stage
// re-resolves at an event's own date with `resolveActor`.

import type { Doc } from "../pipeline/doc.js";
import type { Actor, EntityType } from "../record.js";
import type { Entity, Sentence, Structure, Token } from "../pipeline/layers.js";
import type { Stage } from "../pipeline/pipeline.js";
import type { Resources } from "../pipeline/resources.js";
import { type BookEntry, type City, type Geo } from "./book.js";
import { addCoreference, findRoles, leadOf, owningCountry, phraseActor } from "./coref.js";
import { findMentions, nameTablesOf, Sure, type Mention, type NameTables } from "./mentions.js";
import { bestEntry, entriesAt, entryActor, isGenericBody, makeActor } from "./resolve.js";
import { nameKey } from "./normalize.js";

export { resolveActor, resolveEntity, actorOfPhrase, roleAt, entryActor, makeActor, bestEntry, type Resolution } from "./resolve.js";
export { bookOf, type BookEntry, type ActorBook } from "./book.js";

/** Words for a country's divisions that follow their names ("Niger state", "Kunduz province"). */
const DIVISION_WORDS = new Set(["state", "province", "region", "oblast", "governorate", "district", "county", "department", "prefecture"]);
const LOCATIVE = new Set(["in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around", "of", "via", "toward", "towards", "between"]);
/** Nouns before "between" that make what follows places ("the border between", "flights between"); else the two are parties ("talks between Moscow and Kyiv"). */
const BETWEEN_PLACES = new Set(["border", "borders", "frontier", "road", "roads", "highway", "railway", "rail", "route", "routes", "corridor", "line", "area", "region", "zone", "distance", "flight", "flights", "crossing", "crossings", "bridge", "pipeline", "waters", "sea", "strait", "journey", "trip", "trips", "travel", "traffic", "trains", "buses", "ferry", "ferries", "service", "services", "kilometers", "kilometres", "km", "miles", "midway", "halfway", "located", "lies", "situated", "somewhere"]);

/** Countries the document talks about, weighted by mentions that are not in doubt. */
function countryVotes(mentions: Mention[], date: string, t: NameTables): Map<string, number> {
  const votes = new Map<string, number>();
  const vote = (c: string | null, w: number) => {
    if (c && /^[A-Z]{3}$/.test(c)) votes.set(c, (votes.get(c) ?? 0) + w);
  };
  for (const m of mentions) {
    if (m.entries) {
      // a body's generic name ("Parliament") says nothing about the country
      if (isGenericBody(t.book, m.key) && m.entries.every((e) => e.kind === "institution")) continue;
      const c0 = m.entries[0]!.country;
      if (m.entries.every((e) => e.country === c0)) vote(c0, 2);
    } else if (m.cities) {
      const c0 = m.cities[0]!.country;
      if (m.cities.every((c) => c.country === c0)) vote(c0, 1);
    }
  }
  void date;
  return votes;
}

/** The book entry (or city) a mention most likely means, given the countries around it. */
function pickEntry(m: Mention, date: string, votes: Map<string, number>): BookEntry | null {
  if (!m.entries || m.entries.length === 0) return null;
  if (m.entries.length === 1) return m.entries[0]!;
  const entries = entriesAt(m.entries, date);
  if (entries.length === 1) return entries[0]!;
  const countries = new Set(entries.map((e) => e.country));
  if (countries.size > 1) {
    let best: BookEntry | null = null;
    let bestVote = 0;
    for (const e of entries) {
      const v = votes.get(e.country ?? "") ?? 0;
      if (v > bestVote) {
        best = e;
        bestVote = v;
      }
    }
    if (best) return best;
  }
  return bestEntry(entries, date);
}

function pickCity(cities: City[] | null, votes: Map<string, number>, country: string | null): City | null {
  if (!cities || cities.length === 0) return null;
  if (country) {
    const c = cities.find((x) => x.country === country);
    if (c) return c;
  }
  let best = cities[0]!;
  let bestScore = -1;
  for (const c of cities.slice(0, 12)) {
    // size (a tenfold population is worth 1) and standing (a capital or regional seat), and a little
    // for a country the text names: Geneva is Swiss in a story about the United States too
    const score = Math.log10(1 + c.population) + (c.capital ? 1.5 : c.seat ? 1 : 0) + ((votes.get(c.country) ?? 0) > 0 ? 1.2 : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function geoOf(city: City | null): Geo | null {
  return city ? { lat: city.lat, lon: city.lon, country: city.country } : null;
}

/**
 * The country a generic body belongs to: a possessive country right before it ("Israel's
 * Cabinet"), else the country the text names most, when one leads.
 */
function ownerCountry(tokens: Token[], m: Mention, before: Entity[], votes: Map<string, number>): string | null {
  const prev = m.tokenStart > 0 ? tokens[m.tokenStart - 1] : undefined;
  const last = before[before.length - 1];
  if (prev && last && prev.sentence === m.sentence && (prev.text === "'s" || prev.text === "’s" || prev.text === "'" ) && last.end <= prev.start && prev.start - last.end <= 1 && last.actor?.country) return last.actor.country;
  const { best, bestVote, second } = leadOf(votes);
  return best && bestVote > second ? best : null;
}

/** Entities (named mentions first) from the mentions, resolved at the date. */
function resolveMentions(text: string, tokens: Token[], mentions: Mention[], date: string, t: NameTables, sports: boolean): Entity[] {
  const votes = countryVotes(mentions, date, t);
  const out: Entity[] = [];
  for (const m of mentions) {
    const surface = text.slice(m.start, m.end);
    let type = m.type;
    let actor: Actor | null = null;
    let geo: Geo | null = null;
    const prevTok = m.tokenStart > 0 ? tokens[m.tokenStart - 1] : undefined;
    const nextTok = tokens[m.tokenEnd];
    // "Niger state", "Kunduz province": a name before a division's word in lower case is that division, when the book has it
    // (the span stays the name: the word is no part of it)
    const division = nextTok && nextTok.sentence === m.sentence && DIVISION_WORDS.has(nextTok.text) ? t.book.byKey.get(`${m.key} ${nextTok.text}`)?.filter((x) => x.kind === "place") : undefined;
    const e = division?.length ? division[0]! : pickEntry(m, date, votes);
    // "of Washington's wish": a possessive is an actor, whatever the preposition before it
    const possessive = m.tokenEnd > 0 && !!nextTok && nextTok.sentence === m.sentence && (nextTok.text === "'s" || nextTok.text === "’s");
    let locative = !!prevTok && prevTok.sentence === m.sentence && LOCATIVE.has(prevTok.lower) && !possessive;
    if (locative && prevTok!.lower === "between") {
      const before = m.tokenStart > 1 ? tokens[m.tokenStart - 2] : undefined;
      locative = !!before && before.sentence === m.sentence && BETWEEN_PLACES.has(before.lower);
    }
    if (e) {
      actor = entryActor(e, date);
      if (e.kind === "person") type = "PERSON";
      // a seat that speaks or acts is the body it houses ("the White House said"); at it, it is a building
      else if (e.kind === "institution" && type === "FAC" && actor && !locative) type = "ORG";
      else if (e.kind === "country" || e.kind === "capital" || e.kind === "metonym") type = type === "MISC" ? "MISC" : "GPE";
      else if (e.kind === "demonym") type = type === "ORG" ? "ORG" : type === "MISC" ? "MISC" : "NORP";
      else if (e.kind === "place") type = type === "MISC" ? "MISC" : e.type;
      if (e.kind === "place") {
        geo = e.geo;
        // a state or province that acts stands for its country ("Georgia counted its ballots" → USA); one a country's
        // possessive places ("Syria's Latakia province"), or named as a division ("Kunduz province"), is a place
        const placed = prevTok?.text === "'s" || prevTok?.text === "’s" || !!division?.length || DIVISION_WORDS.has(surface.slice(surface.lastIndexOf(" ") + 1));
        if (e.type === "GPE" && e.country && !locative && !placed && type !== "ORG") actor = makeActor(e.country, e.name);
      }
      if (e.kind === "capital" || e.kind === "metonym") {
        geo = geoOf(pickCity(t.cities.byKey.get(m.key) ?? null, votes, e.country));
        // "in Pyongyang" is a place; "Pyongyang said" is its government
        if (locative) actor = null;
      }
      if (e.kind === "country" && geo === null) geo = null;
      if (type === "ORG" && m.tokenEnd - m.tokenStart > 1 && e.kind !== "igo" && e.kind !== "institution") {
        // "Chinese Foreign Ministry": the book matched only a part
        actor = phraseActor(t, surface, date) ?? actor;
      }
      // ("U.S.-led" names no actor of its own; "British-flagged", "Russian-owned" name the owner of what they qualify)
      if (type === "MISC" && (e.kind === "country" || e.kind === "demonym") && !/-(?:flagged|owned|registered)$/i.test(surface)) actor = null;
    } else if (m.cities && (type === "GPE" || type === "LOC")) {
      const city = pickCity(m.cities, votes, null);
      geo = geoOf(city);
      if (city?.capital && !locative && !sports) actor = makeActor(city.country, null);
    } else if (type === "ORG" || type === "NORP") {
      actor = phraseActor(t, surface, date);
      // "Nepal's Maoist rebels": a group with no country of its own after a country's possessive is that country's
      if (!actor) {
        const prev = m.tokenStart > 0 ? tokens[m.tokenStart - 1] : undefined;
        const owner = prev && prev.sentence === m.sentence ? owningCountry(prev, out[out.length - 1]) : null;
        const name = owner ? t.book.countries.get(owner)?.name : undefined;
        if (name) actor = phraseActor(t, `${name} ${surface}`, date);
      }
    }
    if ((type === "ORG" || type === "PERSON") && (e ? e.kind === "institution" : true) && isGenericBody(t.book, m.key)) {
      // "Parliament", "the Cabinet": the body of the country the text is about, unless the book's default is that country
      const country = ownerCountry(tokens, m, out, votes);
      if (country && (!actor || (votes.get(actor.country ?? "") ?? 0) === 0 || country !== actor.country)) {
        if (!actor || actor.country !== country) actor = makeActor(country + t.book.sectors.get(m.key)!.sector, null);
      }
    }
    // a town after a place and a comma is where that place is: "( at Eden Park , Auckland )"
    const prevOut = out[out.length - 1];
    const prevM = out.length > 0 ? mentions[out.length - 1] : undefined;
    const afterPlace = !!prevTok && prevTok.text === "," && !!prevOut && !!prevM && prevM.tokenEnd === m.tokenStart - 1 && (prevOut.type === "LOC" || prevOut.type === "GPE" || prevOut.type === "FAC");
    if (sports && (type === "GPE" || type === "LOC") && !m.dateline && !locative && !afterPlace && tokens[m.tokenEnd]?.text !== ":") {
      // in sport, towns and (North American) states are teams: "Leicestershire beat Somerset", "MINNESOTA 5 TEXAS 3"; a venue line "Leicester :" stays a place
      if ((m.cities && !e) || (e?.kind === "place" && e.type === "GPE" && (e.country === "USA" || e.country === "CAN"))) type = "ORG";
    }
    out.push({ start: m.start, end: m.end, text: surface, type, actor, role: null, ref: null, sentence: m.sentence, geo, mention: "name" });
  }
  return out;
}

/**
 * Names in the text the structure stage keeps out of the analysed segments: the
 * dateline's place ("LONDON", "LA CORUNA , Spain") and credit lines ("-- Dublin
 * Newsroom"). No tokens there, so a light reading: capitalised runs typed from the
 * book, the gazetteer and head words.
 */
function outsideMentions(text: string, structure: Structure | null, t: NameTables): Mention[] {
  if (!structure) return [];
  const out: Mention[] = [];
  const spans: { start: number; end: number; place: boolean }[] = [];
  const d = structure.dateline;
  if (d?.place) {
    const at = text.indexOf(d.place, d.start);
    if (at >= 0 && at < d.end) spans.push({ start: at, end: at + d.place.length, place: true });
  }
  for (const b of structure.boilerplate) spans.push({ start: b.start, end: b.end, place: false });
  const RUN = /\p{Lu}[\p{L}\p{M}'’.&-]*(?:[ \t]+(?:of |de |von |van |al-)?\p{Lu}[\p{L}\p{M}'’.&-]*)*/gu;
  for (const sp of spans) {
    const slice = text.slice(sp.start, sp.end);
    for (const m of slice.matchAll(RUN)) {
      let surface = m[0].replace(/[.,]+$/, "");
      // "(With input from Xinhua)": a capitalised function word opens the line, it is no name
      if (!sp.place && !surface.includes(" ") && t.common.has(surface.toLowerCase()) && !t.book.byKey.has(surface.toLowerCase())) continue;
      // "By Jane Doe": nor is it part of the name after it
      let start = sp.start + m.index!;
      const lead = /^(?:(?:By|With|From|Reporting|Writing|Additional|And)\s+)+/.exec(surface);
      if (!sp.place && lead && surface.length > lead[0].length) {
        start += lead[0].length;
        surface = surface.slice(lead[0].length);
      }
      if (surface.length < 2) continue;
      const key = nameKey(surface);
      if (t.cues.notName.has(key)) continue;
      const entries = t.book.byKey.get(key) ?? null;
      const cities = t.cities.byKey.get(key) ?? null;
      const words = key.split(" ");
      const head = words.length > 1 ? t.cues.head.get(words[words.length - 1]!) : undefined;
      let type: EntityType;
      if (entries) type = entries.some((e) => e.kind === "person") ? "PERSON" : entries[0]!.type === "NORP" ? "NORP" : entries[0]!.type;
      else if (head) type = head;
      else if (sp.place || cities) type = "GPE";
      else if (words.length >= 2 && (t.given.get(words[0]!) ?? 0) >= 1000) type = "PERSON";
      // a byline: two or three words none of which is a common word ("-- Emma Kovacs , Budapest Newsroom")
      else if (!sp.place && words.length >= 2 && words.length <= 3 && !words.some((w) => t.common.has(w))) type = "PERSON";
      else type = "ORG";
      out.push({ start, end: start + surface.length, type, sure: Sure.Book, entries, cities, sentence: -1, tokenStart: -1, tokenEnd: -1, titled: false, key, dateline: sp.place });
      surface = "";
    }
  }
  return out;
}

export function findEntities(text: string, tokens: Token[], sentences: Sentence[], date: string, resources: Resources, structure: Structure | null = null): Entity[] {
  const t = nameTablesOf(resources);
  const found = findMentions(text, tokens, sentences, t);
  const sports = found.sports;
  let mentions = found.mentions;
  const outside = outsideMentions(text, structure, t);
  if (outside.length) mentions = [...mentions, ...outside].sort((a, b) => a.start - b.start || b.end - a.end);
  const entities = resolveMentions(text, tokens, mentions, date, t, sports);
  findRoles(text, tokens, entities, mentions, t, date);
  return addCoreference(text, tokens, sentences, entities, mentions, t, date, found.flags);
}

export const actorsStage: Stage = {
  name: "actors",
  reads: ["structure", "tokens", "sentences", "timexes"],
  writes: ["entities"],
  run: (doc: Doc, resources: Resources) => {
    const date = doc.has("date") ? doc.get("date").value : (doc.options.date ?? "");
    return { entities: findEntities(doc.text, doc.get("tokens"), doc.get("sentences"), date, resources, doc.get("structure")) };
  },
};
