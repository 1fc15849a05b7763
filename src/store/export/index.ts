// Exports of the store's events: GDELT 2.0 event rows, PLOVER JSON, JSON Lines
// (events with every report), CSV and Parquet (a flat table pandas, R's arrow and
// DuckDB read).

import { ENGINE_VERSION } from "../../version.js";
import type { EventFilter, EventStore, StoredEvent } from "../types.js";
import { GDELT_COLUMNS, gdeltLine } from "./gdelt.js";
import { ploverContexts, ploverRecord } from "./plover.js";

export { GDELT_COLUMNS, gdeltActor, gdeltLine, gdeltRow, geoType, globalEventId, isCountryPlace } from "./gdelt.js";
export { ploverActor, ploverContexts, ploverRecord } from "./plover.js";

export const EXPORT_FORMATS = ["gdelt", "plover", "jsonl", "csv", "parquet"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type Cell = string | number | boolean | null;
type ColumnType = "STRING" | "INT32" | "DOUBLE" | "BOOLEAN";

/** The flat table of CSV and Parquet: one row per event. */
export const TABLE_COLUMNS: { name: string; type: ColumnType; get: (e: StoredEvent) => Cell }[] = [
  { name: "id", type: "STRING", get: (e) => e.id },
  { name: "date", type: "STRING", get: (e) => e.date },
  { name: "date_precision", type: "STRING", get: (e) => e.datePrecision },
  { name: "cameo", type: "STRING", get: (e) => e.cameo },
  { name: "root", type: "STRING", get: (e) => e.root },
  { name: "plover", type: "STRING", get: (e) => e.plover },
  { name: "mode", type: "STRING", get: (e) => e.mode },
  { name: "quad", type: "INT32", get: (e) => e.quad },
  { name: "goldstein", type: "DOUBLE", get: (e) => e.goldstein },
  { name: "modality", type: "STRING", get: (e) => e.modality },
  { name: "source_code", type: "STRING", get: (e) => e.source?.code ?? null },
  { name: "source_country", type: "STRING", get: (e) => e.source?.country ?? null },
  { name: "source_name", type: "STRING", get: (e) => e.source?.name ?? null },
  { name: "target_code", type: "STRING", get: (e) => e.target?.code ?? null },
  { name: "target_country", type: "STRING", get: (e) => e.target?.country ?? null },
  { name: "target_name", type: "STRING", get: (e) => e.target?.name ?? null },
  { name: "location", type: "STRING", get: (e) => e.location?.name ?? null },
  { name: "location_country", type: "STRING", get: (e) => e.location?.country ?? null },
  { name: "lat", type: "DOUBLE", get: (e) => e.location?.lat ?? null },
  { name: "lon", type: "DOUBLE", get: (e) => e.location?.lon ?? null },
  { name: "num_mentions", type: "INT32", get: (e) => e.numMentions },
  { name: "num_sources", type: "INT32", get: (e) => e.numSources },
  { name: "num_articles", type: "INT32", get: (e) => e.numArticles },
  { name: "is_root", type: "BOOLEAN", get: (e) => e.isRoot },
  { name: "first_doc", type: "STRING", get: (e) => e.firstDoc },
  { name: "first_url", type: "STRING", get: (e) => e.firstUrl },
  { name: "first_seen", type: "STRING", get: (e) => e.firstSeen },
  { name: "last_seen", type: "STRING", get: (e) => e.lastSeen },
  { name: "evidence", type: "STRING", get: (e) => e.evidence },
];

export function csvCell(v: Cell): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return TABLE_COLUMNS.map((c) => c.name).join(",");
}

export function csvLine(e: StoredEvent): string {
  return TABLE_COLUMNS.map((c) => csvCell(c.get(e))).join(",");
}

export interface ExportOptions {
  /** Add a header line to GDELT output (GDELT's own files have none). */
  header?: boolean;
  /** Rows per Parquet row group. */
  rowGroupSize?: number;
}

export interface ExportResult {
  rows: number;
  /** Events a format cannot hold (PLOVER drops CAMEO 01 and 02). */
  skipped: number;
}

/** Write events as text lines (gdelt, plover, jsonl, csv) through `write`. */
export async function exportText(
  store: EventStore,
  format: Exclude<ExportFormat, "parquet">,
  filter: EventFilter,
  write: (chunk: string) => void | Promise<void>,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const withMentions = format === "plover" || format === "jsonl";
  let rows = 0;
  let skipped = 0;
  let buf = "";
  const push = async (line: string) => {
    buf += line + "\n";
    if (buf.length > 1 << 16) {
      const b = buf;
      buf = "";
      await write(b);
    }
  };
  if (format === "csv") await push(csvHeader());
  if (format === "gdelt" && options.header) await push(GDELT_COLUMNS.join("\t"));
  const coder = `dyad ${ENGINE_VERSION}`;
  const byCode = format === "plover" ? await ploverContexts() : new Map<string, string[]>();
  for await (const e of store.iterateEvents(filter, { withMentions })) {
    if (format === "gdelt") await push(gdeltLine(e));
    else if (format === "csv") await push(csvLine(e));
    else if (format === "jsonl") await push(JSON.stringify(e));
    else {
      const rec = ploverRecord(e, coder, byCode);
      if (!rec) {
        skipped++;
        continue;
      }
      await push(JSON.stringify(rec));
    }
    rows++;
  }
  if (buf) await write(buf);
  return { rows, skipped };
}

/** Write events to a Parquet file, one row group per `rowGroupSize` events. */
export async function exportParquet(store: EventStore, filter: EventFilter, path: string, options: ExportOptions = {}): Promise<ExportResult> {
  const { ParquetWriter, fileWriter, schemaFromColumnData } = await import("hyparquet-writer");
  const groupSize = options.rowGroupSize ?? 100_000;
  const empty = () => TABLE_COLUMNS.map(() => [] as Cell[]);
  const columnsOf = (data: Cell[][]) => TABLE_COLUMNS.map((c, i) => ({ name: c.name, data: data[i]!, type: c.type, nullable: true }));
  const schema = schemaFromColumnData({ columnData: columnsOf(empty()) as never });
  const writer = new ParquetWriter({ writer: fileWriter(path), schema, createdBy: `dyad ${ENGINE_VERSION}` });
  let data = empty();
  let n = 0;
  let rows = 0;
  const flush = async () => {
    if (n === 0) return;
    await writer.write({ columnData: columnsOf(data) as never, rowGroupSize: n });
    data = empty();
    n = 0;
  };
  for await (const e of store.iterateEvents(filter)) {
    TABLE_COLUMNS.forEach((c, i) => data[i]!.push(c.get(e)));
    n++;
    rows++;
    if (n >= groupSize) await flush();
  }
  await flush();
  writer.finish();
  return { rows, skipped: 0 };
}
