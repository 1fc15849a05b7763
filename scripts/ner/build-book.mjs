#!/usr/bin/env node
// Writes data/actors/names/book.snapshot.json: the actor book built from its TSV
// files (data/actors/*.tsv, names/regions.tsv, names/groups.tsv) as JSON, which
// loads several times faster than the TSV files build. `npm run build` (and so
// `npm install`, `npm test`) runs it; run it by hand (after `npx tsc -p .`)
// whenever one of those files changes; test/actors/book-snapshot.test.ts fails
// while the snapshot is stale, and the stage then builds the book from the TSV
// files (same result, slower start).
// usage: node scripts/ner/build-book.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
const root = new URL("../../", import.meta.url).pathname;
const { bookSnapshot, BOOK_SNAPSHOT } = await import(root + "dist/src/actors/book.js");
const { fsDataSource } = await import(root + "dist/src/node/data.js");
const path = join(root, "data", BOOK_SNAPSHOT);
const text = bookSnapshot(fsDataSource([]));
if (process.argv.includes("--check")) {
  let old = "";
  try {
    old = readFileSync(path, "utf8");
  } catch {}
  if (old !== text) {
    console.error(`${path} is stale: run node scripts/ner/build-book.mjs`);
    process.exit(1);
  }
  console.log("book snapshot is current");
} else {
  writeFileSync(path, text);
  console.log(`wrote ${path} (${(text.length / 1024).toFixed(0)} KB)`);
}
