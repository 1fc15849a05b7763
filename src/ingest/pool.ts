// The analysers of an ingest: N worker threads (each with its own analyser), or
// the main thread itself when jobs is 0. Items go to the least busy live worker.
// A worker that dies fails the item it was working on; the other items it held
// are sent again to a live worker, or wait for its replacement.

import { Worker } from "node:worker_threads";
import { BATCH_SIZE } from "../pipeline/batch-size.js";
import { BATCH, makeAnalyzer, processItem, type AnalyzerSpec, type RecordMaker, type WorkItem, type WorkResult } from "./item.js";

export interface PoolInit {
  analyzer: AnalyzerSpec;
  today: string;
}

export interface AnalyzerPool {
  readonly size: number;
  run(item: WorkItem): Promise<WorkResult>;
  close(): Promise<void>;
  /** Why no analyser runs any more (every worker died and none could be replaced), or null. */
  readonly brokenReason: string | null;
}

interface Job {
  seq: number;
  item: WorkItem;
  resolve: (r: WorkResult) => void;
  /** How many times it was sent again after a crash no job was blamed for. */
  resent: number;
  /** It was in a batch when the thread died: it goes again alone, to find the culprit. */
  suspect?: boolean;
}

interface Thread {
  worker: Worker;
  /** The seq of the item the worker is analysing (0 for none, BATCH for several), written by the worker. */
  current: Int32Array;
}

interface Slot {
  /** Null while the slot's worker is dead and its replacement starting (or failed to start). */
  worker: Worker | null;
  current: Int32Array;
  starting: boolean;
  /** Jobs sent to the worker, oldest first: the worker answers them in order. */
  pending: Map<number, Job>;
}

/** How often a job that was waiting on a worker when it died is sent again. */
const MAX_RESENDS = 2;

const WORKER_URL = new URL("./worker.js", import.meta.url);

const firstLine = (s: string) => s.split("\n")[0]!;

function spawn(init: PoolInit): Promise<Thread> {
  return new Promise((resolve, reject) => {
    // [the seq being analysed, or BATCH; then the seqs of that batch]
    const shared = new SharedArrayBuffer(4 * (1 + BATCH_SIZE));
    const w = new Worker(WORKER_URL, { workerData: { ...init, current: shared } });
    const settle = () => {
      w.off("message", onMessage);
      w.off("error", onError);
      w.off("exit", onExit);
    };
    const onMessage = (msg: { ready?: boolean; fatal?: string }) => {
      if (msg.ready) {
        settle();
        resolve({ worker: w, current: new Int32Array(shared) });
      } else if (msg.fatal) {
        settle();
        void w.terminate();
        reject(new Error(`cannot start the analyser: ${msg.fatal}`));
      }
    };
    const onError = (err: Error) => {
      settle();
      reject(new Error(`cannot start the analyser: ${firstLine(err.message)}`));
    };
    const onExit = (code: number) => {
      settle();
      reject(new Error(`cannot start the analyser: its thread exited (${code})`));
    };
    w.on("message", onMessage);
    w.on("error", onError);
    w.on("exit", onExit);
  });
}

const failure = (item: WorkItem, reason: string): WorkResult => ({ ok: false, origin: item.origin, stage: "analyze", reason });

class ThreadPool implements AnalyzerPool {
  private seq = 0;
  private closing = false;
  /** Jobs waiting for a live worker (every worker is dead and a replacement is starting). */
  private queue: Job[] = [];
  /** Why no worker runs any more (every one died and none could be replaced). */
  private broken: string | null = null;

  constructor(
    private readonly slots: Slot[],
    private readonly init: PoolInit,
  ) {
    for (const s of slots) this.attach(s, s.worker!);
  }

  get size(): number {
    return this.slots.length;
  }

  get brokenReason(): string | null {
    return this.broken && !this.slots.some((s) => s.worker || s.starting) ? this.broken : null;
  }

  private attach(slot: Slot, worker: Worker): void {
    worker.on("message", (msg: { seq: number; result: WorkResult }) => {
      const job = slot.pending.get(msg.seq);
      if (!job || slot.worker !== worker) return;
      slot.pending.delete(msg.seq);
      job.resolve(msg.result);
    });
    // `error` and `exit` both come for an uncaught exception: the first one handles the death.
    worker.once("error", (err) => this.died(slot, worker, firstLine(err.message)));
    worker.once("exit", (code) => this.died(slot, worker, `exit ${code}`));
  }

