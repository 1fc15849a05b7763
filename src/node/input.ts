// Reading documents for the CLI and ingest: files or stdin, checked and decoded strictly,
// so that bad input gets a one-line reason instead of a stack trace.

import { createReadStream, openSync, readSync, closeSync, fstatSync, statSync } from "node:fs";
import type { DocumentInput } from "../record.js";
import { UserError } from "./errors.js";

/** Inputs larger than this are refused unless --max-bytes says otherwise (documented in the README). */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decode bytes as UTF-8 text, refusing binary data and invalid UTF-8. */
export function decodeText(bytes: Uint8Array, label: string): string {
  if (bytes.length === 0) throw new UserError(`${label}: empty input`);
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) throw new UserError(`${label}: binary data, not text`);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new UserError(`${label}: not valid UTF-8 text`);
  }
  if (text.trim() === "") throw new UserError(`${label}: no text (only whitespace)`);
  return text;
}

function readAllFd(fd: number, label: string, maxBytes: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue;
      if (code === "EOF") break;
      throw new UserError(`${label}: cannot read (${code ?? "error"})`);
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new UserError(`${label}: larger than the ${maxBytes}-byte limit (raise it with --max-bytes)`);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/** The bytes of a file, or of stdin for "-". */
export function readInputBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  if (path === "-") return readAllFd(0, "stdin", maxBytes);
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${path}: no such file`);
    if (code === "EACCES") throw new UserError(`${path}: permission denied`);
    throw new UserError(`${path}: cannot open (${code ?? "error"})`);
  }
  if (st.isDirectory()) throw new UserError(`${path}: is a directory, not a file`);
  if (st.isFile() && st.size > maxBytes) throw new UserError(`${path}: ${st.size} bytes, larger than the ${maxBytes}-byte limit (raise it with --max-bytes)`);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(code === "EACCES" ? `${path}: permission denied` : `${path}: cannot open (${code ?? "error"})`);
  }
  try {
    fstatSync(fd);
    return readAllFd(fd, path, maxBytes);
  } finally {
    closeSync(fd);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid calendar date in YYYY-MM-DD, or a UserError naming the flag. */
export function checkDate(value: string, flag: string): string {
  const m = ISO_DATE.exec(value);
  if (m) {
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    if (d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!) return value;
  }
  throw new UserError(`${flag}: "${value}" is not a date in the form YYYY-MM-DD`);
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The lines of a file or stdin ("-") as raw bytes, without their line breaks (LF
 * or CRLF), streamed. Decoding is the caller's, so that one undecodable line is
 * one bad line. A line over `maxBytes` is yielded as null (too large) and skipped.
 */
export async function* readLines(path: string, maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<Uint8Array | null> {
  if (path !== "-") {
    let st;
    try {
      st = statSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UserError(code === "ENOENT" ? `${path}: no such file` : `${path}: cannot open (${code ?? "error"})`);
    }
    if (st.isDirectory()) throw new UserError(`${path}: is a directory, not a file`);
  }
  const stream = path === "-" ? process.stdin : createReadStream(path);
  const label = path === "-" ? "stdin" : path;
  try {
    yield* splitLines(stream as AsyncIterable<Buffer>, maxBytes);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${label}: cannot read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/**
 * The lines of a stream of bytes (LF or CRLF line breaks), as raw bytes; a line
 * over `maxBytes` comes as null and is never held in memory whole.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<Uint8Array | null> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let oversized = false;
  const flush = (): Uint8Array | null => {
    const line = oversized ? null : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    oversized = false;
    if (line && line.length && line[line.length - 1] === 0x0d) return line.subarray(0, line.length - 1);
    return line;
  };
  for await (const raw of chunks) {
    const chunk = typeof raw === "string" ? Buffer.from(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      if (!oversized) pending.push(chunk.subarray(from, nl));
      pendingBytes += nl - from;
      if (pendingBytes > maxBytes) oversized = true;
      yield flush();
      from = nl + 1;
    }
    if (from < chunk.length) {
      pendingBytes += chunk.length - from;
      if (pendingBytes > maxBytes) {
        oversized = true;
        pending = [];
      }
      if (!oversized) pending.push(chunk.subarray(from));
    }
  }
  if (pendingBytes > 0) yield flush();
}

/** Decode one line of a batch strictly as UTF-8 (a bad line is that line's error). */
export function decodeLine(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Error("not valid UTF-8 text");
  }
}

/**
 * A publication date written in a file's name ("cgtn-2020-07-01-moon-summit.txt",
 * "2019_06_30_reuters.txt"), as scrapers and archives often save articles: file
 * metadata, used when the caller gives no --date. Null when the name has none.
 */
export function dateFromFileName(path: string): string | null {
  const name = path.split(/[\\/]/).pop() ?? "";
  const m = /(?:^|[^0-9])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?![0-9])/.exec(name);
  if (!m) return null;
  try {
    return checkDate(`${m[1]}-${m[2]}-${m[3]}`, "file name");
  } catch {
    return null;
  }
}

/** Parse and check one batch line: an object with a string `text`. */
export function parseBatchLine(line: string): DocumentInput {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    throw new Error("not valid JSON");
  }
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw new Error("not a JSON object");
  const o = obj as Record<string, unknown>;
  if (typeof o.text !== "string") throw new Error('no "text" string');
  if (o.text.trim() === "") throw new Error("empty text");
  const str = (k: string): string | null => {
    const v = o[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== "string" && typeof v !== "number") throw new Error(`"${k}" must be a string`);
    return String(v);
  };
  const date = str("date");
  if (date !== null) checkDate(date.slice(0, 10), '"date"');
  return { text: o.text, id: str("id"), date: date?.slice(0, 10) ?? null, title: str("title"), source: str("source"), url: str("url") };
}
