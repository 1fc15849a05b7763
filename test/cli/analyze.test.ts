// `dyad analyze`: the record on stdout, one-line errors and exit status 2 for bad input,
// and JSON Lines batches that report a bad line and go on.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

const dyad = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [ROOT + "bin/dyad.js", ...args], { cwd: ROOT, input, encoding: "utf8" });

const tmp = mkdtempSync(join(tmpdir(), "dyad-cli-"));
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));

function assertOneLineError(r: ReturnType<typeof dyad>, status: number, pattern: RegExp): void {
  assert.equal(r.status, status, `exit status (stderr: ${r.stderr})`);
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
}

test("analyze prints a record of the contract's shape for the bundled example", () => {
  const r = dyad(["analyze", "examples/cgtn-2020-07-01-moon-summit.txt", "--date", "2020-07-01", "--format", "json"]);
  assert.equal(r.status, 0, r.stderr);
  const rec = JSON.parse(r.stdout);
  for (const k of ["schemaVersion", "id", "date", "dateInferred", "title", "source", "text", "body", "captions", "related", "sentences", "entities", "timexes", "quotes", "events"]) {
    assert.ok(k in rec, `record has ${k}`);
  }
  assert.equal(rec.schemaVersion, 1);
  assert.equal(rec.date, "2020-07-01");
  assert.equal(rec.dateInferred, false);
  assert.ok(rec.body.length > 0 && rec.sentences.length > 0);
});

test("the README's command: the date in the file's name is the publication date", () => {
  const r = dyad(["analyze", "examples/cgtn-2020-07-01-moon-summit.txt", "--format", "json"]);
  assert.equal(r.status, 0, r.stderr);
  const rec = JSON.parse(r.stdout);
  assert.equal(rec.date, "2020-07-01");
  assert.equal(rec.dateInferred, false);
  assert.equal(rec.title, "Moon Jae-in says to strive for Trump-Kim summit before U.S. election");
  assert.ok(rec.timexes.some((t: { text: string; value: string }) => t.text === "last month" && t.value === "2020-06"));
});

test("the text format is a readable summary", () => {
  const r = dyad(["analyze", "examples/cgtn-2020-07-01-moon-summit.txt", "--date", "2020-07-01", "--format", "text"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /date 2020-07-01/);
  assert.match(r.stdout, /Body/);
});

test("stdin is read when the file is '-'", () => {
  const r = dyad(["analyze", "-", "--format", "json", "--date", "2021-03-04"], "Seoul said on Tuesday that talks would resume.");
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).text, "Seoul said on Tuesday that talks would resume.");
});

test("bad input: one line, exit status 2", () => {
  assertOneLineError(dyad(["analyze", "no/such/file.txt"]), 2, /no such file/);
  const dir = join(tmp, "adir");
  mkdirSync(dir);
  assertOneLineError(dyad(["analyze", dir]), 2, /directory/);
  const bin = join(tmp, "bin.dat");
  writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
  assertOneLineError(dyad(["analyze", bin]), 2, /binary/);
  const empty = join(tmp, "empty.txt");
  writeFileSync(empty, "");
  assertOneLineError(dyad(["analyze", empty]), 2, /empty/);
  const blank = join(tmp, "blank.txt");
  writeFileSync(blank, " \n\u00a0\n");
  assertOneLineError(dyad(["analyze", blank]), 2, /no text/);
  const latin1 = join(tmp, "latin1.txt");
  writeFileSync(latin1, Buffer.from("Caf\xe9 talks in Montr\xe9al", "latin1"));
  assertOneLineError(dyad(["analyze", latin1]), 2, /UTF-8/);
  const big = join(tmp, "big.txt");
  writeFileSync(big, "Talks resumed. ".repeat(2000));
  assertOneLineError(dyad(["analyze", big, "--max-bytes", "1000"]), 2, /limit/);
  assertOneLineError(dyad(["analyze", "examples/cgtn-2020-07-01-moon-summit.txt", "--date", "2020-13-45"]), 2, /YYYY-MM-DD/);
  assertOneLineError(dyad(["analyze", "examples/cgtn-2020-07-01-moon-summit.txt", "--format", "xml"]), 2, /--format/);
  assertOneLineError(dyad(["analyze", "--bogus"]), 2, /bogus/);
  assertOneLineError(dyad(["frobnicate"]), 2, /unknown command/);
});

