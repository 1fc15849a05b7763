// What a parser found, before it is anchored to the publication date and the
// sentence's tense: a candidate span and its meaning.

import type { TimexType } from "../record.js";

/** last / this / next attached to a weekday, month, season or holiday. */
export type Rel = "last" | "this" | "next" | null;

/** Clock or part of day attached to a day: "T10:35", "TMO". */
export type Clock = string | null;

export type Meaning =
  /** Context-free values: durations, vague references, explicit years, full dates, sets. */
  | { kind: "value"; value: string }
  /**
   * A calendar date, with the year missing when the text omits it ("June 12", "in November");
   * yearOffset: the year is given relative to publication ("April next year").
   */
  | { kind: "date"; year: number | null; month: number; day: number | null; rel: Rel; clock: Clock; weekday?: number; yearOffset?: number }
  /** fromDiscourse: "the previous Friday", "the following Monday" count from the text's last date. */
  | { kind: "weekday"; weekday: number; rel: Rel; clock: Clock; fromDiscourse?: boolean }
  /** Relative to the publication date: today (D 0), yesterday (D -1), last week (W -1), two years ago (Y -2). */
  | { kind: "shift"; unit: ShiftUnit; n: number; clock: Clock }
  /**
   * A quarter (q null: the quarter under discussion); yearShift -1 for "year-ago quarter";
   * period: said as "the latest period", a quarter only when the text is discussing one.
   */
  | { kind: "quarter"; q: number | null; year: number | null; yearShift: number; period?: boolean }
  | { kind: "half"; half: 1 | 2; year: number | null; yearShift: number }
  | { kind: "season"; code: string; first: number; year: number | null; rel: Rel }
  | { kind: "holiday"; name: string; year: number | null; rel: Rel; clock: Clock }
  /**
   * Relative to the discourse's last date ("that day", "the next day"); with fromNow,
   * to the quarter under discussion or else the publication date ("a year earlier", "year-ago");
   * fromYear: before the publication date, to a year the last few sentences name ("elected in
   * 1996 and re-elected two years later"); orNow: to the publication date when nothing is named.
   */
  | { kind: "anaphor"; unit: "D" | "W" | "M" | "Y"; n: number; clock: Clock; fromNow?: boolean; orNow?: boolean; fromYear?: boolean }
  /** "year-end": December 31 of this year, or of the last one in a past clause. */
  | { kind: "year-end" }
  /** A decade written without its century ("the '90s", "the nineties"). */
  | { kind: "decade"; digit: number }
  /** "the weekend": the last one or the next one, by tense. */
  | { kind: "weekend" }
  /** A clock time on its own ("10:35 a.m."): its day comes from the sentence or the publication date. */
  | { kind: "clock"; clock: string }
  /** "the second anniversary" in apposition to a date: that date. */
  | { kind: "apposition" };

export type ShiftUnit = "D" | "W" | "WE" | "M" | "Q" | "Y" | "DE" | "CE";

export interface Candidate {
  /** Offsets into the document text. */
  start: number;
  end: number;
  type: TimexType;
  meaning: Meaning;
  /** The parser that proposed it (for debugging and overlap priority). */
  parser: string;
  /** Higher wins when two candidates cover the same span. */
  priority: number;
  /** A month or season name standing alone (no day, no year, no modifier): checked by the filters. */
  bare?: boolean;
}

export type Tense = "past" | "present" | "future" | null;
