// `dyad stats`: what the store holds.

import { parseArgs } from "node:util";
import type { Command } from "./main.js";
import { UserError } from "./errors.js";
import { color, DB_OPTION, formatOf, out, withStore } from "./store-args.js";
import type { SqliteStore } from "../store/index.js";

const HELP = `usage: dyad stats [--format table|json] [--check] [--db PATH]

Counts of the store's documents, events, event reports, actors, failures; the
span of event and publication dates; engine versions.

  --check           also run SQLite's full integrity check (slow on big stores)
  --format F        table (the default) or json
`;

export const statsCommand: Command = {
  summary: "what the event store holds",
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { ...DB_OPTION, format: { type: "string" }, check: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const format = formatOf(values.format, ["table", "json"], "table", "table");
    return withStore(values.db, { readonly: true }, async (store) => {
      const s = await store.stats();
      let integrity: string | undefined;
      if (values.check) {
        integrity = (store as Partial<SqliteStore>).integrityCheck?.() ?? "not available";
      }
      if (format === "json") {
        await out(JSON.stringify(integrity === undefined ? s : { ...s, integrity }, null, 2) + "\n");
      } else {
        const c = color(process.stdout.isTTY === true);
        const row = (k: string, v: string | number | null) => `${k.padEnd(18)} ${v ?? "-"}`;
        await out(
          [
            c.bold(s.path ?? "(store)"),
            row("documents", s.documents),
            row("events", s.events),
            row("event reports", s.mentions),
            row("multi-article", s.multiSource),
            row("by QuadClass", s.byQuad.join(" / ")),
            row("actors", s.actors),
            row("publishers", s.publishers),
            row("event dates", s.firstEvent ? `${s.firstEvent} … ${s.lastEvent}` : null),
            row("published", s.firstPublished ? `${s.firstPublished} … ${s.lastPublished}` : null),
            row("engines", Object.entries(s.engines).map(([k, v]) => `${k} (${v})`).join(", ") || null),
            row("failures", s.failures),
            row("size", s.bytes === null ? null : `${(s.bytes / 1048576).toFixed(1)} MB`),
            ...(integrity !== undefined ? [row("integrity", integrity)] : []),
          ].join("\n") + "\n",
        );
      }
      if (integrity !== undefined && integrity !== "ok") throw new UserError(`integrity check failed: ${integrity}`, 1);
      return 0;
    });
  },
};
