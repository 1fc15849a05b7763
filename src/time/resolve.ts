// Anchoring meanings: from what a parser found, the publication date, the
// clause's tense and the dates the text has already given, to a TIMEX3 value.

import type { TimexType } from "../record.js";
import {
  addMonths,
  addQuarters,
  dayNumber,
  daysInMonth,
  formatDay,
  formatMonth,
  formatWeek,
  formatYear,
  fromDayNumber,
  quarterOf,
  weekdayOf,
} from "./calendar.js";
import type { TimeLexicon } from "./lexicon.js";
import type { Candidate, Meaning, Rel, Tense } from "./meaning.js";

/** What the text has said so far, for "that day", "a year earlier", "the quarter". */
export interface Discourse {
  day: number | null;
  month: { y: number; m: number } | null;
  year: number | null;
  quarter: { y: number; q: number } | null;
  /** Sentence where the last quarter was mentioned. */
  quarterSentence: number;
  /** Sentence of the last explicit anchor (day, month or year). */
  anchorSentence: number;
}

export function newDiscourse(): Discourse {
  return { day: null, month: null, year: null, quarter: null, quarterSentence: -99, anchorSentence: -99 };
}

export interface Resolved {
  type: TimexType;
  value: string;
}

interface Ctx {
  pub: number;
  tense: Tense;
  /** The clause says outright it is ahead ("will be held"), not just a deadline ("until"): see tense.ts. */
  explicitFuture?: boolean;
  sentence: number;
  lex: TimeLexicon;
  discourse: Discourse;
}

/**
 * The year of a month (and day) given without one. A clause that says outright
 * it is ahead ("will be held on June 12") puts a day or month already past into
 * next year. Otherwise a day within two months of publication is this year's,
 * whatever the tense ("payable Dec. 1", "the Aug. 7 blasts"); further off, and
 * for months, the tense decides: the year before for a past clause about a later
 * date, the year after for a future clause about an earlier one.
 */
function yearFor(ctx: Ctx, month: number, day: number | null, rel: Rel): number {
  const p = fromDayNumber(ctx.pub);
  // "last February" said in March is last year's: this year's would be "last month".
  if (rel === "last") return month < p.m - 1 ? p.y : p.y - 1;
  if (rel === "next") return month > p.m ? p.y : p.y + 1;
  if (rel === "this") return p.y;
  if (day !== null) {
    // "The summit will be held on June 12" said on July 1: next year's, however near.
    if (ctx.explicitFuture) return dayNumber(p.y, month, Math.min(day, daysInMonth(p.y, month))) < ctx.pub - 1 ? p.y + 1 : p.y;
    // Within two months of publication, across a new year too ("the Jan. 3 meeting" said on Dec. 28).
    for (const y of [p.y, p.y + 1, p.y - 1]) {
      if (Math.abs(dayNumber(y, month, Math.min(day, daysInMonth(y, month))) - ctx.pub) <= 60) return y;
    }
    const delta = dayNumber(p.y, month, Math.min(day, daysInMonth(p.y, month))) - ctx.pub;
    if (delta > 0) return ctx.tense === "past" || (delta > 183 && ctx.tense !== "future") ? p.y - 1 : p.y;
    return ctx.tense === "future" ? p.y + 1 : p.y;
  }
  if (ctx.explicitFuture && month < p.m) return p.y + 1;
  if (month > p.m && ctx.tense === "past") return p.y - 1;
  if (month < p.m - 2 && ctx.tense === "future") return p.y + 1;
  // Across the new year, the nearer month: "in January" said in December, "in December" said in January.
  if (month + 12 - p.m <= 2 && ctx.tense !== "past") return p.y + 1;
  if (p.m + 12 - month <= 2 && ctx.tense !== "future") return p.y - 1;
  return p.y;
}

