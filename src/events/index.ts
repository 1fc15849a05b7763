// Events: who did what to whom, when and where, coded in CAMEO and PLOVER.
// Clauses are read from the text stage's tokens (no parser): verb groups, their
// subjects, objects and prepositional phrases; the event book (data/events/) codes
// verbs, nouns and frames; actors come from the entities layer, dates from the
// timexes layer, places from the entities' coordinates.

import * as actorsModule from "../actors/index.js";
import { bookOf } from "../actors/book.js";
import { nameKey } from "../actors/normalize.js";
import { singular } from "../actors/resolve.js";
import type { Doc } from "../pipeline/doc.js";
import { contentHash } from "../pipeline/hash.js";
import type { Stage } from "../pipeline/pipeline.js";
import type { Entity } from "../pipeline/layers.js";
import type { Resources } from "../pipeline/resources.js";
import type { Actor, EventRecord } from "../record.js";
import { eventBookOf } from "./book.js";
import { TokenView, verbGroups } from "./clause.js";
import { detectSentence, type SentenceMentions } from "./detect.js";
import { resolveEvents, type DocContext } from "./resolve.js";

export { loadEventBook, eventBookOf, type EventBook } from "./book.js";

type EntityResolver = (resources: Resources, entities: readonly Entity[], index: number, date: string | null) => Actor | null;

/**
 * The actors stage's resolver of a mention at another date ("Moon Jae-in" is KORGOV in
 * 2020, KORELI in 2023), when the actors stage provides one.
 */
const resolveEntity = (actorsModule as unknown as { resolveEntity?: EntityResolver }).resolveEntity;

/** The events of an analysed Doc (tokens, sentences, timexes, entities present). */
export function extractEvents(doc: Doc, resources: Resources, actorAt?: DocContext["actorAt"]): EventRecord[] {
  const book = eventBookOf(resources);
  const tokens = doc.get("tokens");
  const sentences = doc.get("sentences");
  // (people's names, whose words no repair turns into verbs: "James" is not "jams")
  const view = new TokenView(tokens, book, doc.get("entities"));
  // words of a date are no events ("in March", "the May 25 election")
  const timeTokens = new Set<number>();
  const timexes = doc.get("timexes");
  if (timexes.length) {
    let t = 0;
    for (const tx of [...timexes].sort((a, b) => a.start - b.start)) {
      while (t < tokens.length && tokens[t]!.end <= tx.start) t++;
      for (let k = t; k < tokens.length && tokens[k]!.start < tx.end; k++) timeTokens.add(k);
    }
  }
  const all: SentenceMentions[] = sentences.map((s, i) => detectSentence(view, i, s.tokenStart, s.tokenEnd, verbGroups(view, i, s.tokenStart, s.tokenEnd), timeTokens));
  const ctx: DocContext = {
    text: doc.text,
    view,
    sentences,
    entities: doc.get("entities"),
    timexes: doc.get("timexes"),
    quotes: doc.get("quotes"),
    timeTokens,
    published: doc.get("date").value,
    docId: doc.input.id ?? contentHash(doc.text),
  };
  const actorBook = bookOf(resources);
  const sectors = actorBook.sectors;
  // "Syrian" → SYR: the country a nationality word names
  ctx.demonymOf = (word) => {
    const es = actorBook.byKey.get(nameKey(word));
    if (!es) return null;
    for (const e of es) if (e.kind === "demonym" && e.country) return e.country;
    return null;
  };
  ctx.countryNamed = (word) => {
    const es = actorBook.byKey.get(nameKey(word));
    if (!es) return null;
    for (const e of es) if ((e.kind === "country" || e.kind === "demonym") && e.country) return e.country;
    return null;
  };
  // "a human rights group", "aid agencies": bodies of a family with no country of their own
  ctx.familyOf = (phrase) => {
    const w = sectors.get(phrase);
    return w && w.kind !== "title" && (w.sector === "NGO" || w.sector === "IGO") ? w.sector : null;
  };
  // "KOR" → "South Korea", from the countries' demonym rows (each knows its country's name)
  const countryNames = resources.use("events.countryNames", () => {
    const names = new Map<string, string>();
    for (const es of actorBook.byKey.values()) for (const e of es) if (e.countryName && e.code && !names.has(e.code)) names.set(e.code, e.countryName);
    return names;
  });
  ctx.countryName = (code) => countryNames.get(code) ?? null;
  // "police", "riot police", "officials": the sector a common noun phrase gives its country's actor
  ctx.sectorOf = (phrase) => {
    const w = sectors.get(phrase) ?? sectors.get(singular(phrase));
    return w && w.sector !== "ELI" && w.sector !== "NGO" && w.sector !== "IGO" ? w.sector : null;
  };
  if (actorAt) ctx.actorAt = actorAt;
  else if (resolveEntity) {
    const entities = ctx.entities;
    const published = ctx.published;
    // who someone was at the event's date, when that is not the day of publication
    ctx.actorAt = (_e, index, date) => (date === published || published.startsWith(date) ? null : resolveEntity(resources, entities, index, date));
  }
  return resolveEvents(ctx, all);
}

export const eventsStage: Stage = {
  name: "events",
  reads: ["structure", "date", "tokens", "sentences", "timexes", "entities", "quotes"],
  writes: ["events"],
  run: (doc, resources) => ({ events: extractEvents(doc, resources) }),
};
