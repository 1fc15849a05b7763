// `dyad failures`: documents that could not be ingested, with their reasons.

import { parseArgs } from "node:util";
import { displayOrigin } from "../ingest/origin.js";
import type { Command } from "./main.js";
import { DB_OPTION, formatOf, out, positiveInt, withStore } from "./store-args.js";

const HELP = `usage: dyad failures [--limit N] [--format table|json|jsonl] [--clear] [--db PATH]

The documents that failed to ingest (unreadable, not text, no article, a feed that
did not parse, a URL that failed), one per line with where it came from and why.
A later ingest that stores the document removes its failure.

  --limit N         at most N (default all)
  --clear           forget every recorded failure
  --format F        table (the default), json or jsonl
`;

export const failuresCommand: Command = {
  summary: "documents that failed to ingest, and why",
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { ...DB_OPTION, limit: { type: "string" }, clear: { type: "boolean" }, format: { type: "string" }, help: { type: "boolean", short: "h" } } });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const limit = positiveInt(values.limit, "--limit", 0, true);
    const format = formatOf(values.format, ["table", "json", "jsonl"], "table", "table");
    return withStore(values.db, { readonly: !values.clear }, async (store) => {
      if (values.clear) {
        const n = await store.clearFailures();
        await out(`forgot ${n} failure${n === 1 ? "" : "s"}\n`);
        return 0;
      }
      // Origins are stored absolute; a path under the current folder shows relative to it.
      const rows = (await store.failures({ limit })).map((r) => ({ ...r, origin: displayOrigin(r.origin) }));
      if (format === "json") await out(JSON.stringify(rows, null, 2) + "\n");
      else if (format === "jsonl") await out(rows.map((r) => JSON.stringify(r) + "\n").join(""));
      else await out(rows.map((r) => `${r.origin}\t${r.stage}\t${r.reason}\n`).join(""));
      if (format === "table" && rows.length === 0 && process.stdout.isTTY) process.stderr.write("no failures\n");
      return 0;
    });
  },
};