/** The year near publication in which a day of a month falls on a given weekday ("Monday, Oct. 26"). */
function yearByWeekday(ctx: Ctx, month: number, day: number, weekday: number): number | null {
  const y = fromDayNumber(ctx.pub).y;
  let best: number | null = null;
  for (const cand of [y, y - 1, y + 1]) {
    if (day > daysInMonth(cand, month)) continue;
    if (weekdayOf(dayNumber(cand, month, day)) !== weekday) continue;
    if (best === null || Math.abs(dayNumber(cand, month, day) - ctx.pub) < Math.abs(dayNumber(best, month, day) - ctx.pub)) best = cand;
  }
  return best;
}

function weekdayDay(ctx: Ctx, weekday: number, rel: Rel): number {
  const today = weekdayOf(ctx.pub);
  const back = (today - weekday + 7) % 7; // days since the most recent such weekday (0 = today)
  const ahead = (weekday - today + 7) % 7;
  if (rel === "last") return ctx.pub - (back === 0 ? 7 : back);
  if (rel === "next") return ctx.pub + (ahead === 0 ? 7 : ahead);
  if (ctx.tense === "future" || (rel === "this" && ctx.tense !== "past")) return ctx.pub + ahead;
  return ctx.pub - back;
}

function withClock(day: number, clock: string | null): Resolved {
  return clock ? { type: "TIME", value: formatDay(day) + clock } : { type: "DATE", value: formatDay(day) };
}

function holidayDay(ctx: Ctx, name: string, rel: Rel): number | null {
  const rule = ctx.lex.holidays.get(name);
  if (!rule) return null;
  const y = fromDayNumber(ctx.pub).y;
  const thisYear = rule.dayIn(y);
  const prevYear = rule.dayIn(y - 1);
  const nextYear = rule.dayIn(y + 1);
  if (thisYear === null) return rel === "next" ? nextYear : prevYear;
  if (rel === "last") return thisYear < ctx.pub ? thisYear : prevYear;
  if (rel === "next") return thisYear > ctx.pub ? thisYear : nextYear;
  if (thisYear > ctx.pub && ctx.tense === "past") return prevYear;
  if (thisYear < ctx.pub - 7 && ctx.tense === "future") return nextYear;
  return thisYear;
}

function quarterValue(ctx: Ctx, q: number | null, yearShift: number, period: boolean): string | null {
  const p = fromDayNumber(ctx.pub);
  const pq = quarterOf(p.m);
  const d = ctx.discourse;
  if (period && !(d.quarter && ctx.sentence - d.quarterSentence <= 12)) return null;
  if (q === null) {
    // The quarter under discussion, else the last one completed.
    if (d.quarter && ctx.sentence - d.quarterSentence <= 12) return `${d.quarter.y + yearShift}-Q${d.quarter.q}`;
    const last = addQuarters(p.y, pq, -1);
    return `${last.y + yearShift}-Q${last.q}`;
  }
  let y = p.y;
  if (yearShift !== 0) {
    if (d.quarter && d.quarter.q === q) y = d.quarter.y;
    return `${y + yearShift}-Q${q}`;
  }
  if (q > pq && ctx.tense === "past") y--;
  else if (q < pq - 1 && ctx.tense === "future") y++;
  return `${y}-Q${q}`;
}

function seasonValue(ctx: Ctx, code: string, first: number, rel: Rel): string {
  const p = fromDayNumber(ctx.pub);
  // The year a season belongs to is the year it starts in (winter: December).
  const started = (y: number) => dayNumber(y, first, 1) <= ctx.pub;
  let y = p.y;
  if (rel === "last") y = started(p.y) && first + 3 <= p.m ? p.y : p.y - 1;
  else if (rel === "next") y = started(p.y) ? p.y + 1 : p.y;
  else if (rel === "this") y = p.y;
  else if (ctx.tense === "past") y = started(p.y) ? p.y : p.y - 1;
  else if (ctx.tense === "future") y = started(p.y) && first + 3 <= p.m ? p.y + 1 : p.y;
  if (code === "WI" && first === 12 && p.m <= 2 && rel !== "next") y = Math.min(y, p.y - 1);
  return `${formatYear(y)}-${code}`;
}

