// `npm run bench:store`: the event store's speed.
//  1. The single writer alone, on synthetic news (an empty store, then a fuller one).
//  2. Ingest rate into SQLite on all cores with the real analyser (bench-voa articles),
//     against the analyser's own rate (target ≥ 80%): the analyser alone on the same
//     worker threads with no store, and its single-core rate × cores used (which assumes
//     cores that scale: SMT siblings and other load do not); and ingest with a stand-in
//     analyser: what ingest itself costs.
//  3. Query latency (events, counts, actors, timelines) on a store of one million
//     synthetic events whose reports merge into groups of realistic sizes (target:
//     < 150 ms).
// Flags: --events N (default 1000000), --db PATH (keep and reuse the synthetic store),
// --writes N (writer benchmark documents, default 20000), --stand-in N (stand-in ingest
// documents, default 20000; 0 skips it), --docs N (real ingest corpus size, default 900),
// --runs N (timings per query, default 7), --skip-writes, --skip-ingest, --skip-queries.

import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { Worker } from "node:worker_threads";
import { createAnalyzer } from "../src/analyze.js";
import { fsDataSource } from "../src/node/data.js";
import { ingest } from "../src/ingest/ingest.js";
import { WARM_UP_TEXT } from "../src/ingest/item.js";
import { openStore, prepareDocument, SqliteStore, type EventFilter, type EventStore, type TimelinePeriod } from "../src/store/index.js";
import { SyntheticNews } from "./synthetic.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const USAGE = `usage: npm run bench:store [-- OPTIONS]

The event store's speed: the single writer alone; ingest into SQLite on all cores with the
real analyser, against the analyser alone on the same threads (target ≥ 80%); ingest with a
stand-in analyser; query latency on a store of a million synthetic events (target < 150 ms).

  --db PATH        keep the synthetic store there and reuse it (building it takes minutes)
  --events N       synthetic store size (default 1000000)
  --docs N         real ingest corpus size (default 900)
  --writes N       writer benchmark documents (default 20000)
  --stand-in N     stand-in ingest documents (default 20000; 0 skips it)
  --runs N         timings per query (default 7)
  --skip-writes, --skip-ingest, --skip-queries
