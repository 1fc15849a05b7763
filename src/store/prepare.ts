// From an analysis record to the rows a store writes: pure, so worker threads do
// it next to the analyser and the single writer only runs SQL.

import type { AnalysisRecord, DocumentInput, EventRecord } from "../record.js";
import { dayRange } from "./dates.js";
import { mergeKey, placeKey } from "./merge.js";

export interface PreparedMention {
  idx: number;
  id: string;
  gkey: string;
  cameo: string;
  root: string;
  plover: string | null;
  mode: string | null;
  quad: number;
  goldstein: number;
  srcCode: string | null;
  srcCountry: string | null;
  srcName: string | null;
  tgtCode: string | null;
  tgtCountry: string | null;
  tgtName: string | null;
  date: string | null;
  precision: string | null;
  d0: number;
  d1: number;
  modality: string;
  place: string | null;
  locName: string | null;
  locCountry: string | null;
  lat: number | null;
  lon: number | null;
  evStart: number;
  evEnd: number;
  evidence: string;
  sentence: number;
  isRoot: number;
  srcStart: number | null;
  srcEnd: number | null;
  tgtStart: number | null;
  tgtEnd: number | null;
  /** Fields of the event record beyond the contract's (JSON), null when none: the columns hold the rest. */
  extra: string | null;
}

export interface PreparedDocument {
  id: string;
  date: string;
  dateInferred: boolean;
  /** Where the publication date came from (the record's dateSource), null when it does not say. */
  dateSource: string | null;
  title: string | null;
  source: string | null;
  url: string | null;
  engine: string;
  schemaVersion: number;
  text: string;
  /** The record without its text and events (the mentions hold those), as JSON. */
  recordJson: string;
  /** The input the record came from (for reanalysis), without its text, as JSON. */
  inputJson: string;
  origin: string | null;
  /** A source key (file fingerprint or URL) that gave this document, to skip it next time without reading it. */
  sourceKey: string | null;
  mentions: PreparedMention[];
}

export interface PrepareOptions {
  input?: DocumentInput;
  origin?: string | null;
  sourceKey?: string | null;
}

const EVENT_KEYS = new Set(["id", "cameo", "plover", "mode", "quad", "goldstein", "source", "target", "date", "datePrecision", "modality", "location", "evidence", "sentence"]);
const ACTOR_KEYS = new Set(["code", "country", "name", "start", "end"]);
const LOCATION_KEYS = new Set(["name", "country", "lat", "lon"]);
const EVIDENCE_KEYS = new Set(["start", "end", "text"]);

/** What an event record holds beyond the store's columns (fields the analyser adds later), as JSON. */
export function extraFields(e: EventRecord): string | null {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (!EVENT_KEYS.has(k)) extra[k] = v;
  const more = (key: "source" | "target" | "location" | "evidence", known: Set<string>) => {
    const o = e[key] as Record<string, unknown> | null | undefined;
    if (o && Object.keys(o).some((k) => !known.has(k))) extra[key] = o;
  };
  more("source", ACTOR_KEYS);
  more("target", ACTOR_KEYS);
  more("location", LOCATION_KEYS);
  more("evidence", EVIDENCE_KEYS);
  return Object.keys(extra).length ? JSON.stringify(extra) : null;
}

function firstBodyEnd(record: AnalysisRecord): number {
  return record.body.length ? record.body[0]!.end : record.text.length;
}

function mention(record: AnalysisRecord, e: EventRecord, idx: number, rootEnd: number): PreparedMention {
  const range = dayRange(e.date, e.datePrecision);
  const loc = e.location;
  return {
    idx,
    id: e.id || `${record.id}#${idx}`,
    gkey: mergeKey(e, record.id),
    cameo: e.cameo,
    root: e.cameo.slice(0, 2),
    plover: e.plover ?? null,
    mode: e.mode ?? null,
    quad: e.quad,
    goldstein: e.goldstein,
    srcCode: e.source?.code ?? null,
    srcCountry: e.source?.country ?? null,
    srcName: e.source?.name ?? null,
    tgtCode: e.target?.code ?? null,
    tgtCountry: e.target?.country ?? null,
    tgtName: e.target?.name ?? null,
    date: e.date ?? null,
    precision: e.datePrecision ?? null,
    d0: range.d0,
    d1: range.d1,
    modality: e.modality,
    place: placeKey(loc),
    locName: loc?.name ?? null,
    locCountry: loc?.country ?? null,
    lat: typeof loc?.lat === "number" ? loc.lat : null,
    lon: typeof loc?.lon === "number" ? loc.lon : null,
    evStart: e.evidence.start,
    evEnd: e.evidence.end,
    evidence: e.evidence.text,
    sentence: e.sentence,
    isRoot: e.evidence.start < rootEnd ? 1 : 0,
    srcStart: e.source?.start ?? null,
    srcEnd: e.source?.end ?? null,
    tgtStart: e.target?.start ?? null,
    tgtEnd: e.target?.end ?? null,
    extra: extraFields(e),
  };
}

/** The rows of one analysed document. */
export function prepareDocument(record: AnalysisRecord, options: PrepareOptions = {}): PreparedDocument {
  const rootEnd = firstBodyEnd(record);
  const { text, events: _events, ...rest } = record;
  const input: DocumentInput = options.input ?? { text, id: record.id, date: null, title: record.title, source: record.source, url: record.url ?? null };
  const { text: _inputText, ...inputRest } = input;
  return {
    id: record.id,
    date: record.date,
    dateInferred: record.dateInferred,
    dateSource: record.dateSource ?? null,
    title: record.title,
    source: record.source,
    url: record.url ?? null,
    engine: record.engine ?? "unknown",
    schemaVersion: record.schemaVersion,
    text,
    recordJson: JSON.stringify(rest),
    inputJson: JSON.stringify(inputRest),
    origin: options.origin ?? null,
    sourceKey: options.sourceKey ?? null,
    mentions: record.events.map((e, i) => mention(record, e, i, rootEnd)),
  };
}
