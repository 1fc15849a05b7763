// A stand-in analyser for ingest tests: it codes one event per line of the form
//   EVENT <cameo> <SOURCE> <TARGET|-> <date|-> [place]
// and throws on a line "CRASH" (or on any text holding $STUB_FAIL), so tests get
// events without the real pipeline. Its engine version comes from $STUB_ENGINE
// (default "stub-1"). Without a date it takes today's, and says so (dateSource).

import { contentHash } from "../../src/pipeline/hash.js";
import type { AnalysisRecord, DocumentInput, EventRecord } from "../../src/record.js";

const LINE = /^EVENT (\d{2,4}) ([A-Z0-9]+) ([A-Z0-9]+|-) (\d{4}(?:-\d{2}(?:-\d{2})?)?|-)(?: (.+))?$/gm;

export function stubRecord(input: DocumentInput, options: { date?: string | null; today?: string | null } = {}): AnalysisRecord {
  const text = input.text;
  if (/^CRASH$/m.test(text) || (process.env.STUB_FAIL && text.includes(process.env.STUB_FAIL))) throw new Error("the stub analyser was told to fail");
  const id = input.id ?? contentHash(text);
  const events: EventRecord[] = [];
  for (const m of text.matchAll(LINE)) {
    const [line, cameo, src, tgt, date, place] = m;
    const start = m.index!;
    const root = +cameo!.slice(0, 2);
    events.push({
      id: `${id}#${events.length}`,
      cameo: cameo!,
      plover: root <= 2 ? null : root === 4 ? "CONSULT" : root >= 18 ? "ASSAULT" : "ACCUSE",
      mode: null,
      quad: root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4,
      goldstein: root <= 9 ? 4 : -6,
      source: { code: src!, country: src!.slice(0, 3), name: src!, start: start + 10, end: start + 10 + src!.length },
      target: tgt === "-" ? null : { code: tgt!, country: tgt!.slice(0, 3), name: tgt!, start, end: start + 1 },
      date: date === "-" ? null : date!,
      datePrecision: date === "-" ? null : date!.length === 10 ? "day" : date!.length === 7 ? "month" : "year",
      modality: "asserted",
      location: place ? { name: place, country: src!.slice(0, 3), lat: null, lon: null } : null,
      evidence: { start, end: start + line!.length, text: line! },
      sentence: events.length,
    });
  }
  return {
    schemaVersion: 1,
    id,
    date: input.date ?? options.date ?? options.today ?? "2000-01-01",
    dateInferred: !input.date,
    dateSource: input.date ? "input" : options.date ? "option" : "today",
    title: input.title ?? null,
    source: input.source ?? null,
    url: input.url ?? null,
    text,
    body: [{ start: 0, end: text.length }],
    captions: [],
    related: [],
    sentences: [],
    entities: events.flatMap((e) => (e.source ? [{ start: e.source.start, end: e.source.end, text: e.source.code, type: "GPE" as const, actor: { code: e.source.code, country: e.source.country, name: e.source.name } }] : [])),
    timexes: [],
    quotes: [],
    events,
    engine: process.env.STUB_ENGINE ?? "stub-1",
  };
}

export function createRecordMaker() {
  return { analyze: stubRecord };
}
