// `dyad events [filters]`: the store's events, sorted by event date.

import { parseArgs } from "node:util";
import { csvHeader, csvLine } from "../store/export/index.js";
import type { StoredEvent } from "../store/index.js";
import type { Command } from "./main.js";
import { clip, color, DB_OPTION, FILTER_HELP, FILTER_OPTIONS, filterOf, formatOf, out, positiveInt, withStore } from "./store-args.js";

const HELP = `usage: dyad events [filters] [--limit N] [--format table|json|jsonl|csv] [--db PATH]

List the events in the store (each event once, however many articles reported
it), sorted by the event's date, oldest first (undated events last, also with
--desc).

${FILTER_HELP}

  --limit N         at most N events (default 100; 0 for all); when more match, stderr
                    says how many
  --offset N        skip the first N
  --desc            newest first
  --mentions        with every report of each event (json, jsonl)
  --format F        table (the default on a terminal), json, jsonl (the default
                    when piped) or csv
  --db PATH         the database (default $DYAD_DB or ./dyad.db)
`;

const DEFAULT_LIMIT = 100;
/** Counting the events beyond a page stops this far past it ("at least …"); a tenth of it with --text. */
const COUNT_UP_TO = 10_000;

const QUAD = ["", "verbal coop", "material coop", "verbal conflict", "material conflict"];

function actor(a: StoredEvent["source"]): string {
  if (!a) return "-";
  return a.name && a.name !== a.code ? `${a.code} (${a.name})` : a.code;
}

export function eventTable(events: StoredEvent[], width: number, tty: boolean): string {
  const c = color(tty);
  const lines: string[] = [];
  for (const e of events) {
    const date = (e.date ?? "undated").padEnd(10);
    const mod = e.modality === "asserted" ? "" : c.yellow(` [${e.modality}]`);
    const place = e.location ? ` @ ${e.location.name}` : "";
    const counts = c.dim(`${e.numMentions} report${e.numMentions === 1 ? "" : "s"}, ${e.numSources} source${e.numSources === 1 ? "" : "s"}`);
    const q = [c.green, c.green, c.red, c.red][e.quad - 1] ?? ((s: string) => s);
    lines.push(`${c.bold(date)}  ${q(e.cameo.padEnd(4))} ${(e.plover ?? "-").padEnd(9)} ${actor(e.source)} → ${actor(e.target)}${mod}${place}  ${counts}`);
    lines.push(c.dim(`            ${QUAD[e.quad] ?? ""} ${e.goldstein >= 0 ? "+" : ""}${e.goldstein}  `) + `“${clip(e.evidence, Math.max(20, width - 40))}”` + c.dim(`  ${e.firstDoc}`));
  }
  return lines.join("\n") + (lines.length ? "\n" : "");
}

export const eventsCommand: Command = {
  summary: "list stored events (filters: actor, country, dyad, code, dates, text…)",
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        ...DB_OPTION,
        ...FILTER_OPTIONS,
        limit: { type: "string" },
        offset: { type: "string" },
        desc: { type: "boolean" },
        mentions: { type: "boolean" },
        format: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const filter = filterOf(values);
    filter.limit = positiveInt(values.limit, "--limit", DEFAULT_LIMIT, true);
    filter.offset = positiveInt(values.offset, "--offset", 0, true);
    filter.desc = values.desc ?? false;
    const format = formatOf(values.format, ["table", "json", "jsonl", "csv"], "table", "jsonl");
    return withStore(values.db, { readonly: true }, async (store) => {
      const tty = process.stdout.isTTY === true;
      /** Say on stderr how many more there are when --limit cut the list (counting stops at COUNT_UP_TO). */
      const note = async (shown: number, always: boolean) => {
        const cut = filter.limit! > 0 && shown === filter.limit;
        if (!cut && !always) return;
        const offset = filter.offset ?? 0;
        // A full-text search checks each event it counts: it counts less far.
        const upTo = filter.text ? COUNT_UP_TO / 10 : COUNT_UP_TO;
        const total = cut ? await store.countEvents(filter, { upTo: offset + shown + upTo }) : offset + shown;
        const more = total - offset - shown;
        const of = more >= upTo ? `at least ${total}` : String(total);
        process.stderr.write(`${shown} of ${of} events${more > 0 ? ` (--limit${filter.limit === DEFAULT_LIMIT ? ` ${DEFAULT_LIMIT} by default` : ""}; --limit 0 for all, --offset for the next)` : ""}\n`);
      };
      if (format === "table") {
        const events = await store.events(filter);
        await out(eventTable(events, Math.min(process.stdout.columns ?? 120, 160), tty));
        await note(events.length, tty || events.length === 0);
        return 0;
      }
      if (format === "json") {
        const events = await store.events(filter, { withMentions: values.mentions ?? false });
        await out(JSON.stringify(events, null, 2) + "\n");
        await note(events.length, false);
        return 0;
      }
      if (format === "csv") await out(csvHeader() + "\n");
      let n = 0;
      for await (const e of store.iterateEvents(filter, { withMentions: values.mentions ?? false })) {
        await out((format === "csv" ? csvLine(e) : JSON.stringify(e)) + "\n");
        n++;
      }
      await note(n, false);
      return 0;
    });
  },
};
