// `npm run bench`: analyser throughput on one core (articles/s, and ms per stage)
// over a benchmark corpus, and the cold start of `dyad analyze` on one article.
//
//   npm run bench [-- --corpus FILE.jsonl] [--rounds N] [--cold N]   (--help says more)
//
// The corpus defaults to ../shared/eval-dev/bench-voa.jsonl (224 VOA articles),
// falling back to the bundled example when that is absent.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import winkNLP from "wink-nlp";
import { posModel } from "../src/text/wink-model.js";
import { BATCH_SIZE, createAnalyzer, DEFAULT_STAGES } from "../src/analyze.js";
import type { Stage } from "../src/pipeline/pipeline.js";
import { fsDataSource } from "../src/node/data.js";
import type { DocumentInput } from "../src/record.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

function loadCorpus(path: string | undefined): { docs: DocumentInput[]; label: string } {
  const candidate = path ?? `${root}../shared/eval-dev/bench-voa.jsonl`;
  if (existsSync(candidate)) {
    const docs = readFileSync(candidate, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as DocumentInput);
    return { docs, label: candidate };
  }
  if (path) throw new Error(`${path}: no such file`);
  const text = readFileSync(`${root}examples/cgtn-2020-07-01-moon-summit.txt`, "utf8");
  return { docs: [{ text, date: "2020-07-01" }], label: "examples/cgtn-2020-07-01-moon-summit.txt" };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Warm-up passes over the corpus at most, before the measured rounds. */
const MAX_WARMUP_ROUNDS = 16;
/**
 * Articles analysed before the rate is taken to be steady: it can rest on a plateau, then
 * climb again (all stages on a 2-vCPU Xeon VM: 60, 120, 107, 140, 136, 177, 216, 204 articles/s
 * over passes of 224 articles).
 */
const MIN_WARMUP_ARTICLES = 2000;
/** After that, warm-up ends once a pass is at most this much faster than the best before it: the rate has stopped climbing. */
const STEADY = 1.05;

/**
 * The analyser's rate over the corpus: in batches of `batch` documents (`analyzeBatch`, as
 * ingest and `dyad analyze` of many documents run it), or one document at a time (batch 1).
 */
export function benchAnalyze(docs: DocumentInput[], rounds: number, stages: readonly Stage[] = DEFAULT_STAGES, batch = BATCH_SIZE) {
  const analyzer = createAnalyzer(fsDataSource([]), stages);
  const options = { today: "2026-01-01" };
  const pass = () => {
    const t0 = performance.now();
    let events = 0;
    if (batch <= 1) for (const d of docs) events += analyzer.analyze(d, options).events.length;
    else
      for (let i = 0; i < docs.length; i += batch) {
        for (const r of analyzer.analyzeBatch(docs.slice(i, i + batch), options)) {
          if (r instanceof Error) throw r;
          events += r.events.length;
        }
      }
    return { rate: docs.length / ((performance.now() - t0) / 1000), events };
  };
  // Warm-up until the rate is steady: V8 keeps compiling the analyser's code better for the
  // first one or two thousand articles (the rate triples), and a long ingest runs at the steady rate.
  const warm: number[] = [];
  let warmDocs = 0;
  for (let best = 0; warm.length < MAX_WARMUP_ROUNDS; ) {
    const { rate } = pass();
    warm.push(rate);
    warmDocs += docs.length;
    if (warmDocs >= MIN_WARMUP_ARTICLES && rate <= best * STEADY) break;
    best = Math.max(best, rate);
  }
  for (const k of Object.keys(analyzer.timings)) delete analyzer.timings[k];
  const rates: number[] = [];
  let events = 0;
  for (let r = 0; r < rounds; r++) {
    const p = pass();
    rates.push(p.rate);
    events += p.events;
  }
  const perStage = Object.fromEntries(Object.entries(analyzer.timings).map(([k, ms]) => [k, ms / (docs.length * rounds)]));
  return { rate: median(rates), perStage, events: events / rounds, warmup: warm };
}

/**
 * wink-nlp alone (tokens, POS and lemmas of each article's text, as the text stage asks
 * for them), warmed up the same way: a yardstick for the machine, since every configuration
 * includes it and its cost is not ours to cut.
 */
export function benchWink(docs: DocumentInput[], rounds: number): number {
  const nlp = winkNLP(posModel() as Parameters<typeof winkNLP>[0], ["pos"]);
  const pass = () => {
    const t0 = performance.now();
    for (const d of docs) {
      const tokens = nlp.readDoc(d.text).tokens();
      tokens.out();
      tokens.out(nlp.its.pos);
      tokens.out(nlp.its.lemma as Parameters<typeof tokens.out>[0]);
    }
    return docs.length / ((performance.now() - t0) / 1000);
  };
  for (let r = 0; r < 4; r++) pass();
  return median(Array.from({ length: rounds }, pass));
}

/** The rate of a first pass over the corpus by a new analyser, as a one-off command would see it. */
export function benchFirstPass(docs: DocumentInput[]): number {
  const analyzer = createAnalyzer(fsDataSource([]));
  const t0 = performance.now();
  for (const d of docs) analyzer.analyze(d, { today: "2026-01-01" });
  return docs.length / ((performance.now() - t0) / 1000);
}

export function benchColdStart(runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [`${root}bin/dyad.js`, "analyze", `${root}examples/cgtn-2020-07-01-moon-summit.txt`, "--date", "2020-07-01", "--format", "json"], { stdio: ["ignore", "ignore", "inherit"] });
    times.push(performance.now() - t0);
  }
  return median(times);
}

