// A stand-in analyser for the ingest benchmark: it reads the events a synthetic
// document spells out, one line each ("EV cameo src country tgt country date
// precision modality place lat lon", "-" for none), so that an ingest of synthetic
// news costs what ingest itself costs, with the merge groups of bench/synthetic.ts.

import type { AnalysisRecord, DocumentInput, EventRecord } from "../src/record.js";
import { documentId } from "../src/pipeline/hash.js";
import { SyntheticNews } from "./synthetic.js";

const nil = (s: string) => (s === "-" ? null : s);

/** A synthetic record as the text the stand-in reads back. */
export function spell(r: AnalysisRecord): string {
  return [
    `Synthetic report ${r.id}.`,
    ...r.events.map((e) =>
      ["EV", e.cameo, e.source?.code ?? "-", e.source?.country ?? "-", e.target?.code ?? "-", e.target?.country ?? "-", e.date ?? "-", e.datePrecision ?? "-", e.modality, e.location?.name ?? "-", e.location?.lat ?? "-", e.location?.lon ?? "-"].join(" "),
    ),
  ].join("\n");
}

export { SyntheticNews };

const PLOVER: Record<string, string> = { "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "11": "ACCUSE", "19": "FIGHT" };

export function createRecordMaker() {
  return {
    analyze(input: DocumentInput, options: { today?: string | null } = {}): AnalysisRecord {
      const text = input.text;
      const id = documentId(input);
      const events: EventRecord[] = [];
      let at = 0;
      for (const line of text.split("\n")) {
        const start = at;
        at += line.length + 1;
        if (!line.startsWith("EV ")) continue;
        const [, cameo, src, sc, tgt, tc, date, precision, modality, place, lat, lon] = line.split(" ");
        const root = +cameo!.slice(0, 2);
        events.push({
          id: `${id}#${events.length}`,
          cameo: cameo!,
          plover: PLOVER[cameo!.slice(0, 2)] ?? null,
          mode: null,
          quad: root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4,
          goldstein: root <= 9 ? 3.4 : -5.2,
          source: nil(src!) ? { code: src!, country: nil(sc!), name: src!, start, end: start + 1 } : null,
          target: nil(tgt!) ? { code: tgt!, country: nil(tc!), name: tgt!, start, end: start + 1 } : null,
          date: nil(date!),
          datePrecision: nil(precision!) as EventRecord["datePrecision"],
          modality: modality as EventRecord["modality"],
          location: nil(place!) ? { name: place!, country: null, lat: +lat!, lon: +lon! } : null,
          evidence: { start, end: start + line.length, text: line },
          sentence: events.length,
        });
      }
      return {
        schemaVersion: 1, id, date: input.date ?? options.today ?? "2000-01-01", dateInferred: !input.date, title: input.title ?? null, source: input.source ?? null, url: input.url ?? null,
        text, body: [{ start: 0, end: text.length }], captions: [], related: [], sentences: [], entities: [], timexes: [], quotes: [], events, engine: "synthetic",
      };
    },
  };
}
