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

/** Parse a gold file's text: a single JSON object or JSON Lines. */
export function parseGold(text: string, label = "gold"): GoldDoc[] {
  const trimmed = text.trim();
  if (trimmed === "") throw new Error(`${label}: empty gold file`);
  let docs: unknown[];
  if (trimmed.startsWith("{") && !/\}\s*\n\s*\{/.test(trimmed)) {
    try {
      docs = [JSON.parse(trimmed)];
    } catch {
      docs = parseLines(trimmed, label);
    }
  } else {
    docs = parseLines(trimmed, label);
  }
  return docs.map((d, i) => {
    if (!d || typeof d !== "object" || typeof (d as GoldDoc).text !== "string") throw new Error(`${label}: record ${i + 1} has no "text"`);
    const g = d as GoldDoc;
    return { ...g, id: g.id ?? `doc-${i + 1}` };
  });
}

function parseLines(text: string, label: string): unknown[] {
  return text
    .split(/\r?\n/)
    .map((l, i) => [l, i] as const)
    .filter(([l]) => l.trim() !== "")
    .map(([l, i]) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        throw new Error(`${label}: line ${i + 1} is not valid JSON`);
      }
    });
}

export const asList = <T>(v: OneOrMany<T> | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
