// Our own temporal-expression parsers, in chrono's style: each has a pattern and
// an extract step that turns a match into a candidate with a meaning. They run
// over one sentence's text at a time; offsets they return are sentence-relative.

import type { TimexType } from "../record.js";
import { DIGIT, LETTER } from "../text/letters.js";
import type { TimeLexicon } from "./lexicon.js";
import type { Clock, Meaning, Rel, ShiftUnit } from "./meaning.js";

export interface Found {
  start: number;
  end: number;
  type: TimexType;
  meaning: Meaning;
  bare?: boolean;
}

/** Kinds of trigger words: a parser runs on a sentence only when one of its kinds is there. */
export const CAT = {
  REF: 1 << 0,
  CURRENT: 1 << 1,
  CASUAL: 1 << 2,
  PART: 1 << 3,
  WEEKDAY: 1 << 4,
  RELUNIT: 1 << 5,
  UNIT: 1 << 6,
  MONTH: 1 << 7,
  YEAR: 1 << 8,
  DECADE: 1 << 9,
  CENTURY: 1 << 10,
  QUARTER: 1 << 11,
  HALF: 1 << 12,
  SEASON: 1 << 13,
  HOLIDAY: 1 << 14,
  SET: 1 << 16,
  NOON: 1 << 17,
  ANNIV: 1 << 18,
  YEARWORD: 1 << 19,
  CLOCK: 1 << 20,
  WEEKEND: 1 << 21,
} as const;

export interface TimexParser {
  name: string;
  /** Trigger kinds (CAT bits), any of which lets the parser run on a sentence. */
  needs: number;
  /** How many tokens before its trigger word a match may start ("the past two *years*": 3). */
  lookback: number;
  /** Words a match can begin with before its trigger word (lower case); others are not tried. */
  starts?: readonly string[];
  /** Higher wins when two parsers propose the same span. */
  priority: number;
  /** A global regex; `extract` sees each match. */
  pattern: RegExp;
  extract(m: RegExpExecArray, text: string): Found | Found[] | null;
}

/** What follows a four-digit number that is a count or a clock, not a year: "2000 troops", "1400 GMT". */
export const NOT_A_YEAR_AFTER =
  /^\s*(?:GMT|UTC|EST|EDT|hours|hrs|km|kilometers?|kilometres?|miles?|meters?|metres?|feet|ft|kg|tons?|tonnes?|people|persons|troops|soldiers|men|women|children|votes|cases|deaths|dead|members|students|workers|residents|units|vehicles|cars|homes|houses|pieces|copies|rounds|dollars|euros|yuan|yen|rubles|barrels|acres|hectares|points|delegates|seats|jobs|refugees|migrants|prisoners|km2|sq)\b/i;

/** Left and right word boundaries that also work next to "." and digits. */
const B = `(?<![${LETTER}${DIGIT}'’])`;
const E = `(?![${LETTER}${DIGIT}])`;

const TENS_WORDS =
  "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";
const ONES_WORDS = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

const ws = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

function parseNumber(lex: TimeLexicon, raw: string): number | "X" | null {
  const s = ws(raw).replace(/-/g, (m, i, str: string) => (/[a-z]-[a-z]/.test(str.slice(i - 1, i + 2)) ? "-" : m));
  const digits = /^(\d+(?:[.,]\d+)*)?[\s-]?(½|1\/2)?$/.exec(s);
  if (digits && (digits[1] || digits[2])) {
    let n = digits[1] ? Number(digits[1].replace(/,(?=\d{3}\b)/g, "")) : 0;
    if (Number.isNaN(n)) return null;
    if (digits[2]) n += 0.5;
    return n;
  }
  const v = lex.numbers.get(s);
  return v === undefined ? null : v;
}

function fmtAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** TIMEX3 duration value for n units ("P3Y", "PT2H", "PXW"). */
function durationValue(lex: TimeLexicon, n: number | "X", unitWord: string): string | null {
  const u = lex.units.get(unitWord.toLowerCase());
  if (!u) return null;
  const prefix = u.time ? "PT" : "P";
  if (n === "X") return `${prefix}X${u.unit}`;
  const amount = n * u.size;
  const unit = u.unit;
  // Fractions go to the next smaller unit, as TimeBank writes them: 2½ years is P2Y6M, 5½ hours PT5H30M.
  const smaller: Record<string, [string, number]> = u.time ? { H: ["M", 60], M: ["S", 60] } : { Y: ["M", 12], M: ["D", 30], D: ["H", 24], W: ["D", 7] };
  const frac = amount - Math.floor(amount);
  const next = smaller[unit];
  if (frac > 0 && next && Number.isInteger(frac * next[1])) {
    const whole = Math.floor(amount);
    const part = `${frac * next[1]}${next[0]}`;
    if (unit === "D") return whole ? `P${whole}DT${part}` : `PT${part}`;
    return whole ? `${prefix}${whole}${unit}${part}` : `${prefix}${part}`;
  }
  return `${prefix}${fmtAmount(amount)}${unit}`;
}

const REL_WORDS: Record<string, Rel> = {
  last: "last",
  past: "last",
  "this past": "last",
  previous: "last",
  "the previous": "last",
  this: "this",
  next: "next",
  coming: "next",
  "this coming": "next",
  "the following": "next",
  "the next": "next",
};

const relOf = (w: string | undefined): Rel => (w ? (REL_WORDS[ws(w)] ?? null) : null);

