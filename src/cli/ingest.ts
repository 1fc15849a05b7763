// `dyad ingest SOURCE…`: analyse articles on every core and store them, their
// layers and their events (merged with other reports of the same events).

import { parseArgs } from "node:util";
import { availableParallelism } from "node:os";
import { ingest, DEFAULT_INGEST_MAX_BYTES, DEFAULT_MAX_PAGE_BYTES } from "../ingest/ingest.js";
import { displayOrigin } from "../ingest/origin.js";
import { DEFAULT_TIMEOUT_MS } from "../ingest/fetch.js";
import { defaultDbPath, StoreError } from "../store/index.js";
import type { Command } from "./main.js";
import { messageOf, UserError } from "./errors.js";
import { checkDate, todayIso } from "../node/input.js";
import { ProgressBar } from "./progress.js";
import { analyzerOf, jobsOf, positiveInt } from "./store-args.js";

const HELP = `usage: dyad ingest SOURCE… [--db PATH] [--jobs N] [options]

Analyse articles and store them with their events in a database (./dyad.db, or
$DYAD_DB, or --db). A document already stored is skipped, so running the same
command again adds nothing, and a run that was stopped finishes where it left off.

SOURCE is any of:
  FILE.txt          a plain-text article (also .text, .md)
  FILE.html         a saved web page (article text, title, site and date from the page)
  FILE.jsonl        JSON Lines: {"id","text","date","title","source","url"} per line
  FILE.rss|.atom|.xml   an RSS or Atom feed: each item's page is fetched
  DIR               every article file under DIR (recursively, by extension)
  'GLOB'            files matching a pattern ('news/**/*.html')
  URL               an http(s) page or feed
  -                 standard input (text, HTML, a feed or JSON Lines)

  --db PATH         the database (default $DYAD_DB or ./dyad.db)
  --jobs N          analyser threads, up to 64 (default: all ${availableParallelism()} cores; 0 = none,
                    analyse inline)
  --date D          publication date (YYYY-MM-DD) for documents that carry none
  --max-bytes N     refuse documents larger than N bytes: a text file, a JSON Lines
                    line, the article text of a page (default ${DEFAULT_INGEST_MAX_BYTES})
  --max-page-bytes N  refuse HTML pages and feeds larger than N bytes (default ${DEFAULT_MAX_PAGE_BYTES})
  --timeout S       give up on a URL after S seconds (default ${DEFAULT_TIMEOUT_MS / 1000})
  --refetch         fetch URLs again even when they gave a stored document before
  --analyzer M[#E]  use export E of module M as the analyser (advanced; for tests and plug-ins)
  -q, --quiet       no progress bar and no summary line
  -h, --help        this help

Each document that fails (unreadable, not text, no article, a feed that does not
parse, a URL that fails or times out) is one line on stderr and in \`dyad failures\`;
the rest go on. Exit status: 0 when nothing failed, 1 when something did.
`;

export const ingestCommand: Command = {
  summary: "analyse articles into the event store",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        jobs: { type: "string", short: "j" },
        date: { type: "string" },
        "max-bytes": { type: "string" },
        "max-page-bytes": { type: "string" },
        timeout: { type: "string" },
        refetch: { type: "boolean" },
        analyzer: { type: "string" },
        quiet: { type: "boolean", short: "q" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length === 0) throw new UserError("no sources: give files, folders, URLs or - (see --help)");
    if (positionals.includes("-") && process.stdin.isTTY) throw new UserError("- reads standard input, but nothing is piped to it");
    const jobs = jobsOf(values.jobs, Math.min(64, availableParallelism()));
    const maxBytes = positiveInt(values["max-bytes"], "--max-bytes", DEFAULT_INGEST_MAX_BYTES);
    const maxPageBytes = positiveInt(values["max-page-bytes"], "--max-page-bytes", Math.max(DEFAULT_MAX_PAGE_BYTES, maxBytes));
    let timeoutMs = DEFAULT_TIMEOUT_MS;
    if (values.timeout !== undefined) {
      const t = Number(values.timeout);
      if (!Number.isFinite(t) || t <= 0) throw new UserError("--timeout must be a positive number of seconds");
      timeoutMs = Math.round(t * 1000);
    }
    const date = values.date !== undefined ? checkDate(values.date, "--date") : null;
    const analyzer = analyzerOf(values.analyzer);
    const db = defaultDbPath(values.db);
    const bar = !values.quiet && process.stderr.isTTY ? new ProgressBar(process.stderr) : null;
    const onFailure = (f: { origin: string; reason: string }) => {
      const line = `dyad ingest: ${displayOrigin(f.origin)}: ${f.reason}`;
      if (bar) bar.log(line);
      else process.stderr.write(line + "\n");
    };
    let summary;
    try {
      summary = await ingest(positionals, {
        db,
        jobs,
        date,
        today: todayIso(),
        maxBytes,
        maxPageBytes,
        timeoutMs,
        refetch: values.refetch ?? false,
        analyzer,
        countFirst: bar !== null,
        onProgress: bar ? (p) => bar.update(p) : undefined,
        onFailure,
      });
    } catch (err) {
      bar?.done();
      if (err instanceof StoreError) throw new UserError(err.message, err.exitCode);
      if (err instanceof UserError) throw err;
      throw new UserError(messageOf(err), 1);
    }
    bar?.done();
    if (!values.quiet) {
      const secs = summary.elapsedMs / 1000;
      process.stdout.write(
        `ingested ${summary.done} documents: ${summary.added} added, ${summary.skipped} already stored, ${summary.failed} failed; ` +
          `${summary.mentions} event reports, ${summary.events} events in ${db}; ${secs.toFixed(1)} s (${summary.rate.toFixed(1)} docs/s on ${summary.jobs} ${summary.jobs === 1 ? "thread" : "threads"})\n`,
      );
    }
    return summary.failed > 0 ? 1 : 0;
  },
};
