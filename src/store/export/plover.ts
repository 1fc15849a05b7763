// PLOVER JSON records (one per line): actor and recipient lists, event, mode,
// context, date, the event texts and, for each report, the offsets of its evidence
// in its document (text_info).
//
// Actors: `code` is the country (null when the actor has none); the roles after it
// are CAMEO's, named `cameo_sectors`, because PLOVER's sector codes mean other
// things (MED is media in CAMEO, health in PLOVER). Context: the PLOVER contexts of
// the event's CAMEO code (CAMEO2PLOVER, data/store/plover-contexts.tsv), and any the
// analyser gave its reports.

import { readTsv } from "../../pipeline/resources.js";
import type { StoredEvent, StoredMention } from "../types.js";

export function ploverActor(a: StoredEvent["source"]) {
  if (!a) return [];
  const country = a.country && a.code.startsWith(a.country) ? a.country : null;
  const rest = a.code.slice(country?.length ?? 0);
  const sectors: string[] = [];
  for (let i = 0; i + 3 <= rest.length; i += 3) sectors.push(rest.slice(i, i + 3));
  return [{ code: country, cameo_sectors: sectors, actor_code: a.code, actor_text: a.name }];
}

/** CAMEO code → its PLOVER contexts. */
export type ContextTable = ReadonlyMap<string, readonly string[]>;

let table: ContextTable | null = null;

/** The package's context table (and any a user's DYAD_DATA adds). */
export async function ploverContexts(): Promise<ContextTable> {
  if (table) return table;
  const { fsDataSource } = await import("../../node/data.js");
  const map = new Map<string, string[]>();
  for (const row of readTsv(fsDataSource(), "store/plover-contexts.tsv")) if (row.code && row.context) map.set(row.code, row.context.split("|").map((c) => c.trim()).filter(Boolean));
  return (table = map);
}

function contexts(e: StoredEvent, mentions: StoredMention[], byCode: ContextTable): string[] {
  const out = new Set<string>(byCode.get(e.cameo) ?? []);
  for (const m of mentions) {
    const c = m.record.context;
    if (typeof c === "string" && c) out.add(c);
    else if (Array.isArray(c)) for (const x of c) if (typeof x === "string" && x) out.add(x);
  }
  return [...out].sort();
}

/** The PLOVER record of an event, or null for CAMEO 01/02 events, which PLOVER drops. */
export function ploverRecord(e: StoredEvent, coder: string, byCode: ContextTable = new Map()): Record<string, unknown> | null {
  if (!e.plover) return null;
  const mentions = e.mentions ?? [];
  return {
    id: e.id,
    date: e.date,
    date_precision: e.datePrecision,
    actor: ploverActor(e.source),
    recipient: ploverActor(e.target),
    event: e.plover,
    mode: e.mode,
    context: contexts(e, mentions, byCode),
    modality: e.modality,
    quad_code: e.quad,
    cameo: e.cameo,
    goldstein: e.goldstein,
    event_loc: e.location ? { name: e.location.name, cc3: e.location.country, latitude: e.location.lat, longitude: e.location.lon } : null,
    event_text: mentions.map((m) => m.evidence.text),
    text_info: mentions.map((m) => ({ doc_id: m.docId, event_id: m.id, sequence: m.sentence, start: m.evidence.start, end: m.evidence.end })),
    cite_info: mentions.map((m) => ({ url: m.docUrl, title: m.docTitle, publication: m.docSource, date: m.docDate })),
    num_mentions: e.numMentions,
    num_sources: e.numSources,
    num_articles: e.numArticles,
    coder,
  };
}
