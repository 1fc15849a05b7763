// A worker thread of `npm run bench:store` that only analyses (no store): its share of the
// corpus after a warm-up, timed by itself, so that the analyser's own rate on all cores
// is measured the way ingest runs it.

import { parentPort, workerData } from "node:worker_threads";
import { createAnalyzer } from "../src/analyze.js";
import { fsDataSource } from "../src/node/data.js";
import type { DocumentInput } from "../src/record.js";

const { docs, warm, today } = workerData as { docs: DocumentInput[]; warm: DocumentInput[]; today: string };
const analyzer = createAnalyzer(fsDataSource());
for (const d of warm) analyzer.analyze(d, { today });
const t = performance.now();
for (const d of docs) analyzer.analyze(d, { today });
parentPort!.postMessage({ n: docs.length, ms: performance.now() - t });
