// `npm run bench`: analyser throughput on one core (articles/s, and ms per stage)
// over a benchmark corpus, and the cold start of `dyad analyze` on one article.
//
//   npm run bench [-- --corpus FILE.jsonl] [--rounds N] [--cold N]
//
// The corpus defaults to ../shared/eval-dev/bench-voa.jsonl (224 VOA articles),
// falling back to the bundled example when that is absent.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createAnalyzer, DEFAULT_STAGES } from "../src/analyze.js";
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

export function benchAnalyze(docs: DocumentInput[], rounds: number, stages: readonly Stage[] = DEFAULT_STAGES) {
  const analyzer = createAnalyzer(fsDataSource([]), stages);
  // warm-up: load resources, JIT
  for (const d of docs.slice(0, 20)) analyzer.analyze(d, { today: "2026-01-01" });
  for (const k of Object.keys(analyzer.timings)) delete analyzer.timings[k];
  const rates: number[] = [];
  let events = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const d of docs) events += analyzer.analyze(d, { today: "2026-01-01" }).events.length;
    rates.push(docs.length / ((performance.now() - t0) / 1000));
  }
  const perStage = Object.fromEntries(Object.entries(analyzer.timings).map(([k, ms]) => [k, ms / (docs.length * rounds)]));
  return { rate: median(rates), perStage, events: events / rounds };
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

function main(): void {
  const { values } = parseArgs({ options: { corpus: { type: "string" }, rounds: { type: "string" }, cold: { type: "string" } } });
  const { docs, label } = loadCorpus(values.corpus);
  const rounds = Number(values.rounds ?? 5);
  const kb = docs.reduce((a, d) => a + d.text.length, 0) / docs.length / 1024;
  const { rate, perStage, events } = benchAnalyze(docs, rounds);
  // The rate up to each stage, measured on its own (each issue's target is for the stages it adds to the ones before it).
  const upTo = (last: string) => DEFAULT_STAGES.slice(0, DEFAULT_STAGES.findIndex((s) => s.name === last) + 1);
  const partial = (["time", "actors", "quotes"] as const).map((last) => ({ last, rate: benchAnalyze(docs, rounds, upTo(last)).rate }));
  const cold = benchColdStart(Number(values.cold ?? 7));
  const lines = [
    `corpus: ${label} (${docs.length} articles, ${kb.toFixed(1)} KB average), ${rounds} rounds, one core`,
    `analyse: ${rate.toFixed(0)} articles/s  (${(1000 / rate).toFixed(2)} ms/article, ${events.toFixed(0)} events per round)`,
    ...Object.entries(perStage).map(([k, ms]) => `  ${k.padEnd(10)} ${ms.toFixed(3)} ms/article`),
    ...partial.map(({ last, rate: r }) => `stages up to ${last.padEnd(7)} ${r.toFixed(0)} articles/s`),
    `cold start of \`dyad analyze\` on one article: ${cold.toFixed(0)} ms (median)`,
    `targets: ≥ 300 articles/s without events, ≥ 200 with; cold start < 700 ms`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
  process.stdout.write(`BENCH analyze_rate=${rate.toFixed(1)} ${partial.map(({ last, rate: r }) => `rate_to_${last}=${r.toFixed(1)}`).join(" ")} cold_start_ms=${cold.toFixed(0)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
