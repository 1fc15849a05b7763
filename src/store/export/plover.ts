// PLOVER JSON records (one per line): actor and recipient lists, event, mode,
// context where the analyser gave one, date, the event texts and, for each
// report, the offsets of its evidence in its document (text_info).

import type { StoredEvent, StoredMention } from "../types.js";

function ploverActor(a: StoredEvent["source"]) {
  if (!a) return [];
  const country = a.country && a.code.startsWith(a.country) ? a.country : a.code.slice(0, 3);
  const sector = a.code.length > country.length ? a.code.slice(country.length) : null;
  return [{ code: country, sector, actor_code: a.code, actor_text: a.name }];
}

function contexts(mentions: StoredMention[]): string[] {
  const out = new Set<string>();
  for (const m of mentions) {
    const c = m.record.context;
    if (typeof c === "string" && c) out.add(c);
    else if (Array.isArray(c)) for (const x of c) if (typeof x === "string" && x) out.add(x);
  }
  return [...out].sort();
}

/** The PLOVER record of an event, or null for CAMEO 01/02 events, which PLOVER drops. */
export function ploverRecord(e: StoredEvent, coder: string): Record<string, unknown> | null {
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
    context: contexts(mentions),
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
