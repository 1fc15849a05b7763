// `reanalyze`: run the current engine over stored documents that an older engine
// analysed (or all of them), replacing each document's layers and events
// atomically. Documents keep their ids, origins and, when nothing but the day of
// analysis gave it, their publication date.

import { availableParallelism } from "node:os";
import { openStore } from "../store/index.js";
import type { EventStore, FailureRecord } from "../store/types.js";
import { ENGINE_VERSION } from "../version.js";
import type { AnalyzerSpec } from "./item.js";
import { startPool } from "./pool.js";

export interface ReanalyzeOptions {
  store?: EventStore;
  db?: string;
  jobs?: number;
  /** Every document, not only those of other engine versions. */
  all?: boolean;
  /** The engine version counted as current (default: this dyad's). */
  engine?: string;
  analyzer?: AnalyzerSpec;
  today?: string;
  limit?: number;
  onProgress?: (p: { total: number; done: number; failed: number }) => void;
  onFailure?: (f: FailureRecord) => void;
}

export interface ReanalyzeSummary {
  total: number;
  replaced: number;
  failed: number;
  elapsedMs: number;
}

export async function reanalyze(options: ReanalyzeOptions = {}): Promise<ReanalyzeSummary> {
  const started = performance.now();
  const ownStore = !options.store;
  const store = options.store ?? (await openStore(options.db));
  const summary: ReanalyzeSummary = { total: 0, replaced: 0, failed: 0, elapsedMs: 0 };
  try {
    const docs = await store.documents({ engineNot: options.all ? undefined : (options.engine ?? ENGINE_VERSION), limit: options.limit });
    summary.total = docs.length;
    if (docs.length === 0) return summary;
    const pool = await startPool(options.jobs ?? availableParallelism(), { analyzer: options.analyzer ?? {}, today: options.today ?? new Date().toISOString().slice(0, 10) });
    try {
      let next = 0;
      const fail = async (f: FailureRecord) => {
        summary.failed++;
        await store.recordFailure(f);
        options.onFailure?.(f);
      };
      const worker = async () => {
        while (next < docs.length) {
          const id = docs[next++]!.id;
          const stored = await store.documentInput(id);
          if (!stored) continue;
          const origin = stored.origin ?? id;
          // A publication date that only the day of analysis gave stays that day.
          const today = stored.dateSource === "today" ? stored.date : undefined;
          const result = await pool.run({ type: "text", origin, sourceKey: null, input: { ...stored.input, id }, today });
          // No docId: the failure stands although (an older analysis of) the document is stored.
          if (!result.ok) await fail({ origin, stage: `reanalyze ${result.stage}`, reason: result.reason });
          else {
            const r = await store.putDocuments([{ ...result.prepared, origin: stored.origin }], { replace: true });
            summary.replaced += r.replaced + r.added;
          }
          options.onProgress?.({ total: summary.total, done: summary.replaced + summary.failed, failed: summary.failed });
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, pool.size * 3) }, worker));
    } finally {
      await pool.close();
    }
  } finally {
    if (ownStore) await store.close();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}
