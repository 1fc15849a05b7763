// The layers a Doc accumulates, one per stage. Each layer is an array of offset
// spans sorted by start (or, for structure, an object of span arrays). Stages add
// layers; none edits a layer that an earlier stage wrote.

import type {
  Actor,
  CaptionRecord,
  EntityType,
  EventRecord,
  QuoteRecord,
  Span,
  TextSpan,
  TimexType,
} from "../record.js";
import type { WordForm } from "../text/vocabulary.js";

/** Where an analysable run of text sits in the document. */
export type SegmentKind = "title" | "caption" | "body";

/** A paragraph-like unit of text that later stages analyse. */
export interface Segment extends Span {
  kind: SegmentKind;
  /** For a caption segment, the index into structure.captions of the caption it is (or repeats). */
  caption?: number;
  /** True when this segment repeats an earlier caption word for word (analysed once only). */
  repeat?: boolean;
}

export interface Dateline extends TextSpan {
  /** The place the dateline names ("SEOUL"), when present. */
  place: string | null;
  /** The dateline's date as given ("July 1", "Nov. 26, 2015"); resolved by the time stage. */
  dateText: string | null;
  /** The news agency in the dateline ("Reuters", "AP"), when present. */
  agency: string | null;
}

export interface Structure {
  title: TextSpan | null;
  /** The publisher line under the title ("CGTN"). */
  source: TextSpan | null;
  dateline: Dateline | null;
  /** Article body paragraphs (not title, captions, boilerplate). */
  body: Span[];
  /** Each distinct caption once, with its credit. */
  captions: CaptionRecord[];
  /** Headlines in "Read more" style link lists (never analysed). */
  related: TextSpan[];
  /** Headers of link lists ("Read more:"), agency credits ("(With input from Xinhua)"), bylines. */
  boilerplate: TextSpan[];
  /** Junk lines: lone tokens, whitespace-only lines. */
  junk: Span[];
  /** The analysable units in document order: title (and deck), first occurrence of each caption, body paragraphs. */
  segments: Segment[];
  /** A deck (standfirst) right under the title: one summary line, analysed like the title (a "title" segment). */
  deck?: TextSpan | null;
  /** Date and time lines in the head ("Published On 3 Mar 2023", "Thu 16 Mar 2023 03.45 GMT"); each is also in boilerplate. */
  dateLines?: TextSpan[];
  /** Bylines ("By Min-ji Park", "Justin McCurry in Tokyo", "Larry Fine" under a title): people's names; each is also in boilerplate. */
  bylines?: TextSpan[];
}

export interface Token extends Span {
  text: string;
  /** Universal POS tag from wink (PROPN, NOUN, VERB, AUX, ADP, …). */
  pos: string;
  lemma: string;
  /** Lower-cased text. */
  lower: string;
  /** The analyser's entry for the lower-cased text, where stages memoise what depends on it alone. */
  form: WordForm;
  /** Index of the sentence holding the token. */
  sentence: number;
  /** True when whitespace precedes the token in the text. */
  spaceBefore: boolean;
}

export interface Sentence extends Span {
  /** Token index range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** Index of the segment holding the sentence. */
  segment: number;
  kind: SegmentKind;
}

export interface Timex extends TextSpan {
  type: TimexType;
  value: string;
  /** Index of the sentence holding the timex, -1 when outside every sentence. */
  sentence: number;
}

export interface Entity extends TextSpan {
  type: EntityType;
  actor: Actor | null;
  role: string | null;
  /** Index (into the entities layer) of the mention this one refers back to, or null. */
  ref: number | null;
  sentence: number;
  geo: { lat: number; lon: number; country: string | null } | null;
  mention: "name" | "nominal" | "pronoun";
}

export interface Quote extends QuoteRecord {
  sentence: number;
  /** Index into the entities layer of the speaker mention, when there is one. */
  speakerEntity: number | null;
}

export type Event = EventRecord;

export interface PublicationDate {
  /** YYYY-MM-DD */
  value: string;
  /** False when the caller, the input or a date line in the head stated it; true when read from a dateline or the text, or taken from today. */
  inferred: boolean;
  /**
   * Where it came from: the caller, the input's date field, a date line in the
   * head ("Published: 3 Mar 2023", structure.dateLines), the dateline, the text,
   * or today (options.today). The record's dateSource shows "dateLine" as "input"
   * (the document's own metadata) and "now" as "today".
   */
  from: "option" | "input" | "dateLine" | "dateline" | "text" | "now";
  /** The dateline's date (span and YYYY-MM-DD), resolved once here for the time stage to reuse. */
  dateline?: { start: number; end: number; value: string } | null;
}

export interface Layers {
  structure: Structure;
  /** The publication date, settled by the time stage (the dateline and text may tell it). */
  date: PublicationDate;
  tokens: Token[];
  sentences: Sentence[];
  timexes: Timex[];
  entities: Entity[];
  quotes: Quote[];
  events: Event[];
}

export type LayerName = keyof Layers;
