// `dyad analyze`: one article (file or stdin) to a record, or a JSON Lines batch
// to one record per line.

import { fstatSync } from "node:fs";
import { parseArgs } from "node:util";
// the analyser and the data files only: the library's index would load the store, ingest and export too (30 ms at start)
import { BATCH_SIZE, createAnalyzer, type Analyzer } from "../analyze.js";
import { fsDataSource } from "../node/data.js";
import type { DocumentInput } from "../record.js";
import type { Command } from "./main.js";
import { messageOf, UserError } from "./errors.js";
import { checkDate, dateFromFileName, decodeLine, decodeText, DEFAULT_MAX_BYTES, parseBatchLine, readInputBytes, readLines, todayIso } from "../node/input.js";
import { formatText } from "./format-text.js";

const HELP = `usage: dyad analyze [FILE|-] [--date YYYY-MM-DD] [--format text|json]
       dyad analyze --jsonl FILE|- [--date YYYY-MM-DD]

Analyse a news article and print its analysis record: document structure,
sentences, dates, actors, quotes and events. The article is plain text (UTF-8)
or a saved web page (HTML: dyad reads the article, its title and date).

  FILE|-            the article; "-" or nothing reads standard input
  --date D          publication date (YYYY-MM-DD), the reference for "on Tuesday",
                    "last month" …; without it dyad takes a date in the file's
                    name (news-2020-07-01.txt), else a dateline, else infers it
  --format F        text (a summary for people, the default on a terminal) or
                    json (the record, the default when output is piped)
  --jsonl           the input is JSON Lines, one {"id","text","date","title",
                    "source","url"} per line; prints one record per line, and
                    {"id","error"} for a line that fails (exit status 1 at the end)
  --max-bytes N     refuse inputs larger than N bytes (default ${DEFAULT_MAX_BYTES})
  -h, --help        this help
`;

export const analyzeCommand: Command = {
  summary: "analyse an article",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        date: { type: "string" },
        format: { type: "string" },
        jsonl: { type: "boolean" },
        "max-bytes": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 1) throw new UserError(`one input at a time (got ${positionals.length}); use --jsonl for batches`);
    const date = values.date !== undefined ? checkDate(values.date, "--date") : undefined;
    const format = values.format ?? (process.stdout.isTTY ? "text" : "json");
    if (format !== "text" && format !== "json") throw new UserError(`--format must be text or json, not "${format}"`);
    let maxBytes = DEFAULT_MAX_BYTES;
    if (values["max-bytes"] !== undefined) {
      maxBytes = Number(values["max-bytes"]);
      if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UserError(`--max-bytes must be a positive whole number`);
    }
    const input = positionals[0] ?? "-";
    if (input === "-" && process.stdin.isTTY) throw new UserError("no input: give a FILE, or pipe text to standard input (see --help)");
    const today = todayIso();

    if (values.jsonl) return analyzeJsonl(input, { date, today, maxBytes });

    const record = analyzer().analyze(await documentOf(input, maxBytes), { date, today });
    process.stdout.write(format === "json" ? JSON.stringify(record, null, 2) + "\n" : formatText(record, { color: process.stdout.isTTY === true, width: Math.min(process.stdout.columns ?? 100, 140) }));
    return 0;
  },
};

/**
 * The document a file or stdin holds: plain text as it is, or the article of a saved web
 * page (its text, title, site name and publication date, as `dyad ingest` reads pages).
 * A feed or JSON Lines is refused with the command that reads it.
 */