const USAGE = `usage: npm run bench [-- --corpus FILE.jsonl] [--rounds N] [--cold N] [--only CONFIG]

Analyser throughput on one core, in articles/s: each configuration (all stages, and the
stages up to time, actors and quotes) runs in a node process of its own, warms up until
its rate is steady, then the median of N passes over the corpus (default 5) is reported,
with ms per stage. Documents go in batches (analyzeBatch), as ingest sends them; all
stages one document at a time (analyze) are measured too. Then the cold
start of \`dyad analyze\` on one article (median of --cold runs, default 7).
The corpus defaults to ../shared/eval-dev/bench-voa.jsonl, else the bundled example.
--only CONFIG measures one configuration (first, all, single, time, actors, quotes, wink) in this
process and prints its figures as JSON.
`;

/** The configurations measured, each in a process of its own. */
const CONFIGS = ["first", "all", "single", "time", "actors", "quotes", "wink"] as const;
type Config = (typeof CONFIGS)[number];
interface Measured {
  rate: number;
  perStage?: Record<string, number>;
  events?: number;
  warmup?: number[];
}

/** Measure one configuration in this process. */
function measure(config: Config, docs: DocumentInput[], rounds: number): Measured {
  const upTo = (last: string) => DEFAULT_STAGES.slice(0, DEFAULT_STAGES.findIndex((s) => s.name === last) + 1);
  switch (config) {
    case "first":
      return { rate: benchFirstPass(docs) };
    case "all":
      return benchAnalyze(docs, rounds);
    case "single":
      return { rate: benchAnalyze(docs, rounds, DEFAULT_STAGES, 1).rate };
    case "wink":
      return { rate: benchWink(docs, rounds) };
    default:
      return { rate: benchAnalyze(docs, rounds, upTo(config)).rate };
  }
}

/**
 * Measure one configuration in a new node process. Each gets its own, as a user's pipeline
 * would: in one shared process, the configurations measured later ran on code V8 had
 * compiled for the ones before, with their caches' garbage on the heap.
 */
function measureApart(config: Config, corpus: string | undefined, rounds: number): Measured {
  const corpusArgs = corpus === undefined ? [] : ["--corpus", corpus];
  // (node's own flags, --cpu-prof say, go to the measured process too)
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--only", config, ...corpusArgs, "--rounds", String(rounds)], {
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  return JSON.parse(out) as Measured;
}

