import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURE_FILES } from "./fixture-book.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

// The fixture book goes in a user data folder (DYAD_DATA), which adds to or overrides the package's book.
function withFixtureData<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "dyad-actors-"));
  try {
    mkdirSync(join(dir, "actors"), { recursive: true });
    for (const [path, text] of Object.entries(FIXTURE_FILES)) if (!path.includes("/names/")) writeFileSync(join(dir, path), text);
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const dyad = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, [root + "bin/dyad.js", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, DYAD_DATA: dataDir } });

test("dyad actors lookup shows a person's code at a date and the rows behind it", () => {
  withFixtureData((dir) => {
    const r = dyad(["actors", "lookup", "Moon Jae-in", "--date", "2023-01-01", "--format", "json"], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.actor.code, "KORELI");
    assert.ok(out.rows.some((x: { file: string; row: Record<string, string> }) => x.file === "people.tsv" && x.row.code === "KORGOV"));
    const then = JSON.parse(dyad(["actors", "lookup", "Moon Jae-in", "--date", "2020-07-01", "--format", "json"], dir).stdout);
    assert.equal(then.actor.code, "KORGOV");
    assert.equal(then.role, "President");
    const text = dyad(["actors", "lookup", "Pyongyang", "--date", "2020-07-01"], dir);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /code\s+PRK/);
  });
});

test("dyad actors lookup: an unknown name exits 1, a bad date is a one-line error", () => {
  withFixtureData((dir) => {
    const r = dyad(["actors", "lookup", "Qwxzv Plorbn"], dir);
    assert.equal(r.status, 1);
    const bad = dyad(["actors", "lookup", "Moon Jae-in", "--date", "yesterday"], dir);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr.trim().split("\n").length, 1);
  });
});