`;

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        help: { type: "boolean", short: "h" },
        events: { type: "string" },
        db: { type: "string" },
        docs: { type: "string" },
        "skip-ingest": { type: "boolean" },
        "skip-queries": { type: "boolean" },
        runs: { type: "string" },
        writes: { type: "string" },
        "skip-writes": { type: "boolean" },
        "stand-in": { type: "string" },
      },
    });
  } catch (err) {
    process.stderr.write(`bench:store: ${(err as Error).message} (see --help)\n`);
    process.exit(2);
  }
})();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

function corpus(n: number): { id: string; text: string; date?: string; title?: string; source?: string }[] {
  const voa = join(root, "../shared/eval-dev/bench-voa.jsonl");
  const base = existsSync(voa)
    ? readFileSync(voa, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; text: string; date?: string })
    : [{ id: "cgtn", text: readFileSync(join(root, "examples/cgtn-2020-07-01-moon-summit.txt"), "utf8"), date: "2020-07-01" }];
  // Distinct copies (a word changed) so that every document is new to the store.
  return Array.from({ length: n }, (_, i) => {
    const d = base[i % base.length]!;
    return { ...d, id: `${d.id}~${i}`, text: i < base.length ? d.text : `${d.text}\n(copy ${i})` };
  });
}

/**
 * The analyser's own rate on `threads` worker threads (no store): the rate ingest can approach. Each
 * thread warms up as an ingest worker does (one short article while it starts, untimed), so that the
 * two rates are of analysers equally far into V8's compiling.
 */
async function parallelAnalyseRate(docs: ReturnType<typeof corpus>, threads: number, today: string): Promise<number> {
  const shares = Array.from({ length: threads }, (_, k) => docs.filter((_, i) => i % threads === k));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<{ n: number; ms: number }>((resolve, reject) => {
          const w = new Worker(new URL("./analyse-worker.js", import.meta.url), { workerData: { docs: share, warm: [{ text: WARM_UP_TEXT, date: today }], today } });
          w.once("message", (m: { n: number; ms: number }) => {
            resolve(m);
            void w.terminate();
          });
          w.once("error", reject);
        }),
    ),
  );
  return results.reduce((a, r) => a + r.n, 0) / (Math.max(...results.map((r) => r.ms)) / 1000);
}

async function benchIngest(): Promise<number | null> {
  const n = Number(values.docs ?? 900);
  if (n <= 0) return null;
  const docs = corpus(n);
  const analyzer = createAnalyzer(fsDataSource());
  const today = "2024-01-01";
  for (const d of docs.slice(0, 30)) analyzer.analyze(d, { today });
  const sample = docs.slice(0, Math.min(docs.length, 400));
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let c = cpuMs();
  let t = performance.now();
  for (const d of sample) analyzer.analyze(d, { today });
  const single = sample.length / ((performance.now() - t) / 1000);
  const singleCpu = (cpuMs() - c) / sample.length;

  const dir = mkdtempSync(join(tmpdir(), "dyad-bench-store-"));
  try {
    const input = join(dir, "corpus.jsonl");
    writeFileSync(input, docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
    const jobs = availableParallelism();
    c = cpuMs();
    t = performance.now();
    let cStarted = c;
    const s = await ingest([input], { db: join(dir, "bench.db"), jobs, today, onStarted: () => (cStarted = cpuMs()) });
    const secs = (performance.now() - t) / 1000;
    // CPU time of every thread of the process (workers included), per article, once the workers are up.
    const ingestCpu = (cpuMs() - cStarted) / s.added;
    const rate = s.added / (secs - s.startupMs / 1000);
    const target = 0.8 * single * jobs;
    const parallel = await parallelAnalyseRate(docs, jobs, today);
    const load = (await import("node:os")).loadavg()[0]!;
    console.log(`analyser, 1 core:        ${single.toFixed(1)} articles/s (${singleCpu.toFixed(2)} ms CPU per article)`);
    console.log(`ingest into SQLite:      ${rate.toFixed(1)} articles/s on ${jobs} threads once started (${s.added} articles, ${s.mentions} event reports; ${secs.toFixed(2)} s wall, of which ${(s.startupMs / 1000).toFixed(2)} s starting the workers: ${(s.added / secs).toFixed(1)} articles/s overall)`);
    console.log(`ingest CPU per article:  ${ingestCpu.toFixed(2)} ms in all threads once started: the analyser's own share is ${((100 * singleCpu) / ingestCpu).toFixed(0)}% (the rest: reading, passing records between threads, writing)`);
    console.log(`analyser, ${jobs} threads:      ${parallel.toFixed(1)} articles/s with no store (what these cores give the analyser alone)`);
    console.log(`ingest / analyser alone on ${jobs} threads: ${((100 * rate) / parallel).toFixed(0)}% (target ≥ 80%: ${rate >= 0.8 * parallel ? "met" : "NOT met"})`);
    console.log(`ingest / (1 core × ${jobs}):  ${((100 * rate) / (single * jobs)).toFixed(0)}% (target ≥ 80%: ${rate >= target ? "met" : "NOT met"}; load average ${load.toFixed(1)} on ${availableParallelism()} cores: other processes take cores from the threads)`);
    t = performance.now();
    const again = await ingest([input], { db: join(dir, "bench.db"), jobs, today });
    console.log(`re-ingest (all stored):  ${((performance.now() - t) / 1000).toFixed(2)} s for ${again.skipped} articles`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return singleCpu;
}

async function buildSynthetic(path: string, target: number): Promise<EventStore> {
  const store = (await openStore(path)) as SqliteStore;
  const count = () => (store.raw().prepare("SELECT count(*) AS n FROM events").get() as { n: number }).n;
  let have = count();
  if (have >= target) return store;
  const docs = (await store.stats()).documents;
  // The same seed from the start: a store built in several runs is the store built in one.
  const news = new SyntheticNews(42);
  for (let i = 0; i < docs; i++) news.record(i);
  let i = docs;
  const t = performance.now();
  let reports = 0;
  while (have < target) {
    const batch = [];
    for (let k = 0; k < 500; k++) batch.push(prepareDocument(news.record(i++)));
    reports += (await store.putDocuments(batch)).mentions;
    if (i % 20000 === 0 || have + (batch.length * 10) / 2 >= target - 100000) {
      have = count();
      process.stderr.write(`  … ${have} events, ${i} documents\n`);
    }
  }
  const secs = (performance.now() - t) / 1000;
  const st = await store.stats();
  const sizes = store.raw().prepare("SELECT max(num_mentions) AS max, avg(num_mentions) AS avg, sum(num_mentions = 1) AS ones FROM events").get() as { max: number; avg: number; ones: number };
  console.log(`synthetic store:          ${st.events} events, ${st.mentions} reports, ${st.documents} documents, ${(st.bytes! / 1048576).toFixed(0)} MB; built in ${secs.toFixed(0)} s (${(reports / secs).toFixed(0)} reports/s)`);
  console.log(`merge groups:             ${sizes.avg.toFixed(2)} reports per event on average, ${((100 * sizes.ones) / st.events).toFixed(0)}% told once, the largest ${sizes.max}`);
  return store;
}

