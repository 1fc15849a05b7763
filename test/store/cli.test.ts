// The store's commands end to end, with the stub analyser.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parquetReadObjects } from "hyparquet";
import { spawnSync } from "node:child_process";
import { tempDir } from "./helpers.js";
import { openStore } from "../../src/store/index.js";
import { dyad, STUB } from "../ingest/helpers.js";

let dir = "";
let cleanup = () => {};
let db = "";
const run = (args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) => dyad([...args, "--db", db], { cwd: dir, ...opts });

before(() => {
  ({ dir, cleanup } = tempDir("dyad-cli-store-"));
  db = join(dir, "news.db");
  mkdirSync(join(dir, "news"));
  const w = (name: string, text: string) => writeFileSync(join(dir, "news", name), text);
  w("voa-1.txt", "VOA report.\nEVENT 042 USAGOV CHNGOV 2020-06-01 Geneva\nEVENT 190 PRK KOR 2020-06-16\n");
  w("cgtn-1.txt", "CGTN report.\nEVENT 043 USAGOV CHNGOV 2020-06-01\nEVENT 111 PRK KOR 2020-06-20\nEVENT 036 USAGOV PRK 2020-07\n");
  w("kcna.jsonl", [
    JSON.stringify({ id: "kcna-1", text: "KCNA statement.\nEVENT 111 PRK KOR 2020-06-20\nEVENT 111 PRK USA 2020-06-21", date: "2020-06-21", source: "KCNA", url: "https://kcna.example/1" }),
    JSON.stringify({ id: "kcna-2", text: "KCNA on the talks.\nEVENT 042 USAGOV CHNGOV 2020-06-01 Geneva", date: "2020-06-02", source: "KCNA" }),
  ].join("\n"));
  w("empty.txt", "   \n");
  copyFileSync(fileURLToPath(new URL("../../../test/fixtures/ingest/article.html", import.meta.url)), join(dir, "news", "page.html"));
  const r = run(["ingest", "news", "--analyzer", STUB, "--jobs", "1", "--date", "2020-07-01"]);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr.trim(), "dyad ingest: news/empty.txt: no text (only whitespace)");
  assert.match(r.stdout, /ingested 6 documents: 5 added, 0 already stored, 1 failed; 8 event reports, 5 events/);
});

after(() => cleanup());

test("ingest again adds nothing and dyad stats is unchanged", () => {
  const s1 = run(["stats", "--format", "json"]);
  const again = run(["ingest", "news", "--analyzer", STUB]);
  assert.match(again.stdout, /0 added, 5 already stored, 1 failed/);
  const s2 = run(["stats", "--format", "json"]);
  const strip = (s: string) => ({ ...JSON.parse(s), bytes: 0 });
  assert.deepEqual(strip(s2.stdout), strip(s1.stdout));
  assert.equal(JSON.parse(s1.stdout).failures, 1);
  assert.match(run(["failures"]).stdout, /^news\/empty\.txt\tread\tno text \(only whitespace\)\n$/);
});

test("events: one event from three reports, and the filters", () => {
  const json = (args: string[]) => JSON.parse(run(["events", ...args, "--format", "json"]).stdout) as { cameo: string; numMentions: number; numArticles: number; numSources: number; date: string; source: { code: string }; target: { code: string } | null }[];
  const talks = json(["--dyad", "USAGOV:CHNGOV", "--mentions"]);
  assert.equal(talks.length, 1);
  assert.equal(talks[0]!.numMentions, 3);
  assert.equal(talks[0]!.numArticles, 3);
  assert.equal(talks[0]!.cameo, "042");
  assert.equal(json(["--dyad", "KOR:PRK"]).length, 0);
  assert.deepEqual(json(["--dyad", "KOR:PRK", "--both"]).map((e) => [e.cameo, e.date, e.numArticles]), [["190", "2020-06-16", 1], ["111", "2020-06-20", 2]]);
  assert.deepEqual(json(["--actor", "PRK", "--since", "2020-06-21"]).map((e) => e.target?.code), ["USA", "PRK"]);
  assert.deepEqual(json(["--root", "11", "--source", "KCNA", "--until", "2020-06-20"]).map((e) => e.date), ["2020-06-20"]);
  assert.deepEqual(json(["--quad", "4"]).map((e) => e.cameo), ["190"]);
  // Words of an article find the events it reports (voa-1 names Geneva for its other event).
  assert.deepEqual(json(["--text", "Geneva"]).map((e) => e.cameo), ["042", "190"]);
  assert.deepEqual(json(["--text", "CGTN report"]).map((e) => e.cameo), ["042", "111", "036"]);
  assert.equal(json(["--limit", "2"]).length, 2);
  const csv = run(["events", "--format", "csv", "--country", "CHN"]).stdout.trim().split("\n");
  assert.equal(csv.length, 2);
  assert.match(csv[0]!, /^id,date,date_precision,cameo/);
  const bad = run(["events", "--dyad", "KOR-PRK"]);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim(), 'dyad events: --dyad: "KOR-PRK" is not SOURCE:TARGET (for example KOR:PRK)');
  assert.equal(run(["events", "--since", "2020-13-01"]).status, 2);
});

