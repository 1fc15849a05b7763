// The analysers of an ingest: N worker threads (each with its own analyser), or
// the main thread itself when jobs is 0. Items go to the least busy worker; a
// worker that dies fails only the items it held, and is replaced.

import { Worker } from "node:worker_threads";
import { makeAnalyzer, processItem, type AnalyzerSpec, type RecordMaker, type WorkItem, type WorkResult } from "./item.js";

export interface PoolInit {
  analyzer: AnalyzerSpec;
  today: string;
}

export interface AnalyzerPool {
  readonly size: number;
  run(item: WorkItem): Promise<WorkResult>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { item: WorkItem; resolve: (r: WorkResult) => void }>;
}

const WORKER_URL = new URL("./worker.js", import.meta.url);

function spawn(init: PoolInit): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER_URL, { workerData: init });
    const onMessage = (msg: { ready?: boolean; fatal?: string }) => {
      if (msg.ready) {
        w.off("message", onMessage);
        w.off("error", onError);
        resolve(w);
      } else if (msg.fatal) {
        w.terminate();
        reject(new Error(`cannot start the analyser: ${msg.fatal}`));
      }
    };
    const onError = (err: Error) => reject(new Error(`cannot start the analyser: ${err.message.split("\n")[0]}`));
    w.on("message", onMessage);
    w.once("error", onError);
  });
}

class ThreadPool implements AnalyzerPool {
  private seq = 0;
  private closing = false;

  constructor(
    private readonly slots: Slot[],
    private readonly init: PoolInit,
  ) {
    for (const s of slots) this.attach(s);
  }

  get size(): number {
    return this.slots.length;
  }

  private attach(slot: Slot): void {
    slot.worker.on("message", (msg: { seq: number; result: WorkResult }) => {
      const p = slot.pending.get(msg.seq);
      if (!p) return;
      slot.pending.delete(msg.seq);
      p.resolve(msg.result);
    });
    const die = (why: string) => {
      if (this.closing) return;
      for (const { item, resolve } of slot.pending.values()) resolve({ ok: false, origin: item.origin, stage: "analyze", reason: `the analyser crashed (${why})` });
      slot.pending.clear();
      spawn(this.init).then(
        (w) => {
          slot.worker = w;
          this.attach(slot);
        },
        () => undefined,
      );
    };
    slot.worker.once("error", (err) => die(err.message.split("\n")[0]!));
    slot.worker.once("exit", (code) => die(`exit ${code}`));
  }

  run(item: WorkItem): Promise<WorkResult> {
    let best = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < best.pending.size) best = s;
    const seq = ++this.seq;
    return new Promise((resolve) => {
      best.pending.set(seq, { item, resolve });
      best.worker.postMessage({ seq, item });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

class InlinePool implements AnalyzerPool {
  readonly size = 1;
  constructor(
    private readonly analyzer: RecordMaker,
    private readonly today: string,
  ) {}
  async run(item: WorkItem): Promise<WorkResult> {
    // Yield first, so that the producer and the writer get their turns between documents.
    await new Promise((r) => setImmediate(r));
    return processItem(item, this.analyzer, { today: this.today });
  }
  async close(): Promise<void> {}
}

export async function startPool(jobs: number, init: PoolInit): Promise<AnalyzerPool> {
  if (jobs <= 0) return new InlinePool(await makeAnalyzer(init.analyzer), init.today);
  const started = await Promise.allSettled(Array.from({ length: jobs }, () => spawn(init)));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.terminate() : undefined)));
    throw failed.reason;
  }
  const workers = started.map((s) => (s as PromiseFulfilledResult<Worker>).value);
  return new ThreadPool(
    workers.map((worker) => ({ worker, pending: new Map() })),
    init,
  );
}
