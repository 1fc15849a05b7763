// Gold files (shared/contract/gold-format.md): one JSON object, or JSON Lines.

export type OneOrMany<T> = T | T[];

export interface GoldEvent {
  source?: (string | null)[] | null;
  target?: (string | null)[] | null;
  root?: OneOrMany<string>;
  plover?: OneOrMany<string>;
  code?: OneOrMany<string>;
  date?: string;
  dateRange?: [string, string];
  symmetric?: boolean;
  optional?: boolean;
  note?: string;
}

export interface GoldTimex {
  text: string;
  type: string;
  value: string;
  optional?: boolean;
  start?: number;
  end?: number;
}

export interface GoldQuote {
  text: string;
  speaker?: string | null;
  speakerCountry?: string | null;
  kind?: "direct" | "indirect";
  optional?: boolean;
  start?: number;
  end?: number;
}

export interface GoldEntity {
  text: string;
  type: string;
  country?: string | null;
  code?: string | null;
  optional?: boolean;
  start?: number;
  end?: number;
}

export interface GoldDocument {
  title?: string | null;
  source?: string | null;
  captions?: { credit?: string | null; startsWith: string }[];
  related?: string[];
  notBody?: string[];
  bodyIncludes?: string[];
}

export interface GoldDoc {
  id: string;
  text: string;
  date?: string | null;
  title?: string | null;
  source?: string | null;
  events?: GoldEvent[];
  noEvents?: boolean;
  quad?: number;
  timexes?: GoldTimex[];
  quotes?: GoldQuote[];
  entities?: GoldEntity[];
  document?: GoldDocument;
}

/** Parse a gold file's text: a single JSON object or JSON Lines. Malformed records are refused with their line. */
export function parseGold(text: string, label = "gold"): GoldDoc[] {
  const trimmed = text.trim();
  if (trimmed === "") throw new Error(`${label}: empty gold file`);
  let docs: [unknown, number][];
  if (trimmed.startsWith("{") && !/\}\s*\n\s*\{/.test(trimmed)) {
    try {
      docs = [[JSON.parse(trimmed), 1]];
    } catch {
      docs = parseLines(trimmed, label);
    }
  } else {
    docs = parseLines(trimmed, label);
  }
  return docs.map(([d, line], i) => {
    const problem = goldProblem(d);
    if (problem) throw new Error(`${label}: ${docs.length > 1 ? `line ${line}: ` : ""}${problem}`);
    const g = d as GoldDoc;
    return { ...g, id: g.id ?? `doc-${i + 1}` };
  });
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const isStr = (v: unknown): v is string => typeof v === "string";
const isCodes = (v: unknown) => v === null || (Array.isArray(v) && v.every((c) => c === null || isStr(c)));
const isOneOrMany = (v: unknown) => v === undefined || isStr(v) || (Array.isArray(v) && v.every(isStr));
const isList = (v: unknown) => v === undefined || Array.isArray(v);

/** What is wrong with a gold record, or null when it has the shape gold-format.md describes. */
function goldProblem(d: unknown): string | null {
  if (!d || typeof d !== "object" || Array.isArray(d)) return "not a JSON object";
  const g = d as Record<string, unknown>;
  if (!isStr(g.text)) return 'no "text" string';
  if (g.date !== undefined && g.date !== null && !(isStr(g.date) && /^\d{4}-\d{2}-\d{2}$/.test(g.date))) return '"date" is not YYYY-MM-DD';
  if (g.quad !== undefined && !(Number.isInteger(g.quad) && (g.quad as number) >= 0 && (g.quad as number) <= 4)) return '"quad" is not an integer from 0 to 4';
  for (const k of ["events", "timexes", "quotes", "entities"]) if (!isList(g[k])) return `"${k}" is not a list`;
  for (const [i, e] of ((g.events as unknown[]) ?? []).entries()) {
    const ev = e as Record<string, unknown>;
    if (!ev || typeof ev !== "object") return `events[${i}] is not an object`;
    if (ev.source !== undefined && !isCodes(ev.source)) return `events[${i}].source is not a list of codes`;
    if (ev.target !== undefined && !isCodes(ev.target)) return `events[${i}].target is not a list of codes`;
    if (!isOneOrMany(ev.root) || !isOneOrMany(ev.plover) || !isOneOrMany(ev.code)) return `events[${i}]: root, plover and code are strings or lists of strings`;
    if (ev.date !== undefined && !(isStr(ev.date) && DATE.test(ev.date))) return `events[${i}].date is not YYYY[-MM[-DD]]`;
    if (ev.dateRange !== undefined && !(Array.isArray(ev.dateRange) && ev.dateRange.length === 2 && ev.dateRange.every((x) => isStr(x) && DATE.test(x))))
      return `events[${i}].dateRange is not two dates`;
  }
  for (const k of ["timexes", "quotes", "entities"]) {
    for (const [i, x] of ((g[k] as unknown[]) ?? []).entries()) {
      if (!x || typeof x !== "object" || !isStr((x as { text?: unknown }).text)) return `${k}[${i}] has no "text" string`;
    }
  }
  for (const [i, t] of ((g.timexes as Record<string, unknown>[]) ?? []).entries()) if (!isStr(t.value)) return `timexes[${i}] has no "value" string`;
  for (const [i, t] of ((g.entities as Record<string, unknown>[]) ?? []).entries()) if (!isStr(t.type)) return `entities[${i}] has no "type" string`;
  return null;
}

function parseLines(text: string, label: string): [unknown, number][] {
  return text
    .split(/\r?\n/)
    .map((l, i) => [l, i + 1] as const)
    .filter(([l]) => l.trim() !== "")
    .map(([l, line]): [unknown, number] => {
      try {
        return [JSON.parse(l), line];
      } catch {
        throw new Error(`${label}: line ${line} is not valid JSON`);
      }
    });
}

export const asList = <T>(v: OneOrMany<T> | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