test("a listing cut by --limit says so on stderr, also when piped; --jobs is bounded; a run with nothing new starts no analyser", () => {
  const piped = run(["events", "--limit", "2"]);
  assert.equal(piped.stdout.trim().split("\n").length, 2);
  assert.equal(piped.stderr, "2 of 5 events (--limit; --limit 0 for all, --offset for the next)\n");
  assert.equal(run(["events", "--limit", "0"]).stderr, "");
  assert.equal(run(["events", "--format", "json"]).stderr, "");
  const jobs = run(["ingest", "news", "--jobs", "65", "--analyzer", STUB]);
  assert.equal(jobs.status, 2);
  assert.equal(jobs.stderr, "dyad ingest: --jobs must be at most 64\n");
  // Everything is stored: the analyser (here one that cannot even load) is never started.
  const again = run(["ingest", "news/voa-1.txt", "news/kcna.jsonl", "--analyzer", join(dir, "no-such-analyser.js")]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /0 added, 3 already stored, 0 failed/);
});

test("timeline: counts per QuadClass and summed Goldstein per period", () => {
  const t = JSON.parse(run(["timeline", "--dyad", "PRK:KOR", "--by", "day", "--format", "json"]).stdout);
  assert.deepEqual(t.buckets.map((b: { period: string; events: number; quad: number[]; goldstein: number }) => [b.period, b.events, b.quad, b.goldstein]), [
    ["2020-06-16", 1, [0, 0, 0, 1], -6],
    ["2020-06-20", 1, [0, 0, 1, 0], -6],
  ]);
  const month = JSON.parse(run(["timeline", "--by", "month", "--format", "json"]).stdout);
  assert.deepEqual(month.buckets.map((b: { period: string; events: number }) => [b.period, b.events]), [["2020-06", 4], ["2020-07", 1]]);
  const table = run(["timeline", "--country", "PRK", "--by", "week"]).stdout;
  assert.match(table, /2020-W25\s+3\s+0\s+0\s+2\s+1\s+-18\.0/);
  assert.match(table, /not shown: 1 events dated only to a coarser period/);
  assert.equal(run(["timeline", "--by", "fortnight"]).status, 2);
});

