// dyad's library API. `analyze` uses the package's data files (and DYAD_DATA's);
// `createAnalyzer` takes any DataSource, for servers, workers and browsers.

import { createAnalyzer, type Analyzer } from "./analyze.js";
import type { AnalyzeOptions } from "./pipeline/doc.js";
import type { AnalysisRecord, DocumentInput } from "./record.js";
import { fsDataSource } from "./node/data.js";

export * from "./core.js";
export { fsDataSource, userDataDirs } from "./node/data.js";

// The event store and its sources (adapters: Node only).
export {
  openStore,
  defaultDbPath,
  prepareDocument,
  mergeKey,
  mergeGroup,
  StoreError,
  SqliteStore,
  type EventStore,
  type EventFilter,
  type StoredEvent,
  type StoredMention,
  type StoredDocument,
  type DocumentSummary,
  type Timeline,
  type TimelineBucket,
  type TimelinePeriod,
  type ActorCount,
  type StoreStats,
  type FailureRecord,
  type PutResult,
  type PreparedDocument,
} from "./store/index.js";
export { exportText, exportParquet, gdeltRow, gdeltLine, ploverRecord, csvLine, csvHeader, GDELT_COLUMNS, TABLE_COLUMNS, EXPORT_FORMATS, type ExportFormat, type ExportResult } from "./store/export/index.js";
export { ingest, type IngestOptions, type IngestProgress, type IngestSummary } from "./ingest/ingest.js";
export { reanalyze, type ReanalyzeOptions, type ReanalyzeSummary } from "./ingest/reanalyze.js";
export { extractArticle, type ExtractedArticle } from "./ingest/html.js";
export { parseFeed, type Feed, type FeedItem } from "./ingest/feed.js";

let defaultAnalyzer: Analyzer | null = null;

/** The analyser over the package's data, made on first use and then reused. */
export function getDefaultAnalyzer(): Analyzer {
  defaultAnalyzer ??= createAnalyzer(fsDataSource());
  return defaultAnalyzer;
}

/** Analyse one document with the package's data. Relative dates resolve against the publication date. */
export function analyze(input: string | DocumentInput, options: AnalyzeOptions = {}): AnalysisRecord {
  return getDefaultAnalyzer().analyze(input, { today: new Date().toISOString().slice(0, 10), ...options });
}

/**
 * Analyse several documents with the package's data, stage by stage (faster than one at a
 * time). Each result is a record or the error that stopped that document alone.
 */
export function analyzeBatch(inputs: readonly (string | DocumentInput)[], options: AnalyzeOptions = {}): (AnalysisRecord | Error)[] {
  return getDefaultAnalyzer().analyzeBatch(inputs, { today: new Date().toISOString().slice(0, 10), ...options });
}
