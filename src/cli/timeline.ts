// `dyad timeline [filters] --by day|week|month|year`: events per period, split by
// QuadClass, with summed Goldstein and a small chart on a terminal.

import { parseArgs } from "node:util";
import type { Timeline, TimelinePeriod } from "../store/index.js";
import type { Command } from "./main.js";
import { UserError } from "./errors.js";
import { color, DB_OPTION, FILTER_HELP, FILTER_OPTIONS, filterOf, formatOf, out, withStore } from "./store-args.js";

const HELP = `usage: dyad timeline [filters] [--by day|week|month|year] [--format table|json|csv] [--db PATH]

Count events per period of their date (not of publication): per QuadClass (1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict), with
summed Goldstein. Example: dyad timeline --dyad KOR:PRK --both --by month

  --by P            day, week (ISO weeks), month (the default) or year; events whose
                    date is coarser than P (a month-precision event in a daily
                    timeline) are counted apart
${FILTER_HELP}
  --format F        table (a chart on a terminal), json or csv
`;

const PERIODS = ["day", "week", "month", "year"];

export function timelineTable(t: Timeline, tty: boolean, width: number): string {
  const c = color(tty);
  const max = Math.max(1, ...t.buckets.map((b) => b.events));
  const barWidth = Math.max(10, Math.min(50, width - 62));
  const lines = [c.bold(`${"period".padEnd(10)} ${"events".padStart(6)} ${"q1".padStart(5)} ${"q2".padStart(5)} ${"q3".padStart(5)} ${"q4".padStart(5)} ${"goldstein".padStart(9)}`)];
  for (const b of t.buckets) {
    // One character per share of the period's events: cooperation ▇ in green, conflict ▇ in red.
    const n = Math.max(1, Math.round((b.events / max) * barWidth));
    const coop = Math.round(((b.quad[0] + b.quad[1]) / Math.max(1, b.events)) * n);
    const bar = tty ? c.green("▇".repeat(coop)) + c.red("▇".repeat(n - coop)) : "+".repeat(coop) + "-".repeat(n - coop);
    lines.push(
      `${b.period.padEnd(10)} ${String(b.events).padStart(6)} ${b.quad.map((q) => String(q).padStart(5)).join(" ")} ${b.goldstein.toFixed(1).padStart(9)}  ${bar}`,
    );
  }
  if (t.buckets.length === 0) lines.push(c.dim("(no dated events match)"));
  const notes: string[] = [];
  if (t.coarser) notes.push(`${t.coarser} events dated only to a coarser period`);
  if (t.undated) notes.push(`${t.undated} undated events`);
  if (notes.length) lines.push(c.dim(`not shown: ${notes.join(", ")}`));
  if (t.buckets.length) lines.push(c.dim(tty ? "bar: cooperation (green) and conflict (red)" : "bar: + cooperation, - conflict"));
  return lines.join("\n") + "\n";
}

export const timelineCommand: Command = {
  summary: "events per day, week or month by QuadClass, with Goldstein",
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { ...DB_OPTION, ...FILTER_OPTIONS, by: { type: "string" }, format: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const by = (values.by ?? "month") as TimelinePeriod;
    if (!PERIODS.includes(by)) throw new UserError(`--by must be day, week, month or year, not "${values.by}"`);
    const filter = filterOf(values);
    const format = formatOf(values.format, ["table", "json", "csv"], "table", "table");
    return withStore(values.db, { readonly: true }, async (store) => {
      const t = await store.timeline(filter, by);
      if (format === "json") await out(JSON.stringify(t, null, 2) + "\n");
      else if (format === "csv") {
        await out("period,events,q1,q2,q3,q4,goldstein,mentions\n" + t.buckets.map((b) => [b.period, b.events, ...b.quad, b.goldstein, b.mentions].join(",")).join("\n") + (t.buckets.length ? "\n" : ""));
      } else await out(timelineTable(t, process.stdout.isTTY === true, process.stdout.columns ?? 100));
      return 0;
    });
  },
};