test("actors, show and export", async () => {
  const actors = JSON.parse(run(["actors", "--format", "json"]).stdout) as { code: string; events: number }[];
  assert.deepEqual(actors[0], { ...actors[0], code: "PRK", events: 4 });
  // The actor book's subcommand, handed over (or a one-line "not available" where it is missing).
  const lookup = dyad(["actors", "lookup", "Moon Jae-in", "--date", "2020-07-01"], { cwd: dir });
  assert.ok(lookup.status === 0 || /not available/.test(lookup.stderr), lookup.stderr);

  const show = run(["show", "kcna-1"]).stdout;
  assert.match(show, /\[\[EVENT 111 \[PRK\]\{PRK\} KOR 2020-06-20\]\]\{E1\}/);
  assert.match(show, /E1 .*also in 1 other article/);
  assert.equal(run(["show", "nope"]).status, 2);

  const gdelt = run(["export", "--format", "gdelt"]).stdout.split("\n").filter((l) => l !== "");
  assert.equal(gdelt.length, 5);
  for (const line of gdelt) assert.equal(line.split("\t").length, 61);
  const talks = gdelt.map((l) => l.split("\t")).find((f) => f[26] === "042")!;
  assert.deepEqual([talks[1], talks[5], talks[7], talks[12], talks[31], talks[33], talks[52]], ["20200601", "USAGOV", "USA", "GOV", "3", "3", "Geneva"]);
  assert.equal(talks[60], ""); // voa-1.txt has no URL: the earliest report
  const withHeader = run(["export", "--format", "gdelt", "--header", "--limit", "1"]).stdout.split("\n");
  assert.equal(withHeader[0]!.split("\t")[60], "SOURCEURL");

  const plover = run(["export", "--format", "plover"]).stdout.trim().split("\n").map((l) => JSON.parse(l));
  const consult = plover.find((p) => p.event === "CONSULT")!;
  assert.deepEqual(consult.actor, [{ code: "USA", cameo_sectors: ["GOV"], actor_code: "USAGOV", actor_text: "USAGOV" }]);
  assert.equal(consult.text_info.length, 3);
  assert.equal(consult.event_text[0], "EVENT 042 USAGOV CHNGOV 2020-06-01 Geneva");

  const out = join(dir, "events.parquet");
  const p = run(["export", "--format", "parquet", "--out", out]);
  assert.equal(p.status, 0, p.stderr);
  const buf = readFileSync(out);
  const rows = (await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer })) as Record<string, unknown>[];
  const jsonl = run(["export", "--format", "jsonl"]).stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(rows.length, jsonl.length);
  assert.deepEqual(rows.map((r) => [r.id, r.cameo, r.num_mentions, r.goldstein, r.date]), jsonl.map((e) => [e.id, e.cameo, e.numMentions, e.goldstein, e.date]));
  assert.equal(run(["export", "--format", "parquet"]).status, 2);
  assert.equal(run(["export", "--format", "xml"]).status, 2);
});

test("export --out: a write error is one line and exit 1; a complete export replaces the file whole", { skip: !existsSync("/dev/full") && "no /dev/full" }, () => {
  for (const format of ["gdelt", "jsonl", "parquet"]) {
    const full = run(["export", "--format", format, "--out", "/dev/full"]);
    assert.equal(full.status, 1, `${format}: ${full.stderr}`);
    assert.equal(full.stderr, "dyad export: /dev/full: cannot write (ENOSPC)\n");
  }
  const missing = run(["export", "--format", "csv", "--out", join(dir, "no-such-dir", "x.csv")]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^dyad export: .*x\.csv: cannot write \(ENOENT\)\n$/);
  const path = join(dir, "out.tsv");
  writeFileSync(path, "old contents\n");
  const ok = run(["export", "--format", "gdelt", "--out", path]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(readFileSync(path, "utf8").trim().split("\n").length, 5);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith(".tmp")), []);
});

/** A way to run DuckDB SQL, when this machine has one (the CLI, or Python's module); null otherwise. */
function duckdb(): ((sql: string) => string) | null {
  const cli = spawnSync("duckdb", ["-csv", "-noheader", "-c", "SELECT 1"], { encoding: "utf8" });
  if (cli.status === 0) return (sql) => spawnSync("duckdb", ["-csv", "-noheader", "-c", sql], { encoding: "utf8" }).stdout;
  const py = spawnSync("python3", ["-c", "import duckdb"], { encoding: "utf8" });
  if (py.status === 0) return (sql) => spawnSync("python3", ["-c", `import duckdb,sys\nfor r in duckdb.sql(sys.argv[1]).fetchall(): print(",".join(map(str, r)))`, sql], { encoding: "utf8" }).stdout;
  return null;
}

test("DuckDB reads the Parquet export back", { skip: duckdb() === null && "no DuckDB here (neither the CLI nor the Python module)" }, () => {
  const out = join(dir, "duck.parquet");
  assert.equal(run(["export", "--format", "parquet", "--out", out]).status, 0);
  const rows = duckdb()!(`SELECT count(*), sum(num_mentions), min(date) FROM read_parquet('${out}')`).trim();
  assert.equal(rows, "5,8,2020-06-01");
});

