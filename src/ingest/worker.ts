// A worker thread of the ingest pool: it makes its own analyser, then turns each
// item it is sent into prepared rows for the single writer.

import { parentPort, workerData } from "node:worker_threads";
import { makeAnalyzer, processItem, type AnalyzerSpec, type WorkItem } from "./item.js";

interface Init {
  analyzer: AnalyzerSpec;
  today: string;
}

const init = workerData as Init;
const port = parentPort!;

makeAnalyzer(init.analyzer).then(
  (analyzer) => {
    port.on("message", (msg: { seq: number; item: WorkItem }) => {
      const result = processItem(msg.item, analyzer, { today: init.today });
      port.postMessage({ seq: msg.seq, result });
    });
    port.postMessage({ ready: true });
  },
  (err: unknown) => {
    port.postMessage({ fatal: (err instanceof Error ? err.message : String(err)).split("\n")[0] });
  },
);
