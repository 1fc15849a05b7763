// `dyad actors lookup NAME [--date D]`: how a name resolves at a date (code,
// country, sector, role) and the rows of the actor book behind it.

import { parseArgs } from "node:util";
import { bestEntry, bookOf, entryActor, resolveActor, roleAt } from "../actors/index.js";
import { citiesOf, entryRows } from "../actors/book.js";
import { nameKey } from "../actors/normalize.js";
import { fsDataSource } from "../node/data.js";
import { Resources } from "../pipeline/resources.js";
import type { Command } from "./main.js";
import { UserError } from "./errors.js";
import { checkDate, todayIso } from "../node/input.js";

const HELP = `usage: dyad actors lookup NAME [--date YYYY-MM-DD] [--format text|json]

Show how a name resolves to a CAMEO actor at a date: the code, country, sector
and role, how it was found (a name or alias, a surname, a title phrase), the
other readings of the name, and the rows of the actor book behind it.

  NAME        a name, alias, surname or descriptive phrase ("Moon Jae-in", "DPRK",
              "Pyongyang", "Blue House", "Chinese Foreign Ministry spokesperson")
  --date D    the date to resolve at (default: today)
  --format F  text (default) or json
  -h, --help  this help
`;

interface LookupResult {
  name: string;
  date: string;
  found: boolean;
  via: string;
  actor: { code: string; country: string | null; sector: string | null; name: string | null } | null;
  role: string | null;
  kind: string | null;
  readings: { kind: string; name: string; code: string | null }[];
  places: { name: string; country: string; lat: number; lon: number; population: number }[];
  rows: { file: string; row: Record<string, string> }[];
}

export function lookup(resources: Resources, name: string, date: string): LookupResult {
  const r = resolveActor(resources, name, date);
  const book = bookOf(resources);
  const key = nameKey(name.trim().replace(/^the\s+/i, ""));
  const entries = book.byKey.get(key) ?? (r.via === "surname" && r.entry ? [r.entry] : []);
  const best = r.entry ?? bestEntry(entries, date);
  const cities = (citiesOf(resources).byKey.get(key) ?? []).slice(0, 5);
  return {
    name,
    date,
    found: r.actor !== null || entries.length > 0 || cities.length > 0,
    via: r.via,
    actor: r.actor ? { code: r.actor.code, country: r.actor.country, sector: r.actor.sector ?? null, name: r.actor.name ?? null } : null,
    role: r.role,
    kind: best?.kind ?? null,
    readings: entries.map((e) => ({ kind: e.kind, name: e.name, code: entryActor(e, date)?.code ?? (e.kind === "person" || e.kind === "institution" ? roleAt(e, date)?.code ?? null : e.code ?? e.country) })),
    places: cities.map((c) => ({ name: c.name, country: c.country, lat: c.lat, lon: c.lon, population: c.population })),
    rows: best ? entryRows(resources, best) : [],
  };
}

function formatLookup(x: LookupResult): string {
  const lines: string[] = [];
  lines.push(`${x.name} at ${x.date}`);
  if (!x.found) {
    lines.push("  not in the actor book or the gazetteer");
    return lines.join("\n") + "\n";
  }
  const a = x.actor;
  lines.push(`  code     ${a?.code ?? "-"}`);
  lines.push(`  country  ${a?.country ?? "-"}`);
  lines.push(`  sector   ${a?.sector ?? "-"}`);
  lines.push(`  role     ${x.role ?? "-"}`);
  lines.push(`  via      ${x.via}${x.kind ? ` (${x.kind})` : ""}`);
  if (x.readings.length > 1) {
    lines.push("  readings");
    for (const r of x.readings) lines.push(`    ${r.kind.padEnd(11)} ${r.name}${r.code ? `  ${r.code}` : ""}`);
  }
  if (x.places.length) {
    lines.push("  places (gazetteer)");
    for (const p of x.places) lines.push(`    ${p.name}, ${p.country}  ${p.lat}, ${p.lon}  pop. ${p.population}`);
  }
  if (x.rows.length) {
    lines.push("  book rows");
    for (const { file, row } of x.rows) {
      const cells = Object.entries(row)
        .filter(([, v]) => v !== "")
        .map(([k, v]) => `${k}=${v}`)
        .join("  ");
      lines.push(`    ${file}: ${cells}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** `lookup NAME [--date D]` (the arguments after "lookup"). */
export const lookupCommand: Command = {
  summary: "show how a name resolves to an actor at a date",
  run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { date: { type: "string" }, format: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const name = positionals.join(" ").trim();
    if (!name) throw new UserError("give a NAME to look up (see --help)");
    const date = values.date !== undefined ? checkDate(values.date, "--date") : todayIso();
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json") throw new UserError(`--format must be text or json, not "${format}"`);
    const result = lookup(new Resources(fsDataSource()), name, date);
    process.stdout.write(format === "json" ? JSON.stringify(result, null, 2) + "\n" : formatLookup(result));
    return result.found ? 0 : 1;
  },
};

/** `dyad actors SUBCOMMAND …`; only `lookup` lives here (the store's `dyad actors` lists stored actors). */
export const actorsCommand: Command = {
  summary: "actor book tools: lookup NAME [--date D]",
  run(argv) {
    const [sub, ...rest] = argv;
    if (sub === "lookup") return lookupCommand.run(rest);
    if (!sub || sub === "--help" || sub === "-h") {
      process.stdout.write(HELP);
      return sub ? 0 : 2;
    }
    throw new UserError(`unknown subcommand "${sub}" (try: dyad actors lookup NAME)`);
  },
};
