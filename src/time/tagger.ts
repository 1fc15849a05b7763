// The temporal-expression tagger: which sentences to look at, candidates from
// chrono and our parsers, the refiners (names that are not times, bare month
// names, modifiers, overlaps, merges), then anchoring in document order.

import type { Sentence, Timex, Token } from "../pipeline/layers.js";
import { firstEndingAfter } from "../pipeline/spans.js";
import type { Resources } from "../pipeline/resources.js";
import { buildChrono, chronoHits } from "./chrono.js";
import { alternation, timeLexicon, type TimeLexicon } from "./lexicon.js";
import type { Candidate, Meaning } from "./meaning.js";
import { buildParsers, CAT, type TimexParser } from "./parsers.js";
import { newDiscourse, remember, resolve } from "./resolve.js";
import { explicitFutureAt, tenseAt } from "./tense.js";
import type { WordForm } from "../text/vocabulary.js";
import { LETTER } from "../text/letters.js";

export interface TimeTagger {
  lex: TimeLexicon;
  parsers: TimexParser[];
  /** Each parser's pattern as a sticky regex, tried only at token starts near its trigger words. */
  sticky: RegExp[];
  /** Each parser's possible first words (null: any). */
  starts: (Set<string> | null)[];
  chrono: ReturnType<typeof buildChrono>;
  /** Trigger kinds (CAT bits) of each trigger word: a sentence is parsed only by the parsers its triggers call for. */
  kinds: Map<string, number>;
  /** Trigger kinds of token texts seen so far (0 for most words). */
  /** A month name or a numeric date: the sentences chrono reads when inferring a publication date. */
  dateTrigger: RegExp;
  notTimes: RegExp | null;
}

const CHRONO_KINDS = CAT.MONTH | CAT.CLOCK;

export function buildTimeTagger(lex: TimeLexicon): TimeTagger {
  const kinds = new Map<string, number>();
  const mark = (word: string, kind: number) => kinds.set(word.toLowerCase(), (kinds.get(word.toLowerCase()) ?? 0) | kind);
  for (const w of lex.months.keys()) mark(w, CAT.MONTH);
  for (const w of lex.weekdays.keys()) mark(w, CAT.WEEKDAY);
  for (const w of lex.units.keys()) mark(w, CAT.UNIT);
  for (const w of ["week", "weekend", "month", "year", "quarter", "decade", "century"]) mark(w, CAT.RELUNIT);
  for (const w of lex.seasons.keys()) mark(w, CAT.SEASON);
  for (const w of lex.sets.keys()) mark(w, CAT.SET);
  for (const r of lex.references.keys()) mark(r.split(" ").pop()!, CAT.REF);
  for (const h of lex.holidays.values()) mark(h.name.split(" ")[0]!, CAT.HOLIDAY);
  for (const w of ["today", "tonight", "yesterday", "tomorrow"]) mark(w, CAT.CASUAL);
  for (const w of lex.dayParts.keys()) mark(w.split(" ").pop()!, CAT.PART);
  for (const w of lex.clockWords.keys()) mark(w.split(" ").pop()!, CAT.NOON);
  for (const w of ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]) mark(w, CAT.DECADE);
  for (const w of ["nineteen", "eighteen", "twenty", "thousand"]) mark(w, CAT.YEARWORD);
  for (const w of ["quarter", "quarters", "period"]) mark(w, CAT.QUARTER);
  for (const w of ["century", "centuries"]) mark(w, CAT.CENTURY);
  for (const w of ["year-ago", "year-earlier"]) mark(w, CAT.UNIT | CAT.RELUNIT);
  mark("weekend", CAT.WEEKEND);
  mark("current", CAT.CURRENT);
  mark("half", CAT.HALF);
  mark("anniversary", CAT.ANNIV);
  const dateTrigger = new RegExp(`(?<![${LETTER}])${alternation(lex.months.keys())}(?![${LETTER}])|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}`, "iu");
  const notTimes = lex.notTimes.length ? new RegExp(`(?<![${LETTER}])${alternation(lex.notTimes)}(?![${LETTER}])`, "gu") : null;
  const parsers = buildParsers(lex);
  const sticky = parsers.map((p) => new RegExp(p.pattern.source, p.pattern.flags.replace("g", "") + "y"));
  const starts = parsers.map((p) => (p.starts ? new Set(p.starts) : null));
  return { lex, parsers, sticky, starts, chrono: buildChrono(), kinds, dateTrigger, notTimes };
}

