// `dyad export --format gdelt|plover|jsonl|csv|parquet [filters] [--out FILE]`.

import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { EXPORT_FORMATS, exportParquet, exportText, type ExportFormat } from "../store/export/index.js";
import type { Command } from "./main.js";
import { UserError } from "./errors.js";
import { DB_OPTION, FILTER_HELP, FILTER_OPTIONS, filterOf, out, positiveInt, withStore } from "./store-args.js";

const HELP = `usage: dyad export --format gdelt|plover|jsonl|csv|parquet [filters] [--out FILE] [--db PATH]

Write the store's events (each once, with its report counts) in date order:
  gdelt     GDELT 2.0 event table rows: 61 tab-separated columns, no header (add
            one with --header); columns dyad cannot know are empty; SOURCEURL is
            the earliest reporting article's URL
  plover    PLOVER JSON records, one per line: actor/recipient lists, event, mode,
            context, date, event_text and text_info offsets of every report
            (CAMEO 01/02 events have no PLOVER type and are left out)
  jsonl     every event with all its reports and their evidence, one per line
  csv       a flat table with a header row
  parquet   the same table as Parquet (pandas, R arrow, DuckDB); needs --out

  --out FILE        write to FILE instead of standard output
  --header          a header line for gdelt
  --limit N         at most N events (default all)
${FILTER_HELP}
`;

export const exportCommand: Command = {
  summary: "export events as GDELT, PLOVER, JSON Lines, CSV or Parquet",
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { ...DB_OPTION, ...FILTER_OPTIONS, format: { type: "string", short: "f" }, out: { type: "string", short: "o" }, header: { type: "boolean" }, limit: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (!values.format) throw new UserError(`--format is required: ${EXPORT_FORMATS.join(", ")}`);
    const format = values.format as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UserError(`--format must be one of ${EXPORT_FORMATS.join(", ")}, not "${values.format}"`);
    const filter = filterOf(values);
    filter.limit = positiveInt(values.limit, "--limit", 0, true);
    if (format === "parquet" && !values.out) throw new UserError("parquet needs --out FILE (it is a binary file)");
    return withStore(values.db, { readonly: true }, async (store) => {
      if (format === "parquet") {
        let r;
        try {
          r = await exportParquet(store, filter, values.out!);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code) throw new UserError(`${values.out}: cannot write (${code})`, 1);
          throw err;
        }
        process.stderr.write(`wrote ${r.rows} events to ${values.out}\n`);
        return 0;
      }
      let write: (s: string) => void | Promise<void> = out;
      let file: ReturnType<typeof createWriteStream> | null = null;
      if (values.out) {
        file = createWriteStream(values.out);
        const opened = new Promise<void>((resolve, reject) => {
          file!.once("open", () => resolve());
          file!.once("error", reject);
        });
        try {
          await opened;
        } catch (err) {
          throw new UserError(`${values.out}: cannot write (${(err as NodeJS.ErrnoException).code ?? "error"})`, 1);
        }
        write = (s) => (file!.write(s) ? undefined : new Promise((r) => file!.once("drain", () => r())));
      }
      const r = await exportText(store, format, filter, write, { header: values.header ?? false });
      if (file) await new Promise<void>((resolve) => file!.end(() => resolve()));
      if (values.out || r.skipped) process.stderr.write(`wrote ${r.rows} events${values.out ? ` to ${values.out}` : ""}${r.skipped ? `; left out ${r.skipped} with no PLOVER type (CAMEO 01, 02)` : ""}\n`);
      return 0;
    });
  },
};
