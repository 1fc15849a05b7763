// Flags shared by the store's commands: --db, the event filters, --format; and
// turning store errors into the CLI's one-line errors.

import type { ParseArgsConfig } from "node:util";
import { openStore, defaultDbPath, StoreError, type EventFilter, type EventStore } from "../store/index.js";
import type { Modality } from "../record.js";
import { UserError } from "./errors.js";
import { checkDate } from "../node/input.js";

export const DB_OPTION = { db: { type: "string" } } as const satisfies ParseArgsConfig["options"];

export const FILTER_OPTIONS = {
  actor: { type: "string", multiple: true },
  country: { type: "string", multiple: true },
  dyad: { type: "string" },
  both: { type: "boolean" },
  code: { type: "string", multiple: true },
  root: { type: "string", multiple: true },
  plover: { type: "string", multiple: true },
  quad: { type: "string", multiple: true },
  since: { type: "string" },
  until: { type: "string" },
  modality: { type: "string", multiple: true },
  source: { type: "string", multiple: true },
  text: { type: "string" },
  doc: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

export const FILTER_HELP = `filters (repeat a flag, or give a comma list, for any of several values):
  --actor A         source or target actor: a code or its start (KORGOV, IGOUNO),
                    or part of a name ("Moon")
  --country C       source or target country (KOR, PRK, or an IGO code)
  --dyad A:B        source A, target B (countries or actor codes); --both adds B:A
  --code C          CAMEO event code (042, 1712)      --root R   CAMEO root (04, 17)
  --plover T        PLOVER type (CONSULT, ASSAULT)    --quad Q   QuadClass 1-4
  --since D         events on or after D (YYYY-MM-DD, the event's date, not publication)
  --until D         events on or before D
  --modality M      asserted, negated, hypothetical, future
  --source S        publisher of a reporting article (VOA, CGTN)
  --text WORDS      full-text search over evidence and articles (FTS5 syntax allowed)
  --doc ID          events reported by one document`;

const list = (values: readonly string[] | undefined) => values?.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");

const MODALITIES = new Set(["asserted", "negated", "hypothetical", "future"]);

type FilterValues = { [K in keyof typeof FILTER_OPTIONS]?: (typeof FILTER_OPTIONS)[K] extends { multiple: true } ? string[] : (typeof FILTER_OPTIONS)[K] extends { type: "boolean" } ? boolean : string };

/** The event filter of parsed flags, each value checked. */
export function filterOf(values: FilterValues): EventFilter {
  const f: EventFilter = {};
  const codes = (flag: string, vs: string[] | undefined, re: RegExp, what: string) => {
    const l = list(vs);
    if (!l) return undefined;
    for (const v of l) if (!re.test(v)) throw new UserError(`--${flag}: "${v}" is not ${what}`);
    return l;
  };
  f.actor = list(values.actor);
  f.country = codes("country", values.country?.map((c) => c.toUpperCase()), /^[A-Z0-9]{3,9}$/, "a country code (KOR, USA, IGOUNO)");
  if (values.dyad !== undefined) {
    const m = /^([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(values.dyad.trim());
    if (!m) throw new UserError(`--dyad: "${values.dyad}" is not SOURCE:TARGET (for example KOR:PRK)`);
    f.dyad = { a: m[1]!.toUpperCase(), b: m[2]!.toUpperCase(), both: values.both ?? false };
  } else if (values.both) throw new UserError("--both goes with --dyad");
  f.code = codes("code", values.code, /^\d{2,4}$/, "a CAMEO code (two to four digits)");
  f.root = codes("root", values.root, /^\d{1,2}$/, "a CAMEO root (01-20)")?.map((r) => r.padStart(2, "0"));
  f.plover = codes("plover", values.plover?.map((p) => p.toUpperCase()), /^[A-Z]+$/, "a PLOVER type");
  const quads = codes("quad", values.quad, /^[1-4]$/, "a QuadClass (1-4)");
  if (quads) f.quad = quads.map(Number);
  if (values.since !== undefined) f.since = checkDate(values.since, "--since");
  if (values.until !== undefined) f.until = checkDate(values.until, "--until");
  if (f.since && f.until && f.since > f.until) throw new UserError("--since is after --until");
  const mods = list(values.modality);
  if (mods) {
    for (const m of mods) if (!MODALITIES.has(m)) throw new UserError(`--modality: "${m}" is not one of asserted, negated, hypothetical, future`);
    f.modality = mods as Modality[];
  }
  f.source = list(values.source);
  if (values.text !== undefined) {
    if (values.text.trim() === "") throw new UserError("--text: empty search");
    f.text = values.text;
  }
  if (values.doc !== undefined) f.docId = values.doc;
  for (const k of Object.keys(f) as (keyof EventFilter)[]) if (f[k] === undefined) delete f[k];
  return f;
}

/** `--analyzer M[#E]`: export E (default createRecordMaker) of module M as the analyser. */
export function analyzerOf(value: string | undefined): { module: string; export?: string } | undefined {
  if (value === undefined) return undefined;
  const [module, exp] = value.split("#");
  if (!module) throw new UserError("--analyzer: give a module path");
  return { module, export: exp || undefined };
}

/** `--jobs N`: analyser threads, 0 (analyse inline) to 64. */
export function jobsOf(value: string | undefined, fallback: number): number {
  const n = positiveInt(value, "--jobs", fallback, true);
  if (n > 64) throw new UserError("--jobs must be at most 64");
  return n;
}

export function positiveInt(value: string | undefined, flag: string, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || (!allowZero && n === 0)) throw new UserError(`${flag} must be a ${allowZero ? "non-negative" : "positive"} whole number`);
  return n;
}

/** Run with an open store; store errors become one-line CLI errors. */
export async function withStore<T>(db: string | undefined, options: { readonly?: boolean }, fn: (store: EventStore) => Promise<T>): Promise<T> {
  let store: EventStore;
  try {
    store = await openStore(defaultDbPath(db), { readonly: options.readonly });
  } catch (err) {
    if (err instanceof StoreError) throw new UserError(err.message, err.exitCode);
    throw err;
  }
  try {
    return await fn(store);
  } catch (err) {
    if (err instanceof StoreError) throw new UserError(err.message, err.exitCode);
    throw err;
  } finally {
    await store.close();
  }
}

export function formatOf(value: string | undefined, allowed: readonly string[], tty: string, piped: string): string {
  const f = value ?? (process.stdout.isTTY ? tty : piped);
  if (!allowed.includes(f)) throw new UserError(`--format must be one of ${allowed.join(", ")}, not "${f}"`);
  return f;
}

/** Write to stdout, resolving once the chunk is handed off (so large outputs keep memory flat). */
export function out(s: string): Promise<void> | void {
  if (!process.stdout.write(s)) return new Promise((r) => process.stdout.once("drain", () => r()));
}

export const clip = (s: string, n: number): string => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length <= n ? flat : flat.slice(0, Math.max(0, n - 1)) + "…";
};

export const color = (on: boolean) => ({
  bold: (s: string) => (on ? `\x1b[1m${s}\x1b[22m` : s),
  dim: (s: string) => (on ? `\x1b[2m${s}\x1b[22m` : s),
  red: (s: string) => (on ? `\x1b[31m${s}\x1b[39m` : s),
  green: (s: string) => (on ? `\x1b[32m${s}\x1b[39m` : s),
  yellow: (s: string) => (on ? `\x1b[33m${s}\x1b[39m` : s),
  cyan: (s: string) => (on ? `\x1b[36m${s}\x1b[39m` : s),
  underline: (s: string) => (on ? `\x1b[4m${s}\x1b[24m` : s),
});
