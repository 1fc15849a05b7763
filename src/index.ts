// dyad's library API. `analyze` uses the package's data files (and DYAD_DATA's);
// `createAnalyzer` takes any DataSource, for servers, workers and browsers.

import { createAnalyzer, type Analyzer } from "./analyze.js";
import type { AnalyzeOptions } from "./pipeline/doc.js";
import type { AnalysisRecord, DocumentInput } from "./record.js";
import { fsDataSource } from "./node/data.js";

export * from "./core.js";
export { fsDataSource, userDataDirs } from "./node/data.js";

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
