// Resources: the lexicons and books the stages read, loaded once and shared.
// The core never touches the file system: a DataSource hands it the text of data
// files, and each stage parses what it needs the first time it asks.

/** Gives the text of the data files under data/ (paths like "actors/people.tsv"). */
export interface DataSource {
  /**
   * Every version of a data file, the package's own first, then any a user adds
   * (a user's file with the same path adds or overrides entries). Empty when none.
   */
  read(path: string): string[];
}

/** A DataSource over files held in memory (tests, browsers, bundles). */
export function memoryDataSource(files: Record<string, string | string[]>): DataSource {
  return {
    read(path) {
      const f = files[path];
      if (f === undefined) return [];
      return Array.isArray(f) ? f : [f];
    },
  };
}

/**
 * The loaded resources of one analyser. Each stage builds its own part lazily
 * through `use`, so a command that needs only dates never loads the actor book.
 */
export class Resources {
  private readonly built = new Map<string, unknown>();

  constructor(readonly data: DataSource) {}

  use<T>(key: string, build: (data: DataSource, resources: Resources) => T): T {
    if (this.built.has(key)) return this.built.get(key) as T;
    const value = build(this.data, this);
    this.built.set(key, value);
    return value;
  }
}

/** Rows of a TSV data file: a header row, `#` comments and blank lines skipped. */
export function parseTsv(text: string): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  let header: string[] | null = null;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === "" || raw.startsWith("#")) continue;
    const cells = raw.split("\t");
    if (!header) {
      header = cells.map((c) => c.trim());
      continue;
    }
    const row: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) row[header[i]!] = (cells[i] ?? "").trim();
    rows.push(row);
  }
  return rows;
}

/** Every row of every version of a TSV data file, in order (later rows may override earlier ones). */
export function readTsv(data: DataSource, path: string): Record<string, string>[] {
  return data.read(path).flatMap(parseTsv);
}

/** JSON with `//` line comments allowed, so people can annotate data files. */
export function parseJsonc<T = unknown>(text: string): T {
  const stripped = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*/g, (m, str: string | undefined) => str ?? "");
  return JSON.parse(stripped) as T;
}
