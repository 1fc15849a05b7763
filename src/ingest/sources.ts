// What `dyad ingest SOURCE…` can read: text, HTML and JSON Lines files,
// directories (recursively, by extension), globs, RSS/Atom feeds (files or URLs,
// whose items' pages are fetched), http(s) URLs and standard input. Each source
// becomes tasks; a task loads into one work item, or into more tasks.

import { createReadStream, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { dateFromFileName, decodeLine, decodeText, parseBatchLine, readLines, splitLines } from "../node/input.js";
import type { DocumentInput } from "../record.js";
import { parseFeed, looksLikeFeed, type FeedItem } from "./feed.js";
import { fetchUrl } from "./fetch.js";
import { declaredCharset } from "./html.js";
import type { WorkItem } from "./item.js";

export interface SourceContext {
  /** Largest document: a text file, a JSON Lines line, the article text of a page (bytes). */
  maxBytes: number;
  /** Largest HTML page or feed, before its article is extracted (bytes). */
  maxPageBytes: number;
  timeoutMs: number;
  /** Publication date for documents that carry none. */
  defaultDate: string | null;
  cwd: string;
  /** Standard input, for "-". */
  stdin?: NodeJS.ReadableStream;
}

/** A failure found while expanding sources (a missing file, a glob that matches nothing). */
export interface SourceFailure {
  failed: true;
  origin: string;
  stage: "read" | "fetch" | "extract";
  reason: string;
}

export interface Task {
  failed?: false;
  /** Where the document comes from: an absolute path (with ":line" or "#item"), a URL or "stdin". */
  origin: string;
  /** A key saying this source gave a stored document before (file fingerprint, URL): skip it without loading. */
  sourceKey: string | null;
  /** A document id known before loading (JSONL lines with an id). */
  knownId?: string | null;
  load(): Promise<WorkItem | AsyncIterable<Task | SourceFailure>>;
}

/** Raised by loaders with the stage it failed at. */
export class LoadError extends Error {
  constructor(
    readonly stage: "read" | "fetch" | "extract",
    message: string,
  ) {
    super(message);
  }
}

type Kind = "text" | "html" | "jsonl" | "feed";

/** File extensions by kind: a directory walk takes these, and they say how to read a file. */
const EXTENSIONS: Record<Kind, string[]> = {
  text: ["txt", "text", "md"],
  html: ["html", "htm", "xhtml", "shtml"],
  jsonl: ["jsonl", "ndjson"],
  feed: ["rss", "atom", "rdf", "xml"],
};
const KIND_OF_EXT = new Map(Object.entries(EXTENSIONS).flatMap(([kind, exts]) => exts.map((e) => [e, kind as Kind])));
/** What a directory walk picks up. */
const WALK_PATTERN = `**/*.{${Object.values(EXTENSIONS).flat().join(",")}}`;

const isUrl = (s: string) => /^https?:\/\//i.test(s);
const isGlob = (s: string) => /[*?[\]{}]/.test(s);
const tooLarge = (what: string, limit: number, flag: string) => `${what}larger than the ${limit}-byte limit (raise it with ${flag})`;

function kindOfPath(path: string): Kind | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return m ? (KIND_OF_EXT.get(m[1]!.toLowerCase()) ?? null) : null;
}

