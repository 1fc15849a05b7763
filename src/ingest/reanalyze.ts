// `reanalyze`: run the current engine over stored documents that an older engine
// analysed (or all of them), replacing each document's layers and events
// atomically. Documents keep their ids.

import { availableParallelism } from "node:os";
import { openStore } from "../store/index.js";
import type { SqliteStore } from "../store/sqlite/store.js";
import type { EventStore } from "../store/types.js";
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
  onFailure?: (f: { origin: string; reason: string }) => void;
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
  const pool = await startPool(options.jobs ?? availableParallelism(), { analyzer: options.analyzer ?? {}, today: options.today ?? new Date().toISOString().slice(0, 10) });
  try {
    const docs = await store.documents({ engineNot: options.all ? undefined : (options.engine ?? ENGINE_VERSION), limit: options.limit });
    summary.total = docs.length;
    const putSync = (store as Partial<SqliteStore>).putDocumentsSync?.bind(store);
    let next = 0;
    const worker = async () => {
      while (next < docs.length) {
        const summaryDoc = docs[next++]!;
        const doc = await store.document(summaryDoc.id);
        if (!doc) continue;
        const origin = doc.origin ?? doc.id;
        const result = await pool.run({ type: "text", origin, sourceKey: null, input: { ...doc.input, id: doc.id } });
        if (!result.ok) {
          summary.failed++;
          options.onFailure?.({ origin, reason: result.reason });
        } else {
          const r = putSync ? putSync([result.prepared], { replace: true }) : await store.putDocuments([result.prepared], { replace: true });
          summary.replaced += r.replaced + r.added;
        }
        options.onProgress?.({ total: summary.total, done: summary.replaced + summary.failed, failed: summary.failed });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, pool.size * 3) }, worker));
  } finally {
    await pool.close();
    if (ownStore) await store.close();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}
