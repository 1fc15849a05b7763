// Synthetic news for the store's benchmarks (bench/store.ts).

import type { AnalysisRecord, EventRecord } from "../src/record.js";

// A synthetic world: actors with skewed activity, so that some dyads are busy and most are not;
// publishers with skewed output; and news that repeats itself: a report often retells a story
// of the last few days, picked in proportion to how often it was told already, so that merge
// groups have the long-tailed sizes of real news (most events told once, a few hundreds of times).
const COUNTRIES = ["USA", "CHN", "RUS", "GBR", "FRA", "DEU", "KOR", "PRK", "JPN", "IND", "IRN", "ISR", "UKR", "TUR", "SYR", "IRQ", "AFG", "PAK", "SAU", "EGY", "NGA", "ZAF", "BRA", "MEX", "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "MMR", "ETH", "KEN", "SDN", "LBY", "YEM", "VEN", "COL", "ARG", "POL", "ITA", "ESP", "NLD", "BEL", "SWE", "NOR", "GRC", "SRB", "GEO", "ARM", "AZE", "KAZ", "UZB", "TWN", "HKG", "IGOUNO", "IGOEUREEC", "IGOWSTNAT"];
const SECTORS = ["", "GOV", "MIL", "GOV", "OPP", "REB", "CVL", "BUS", "MED", "JUD", "COP"];
const CODES = ["010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "084", "090", "111", "112", "120", "130", "138", "141", "145", "160", "172", "173", "180", "190", "193", "195"];
/** Codes seldom reported (one story in 500), for the filters on rare values. */
const RARE_CODES = ["150", "154", "202"];
const PLOVER: Record<string, string> = { "15": "MOBILIZE", "20": "ASSAULT", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID", "08": "RETREAT", "09": "INVESTIGATE", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "FIGHT" };
const PUBLISHERS = ["Reuters", "AP", "AFP", "VOA", "BBC", "CGTN", "Xinhua", "TASS", "Yonhap", "Al Jazeera", "DW", "NHK", "France 24", "The Hindu", "Dawn", "Daily Nation", "Punch", "Folha", "El País", "ABC News", "Kyiv Post", "Haaretz", "Tehran Times", "KCNA"];
const CITIES: [string, number, number][] = [["Geneva", 46.2, 6.15], ["Seoul", 37.57, 126.98], ["Beijing", 39.9, 116.4], ["Moscow", 55.75, 37.62], ["Kyiv", 50.45, 30.52], ["Tehran", 35.69, 51.39]];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Story {
  cameo: string;
  a: string;
  b: string;
  src: string;
  tgt: string;
  date: string | null;
  precision: "day" | "month" | null;
  modality: EventRecord["modality"];
  city: [string, number, number] | null;
}

/** The news of a synthetic world, one document at a time, in publication order. */
export class SyntheticNews {
  private readonly rand: () => number;
  /** Stories told on each of the last few days, once per telling (so a pick is proportional to tellings). */
  private readonly recent: Story[][] = [];
  private day = -1;

  constructor(
    seed: number,
    private readonly docsPerDay = 60,
    private readonly perDoc = 10,
    /** The share of reports that retell a recent story. */
    private readonly retell = 0.5,
  ) {
    this.rand = rng(seed);
  }

  private pick<T>(list: readonly T[], skew = 1.6): T {
    return list[Math.min(list.length - 1, Math.floor(list.length * Math.pow(this.rand(), skew)))]!;
  }

  private story(pub: string): Story {
    const a = this.pick(COUNTRIES);
    let b = this.pick(COUNTRIES);
    if (b === a) b = COUNTRIES[(COUNTRIES.indexOf(a) + 1) % COUNTRIES.length]!;
    const r = this.rand();
    const back = this.rand() < 0.8 ? Math.floor(this.rand() * 3) : Math.floor(this.rand() * 20);
    const when = new Date(Date.parse(pub) - back * 86400000).toISOString().slice(0, 10);
    const [date, precision] = r < 0.85 ? [when, "day" as const] : r < 0.97 ? [when.slice(0, 7), "month" as const] : [null, null];
    const m = this.rand();
    const rare = this.rand() < 0.002;
    return {
      cameo: rare ? this.pick(RARE_CODES, 1) : this.pick(CODES, 1),
      a,
      b,
      src: a.startsWith("IGO") ? a : a + this.pick(SECTORS, 1),
      tgt: b.startsWith("IGO") ? b : b + this.pick(SECTORS, 1),
      date,
      precision,
      modality: m < 0.88 ? "asserted" : m < 0.97 ? "future" : m < 0.995 ? "negated" : "hypothetical",
      city: this.rand() < 0.3 ? CITIES[Math.floor(this.rand() * CITIES.length)]! : null,
    };
  }

  record(i: number): AnalysisRecord {
    const dayNo = Math.floor(i / this.docsPerDay);
    if (dayNo !== this.day) {
      this.day = dayNo;
      this.recent.unshift([]);
      if (this.recent.length > 3) this.recent.pop();
    }
    const pub = new Date(Date.UTC(2015, 0, 1) + dayNo * 86400000).toISOString().slice(0, 10);
    let text = `Synthetic report ${i}.\n\n`;
    const events: EventRecord[] = [];
    const told = this.recent.reduce((n, d) => n + d.length, 0);
    for (let k = 0; k < this.perDoc; k++) {
      let s: Story;
      if (told > 0 && this.rand() < this.retell) {
        let at = Math.floor(this.rand() * told);
        let d = 0;
        while (at >= this.recent[d]!.length) at -= this.recent[d++]!.length;
        s = this.recent[d]![at]!;
      } else s = this.story(pub);
      this.recent[0]!.push(s);
      const root = s.cameo.slice(0, 2);
      const sentence = `${s.src} ${s.cameo} ${s.tgt} in report ${i} event ${k}.`;
      const start = text.length;
      text += sentence + " ";
      events.push({
        id: `syn-${i}#${k}`,
        cameo: s.cameo,
        plover: PLOVER[root] ?? null,
        mode: null,
        quad: +root <= 5 ? 1 : +root <= 9 ? 2 : +root <= 14 ? 3 : 4,
        goldstein: +root <= 9 ? 3.4 : -5.2,
        source: { code: s.src, country: s.a, name: s.src, start, end: start + s.src.length },
        target: { code: s.tgt, country: s.b, name: s.tgt, start, end: start + 1 },
        date: s.date,
        datePrecision: s.precision,
        modality: s.modality,
        location: s.city ? { name: s.city[0], country: null, lat: s.city[1], lon: s.city[2] } : null,
        evidence: { start, end: start + sentence.length, text: sentence },
        sentence: k,
      });
    }
    return {
      schemaVersion: 1, id: `syn-${i}`, date: pub, dateInferred: false, title: `Report ${i}`, source: this.pick(PUBLISHERS, 1.3),
      url: `https://news.example/${i}`, text, body: [{ start: 0, end: text.length }], captions: [], related: [], sentences: [], entities: [], timexes: [], quotes: [], events, engine: "synthetic",
    };
  }
}

