// Rows of the store's tables and the shapes the store returns.

import type { EventRecord } from "../../record.js";
import type { StoredEvent, StoredMention } from "../types.js";

export interface EventRow {
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

export interface MentionRow {
  id: string;
  doc_id: string;
  event_id: string | null;
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

export const EVENT_COLUMNS = `e.id, e.cameo, e.root, e.plover, e.mode, e.quad, e.goldstein, e.src_code, e.src_country, e.src_name,
  e.tgt_code, e.tgt_country, e.tgt_name, e.date, e.precision, e.modality, e.loc_name, e.loc_country, e.lat, e.lon,
  e.num_mentions, e.num_sources, e.num_articles, e.is_root, e.first_doc, fm.evidence AS evidence, e.first_seen, e.last_seen,
  fd.url AS first_url, e.first_added AS first_added`;
/** The joins that give an event (as `e`) its first report's evidence and its first document's URL. */
export const EVENT_JOINS = "LEFT JOIN documents fd ON fd.id = e.first_doc LEFT JOIN mentions fm ON fm.rowid = e.first_mention";

/** A report's columns (with `ev` the events row it belongs to). */
export const MENTION_COLUMNS = `m.id, m.idx, ev.id AS event_id, m.cameo, m.plover, m.mode, m.quad, m.goldstein, m.src_code, m.src_country, m.src_name, m.src_start, m.src_end,
  m.tgt_code, m.tgt_country, m.tgt_name, m.tgt_start, m.tgt_end, m.date, m.precision, m.modality, m.loc_name, m.loc_country, m.lat, m.lon,
  m.ev_start, m.ev_end, m.evidence, m.sentence, m.is_root, m.extra`;

/** The event record as the analyser wrote it: the columns, and any fields beyond them. */
export function eventRecordOf(r: MentionRow): EventRecord {
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

export function toEvent(r: EventRow): StoredEvent {
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

export function toMention(r: MentionRow): StoredMention {
  const record = eventRecordOf(r);
  return {
    id: r.id,
    docId: r.doc_id,
    eventId: r.event_id ?? "",
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