test("reanalyze recomputes the documents of an older engine", () => {
  const r = run(["reanalyze", "--analyzer", STUB, "--jobs", "1"], { env: { STUB_ENGINE: "0.1.0" } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /reanalysed 5 of 5 documents/);
  assert.deepEqual(JSON.parse(run(["stats", "--format", "json"]).stdout).engines, { "0.1.0": 5 });
  assert.match(run(["reanalyze", "--analyzer", STUB], { env: { STUB_ENGINE: "0.1.0" } }).stdout, /reanalysed 0 of 0/);
  assert.equal(JSON.parse(run(["events", "--dyad", "USAGOV:CHNGOV", "--format", "json"]).stdout)[0].numMentions, 3);
});

test("stdin and a saved page", async () => {
  const r = run(["ingest", "-", "--analyzer", STUB], { input: "From stdin.\nEVENT 051 FRA DEU 2021-01-05\n" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(run(["events", "--dyad", "FRA:DEU", "--format", "json"]).stdout).length, 1);
  const store = await openStore(db, { readonly: true });
  try {
    const page = (await store.documents()).find((d) => d.title === "Seoul and Washington hold talks on the peninsula");
    assert.ok(page, "the saved page is stored with its title");
    assert.equal(page.source, "The Daily Courier");
    assert.equal(page.date, "2020-07-01");
    const doc = await store.document(page.id);
    assert.match(doc!.record.text, /^South Korean President Moon Jae-in meets US envoy/);
    assert.ok(!doc!.record.text.includes("Related stories"));
  } finally {
    await store.close();
  }
});

test("a database that is not ours is refused with one line, and left as it was", () => {
  const notes = join(dir, "notes.txt");
  writeFileSync(notes, "my notes\n");
  for (const args of [["stats"], ["events"], ["ingest", "news", "--analyzer", STUB]]) {
    const r = dyad([...args, "--db", notes], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.trim().split("\n").length, 1);
    assert.match(r.stderr, /not a dyad database/);
  }
  assert.equal(readFileSync(notes, "utf8"), "my notes\n");
  const missing = dyad(["events", "--db", join(dir, "none.db")], { cwd: dir });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such database/);
  // DYAD_DB names the database when --db does not.
  const viaEnv = dyad(["stats", "--format", "json"], { cwd: dir, env: { DYAD_DB: db } });
  assert.equal(JSON.parse(viaEnv.stdout).path, db);
});

test("bad files are one line each in the failures and on stderr; the batch goes on", () => {
  const bad = join(dir, "bad");
  mkdirSync(bad);
  writeFileSync(join(bad, "latin1.txt"), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x28, 0x0a])); // "Café (" in Latin-1
  writeFileSync(join(bad, "menu.html"), "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>");
  writeFileSync(join(bad, "feed.rss"), "<rss><channel><item><title>cut");
  writeFileSync(join(bad, "good.txt"), "A good one.\nEVENT 057 GBR IRL 2021-03-01\n");
  const badDb = join(dir, "bad.db");
  const r = dyad(["ingest", "bad", "missing.txt", "nothing-*.html", "--db", badDb, "--analyzer", STUB], { cwd: dir });
  assert.equal(r.status, 1);
  assert.deepEqual(r.stderr.trim().split("\n").sort(), [
    "dyad ingest: bad/feed.rss: the feed is not well-formed XML (<title> is never closed)",
    "dyad ingest: bad/latin1.txt: not valid UTF-8 text",
    "dyad ingest: bad/menu.html: no article text found in the page",
    "dyad ingest: missing.txt: no such file or directory",
    "dyad ingest: nothing-*.html: no files match",
  ]);
  assert.match(r.stdout, /1 added, 0 already stored, 5 failed/);
  const failures = dyad(["failures", "--format", "json", "--db", badDb], { cwd: dir });
  assert.equal(JSON.parse(failures.stdout).length, 5);
});
