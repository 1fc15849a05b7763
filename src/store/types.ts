// The event store's interface: what the CLI, the library and the exports need from
// a backend. SQLite (one file, WAL) is the embedded default; a PostgreSQL backend
// for many machines implements the same interface, hence the promises.

import type { AnalysisRecord, DatePrecision, DocumentInput, Modality } from "../record.js";
import type { PreparedDocument } from "./prepare.js";

/** One report of an event: an event record of one document, with its evidence. */
export interface StoredMention {
  /** The event record's id in its document ("doc-1#3"). */
  id: string;
  docId: string;
  eventId: string;
  cameo: string;
  plover: string | null;
  mode: string | null;
  quad: number;
  goldstein: number;
  source: { code: string; country: string | null; name: string | null; start: number; end: number } | null;
  target: { code: string; country: string | null; name: string | null; start: number; end: number } | null;
  date: string | null;
  datePrecision: DatePrecision | null;
  modality: Modality;
  location: { name: string; country: string | null; lat: number | null; lon: number | null } | null;
  evidence: { start: number; end: number; text: string };
  sentence: number;
  /** Whether the evidence lies in the article's first body paragraph (GDELT's IsRootEvent). */
  isRoot: boolean;
  /** The document's publication date, publisher, URL and title. */
  docDate: string;
  docSource: string | null;
  docUrl: string | null;
  docTitle: string | null;
  /** The full event record as the analyser wrote it (fields added later survive here). */
  record: Record<string, unknown>;
}

/** One event as many documents report it (GDELT's event row). */
export interface StoredEvent {
  id: string;
  cameo: string;
  root: string;
  plover: string | null;
  mode: string | null;
  quad: number;
  goldstein: number;
  source: { code: string; country: string | null; name: string | null } | null;
  target: { code: string; country: string | null; name: string | null } | null;
  date: string | null;
  datePrecision: DatePrecision | null;
  modality: Modality;
  location: { name: string; country: string | null; lat: number | null; lon: number | null } | null;
  numMentions: number;
  numSources: number;
  numArticles: number;
  isRoot: boolean;
  /** The earliest report (by publication date, then id): its document, URL and evidence. */
  firstDoc: string;
  firstUrl: string | null;
  /** When the earliest report was stored (ISO 8601). */
  firstAdded: string | null;
  evidence: string;
  firstSeen: string;
  lastSeen: string;
  /** Filled when asked for (`withMentions`). */
  mentions?: StoredMention[];
}

export interface EventFilter {
  /** Actor code prefix (KORGOV, IGOUNO) or, when not an upper-case code, part of a name. */
  actor?: string[];
  /** Source or target country (ISO alpha-3 or IGO code). */
  country?: string[];
  /** Source:target; either side may be a country or an actor code; `both` adds the reverse. */
  dyad?: { a: string; b: string; both?: boolean };
  /** Exact CAMEO codes. */
  code?: string[];
  /** CAMEO roots (two digits). */
  root?: string[];
  plover?: string[];
  quad?: number[];
  /** Event date bounds (YYYY-MM-DD, inclusive); a month- or year-precision event matches when it overlaps. */
  since?: string;
  until?: string;
  modality?: Modality[];
  /** Publisher of some reporting document. */
  source?: string[];
  /** Full-text search over the evidence and the articles (SQLite FTS5 syntax, or plain words). */
  text?: string;
  /** Events reported by this document. */
  docId?: string;
  limit?: number;
  offset?: number;
  /** Newest first. */
  desc?: boolean;
}

export type TimelinePeriod = "day" | "week" | "month" | "year";

export interface TimelineBucket {
  period: string;
  events: number;
  quad: [number, number, number, number];
  goldstein: number;
  mentions: number;
}

export interface Timeline {
  by: TimelinePeriod;
  buckets: TimelineBucket[];
  /** Events whose date is coarser than the period (a month-precision event in a daily timeline) or unknown. */
  coarser: number;
  undated: number;
}

export interface ActorCount {
  code: string;
  name: string | null;
  country: string | null;
  asSource: number;
  asTarget: number;
  events: number;
  mentions: number;
}

export interface StoredDocument {
  id: string;
  date: string;
  title: string | null;
  source: string | null;
  url: string | null;
  engine: string;
  origin: string | null;
  ingestedAt: string;
  record: AnalysisRecord;
  input: DocumentInput;
  /** For each of the record's events, the id of the stored event it is a report of. */
  eventIds?: (string | null)[];
}

/** What reanalysing a document needs: its input, where it came from, and its publication date and where that came from. */
export interface StoredInput {
  input: DocumentInput;
  origin: string | null;
  date: string;
  dateSource: string | null;
}

export interface DocumentSummary {
  id: string;
  date: string;
  title: string | null;
  source: string | null;
  url: string | null;
  engine: string;
  events: number;
}

export interface FailureRecord {
  /** Where the document came from: a path, "path:line", a URL, or "stdin". */
  origin: string;
  reason: string;
  /** read | fetch | extract | analyze | store */
  stage: string;
  docId?: string | null;
  at?: string;
}

export interface StoreStats {
  documents: number;
  events: number;
  mentions: number;
  failures: number;
  actors: number;
  publishers: number;
  firstEvent: string | null;
  lastEvent: string | null;
  firstPublished: string | null;
  lastPublished: string | null;
  engines: Record<string, number>;
  byQuad: [number, number, number, number];
  multiSource: number;
  bytes: number | null;
  path: string | null;
}

export interface PutResult {
  added: number;
  replaced: number;
  skipped: number;
  mentions: number;
}

export interface EventStore {
  readonly kind: string;
  readonly path: string | null;
  /**
   * Whether a document with this id is stored (with any engine version). Given the
   * origin it was found at, the document keeps the least of its origins, so the
   * store's contents do not depend on which source came first; a document that
   * origin gave before, and no other origin gives, is replaced.
   */
  hasDocument(id: string, origin?: string | null): Promise<boolean>;
  /** Whether a source (a file fingerprint or URL) has already given a stored document. */
  hasSource(key: string): Promise<boolean>;
  /**
   * Store documents, each atomically with its layers and its events merged into
   * the store's events. A document already stored is skipped unless `replace`.
   * A document from an origin that gave another document before replaces it (an
   * edited file, a changed page), unless another origin still gives that one
   * (standard input, "stdin", is no such origin).
   */
  putDocuments(docs: PreparedDocument[], options?: { replace?: boolean }): Promise<PutResult>;
  recordFailure(failure: FailureRecord): Promise<void>;
  failures(options?: { limit?: number }): Promise<FailureRecord[]>;
  clearFailures(): Promise<number>;
  events(filter?: EventFilter, options?: { withMentions?: boolean }): Promise<StoredEvent[]>;
  /** Every matching event, in date order, for exports (no limit unless the filter says). */
  iterateEvents(filter?: EventFilter, options?: { withMentions?: boolean }): AsyncIterable<StoredEvent>;
  /** Matching events; with `upTo`, counting stops there (a bound for views that only show "more than"). */
  countEvents(filter?: EventFilter, options?: { upTo?: number }): Promise<number>;
  mentions(eventId: string): Promise<StoredMention[]>;
  timeline(filter: EventFilter, by: TimelinePeriod): Promise<Timeline>;
  actors(filter?: EventFilter & { top?: number }): Promise<ActorCount[]>;
  document(idOrPrefix: string): Promise<StoredDocument | null>;
  /** A stored document's input, without reading its analysis. */
  documentInput(id: string): Promise<StoredInput | null>;
  documents(options?: { engineNot?: string; limit?: number }): Promise<DocumentSummary[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
