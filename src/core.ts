// The pure core's entry ("dyad/core"): no Node built-ins, so it bundles for
// browsers and edge runtimes. Give it a DataSource holding the data files.

export * from "./record.js";
export { createAnalyzer, toRecord, DEFAULT_STAGES, BATCH_SIZE, type Analyzer } from "./analyze.js";
export type { AnalyzeOptions } from "./pipeline/doc.js";
export { memoryDataSource, type DataSource } from "./pipeline/resources.js";
export { ENGINE_VERSION } from "./version.js";
