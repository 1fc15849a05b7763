// What `dyad ingest SOURCE…` can read: text, HTML and JSON Lines files,
// directories (recursively, by extension), globs, RSS/Atom feeds (files or URLs,
// whose items' pages are fetched), http(s) URLs and standard input. Each source
// becomes tasks; a task loads into one work item, or into more tasks.

import { createReadStream, readFileSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { isAbsolute, relative, resolve } from "node:path";
import { parseBatchLine } from "../node/input.js";
import { dateFromFileName, decodeText } from "../node/input.js";
import type { DocumentInput } from "../record.js";
import { parseFeed, looksLikeFeed, type FeedItem } from "./feed.js";
import { fetchUrl } from "./fetch.js";
import { declaredCharset } from "./html.js";
import type { WorkItem } from "./item.js";

export interface SourceContext {
  maxBytes: number;
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

const TEXT_EXT = /\.(txt|text|md)$/i;
const HTML_EXT = /\.(html?|xhtml|shtml)$/i;
const JSONL_EXT = /\.(jsonl|ndjson)$/i;
const FEED_EXT = /\.(rss|atom|rdf|xml)$/i;
/** What a directory walk picks up. */
const WALK_PATTERN = "**/*.{txt,text,html,htm,xhtml,jsonl,ndjson,rss,atom,xml}";

const isUrl = (s: string) => /^https?:\/\//i.test(s);
const isGlob = (s: string) => /[*?[\]{}]/.test(s);

function label(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

function readFileBytes(path: string, origin: string, maxBytes: number): Uint8Array {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new LoadError("read", code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot open (${code ?? "error"})`);
  }
  if (st.size > maxBytes) throw new LoadError("read", `${st.size} bytes, larger than the ${maxBytes}-byte limit (raise it with --max-bytes)`);
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new LoadError("read", code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a directory" : `cannot read (${code ?? "error"})`);
  }
  void origin;
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

type Kind = "text" | "html" | "jsonl" | "feed";

function sniff(head: string): Kind {
  const t = head.replace(/^\ufeff/, "").trimStart();
  if (t.startsWith("{")) return "jsonl";
  if (t.startsWith("<")) return looksLikeFeed(t) ? "feed" : "html";
  return "text";
}

function kindOfPath(path: string): Kind | null {
  if (TEXT_EXT.test(path)) return "text";
  if (HTML_EXT.test(path)) return "html";
  if (JSONL_EXT.test(path)) return "jsonl";
  if (FEED_EXT.test(path)) return "feed";
  return null;
}

function textItem(origin: string, sourceKey: string | null, text: string, ctx: SourceContext, extra: Partial<DocumentInput> = {}): WorkItem {
  if (text.trim() === "") throw new LoadError("read", "no text (only whitespace)");
  return { type: "text", origin, sourceKey, input: { text, id: null, date: ctx.defaultDate, title: null, source: null, url: null, ...extra } };
}

function htmlItem(origin: string, sourceKey: string | null, html: string, url: string | null, ctx: SourceContext, fallback: Extract<WorkItem, { type: "html" }>["fallback"] = {}): WorkItem {
  return { type: "html", origin, sourceKey, html, url, fallback, defaultDate: ctx.defaultDate };
}

/** The tasks of a feed's items: fetch each item's page (or use the content the feed carries). */
async function* feedTasks(xml: string, origin: string, ctx: SourceContext): AsyncIterable<Task | SourceFailure> {
  let items: FeedItem[];
  try {
    items = parseFeed(xml).items;
  } catch (err) {
    yield { failed: true, origin, stage: "extract", reason: (err as Error).message };
    return;
  }
  let n = 0;
  for (const it of items) {
    n++;
    const fallback = { title: it.title, date: it.date };
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

function urlTask(url: string, ctx: SourceContext, fallback: { title?: string | null; date?: string | null } = {}): Task {
  return {
    origin: url,
    sourceKey: `url:${url}`,
    async load() {
      let got;
      try {
        got = await fetchUrl(url, { timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes });
      } catch (err) {
        throw new LoadError("fetch", (err as Error).message);
      }
      const ct = got.contentType;
      const head = Buffer.from(got.bytes.subarray(0, 4096)).toString("latin1");
      const kind: Kind = /html/.test(ct) ? "html" : /(rss|atom)\+xml/.test(ct) ? "feed" : /xml/.test(ct) ? (looksLikeFeed(head) ? "feed" : "html") : /text\/plain/.test(ct) ? "text" : sniff(head);
      const charset = charsetOf(ct) ?? (kind === "html" ? declaredCharset(got.bytes) : null);
      const text = decodeBytes(got.bytes, url, charset);
      if (kind === "feed") return feedTasks(text, url, ctx);
      if (kind === "text") return textItem(url, `url:${url}`, text, ctx, { url, title: fallback.title ?? null, date: fallback.date ?? ctx.defaultDate });
      if (kind === "jsonl") return jsonlTasks(text.split(/\r?\n/), url, ctx);
      return htmlItem(url, `url:${url}`, text, got.url, ctx, fallback);
    },
  };
}

function jsonlLineTask(line: string, n: number, origin: string, ctx: SourceContext): Task | SourceFailure | null {
  if (line.trim() === "") return null;
  const lineOrigin = `${origin}:${n}`;
  if (line.length > ctx.maxBytes) return { failed: true, origin: lineOrigin, stage: "read", reason: `line larger than the ${ctx.maxBytes}-byte limit` };
  let input: DocumentInput;
  try {
    input = parseBatchLine(line);
  } catch (err) {
    return { failed: true, origin: lineOrigin, stage: "read", reason: (err as Error).message };
  }
  if (!input.date && ctx.defaultDate) input = { ...input, date: ctx.defaultDate };
  return { origin: lineOrigin, sourceKey: null, knownId: input.id ?? null, load: async () => ({ type: "text", origin: lineOrigin, sourceKey: null, input }) };
}

async function* jsonlTasks(lines: Iterable<string> | AsyncIterable<string>, origin: string, ctx: SourceContext): AsyncIterable<Task | SourceFailure> {
  let n = 0;
  for await (const line of lines) {
    n++;
    const t = jsonlLineTask(line, n, origin, ctx);
    if (t) yield t;
  }
}

async function* jsonlFileTasks(path: string, origin: string, ctx: SourceContext): AsyncIterable<Task | SourceFailure> {
  // The stream opens at the first pull: readline's iterator misses lines (and its end)
  // emitted before iteration starts, and a nested source may wait a while to be pulled.
  const stream = createReadStream(path, { encoding: "utf8" });
  stream.on("error", () => undefined);
  yield* jsonlTasks(createInterface({ input: stream, crlfDelay: Infinity }), origin, ctx);
}

function fileTask(path: string, ctx: SourceContext, forced?: Kind): Task {
  const origin = label(path, ctx.cwd);
  let sourceKey: string | null = null;
  let kind: Kind | null = forced ?? kindOfPath(path);
  try {
    const st = statSync(path);
    if (kind !== "jsonl" && kind !== "feed") sourceKey = `file:${path}:${st.size}:${Math.floor(st.mtimeMs)}`;
  } catch {
    // reported when it loads
  }
  return {
    origin,
    sourceKey,
    async load() {
      if (kind === "jsonl") {
        try {
          statSync(path);
        } catch {
          throw new LoadError("read", "no such file");
        }
        return jsonlFileTasks(path, origin, ctx);
      }
      const bytes = readFileBytes(path, origin, kind === "feed" ? Math.max(ctx.maxBytes, 64 * 1024 * 1024) : ctx.maxBytes);
      if (!kind) kind = sniff(Buffer.from(bytes.subarray(0, 4096)).toString("latin1"));
      if (kind === "jsonl") return jsonlTasks(decodeBytes(bytes, origin).split(/\r?\n/), origin, ctx);
      if (kind === "html") return htmlItem(origin, sourceKey, decodeBytes(bytes, origin, declaredCharset(bytes)), null, ctx);
      const text = decodeBytes(bytes, origin);
      if (kind === "feed") return feedTasks(text, origin, ctx);
      // a date in the file's name is the file's own metadata: it wins over --date's default
      return textItem(origin, sourceKey, text, ctx, { date: dateFromFileName(path) ?? ctx.defaultDate });
    },
  };
}

async function readStdin(stream: NodeJS.ReadableStream, ctx: SourceContext): Promise<WorkItem | AsyncIterable<Task | SourceFailure>> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += b.length;
    // JSON Lines may be long; other input is one document and keeps the byte limit.
    if (total > ctx.maxBytes && sniff(Buffer.concat(chunks.length ? chunks : [b]).subarray(0, 4096).toString("latin1")) !== "jsonl") {
      throw new LoadError("read", `larger than the ${ctx.maxBytes}-byte limit (raise it with --max-bytes)`);
    }
    chunks.push(b);
  }
  const bytes = Buffer.concat(chunks);
  const kind = sniff(bytes.subarray(0, 4096).toString("latin1"));
  const text = decodeBytes(bytes, "stdin", kind === "html" ? declaredCharset(bytes) : null);
  if (kind === "jsonl") return jsonlTasks(text.split(/\r?\n/), "stdin", ctx);
  if (kind === "feed") return feedTasks(text, "stdin", ctx);
  if (kind === "html") return htmlItem("stdin", null, text, null, ctx);
  return textItem("stdin", null, text, ctx);
}

async function* directoryTasks(dir: string, ctx: SourceContext): AsyncIterable<Task | SourceFailure> {
  const files = (await (await import("tinyglobby")).glob(WALK_PATTERN, { cwd: dir, absolute: true, onlyFiles: true, caseSensitiveMatch: false })).sort();
  for (const f of files) yield fileTask(f, ctx);
}

/** Every task of the given sources, in order; problems found on the way come as failures. */
export async function* expandSources(args: readonly string[], ctx: SourceContext): AsyncIterable<Task | SourceFailure> {
  for (const arg of args) {
    if (arg === "-") {
      const stream = ctx.stdin ?? process.stdin;
      yield { origin: "stdin", sourceKey: null, load: () => readStdin(stream, ctx) };
      continue;
    }
    if (isUrl(arg)) {
      yield urlTask(arg, ctx);
      continue;
    }
    const path = resolve(ctx.cwd, arg);
    let st;
    try {
      st = statSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && isGlob(arg)) {
        const matches = (await (await import("tinyglobby")).glob(arg, { cwd: ctx.cwd, absolute: true, onlyFiles: true })).sort();
        if (matches.length === 0) yield { failed: true, origin: arg, stage: "read", reason: "no files match" };
        for (const m of matches) yield fileTask(m, ctx);
        continue;
      }
      yield { failed: true, origin: arg, stage: "read", reason: code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : `cannot open (${code ?? "error"})` };
      continue;
    }
    if (st.isDirectory()) yield* directoryTasks(path, ctx);
    else yield fileTask(path, ctx);
  }
}

/** How many documents the local sources hold (files, JSON Lines lines), for a progress bar; null when unknowable (URLs, stdin). */
export async function countDocuments(args: readonly string[], cwd: string): Promise<number | null> {
  let n = 0;
  let known = true;
  const countFile = async (path: string) => {
    const kind = kindOfPath(path);
    if (kind === "jsonl") {
      let lines = 0;
      let last = 10;
      for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
        last = chunk[chunk.length - 1]!;
      }
      n += lines + (last !== 10 ? 1 : 0);
    } else if (kind === "feed") known = false;
    else n++;
  };
  for (const arg of args) {
    if (arg === "-" || isUrl(arg)) {
      known = false;
      continue;
    }
    const path = resolve(cwd, arg);
    try {
      const st = statSync(path);
      if (st.isDirectory()) for (const f of await (await import("tinyglobby")).glob(WALK_PATTERN, { cwd: path, absolute: true, onlyFiles: true, caseSensitiveMatch: false })) await countFile(f);
      else await countFile(path);
    } catch {
      if (isGlob(arg)) for (const f of await (await import("tinyglobby")).glob(arg, { cwd, absolute: true, onlyFiles: true })) await countFile(f);
      else n++;
    }
  }
  return known ? n : null;
}
