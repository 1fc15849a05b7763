// Helpers for the events stage's tests: the real pipeline with a hand-built entities
// layer (a small table of names → actors), so that the tests do not depend on the
// actors stage's books.

import { createAnalyzer, DEFAULT_STAGES, type Analyzer } from "../../src/analyze.js";
import { fsDataSource } from "../../src/node/data.js";
import type { Entity } from "../../src/pipeline/layers.js";
import type { Stage } from "../../src/pipeline/pipeline.js";
import type { EntityType, EventRecord } from "../../src/record.js";

export interface Known {
  type: EntityType;
  code?: string;
  country?: string;
  geo?: { lat: number; lon: number; country: string };
}

/** Names the stub stage knows: countries, people, places, groups (written for these tests). */
export const KNOWN: Record<string, Known> = {
  Iraq: { type: "GPE", code: "IRQ" },
  Iraqi: { type: "NORP", code: "IRQ" },
  Syria: { type: "GPE", code: "SYR" },
  Iran: { type: "GPE", code: "IRN" },
  France: { type: "GPE", code: "FRA" },
  Germany: { type: "GPE", code: "DEU" },
  Russia: { type: "GPE", code: "RUS" },
  Ukraine: { type: "GPE", code: "UKR" },
  Turkish: { type: "NORP", code: "TUR" },
  Japan: { type: "GPE", code: "JPN" },
  China: { type: "GPE", code: "CHN" },
  Israel: { type: "GPE", code: "ISR" },
  Palestinians: { type: "NORP", code: "PSE" },
  Turkey: { type: "GPE", code: "TUR" },
  Serbia: { type: "GPE", code: "SRB" },
  Montenegro: { type: "GPE", code: "MNE" },
  Albanians: { type: "NORP", code: "ALB" },
  Chinese: { type: "NORP", code: "CHN" },
  Croatian: { type: "NORP", code: "HRV" },
  Panama: { type: "GPE", code: "PAN" },
  Britain: { type: "GPE", code: "GBR" },
  Libya: { type: "GPE", code: "LBY" },
  Latvian: { type: "NORP", code: "LVA" },
  "Constitutional Court": { type: "ORG", code: "KORJUD", country: "KOR" },
  "Syrian Golan Heights": { type: "LOC" },
  "United States": { type: "GPE", code: "USA" },
  "U.S.": { type: "GPE", code: "USA" },
  DPRK: { type: "GPE", code: "PRK" },
  "North Korea": { type: "GPE", code: "PRK" },
  "South Korea": { type: "GPE", code: "KOR" },
  "Kim Jong Un": { type: "PERSON", code: "PRKGOV", country: "PRK" },
  Kim: { type: "PERSON", code: "PRKGOV", country: "PRK" },
  "Donald Trump": { type: "PERSON", code: "USAGOV", country: "USA" },
  Trump: { type: "PERSON", code: "USAGOV", country: "USA" },
  Biegun: { type: "PERSON", code: "USAGOV", country: "USA" },
  "Moon Jae-in": { type: "PERSON", code: "KORGOV", country: "KOR" },
  Police: { type: "ORG", code: "IRQCOP", country: "IRQ" },
  Hanoi: { type: "GPE", geo: { lat: 21.03, lon: 105.85, country: "VNM" } },
  Baghdad: { type: "GPE", geo: { lat: 33.31, lon: 44.36, country: "IRQ" } },
  Cairo: { type: "GPE", geo: { lat: 30.04, lon: 31.24, country: "EGY" } },
  Kaesong: { type: "GPE", geo: { lat: 37.97, lon: 126.55, country: "PRK" } },
  Kenya: { type: "GPE", code: "KEN" },
  Somalia: { type: "GPE", code: "SOM" },
  Vietnam: { type: "GPE", code: "VNM" },
  Cambodia: { type: "GPE", code: "KHM" },
  Cambodian: { type: "NORP", code: "KHM" },
  Kuwait: { type: "GPE", code: "KWT" },
  Iranian: { type: "NORP", code: "IRN" },
  Haitian: { type: "NORP", code: "HTI" },
  Burmese: { type: "NORP", code: "MMR" },
  Thai: { type: "NORP", code: "THA" },
  Sudanese: { type: "NORP", code: "SDN" },
  "Red Cross": { type: "ORG", code: "NGOHLHIRC" },
  India: { type: "GPE", code: "IND" },
  Nairobi: { type: "GPE", geo: { lat: -1.29, lon: 36.82, country: "KEN" } },
  Canada: { type: "GPE", code: "CAN" },
  "Saudi Arabia": { type: "GPE", code: "SAU" },
  Russian: { type: "NORP", code: "RUS" },
  NATO: { type: "ORG", code: "IGOWSTNAT", country: "IGOWSTNAT" },
  Norway: { type: "GPE", code: "NOR" },
  Denmark: { type: "GPE", code: "DNK" },
  UN: { type: "ORG", code: "IGOUNO", country: "IGOUNO" },
  Peruvian: { type: "NORP", code: "PER" },
  BBC: { type: "ORG", code: "GBRMED", country: "GBR" },
  Greece: { type: "GPE", code: "GRC" },
  Nigerian: { type: "NORP", code: "NGA" },
  "United Nations": { type: "ORG", code: "IGOUNO", country: "IGOUNO" },
  Israeli: { type: "NORP", code: "ISR" },
  Palestinian: { type: "NORP", code: "PSE" },
  "James Baker": { type: "PERSON", code: "USAGOV", country: "USA" },
  Algiers: { type: "GPE", geo: { lat: 36.75, lon: 3.06, country: "DZA" } },
  "West Bank": { type: "GPE", code: "PSE" },
  Sudan: { type: "GPE", code: "SDN" },
  Manila: { type: "GPE", geo: { lat: 14.6, lon: 120.98, country: "PHL" } },
  Lima: { type: "GPE", geo: { lat: -12.05, lon: -77.04, country: "PER" } },
  "Israeli tourists": { type: "NORP", code: "ISRCVL", country: "ISR" },
  "Iraqi forces": { type: "NORP", code: "IRQMIL", country: "IRQ" },
  "Chinese troops": { type: "NORP", code: "CHNMIL", country: "CHN" },
  Jerusalem: { type: "GPE", geo: { lat: 31.78, lon: 35.22, country: "ISR" } },
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** An entities stage that tags the KNOWN names (longest first, whole words). */
export const stubActorsStage: Stage = {
  name: "actors",
  reads: ["structure", "tokens", "sentences", "timexes"],
  writes: ["entities"],
  run(doc) {
    const text = doc.text;
    const sentences = doc.get("sentences");
    const names = Object.keys(KNOWN).sort((a, b) => b.length - a.length);
    const taken: boolean[] = new Array<boolean>(text.length).fill(false);
    const out: Entity[] = [];
    for (const name of names) {
      const re = new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, "gu");
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const start = m.index;
        const end = start + name.length;
        let free = true;
        for (let i = start; i < end; i++) if (taken[i]) free = false;
        if (!free) continue;
        for (let i = start; i < end; i++) taken[i] = true;
        const k = KNOWN[name]!;
        const sentence = sentences.findIndex((s) => s.start <= start && end <= s.end);
        const country = k.country ?? k.code ?? k.geo?.country ?? null;
        out.push({
          start,
          end,
          text: name,
          type: k.type,
          actor: k.code ? { code: k.code, country, name } : null,
          role: null,
          ref: null,
          sentence,
          geo: k.geo ?? null,
          mention: "name",
        });
      }
    }
    out.sort((a, b) => a.start - b.start);
    return { entities: out };
  },
};

let analyzer: Analyzer | null = null;

export function getAnalyzer(): Analyzer {
  // the real pipeline in its real order, with a stand-in for the actors stage
  analyzer ??= createAnalyzer(fsDataSource([]), DEFAULT_STAGES.map((s) => (s.name === "actors" ? stubActorsStage : s)));
  return analyzer;
}

/** The events of a text published on `date` (default Wednesday 2020-07-01). */
export function events(text: string, date = "2020-07-01"): EventRecord[] {
  return getAnalyzer().analyze({ text }, { date }).events;
}

export const asserted = (evs: EventRecord[]) => evs.filter((e) => e.modality === "asserted");

/** A compact view of an event: "190 IRQ>SYR asserted 2020-06-29". */
export function brief(e: EventRecord): string {
  return `${e.cameo} ${e.source?.country ?? "-"}>${e.target?.country ?? "-"} ${e.modality} ${e.date ?? "undated"}`;
}

/** The events whose CAMEO code starts with `root`. */
export const withRoot = (evs: EventRecord[], root: string) => evs.filter((e) => e.cameo.startsWith(root));
