// A worker thread of the ingest pool: it makes its own analyser, then turns each
// item it is sent into prepared rows for the single writer.

import { parentPort, workerData } from "node:worker_threads";
import { BATCH_SIZE } from "../pipeline/batch-size.js";
import { BATCH, makeAnalyzer, processItems, WARM_UP_TEXT, type AnalyzerSpec, type WorkItem } from "./item.js";

interface Message {
  seq: number;
  item: WorkItem;
  /** Analyse it alone: it waited in a batch when the thread died. */
  alone?: boolean;
}

/** The items at the queue's head that go together: up to BATCH_SIZE, none that must go alone. */
function takeBatch(queue: Message[]): Message[] {
  let n = 0;
  while (n < queue.length && n < BATCH_SIZE && !queue[n]!.alone) n++;
  return queue.splice(0, n);
}

interface Init {
  analyzer: AnalyzerSpec;
  today: string;
  /** Shared with the pool: the seq of the item being analysed (0 for none), so that a crash blames the right one. */
  current: SharedArrayBuffer;
}

const init = workerData as Init;
const port = parentPort!;
const current = new Int32Array(init.current);

makeAnalyzer(init.analyzer).then(
  (analyzer) => {
    // Load the analyser's books now, not on the first real document.
    try {
      analyzer.analyze({ text: WARM_UP_TEXT }, { today: init.today, date: init.today });
    } catch {
      // a stand-in analyser may refuse it; real documents will tell
    }
    const queue: Message[] = [];
    let busy = false;
    // The items waiting go to the analyser together (stage by stage is faster), and are
    // answered a turn of the event loop later: an error the analyser raises asynchronously
    // while it works (a microtask, an immediate) kills the thread while `current` still
    // names what it was working on. For a batch that is BATCH, its seqs after it: the pool
    // sends each of them again, to be analysed alone, which finds the culprit.
    const next = () => {
      if (queue.length === 0) {
        busy = false;
        return;
      }
      const batch = queue[0]!.alone || !analyzer.analyzeBatch ? queue.splice(0, 1) : takeBatch(queue);
      // the batch's seqs first, so that the pool finds them once `current` says BATCH
      for (let k = 1; k < current.length; k++) Atomics.store(current, k, batch.length > 1 && k <= batch.length ? batch[k - 1]!.seq : 0);
      Atomics.store(current, 0, batch.length === 1 ? batch[0]!.seq : BATCH);
      const results = processItems(
        batch.map((m) => m.item),
        analyzer,
        { today: init.today },
      );
      setImmediate(() => {
        batch.forEach((m, i) => port.postMessage({ seq: m.seq, result: results[i] }));
        Atomics.store(current, 0, 0);
        next();
      });
    };
    port.on("message", (msg: Message) => {
      queue.push(msg);
      if (!busy) {
        busy = true;
        // a turn later, so that the items sent together are analysed together
        setImmediate(next);
      }
    });
    port.postMessage({ ready: true });
  },
  (err: unknown) => {
    port.postMessage({ fatal: (err instanceof Error ? err.message : String(err)).split("\n")[0] });
  },
);
