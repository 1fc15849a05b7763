import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const dyad = (args: string[], input?: string) =>
  spawnSync(process.execPath, [root + "bin/dyad.js", ...args], { cwd: root, input, encoding: "utf8" });

test("analyze prints a record of the contract's shape for the bundled example", () => {
  const r = dyad(["analyze", "examples/cgtn-2020-07-01-moon-summit.txt", "--date", "2020-07-01", "--format", "json"]);
  assert.equal(r.status, 0, r.stderr);
  const rec = JSON.parse(r.stdout);
  for (const k of ["schemaVersion", "id", "date", "dateInferred", "title", "source", "text", "body", "captions", "related", "sentences", "entities", "timexes", "quotes", "events"]) {
    assert.ok(k in rec, `record has ${k}`);
  }
  assert.equal(rec.date, "2020-07-01");
  assert.equal(rec.dateInferred, false);
});

test("a missing file is a one-line error with exit status 2", () => {
  const r = dyad(["analyze", "no/such/file.txt"]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /no such file/);
});
