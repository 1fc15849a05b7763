// The analysis record: the output contract (shared/contract/analysis-record.md).
// Exports, evaluation, the store and the web page read these shapes; fields may be
// added, none renamed or dropped without bumping SCHEMA_VERSION.

export const SCHEMA_VERSION = 1;

/** A half-open range of UTF-16 indices into the record's text. */
export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export type EntityType = "PERSON" | "ORG" | "GPE" | "LOC" | "NORP" | "FAC" | "MISC";

/** A CAMEO actor: country (or IGO) code plus sector codes. */
export interface Actor {
  code: string;
  country: string | null;
  sector?: string | null;
  name?: string | null;
}

export interface EntityRecord extends TextSpan {
  type: EntityType;
  actor: Actor | null;
  /** Title or role words that introduced the name ("Foreign Ministry spokesperson"). */
  role?: string | null;
  /** A name ("Moon Jae-in", "DPRK"), a nominal ("the official") or a pronoun ("he"); absent means a name. */
  mention?: "name" | "nominal" | "pronoun";
  /** For a mention that refers back (surname, title, pronoun): the index of the entity it resolves to. */
  ref?: number | null;
  /** Coordinates of a place, from the gazetteer. */
  geo?: { lat: number; lon: number; country: string | null } | null;
}

export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

export interface TimexRecord extends TextSpan {
  type: TimexType;
  /** TIMEX3 value: 2020-06-30, 2020-06, 2020, 2020-W27, P2Y, PRESENT_REF, XXXX-WXX-1, … */
  value: string;
}

export interface QuoteRecord extends TextSpan {
  kind: "direct" | "indirect";
  cue: TextSpan | null;
  speaker: (TextSpan & { name: string | null; actor: Actor | null }) | null;
}

export type Modality = "asserted" | "negated" | "hypothetical" | "future";
export type DatePrecision = "day" | "month" | "year";

export interface EventActor extends Span {
  code: string;
  country: string | null;
  name: string | null;
}

export interface EventLocation {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface EventRecord {
  id: string;
  cameo: string;
  plover: string | null;
  mode: string | null;
  quad: number;
  goldstein: number;
  source: EventActor | null;
  target: EventActor | null;
  date: string | null;
  datePrecision: DatePrecision | null;
  modality: Modality;
  location: EventLocation | null;
  evidence: TextSpan;
  sentence: number;
}

export interface CaptionRecord extends TextSpan {
  credit: string | null;
}

export interface AnalysisRecord {
  schemaVersion: number;
  id: string;
  date: string;
  dateInferred: boolean;
  /**
   * Where the publication date came from: the caller (`option`), the input's own
   * date or metadata (`input`), a dateline, the text (`text`), or today's date
   * when nothing told it (`today`).
   */
  dateSource?: "option" | "input" | "dateline" | "text" | "today";
  title: string | null;
  source: string | null;
  url?: string | null;
  text: string;
  body: Span[];
  captions: CaptionRecord[];
  related: TextSpan[];
  sentences: Span[];
  entities: EntityRecord[];
  timexes: TimexRecord[];
  quotes: QuoteRecord[];
  events: EventRecord[];
  /** The engine version that produced the record. */
  engine?: string;
}

/** One document to analyse: the batch input line of the contract. Only text is required. */
export interface DocumentInput {
  text: string;
  id?: string | null;
  date?: string | null;
  title?: string | null;
  source?: string | null;
  url?: string | null;
}
