// A worker thread of the ingest pool: it makes its own analyser, then turns each
// item it is sent into prepared rows for the single writer.

import { parentPort, workerData } from "node:worker_threads";
import { makeAnalyzer, processItem, WARM_UP_TEXT, type AnalyzerSpec, type WorkItem } from "./item.js";

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
    const queue: { seq: number; item: WorkItem }[] = [];
    let busy = false;
    // One item per turn of the event loop, answered a turn later: an error the analyser
    // raises asynchronously while it works on an item (a microtask, an immediate) kills
    // the thread while `current` still names that item.
    const next = () => {
      const msg = queue.shift();
      if (!msg) {
        busy = false;
        return;
      }
      Atomics.store(current, 0, msg.seq);
      const result = processItem(msg.item, analyzer, { today: init.today });
      setImmediate(() => {
        port.postMessage({ seq: msg.seq, result });
        Atomics.store(current, 0, 0);
        next();
      });
    };
    port.on("message", (msg: { seq: number; item: WorkItem }) => {
      queue.push(msg);
      if (!busy) {
        busy = true;
        next();
      }
    });
    port.postMessage({ ready: true });
  },
  (err: unknown) => {
    port.postMessage({ fatal: (err instanceof Error ? err.message : String(err)).split("\n")[0] });
  },
);