const NUMERIC_DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;

/** The trigger kinds of one token, remembered on its word form (the same words recur from document to document). */
function tokenKinds(tagger: TimeTagger, form: WordForm): number {
  const k = form.timeKinds;
  return k >= 0 ? k : (form.timeKinds = computeTokenKinds(tagger, form.lower));
}

/** The trigger kinds of one token ("year", "Aug.", "1990s", "10:35", "a.m.", "third-quarter"). */
function computeTokenKinds(tagger: TimeTagger, lower: string): number {
  const k = tagger.kinds.get(lower);
  if (k !== undefined) return k;
  // "2020-07-01", "2019/05/03": a numeric date, chrono's to read.
  if (NUMERIC_DATE.test(lower)) return CAT.YEAR | CAT.MONTH;
  if (lower.length > 2 && lower.includes("-")) {
    let all = 0;
    for (const part of lower.split("-")) if (part) all |= computeTokenKinds(tagger, part);
    return all;
  }
  if (lower.endsWith(".")) {
    const bare = tagger.kinds.get(lower.slice(0, -1));
    if (bare !== undefined) return bare;
  }
  const c = lower.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    // A year, a decade ("1990s"); not a clock time: chrono reads none without a meridiem or a colon.
    if (/^\d{4}/.test(lower)) return CAT.YEAR | CAT.DECADE;
    if (/\d0['’]?s$/.test(lower)) return CAT.DECADE;
    if (/\d:\d\d|\d(?:a|p)\.?m/.test(lower)) return CAT.CLOCK;
    return 0;
  }
  if (lower === "a.m." || lower === "p.m." || lower === "a.m" || lower === "p.m" || lower === "am" || lower === "pm" || lower === "o'clock" || lower === "o’clock") return CAT.CLOCK;
  if (/^q[1-4]$/.test(lower)) return CAT.QUARTER;
  if ((c === 39 || c === 8217) && /^['’]\d0s$/.test(lower)) return CAT.DECADE;
  return 0;
}

/** Parts of speech no trigger word has (function words, punctuation). */
const SKIP_POS = new Set(["PUNCT", "DET", "PRON", "CCONJ", "SCONJ", "PART", "SYM", "VERB", "AUX", "ADP", "INTJ"]);

/** The trigger kinds of every token, and their union per sentence (0: nothing that could be a timex). */
function triggerKinds(tagger: TimeTagger, sentences: readonly Sentence[], tokens: readonly Token[]): { perToken: Uint32Array; perSentence: Uint32Array } {
  const perToken = new Uint32Array(tokens.length);
  const perSentence = new Uint32Array(sentences.length);
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    let k = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const tok = tokens[i]!;
      if (SKIP_POS.has(tok.pos) && !tok.lower.includes("-")) continue;
      const t = tokenKinds(tagger, tok.form);
      perToken[i] = t;
      k |= t;
    }
    perSentence[si] = k;
  }
  return { perToken, perSentence };
}

export function timeTagger(resources: Resources): TimeTagger {
  return resources.use("time/tagger", () => buildTimeTagger(timeLexicon(resources)));
}

// ---------------------------------------------------------------- candidates

/** The offset just after the next hyphen in [from, end) of a token, or -1. */
function nextHyphenStart(sub: string, from: number, end: number): number {
  // Within the token only: an indexOf over the rest of a long sentence would make the scan quadratic.
  for (let i = from; i + 1 < end; i++) if (sub.charCodeAt(i) === 45) return i + 1;
  return -1;
}

function sentenceCandidates(tagger: TimeTagger, text: string, s: Sentence, kinds: number, tokens: readonly Token[], perToken: Uint32Array): Candidate[] {
  const sub = text.slice(s.start, s.end);
  const out: Candidate[] = [];
  const parsers = tagger.parsers;
  for (let pi = 0; pi < parsers.length; pi++) {
    const p = parsers[pi]!;
    if ((p.needs & kinds) === 0) continue;
    const re = tagger.sticky[pi]!;
    const startWords = tagger.starts[pi]!;
    let done = 0; // sentence offset before which matches are settled
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      if ((perToken[t]! & p.needs) === 0) continue;
      const triggerEnd = tokens[t]!.end - s.start;
      if (triggerEnd <= done) continue;
      for (let j = Math.max(s.tokenStart, t - p.lookback); j <= t && done < triggerEnd; j++) {
        const tok = tokens[j]!;
        if (j < t && startWords && !startWords.has(tok.lower) && !tok.lower.includes("-")) continue;
        // A word may also start after a hyphen inside a token ("State-Eight days", "Leave-Monday").
        for (let at = tok.start - s.start; at >= 0; at = nextHyphenStart(sub, at, tok.end - s.start)) {
          if (at < done) continue;
          re.lastIndex = at;
          const m = re.exec(sub);
          if (!m || m[0].length === 0) continue;
          const found = p.extract(m, sub);
          if (!found) continue;
          for (const f of Array.isArray(found) ? found : [found]) {
            if (f.end <= f.start) continue;
            out.push({ start: s.start + f.start, end: s.start + f.end, type: f.type, meaning: f.meaning, parser: p.name, priority: p.priority, bare: f.bare });
          }
          done = m.index + m[0].length;
          if (done >= triggerEnd) break;
        }
      }
    }
  }
  if (kinds & CHRONO_KINDS) {
    for (const h of chronoHits(tagger.chrono, sub)) {
      const start = s.start + h.start;
      const end = s.start + h.end;
      if (h.kind === "clock") {
        const hh = h.hour ?? 0;
        const mm = h.minute ?? 0;
        out.push({ start, end, type: "TIME", meaning: { kind: "clock", clock: `T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}` }, parser: "chrono-time", priority: 4 });
        continue;
      }
      const meaning: Meaning = { kind: "date", year: h.year, month: h.month!, day: h.day, rel: null, clock: null };
      out.push({ start, end, type: "DATE", meaning, parser: "chrono", priority: 5, bare: h.monthOnly && h.year === null });
    }
  }
  return out;
}