function main(): void {
  const { values } = parseArgs({
    options: { corpus: { type: "string" }, rounds: { type: "string" }, cold: { type: "string" }, only: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const { docs, label } = loadCorpus(values.corpus);
  const rounds = Number(values.rounds ?? 5);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number of at least 1, not "${values.rounds}"`);
  if (values.only !== undefined) {
    // a child of the run below: one configuration, its figures as JSON on stdout
    if (!(CONFIGS as readonly string[]).includes(values.only)) throw new Error(`--only must be one of ${CONFIGS.join(", ")}, not "${values.only}"`);
    process.stdout.write(JSON.stringify(measure(values.only as Config, docs, rounds)) + "\n");
    return;
  }
  const coldRuns = Number(values.cold ?? 7);
  if (!Number.isInteger(coldRuns) || coldRuns < 0) throw new Error(`--cold must be a whole number, not "${values.cold}"`);
  const kb = docs.reduce((a, d) => a + d.text.length, 0) / docs.length / 1024;
  // (a minute or two in all: say what is running, on stderr so that stdout stays the report)
  const step = (what: string) => process.stderr.write(`bench: ${what}…\n`);
  const describe: Record<Config, string> = {
    first: "first pass of a new analyser",
    all: "all stages, warming up then measuring",
    single: "all stages, one document at a time",
    time: "stages up to time",
    actors: "stages up to actors",
    quotes: "stages up to quotes",
    wink: "wink-nlp alone",
  };
  const results = {} as Record<Config, Measured>;
  for (const c of CONFIGS) {
    step(describe[c]);
    results[c] = measureApart(c, values.corpus, rounds);
  }
  if (coldRuns > 0) step("cold start");
  const cold = coldRuns > 0 ? benchColdStart(coldRuns) : null;
  const { rate, perStage = {}, events = 0, warmup = [] } = results.all;
  const partial = (["time", "actors", "quotes"] as const).map((last) => ({ last, rate: results[last].rate }));
  const first = results.first.rate;
  const wink = results.wink.rate;
  const lines = [
    `corpus: ${label} (${docs.length} articles, ${kb.toFixed(1)} KB average), one core; each configuration in a process of its own`,
    `first pass of a new analyser: ${first.toFixed(0)} articles/s (V8 still compiling)`,
    `warm-up passes: ${warmup.map((r) => r.toFixed(0)).join(", ")} articles/s; then the median of ${rounds} passes:`,
    `analyse: ${rate.toFixed(0)} articles/s  (${(1000 / rate).toFixed(2)} ms/article, ${events.toFixed(0)} events per pass; in batches of ${BATCH_SIZE}, as ingest runs)`,
    ...Object.entries(perStage).map(([k, ms]) => `  ${k.padEnd(10)} ${ms.toFixed(3)} ms/article`),
    `analyse one document at a time: ${results.single.rate.toFixed(0)} articles/s`,
    ...partial.map(({ last, rate: r }) => `stages up to ${last.padEnd(7)} ${r.toFixed(0)} articles/s`),
    `wink-nlp alone (tokens, POS, lemmas; part of every rate above): ${wink.toFixed(0)} articles/s`,
    cold === null ? "cold start: not measured (--cold 0)" : `cold start of \`dyad analyze\` on one article: ${cold.toFixed(0)} ms (median)`,
    `targets: ≥ 300 articles/s without events, ≥ 200 with; cold start < 700 ms`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
  process.stdout.write(`BENCH analyze_rate=${rate.toFixed(1)} single_doc_rate=${results.single.rate.toFixed(1)} first_pass_rate=${first.toFixed(1)} ${partial.map(({ last, rate: r }) => `rate_to_${last}=${r.toFixed(1)}`).join(" ")} wink_rate=${wink.toFixed(1)}${cold === null ? "" : ` cold_start_ms=${cold.toFixed(0)}`}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message.split("\n")[0]}\n`);
    process.exitCode = 2;
  }
}
