// The time stage's word lists (data/time/*.tsv), loaded once per analyser, and
// the regular-expression fragments built from them.

import type { DataSource, Resources } from "../pipeline/resources.js";
import { readTsv } from "../pipeline/resources.js";
import { dayNumber, easterSunday, nthWeekdayOfMonth } from "./calendar.js";

export interface UnitInfo {
  /** TIMEX3 unit letter: S, M, H (with time: true), D, W, M, Q, Y. */
  unit: string;
  /** How many of that unit one of these is (a decade is 10 Y). */
  size: number;
  time: boolean;
}

export interface HolidayRule {
  name: string;
  /** Day number of the holiday in a year, or null when the rule has no date that year. */
  dayIn(year: number): number | null;
}

export interface TimeLexicon {
  months: Map<string, number>;
  weekdays: Map<string, number>;
  numbers: Map<string, number | "X">;
  units: Map<string, UnitInfo>;
  seasons: Map<string, { code: string; first: number; last: number }>;
  /** Parts of the day and their TIMEX3 codes ("morning" → "MO"). */
  dayParts: Map<string, string>;
  /** Words for a clock time ("noon" → "T12:00", "midnight" → "T24:00"). */
  clockWords: Map<string, string>;
  references: Map<string, string>;
  sets: Map<string, string>;
  holidays: Map<string, HolidayRule>;
  notTimes: string[];
  /** Regex source fragments (non-capturing alternations, longest first). */
  re: {
    month: string;
    weekday: string;
    number: string;
    unit: string;
    season: string;
    dayPart: string;
    clockWord: string;
    reference: string;
    set: string;
    holiday: string;
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");

/** A non-capturing alternation of phrases, longest first so the regex prefers them. */
export function alternation(words: Iterable<string>): string {
  const list = [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (list.length === 0) return "(?!)"; // matches nothing
  return `(?:${list.map(escape).join("|")})`;
}

function pluralOf(word: string): string[] {
  if (word === "century") return ["centuries"];
  if (word === "millennium") return ["millennia", "millenniums"];
  return [word + "s"];
}

// ---------------------------------------------------------------- holidays

function holidayRule(name: string, rule: string): HolidayRule | null {
  let m = /^(\d{2})-(\d{2})$/.exec(rule);
  if (m) {
    const mo = +m[1]!;
    const d = +m[2]!;
    return { name, dayIn: (y) => dayNumber(y, mo, d) };
  }
  m = /^(-?\d+)\s+(\d)\s+(\d{1,2})$/.exec(rule);
  if (m) {
    const nth = +m[1]!;
    const wd = +m[2]!;
    const mo = +m[3]!;
    return { name, dayIn: (y) => nthWeekdayOfMonth(y, mo, wd, nth) };
  }
  m = /^easter([+-]\d+)$/.exec(rule);
  if (m) {
    const off = +m[1]!;
    return { name, dayIn: (y) => easterSunday(y) + off };
  }
  if (rule === "election-us") {
    // The Tuesday after the first Monday in November, in even years.
    return { name, dayIn: (y) => (y % 2 === 0 ? nthWeekdayOfMonth(y, 11, 1, 1) + 1 : null) };
  }
  return null;
}

// ---------------------------------------------------------------- loading

export function buildTimeLexicon(data: DataSource): TimeLexicon {
  const rows = (file: string) => readTsv(data, `time/${file}`);
  const months = new Map<string, number>();
  for (const r of rows("months.tsv")) if (r.word && r.month) months.set(r.word.toLowerCase(), Number(r.month));
  const weekdays = new Map<string, number>();
  for (const r of rows("weekdays.tsv")) if (r.word && r.weekday) weekdays.set(r.word.toLowerCase(), Number(r.weekday));
  const numbers = new Map<string, number | "X">();
  for (const r of rows("numbers.tsv")) if (r.word && r.value) numbers.set(r.word.toLowerCase(), r.value === "X" ? "X" : Number(r.value));
  const units = new Map<string, UnitInfo>();
  for (const r of rows("units.tsv")) {
    if (!r.word || !r.unit) continue;
    const info: UnitInfo = { unit: r.unit, size: Number(r.size || 1), time: r.time === "yes" };
    const w = r.word.toLowerCase();
    units.set(w, info);
    for (const p of pluralOf(w)) units.set(p, info);
  }
  const seasons = new Map<string, { code: string; first: number; last: number }>();
  for (const r of rows("seasons.tsv")) if (r.word && r.code) seasons.set(r.word.toLowerCase(), { code: r.code, first: Number(r.first), last: Number(r.last) });
  // day-parts.tsv holds both: a letter code is a part of the day, an hh:mm one a clock time.
  const dayParts = new Map<string, string>();
  const clockWords = new Map<string, string>();
  for (const r of rows("day-parts.tsv")) {
    if (!r.word || !r.code) continue;
    const word = r.word.toLowerCase();
    if (/^\d{2}:\d{2}$/.test(r.code)) clockWords.set(word, `T${r.code}`);
    else if (/^[A-Z]{2}$/.test(r.code)) dayParts.set(word, r.code);
  }
  const references = new Map<string, string>();
  for (const r of rows("references.tsv")) if (r.phrase && r.value) references.set(r.phrase.toLowerCase().replace(/\s+/g, " "), r.value);
  const sets = new Map<string, string>();
  for (const r of rows("sets.tsv")) if (r.word && r.value) sets.set(r.word.toLowerCase(), r.value);
  const holidays = new Map<string, HolidayRule>();
  for (const r of rows("holidays.tsv")) {
    if (!r.name || !r.rule) continue;
    const rule = holidayRule(r.name, r.rule);
    if (rule) holidays.set(r.name.toLowerCase().replace(/\s+/g, " "), rule);
  }
  const notTimes = rows("not-times.tsv").map((r) => r.phrase ?? "").filter((p) => p !== "");

  // Abbreviated month names may carry a dot ("Sept.", "Nov.").
  const monthAlts = [...months.keys()].flatMap((w) => (w.length <= 4 && w !== "may" && w !== "june" && w !== "july" ? [w + ".", w] : [w]));
  const weekdayAlts = [...weekdays.keys()].flatMap((w) => (w.length <= 5 ? [w + ".", w] : [w]));
  const numberWords = [...numbers.keys()];
  const tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
  const ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
  const compound = tens.flatMap((t) => ones.flatMap((o) => [`${t}-${o}`, `${t} ${o}`]));
  for (const c of compound) {
    const [t, o] = c.split(/[- ]/) as [string, string];
    numbers.set(c, (numbers.get(t) as number) + (numbers.get(o) as number));
  }
  const numberRe = `(?:\\d+(?:[.,]\\d+)*(?:\\s?½|[\\s-]1/2)?|½|(?:${tens.join("|")})(?:[\\s-](?:${ones.join("|")}))?|${alternation(numberWords)})`;
  const allUnitForms = [...units.keys()];
  return {
    months,
    weekdays,
    numbers,
    units,
    seasons,
    dayParts,
    clockWords,
    references,
    sets,
    holidays,
    notTimes,
    re: {
      month: alternation(monthAlts),
      weekday: alternation(weekdayAlts),
      number: numberRe,
      unit: alternation(allUnitForms),
      season: alternation(seasons.keys()),
      dayPart: alternation(dayParts.keys()),
      clockWord: alternation(clockWords.keys()),
      reference: alternation(references.keys()),
      set: alternation(sets.keys()),
      holiday: alternation([...holidays.values()].map((h) => h.name)),
    },
  };
}

export function timeLexicon(resources: Resources): TimeLexicon {
  return resources.use("time/lexicon", buildTimeLexicon);
}
