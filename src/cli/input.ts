// Reading documents for the CLI: files or stdin, checked and decoded strictly,
// so that bad input gets a one-line reason instead of a stack trace.

import { openSync, readSync, closeSync, fstatSync, statSync } from "node:fs";
import { UserError } from "./errors.js";

/** Inputs larger than this are refused unless --max-bytes says otherwise (documented in the README). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

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

/** A text document from a file or stdin, decoded (the decoder drops a leading byte-order mark). */
export function readTextInput(path: string, maxBytes = DEFAULT_MAX_BYTES): string {
  return decodeText(readInputBytes(path, maxBytes), path === "-" ? "stdin" : path);
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
