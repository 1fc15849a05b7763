// A worker thread of `npm run bench:store` that only analyses (no store): its share of the
// corpus after a warm-up, timed by itself, so that the analyser's own rate on all cores
// is measured the way ingest runs it.

import { parentPort, workerData } from "node:worker_threads";
import { BATCH_SIZE, createAnalyzer } from "../src/analyze.js";
import { fsDataSource } from "../src/node/data.js";
import type { DocumentInput } from "../src/record.js";

const { docs, warm, today } = workerData as { docs: DocumentInput[]; warm: DocumentInput[]; today: string };
const analyzer = createAnalyzer(fsDataSource());
for (const d of warm) analyzer.analyze(d, { today });
const t = performance.now();
// in batches, as an ingest worker takes the documents waiting for it
for (let i = 0; i < docs.length; i += BATCH_SIZE) analyzer.analyzeBatch(docs.slice(i, i + BATCH_SIZE), { today });
parentPort!.postMessage({ n: docs.length, ms: performance.now() - t });