test("a saved web page is read as its article: text, title, site name and date from the page", () => {
  const page = join(tmp, "page.html");
  writeFileSync(
    page,
    `<!doctype html><html><head><title>Putin meets Erdogan</title><meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2021-09-30T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>Putin meets Erdogan</h1>
<p>Russian President Vladimir Putin met Turkish President Tayyip Erdogan in Sochi on Monday to discuss the war in Syria, the Kremlin said.</p>
<p>"We agreed to continue our cooperation," Erdogan told reporters after the talks.</p></article><footer>Copyright 2021</footer></body></html>`,
  );
  const r = dyad(["analyze", page, "--format", "json"]);
  assert.equal(r.status, 0, r.stderr);
  const rec = JSON.parse(r.stdout);
  assert.equal(rec.title, "Putin meets Erdogan");
  assert.equal(rec.source, "Example News");
  assert.equal(rec.date, "2021-09-30");
  assert.doesNotMatch(rec.text, /<|Copyright|Home/);
  assert.ok(rec.events.some((e: { cameo: string; date: string }) => e.cameo.startsWith("04") && e.date === "2021-09-27"), r.stdout);
});

test("a feed, or JSON Lines without --jsonl, is refused with the command that reads it", () => {
  assertOneLineError(dyad(["analyze", "-"], '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'), 2, /RSS or Atom feed.*dyad ingest/);
  assertOneLineError(dyad(["analyze", "-"], '{"id": "a", "text": "Putin met Xi."}\n'), 2, /JSON Lines.*--jsonl/);
  assertOneLineError(dyad(["analyze", "-"], "<html><body><p>hi</p></body></html>"), 2, /no article text/);
  // plain text that happens to start with a brace is still text
  assert.equal(dyad(["analyze", "-", "--format", "json"], "{Draft} Putin met Xi in Beijing on Monday.").status, 0);
});

test("--jsonl: one record per line, a bad line yields {id, error} and the rest go on", () => {
  const lines = [
    JSON.stringify({ id: "a", text: "Russia and Turkey held talks on Monday.", date: "2015-11-26" }),
    "{not json",
    JSON.stringify({ id: "c", date: "2015-11-26" }),
    JSON.stringify({ id: "d", text: "Iran rejected the offer.", date: "2015-13-01" }),
    "",
    JSON.stringify({ text: "Kerry met Zarif in Geneva." }),
  ].join("\n");
  const r = dyad(["analyze", "--jsonl", "-"], lines);
  assert.equal(r.status, 1, "non-zero at the end");
  const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(out.length, 5);
  assert.equal(out[0].id, "a");
  assert.equal(out[0].date, "2015-11-26");
  assert.ok(out[1].error && out[1].id === "line-2");
  assert.ok(/text/.test(out[2].error) && out[2].id === "c");
  assert.ok(/date/i.test(out[3].error) && out[3].id === "d");
  assert.equal(out[4].text, "Kerry met Zarif in Geneva.");
  assert.equal(out[4].dateInferred, true);
  assert.equal(r.stderr.trim().split("\n").length, 3, "one stderr line per bad line");
});

test("--jsonl: empty input and invalid UTF-8 lines", () => {
  assertOneLineError(dyad(["analyze", "--jsonl", "-"], ""), 2, /no documents/);
  const r = dyad(["analyze", "--jsonl", "-"], Buffer.concat([Buffer.from('{"id":"bad","text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n{"id":"ok","text":"Talks resumed."}\n')]));
  assert.equal(r.status, 1);
  const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.match(out[0].error, /UTF-8/);
  assert.equal(out[1].id, "ok");
});

test("eval prints a table and ends with the SCORE line", () => {
  const r = dyad(["eval", "document", "--gold", "test/fixtures/cgtn-2020-07-01-moon-summit.gold.json"]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.match(lines[lines.length - 1]!, /^SCORE task=document f1=1\.000 p=1\.000 r=1\.000/);
  assertOneLineError(dyad(["eval", "bogus", "--gold", "x"]), 2, /unknown task/);
  const bad = join(tmp, "bad-gold.jsonl");
  writeFileSync(bad, '{"id":"a","text":"x","quad":7}\n');
  assertOneLineError(dyad(["eval", "quad", "--gold", bad]), 2, /quad/);
});

test("--help and the command list", () => {
  const r = dyad(["analyze", "--help"]);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /usage: dyad analyze/);
  const top = dyad(["--help"]);
  assert.equal(top.status, 0);
  assert.match(top.stdout, /analyze/);
  assert.match(top.stdout, /eval/);
});
