// Hand-built analysis records for the store's tests.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AnalysisRecord, EventRecord } from "../../src/record.js";

export interface EventSpec {
  cameo: string;
  src: string | null;
  tgt?: string | null;
  date?: string | null;
  precision?: "day" | "month" | "year" | null;
  modality?: EventRecord["modality"];
  place?: { name: string; country: string | null; lat?: number | null; lon?: number | null } | null;
  evidence?: string;
  srcName?: string;
  tgtName?: string;
}

const QUAD = (root: number) => (root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4);

/** A record whose text holds each event's evidence sentence, in order. */
export function makeRecord(opts: { id: string; date: string; source?: string | null; title?: string | null; url?: string | null; events: EventSpec[]; engine?: string }): AnalysisRecord {
  let text = (opts.title ?? `Report ${opts.id}`) + "\n\n";
  const events: EventRecord[] = [];
  const bodyStart = text.length;
  opts.events.forEach((s, i) => {
    const sentence = s.evidence ?? `${s.srcName ?? s.src ?? "Someone"} acted (${s.cameo}) toward ${s.tgtName ?? s.tgt ?? "nobody"} on ${s.date ?? "some day"}.`;
    const start = text.length;
    text += sentence + " ";
    const country = (code: string | null | undefined) => (code ? (code.startsWith("IGO") ? code : code.slice(0, 3)) : null);
    events.push({
      id: `${opts.id}#${i}`,
      cameo: s.cameo,
      plover: null,
      mode: null,
      quad: QUAD(+s.cameo.slice(0, 2)),
      goldstein: +s.cameo.slice(0, 2) >= 10 ? -5 : 3,
      source: s.src ? { code: s.src, country: country(s.src), name: s.srcName ?? s.src, start, end: start + 1 } : null,
      target: s.tgt ? { code: s.tgt, country: country(s.tgt), name: s.tgtName ?? s.tgt, start, end: start + 1 } : null,
      date: s.date ?? null,
      datePrecision: s.date ? (s.precision ?? (s.date.length === 10 ? "day" : s.date.length === 7 ? "month" : "year")) : null,
      modality: s.modality ?? "asserted",
      location: s.place ? { name: s.place.name, country: s.place.country, lat: s.place.lat ?? null, lon: s.place.lon ?? null } : null,
      evidence: { start, end: start + sentence.length, text: sentence },
      sentence: i,
    });
  });
  return {
    schemaVersion: 1,
    id: opts.id,
    date: opts.date,
    dateInferred: false,
    title: opts.title ?? `Report ${opts.id}`,
    source: opts.source ?? null,
    url: opts.url ?? null,
    text,
    body: [{ start: bodyStart, end: text.length }],
    captions: [],
    related: [],
    sentences: [],
    entities: [],
    timexes: [],
    quotes: [],
    events,
    engine: opts.engine ?? "test",
  };
}

/** A temporary folder removed by the returned function. */
export function tempDir(prefix = "dyad-store-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
