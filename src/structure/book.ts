// The structure stage's data: photo-credit agencies, link-list headers and page
// furniture words, read from data/structure/ (a user's DYAD_DATA files add rows).

import { readTsv, type DataSource } from "../pipeline/resources.js";

export interface StructureBook {
  /** Lower-cased credit name ("reuters", "ap photo" stripped to "ap") → the agency reported ("Reuters"). */
  credits: Map<string, string>;
  /** Lower-cased credit names of picture agencies, whose bare "(Getty Images)" marks a caption. */
  photoAgencies: Set<string>;
  /** Lower-cased link-list headers without a trailing colon ("read more"). */
  linkHeaders: Set<string>;
  /** Lower-cased words a junk line may be made of ("share", "tweet"). */
  junkWords: Set<string>;
  /** Lower-cased phrases a short junk line may start with ("follow us"). */
  junkPrefixes: string[];
}

/** Collapse runs of whitespace and lower-case: the key data lists are matched on. */
export function normKey(s: string): string {
  return s.replace(/[\s\u00a0]+/g, " ").trim().toLowerCase();
}

export function buildStructureBook(data: DataSource): StructureBook {
  const credits = new Map<string, string>();
  const photoAgencies = new Set<string>();
  for (const row of readTsv(data, "structure/credits.tsv")) {
    const name = normKey(row.name ?? "");
    const agency = (row.agency ?? "").trim();
    if (!name || !agency) continue;
    credits.set(name, agency);
    if ((row.kind ?? "").trim() === "photo") photoAgencies.add(name);
    else photoAgencies.delete(name);
  }
  const linkHeaders = new Set<string>();
  for (const row of readTsv(data, "structure/link-headers.tsv")) {
    const h = normKey(row.header ?? "").replace(/\s*:$/, "");
    if (h) linkHeaders.add(h);
  }
  const junkWords = new Set<string>();
  const junkPrefixes: string[] = [];
  for (const row of readTsv(data, "structure/junk.tsv")) {
    const t = normKey(row.text ?? "");
    if (!t) continue;
    if ((row.kind ?? "").trim() === "prefix") junkPrefixes.push(t);
    else junkWords.add(t);
  }
  return { credits, photoAgencies, linkHeaders, junkWords, junkPrefixes };
}

/** An empty book (rules without lists), for callers that have no data files. */
export const EMPTY_BOOK: StructureBook = {
  credits: new Map(),
  photoAgencies: new Set(),
  linkHeaders: new Set(),
  junkWords: new Set(),
  junkPrefixes: [],
};