function readFileBytes(path: string, maxBytes: number, flag: string): Uint8Array {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new LoadError("read", code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot open (${code ?? "error"})`);
  }
  if (st.size > maxBytes) throw new LoadError("read", tooLarge(`${st.size} bytes, `, maxBytes, flag));
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new LoadError("read", code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a directory" : `cannot read (${code ?? "error"})`);
  }
}

/** Text of bytes: UTF-8 (strict), or an HTML page's declared charset. */
export function decodeBytes(bytes: Uint8Array, origin: string, charset?: string | null): string {
  const cs = (charset ?? "").toLowerCase().replace(/^["']|["']$/g, "");
  if (cs && cs !== "utf-8" && cs !== "utf8" && cs !== "us-ascii" && cs !== "ascii") {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(cs, { fatal: true });
    } catch {
      throw new LoadError("read", `unsupported character set "${cs}"`);
    }
    if (bytes.length === 0) throw new LoadError("read", "empty input");
    try {
      return decoder.decode(bytes);
    } catch {
      throw new LoadError("read", `not valid ${cs} text`);
    }
  }
  try {
    return decodeText(bytes, origin).replace(/^\ufeff/, "");
  } catch (err) {
    throw new LoadError("read", (err as Error).message.replace(`${origin}: `, ""));
  }
}

function charsetOf(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "");
  return m ? m[1]!.toLowerCase() : null;
}

/** What bytes hold, from their first few kilobytes: JSON Lines, an HTML page, a feed or plain text. */
export function sniff(head: Uint8Array): Kind {
  const t = Buffer.from(head.subarray(0, 4096)).toString("latin1").replace(/^\u00ef\u00bb\u00bf/, "").trimStart();
  if (t.startsWith("{")) return "jsonl";
  if (t.startsWith("<")) return looksLikeFeed(t) ? "feed" : "html";
  return "text";
}

function textItem(origin: string, sourceKey: string | null, text: string, ctx: SourceContext, extra: Partial<DocumentInput> = {}): WorkItem {
  if (text.trim() === "") throw new LoadError("read", "no text (only whitespace)");
  return { type: "text", origin, sourceKey, input: { text, id: null, date: ctx.defaultDate, title: null, source: null, url: null, ...extra } };
}

type Fallback = Extract<WorkItem, { type: "html" }>["fallback"];

function htmlItem(origin: string, sourceKey: string | null, html: string, url: string | null, ctx: SourceContext, fallback: Fallback = {}): WorkItem {
  return { type: "html", origin, sourceKey, html, url, fallback, defaultDate: ctx.defaultDate, maxTextBytes: ctx.maxBytes };
}

/** The tasks of a feed's items: fetch each item's page (or use the content the feed carries). */
async function* feedTasks(xml: string, origin: string, ctx: SourceContext): AsyncIterable<Task | SourceFailure> {
  let items: FeedItem[];
  let channel: string | null;
  try {
    ({ items, title: channel } = parseFeed(xml));
  } catch (err) {
    yield { failed: true, origin, stage: "extract", reason: (err as Error).message };
    return;
  }
  let n = 0;
  for (const it of items) {
    n++;
    const fallback: Fallback = { title: it.title, date: it.date, source: channel };
    if (it.link && isUrl(it.link)) {
      yield urlTask(it.link, ctx, fallback);
    } else if (it.content) {
      const itemOrigin = `${origin}#${it.guid ?? n}`;
      yield { origin: itemOrigin, sourceKey: null, load: async () => ({ ...htmlItem(itemOrigin, null, it.content!, it.link, ctx, fallback), fragment: true }) };
    } else {
      yield { failed: true, origin: `${origin}#${it.guid ?? n}`, stage: "extract", reason: it.link ? `item link is not an http(s) URL: ${it.link}` : "feed item with neither a link nor content" };
    }
  }
}

function urlTask(url: string, ctx: SourceContext, fallback: Fallback = {}): Task {
  return {
    origin: url,
    sourceKey: `url:${url}`,
    async load() {
      let got;
      try {
        // What the URL holds is known only once fetched: the page limit, then the document limit for plain text.
        got = await fetchUrl(url, { timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxPageBytes });
      } catch (err) {
        throw new LoadError("fetch", (err as Error).message.replace("(raise it with --max-bytes)", "(raise it with --max-page-bytes)"));
      }
      const ct = got.contentType;
      const head = Buffer.from(got.bytes.subarray(0, 4096)).toString("latin1");
      const kind: Kind = /html/.test(ct) ? "html" : /(rss|atom)\+xml/.test(ct) ? "feed" : /xml/.test(ct) ? (looksLikeFeed(head) ? "feed" : "html") : /text\/plain/.test(ct) ? "text" : sniff(got.bytes);
      if (kind === "jsonl") return jsonlTasks(splitLines([got.bytes], ctx.maxBytes), url, ctx);
      if (kind === "text" && got.bytes.length > ctx.maxBytes) throw new LoadError("read", tooLarge(`${got.bytes.length} bytes, `, ctx.maxBytes, "--max-bytes"));
      const charset = charsetOf(ct) ?? (kind === "html" ? declaredCharset(got.bytes) : null);
      const text = decodeBytes(got.bytes, url, charset);
      if (kind === "feed") return feedTasks(text, url, ctx);
      if (kind === "text") return textItem(url, `url:${url}`, text, ctx, { url, title: fallback.title ?? null, date: fallback.date ?? ctx.defaultDate, source: fallback.source ?? null });
      return htmlItem(url, `url:${url}`, text, got.url, ctx, fallback);
    },
  };
}

