// chrono-node underneath: its month-name date parsers ("June 12, 2018",
// "12 June", "Sept. 30", "February 2019", "in November", "2020-07-01") and its
// clock-time parser ("10:35 a.m."), without its refiners. We read only the
// components chrono is certain of; a missing year is ours to settle by tense.

import * as chrono from "chrono-node/en";

type Chrono = typeof chrono.strict;

export interface ChronoHit {
  /** Offsets relative to the parsed text. */
  start: number;
  end: number;
  kind: "date" | "clock";
  year: number | null;
  month: number | null;
  day: number | null;
  hour: number | null;
  minute: number | null;
  /** chrono's month-only parser (a bare month name: filtered harder). */
  monthOnly: boolean;
}

// chrono's reference date only fills implied values, which we ignore.
const REF = new Date(Date.UTC(2000, 0, 1, 12));

type ChronoParser = Chrono["parsers"][number];

/**
 * chrono's parsers we use, each found by what it reads: chrono does not export
 * the classes, and class names do not survive minification. A parser is taken
 * when, alone and without refiners, it is the first to read its sample text whole.
 */
const WANTED: { sample: string; from: "strict" | "casual"; likely: string }[] = [
  { sample: "12 June 2018", from: "strict", likely: "ENMonthNameLittleEndianParser" }, // day month year
  { sample: "June 12, 2018", from: "strict", likely: "ENMonthNameMiddleEndianParser" }, // month day, year
  { sample: "2018/06/12", from: "strict", likely: "ENYearMonthDayParser" }, // year month day
  { sample: "10:35 a.m.", from: "strict", likely: "ENTimeExpressionParser" }, // clock time
  { sample: "November", from: "casual", likely: "ENMonthNameParser" }, // a month name alone ("in November", "February 2019")
];

function readsWhole(parser: ChronoParser, sample: string): boolean {
  const probe = chrono.strict.clone();
  probe.parsers = [parser];
  probe.refiners = [];
  const results = probe.parse(sample, REF);
  return results.length === 1 && results[0]!.index === 0 && results[0]!.text === sample;
}

export function buildChrono(): Chrono {
  const c = chrono.strict.clone();
  const pools = { strict: chrono.strict.clone().parsers, casual: chrono.casual.clone().parsers };
  const parsers: ChronoParser[] = [];
  for (const { sample, from, likely } of WANTED) {
    // The parser of the class name we expect, when it reads the sample (class names survive unless
    // a bundler minified chrono); else the first that reads it. Probing every parser compiles all
    // their patterns: 40 ms at each start-up.
    const named = pools[from].find((p) => p.constructor.name === likely);
    const found = named && !parsers.includes(named) && readsWhole(named, sample) ? named : pools[from].find((p) => !parsers.includes(p) && readsWhole(p, sample));
    if (!found) throw new Error(`chrono-node: no parser reads "${sample}"`);
    parsers.push(found);
  }
  // In chrono's own order (strict ones first), as its results come out in that order.
  const order = [...pools.strict, ...pools.casual];
  c.parsers = parsers.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  c.refiners = [];
  return c;
}

