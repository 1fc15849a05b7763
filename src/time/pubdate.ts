// The publication date: the reference for every relative date in the text.
// The caller's option, else the input's date, else a date line in the head
// ("Published: 3 Mar 2023"), else the dateline's date ("SEOUL, July 1"), else
// one inferred from the analysable sentences, else today (from the options: the
// core never reads the clock), else an error. See docs/dates.md.
//
// Only what the structure stage marks as analysable is read (title, deck,
// captions, body: the sentences layer), plus the dateline and the date lines:
// never link lists, boilerplate or junk.

import type { Doc } from "../pipeline/doc.js";
import type { Dateline, PublicationDate, Sentence, Structure, Token } from "../pipeline/layers.js";
import type { TextSpan } from "../record.js";
import type { Resources } from "../pipeline/resources.js";
import { dayNumber, daysInMonth, formatDay, fromDayNumber, isValidDate, parseIsoDay, weekdayOf } from "./calendar.js";
import { chronoHits } from "./chrono.js";
import { NOT_A_YEAR_AFTER } from "./parsers.js";
import { notTimeSpans, timeTagger, type TimeTagger } from "./tagger.js";
import { tenseAt } from "./tense.js";
import { DIGIT, LETTER } from "../text/letters.js";

/** The error when nothing gives a publication date: relative dates would have no anchor. */
export const NO_PUBLICATION_DATE = "no publication date: pass options.date or options.today";

/** A YYYY-MM-DD date, or the date part of an ISO timestamp. */
export function isoDateOf(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(s);
  if (!m) return null;
  return parseIsoDay(m[1]!) === null ? null : m[1]!;
}

// ---------------------------------------------------------------- evidence

interface FullDate {
  day: number;
  month: number;
  dom: number;
  year: number;
  start: number;
  end: number;
}

/** What the analysable sentences say about when they were written. */
export interface Evidence {
  /** Dates written with day, month and year, outside future clauses, in text order. */
  dates: FullDate[];
  /** Four-digit years outside future clauses (those inside full dates too), with their offsets. */
  years: { year: number; at: number }[];
  /** Weekday names (without last/next/this), and whether their clause looks ahead. */
  weekdays: { weekday: number; future: boolean }[];
  /** Days written with a weekday but no year ("Thursday, March 12"). */
  weekdayDates: { month: number; dom: number; weekday: number }[];
  /** Ordinals of anniversaries ("the 70th anniversary": 70). */
  anniversaries: number[];
}

const YEAR_RE = new RegExp(`(?<![${LETTER}${DIGIT}$£€#.,/:'’-])(1[89]\\d\\d|20\\d\\d)(?![${LETTER}${DIGIT}%]|[.,]\\d|\\s*(?:percent|per\\s+cent))`, "gu");
const ANNIVERSARY_RE = /\b(?:(\d{1,3})(?:st|nd|rd|th)|([a-z]+(?:-[a-z]+)?))\s+anniversary\b/giu;
const WEEKDAY_REL = new Set(["last", "next", "this", "past", "coming", "previous", "following"]);

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** "seventieth" 70, "seventy-fifth" 75, else null. */
function ordinalWord(w: string): number | null {
  const lower = w.toLowerCase();
  if (ORDINALS[lower] !== undefined) return ORDINALS[lower]!;
  const [tens, ones] = lower.split("-");
  if (ones && TENS[tens!] !== undefined && ORDINALS[ones] !== undefined && ORDINALS[ones]! < 10) return TENS[tens!]! + ORDINALS[ones]!;
  return null;
}

/** The weekday a token names (capitalised: "Thursday", "Thurs."), or 0. */
function weekdayOfToken(tagger: TimeTagger, t: Token): number {
  const c = t.text.charCodeAt(0);
  if (c < 65 || c > 90) return 0;
  return tagger.lex.weekdays.get(t.lower.endsWith(".") ? t.lower.slice(0, -1) : t.lower) ?? 0;
}

