// `dyad actors [filters]`: the most active actors in the store's events.
// `dyad actors lookup NAME` belongs to the actor book's command (actors-lookup.ts).

import { parseArgs } from "node:util";
import type { Command } from "./main.js";
import { UserError } from "./errors.js";
import { color, DB_OPTION, FILTER_HELP, FILTER_OPTIONS, filterOf, formatOf, out, positiveInt, withStore } from "./store-args.js";

const HELP = `usage: dyad actors [filters] [--top N] [--format table|json|csv] [--db PATH]
       dyad actors lookup NAME [options]   (the actor book: see dyad actors lookup --help)

The most active actors of the stored events: events as source, as target, and
reports (mentions) of those events.

  --top N           the N most active (default 30; 0 for all)
${FILTER_HELP}
  --format F        table (the default), json or csv
`;

type Runner = { run(argv: string[]): Promise<number> | number };

/** Hand `dyad actors lookup …` to the actor book's command module. */
async function lookup(argv: string[]): Promise<number> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(new URL("./actors-lookup.js", import.meta.url).href)) as Record<string, unknown>;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND") throw new UserError("actors lookup is not available in this build of dyad (no actor book command)");
    throw err;
  }
  for (const name of ["actorsLookupCommand", "lookupCommand", "command", "default"]) {
    const c = mod[name] as Runner | undefined;
    if (c && typeof c.run === "function") return c.run(argv);
  }
  for (const name of ["run", "main"]) {
    const f = mod[name];
    if (typeof f === "function") return (await (f as (a: string[]) => Promise<number> | number)(argv)) ?? 0;
  }
  throw new UserError("actors lookup is not available in this build of dyad (the actor book command has no entry point)");
}

export const actorsCommand: Command = {
  summary: "the most active actors (and `actors lookup NAME`)",
  async run(argv) {
    if (argv[0] === "lookup") return lookup(argv.slice(1));
    const { values } = parseArgs({
      args: argv,
      options: { ...DB_OPTION, ...FILTER_OPTIONS, top: { type: "string" }, limit: { type: "string" }, format: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const filter = filterOf(values);
    const top = positiveInt(values.top ?? values.limit, "--top", 30, true);
    const format = formatOf(values.format, ["table", "json", "csv"], "table", "table");
    return withStore(values.db, { readonly: true }, async (store) => {
      const rows = await store.actors({ ...filter, top });
      if (format === "json") {
        await out(JSON.stringify(rows, null, 2) + "\n");
        return 0;
      }
      if (format === "csv") {
        await out("code,name,country,events,as_source,as_target,mentions\n" + rows.map((r) => [r.code, JSON.stringify(r.name ?? ""), r.country ?? "", r.events, r.asSource, r.asTarget, r.mentions].join(",")).join("\n") + (rows.length ? "\n" : ""));
        return 0;
      }
      const c = color(process.stdout.isTTY === true);
      const lines = [c.bold(`${"actor".padEnd(14)} ${"events".padStart(7)} ${"source".padStart(7)} ${"target".padStart(7)} ${"reports".padStart(8)}  name`)];
      for (const r of rows) lines.push(`${r.code.padEnd(14)} ${String(r.events).padStart(7)} ${String(r.asSource).padStart(7)} ${String(r.asTarget).padStart(7)} ${String(r.mentions).padStart(8)}  ${r.name ?? ""}`);
      if (!rows.length) lines.push(c.dim("(no actors in the matching events)"));
      await out(lines.join("\n") + "\n");
      return 0;
    });
  },
};