/** A clock time worth believing: a meridiem or "o'clock", not a bare number. */
const CLOCKISH = /\d\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)|o['’]clock|in the (?:morning|afternoon|evening)|at night/i;
/** "13:06" alone may be a race time or a score; as a clock it comes after "at" or before a time zone. */
const HHMM = /^(?:at|around|about|by|before|after|until|till|from|since|between)\s+\d{1,2}:\d\d$/i;
const ZONE_AFTER = /^\s*(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|local\s+time|hours\b|hrs\b)/;
/** "from 9:30 to 11:45": a range of clock times. */
const HHMM_RANGE = /^(?:from|between)\s+\d{1,2}:\d\d\s*(?:-|–|to|and|until|till)\s*\d{1,2}:\d\d$/i;
const PREP_BEFORE = /\b(?:at|around|about|by|before|after|until|till|from|since|between)\s+$/i;
const FOUR_DIGIT_YEAR = /\d{4}|['’]\d\d\b/;

/** "Feb. 28-March 2": the hyphen between a day and the next month's name (chrono reads "28-March"). */
const DAY_DASH_MONTH = /(\d)[-–](?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)/g;

export function chronoHits(c: Chrono, text: string): ChronoHit[] {
  const out: ChronoHit[] = [];
  // A semicolon in its place keeps the offsets and gives chrono two dates.
  const input = DAY_DASH_MONTH.test(text) ? text.replace(DAY_DASH_MONTH, "$1;") : text;
  DAY_DASH_MONTH.lastIndex = 0;
  for (const r of c.parse(input, REF)) {
    const s = r.start;
    const tags = s.tags();
    let start = r.index;
    let end = r.index + r.text.length;
    // chrono's patterns may swallow trailing commas and spaces.
    for (;;) {
      const surface = text.slice(start, end);
      if (/[\s,;:)(-]$/.test(surface) || (/\.$/.test(surface) && !/(?:a|p)\.?m\.$|\b[A-Z][a-z]{2,3}\.$/.test(surface))) end--;
      else if (/\sof$/i.test(surface)) end -= 3;
      else break;
    }
    if (tags.has("parser/ENTimeExpressionParser")) {
      const surface = text.slice(start, end);
      const hhmm = /^\d{1,2}:\d\d$/.test(surface) && (PREP_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || ZONE_AFTER.test(text.slice(end, end + 12)));
      const hhmmRange = r.end !== null && r.end !== undefined && HHMM_RANGE.test(surface);
      if (!CLOCKISH.test(surface) && !HHMM.test(surface) && !hhmm && !hhmmRange) continue;
      // "at 10 p.m.": the preposition is not part of the timex.
      const at = /^(?:at|around|about|by|before|after|until|from|between)\s+/i.exec(surface);
      if (at) start += at[0].length;
      // "from 10 p.m. to 6 a.m.": two times.
      const sep = r.end ? RANGE_SEP.exec(text.slice(start, end)) : null;
      if (sep && r.end && (hhmmRange || CLOCKISH.test(text.slice(start + sep.index + sep[0].length, end)))) {
        const cut = start + sep.index;
        out.push({ start, end: cut, kind: "clock", year: null, month: null, day: null, hour: s.get("hour"), minute: s.get("minute") ?? 0, monthOnly: false });
        out.push({ start: cut + sep[0].length, end, kind: "clock", year: null, month: null, day: null, hour: r.end.get("hour"), minute: r.end.get("minute") ?? 0, monthOnly: false });
        continue;
      }
      out.push({ start, end, kind: "clock", year: null, month: null, day: null, hour: s.get("hour"), minute: s.get("minute") ?? 0, monthOnly: false });
      continue;
    }
    // "on 17 July 2017": the preposition is not part of the timex.
    const on = /^on\s+/i.exec(text.slice(start, end));
    if (on) start += on[0].length;
    const surface = text.slice(start, end);
    const monthOnly = tags.has("parser/ENMonthNameParser");
    let year = s.isCertain("year") ? s.get("year") : null;
    if (year !== null && !FOUR_DIGIT_YEAR.test(surface)) {
      // A two-digit "year" is usually the next number in the sentence ("June 12 18 people").
      if (monthOnly) continue;
      const cut = /^(.*?\d{1,2}(?:st|nd|rd|th)?)[\s,/-]+\d{2}$/.exec(surface);
      if (!cut) continue;
      end = start + cut[1]!.length;
      year = null;
    }
    const month = s.isCertain("month") ? s.get("month") : null;
    if (month === null) continue;
    const day = s.isCertain("day") ? s.get("day") : null;
    // "June 3-5", "from June 3 to June 5": the first day and the last, each a date.
    const sep = r.end && day !== null ? RANGE_SEP.exec(text.slice(start, end)) : null;
    if (sep && r.end && r.end.isCertain("day")) {
      const cut = start + sep.index;
      const endYear = r.end.isCertain("year") ? r.end.get("year") : year;
      const endMonth = r.end.isCertain("month") ? r.end.get("month") : month;
      out.push({ start, end: cut, kind: "date", year: year ?? endYear, month, day, hour: null, minute: null, monthOnly: false });
      out.push({ start: cut + sep[0].length, end, kind: "date", year: endYear, month: endMonth, day: r.end.get("day"), hour: null, minute: null, monthOnly: false });
      continue;
    }
    out.push({ start, end, kind: "date", year, month, day, hour: null, minute: null, monthOnly: monthOnly && day === null });
    // "on April 24 and 25": the second day of the same month.
    const next = day !== null && !r.end ? NEXT_DAY.exec(text.slice(end, end + 16)) : null;
    if (next && Number(next[2]) > day! && Number(next[2]) <= 31) {
      const at = end + next[1]!.length;
      out.push({ start: at, end: at + next[2]!.length, kind: "date", year, month, day: Number(next[2]), hour: null, minute: null, monthOnly: false });
    }
  }
  // "Feb. 28-March 2, 1997": the year written once holds for the range's first day too.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.kind === "date" && b.kind === "date" && a.year === null && b.year !== null && a.month !== null && b.month !== null && RANGE_GAP.test(text.slice(a.end, b.start))) {
      a.year = a.month <= b.month ? b.year : b.year - 1;
    }
  }
  return out;
}

const RANGE_GAP = /^\s*(?:[-–]|to|until|till|through|and)\s*$/i;

/** Between the two ends of a range: "June 3-5", "10 p.m. to 6 a.m.". */
const RANGE_SEP = /\s+(?:to|until|till|through|and)\s+|(?<=\d)\s*[-–]\s*(?=\d)/i;
/** A second day after a date ("April 24 and 25"), not a count ("April 24 and 25 people"). */
const NEXT_DAY = /^(\s*(?:and|or|&)\s*)(\d{1,2})(?=\s*(?:[.,;:)]|$|(?:in|at|to|for|when|as)\b))/;
