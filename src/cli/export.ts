// `dyad export --format gdelt|plover|jsonl|csv|parquet [filters] [--out FILE]`.

import { createWriteStream, renameSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { EXPORT_FORMATS, exportParquet, exportText, type ExportFormat } from "../store/export/index.js";
import type { Command } from "./main.js";
import { UserError } from "./errors.js";
import { DB_OPTION, FILTER_HELP, FILTER_OPTIONS, filterOf, out, positiveInt, withStore } from "./store-args.js";

const HELP = `usage: dyad export --format gdelt|plover|jsonl|csv|parquet [filters] [--out FILE] [--db PATH]

Write the store's events (each once, with its report counts) in date order:
  gdelt     GDELT 2.0 event table rows: 61 tab-separated columns, no header (add
            one with --header); columns dyad cannot know are empty (tone, FIPS
            and ADM codes, actor places); SOURCEURL is the earliest reporting
            article's URL, DATEADDED when the event's first report was stored.
            SQLDATE and FractionDate are given for events dated to the day only:
            a month-precision event has MonthYear and Year, a year one only Year.
            GLOBALEVENTID comes from dyad's event id, which does not change as
            more reports of the event arrive
  plover    PLOVER JSON records, one per line: actor/recipient lists (code is the
            country; CAMEO's roles are cameo_sectors, not PLOVER sectors), event,
            mode, context (CAMEO2PLOVER's for the CAMEO code), date, event_text
            and text_info offsets of every report (CAMEO 01/02 events have no
            PLOVER type and are left out)
  jsonl     every event with all its reports and their evidence, one per line
  csv       a flat table with a header row
  parquet   the same table as Parquet (pandas, R arrow, DuckDB); needs --out

  --out FILE        write to FILE instead of standard output (written whole or not
                    at all: a failed export leaves FILE as it was; exit status 1)
  --header          a header line for gdelt
  --limit N         at most N events (default all)
${FILTER_HELP}
`;

/**
 * Where an export to FILE writes: a temporary file beside it, renamed over it once
 * complete, so that a failed export never leaves a truncated file; a device or a
 * pipe (/dev/stdout, a FIFO) is written directly.
 */
function outputFile(path: string): { target: string; commit(): void; abort(): void } {
  let special = false;
  try {
    special = !statSync(path).isFile();
  } catch {
    // a new file
  }
  if (special) return { target: path, commit() {}, abort() {} };
  const target = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  return {
    target,
    commit: () => renameSync(target, path),
    abort: () => {
      try {
        unlinkSync(target);
      } catch {
        // never created
      }
    },
  };
}

const cannotWrite = (path: string, err: unknown) => new UserError(`${path}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message ?? "error"})`, 1);

/** A file stream whose errors are caught from open to finish: each write and the end reject with the first one. */
async function openStream(path: string): Promise<{ write(s: string): void | Promise<void>; end(): Promise<void> }> {
  const file = createWriteStream(path);
  let error: unknown = null;
  const failed = new Promise<never>((_, reject) =>
    file.once("error", (err) => {
      error = err;
      reject(err);
    }),
  );
  failed.catch(() => undefined);
  await Promise.race([new Promise((r) => file.once("open", r)), failed]);
  return {
    write(s) {
      if (error) throw error;
      if (!file.write(s)) return Promise.race([new Promise<void>((r) => file.once("drain", () => r())), failed]);
    },
    async end() {
      if (error) throw error;
      file.end();
      await finished(file);
    },
  };
}

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
      const output = values.out ? outputFile(values.out) : null;
      if (format === "parquet") {
        let r;
        try {
          r = await exportParquet(store, filter, output!.target);
          output!.commit();
        } catch (err) {
          output!.abort();
          if ((err as NodeJS.ErrnoException).code) throw cannotWrite(values.out!, err);
          throw err;
        }
        process.stderr.write(`wrote ${r.rows} events to ${values.out}\n`);
        return 0;
      }
      let r;
      if (output) {
        try {
          const file = await openStream(output.target);
          r = await exportText(store, format, filter, (s) => file.write(s), { header: values.header ?? false });
          await file.end();
          output.commit();
        } catch (err) {
          output.abort();
          if ((err as NodeJS.ErrnoException).code) throw cannotWrite(values.out!, err);
          throw err;
        }
      } else r = await exportText(store, format, filter, out, { header: values.header ?? false });
      if (values.out || r.skipped) process.stderr.write(`wrote ${r.rows} events${values.out ? ` to ${values.out}` : ""}${r.skipped ? `; left out ${r.skipped} with no PLOVER type (CAMEO 01, 02)` : ""}\n`);
      return 0;
    });
  },
};
