// `dyad eval TASK --gold FILE`: run the analyser over gold documents and score it.

import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { getDefaultAnalyzer } from "../index.js";
import { userDataDirs } from "../node/data.js";
import { fmt, table } from "../eval/common.js";
import { parseGold, type GoldDoc } from "../eval/gold.js";
import { SCORERS, tasksIn, type Pair, type Scored } from "../eval/scorers.js";
import type { Command } from "./main.js";
import { messageOf, UserError } from "./errors.js";
import { todayIso } from "../node/input.js";

const TASKS = ["events", "quad", "timex", "quotes", "ner", "document", "all"];

const HELP = `usage: dyad eval TASK --gold FILE [--json] [--show N] [--limit N]

Run the analyser over a gold file's documents (each with its own date) and score
it as shared/contract/gold-format.md says. TASK is one of:
  events    CAMEO root (or PLOVER type), actors and date of asserted events
  quad      sentence class (0 statement … 4 material conflict) of the first event
  timex     temporal expressions: value F1
  quotes    quotes found, and speaker attribution
  ner       named entities: type, span and actor country
  document  title, source, captions, related links and body of scraped articles
  all       every task the gold file has data for

  --gold FILE   the gold file (one JSON object or JSON Lines)
  --json        print the scores as JSON instead of a table
  --show N      list up to N misses (missed gold items, wrong predictions)
  --limit N     score only the first N documents
The last line is \`SCORE task=… f1=… p=… r=…\`; \`all\` prints one per task, then their
mean as \`SCORE task=all …\`. Data folders named in DYAD_DATA are used (and named on stderr).
`;

export function scoreLine(s: Scored): string {
  const extra = Object.entries(s.extra)
    .map(([k, v]) => `${k}=${fmt(v)}`)
    .join(" ");
  return `SCORE task=${s.task} f1=${fmt(s.score.f1)} p=${fmt(s.score.p)} r=${fmt(s.score.r)}${extra ? " " + extra : ""}`;
}

function loadGold(path: string): GoldDoc[] {
  try {
    if (statSync(path).isDirectory()) throw new UserError(`${path}: is a directory, not a gold file`);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${path}: no such file`);
  }
  try {
    return parseGold(readFileSync(path, "utf8"), path);
  } catch (err) {
    throw new UserError(messageOf(err));
  }
}

export const evalCommand: Command = {
  summary: "score the analyser against a gold file",
  run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        gold: { type: "string" },
        json: { type: "boolean" },
        show: { type: "string" },
        limit: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const task = positionals[0];
    if (!task) throw new UserError(`which task? one of ${TASKS.join(", ")} (see --help)`);
    if (!TASKS.includes(task)) throw new UserError(`unknown task "${task}"; one of ${TASKS.join(", ")}`);
    if (!values.gold) throw new UserError("--gold FILE is required");
    let golds = loadGold(values.gold);
    if (values.limit !== undefined) golds = golds.slice(0, Math.max(0, Number(values.limit) || 0));
    const show = values.show !== undefined ? Math.max(0, Number(values.show) || 0) : 0;

    const tasks = task === "all" ? tasksIn(golds) : [task];
    if (tasks.length === 0) throw new UserError(`${values.gold}: no gold data for any task`);
    const analyzer = getDefaultAnalyzer();
    const extra = userDataDirs();
    if (extra.length) process.stderr.write(`dyad eval: with the user data in ${extra.join(", ")} (DYAD_DATA)\n`);
    const today = todayIso();
    const pairs: Pair[] = golds.map((gold) => ({
      gold,
      record: analyzer.analyze({ text: gold.text, id: gold.id, date: gold.date ?? null, title: gold.title ?? null, source: gold.source ?? null }, { today }),
    }));
    const results = tasks.map((t) => SCORERS[t]!(pairs));
    if (values.json) {
      process.stdout.write(JSON.stringify({ gold: values.gold, documents: golds.length, results: results.map(({ task, counts, score, extra }) => ({ task, ...score, ...extra, counts })) }, null, 2) + "\n");
    } else {
      for (const r of results) {
        process.stdout.write(`== ${r.task} (${golds.length} documents, ${values.gold})\n${table(r.rows)}\n`);
        if (show > 0 && r.misses.length) process.stdout.write(`-- misses (${Math.min(show, r.misses.length)} of ${r.misses.length})\n${r.misses.slice(0, show).join("\n")}\n`);
        process.stdout.write("\n");
      }
    }
    for (const r of results) process.stdout.write(scoreLine(r) + "\n");
    if (results.length > 1) {
      const mean = (f: (s: Scored) => number) => results.reduce((a, r) => a + f(r), 0) / results.length;
      process.stdout.write(`SCORE task=all f1=${fmt(mean((r) => r.score.f1))} p=${fmt(mean((r) => r.score.p))} r=${fmt(mean((r) => r.score.r))} tasks=${results.length}\n`);
    }
    return 0;
  },
};