function shiftValue(ctx: Ctx, m: Extract<Meaning, { kind: "shift" }>): Resolved | null {
  const p = fromDayNumber(ctx.pub);
  switch (m.unit) {
    case "D":
      return withClock(ctx.pub + m.n, m.clock);
    case "W":
      return { type: "DATE", value: formatWeek(ctx.pub + 7 * m.n) };
    case "WE": {
      // The weekend of the ISO week: "last weekend" is the one before this week's.
      const wd = weekdayOf(ctx.pub);
      let base = ctx.pub + 7 * m.n;
      if (m.n === 0 && ctx.tense === "past" && wd < 6) base -= 7;
      return { type: "DATE", value: formatWeek(base) + "-WE" };
    }
    case "M": {
      const r = addMonths(p.y, p.m, m.n);
      return { type: "DATE", value: formatMonth(r.y, r.m) };
    }
    case "Q": {
      const r = addQuarters(p.y, quarterOf(p.m), m.n);
      return { type: "DATE", value: `${formatYear(r.y)}-Q${r.q}` };
    }
    case "Y":
      return { type: "DATE", value: formatYear(p.y + m.n) };
    case "DE":
      return { type: "DATE", value: String(Math.floor(p.y / 10) + m.n) };
    case "CE":
      return { type: "DATE", value: String(Math.floor(p.y / 100) + m.n).padStart(2, "0") };
  }
}

function anaphorValue(ctx: Ctx, m: Extract<Meaning, { kind: "anaphor" }>): Resolved | null {
  const d = ctx.discourse;
  const recent = ctx.sentence - d.anchorSentence <= 3;
  if (m.unit === "Y") {
    // "a year earlier" next to a quarter's figures is that quarter a year before.
    // Otherwise "a year ago", "year-earlier" count from the publication date.
    if (m.fromNow) {
      if (d.quarter && ctx.sentence - d.quarterSentence <= 20) return { type: "DATE", value: `${d.quarter.y + m.n}-Q${d.quarter.q}` };
      if (m.fromYear && d.year !== null && recent) return { type: "DATE", value: formatYear(d.year + m.n) };
      return { type: "DATE", value: formatYear(fromDayNumber(ctx.pub).y + m.n) };
    }
    if (d.year !== null && recent) return { type: "DATE", value: formatYear(d.year + m.n) };
    // "the year" with no year under discussion: the current one.
    if (m.orNow) return { type: "DATE", value: formatYear(fromDayNumber(ctx.pub).y + m.n) };
    return null;
  }
  if (m.unit === "M") {
    const base = d.month && recent ? d.month : null;
    if (!base) return null;
    const r = addMonths(base.y, base.m, m.n);
    return { type: "DATE", value: formatMonth(r.y, r.m) };
  }
  if (m.unit === "W") {
    if (d.day === null || !recent) return null;
    return { type: "DATE", value: formatWeek(d.day + 7 * m.n) };
  }
  if (d.day === null || !recent) return null;
  return withClock(d.day + m.n, m.clock);
}