/** Build the parsers over a lexicon (once per analyser). */
export function buildParsers(lex: TimeLexicon): TimexParser[] {
  const R = lex.re;
  const PART = R.dayPart;
  const clockOfPart = (p: string | undefined): Clock => (p ? `T${lex.dayParts.get(ws(p)) ?? "XX"}` : null);
  const NUM = R.number;
  const parsers: TimexParser[] = [];
  const add = (p: TimexParser) => parsers.push(p);

  // ------------------------------------------------------------ vague references
  add({
    name: "reference",
    starts: ["the", "right", "just", "at", "more", "most", "these"],
    lookback: 4,
    needs: CAT.REF,
    priority: 1,
    pattern: new RegExp(`${B}(?<r>${R.reference})${E}(?!-)`, "giu"),
    extract(m) {
      const value = lex.references.get(ws(m.groups!.r!));
      if (!value) return null;
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "value", value } };
    },
  });

  // "current" before a noun ("the current crisis") is the present in TIMEX3.
  add({
    name: "current",
    lookback: 0,
    needs: CAT.CURRENT,
    priority: 0,
    pattern: new RegExp(`${B}current(?=\\s+[a-z])(?!\\s+(?:account|affairs|events|and|or|form|flow|flows))`, "gu"),
    extract(m) {
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "value", value: "PRESENT_REF" } };
    },
  });

  // ------------------------------------------------------------ today, yesterday, tonight
  add({
    name: "casual-day",
    starts: ["early", "earlier", "late", "later", "the"],
    lookback: 5,
    needs: CAT.CASUAL,
    priority: 5,
    pattern: new RegExp(
      `${B}(?:(?<mod>early|earlier|late|later)\\s+)?(?<d>today|tonight|yesterday|tomorrow|the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow)(?:(?:['’]s)?\\s+(?<part>${PART}))?${E}`,
      "giu",
    ),
    extract(m) {
      const d = ws(m.groups!.d!);
      const n = d === "yesterday" ? -1 : d === "tomorrow" ? 1 : d === "the day before yesterday" ? -2 : d === "the day after tomorrow" ? 2 : 0;
      let clock = clockOfPart(m.groups!.part);
      if (d === "tonight") clock = "TNI";
      return { start: m.index, end: m.index + m[0].length, type: clock ? "TIME" : "DATE", meaning: { kind: "shift", unit: "D", n, clock } };
    },
  });
  add({
    name: "part-of-today",
    starts: ["early", "earlier", "late", "later", "this", "last"],
    lookback: 3,
    needs: CAT.PART,
    priority: 5,
    pattern: new RegExp(`${B}(?:(?<mod>early|earlier|late|later)\\s+)?(?<rel>this|last)\\s+(?<part>${PART})${E}`, "giu"),
    extract(m) {
      const rel = m.groups!.rel!.toLowerCase();
      const part = m.groups!.part!.toLowerCase();
      const n = rel === "last" ? -1 : 0; // "last night" is the night before
      return { start: m.index, end: m.index + m[0].length, type: "TIME", meaning: { kind: "shift", unit: "D", n, clock: clockOfPart(part) } };
    },
  });

  // ------------------------------------------------------------ weekdays
  add({
    name: "weekday",
    starts: ["early", "late", "earlier", "later", "last", "this", "next", "the", "past", "coming"],
    lookback: 4,
    needs: CAT.WEEKDAY,
    priority: 4,
    pattern: new RegExp(
      `${B}(?:(?<mod>early|late|earlier|later)\\s+)?(?:(?<rel>last|this\\s+past|this\\s+coming|this|next|the\\s+previous|the\\s+following|past|coming)\\s+)?(?<wd>${R.weekday})(?:,?\\s+(?<part>${PART})${E})?(?!\\.?[${LETTER}${DIGIT}])`,
      "giu",
    ),
    extract(m) {
      const g = m.groups!;
      const word = g.wd!;
      if (!/^\p{Lu}/u.test(word)) return null;
      const weekday = lex.weekdays.get(word.toLowerCase().replace(/\.$/, ""));
      if (!weekday) return null;
      const clock = clockOfPart(g.part);
      let end = m.index + m[0].length;
      // "Tues." keeps its dot only as an abbreviation, not as a full stop.
      if (m[0].endsWith(".") && !/^(?:tues|thurs)\.$/i.test(word)) end--;
      const fromDiscourse = g.rel ? /^the\s/i.test(g.rel) : false;
      return { start: m.index, end, type: clock ? "TIME" : "DATE", meaning: { kind: "weekday", weekday, rel: relOf(g.rel), clock, fromDiscourse } };
    },
  });

  // ------------------------------------------------------------ last week, this year, next month
  add({
    name: "relative",
    starts: ["last", "this", "next", "past", "previous", "coming", "current", "the", "that"],
    lookback: 3,
    needs: CAT.RELUNIT,
    priority: 5,
    pattern: new RegExp(
      `${B}(?<rel>last|this|next|past|previous|coming|current|the\\s+current|the\\s+past|the\\s+previous|the\\s+following|the\\s+next|the\\s+last|the\\s+coming|this\\s+past|this\\s+coming|the\\s+same|that|the\\s+latest|the\\s+most\\s+recent)\\s+(?<u>week|weekend|month|year|quarter|decade|century|fiscal\\s+year|calendar\\s+year)${E}(?!-)`,
      "giu",
    ),
    extract(m) {
      const rel = ws(m.groups!.rel!);
      const u = ws(m.groups!.u!);
      const start = m.index;
      const end = m.index + m[0].length;
      const unit: ShiftUnit | null =
        u === "week" ? "W" : u === "weekend" ? "WE" : u === "month" ? "M" : u === "quarter" ? "Q" : u === "decade" ? "DE" : u === "century" ? "CE" : "Y";
      // Anaphoric forms read the discourse's last date.
      if (rel === "the following" || rel === "the same" || rel === "that") {
        if (unit === "Q" || unit === "DE" || unit === "CE" || unit === "WE") return null;
        const n = rel === "the following" ? 1 : 0;
        return { start, end, type: "DATE", meaning: { kind: "anaphor", unit: unit as "W" | "M" | "Y", n, clock: null } };
      }
      // "the latest fiscal year": the last one completed (the latest quarter is the quarter parser's).
      if (rel === "the latest" || rel === "the most recent") {
        if (unit !== "Y") return null;
        return { start, end, type: "DATE", meaning: { kind: "shift", unit: "Y", n: -1, clock: null } };
      }
      if (unit === "Q") {
        const n = rel === "last" || rel === "the last" || rel === "previous" || rel === "the previous" || rel === "the past" ? -1 : rel === "next" || rel === "the next" || rel === "coming" || rel === "the coming" ? 1 : 0;
        if (n === 0) return { start, end, type: "DATE", meaning: { kind: "quarter", q: null, year: null, yearShift: 0 } };
        return { start, end, type: "DATE", meaning: { kind: "shift", unit: "Q", n, clock: null } };
      }
      // "the past decade", "the last decade": the ten years up to now.
      if ((unit === "DE" || unit === "CE") && (rel === "the past" || rel === "past" || rel === "the last")) {
        return { start, end, type: "DURATION", meaning: { kind: "value", value: unit === "DE" ? "P10Y" : "P100Y" } };
      }
      let n: number;
      if (rel === "last" || rel === "past" || rel === "previous" || rel === "the past" || rel === "the previous" || rel === "the last" || rel === "this past") n = -1;
      else if (rel === "next" || rel === "coming" || rel === "the next" || rel === "the coming" || rel === "this coming") n = 1;
      else n = 0;
      return { start, end, type: "DATE", meaning: { kind: "shift", unit, n, clock: null } };
    },
  });
  // "the weekend": the one before or after publication, by tense.
  add({
    name: "weekend",
    starts: ["the"],
    lookback: 2,
    needs: CAT.WEEKEND,
    priority: 4,
    pattern: new RegExp(`${B}the\\s+weekend${E}`, "giu"),
    extract(m) {
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "weekend" } };
    },
  });
  // Years in words, as transcripts write them: "nineteen ninety-six", "the year two thousand".
  add({
    name: "year-words",
    starts: ["the"],
    lookback: 5,
    needs: CAT.YEARWORD,
    priority: 3,
    pattern: new RegExp(
      `${B}(?:(?<yr>the\\s+year\\s+)?(?<c>nineteen|eighteen|twenty)\\s+(?<d>${TENS_WORDS})|the\\s+year\\s+two\\s+thousand(?:\\s+(?:and\\s+)?(?<o>${ONES_WORDS}))?)${E}(?![\\s-]+(?:percent|people|dollars|years|of)\\b)`,
      "giu",
    ),
    extract(m) {
      const g = m.groups!;
      let y: number;
      if (g.c) {
        const century = g.c.toLowerCase() === "nineteen" ? 1900 : g.c.toLowerCase() === "eighteen" ? 1800 : 2000;
        const rest = parseNumber(lex, g.d!);
        if (typeof rest !== "number" || rest < 10 || rest > 99) return null;
        y = century + rest;
      } else {
        const o = g.o ? parseNumber(lex, g.o) : 0;
        if (typeof o !== "number") return null;
        y = 2000 + o;
      }
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "value", value: String(y) } };
    },
  });

  // "the end of the year", "the rest of the month": the current one.
  add({
    name: "part-of-unit",
    starts: ["the"],
    lookback: 7,
    needs: CAT.RELUNIT,
    priority: 6,
    pattern: new RegExp(
      `${B}(?:the\\s+(?:end|beginning|start|middle|rest|remainder|first\\s+half|second\\s+half|turn)\\s+of\\s+)(?:the|this)\\s+(?<u>week|month|year)${E}(?!-)`,
      "giu",
    ),
    extract(m) {
      const u = m.groups!.u!.toLowerCase();
      const unit: ShiftUnit = u === "week" ? "W" : u === "month" ? "M" : "Y";
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "shift", unit, n: 0, clock: null } };
    },
  });

  // ------------------------------------------------------------ last November, next April
  add({
    name: "month-rel",
    starts: ["last", "next", "this", "past", "coming"],
    lookback: 3,
    needs: CAT.MONTH,
    priority: 6,
    pattern: new RegExp(`${B}(?<rel>last|next|this\\s+past|this\\s+coming|this|past|coming)\\s+(?<mo>${R.month})(?![\\s.,]*\\d)${E}`, "giu"),
    extract(m) {
      const word = m.groups!.mo!;
      if (!/^\p{Lu}/u.test(word)) return null;
      const month = lex.months.get(word.toLowerCase().replace(/\.$/, ""));
      if (!month) return null;
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "date", year: null, month, day: null, rel: relOf(m.groups!.rel), clock: null } };
    },
  });

  // ------------------------------------------------------------ durations, "two years ago"
  const durationRe = new RegExp(
    `${B}(?:(?<det>the|these|those|its|their|his|her|our|this|that)\\s+)?` +
      `(?:(?<mod>past|last|next|previous|coming|first|latest|final|following|recent|ensuing|initial|remaining|preceding|same|other)\\s+)?` +
      `(?:(?<approx>more\\s+than|less\\s+than|fewer\\s+than|nearly|almost|about|around|over|at\\s+least|up\\s+to|roughly|approximately|just|only|another|an\\s+additional|a\\s+further|under|within)\\s+)?` +
      `(?<num>${NUM})(?:\\s+(?:to|or)\\s+(?<num2>${NUM}))?(?<half1>\\s+and\\s+a\\s+half)?` +
      `(?:\\s+(?:more|additional|full|straight|consecutive|long|extra|whole))?` +
      `(?:\\s+|-)(?<unit>${R.unit})(?<half2>\\s+and\\s+a\\s+half)?` +
      `(?:(?:\\s+|-)(?<tail>old|ago|earlier|later|before|after|from\\s+now|hence|since|in\\s+a\\s+row|or\\s+so|running))?${E}`,
    "giu",
  );
  add({
    name: "duration",
    lookback: 11,
    needs: CAT.UNIT,
    priority: 3,
    pattern: durationRe,
    extract(m, text) {
      const g = m.groups!;
      const tail = g.tail ? ws(g.tail) : "";
      const unitWord = g.unit!.toLowerCase();
      if (tail === "old") return null; // an age: "52 years old", "a 4-year-old"
      // "4½-year-old" etc.: an age written with hyphens.
      if (/^-old\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5))) return null;
      let n = parseNumber(lex, g.num!);
      if (n === null) return null;
      // "two and a half hours", "a year and a half"
      if ((g.half1 || g.half2) && typeof n === "number") n += 0.5;
      if (g.num2) n = "X"; // "two to three weeks": a range, an unknown amount
      if (typeof n === "number" && n > 10000) return null;
      const u = lex.units.get(unitWord);
      if (!u) return null;
      const start = m.index;
      const end = m.index + m[0].length;
      // A bare "a"/"an" duration needs the unit to be plausible as one ("a year", not "a second" as ordinal).
      if (tail === "ago" || tail === "from now" || tail === "hence") {
        if (n === "X") return { start, end, type: "DATE", meaning: { kind: "value", value: tail === "ago" ? "PAST_REF" : "FUTURE_REF" } };
        const sign = tail === "ago" ? -1 : 1;
        // "a year ago" beside a quarter's figures is that quarter a year before (resolve.ts).
        if (tail === "ago" && u.unit === "Y" && u.size === 1 && Number.isInteger(n)) {
          return { start, end, type: "DATE", meaning: { kind: "anaphor", unit: "Y", n: -n, clock: null, fromNow: true } };
        }
        const shift = shiftOf(u.unit, u.size, u.time, n, sign);
        if (!shift) return null;
        return { start, end, type: "DATE", meaning: shift };
      }
      // "a year earlier": the year (or reported quarter) before; "three days later" is
      // anchored to an event we do not resolve, so only its length is given.
      if ((tail === "earlier" || tail === "later") && u.unit === "Y" && u.size === 1 && n !== "X" && Number.isInteger(n)) {
        return { start, end, type: "DATE", meaning: { kind: "anaphor", unit: "Y", n: tail === "earlier" ? -n : n, clock: null, fromNow: true, fromYear: true } };
      }
      // "a second time", "one second summit": an ordinal, not a time.
      if (unitWord === "second" && /^\s+(?!ago|later|earlier|before|after|or|and|in|of|to)[a-z]/.test(text.slice(end, end + 10))) return null;
      // "a quarter of the votes", "three-quarters": a fraction, not a time.
      if (u.unit === "Q" && (/^\s+of\b/i.test(text.slice(end, end + 12)) || /-quarters?$/i.test(m[0].replace(/(?:\s+|-)(?:since|before|after)$/i, "")))) return null;
      const value = durationValue(lex, n, unitWord);
      if (!value) return null;
      // "will last three years": the verb "last", not "the last three years".
      let from = start;
      if (g.mod && g.mod.toLowerCase() === "last" && !g.det && lastIsVerb(text, start)) from = start + m[0].indexOf(g.mod) + g.mod.length;
      while (from < end && /\s/.test(text[from]!)) from++;
      // "since", "before", "after" belong to the clause, not the timex ("One year since …", "90 days after …").
      const cut = tail === "since" || tail === "before" || tail === "after" || tail === "earlier" || tail === "later" ? start + m[0].toLowerCase().lastIndexOf(tail) : end;
      let stop = cut;
      while (stop > start && /[\s-]/.test(text[stop - 1]!)) stop--;
      // "the 18-month strike": a determiner before a hyphenated length belongs to the noun.
      if (g.det && !g.mod && !g.approx && /^[^\s]+-[^\s]+$/.test(text.slice(start + m[0].indexOf(g.num!), stop))) from = start + m[0].indexOf(g.num!, g.det.length);
      return { start: from, end: stop, type: "DURATION", meaning: { kind: "value", value } };
    },
  });
  const PLURAL_UNITS = "(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)";
  // "the weeks ahead", "the days to come": an unknown length from now.
  add({
    name: "units-ahead",
    starts: ["the"],
    lookback: 1,
    needs: CAT.UNIT,
    priority: 3,
    pattern: new RegExp(`${B}the\\s+(?<unit>${PLURAL_UNITS})\\s+(?:ahead|to\\s+come)${E}`, "giu"),
    extract(m) {
      const value = vagueDuration(lex, m.groups!.unit!);
      return value ? { start: m.index, end: m.index + m[0].length, type: "DURATION", meaning: { kind: "value", value } } : null;
    },
  });
  // "recent years", "the coming weeks", "the past few months" without a number.
  add({
    name: "vague-duration",
    starts: ["the", "these", "recent", "coming", "past", "last", "next", "ensuing", "following", "early"],
    lookback: 3,
    needs: CAT.UNIT,
    priority: 3,
    pattern: new RegExp(`${B}(?:(?:the|these)\\s+)?(?<mod>recent|coming|past|last|next|ensuing|following|early)\\s+(?<unit>${R.unit})${E}`, "giu"),
    extract(m, text) {
      if (m[0].toLowerCase().startsWith("last") && lastIsVerb(text, m.index)) return null; // "could last years"
      const unitWord = m.groups!.unit!.toLowerCase();
      const u = lex.units.get(unitWord);
      if (!u || u.size !== 1 && u.unit !== "Y") return null;
      // Only plurals are vague amounts; "last year" is the relative parser's.
      if (lex.units.has(unitWord) && !/s$|ia$/.test(unitWord)) return null;
      const value = vagueDuration(lex, unitWord);
      if (!value) return null;
      return { start: m.index, end: m.index + m[0].length, type: "DURATION", meaning: { kind: "value", value } };
    },
  });

  // ------------------------------------------------------------ years, decades, centuries
  add({
    name: "year",
    starts: ["fiscal"],
    lookback: 2,
    needs: CAT.YEAR,
    priority: 2,
    pattern: new RegExp(
      `(?<![${LETTER}${DIGIT}$£€#.,/:'’-])(?:(?<pre>fiscal|mid-|post-|pre-)\\s*)?(?<y>1[5-9]\\d\\d|20\\d\\d)(?![${LETTER}${DIGIT}]|\\s*(?:%|percent|per\\s+cent)|[-–/]\\d|[.,:]\\d|['’]?s\\b)`,
      "giu",
    ),
    extract(m, text) {
      const y = Number(m.groups!.y);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      // A count or a clock, not a year: "2000 troops", "1400 GMT".
      if (NOT_A_YEAR_AFTER.test(after)) return null;
      if (/\d[\s,]*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) return null;
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "value", value: String(y) } };
    },
  });
  // "1999-2000", "the 1991-92 season": a range of two years, each a date.
  add({
    name: "year-range",
    lookback: 0,
    needs: CAT.YEAR,
    priority: 3,
    pattern: new RegExp(`(?<![${LETTER}${DIGIT}$£€#.,/:'’-])(?<a>1[5-9]\\d\\d|20\\d\\d)(?<sep>[-–/])(?<b>(?:1[5-9]|20)?\\d\\d)(?![${LETTER}${DIGIT}%]|[-–/.,:]\\d|\\s*(?:percent|per\\s+cent))`, "gu"),
    extract(m) {
      const g = m.groups!;
      const a = Number(g.a);
      const b = g.b!.length === 2 ? Math.floor(a / 100) * 100 + Number(g.b) : Number(g.b);
      if (b <= a || b - a > 20) return null;
      const start = m.index;
      const mid = start + g.a!.length;
      return [
        { start, end: mid, type: "DATE", meaning: { kind: "value", value: String(a) } },
        { start: mid + g.sep!.length, end: m.index + m[0].length, type: "DATE", meaning: { kind: "value", value: String(b) } },
      ];
    },
  });
  add({
    name: "decade",
    starts: ["the", "early", "mid", "late", "'", "’"],
    lookback: 4,
    needs: CAT.DECADE,
    priority: 3,
    pattern: new RegExp(
      `${B}(?:the\\s+)?(?:(?<mod>early|mid|late)[\\s-]+)?(?:(?<c>1[5-9]|20)(?<d>\\d)0['’]?s|['’](?<d2>\\d)0s|(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))${E}`,
      "giu",
    ),
    extract(m) {
      const g = m.groups!;
      const start = m.index;
      const end = m.index + m[0].length;
      // "the 1800s" is a century; "the 2000s" in news is the decade.
      if (g.c && g.d === "0" && Number(g.c) < 20) return { start, end, type: "DATE", meaning: { kind: "value", value: g.c } };
      if (g.c) return { start, end, type: "DATE", meaning: { kind: "value", value: `${g.c}${g.d}` } };
      const words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
      const digit = g.d2 ?? (g.w ? String(words.indexOf(g.w.toLowerCase()) + 2) : null);
      if (digit === null) return null;
      // A decade written without its century: the latest one that has begun.
      return { start, end, type: "DATE", meaning: { kind: "decade", digit: Number(digit) } };
    },
  });
  add({
    name: "century",
    lookback: 5,
    needs: CAT.CENTURY,
    priority: 3,
    pattern: new RegExp(`${B}(?:the\\s+)?(?:(?:early|mid|late)[\\s-]+)?(?<n>\\d{1,2})(?:st|nd|rd|th)[\\s-]+century${E}`, "giu"),
    extract(m) {
      const n = Number(m.groups!.n);
      if (n < 1 || n > 30) return null;
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "value", value: String(n - 1).padStart(2, "0") } };
    },
  });

  // ------------------------------------------------------------ quarters and halves
  const ORD: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4 };
  add({
    name: "quarter",
    lookback: 9,
    needs: CAT.QUARTER,
    priority: 5,
    pattern: new RegExp(
      `${B}(?:(?<det>the|this|last|next|its|their|a|that)\\s+)?(?:(?<adj>year-ago|year-earlier|year-before|latest|current|same|comparable|previous|prior)[\\s-]+)?(?:(?<y1>\\d{4})\\s+)?(?:(?:fiscal|calendar)[\\s-]+)?(?:(?<y1b>\\d{4})\\s+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\\s-]+(?:fiscal[\\s-]+)?quarters?(?:\\s+of\\s+(?:(?:fiscal|calendar)\\s+)?(?:(?<y2>\\d{4})|(?<rel>this|last|next)\\s+year))?${E}`,
      "giu",
    ),
    extract(m) {
      const g = m.groups!;
      const q = ORD[g.ord!.toLowerCase()]!;
      const y = g.y1 ?? g.y1b ?? g.y2;
      const det = g.det?.toLowerCase();
      const adj = g.adj?.toLowerCase();
      let yearShift = 0;
      if (adj && /^year-/.test(adj)) yearShift = -1;
      if (g.rel) yearShift = g.rel.toLowerCase() === "last" ? -1 : g.rel.toLowerCase() === "next" ? 1 : 0;
      const start = m.index;
      const end = m.index + m[0].length;
      if (y) return { start, end, type: "DATE", meaning: { kind: "value", value: `${y}-Q${q}` } };
      if (det === "last" && !g.rel) yearShift = -1;
      return { start, end, type: "DATE", meaning: { kind: "quarter", q, year: null, yearShift: g.rel || yearShift ? yearShift : 0 } };
    },
  });
  add({
    name: "quarter-code",
    lookback: 0,
    needs: CAT.QUARTER,
    priority: 5,
    pattern: new RegExp(`(?<![${LETTER}${DIGIT}])Q(?<q>[1-4])(?:\\s+(?<y>\\d{4}))?${E}`, "gu"),
    extract(m) {
      const q = Number(m.groups!.q);
      const start = m.index;
      const end = m.index + m[0].length;
      if (m.groups!.y) return { start, end, type: "DATE", meaning: { kind: "value", value: `${m.groups!.y}-Q${q}` } };
      return { start, end, type: "DATE", meaning: { kind: "quarter", q, year: null, yearShift: 0 } };
    },
  });
  add({
    name: "this-quarter",
    starts: ["the", "this", "that", "its", "their"],
    lookback: 7,
    needs: CAT.QUARTER,
    priority: 4,
    pattern: new RegExp(
      `${B}(?<det>the|this|that|its|their)\\s+(?:(?<adj>latest|current|recent|most\\s+recent|same|comparable|year-ago|year-earlier|just-ended|just\\s+ended|fiscal)[\\s-]+)*(?:fiscal\\s+)?quarter${E}(?!-)`,
      "giu",
    ),
    extract(m) {
      const adj = ws(m[0]);
      const yearShift = /year-(?:ago|earlier)/.test(adj) ? -1 : 0;
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "quarter", q: null, year: null, yearShift } };
    },
  });
  // "the year" of a report: the year under discussion; "the year ended June 30" is a length.
  add({
    name: "the-year",
    starts: ["the"],
    lookback: 2,
    needs: CAT.RELUNIT,
    priority: 2,
    pattern: new RegExp(`${B}the\\s+(?:(?:fiscal|calendar)\\s+)?year${E}(?![-'’]?\\s*(?:ago|earlier|before|after|since|that|when|in\\s+which|\\d|two|nineteen|-))`, "gu"),
    extract(m, text) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (/^\s+(?:ended|ending)\b/i.test(text.slice(end, end + 10))) return { start, end, type: "DURATION", meaning: { kind: "value", value: "P1Y" } };
      return { start, end, type: "DATE", meaning: { kind: "anaphor", unit: "Y", n: 0, clock: null, orNow: true } };
    },
  });
  // "by year-end", "since year end": the last day of this year or, looking back, of the last.
  add({
    name: "year-end",
    lookback: 1,
    needs: CAT.RELUNIT,
    priority: 3,
    // As a noun after a preposition; "year-end exams" may be a school year's.
    pattern: new RegExp(`(?<=${B}(?:by|since|at|before|after|until|till|through|around|near|from|to|of)\\s+)year[-\\s]end${E}(?!-)`, "giu"),
    extract(m) {
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "year-end" } };
    },
  });
  add({
    name: "period",
    starts: ["the"],
    lookback: 5,
    needs: CAT.QUARTER,
    priority: 4,
    pattern: new RegExp(`${B}the\\s+(?<adj>latest|current|recent|most\\s+recent|same|comparable|year-ago|year-earlier|just-ended|just\\s+ended)\\s+period${E}`, "giu"),
    extract(m) {
      const yearShift = /year-(?:ago|earlier)/i.test(m.groups!.adj!) ? -1 : 0;
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "quarter", q: null, year: null, yearShift, period: true } };
    },
  });
  // "day-long", "decades-long": a length.
  add({
    name: "long",
    lookback: 0,
    needs: CAT.UNIT,
    priority: 3,
    pattern: new RegExp(`${B}(?<unit>${R.unit})-long${E}`, "giu"),
    extract(m) {
      const w = m.groups!.unit!.toLowerCase();
      const value = durationValue(lex, /(?:s|ia)$/.test(w) ? "X" : 1, w);
      return value ? { start: m.index, end: m.index + m[0].length, type: "DURATION", meaning: { kind: "value", value } } : null;
    },
  });
  add({
    name: "year-ago",
    starts: ["the"],
    lookback: 3,
    needs: CAT.UNIT,
    priority: 3,
    pattern: new RegExp(`${B}(?:the\\s+)?year[-\\s](?:ago|earlier)(?:\\s+(?:period|quarter|level|levels|figure|figures|results))?${E}`, "giu"),
    extract(m) {
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "anaphor", unit: "Y", n: -1, clock: null, fromNow: true } };
    },
  });
  add({
    name: "half",
    starts: ["the", "first", "second", "last", "latter"],
    lookback: 3,
    needs: CAT.HALF,
    priority: 6,
    pattern: new RegExp(
      `${B}(?:the\\s+)?(?<ord>first|second|last|latter)\\s+half\\s+of\\s+(?:(?<y>\\d{4})|(?<rel>this|last|next)\\s+year|the\\s+year)${E}`,
      "giu",
    ),
    extract(m) {
      const g = m.groups!;
      const half = g.ord!.toLowerCase() === "first" ? 1 : 2;
      const year = g.y ? Number(g.y) : null;
      const yearShift = g.rel ? (g.rel.toLowerCase() === "last" ? -1 : g.rel.toLowerCase() === "next" ? 1 : 0) : 0;
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "half", half, year, yearShift } };
    },
  });

  // ------------------------------------------------------------ seasons
  add({
    name: "season",
    starts: ["last", "this", "next", "past", "coming", "the", "early", "late", "mid"],
    lookback: 3,
    needs: CAT.SEASON,
    priority: 4,
    pattern: new RegExp(
      `${B}(?:(?<rel>last|this\\s+past|this\\s+coming|this|next|past|coming|the|early|late|mid)[\\s-]+)?(?<s>${R.season})(?:\\s+of\\s+(?<y1>\\d{4})|\\s+(?<y2>\\d{4}))?${E}`,
      "giu",
    ),
    extract(m, text) {
      const g = m.groups!;
      const word = g.s!.toLowerCase();
      const info = lex.seasons.get(word);
      if (!info) return null;
      const y = g.y1 ?? g.y2;
      const relWord = g.rel ? ws(g.rel) : "";
      const start = m.index;
      const end = m.index + m[0].length;
      if (y) return { start, end, type: "DATE", meaning: { kind: "value", value: `${y}-${info.code}` } };
      // "the winter of nineteen ninety-four", as transcripts write years.
      const yw = new RegExp(`^\\s+of\\s+(nineteen|twenty)\\s+(${TENS_WORDS})${E}`, "iu").exec(text.slice(end, end + 40));
      if (yw) {
        const rest = parseNumber(lex, yw[2]!);
        if (typeof rest === "number" && rest >= 10) {
          const y = (yw[1]!.toLowerCase() === "nineteen" ? 1900 : 2000) + rest;
          return { start, end: end + yw[0].length, type: "DATE", meaning: { kind: "value", value: `${y}-${info.code}` } };
        }
      }
      // "the fall of Saigon": a noun, not a season; "the Winter Olympics", "the Summer Palace": names.
      if (/^\s+of\b/i.test(text.slice(end, end + 12))) return null;
      if (/^\p{Lu}/u.test(g.s!) && /^\s+\p{Lu}/u.test(text.slice(end, end + 3))) return null;
      const before = text.slice(Math.max(0, start - 12), start);
      const hasRel = relWord !== "" && relWord !== "the" && relWord !== "early" && relWord !== "late" && relWord !== "mid";
      if (word === "fall" && !hasRel && relWord !== "the" && !/\b(?:in|by|until|since|during|this|last|next)\s+$/i.test(before)) return null;
      if (!hasRel && relWord === "" && !/\b(?:in|by|until|since|during|through|over)\s+$/i.test(before)) return null;
      return { start, end, type: "DATE", meaning: { kind: "season", code: info.code, first: info.first, year: null, rel: relOf(relWord) }, bare: !hasRel };
    },
  });

  // ------------------------------------------------------------ holidays
  add({
    name: "holiday",
    starts: ["last", "next", "this"],
    lookback: 2,
    needs: CAT.HOLIDAY,
    priority: 5,
    pattern: new RegExp(`${B}(?:(?<rel>last|next|this)\\s+)?(?<h>${R.holiday})${E}`, "giu"),
    extract(m) {
      const name = m.groups!.h!;
      if (!/^\p{Lu}/u.test(name)) return null;
      const rule = lex.holidays.get(ws(name));
      if (!rule) return null;
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "holiday", name: rule.name.toLowerCase(), year: null, rel: relOf(m.groups!.rel), clock: null } };
    },
  });

  // ------------------------------------------------------------ sets
  add({
    name: "every",
    lookback: 4,
    starts: ["every", "each"],
    needs: CAT.UNIT | CAT.WEEKDAY | CAT.MONTH | CAT.PART | CAT.WEEKEND,
    priority: 6,
    pattern: new RegExp(
      `${B}(?<q>every|each)\\s+(?:(?<other>other|single)\\s+)?(?:(?<num>${NUM})\\s+)?(?<u>${R.unit}|${R.weekday}s?|${R.month}|${PART}|weekend)${E}`,
      "giu",
    ),
    extract(m) {
      const g = m.groups!;
      const u = ws(g.u!).replace(/\.$/, "");
      const start = m.index;
      const end = m.index + m[0].length;
      const wd = lex.weekdays.get(u.replace(/s$/, ""));
      if (wd) return { start, end, type: "SET", meaning: { kind: "value", value: `XXXX-WXX-${wd}` } };
      const mo = lex.months.get(u);
      if (mo) return { start, end, type: "SET", meaning: { kind: "value", value: `XXXX-${String(mo).padStart(2, "0")}` } };
      const part = lex.dayParts.get(u);
      if (part) return { start, end, type: "SET", meaning: { kind: "value", value: `XXXX-XX-XXT${part}` } };
      if (u === "weekend") return { start, end, type: "SET", meaning: { kind: "value", value: "XXXX-WXX-WE" } };
      let n: number | "X" = 1;
      if (g.num) {
        const p = parseNumber(lex, g.num);
        if (p === null) return null;
        n = p;
      }
      if (g.other) n = typeof n === "number" ? n * 2 : n;
      const value = durationValue(lex, n, u);
      return value ? { start, end, type: "SET", meaning: { kind: "value", value } } : null;
    },
  });
  add({
    name: "frequency",
    lookback: 0,
    needs: CAT.SET,
    priority: 2,
    pattern: new RegExp(`${B}(?<w>${R.set})${E}`, "giu"),
    extract(m, text) {
      const w = m.groups!.w!;
      // "the Communist Party daily Granma": a newspaper, not a frequency.
      if (/^\s+\p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return null;
      const value = lex.sets.get(w.toLowerCase());
      return value ? { start: m.index, end: m.index + m[0].length, type: "SET", meaning: { kind: "value", value } } : null;
    },
  });
  // "$2 million a year", "three times a week": a rate.
  add({
    name: "per-unit",
    lookback: 2,
    needs: CAT.UNIT,
    priority: 4,
    pattern: new RegExp(`${B}(?:a|an|per)\\s+(?<u>year|month|week|day|hour|quarter)${E}(?![-\\s]+(?:ago|earlier|later|old|before|after))`, "giu"),
    extract(m, text) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (!/(?:\d|%|percent|\btimes|\btwice|\bonce|\bthrice|\bmillion|\bbillion|\bthousand|\bhundred|\bdozens?)[^.;]{0,25}$/i.test(before)) return null;
      if (!/(?:\d|%|\btimes|\btwice|\bonce|\bthrice|million|billion|thousand|hundred|dozen)\S*\s*(?:\S+\s+){0,3}$/i.test(before)) return null;
      const value = durationValue(lex, 1, m.groups!.u!);
      return value ? { start: m.index, end: m.index + m[0].length, type: "SET", meaning: { kind: "value", value } } : null;
    },
  });

  // ------------------------------------------------------------ times of day
  add({
    name: "noon",
    lookback: 0,
    needs: CAT.NOON,
    priority: 4,
    pattern: new RegExp(`${B}(?<t>${R.clockWord})${E}`, "giu"),
    extract(m) {
      const clock = lex.clockWords.get(ws(m.groups!.t!));
      if (!clock) return null;
      return { start: m.index, end: m.index + m[0].length, type: "TIME", meaning: { kind: "clock", clock } };
    },
  });

  // Clock times chrono does not read: hours in words ("eight o'clock", "four thirty p.m.").
  const HOUR_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
  add({
    name: "clock-words",
    lookback: 3,
    needs: CAT.CLOCK,
    priority: 4,
    pattern: new RegExp(
      `${B}(?:(?<h>${HOUR_WORDS.join("|")})(?:[\\s-](?<mw>fifteen|thirty|forty[\\s-]five))?\\s*(?<suf>o['’]clock|a\\.m\\.?|p\\.m\\.?))${E}`,
      "giu",
    ),
    extract(m) {
      const g = m.groups!;
      let h = HOUR_WORDS.indexOf(g.h!.toLowerCase()) + 1;
      const mw = g.mw?.toLowerCase().replace(/[\s-]+/, " ");
      const min = mw === "fifteen" ? 15 : mw === "thirty" ? 30 : mw === "forty five" ? 45 : 0;
      const suf = g.suf!.toLowerCase();
      if (suf.startsWith("p") && h < 12) h += 12;
      else if (suf.startsWith("a") && h === 12) h = 0;
      const clock = `T${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
      return { start: m.index, end: m.index + m[0].length, type: "TIME", meaning: { kind: "clock", clock } };
    },
  });

  // ------------------------------------------------------------ anaphora and apposition
  add({
    name: "anaphor",
    starts: ["earlier", "later", "late", "early", "that", "the"],
    lookback: 5,
    needs: CAT.UNIT | CAT.PART,
    priority: 5,
    pattern: new RegExp(
      `${B}(?:(?<mod>earlier|later|late|early)\\s+)?(?<det>that|the\\s+same|the\\s+next|the\\s+following|the\\s+previous|the\\s+preceding|the\\s+prior)\\s+(?<u>day|week|month|year|${PART})${E}(?!-)|${B}the\\s+day\\s+(?<ba>before|after)${E}(?!\\s+(?:yesterday|tomorrow))`,
      "giu",
    ),
    extract(m) {
      const g = m.groups!;
      const start = m.index;
      const end = m.index + m[0].length;
      if (g.ba) return { start, end, type: "DATE", meaning: { kind: "anaphor", unit: "D", n: g.ba.toLowerCase() === "before" ? -1 : 1, clock: null } };
      const det = ws(g.det!);
      const u = ws(g.u!);
      const n = det === "the next" || det === "the following" ? 1 : det === "the previous" || det === "the preceding" || det === "the prior" ? -1 : 0;
      const part = lex.dayParts.get(u);
      if (part) return { start, end, type: "TIME", meaning: { kind: "anaphor", unit: "D", n, clock: `T${part}` } };
      const unit = u === "day" ? "D" : u === "week" ? "W" : u === "month" ? "M" : "Y";
      return { start, end, type: "DATE", meaning: { kind: "anaphor", unit, n, clock: null } };
    },
  });
  add({
    name: "anniversary",
    starts: ["the"],
    lookback: 4,
    needs: CAT.ANNIV,
    priority: 3,
    pattern: new RegExp(`${B}the\\s+(?:[${LETTER}\\d-]+\\s+)?anniversary${E}`, "giu"),
    extract(m) {
      return { start: m.index, end: m.index + m[0].length, type: "DATE", meaning: { kind: "apposition" } };
    },
  });

  return parsers;
}

/** "will last", "to last", "which last": the verb before a word "last" at `at`. */
const VERB_LAST_BEFORE = new RegExp(`(?:^|[^${LETTER}'’])(?:will|would|could|can|may|might|must|should|shall|to|not|never|which|['’]ll|n['’]t)\\s+$`, "iu");
function lastIsVerb(text: string, at: number): boolean {
  return VERB_LAST_BEFORE.test(text.slice(Math.max(0, at - 12), at));
}

/** An unknown number of a unit: "PXY", "PTXH", decades "PXDE", centuries "PXCE". */
function vagueDuration(lex: TimeLexicon, unitWord: string): string | null {
  const u = lex.units.get(unitWord.toLowerCase());
  if (!u) return null;
  return `${u.time ? "PT" : "P"}X${u.unit === "Y" && u.size === 10 ? "DE" : u.unit === "Y" && u.size === 100 ? "CE" : u.unit}`;
}

/** The shift meaning of "N units ago" / "N units from now". */
function shiftOf(unit: string, size: number, time: boolean, n: number, sign: number): Meaning | null {
  const amount = n * size;
  if (time) return Number.isInteger(amount) ? { kind: "shift", unit: "D", n: 0, clock: null } : null;
  if (!Number.isInteger(amount)) {
    // "a year and a half ago": in the next smaller unit.
    const smaller: Record<string, [string, number]> = { Y: ["M", 12], Q: ["M", 3], W: ["D", 7] };
    const next = smaller[unit];
    return next && Number.isInteger(amount * next[1]) ? shiftOf(next[0], 1, false, amount * next[1], sign) : null;
  }
  switch (unit) {
    case "D":
      return { kind: "shift", unit: "D", n: sign * amount, clock: null };
    case "W":
      return { kind: "shift", unit: "W", n: sign * amount, clock: null };
    case "M":
      return { kind: "shift", unit: "M", n: sign * amount, clock: null };
    case "Q":
      return { kind: "shift", unit: "Q", n: sign * amount, clock: null };
    case "Y":
      return { kind: "shift", unit: "Y", n: sign * amount, clock: null };
  }
  return null;
}