  private died(slot: Slot, worker: Worker, why: string): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    const jobs = [...slot.pending.values()];
    slot.pending.clear();
    if (this.closing) {
      for (const j of jobs) j.resolve(failure(j.item, "the ingest stopped"));
      return;
    }
    // The job the worker was analysing is the cause; the others were only waiting. When it was
    // analysing a batch (current is BATCH), no one job of it is to blame yet: each goes again, alone.
    const at = Atomics.load(slot.current, 0);
    const culprit = jobs.find((j) => j.seq === at);
    const batch = new Set<number>();
    if (at === BATCH) for (let k = 1; k < slot.current.length && slot.current[k] !== 0; k++) batch.add(Atomics.load(slot.current, k));
    const suspects = jobs.filter((j) => batch.has(j.seq));
    const innocent = jobs.filter((j) => j !== culprit && !batch.has(j.seq));
    if (culprit) culprit.resolve(failure(culprit.item, `the analyser crashed (${why})`));
    slot.starting = true;
    spawn(this.init).then(
      (t) => {
        slot.starting = false;
        if (this.closing) {
          void t.worker.terminate();
          return;
        }
        slot.worker = t.worker;
        slot.current = t.current;
        this.attach(slot, t.worker);
        const queued = this.queue;
        this.queue = [];
        for (const j of queued) this.dispatch(j);
      },
      (err: Error) => {
        slot.starting = false;
        this.broken = err.message;
        // No replacement: what waits for one fails, unless another worker still runs.
        const queued = this.queue;
        this.queue = [];
        for (const j of queued) this.dispatch(j, err.message);
      },
    );
    // Each job of the batch goes again, alone (not counted: it was not only waiting).
    for (const j of suspects) {
      j.suspect = true;
      this.dispatch(j);
    }
    // A job that only waited was never analysed, so it goes again. A death with no job or batch to
    // blame counts against it: the bound guards against a thread that keeps dying while idle (an
    // error scheduled long after the item that caused it).
    const unexplained = !culprit && suspects.length === 0;
    for (const j of innocent) {
      if (unexplained && j.resent >= MAX_RESENDS) j.resolve(failure(j.item, `the analyser crashed ${j.resent + 1} times while this document waited (${why})`));
      else {
        if (unexplained) j.resent++;
        this.dispatch(j);
      }
    }
  }

  /** Send a job to the least busy live worker, or queue it while a replacement starts. */
  private dispatch(job: Job, noWorkerReason?: string): void {
    let best: Slot | null = null;
    for (const s of this.slots) if (s.worker && (!best || s.pending.size < best.pending.size)) best = s;
    if (best) {
      best.pending.set(job.seq, job);
      // a job of the batch that killed a thread goes alone
      best.worker!.postMessage({ seq: job.seq, item: job.item, alone: !!job.suspect });
      return;
    }
    if (!this.closing && this.slots.some((s) => s.starting)) {
      this.queue.push(job);
      return;
    }
    job.resolve(failure(job.item, noWorkerReason ?? "no analyser is running"));
  }

  run(item: WorkItem): Promise<WorkResult> {
    // With no analyser left, the ingest cannot go on: say why once, rather than fail every document.
    if (this.brokenReason) return Promise.reject(new Error(this.brokenReason));
    const seq = ++this.seq;
    return new Promise((resolve) => this.dispatch({ seq, item, resolve, resent: 0 }));
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const j of this.queue) j.resolve(failure(j.item, "the ingest stopped"));
    this.queue = [];
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }
}

class InlinePool implements AnalyzerPool {
  readonly size = 1;
  readonly brokenReason = null;
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
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.worker.terminate() : undefined)));
    throw failed.reason;
  }
  const threads = started.map((s) => (s as PromiseFulfilledResult<Thread>).value);
  return new ThreadPool(
    threads.map((t) => ({ worker: t.worker, current: t.current, starting: false, pending: new Map() })),
    init,
  );
}