function jsonlLineTask(bytes: Uint8Array | null, n: number, origin: string, ctx: SourceContext): Task | SourceFailure | null {
  const lineOrigin = `${origin}:${n}`;
  if (bytes === null) return { failed: true, origin: lineOrigin, stage: "read", reason: tooLarge("line ", ctx.maxBytes, "--max-bytes") };
  let line: string;
  try {
    line = decodeLine(bytes);
  } catch (err) {
    return { failed: true, origin: lineOrigin, stage: "read", reason: (err as Error).message };
  }
  if (line.trim() === "") return null;
  let input: DocumentInput;
  try {
    input = parseBatchLine(line);
  } catch (err) {
    return { failed: true, origin: lineOrigin, stage: "read", reason: (err as Error).message };
  }
  if (!input.date && ctx.defaultDate) input = { ...input, date: ctx.defaultDate };
  return { origin: lineOrigin, sourceKey: null, knownId: input.id ?? null, load: async () => ({ type: "text", origin: lineOrigin, sourceKey: null, input }) };
}

/** The tasks of JSON Lines (each line decoded on its own: one bad line is one failure); a read error ends them with a failure. */
async function* jsonlTasks(lines: AsyncIterable<Uint8Array | null>, origin: string, ctx: SourceContext, label = origin): AsyncIterable<Task | SourceFailure> {
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      const t = jsonlLineTask(line, n, origin, ctx);
      if (t) yield t;
    }
  } catch (err) {
    const msg = (err as Error).message;
    const code = (err as NodeJS.ErrnoException).code;
    const reason = msg.startsWith(`${label}: `) ? msg.slice(label.length + 2) : code ? `cannot read (${code})` : msg.split("\n")[0]!;
    yield { failed: true, origin, stage: "read", reason: `${reason} after line ${n}` };
  }
}

function fileTask(path: string, ctx: SourceContext, forced?: Kind): Task {
  let sourceKey: string | null = null;
  let kind: Kind | null = forced ?? kindOfPath(path);
  try {
    const st = statSync(path);
    if (kind !== "jsonl" && kind !== "feed") sourceKey = `file:${path}:${st.size}:${Math.floor(st.mtimeMs)}`;
  } catch {
    // reported when it loads
  }
  return {
    origin: path,
    sourceKey,
    async load() {
      if (kind === "jsonl") {
        try {
          statSync(path);
        } catch {
          throw new LoadError("read", "no such file");
        }
        // Streamed: the file opens at the first pull, and no line is held whole past the limit.
        return jsonlTasks(readLines(path, ctx.maxBytes), path, ctx);
      }
      // A page or feed may be large before its article is extracted; a text file is the document itself.
      const [limit, flag] = kind === "text" ? [ctx.maxBytes, "--max-bytes"] : [ctx.maxPageBytes, "--max-page-bytes"];
      const bytes = readFileBytes(path, limit, flag);
      if (!kind) {
        kind = sniff(bytes);
        if (kind === "text" && bytes.length > ctx.maxBytes) throw new LoadError("read", tooLarge(`${bytes.length} bytes, `, ctx.maxBytes, "--max-bytes"));
      }
      if (kind === "jsonl") return jsonlTasks(splitLines([bytes], ctx.maxBytes), path, ctx);
      if (kind === "html") return htmlItem(path, sourceKey, decodeBytes(bytes, path, declaredCharset(bytes)), null, ctx);
      const text = decodeBytes(bytes, path);
      if (kind === "feed") return feedTasks(text, path, ctx);
      // a date in the file's name is the file's own metadata: it wins over --date's default
      return textItem(path, sourceKey, text, ctx, { date: dateFromFileName(path) ?? ctx.defaultDate });
    },
  };
}

const toBuffer = (c: Buffer | string) => (typeof c === "string" ? Buffer.from(c) : c);