/** Dates, years, weekdays and anniversaries of the analysable sentences; future clauses left out. */
export function gatherEvidence(tagger: TimeTagger, text: string, sentences: readonly Sentence[], tokens: readonly Token[]): Evidence {
  const ev: Evidence = { dates: [], years: [], weekdays: [], weekdayDates: [], anniversaries: [] };
  // Names that are not times ("the Sunday Times"), in text order.
  const names = notTimeSpans(tagger, text);
  let name = 0;
  for (const s of sentences) {
    const sub = text.slice(s.start, s.end);
    const future = (start: number, end: number) => tenseAt(tokens, s, s.start + start, s.start + end) === "future";
    const hasYear = /\d{4}/.test(sub);
    if (hasYear) {
      for (const m of sub.matchAll(YEAR_RE)) {
        const end = m.index + m[0].length;
        if (NOT_A_YEAR_AFTER.test(sub.slice(end, end + 24)) || future(m.index, end)) continue;
        ev.years.push({ year: Number(m[1]), at: s.start + m.index });
      }
    }
    let weekdayTokens = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i]!;
      const wd = weekdayOfToken(tagger, t);
      if (wd === 0) continue;
      weekdayTokens++;
      while (name < names.length && names[name]![1] <= t.start) name++;
      if (name < names.length && names[name]![0] < t.end) continue;
      if (i > s.tokenStart && WEEKDAY_REL.has(tokens[i - 1]!.lower)) continue;
      ev.weekdays.push({ weekday: wd, future: future(t.start - s.start, t.end - s.start) });
    }
    if ((hasYear || weekdayTokens > 0) && tagger.dateTrigger.test(sub)) {
      for (const h of chronoHits(tagger.chrono, sub)) {
        if (h.kind !== "date" || h.month === null || h.day === null) continue;
        if (h.year === null) {
          // "Thursday, March 12": the weekday written just before the day.
          const before = /(\p{L}+\.?),?\s*$/u.exec(sub.slice(Math.max(0, h.start - 14), h.start));
          const wd = before ? (tagger.lex.weekdays.get(before[1]!.toLowerCase().replace(/\.$/, "")) ?? 0) : 0;
          if (wd) ev.weekdayDates.push({ month: h.month, dom: h.day, weekday: wd });
          continue;
        }
        if (!isValidDate(h.year, h.month, h.day) || future(h.start, h.end)) continue;
        ev.dates.push({ day: dayNumber(h.year, h.month, h.day), month: h.month, dom: h.day, year: h.year, start: s.start + h.start, end: s.start + h.end });
      }
    }
    if (/anniversar/i.test(sub)) {
      for (const m of sub.matchAll(ANNIVERSARY_RE)) {
        const n = m[1] ? Number(m[1]) : ordinalWord(m[2]!);
        if (n !== null && n > 0) ev.anniversaries.push(n);
      }
    }
  }
  return ev;
}

/** How well a publication day P fits the weekdays: news reports today and the last few days, and what lies just ahead. */
function weekdayFit(ev: Evidence, p: number): number {
  let score = 0;
  const wp = weekdayOf(p);
  for (const w of ev.weekdays) {
    const back = (wp - w.weekday + 7) % 7;
    if (w.future) score += back === 0 || back >= 5 ? 1 : 0;
    else score += back === 0 ? 2 : back === 1 ? 1.5 : back <= 3 ? 0.5 : back === 4 ? 0 : -1;
  }
  return score;
}

/** Days written with a weekday and no year ("Thursday, March 12") that fall on that weekday near P. */
function weekdayDateFit(ev: Evidence, p: number): number {
  let score = 0;
  const y = fromDayNumber(p).y;
  for (const w of ev.weekdayDates) {
    let nearest: number | null = null;
    for (const yy of [y - 1, y, y + 1]) {
      if (!isValidDate(yy, w.month, w.dom)) continue;
      const d = dayNumber(yy, w.month, w.dom);
      if (nearest === null || Math.abs(d - p) < Math.abs(nearest - p)) nearest = d;
    }
    if (nearest !== null && weekdayOf(nearest) === w.weekday) score += 2;
  }
  return score;
}

