// Reading input strictly and within limits: invalid UTF-8 in JSON Lines fails its
// line only (from a file or stdin); pages have their own, larger size limit, and
// the article limit applies to the text extracted from them.

import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { tempDir } from "../store/helpers.js";
import { dyad, STUB } from "./helpers.js";

const line = (id: string, text: string) => Buffer.from(JSON.stringify({ id, text, date: "2020-06-02" }) + "\n");
/** JSON Lines whose second line holds a byte that is not UTF-8 (Latin-1 "é"). */
function badBatch(): Buffer {
  const bad = Buffer.concat([Buffer.from('{"id":"bad","text":"Caf'), Buffer.from([0xe9]), Buffer.from(' talks.\\nEVENT 042 FRA DEU 2020-06-01","date":"2020-06-02"}\n')]);
  return Buffer.concat([line("a", "First.\nEVENT 042 USA CHN 2020-06-01"), bad, line("c", "Third.\nEVENT 111 PRK KOR 2020-06-01")]);
}

function documents(db: string): { id: string; text: string }[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare("SELECT id, text FROM documents ORDER BY id").all() as { id: string; text: string }[];
  } finally {
    d.close();
  }
}

test("invalid UTF-8 in JSON Lines fails that line, from a file and from stdin; the others are stored", () => {
  const { dir, cleanup } = tempDir("dyad-limits-");
  try {
    writeFileSync(join(dir, "batch.jsonl"), badBatch());
    const fromFile = dyad(["ingest", "batch.jsonl", "--db", join(dir, "f.db"), "--analyzer", STUB, "--jobs", "1", "--quiet"], { cwd: dir });
    assert.equal(fromFile.status, 1);
    assert.equal(fromFile.stderr, "dyad ingest: batch.jsonl:2: not valid UTF-8 text\n");
    assert.deepEqual(documents(join(dir, "f.db")).map((d) => d.id), ["a", "c"]);
    assert.ok(documents(join(dir, "f.db")).every((d) => !d.text.includes("\ufffd")));

    const fromStdin = dyad(["ingest", "-", "--db", join(dir, "s.db"), "--analyzer", STUB, "--jobs", "1", "--quiet"], { cwd: dir, input: badBatch() });
    assert.equal(fromStdin.status, 1);
    assert.equal(fromStdin.stderr, "dyad ingest: stdin:2: not valid UTF-8 text\n");
    assert.deepEqual(documents(join(dir, "s.db")).map((d) => d.id), ["a", "c"]);
  } finally {
    cleanup();
  }
});

test("a JSON Lines line over --max-bytes is measured in bytes and fails alone", () => {
  const { dir, cleanup } = tempDir("dyad-limits-");
  try {
    // 400 characters of "é" are 800 bytes: over a 600-byte limit, though under it in characters.
    const wide = JSON.stringify({ id: "wide", text: "é".repeat(400) });
    writeFileSync(join(dir, "batch.jsonl"), Buffer.concat([line("a", "First.\nEVENT 042 USA CHN 2020-06-01"), Buffer.from(wide + "\n"), line("c", "Third.")]));
    const r = dyad(["ingest", "batch.jsonl", "--db", join(dir, "w.db"), "--analyzer", STUB, "--jobs", "1", "--quiet", "--max-bytes", "600"], { cwd: dir });
    assert.equal(r.stderr, "dyad ingest: batch.jsonl:2: line larger than the 600-byte limit (raise it with --max-bytes)\n");
    assert.deepEqual(documents(join(dir, "w.db")).map((d) => d.id), ["a", "c"]);
    // Standard input that is one document stops at the limit.
    const big = dyad(["ingest", "-", "--db", join(dir, "w.db"), "--analyzer", STUB, "--quiet", "--max-bytes", "1000"], { cwd: dir, input: "word ".repeat(100_000) });
    assert.equal(big.stderr, "dyad ingest: stdin: larger than the 1000-byte limit (raise it with --max-bytes)\n");
  } finally {
    cleanup();
  }
});

const ARTICLE = `<article><h1>Talks resume</h1>${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i}: negotiators from both sides met again in Geneva on Monday to discuss the ceasefire and the exchange of prisoners, officials said.</p>`).join("")}<p>EVENT 042 USA CHN 2020-06-01</p></article>`;

test("a page larger than the article limit is read (pages have their own limit); its article text keeps the article limit", () => {
  const { dir, cleanup } = tempDir("dyad-limits-");
  try {
    // 3 MB of scripts and markup around a small article: over the 2 MB article limit, under the page limit.
    const furniture = `<script>var data = "${"x".repeat(3 * 1024 * 1024)}";</script>`;
    writeFileSync(join(dir, "page.html"), `<!doctype html><html><head><title>Talks</title>${furniture}</head><body>${ARTICLE}</body></html>`);
    const ok = dyad(["ingest", "page.html", "--db", join(dir, "p.db"), "--analyzer", STUB, "--jobs", "1", "--quiet"], { cwd: dir });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(documents(join(dir, "p.db")).length, 1);
    // The same page with a 500-byte article limit: the page is read, its article text refused.
    writeFileSync(join(dir, "page2.html"), `<!doctype html><html><head><title>Talks</title></head><body>${ARTICLE.replace("Talks resume", "Talks resume again")}</body></html>`);
    const small = dyad(["ingest", "page2.html", "--db", join(dir, "p.db"), "--analyzer", STUB, "--jobs", "1", "--quiet", "--max-bytes", "500"], { cwd: dir });
    assert.equal(small.status, 1);
    assert.match(small.stderr, /^dyad ingest: page2\.html: the article text is \d+ bytes, larger than the 500-byte limit \(raise it with --max-bytes\)\n$/);
    const page = dyad(["ingest", "page.html", "--db", join(dir, "q.db"), "--analyzer", STUB, "--quiet", "--max-page-bytes", "100000"], { cwd: dir });
    assert.match(page.stderr, /^dyad ingest: page\.html: \d+ bytes, larger than the 100000-byte limit \(raise it with --max-page-bytes\)\n$/);
  } finally {
    cleanup();
  }
});