/** Standard input: sniffed once on its first bytes; JSON Lines stream, anything else is one document within its limit. */
async function readStdin(stream: NodeJS.ReadableStream, ctx: SourceContext): Promise<WorkItem | AsyncIterable<Task | SourceFailure>> {
  const it = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const failed = (err: unknown) => new LoadError("read", `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message ?? "error"})`);
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  try {
    while (headBytes < 4096) {
      const next = await it.next();
      if (next.done) {
        ended = true;
        break;
      }
      const b = toBuffer(next.value);
      head.push(b);
      headBytes += b.length;
    }
  } catch (err) {
    throw failed(err);
  }
  async function* all(): AsyncGenerator<Buffer> {
    for (const b of head) yield b;
    if (ended) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  const kind = sniff(Buffer.concat(head, headBytes));
  if (kind === "jsonl") return jsonlTasks(splitLines(all(), ctx.maxBytes), "stdin", ctx);
  const [limit, flag] = kind === "text" ? [ctx.maxBytes, "--max-bytes"] : [ctx.maxPageBytes, "--max-page-bytes"];
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const b of all()) {
      total += b.length;
      if (total > limit) {
        await it.return?.();
        throw new LoadError("read", tooLarge("", limit, flag));
      }
      chunks.push(b);
    }
  } catch (err) {
    throw err instanceof LoadError ? err : failed(err);
  }
  const bytes = Buffer.concat(chunks, total);
  const text = decodeBytes(bytes, "stdin", kind === "html" ? declaredCharset(bytes) : null);
  if (kind === "feed") return feedTasks(text, "stdin", ctx);
  if (kind === "html") return htmlItem("stdin", null, text, null, ctx);
  return textItem("stdin", null, text, ctx);
}

/** One source argument, resolved: standard input, a URL, a file, or why it gives nothing. */
type Resolved = { kind: "stdin" } | { kind: "url"; url: string } | { kind: "file"; path: string } | { kind: "failure"; failure: SourceFailure };

async function glob(pattern: string, cwd: string, walk = false): Promise<string[]> {
  const { glob: tg } = await import("tinyglobby");
  return (await tg(pattern, { cwd, absolute: true, onlyFiles: true, caseSensitiveMatch: !walk })).sort();
}

/** The one reading of source arguments that ingest and its progress count share. */
async function* resolveSources(args: readonly string[], cwd: string): AsyncIterable<Resolved> {
  for (const arg of args) {
    if (arg === "-") {
      yield { kind: "stdin" };
      continue;
    }
    if (isUrl(arg)) {
      yield { kind: "url", url: arg };
      continue;
    }
    const path = resolve(cwd, arg);
    let st;
    try {
      st = statSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && isGlob(arg)) {
        const matches = await glob(arg, cwd);
        if (matches.length === 0) yield { kind: "failure", failure: { failed: true, origin: arg, stage: "read", reason: "no files match" } };
        for (const m of matches) yield { kind: "file", path: m };
        continue;
      }
      const reason = code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : `cannot open (${code ?? "error"})`;
      yield { kind: "failure", failure: { failed: true, origin: path, stage: "read", reason } };
      continue;
    }
    if (st.isDirectory()) for (const f of await glob(WALK_PATTERN, path, true)) yield { kind: "file", path: f };
    else yield { kind: "file", path };
  }
}

/** Every task of the given sources, in order; problems found on the way come as failures. */
export async function* expandSources(args: readonly string[], ctx: SourceContext): AsyncIterable<Task | SourceFailure> {
  for await (const r of resolveSources(args, ctx.cwd)) {
    if (r.kind === "stdin") {
      const stream = ctx.stdin ?? process.stdin;
      yield { origin: "stdin", sourceKey: null, load: () => readStdin(stream, ctx) };
    } else if (r.kind === "url") yield urlTask(r.url, ctx);
    else if (r.kind === "file") yield fileTask(r.path, ctx);
    else yield r.failure;
  }
}

/** How many documents the local sources hold (files, JSON Lines lines), for a progress bar; null when unknowable (URLs, feeds, stdin). */
export async function countDocuments(args: readonly string[], cwd: string): Promise<number | null> {
  let n = 0;
  for await (const r of resolveSources(args, cwd)) {
    if (r.kind === "stdin" || r.kind === "url") return null;
    if (r.kind === "failure") {
      n++;
      continue;
    }
    const kind = kindOfPath(r.path);
    if (kind === "feed") return null;
    if (kind !== "jsonl") {
      n++;
      continue;
    }
    let lines = 0;
    let last = 10;
    try {
      for await (const chunk of createReadStream(r.path) as AsyncIterable<Buffer>) {
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
        if (chunk.length) last = chunk[chunk.length - 1]!;
      }
    } catch {
      // reported when it loads
    }
    if (last !== 10) lines++;
    n += lines;
  }
  return n;
}