/**
 * The single writer's own cost: synthetic documents (prepared beforehand) written in
 * the ingest's batches to a new store, then more into the same store once it is
 * larger, so that a cost that grows with the store shows.
 */
async function benchWrites(): Promise<void> {
  const n = Number(values.writes ?? 20000);
  const dir = mkdtempSync(join(tmpdir(), "dyad-bench-writes-"));
  try {
    const store = (await openStore(join(dir, "w.db"))) as SqliteStore;
    const news = new SyntheticNews(7);
    let i = 0;
    // CPU time (the writer is one thread): other processes on the machine do not count.
    const cpuMs = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const round = async (docs: number) => {
      let ms = 0;
      let reports = 0;
      for (let done = 0; done < docs; done += 512) {
        const batch = [];
        for (let k = 0; k < Math.min(512, docs - done); k++) batch.push(prepareDocument(news.record(i++)));
        const c = cpuMs();
        reports += (await store.putDocuments(batch)).mentions;
        ms += cpuMs() - c;
      }
      return { ms, reports };
    };
    const first = await round(n);
    const second = await round(n);
    const events = (store.raw().prepare("SELECT count(*) AS n FROM events").get() as { n: number }).n;
    console.log(`writer alone (CPU):       ${((1000 * first.reports) / first.ms).toFixed(0)} reports/s (${(first.ms / n).toFixed(3)} ms per 10-report document) into an empty store; ` +
      `${((1000 * second.reports) / second.ms).toFixed(0)} reports/s (${(second.ms / n).toFixed(3)} ms per document) once it holds ${n} documents (${events} events at the end; batches of 512 as ingest commits)`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Ingest itself, with a stand-in analyser that costs next to nothing: synthetic news
 * (10 reports a document, merge groups of realistic sizes) through files, threads
 * and the writer. Its CPU per document is what ingest adds to the analyser's.
 */
async function benchStandIn(analyserCpuMs: number | null): Promise<void> {
  const n = Number(values["stand-in"] ?? 20000);
  if (n <= 0) return;
  const { spell } = await import("./synthetic-analyzer.js");
  const dir = mkdtempSync(join(tmpdir(), "dyad-bench-standin-"));
  try {
    const news = new SyntheticNews(11);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = news.record(i);
      lines.push(JSON.stringify({ id: r.id, text: spell(r), date: r.date, source: r.source }));
    }
    const input = join(dir, "synthetic.jsonl");
    writeFileSync(input, lines.join("\n") + "\n");
    const jobs = availableParallelism();
    const cpuMs = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    let c = cpuMs();
    const t = performance.now();
    const s = await ingest([input], { db: join(dir, "standin.db"), jobs, today: "2024-01-01", analyzer: { module: fileURLToPath(new URL("./synthetic-analyzer.js", import.meta.url)) }, onStarted: () => (c = cpuMs()) });
    const secs = (performance.now() - t) / 1000 - s.startupMs / 1000;
    const perDoc = (cpuMs() - c) / s.added;
    console.log(`ingest, stand-in analyser: ${(s.added / secs).toFixed(0)} documents/s on ${jobs} threads (${s.added} documents, ${s.mentions} reports, ${s.events} events); ${perDoc.toFixed(2)} ms CPU per document in all threads` +
      (analyserCpuMs ? `: with the real analyser's ${analyserCpuMs.toFixed(2)} ms, ingest could run at ${((100 * analyserCpuMs) / (analyserCpuMs + perDoc)).toFixed(0)}% of its rate × cores (target ≥ 80%)` : ""));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function time(fn: () => Promise<unknown>, runs = Number(values.runs ?? 7)): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
}

/**
 * The writer's cost once the store is large: more synthetic news into a copy of the
 * million-event store, committed in ingest's batches, timed in CPU.
 */
async function writesIntoLarge(path: string, n = 2048): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "dyad-bench-copy-"));
  try {
    const copy = join(dir, "copy.db");
    copyFileSync(path, copy);
    const store = (await openStore(copy)) as SqliteStore;
    const docs = (store.raw().prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
    const news = new SyntheticNews(42);
    for (let i = 0; i < docs; i++) news.record(i);
    const batches: ReturnType<typeof prepareDocument>[][] = [];
    for (let i = 0; i < n; i += 512) batches.push(Array.from({ length: 512 }, (_, k) => prepareDocument(news.record(docs + i + k))));
    const u = process.cpuUsage();
    let reports = 0;
    for (const b of batches) reports += (await store.putDocuments(b)).mentions;
    const c = process.cpuUsage(u);
    const ms = (c.user + c.system) / 1000;
    console.log(`writer into this store:   ${((1000 * reports) / ms).toFixed(0)} reports/s (${(ms / n).toFixed(3)} ms CPU per 10-report document, commits included; ${n} more documents into a copy)`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchQueries(): Promise<void> {
  const target = Number(values.events ?? 1_000_000);
  const dir = values.db ? null : mkdtempSync(join(tmpdir(), "dyad-bench-events-"));
  const path = values.db ?? join(dir!, "synthetic.db");
  try {
    const store = await buildSynthetic(path, target);
    (store as SqliteStore).raw().pragma("wal_checkpoint(TRUNCATE)");
    await writesIntoLarge(path);
    const events: [string, EventFilter][] = [
      ["events (no filter)", { limit: 100 }],
      ["events --dyad KOR:PRK", { dyad: { a: "KOR", b: "PRK" }, limit: 100 }],
      ["events --dyad KOR:PRK --both", { dyad: { a: "KOR", b: "PRK", both: true }, limit: 100 }],
      ["events --country USA --since 2020-01-01", { country: ["USA"], since: "2020-01-01", limit: 100 }],
      ["events --actor KORGOV --root 04", { actor: ["KORGOV"], root: ["04"], limit: 100 }],
      ["events --code 190 --until 2016-01-01 --desc", { code: ["190"], until: "2016-01-01", desc: true, limit: 100 }],
      ["events --source KCNA --dyad USA:CHN", { source: ["KCNA"], dyad: { a: "USA", b: "CHN" }, limit: 100 }],
      ["events --text \"report 4242\"", { text: "report 4242", limit: 100 }],
      ["events --country SYR --quad 4 --modality asserted", { country: ["SYR"], quad: [4], modality: ["asserted"], limit: 100 }],
      ["events --code 190", { code: ["190"], limit: 100 }],
      ["events --code 154 (rare)", { code: ["154"], limit: 100 }],
      ["events --plover SANCTION", { plover: ["SANCTION"], limit: 100 }],
      ["events --plover MOBILIZE (rare)", { plover: ["MOBILIZE"], limit: 100 }],
      ["events --modality hypothetical", { modality: ["hypothetical"], limit: 100 }],
      ["events --source KCNA", { source: ["KCNA"], limit: 100 }],
      ["events --since 2016-06-01", { since: "2016-06-01", limit: 100 }],
      ["events --desc", { desc: true, limit: 100 }],
      ["events --text report (every event)", { text: "report", limit: 100 }],
      ["events --offset 200000", { offset: 200000, limit: 100 }],
      // Names (not upper-case codes) match a substring of an actor's name, in any case. The
      // synthetic actors are named by their codes: "kor" names KOR's actors, "gov" every government.
      ["events --actor Moon (a name, in no event)", { actor: ["Moon"], limit: 100 }],
      ["events --actor korgov (a name)", { actor: ["korgov"], limit: 100 }],
      ["events --actor kor (names of one country)", { actor: ["kor"], limit: 100 }],
    ];
    const counts: [string, EventFilter][] = [
      ["count --source KCNA (table view)", { source: ["KCNA"] }],
      ["count --dyad USA:CHN --both", { dyad: { a: "USA", b: "CHN", both: true } }],
      ["count --actor Moon (a name)", { actor: ["Moon"] }],
      ["count --actor korgov (a name)", { actor: ["korgov"] }],
      ["count --actor kor (names of one country)", { actor: ["kor"] }],
      ["count --actor gov (every government's name)", { actor: ["gov"] }],
    ];
    const timelines: [string, EventFilter, TimelinePeriod][] = [
      ["timeline --dyad KOR:PRK --by month", { dyad: { a: "KOR", b: "PRK" } }, "month"],
      ["timeline --dyad KOR:PRK --both --by day", { dyad: { a: "KOR", b: "PRK", both: true } }, "day"],
      ["timeline --dyad USA:CHN --by week", { dyad: { a: "USA", b: "CHN" } }, "week"],
      ["timeline --country USA --by month", { country: ["USA"] }, "month"],
      ["timeline --by month (all events)", {}, "month"],
      ["timeline --source KCNA --by month", { source: ["KCNA"] }, "month"],
      ["timeline --root 19 --by month", { root: ["19"] }, "month"],
      ["timeline --actor korgov --by month (a name)", { actor: ["korgov"] }, "month"],
      ["timeline --actor kor --by month (5% of events)", { actor: ["kor"] }, "month"],
    ];
    const rows: [string, number, number][] = [];
    for (const [name, f] of events) {
      let n = 0;
      const ms = await time(async () => (n = (await store.events(f)).length));
      rows.push([name, ms, n]);
    }
    for (const [name, f] of counts) {
      let n = 0;
      const ms = await time(async () => (n = await store.countEvents(f)));
      rows.push([name, ms, n]);
    }
    // The terminal's "100 of N events" counts up to 10000 past the page.
    for (const [name, f] of [["count --text report (table view, up to 1100)", { text: "report" }], ["count (table view, up to 10100)", {}]] as [string, EventFilter][]) {
      let n = 0;
      const ms = await time(async () => (n = await store.countEvents(f, { upTo: f.text ? 1100 : 10100 })));
      rows.push([name, ms, n]);
    }
    for (const [name, f] of [["actors --top 30", {}], ["actors --country PRK --top 30", { country: ["PRK"] }]] as [string, EventFilter][]) {
      let n = 0;
      const ms = await time(async () => (n = (await store.actors({ ...f, top: 30 })).length));
      rows.push([name, ms, n]);
    }
    for (const [name, f, by] of timelines) {
      let n = 0;
      const ms = await time(async () => (n = (await store.timeline(f, by)).buckets.reduce((a, b) => a + b.events, 0)));
      rows.push([name, ms, n]);
    }
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`\nquery latency on ${target} events (median of ${values.runs ?? 7}, in-process; target < 150 ms):`);
    for (const [name, ms, n] of rows) console.log(`  ${name.padEnd(width)}  ${ms.toFixed(1).padStart(7)} ms  ${ms < 150 ? "ok " : "SLOW"}  (${n} ${name.startsWith("timeline") || name.startsWith("count") ? "events counted" : "rows"})`);
    await store.close();
    // The command as a user runs it: process start-up included.
    const cli = (args: string[]) => {
      const t = performance.now();
      const r = spawnSync(process.execPath, [join(root, "bin/dyad.js"), ...args, "--db", path], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(r.stderr);
      return performance.now() - t;
    };
    const node = (() => {
      const t = performance.now();
      spawnSync(process.execPath, ["-e", "0"]);
      return performance.now() - t;
    })();
    console.log(`\ncommand line, wall time (node start-up alone: ${node.toFixed(0)} ms):`);
    for (const args of [["events", "--dyad", "KOR:PRK", "--format", "jsonl"], ["timeline", "--dyad", "KOR:PRK", "--by", "month", "--format", "csv"]]) {
      cli(args);
      console.log(`  dyad ${args.join(" ")}  ${cli(args).toFixed(0)} ms`);
    }
    if (existsSync(path)) console.log(`store file: ${(statSync(path).size / 1048576).toFixed(0)} MB`);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

if (!values["skip-writes"]) await benchWrites();
const analyserCpu = values["skip-ingest"] ? null : await benchIngest();
if (!values["skip-ingest"]) await benchStandIn(analyserCpu);
if (!values["skip-queries"]) await benchQueries();
