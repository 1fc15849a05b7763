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
    // Load the analyser's books now, not on the first real document.
    try {
      analyzer.analyze({ text: "WASHINGTON (Reuters) - The president met the foreign minister in Paris on Monday, officials said." }, { today: init.today, date: init.today });
    } catch {
      // a stand-in analyser may refuse it; real documents will tell
    }
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
