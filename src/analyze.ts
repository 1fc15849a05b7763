// The pure core: a document in, an analysis record out. No file system, network
// or clock: data files come through the Resources' DataSource, today's date
// through the options.

import { actorsStage } from "./actors/index.js";
import { eventsStage } from "./events/index.js";
import { Doc, type AnalyzeOptions } from "./pipeline/doc.js";
import type { LayerName, Layers } from "./pipeline/layers.js";
import { documentId } from "./pipeline/hash.js";
import { runStages, runStagesBatch, type Stage, type StageTimings } from "./pipeline/pipeline.js";
import { Resources, type DataSource } from "./pipeline/resources.js";
import { quotesStage } from "./quotes/index.js";
import { SCHEMA_VERSION, type AnalysisRecord, type DocumentInput } from "./record.js";
import { structureStage } from "./structure/index.js";
import { textStage } from "./text/index.js";
import { dateStage, timeStage } from "./time/index.js";
import { ENGINE_VERSION } from "./version.js";

/** The stages in the order they run. */
export const DEFAULT_STAGES: readonly Stage[] = [
  structureStage,
  textStage,
  dateStage,
  timeStage,
  actorsStage,
  quotesStage,
  eventsStage,
];

export interface Analyzer {
  readonly resources: Resources;
  /** Analyse one document (plain text or a batch-input object). */
  analyze(input: string | DocumentInput, options?: AnalyzeOptions): AnalysisRecord;
  /** The Doc with every layer, for stages' tests and tools that need more than the record. */
  analyzeDoc(input: string | DocumentInput, options?: AnalyzeOptions): Doc;
  /**
   * Analyse several documents stage by stage (faster than one at a time: each stage's code
   * and tables stay in the processor's caches). Each result is the document's record, or the
   * error that stopped it: one bad document does not stop the others. `options` is shared,
   * or one per document.
   */
  analyzeBatch(inputs: readonly (string | DocumentInput)[], options?: AnalyzeOptions | readonly AnalyzeOptions[]): (AnalysisRecord | Error)[];
  /** Milliseconds per stage summed over every call so far (for benchmarks). */
  readonly timings: StageTimings;
}

export { BATCH_SIZE } from "./pipeline/batch-size.js";

export function createAnalyzer(data: DataSource, stages: readonly Stage[] = DEFAULT_STAGES): Analyzer {
  const resources = new Resources(data);
  const timings: StageTimings = {};
  const analyzeDoc = (input: string | DocumentInput, options: AnalyzeOptions = {}): Doc => {
    const doc = new Doc(typeof input === "string" ? { text: input } : input, options);
    runStages(doc, stages, resources, timings);
    return doc;
  };
  const analyzeBatch = (inputs: readonly (string | DocumentInput)[], options: AnalyzeOptions | readonly AnalyzeOptions[] = {}): (AnalysisRecord | Error)[] => {
    if (Array.isArray(options) && options.length !== inputs.length) throw new Error(`analyzeBatch: ${inputs.length} documents but ${options.length} options`);
    const optionsOf = (i: number): AnalyzeOptions => (Array.isArray(options) ? (options as readonly AnalyzeOptions[])[i]! : (options as AnalyzeOptions));
    const results: (AnalysisRecord | Error)[] = new Array(inputs.length);
    const docs: Doc[] = [];
    const at: number[] = [];
    inputs.forEach((input, i) => {
      try {
        docs.push(new Doc(typeof input === "string" ? { text: input } : input, optionsOf(i)));
        at.push(i);
      } catch (err) {
        results[i] = err instanceof Error ? err : new Error(String(err));
      }
    });
    const errors = runStagesBatch(docs, stages, resources, timings);
    docs.forEach((doc, k) => {
      const i = at[k]!;
      const err = errors[k];
      if (err) results[i] = err;
      else {
        try {
          results[i] = toRecord(doc);
        } catch (e) {
          results[i] = e instanceof Error ? e : new Error(String(e));
        }
      }
    });
    return results;
  };
  return {
    resources,
    timings,
    analyzeDoc,
    analyze: (input, options) => toRecord(analyzeDoc(input, options)),
    analyzeBatch,
  };
}

/** The contract's record from a fully analysed Doc. */
export function toRecord(doc: Doc): AnalysisRecord {
  const text = doc.text;
  const structure = doc.get("structure");
  const date = doc.has("date") ? doc.get("date") : null;
  // Layers after `options.until` are absent: the record then holds them empty.
  const layer = <K extends LayerName>(name: K, empty: Layers[K]): Layers[K] => (doc.has(name) ? doc.get(name) : empty);
  return {
    schemaVersion: SCHEMA_VERSION,
    id: documentId(doc.input),
    date: date?.value ?? doc.options.date ?? doc.input.date ?? "",
    dateInferred: date?.inferred ?? !(doc.options.date ?? doc.input.date),
    dateSource: date ? (date.from === "now" ? "today" : date.from === "dateLine" ? "input" : date.from) : undefined,
    title: doc.input.title ?? structure.title?.text ?? null,
    source: doc.input.source ?? structure.source?.text ?? structure.dateline?.agency ?? null,
    url: doc.input.url ?? null,
    text,
    body: structure.body.map(({ start, end }) => ({ start, end })),
    captions: structure.captions.map(({ start, end, text, credit }) => ({ start, end, text, credit })),
    related: structure.related.map(({ start, end, text }) => ({ start, end, text })),
    sentences: layer("sentences", []).map(({ start, end }) => ({ start, end })),
    entities: layer("entities", []).map((e) => ({
      start: e.start,
      end: e.end,
      text: e.text,
      type: e.type,
      actor: e.actor,
      mention: e.mention,
      role: e.role,
      ref: e.ref,
      geo: e.geo,
    })),
    timexes: layer("timexes", []).map(({ start, end, text, type, value }) => ({ start, end, text, type, value })),
    quotes: layer("quotes", []).map(({ start, end, text, kind, cue, speaker }) => ({ start, end, text, kind, cue, speaker })),
    events: layer("events", []),
    engine: ENGINE_VERSION,
  };
}
