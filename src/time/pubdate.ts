// The publication date: the reference for every relative date in the text.
// The caller's option, else the input's date, else the dateline's date, else
// one inferred from the text (docs/dates.md), else today (from the options: the
// core never reads the clock).

import type { Doc } from "../pipeline/doc.js";
import type { PublicationDate, Structure } from "../pipeline/layers.js";
import type { Resources } from "../pipeline/resources.js";
import { dayNumber, formatDay, fromDayNumber, isValidDate, parseIsoDay, weekdayOf } from "./calendar.js";
import { chronoHits } from "./chrono.js";
import { timeTagger, type TimeTagger } from "./tagger.js";

/** A YYYY-MM-DD date, or the date part of an ISO timestamp. */
export function isoDateOf(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(s);
  if (!m) return null;
  return parseIsoDay(m[1]!) === null ? null : m[1]!;
}

interface FullDate {
  day: number;
  at: number;
}

/** Dates with day, month and year written out in the text, in order. */
function fullDates(tagger: TimeTagger, text: string): FullDate[] {
  const out: FullDate[] = [];
  // chrono reads line by line: its patterns are made for sentence-sized text.
  let at = 0;
  for (const line of text.split("\n")) {
    if (tagger.chronoTrigger.test(line) && /\d{4}/.test(line)) {
      for (const h of chronoHits(tagger.chrono, line)) {
        if (h.kind !== "date" || h.year === null || h.day === null || h.month === null) continue;
        if (!isValidDate(h.year, h.month, h.day)) continue;
        out.push({ day: dayNumber(h.year, h.month, h.day), at: at + h.start });
      }
    }
    at += line.length + 1;
  }
  return out;
}

const WEEKDAY_RE = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const WEEKDAYS: Record<string, number> = { Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6, Sunday: 7 };
/** Weekdays that the text places in the future ("will meet Friday", "next Monday"). */
const FUTURE_CUE = /\b(?:will|would|next|to|until|by|scheduled|planned|expected|due|set)\s+(?:\S+\s+){0,3}$/i;

/** How many weekday mentions fit a publication day P: news reports today and the last few days. */
function weekdayFit(text: string, p: number): number {
  let score = 0;
  WEEKDAY_RE.lastIndex = 0;
  for (let m = WEEKDAY_RE.exec(text); m; m = WEEKDAY_RE.exec(text)) {
    const wd = WEEKDAYS[m[1]!]!;
    const back = (weekdayOf(p) - wd + 7) % 7;
    const future = FUTURE_CUE.test(text.slice(Math.max(0, m.index - 40), m.index));
    if (future) score += back === 0 || back >= 5 ? 1 : 0;
    else score += back === 0 ? 2 : back === 1 ? 1.5 : back <= 3 ? 0.5 : 0;
  }
  return score;
}

/**
 * A publication date from the text alone: on or a few days after the latest
 * fully written date, the day in that week that best fits the weekdays the text
 * mentions. Null when the text writes no full date.
 */
export function inferFromText(tagger: TimeTagger, text: string): number | null {
  const dates = fullDates(tagger, text);
  if (dates.length === 0) return null;
  let latest = dates[0]!.day;
  for (const d of dates) if (d.day > latest) latest = d.day;
  let best = latest;
  let bestScore = weekdayFit(text, latest);
  for (let k = 1; k <= 6; k++) {
    const score = weekdayFit(text, latest + k);
    if (score > bestScore) {
      best = latest + k;
      bestScore = score;
    }
  }
  return best;
}

/** The dateline's date ("July 1", "Nov. 26, 2015"), its year from the text when missing. */
export function datelineDate(tagger: TimeTagger, dateText: string, text: string, today: number | null = null): number | null {
  const iso = isoDateOf(dateText);
  if (iso) return parseIsoDay(iso);
  const hits = chronoHits(tagger.chrono, dateText).filter((h) => h.kind === "date" && h.month !== null && h.day !== null);
  const h = hits[0];
  if (!h) return null;
  const month = h.month!;
  const day = h.day!;
  if (h.year !== null) return isValidDate(h.year, month, day) ? dayNumber(h.year, month, day) : null;
  // No year: the first such date on or after the latest full date in the text,
  // else the latest year the text names.
  const dates = fullDates(tagger, text);
  if (dates.length) {
    const latest = Math.max(...dates.map((d) => d.day));
    const y = fromDayNumber(latest).y;
    for (const year of [y, y + 1]) {
      if (isValidDate(year, month, day) && dayNumber(year, month, day) >= latest) return dayNumber(year, month, day);
    }
  }
  let year: number | null = null;
  for (const m of text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) year = Math.max(year ?? 0, Number(m[1]));
  if (year === null && today !== null) {
    // Nothing in the text says which year: the latest such day up to today (news is read fresh).
    const t = fromDayNumber(today);
    year = isValidDate(t.y, month, day) && dayNumber(t.y, month, day) <= today ? t.y : t.y - 1;
  }
  if (year === null || !isValidDate(year, month, day)) return null;
  return dayNumber(year, month, day);
}

export function publicationDate(doc: Doc, resources: Resources, structure: Structure | null): PublicationDate {
  const option = isoDateOf(doc.options.date);
  if (option) return { value: option, inferred: false, from: "option" };
  const input = isoDateOf(doc.input.date);
  if (input) return { value: input, inferred: false, from: "input" };
  const tagger = timeTagger(resources);
  const dateText = structure?.dateline?.dateText;
  const todayIso = isoDateOf(doc.options.today);
  if (dateText) {
    const d = datelineDate(tagger, dateText, doc.text, todayIso ? parseIsoDay(todayIso) : null);
    if (d !== null) return { value: formatDay(d), inferred: true, from: "dateline" };
  }
  const inferred = inferFromText(tagger, doc.text);
  if (inferred !== null) return { value: formatDay(inferred), inferred: true, from: "text" };
  return { value: todayIso ?? "1970-01-01", inferred: true, from: "now" };
}
