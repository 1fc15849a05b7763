// A unit of ingest work as it travels to an analyser (a worker thread or the main
// thread): a document's text, or an HTML page to extract the article from.

import type { Analyzer } from "../analyze.js";
import type { AnalysisRecord, DocumentInput } from "../record.js";
import type { AnalyzeOptions } from "../pipeline/doc.js";
import { prepareDocument, type PreparedDocument } from "../store/prepare.js";
import { extractArticle, extractFragment } from "./html.js";

export type WorkItem = (
  | { type: "text"; origin: string; sourceKey: string | null; input: DocumentInput }
  | {
      type: "html";
      origin: string;
      sourceKey: string | null;
      html: string;
      /** A fragment (a feed item's content) rather than a whole page: no article to look for. */
      fragment?: boolean;
      url: string | null;
      /** What a feed said about the item, used when the page's metadata lacks it. */
      fallback: { title?: string | null; date?: string | null; source?: string | null };
      /** The publication date to use when neither the page nor the feed has one. */
      defaultDate: string | null;
      /** Largest article text accepted once extracted (bytes). */
      maxTextBytes?: number;
    }
) & {
  /** The analyser's "today" for this item, when not the run's (reanalysis keeps the day a document was first analysed). */
  today?: string;
};

export type WorkResult =
  | { ok: true; prepared: PreparedDocument }
  | { ok: false; origin: string; stage: "extract" | "analyze"; reason: string; docId?: string | null };

/** Anything that turns a document into a record (the analyser, or a stand-in in tests). */
export interface RecordMaker {
  analyze(input: DocumentInput, options?: AnalyzeOptions): AnalysisRecord;
  /** Several at once (records or errors, in order); without it, one at a time. */
  analyzeBatch?(inputs: readonly DocumentInput[], options?: AnalyzeOptions | readonly AnalyzeOptions[]): (AnalysisRecord | Error)[];
}

function reason(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
}

/** The document an item holds (extracting an HTML page's article). */
export function itemInput(item: WorkItem): DocumentInput {
  if (item.type === "text") return item.input;
  const a = item.fragment ? { text: extractFragment(item.html), title: null, siteName: null, date: null } : extractArticle(item.html);
  if (item.maxTextBytes !== undefined && a.text.length > item.maxTextBytes / 3) {
    const bytes = Buffer.byteLength(a.text);
    if (bytes > item.maxTextBytes) throw new Error(`the article text is ${bytes} bytes, larger than the ${item.maxTextBytes}-byte limit (raise it with --max-bytes)`);
  }
  return {
    text: a.text,
    id: null,
    date: a.date ?? item.fallback.date ?? item.defaultDate ?? null,
    title: a.title ?? item.fallback.title ?? null,
    source: a.siteName ?? item.fallback.source ?? (item.url ? hostOf(item.url) : null),
    url: item.url,
  };
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** The `current` of a worker analysing several items at once (seqs are positive). */
export const BATCH = -1;

/** What a worker analyses once it has started, so that its analyser's books are loaded before the first real document. */
export const WARM_UP_TEXT = "WASHINGTON (Reuters) - The president met the foreign minister in Paris on Monday, officials said.";

/** Extract, analyse and prepare one item; failures come back as values, never thrown. */
export function processItem(item: WorkItem, analyzer: RecordMaker, options: AnalyzeOptions): WorkResult {
  let input: DocumentInput;
  try {
    input = itemInput(item);
  } catch (err) {
    return { ok: false, origin: item.origin, stage: "extract", reason: reason(err) };
  }
  try {
    const record = analyzer.analyze(input, item.today ? { ...options, today: item.today } : options);
    return { ok: true, prepared: prepareDocument(record, { input, origin: item.origin, sourceKey: item.sourceKey }) };
  } catch (err) {
    return { ok: false, origin: item.origin, stage: "analyze", reason: reason(err), docId: input.id ?? null };
  }
}

/**
 * Extract, analyse and prepare several items, the analysis in one batch when the analyser
 * can (stage by stage, faster); each item's failure comes back as its own value.
 */
export function processItems(items: readonly WorkItem[], analyzer: RecordMaker, options: AnalyzeOptions): WorkResult[] {
  if (items.length === 1 || !analyzer.analyzeBatch) return items.map((item) => processItem(item, analyzer, options));
  const results: WorkResult[] = new Array(items.length);
  const inputs: DocumentInput[] = [];
  const at: number[] = [];
  items.forEach((item, i) => {
    try {
      inputs.push(itemInput(item));
      at.push(i);
    } catch (err) {
      results[i] = { ok: false, origin: item.origin, stage: "extract", reason: reason(err) };
    }
  });
  let records: (AnalysisRecord | Error)[];
  try {
    records = analyzer.analyzeBatch(inputs, at.map((i) => (items[i]!.today ? { ...options, today: items[i]!.today } : options)));
  } catch (err) {
    records = inputs.map(() => (err instanceof Error ? err : new Error(String(err))));
  }
  at.forEach((i, k) => {
    const item = items[i]!;
    const input = inputs[k]!;
    const record = records[k];
    try {
      if (record === undefined) throw new Error("the analyser returned no record");
      if (record instanceof Error) throw record;
      results[i] = { ok: true, prepared: prepareDocument(record, { input, origin: item.origin, sourceKey: item.sourceKey }) };
    } catch (err) {
      results[i] = { ok: false, origin: item.origin, stage: "analyze", reason: reason(err), docId: input.id ?? null };
    }
  });
  return results;
}

export interface AnalyzerSpec {
  /** A module (path or file: URL) whose export makes a RecordMaker; default: dyad's analyser over its data files. */
  module?: string;
  /** The export's name (default "createRecordMaker"); it may be a factory or an object with `analyze`. */
  export?: string;
  /** Extra data folders (like DYAD_DATA). */
  dataDirs?: string[];
}

/** Make the analyser a worker (or the main thread in --jobs 0) uses. */
export async function makeAnalyzer(spec: AnalyzerSpec = {}): Promise<RecordMaker> {
  if (spec.module) {
    const { pathToFileURL } = await import("node:url");
    const url = /^[a-z]+:/i.test(spec.module) ? spec.module : pathToFileURL(spec.module).href;
    const mod = (await import(url)) as Record<string, unknown>;
    const exp = mod[spec.export ?? "createRecordMaker"] ?? mod.default;
    const made = typeof exp === "function" ? await (exp as () => RecordMaker | Promise<RecordMaker>)() : exp;
    if (!made || typeof (made as RecordMaker).analyze !== "function") throw new Error(`${spec.module}: no analyser export "${spec.export ?? "createRecordMaker"}"`);
    return made as RecordMaker;
  }
  const { createAnalyzer } = await import("../analyze.js");
  const { fsDataSource, userDataDirs } = await import("../node/data.js");
  const analyzer: Analyzer = createAnalyzer(fsDataSource(spec.dataDirs ?? userDataDirs()));
  return analyzer;
}