/** The TIMEX3 type and value of a candidate, or null when it cannot be anchored. */
export function resolve(c: Candidate, ctx: Ctx, previous: { end: number; value: string } | null, text: string): Resolved | null {
  const m = c.meaning;
  switch (m.kind) {
    case "value":
      return { type: c.type, value: m.value };
    case "date": {
      const year =
        m.year ??
        (m.yearOffset !== undefined ? fromDayNumber(ctx.pub).y + m.yearOffset : null) ??
        (m.day !== null && m.weekday ? yearByWeekday(ctx, m.month, m.day, m.weekday) : null) ??
        yearFor(ctx, m.month, m.day, m.rel);
      if (m.day === null) return { type: "DATE", value: formatMonth(year, m.month) };
      if (m.day > daysInMonth(year, m.month)) return null;
      return withClock(dayNumber(year, m.month, m.day), m.clock);
    }
    case "weekday": {
      const d = ctx.discourse;
      if (m.fromDiscourse && d.day !== null) {
        // "the previous Friday": the one before the day under discussion, not before today.
        return withClock(weekdayDay({ ...ctx, pub: d.day }, m.weekday, m.rel), m.clock);
      }
      return withClock(weekdayDay(ctx, m.weekday, m.rel), m.clock);
    }
    case "shift":
      return shiftValue(ctx, m);
    case "quarter": {
      const v = quarterValue(ctx, m.q, m.yearShift, m.period === true);
      return v ? { type: "DATE", value: v } : null;
    }
    case "half": {
      const y = (m.year ?? fromDayNumber(ctx.pub).y) + m.yearShift;
      return { type: "DATE", value: `${formatYear(y)}-H${m.half}` };
    }
    case "season":
      return { type: "DATE", value: seasonValue(ctx, m.code, m.first, m.rel) };
    case "holiday": {
      const day = holidayDay(ctx, m.name, m.rel);
      return day === null ? null : withClock(day, m.clock);
    }
    case "anaphor":
      return anaphorValue(ctx, m);
    case "decade": {
      const y = fromDayNumber(ctx.pub).y;
      let decade = Math.floor(y / 100) * 10 + m.digit;
      if (decade * 10 > y) decade -= 10;
      return { type: "DATE", value: String(decade) };
    }
    case "weekend": {
      // The ISO week holding the weekend: this week's (future, or said on the weekend), else last week's.
      const wd = weekdayOf(ctx.pub);
      const thisWeek = ctx.tense === "future" || wd >= 6;
      return { type: "DATE", value: formatWeek(thisWeek ? ctx.pub : ctx.pub - 7) + "-WE" };
    }
    case "clock": {
      // A clock time with no day in its sentence: the day just under discussion, else today.
      const d = ctx.discourse;
      const day = d.day !== null && ctx.sentence - d.anchorSentence <= 2 && ctx.sentence >= 0 ? d.day : ctx.pub;
      return { type: "TIME", value: formatDay(day) + m.clock };
    }
    case "year-end": {
      const p = fromDayNumber(ctx.pub);
      const y = ctx.tense === "past" && !(p.m === 12 && p.d === 31) ? p.y - 1 : p.y;
      return { type: "DATE", value: formatDay(dayNumber(y, 12, 31)) };
    }
    case "apposition": {
      // "on June 12, the second anniversary of …": the date it stands beside.
      if (!previous || c.start - previous.end > 8 || !/^\s*,\s*$/.test(text.slice(previous.end, c.start))) return null;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(previous.value)) return null;
      return { type: "DATE", value: previous.value };
    }
  }
}

/** Remember what a resolved timex tells later anaphora. */
export function remember(d: Discourse, c: Candidate, r: Resolved, sentence: number, pub: number): void {
  const m = c.meaning;
  const explicit =
    m.kind === "date" || m.kind === "weekday" || m.kind === "holiday" || (m.kind === "value" && /^\d{4}/.test(r.value)) || m.kind === "quarter" || m.kind === "shift";
  if (!explicit) return;
  const v = r.value;
  let x = /^(\d{4})-Q(\d)$/.exec(v);
  if (x) {
    // The quarter a report is about: named without a year, and already begun.
    const y = +x[1]!;
    const q = +x[2]!;
    if (m.kind === "quarter" && m.yearShift === 0 && dayNumber(y, q * 3 - 2, 1) <= pub) {
      d.quarter = { y, q };
      d.quarterSentence = sentence;
    }
    return;
  }
  x = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (x) {
    d.day = dayNumber(+x[1]!, +x[2]!, +x[3]!);
    d.month = { y: +x[1]!, m: +x[2]! };
    d.year = +x[1]!;
    d.anchorSentence = sentence;
    return;
  }
  x = /^(\d{4})-(\d{2})$/.exec(v);
  if (x) {
    d.month = { y: +x[1]!, m: +x[2]! };
    d.year = +x[1]!;
    d.anchorSentence = sentence;
    return;
  }
  x = /^(\d{4})$/.exec(v);
  if (x) {
    d.year = +x[1]!;
    d.anchorSentence = sentence;
  }
}