// ---------------------------------------------------------------- refiners

/** Prepositions and modifiers that make a bare month name a date ("in May", "late March"). */
const MONTH_LEAD = new RegExp(`(?:^|[^${LETTER}])(?:in|since|by|until|till|through|throughout|during|from|to|of|before|after|early|late|mid|end|beginning|start|middle|between|and|or|each|every|last|next|this|on|for|as\\s+of)[\\s-]*$`, "iu");
const AMBIGUOUS_MONTHS = new Set(["may", "march", "august"]);

function previousWord(text: string, at: number): string {
  const m = /([\p{L}\p{N}'’.-]+)[\s,]*$/u.exec(text.slice(Math.max(0, at - 30), at));
  return m ? m[1]! : "";
}

/** Only spaces, quotes and brackets between the sentence's start and `at` (scanned back from `at`). */
function atSentenceStart(text: string, s: Sentence, at: number): boolean {
  let i = at;
  while (i > s.start && OPENERS.includes(text[i - 1]!)) i--;
  return i <= s.start;
}
const OPENERS = " \t\n\r\u00a0\"'“‘`([";

/** A bare month name (no day, no year) that is really a name or a verb. */
function isFalseMonth(text: string, s: Sentence, c: Candidate): boolean {
  const word = text.slice(c.start, c.end);
  if (!/^\p{Lu}/u.test(word)) return true;
  const before = text.slice(Math.max(s.start, c.start - 16), c.start);
  const led = MONTH_LEAD.test(before);
  if (AMBIGUOUS_MONTHS.has(word.toLowerCase().replace(/\.$/, ""))) return !led;
  if (led) return false;
  const prev = previousWord(text, c.start);
  // "Theresa May", "June Carter": a name next to a name.
  if (prev && /^\p{Lu}/u.test(prev) && !atSentenceStart(text, s, c.start - prev.length - 1)) return true;
  if (/^\s+\p{Lu}\p{Ll}/u.test(text.slice(c.end, c.end + 3))) return true;
  return false;
}

/** "USA Today", ABC's "This Week": a capitalised casual date inside a sentence is a title. */
function isTitleName(text: string, s: Sentence, c: Candidate): boolean {
  if (c.parser !== "casual-day" && c.parser !== "relative") return false;
  const surface = text.slice(c.start, c.end);
  if (!/^\p{Lu}/u.test(surface) || atSentenceStart(text, s, c.start)) return false;
  if (/[.!?:;"“‘`(\[—–-]\s*$/.test(text.slice(Math.max(s.start, c.start - 3), c.start))) return false;
  return surface.split(/\s+/).every((w) => /^\p{Lu}/u.test(w));
}

/** Words before a date that belong to the timex ("late November", "the end of 1990", "mid-"). */
const MOD_BEFORE = new RegExp(`(?:^|[^${LETTER}])((?:early|earlier|late|later|mid|the\\s+(?:very\\s+)?(?:end|beginning|start|middle|rest|remainder|turn)\\s+of|the\\s+(?:first|second|latter|last)\\s+half\\s+of)[\\s-]*)$`, "iu");
const HALF_BEFORE = /the\s+(first|second|latter|last)\s+half\s+of/i;

function extendModifiers(text: string, s: Sentence, c: Candidate): Candidate {
  if (c.type === "DURATION" || c.type === "SET") return c;
  const m = c.meaning;
  if (m.kind === "value" && /_REF$/.test(m.value)) return c;
  const before = text.slice(Math.max(s.start, c.start - 32), c.start);
  const x = MOD_BEFORE.exec(before);
  if (!x) return c;
  const start = c.start - x[1]!.length;
  const half = HALF_BEFORE.exec(x[1]!);
  if (half && m.kind === "value" && /^\d{4}$/.test(m.value)) {
    const h = half[1]!.toLowerCase() === "first" ? 1 : 2;
    return { ...c, start, meaning: { kind: "value", value: `${m.value}-H${h}` }, bare: false };
  }
  return { ...c, start, bare: false };
}

const byStrength = (a: Candidate, b: Candidate) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start;

/**
 * Of overlapping candidates keep the strongest (longest, then highest priority,
 * then first). A sweep by start cuts the candidates into runs linked by overlap;
 * runs are independent, so the greedy choice is made within each (usually of two or three).
 */
function removeOverlaps(cands: Candidate[]): Candidate[] {
  if (cands.length < 2) return cands;
  const byStart = [...cands].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (let i = 0; i < byStart.length; ) {
    let j = i + 1;
    let reach = byStart[i]!.end;
    while (j < byStart.length && byStart[j]!.start < reach) reach = Math.max(reach, byStart[j++]!.end);
    if (j === i + 1) out.push(byStart[i]!);
    else for (const c of strongest(byStart.slice(i, j))) out.push(c);
    i = j;
  }
  return out;
}

/** The greedy choice within one run: kept spans stay sorted and disjoint, so a binary search finds a clash. */
function strongest(run: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of run.sort(byStrength)) {
    // The first kept span ending after c starts is the only one that can overlap it.
    const lo = firstEndingAfter(kept, c.start);
    if (lo < kept.length && kept[lo]!.start < c.end) continue;
    kept.splice(lo, 0, c);
  }
  return kept;
}

/** Whether [start, end) overlaps one of the sorted, disjoint spans. */
function overlapsAny(spans: readonly [number, number][], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]![0] < end;
}

const isDay = (m: Meaning) =>
  (m.kind === "date" && m.day !== null) || m.kind === "weekday" || m.kind === "holiday" || (m.kind === "shift" && m.unit === "D");

function withClock(m: Meaning, clock: string): Meaning {
  if (m.kind === "date" || m.kind === "weekday" || m.kind === "holiday" || m.kind === "shift" || m.kind === "anaphor") return { ...m, clock };
  return m;
}

/** Join neighbours that are one expression: "10 p.m. Wednesday", "Saturday, April 25". */
function mergeNeighbours(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!;
    const b = cands[i + 1];
    if (b && b.start - a.end <= 16) {
      const gap = text.slice(a.end, b.start);
      const a2 = a.meaning;
      const b2 = b.meaning;
      if (/^(?:,?\s*(?:on\s+)?|\s+(?:(?:[A-Z]{2,4}|local\s+time)\s*,?\s*)?(?:on\s+)?)$/.test(gap) && gap.length <= 16) {
        // clock + day
        if (a2.kind === "clock" && isDay(b2)) {
          out.push({ ...b, start: a.start, type: "TIME", meaning: withClock(b2, a2.clock) });
          i++;
          continue;
        }
        // weekday + date
        if (a2.kind === "weekday" && b2.kind === "date" && b2.day !== null && /^,?\s*$/.test(gap)) {
          out.push({ ...b, start: a.start, meaning: { ...b2, weekday: a2.weekday } });
          i++;
          continue;
        }
      }
      // "April next year", "October this year", "June last year"
      if (a2.kind === "date" && a2.year === null && a2.rel === null && b2.kind === "shift" && b2.unit === "Y" && Math.abs(b2.n) <= 1 && /^,?\s+(?:of\s+)?$/.test(gap)) {
        out.push({ ...a, end: b.end, meaning: { ...a2, yearOffset: b2.n } });
        i++;
        continue;
      }
      if (/^(?:,?\s*(?:at\s+|around\s+|about\s+)?)$/.test(gap) && isDay(a2) && b2.kind === "clock") {
        out.push({ ...a, end: b.end, type: "TIME", meaning: withClock(a2, b2.clock) });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** Spans of names that are not times ("Sunday Times", "Arab Spring"), found once per document. */
export function notTimeSpans(tagger: TimeTagger, text: string): [number, number][] {
  if (!tagger.notTimes) return [];
  const re = tagger.notTimes;
  re.lastIndex = 0;
  const spans: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

// ---------------------------------------------------------------- the tagger

export function tagTimexes(tagger: TimeTagger, text: string, sentences: readonly Sentence[], tokens: readonly Token[], pub: number): Timex[] {
  const out: Timex[] = [];
  const discourse = newDiscourse();
  let previous: { end: number; value: string } | null = null;
  const { perToken, perSentence: kinds } = triggerKinds(tagger, sentences, tokens);
  let blocked: [number, number][] | null = null;
  for (let si = 0; si < sentences.length; si++) {
    if (kinds[si] === 0) continue;
    const s = sentences[si]!;
    let cands = sentenceCandidates(tagger, text, s, kinds[si]!, tokens, perToken);
    if (cands.length === 0) continue;
    blocked ??= notTimeSpans(tagger, text);
    if (blocked.length) cands = cands.filter((c) => !overlapsAny(blocked!, c.start, c.end));
    cands = cands.filter((c) => !(c.bare && c.meaning.kind === "date" && isFalseMonth(text, s, c)) && !isTitleName(text, s, c));
    cands = cands.map((c) => extendModifiers(text, s, c));
    cands = mergeNeighbours(text, removeOverlaps(cands));
    // A clock time with no day of its own takes the sentence's day, if it names one.
    let sentenceDay: Candidate | null = null;
    for (const c of cands) if (isDay(c.meaning) && c.meaning.kind !== "shift") sentenceDay = sentenceDay ?? c;
    for (const c0 of cands) {
      let c = c0;
      if (c.meaning.kind === "clock" && sentenceDay) c = { ...c, meaning: withClock(sentenceDay.meaning, c.meaning.clock) };
      const tense = tenseAt(tokens, s, c.start, c.end);
      const m = c.meaning;
      const explicitFuture = tense === "future" && m.kind === "date" && m.year === null && m.rel === null && explicitFutureAt(tokens, s, c.start, c.end);
      const r = resolve(c, { pub, tense, explicitFuture, sentence: si, lex: tagger.lex, discourse }, previous, text);
      if (!r) continue;
      remember(discourse, c, r, si, pub);
      previous = { end: c.end, value: r.value };
      out.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), type: r.type, value: r.value, sentence: si });
    }
  }
  return out;
}