/**
 * A publication date from the text alone: on or a few days after the latest
 * full date outside future clauses (and not after today), the day in that week
 * that best fits the weekdays the text mentions. Null when there is none.
 */
export function inferFromEvidence(ev: Evidence, today: number | null): number | null {
  let latest: number | null = null;
  for (const d of ev.dates) if ((today === null || d.day <= today) && (latest === null || d.day > latest)) latest = d.day;
  if (latest === null) return null;
  let best = latest;
  let bestScore = weekdayFit(ev, latest);
  for (let k = 1; k <= 6; k++) {
    const p = latest + k;
    if (today !== null && p > today) break;
    const score = weekdayFit(ev, p);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------- date lines and the dateline

/**
 * The publication day a head's date lines state ("Published On 3 Mar 2023",
 * "Thu 16 Mar 2023 03.45 GMT", "Updated 5:02 AM, 2023-03-16"): the earliest full
 * date among them (an update comes after publication), not after today.
 */
export function dateLineDay(tagger: TimeTagger, text: string, lines: readonly TextSpan[] | undefined, today: number | null): number | null {
  let best: number | null = null;
  const consider = (y: number, m: number, d: number) => {
    if (!isValidDate(y, m, d)) return;
    const day = dayNumber(y, m, d);
    if ((today === null || day <= today + 1) && (best === null || day < best)) best = day;
  };
  for (const line of lines ?? []) {
    const sub = text.slice(line.start, line.end);
    for (const h of chronoHits(tagger.chrono, sub)) {
      if (h.kind === "date" && h.year !== null && h.month !== null && h.day !== null) consider(h.year, h.month, h.day);
    }
    // An ISO timestamp ("2023-03-16T05:02:00Z"), which chrono's date parser leaves alone.
    for (const m of sub.matchAll(ISO_STAMP)) consider(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return best;
}

const ISO_STAMP = /(?<!\d)(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}/g;

/** The dateline's date as written: its span in the text, and its year when it has one. */
export interface DatelineDate {
  start: number;
  end: number;
  year: number | null;
  month: number;
  day: number;
}

export function parseDatelineDate(tagger: TimeTagger, text: string, dateline: Dateline | null): DatelineDate | null {
  if (!dateline?.dateText) return null;
  const at = text.indexOf(dateline.dateText, dateline.start);
  if (at < 0 || at + dateline.dateText.length > dateline.end) return null;
  const h = chronoHits(tagger.chrono, dateline.dateText).find((x) => x.kind === "date" && x.month !== null && x.day !== null);
  if (!h) return null;
  if (h.year !== null && !isValidDate(h.year, h.month!, h.day!)) return null;
  if (h.day! > daysInMonth(2000, h.month!)) return null;
  return { start: at + h.start, end: at + h.end, year: h.year, month: h.month!, day: h.day! };
}

/** The latest day of a month and day on or before `limit` (a 29 February may go back a few years). */
function latestOnOrBefore(month: number, day: number, limit: number): number {
  const y = fromDayNumber(limit).y;
  for (let yy = y; yy > y - 8; yy--) {
    if (isValidDate(yy, month, day) && dayNumber(yy, month, day) <= limit) return dayNumber(yy, month, day);
  }
  return dayNumber(y - 1, month, Math.min(day, daysInMonth(y - 1, month)));
}

/**
 * The year of a dateline written without one ("SEOUL, March 16"), from the
 * text: a date on the dateline's own day in an earlier year is what the story
 * marks ("began on June 25, 1950"), the Nth anniversary of which is its year;
 * else the latest year the text names outside future clauses, or the next one
 * when the text's latest full date comes after that day, whichever fits the
 * weekdays best; never after today. Without years in the text, the latest such
 * day up to today.
 */
export function datelineYearless(ev: Evidence, month: number, day: number, today: number | null): number | null {
  const on = (y: number) => (isValidDate(y, month, day) ? dayNumber(y, month, day) : null);
  const allowed = (d: number | null): d is number => d !== null && (today === null || d <= today + 1);
  const own = ev.dates.filter((d) => d.month === month && d.dom === day);
  for (const d of own) {
    for (const n of ev.anniversaries) {
      const x = on(d.year + n);
      if (allowed(x)) return x;
    }
  }
  const dates = ev.dates.filter((d) => !(d.month === month && d.dom === day) && (today === null || d.day <= today));
  const todayYear = today === null ? null : fromDayNumber(today).y;
  let latest: number | null = null;
  for (const d of dates) if (latest === null || d.day > latest) latest = d.day;
  let base: number | null = null;
  for (const y of ev.years) {
    if (todayYear !== null && y.year > todayYear) continue;
    if (own.some((d) => y.at >= d.start && y.at < d.end)) continue;
    if (base === null || y.year > base) base = y.year;
  }
  if (base === null) return today === null ? null : latestOnOrBefore(month, day, today);
  let best: number | null = null;
  let bestScore = -Infinity;
  for (const y of [base, base + 1, base + 2]) {
    const d = on(y);
    if (!allowed(d) || (latest !== null && d < latest)) continue;
    // Each year past the latest one named costs a point: the weekdays must tell.
    const score = weekdayFit(ev, d) + weekdayDateFit(ev, d) - (y - base);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  if (best !== null) return best;
  const d = on(base);
  if (allowed(d)) return d;
  return today === null ? null : latestOnOrBefore(month, day, today);
}

// ---------------------------------------------------------------- the stage

function resolvedDateline(parsed: DatelineDate | null, day: number | null): PublicationDate["dateline"] {
  return parsed && day !== null ? { start: parsed.start, end: parsed.end, value: formatDay(day) } : null;
}

export function publicationDate(
  doc: Doc,
  resources: Resources,
  structure: Structure,
  sentences: readonly Sentence[],
  tokens: readonly Token[],
): PublicationDate {
  const tagger = timeTagger(resources);
  const text = doc.text;
  const parsed = parseDatelineDate(tagger, text, structure.dateline);
  const todayIso = isoDateOf(doc.options.today);
  const today = todayIso ? parseIsoDay(todayIso) : null;
  const given = isoDateOf(doc.options.date) ?? isoDateOf(doc.input.date);
  let value: number | null = given ? parseIsoDay(given) : null;
  let from: PublicationDate["from"] = isoDateOf(doc.options.date) ? "option" : "input";
  if (value === null) {
    value = dateLineDay(tagger, text, structure.dateLines, today);
    from = "dateLine";
  }
  if (value !== null) {
    // The dateline's date near the publication date: a year-less one is the latest such day up to the day after.
    const day = parsed ? (parsed.year !== null ? dayNumber(parsed.year, parsed.month, parsed.day) : latestOnOrBefore(parsed.month, parsed.day, value + 1)) : null;
    return { value: formatDay(value), inferred: false, from, dateline: resolvedDateline(parsed, day) };
  }
  let evidence: Evidence | null = null;
  const ev = () => (evidence ??= gatherEvidence(tagger, text, sentences, tokens));
  if (parsed) {
    const day = parsed.year !== null ? dayNumber(parsed.year, parsed.month, parsed.day) : datelineYearless(ev(), parsed.month, parsed.day, today);
    if (day !== null) return { value: formatDay(day), inferred: true, from: "dateline", dateline: resolvedDateline(parsed, day) };
  }
  const inferred = inferFromEvidence(ev(), today);
  if (inferred !== null) return { value: formatDay(inferred), inferred: true, from: "text", dateline: null };
  if (today !== null) return { value: formatDay(today), inferred: true, from: "now", dateline: null };
  throw new Error(NO_PUBLICATION_DATE);
}