async function documentOf(input: string, maxBytes: number): Promise<DocumentInput> {
  const origin = input === "-" ? "stdin" : input;
  const bytes = readInputBytes(input, maxBytes);
  const dateOfName = input === "-" ? null : dateFromFileName(input);
  // Only markup or JSON needs the ingest readers (and their load time): look at the first byte that is not blank.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] !== 0x3c && bytes[i] !== 0x7b) return { text: decodeText(bytes, origin), date: dateOfName };
  const { sniff, decodeBytes } = await import("../ingest/sources.js");
  const kind = sniff(bytes);
  if (kind === "feed") throw new UserError(`${origin}: is an RSS or Atom feed; read its articles with \`dyad ingest\``);
  if (kind === "jsonl") {
    const text = decodeText(bytes, origin);
    if (isBatchLine(text.split("\n", 1)[0]!)) throw new UserError(`${origin}: is JSON Lines; analyse it with --jsonl`);
    return { text, date: dateOfName };
  }
  if (kind !== "html") return { text: decodeText(bytes, origin), date: dateOfName };
  // the page read as `dyad ingest` reads one
  const [{ declaredCharset }, { itemInput }] = await Promise.all([import("../ingest/html.js"), import("../ingest/item.js")]);
  try {
    return itemInput({ type: "html", origin, sourceKey: null, html: decodeBytes(bytes, origin, declaredCharset(bytes)), url: null, fallback: {}, defaultDate: dateOfName, maxTextBytes: maxBytes });
  } catch (err) {
    throw new UserError(`${origin}: ${messageOf(err)}`);
  }
}

/** Whether a line is a batch line (a JSON object with a "text" string). */
function isBatchLine(line: string): boolean {
  try {
    parseBatchLine(line);
    return true;
  } catch {
    return false;
  }
}

/** The id of a batch line that failed, when it has a readable one. */
function idOfLine(line: string): string | null {
  try {
    const o = JSON.parse(line) as { id?: unknown };
    return typeof o?.id === "string" || typeof o?.id === "number" ? String(o.id) : null;
  } catch {
    return null;
  }
}

/** Write a line, waiting when the pipe is full so a big batch does not pile up in memory. */
async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(line + "\n")) await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
}

function stdinIsFile(): boolean {
  try {
    return fstatSync(0).isFile();
  } catch {
    return false;
  }
}

let made: Analyzer | null = null;
/** The analyser over the package's data (and DYAD_DATA's), made on first use. */
const analyzer = (): Analyzer => (made ??= createAnalyzer(fsDataSource()));

async function analyzeJsonl(input: string, opts: { date?: string; today: string; maxBytes: number }): Promise<number> {
  let failures = 0;
  let documents = 0;
  let n = 0;
  // Lines wait until BATCH_SIZE can go to the analyser together (stage by stage is faster);
  // they come out in input order, a line that failed in its place. A pipe may be a stream that
  // waits for each answer: it goes a line at a time.
  const batchSize = input !== "-" || stdinIsFile() ? BATCH_SIZE : 1;
  let pending: { n: number; id: string | null; doc?: DocumentInput; error?: string }[] = [];
  const fail = async (line: number, id: string | null, msg: string) => {
    failures++;
    await writeLine(JSON.stringify({ id: id ?? `line-${line}`, error: msg }));
    process.stderr.write(`dyad analyze: line ${line}: ${msg}\n`);
  };
  const flush = async () => {
    const docs = pending.filter((p) => p.doc).map((p) => p.doc!);
    const results = docs.length ? analyzer().analyzeBatch(docs, { date: opts.date, today: opts.today }) : [];
    let k = 0;
    for (const p of pending) {
      if (p.error !== undefined) {
        await fail(p.n, p.id, p.error);
        continue;
      }
      const r = results[k++]!;
      if (r instanceof Error) await fail(p.n, p.id, messageOf(r));
      else await writeLine(JSON.stringify(r));
    }
    pending = [];
  };
  for await (const bytes of readLines(input, opts.maxBytes)) {
    n++;
    if (bytes !== null && bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) continue; // a blank line
    documents++;
    let line = "";
    let id: string | null = null;
    try {
      if (bytes === null) throw new Error(`line larger than the ${opts.maxBytes}-byte limit`);
      line = decodeLine(bytes);
      const doc = parseBatchLine(line);
      id = doc.id ?? null;
      pending.push({ n, id, doc });
    } catch (err) {
      id ??= idOfLine(line);
      pending.push({ n, id, error: err instanceof UserError ? err.message : messageOf(err) });
    }
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  if (documents === 0) throw new UserError(`${input === "-" ? "stdin" : input}: no documents (empty input)`);
  return failures > 0 ? 1 : 0;
}
