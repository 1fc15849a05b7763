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

const DATE_PARSERS = new Set(["ENMonthNameLittleEndianParser", "ENMonthNameMiddleEndianParser", "ENYearMonthDayParser", "ENTimeExpressionParser"]);
const CASUAL_PARSERS = new Set(["ENMonthNameParser"]);

export function buildChrono(): Chrono {
  const c = chrono.strict.clone();
  const casual = chrono.casual.clone();
  c.parsers = [
    ...c.parsers.filter((p) => DATE_PARSERS.has(p.constructor.name)),
    ...casual.parsers.filter((p) => CASUAL_PARSERS.has(p.constructor.name)),
  ];
  c.refiners = [];
  return c;
}

// chrono's reference date only fills implied values, which we ignore.
const REF = new Date(Date.UTC(2000, 0, 1, 12));

/** A clock time worth believing: a meridiem or "o'clock", not a bare number. */
const CLOCKISH = /\d\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)|o['’]clock|in the (?:morning|afternoon|evening)|at night/i;
/** "13:06" alone may be a race time or a score; as a clock it comes after "at" or before a time zone. */
const HHMM = /^(?:at|around|about|by|before|after|until|till|from|since|between)\s+\d{1,2}:\d\d$/i;
const ZONE_AFTER = /^\s*(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|local\s+time|hours\b|hrs\b)/;
const PREP_BEFORE = /\b(?:at|around|about|by|before|after|until|till|from|since|between)\s+$/i;
const FOUR_DIGIT_YEAR = /\d{4}|['’]\d\d\b/;

export function chronoHits(c: Chrono, text: string): ChronoHit[] {
  const out: ChronoHit[] = [];
  for (const r of c.parse(text, REF)) {
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
      if (!CLOCKISH.test(surface) && !HHMM.test(surface) && !hhmm) continue;
      // "at 10 p.m.": the preposition is not part of the timex.
      const at = /^(?:at|around|about|by|before|after|until|from)\s+/i.exec(surface);
      if (at) start += at[0].length;
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
    out.push({ start, end, kind: "date", year, month, day, hour: null, minute: null, monthOnly: monthOnly && day === null });
  }
  return out;
}
