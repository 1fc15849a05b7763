// The single writer: a batch that fails for one bad document is stored one by one,
// and documents that finish meanwhile are not lost.

import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ingest } from "../../src/ingest/ingest.js";
import { openStore, StoreError, type EventStore, type PreparedDocument } from "../../src/store/index.js";
import { tempDir } from "../store/helpers.js";
import { STUB } from "./helpers.js";

/** A store that takes its time (like a remote one) and refuses one document. */
function slowStore(inner: EventStore, bad: string): EventStore {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === "putDocuments") {
        return async (docs: PreparedDocument[], options?: { replace?: boolean }) => {
          await new Promise((r) => setTimeout(r, 20));
          if (docs.some((d) => d.id === bad)) throw new StoreError(`document ${bad} cannot be stored`);
          return target.putDocuments(docs, options);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

test("a failed batch is retried document by document without losing the documents that finished meanwhile", async () => {
  const { dir, cleanup } = tempDir("dyad-writer-");
  const inner = await openStore(":memory:");
  try {
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ id: `d${i}`, text: `Dispatch ${i}.\nEVENT 042 USA CHN 2020-06-01`, date: "2020-06-02" }));
    writeFileSync(join(dir, "batch.jsonl"), lines.join("\n") + "\n");
    const failures: string[] = [];
    const s = await ingest(["batch.jsonl"], { store: slowStore(inner, "d100"), cwd: dir, jobs: 0, analyzer: { module: STUB }, onFailure: (f) => failures.push(`${f.origin}: ${f.reason}`) });
    assert.deepEqual(failures, [`${join(dir, "batch.jsonl")}:101: document d100 cannot be stored`]);
    assert.equal(s.added, 599);
    assert.equal((await inner.stats()).documents, 599);
  } finally {
    await inner.close();
    cleanup();
  }
});
