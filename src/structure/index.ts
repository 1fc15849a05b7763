// Document structure of scraped text: title, source line, dateline, captions,
// related-link lists, boilerplate, junk, and the body paragraphs.
//
// Lines are classified top to bottom. The head (before the first body paragraph)
// may hold a title, a deck (one summary line right under the title, known by the
// byline, date line or source line under it, and analysed like the title), a
// source line, bylines, date lines, captions and a dateline; anywhere after it,
// link-list headers start lists of other articles' headlines, captions are told by
// their credits (inline, or a credit line next to a short line), and credit lines,
// copyright and page furniture are set aside. Hard-wrapped paragraphs are joined
// first (lines.ts). Text with no line breaks at all (VOA's scraped layout, where
// headline, dateline and paragraphs are glued with hyphens) has its own reader.

import type { Stage } from "../pipeline/pipeline.js";
import type { Resources } from "../pipeline/resources.js";
import type { Dateline, Segment, Structure } from "../pipeline/layers.js";
import type { CaptionRecord, Span, TextSpan } from "../record.js";
import { buildStructureBook, EMPTY_BOOK, normKey, type StructureBook } from "./book.js";
import {
  CLOSERS,
  isDigitCode,
  isLowerCode,
  isSpaceCode,
  isUpperCode,
  OPENERS,
  sentenceBreak,
  trimEnd,
  trimStart,
  wordStats,
  indexIn,
  countWords,
  proseAhead,
} from "./chars.js";
import { agencyOf, matchCaption, opensWithCaptionLabel, type CaptionMatch } from "./credits.js";
import { matchDateline } from "./dateline.js";
import { MONTH, WEEKDAY } from "./calendar.js";
import { scanLines, type HardBreak, type Line } from "./lines.js";

export { buildStructureBook, type StructureBook } from "./book.js";

/** What the caller knows about the document (the batch input's own title and source). */
export interface StructureHints {
  title?: string | null;
  source?: string | null;
}

class Builder {
  title: TextSpan | null = null;
  deck: TextSpan | null = null;
  source: TextSpan | null = null;
  dateline: Dateline | null = null;
  body: Span[] = [];
  captions: CaptionRecord[] = [];
  related: TextSpan[] = [];
  boilerplate: TextSpan[] = [];
  junk: Span[] = [];
  segments: Segment[] = [];
  dateLines: TextSpan[] = [];
  bylines: TextSpan[] = [];
  private captionIndex = new Map<string, number>();

  constructor(readonly text: string) {}

  span(start: number, end: number): TextSpan {
    return { start, end, text: this.text.slice(start, end) };
  }

  setTitle(start: number, end: number): void {
    this.title = this.span(start, end);
    this.segments.push({ start, end, kind: "title" });
  }

  /** The deck is analysed as the title is. */
  setDeck(start: number, end: number): void {
    this.deck = this.span(start, end);
    this.segments.push({ start, end, kind: "title" });
  }

  /** A date line is boilerplate the publication-date logic may read. */
  addDateLine(start: number, end: number): void {
    const span = this.span(start, end);
    this.boilerplate.push(span);
    this.dateLines.push(span);
  }

  /** A byline is boilerplate that names people. */
  addByline(start: number, end: number): void {
    const span = this.span(start, end);
    this.boilerplate.push(span);
    this.bylines.push(span);
  }

  addBody(start: number, end: number): void {
    start = trimStart(this.text, start, end);
    end = trimEnd(this.text, start, end);
    if (end <= start) return;
    this.body.push({ start, end });
    this.segments.push({ start, end, kind: "body" });
  }

  /** A caption occurrence: the first of its text is analysed, later verbatim ones are repeats. */
  addCaption(start: number, end: number, credit: string | null): void {
    const key = normKey(this.text.slice(start, end));
    const seen = this.captionIndex.get(key);
    if (seen !== undefined) {
      this.segments.push({ start, end, kind: "caption", caption: seen, repeat: true });
      const c = this.captions[seen]!;
      if (c.credit === null && credit !== null) c.credit = credit;
      return;
    }
    const index = this.captions.length;
    this.captionIndex.set(key, index);
    this.captions.push({ ...this.span(start, end), credit });
    this.segments.push({ start, end, kind: "caption", caption: index });
  }

  hasCaption(start: number, end: number): boolean {
    if (this.captionIndex.size === 0) return false;
    return this.captionIndex.has(normKey(this.text.slice(start, end)));
  }

  build(): Structure {
    const byStart = (a: Span, b: Span) => a.start - b.start;
    this.boilerplate.sort(byStart);
    this.junk.sort(byStart);
    this.related.sort(byStart);
    this.dateLines.sort(byStart);
    this.bylines.sort(byStart);
    return {
      title: this.title,
      source: this.source,
      dateline: this.dateline,
      body: this.body,
      captions: this.captions,
      related: this.related,
      boilerplate: this.boilerplate,
      junk: this.junk,
      segments: this.segments,
      deck: this.deck,
      dateLines: this.dateLines,
      bylines: this.bylines,
    };
  }
}

// ---------------------------------------------------------------- line tests

const BULLET = /^[•·*▪►»‣◦\-–—]\s+/;
const WITH_INPUT = /^\(\s*(?:with|additional|reporting|writing|editing|edited|compiled|contributing|contributions|source|sources|translated|written|text|inputs?)\b[^()]*\)$/i;
const CREDIT_LINE = /^(?:(?:additional |contributing )?reporting by|reported by|writing by|written by|editing by|edited by|compiled by|produced by|translated by|contributing:)\s/i;
const COPYRIGHT = /^(?:copyright\b|©|\(c\)\s|all rights reserved)|all rights reserved\.?$/i;
const ROLE_LABEL = /^(?:source|sources|editor|editors|chief editor|editor-in-chief|translator|photo editor|video editor|reporter|reporters|correspondent|author|producer|text|photos?)\s*[:：]/i;
const CONTRIBUTED = /\b(?:contributed|contributing) (?:to )?(?:this|the) (?:report|article|story)\.?$/i;
const DESK = /^[-–—]{1,2}\s*\S.*\b(?:newsroom|desk|bureau)\b/i;
const PHONE = /\+\d[\d\s\-()]{7,}\d/;
const BYLINE = /^By\s+[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|and|&|in|of|the|de|van|von|al)){0,8}(?:,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,5})*$/;
const DATE_TOKEN = new RegExp(
  `\\b(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{1,2}:\\d{2}(?::\\d{2})?|\\d{1,2}-[A-Za-z]{3}-\\d{4}|` +
    `${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:,?\\s+\\d{4})?|` +
    `\\d{1,3}\\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\\s+ago)(?![\\p{L}\\d])`,
  "gu",
);
const DATE_LINE_WORDS = new RegExp(
  `\\b(?:updated|published|posted|last|modified|on|at|gmt|utc|bst|cet|est|edt|pst|pdt|am|pm|a\\.m|p\\.m|${WEEKDAY})\\b|[+\\d|,:.\\-\\/()]`,
  "gi",
);
/** Upper-case time-zone abbreviations ("KST", "AEST", "CEST"), case-sensitive so that words are not taken. */
const TIME_ZONE = /\b[A-Z]{1,4}T\b/g;
const LONE_WORD = /^[\p{L}][\p{L}'’.\-]*[.:!?]?$/u;
/** A word of a person's name: capitalised, not upper-case ("Larry", "Min-ji", "O'Brien", "J."). */
const NAME_WORD = "(?:[A-Z]\\.|[A-Z][\\p{Ll}'’\\-]*(?:[A-Z][\\p{Ll}'’\\-]+)*)";
/** A byline without "By": a name, or names, and where they write from ("Justin McCurry in Tokyo", "Jane Doe and John Roe"). */
const BYLINE_NAMES = new RegExp(
  `^${NAME_WORD}(?:\\s+${NAME_WORD}){1,3}(?:(?:,\\s*|\\s+and\\s+|\\s*&\\s*)${NAME_WORD}(?:\\s+${NAME_WORD}){1,3}){0,3}(?:\\s+in\\s+[A-Z][\\p{L}'’.\\-]*(?:\\s+[A-Z][\\p{L}'’.\\-]*){0,2})?$`,
  "u",
);
/** Parts of Arabic and South Asian names written after a hyphen ("Zia-Ul Haq"). */
const NAME_PARTICLES = new Set(["ul", "ud", "ur", "al", "el", "bin", "ibn", "abu", "din", "deen", "e", "i"]);
const SOURCE_CUT = /\s+(?:\|\s*|(?=(?:published|updated|posted)\b))/i;
const CODE = /\/\*|\*\/|<!|\[CDATA\[|[{}]|\bfunction\s*\(|=>|;\s*var\s/;
const PUBLISHER_WORDS = /\b(?:news|times|post|herald|daily|press|agency|journal|television|tv|radio|network|online|media|tribune|gazette|telegraph|guardian|review|weekly|monitor|observer|chronicle|report|wire|channel|broadcasting)\b/i;

/** The line's last character ends a sentence or clause (. ! ? : ; , and closing quotes after them). */
function endsTerminal(text: string, s: number, e: number): boolean {
  let k = e;
  while (k > s && CLOSERS.includes(text[k - 1]!)) k--;
  if (k < e && k > s && ".!?,;:".includes(text[k - 1]!)) return true;
  if (k < e) return true; // ends with a closing quote or bracket: quoted speech, not a headline
  return ".!?,;:".includes(text[e - 1]!);
}

/** Headline-shaped: 1–30 words, one sentence at most, no full stop at the end. */
function headlineShaped(text: string, s: number, e: number, minWords = 2): boolean {
  if (e - s > 250) return false;
  const words = countWords(text, s, e);
  if (words < minWords || words > 30) return false;
  if (sentenceBreak(text, s, e) >= 0) return false;
  const last = text[e - 1]!;
  if (last === "?" || last === "!") return words <= 15;
  return !endsTerminal(text, s, e);
}

/** A headline with a full stop: one sentence of 20 words at most, in title case or known to stand in a list. */
function stoppedHeadline(text: string, s: number, e: number, inList: boolean): boolean {
  if (text.charCodeAt(e - 1) !== 46 || e - s > 200) return false;
  const words = countWords(text, s, e, 20);
  if (words < 2 || words > 20 || sentenceBreak(text, s, e) >= 0) return false;
  return inList || isTitleCase(text, s, trimEnd(text, s, e - 1));
}

/** Title case: (after the first word) at least three in four content words capitalised, and one lower-case one at most. */
function isTitleCase(text: string, s: number, e: number): boolean {
  let i = s;
  while (i < e && !isSpaceCode(text.charCodeAt(i))) i++;
  const st = wordStats(text, i, e);
  return st.content >= 2 && st.capitalized / st.content >= 0.75 && st.content - st.capitalized <= 1;
}

function isAllCaps(text: string, s: number, e: number): boolean {
  const st = wordStats(text, s, e);
  return st.letters >= 4 && st.upper / st.letters >= 0.8;
}

function lineText(text: string, l: Line): string {
  return text.slice(l.start, l.end);
}

function sameText(text: string, a: Line, b: Line): boolean {
  return a.end - a.start === b.end - b.start && text.startsWith(lineText(text, a), b.start);
}

/** A link-list header ("Read more:", "Related Articles"): the header's end, and where an inline headline starts, or null. */
function linkHeader(text: string, s: number, e: number, book: StructureBook): { end: number; rest: number } | null {
  if (book.linkHeaders.size === 0) return null;
  // whole line
  let k = e;
  while (k > s && (text[k - 1] === ":" || text[k - 1] === "：" || isSpaceCode(text.charCodeAt(k - 1)))) k--;
  if (e - s <= 40 && book.linkHeaders.has(normKey(text.slice(s, k)).replace(/^[\-–—|•]\s*|\s*[\-–—|»›>]+$/g, ""))) return { end: e, rest: e };
  // "Read more: Headline …" on one line
  const colon = indexIn(text, 58, s, Math.min(e, s + 31)); // ":"
  if (colon > s && colon - s <= 30 && colon < e - 1 && book.linkHeaders.has(normKey(text.slice(s, colon)))) {
    return { end: colon + 1, rest: trimStart(text, colon + 1, e) };
  }
  return null;
}

/** "By Min-ji Park", "By Jane Doe and John Roe in Tokyo". */
function isByline(text: string, s: number, e: number): boolean {
  return e - s <= 120 && countWords(text, s, e, 12) <= 12 && BYLINE.test(text.slice(s, e));
}

/** A line of a byline's names ("Larry Fine", "Justin McCurry in Tokyo"). */
function isBylineName(text: string, s: number, e: number): boolean {
  return e - s <= 80 && BYLINE_NAMES.test(text.slice(s, e));
}

function isBoilerplate(text: string, s: number, e: number, book: StructureBook): boolean {
  const words = countWords(text, s, e, 40);
  if (words > 40) return false;
  const line = text.slice(s, e);
  if (WITH_INPUT.test(line)) return true;
  if (words <= 40 && CREDIT_LINE.test(line)) return true;
  if (words <= 30 && COPYRIGHT.test(line)) return true;
  if (words <= 12 && ROLE_LABEL.test(line)) return true;
  if (words <= 25 && CONTRIBUTED.test(line)) return true;
  if (words <= 12 && (DESK.test(line) || PHONE.test(line))) return true;
  if (words <= 12 && BYLINE.test(line)) return true; // isByline
  // an agency's credit on its own line: "(Reuters)"
  return words <= 4 && line.startsWith("(") && line.endsWith(")") && agencyOf(line.slice(1, -1), book) !== null;
}

/** A date/time line in the head ("Updated 14:25, 01-Jul-2020", "July 1, 2020 | 10:23 GMT"). */
function isDateLine(text: string, s: number, e: number): boolean {
  if (countWords(text, s, e) > 12) return false;
  const line = text.slice(s, e);
  DATE_TOKEN.lastIndex = 0;
  if (!DATE_TOKEN.test(line)) return false;
  DATE_TOKEN.lastIndex = 0;
  const rest = line.replace(DATE_TOKEN, " ").replace(TIME_ZONE, " ").replace(DATE_LINE_WORDS, " ");
  return !/[A-Za-z]{3,}/.test(rest);
}

/** Share of letters and spaces in [s, e): prose is mostly letters, code is not. */
function proseShare(text: string, s: number, e: number): number {
  let prose = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isUpperCode(c) || isLowerCode(c) || c === 32) prose++;
  }
  return prose / (e - s);
}

function isJunk(text: string, s: number, e: number, book: StructureBook): boolean {
  if (e - s > 200) return CODE.test(text.slice(s, e)) && proseShare(text, s, e) < 0.75; // furniture is short; code may not be
  let hasAlnum = false;
  let words = 0;
  let inWord = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      inWord = false;
      continue;
    }
    if (!inWord) words++;
    inWord = true;
    if (!hasAlnum && (isUpperCode(c) || isLowerCode(c) || isDigitCode(c) || c > 0x24f)) hasAlnum = true;
  }
  if (!hasAlnum) return true; // "***", "•", "|"
  // a lone token mixing letters and digits or symbols ("953km", "6-2", "#"): a name ("Australia") stays
  if (words === 1 && e - s <= 40 && !LONE_WORD.test(text.slice(s, e))) return true;
  const line = text.slice(s, e);
  if (CODE.test(line) && proseShare(text, s, e) < 0.75) return true;
  if (words > 15) return false; // page furniture is short
  const key = normKey(line);
  if (words <= 8 && book.junkWords.size > 0) {
    const parts = key.split(/[\s|•·\/]+/).filter((p) => p !== "");
    if (parts.length > 0 && parts.every((p) => book.junkWords.has(p.replace(/[:.!]+$/, "")))) return true;
  }
  for (const p of book.junkPrefixes) if (key.startsWith(p)) return true;
  return false;
}

/** The publisher line under a title ("CGTN", "Reuters", "Global Times"). */
function sourceLine(text: string, l: Line, book: StructureBook, hints: StructureHints): { start: number; end: number } | null {
  const { start: s, end: e } = l;
  const line = text.slice(s, e);
  if (hints.source && normKey(hints.source) === normKey(line)) return { start: s, end: e };
  const labelled = /^(?:source|from)\s*[:：]\s*/i.exec(line);
  const ns = labelled ? s + labelled[0].length : s;
  // "Source: Global Times Published: 2020/7/1 20:18:40", "Xinhua | Updated 10:15": the name ends where the date starts
  const cut = SOURCE_CUT.exec(text.slice(ns, e));
  const ne = cut ? trimEnd(text, ns, ns + cut.index) : e;
  if (ns >= ne || countWords(text, ns, ne) > 5) return null;
  if (cut && !isDateLine(text, trimStart(text, ns + cut.index + cut[0].length, e), e)) return null;
  if (labelled) return { start: ns, end: ne };
  const name = text.slice(ns, ne);
  if (ne - ns > 40 || ".!?,;:".includes(name[name.length - 1]!)) return null;
  if (!name.split(/\s+/).every((w) => /^[A-Z0-9&'’]/.test(w) || /^(?:of|the|and|de|du)$/.test(w))) return null;
  const acronym = /\b[A-Z]{2,}\b/.test(name) && countWords(text, ns, ne) <= 2; // "CGTN", "BBC News"
  if (agencyOf(name, book) !== null || acronym || PUBLISHER_WORDS.test(name)) return { start: ns, end: ne };
  return null;
}

/** The first line is a title: headline-shaped, title case, upper case, or followed by a dateline or source line. */
function isTitleLine(text: string, l: Line, next: Line | undefined, book: StructureBook, hints: StructureHints): boolean {
  const { start: s, end: e } = l;
  if (hints.title && looseKey(hints.title) === looseKey(text.slice(s, e))) return true;
  if (!next) return false;
  if (e - s > 250 || countWords(text, s, e) > 30 || countWords(text, s, e) < 2) return false;
  if (matchCaption(text, s, e, book) || linkHeader(text, s, e, book)) return false;
  // a headline of 18 words or more is title case; a long sentence-case line is a paragraph that lost its stop
  if (headlineShaped(text, s, e) && (countWords(text, s, e, 18) < 18 || isTitleCase(text, s, e))) return true;
  if (sentenceBreak(text, s, e) >= 0) return false;
  if (!/[,;:]$/.test(text.slice(e - 1, e)) && (isTitleCase(text, s, e) || isAllCaps(text, s, e))) return true;
  // a sentence-case headline (stop or none) is known by what follows it: a dateline, source line, byline or date line
  return matchDateline(text, next.start, next.end, book) !== null || headFollows(text, next, book, hints);
}

/** The line belongs to an article's head: a date line, byline, source line or a dateline on its own. */
function headFollows(text: string, l: Line | undefined, book: StructureBook, hints: StructureHints): boolean {
  if (!l) return false;
  const { start: s, end: e } = l;
  if (isDateLine(text, s, e) || isBylineName(text, s, e) || isByline(text, s, e)) return true;
  return sourceLine(text, l, book, hints) !== null || matchDateline(text, s, e, book)?.bodyStart === e;
}

/** A deck's shape: a headline, or one sentence of 45 words at most; no list header, boilerplate or junk. */
function isDeckLine(text: string, s: number, e: number, book: StructureBook): boolean {
  if (linkHeader(text, s, e, book) || isBoilerplate(text, s, e, book) || isJunk(text, s, e, book)) return false;
  if (headlineShaped(text, s, e)) return true;
  if (countWords(text, s, e, 45) > 45 || sentenceBreak(text, s, e) >= 0) return false;
  let k = e;
  while (k > s && CLOSERS.includes(text[k - 1]!)) k--;
  return k > s && ".!?".includes(text[k - 1]!);
}

/** Letters and digits only, lower-cased: a given title matches its line whatever the punctuation. */
function looseKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

// ---------------------------------------------------------------- the reader for lines

/**
 * Breaks between two lines that no wrap joins, whatever the lines' lengths: the
 * document's first line when it is a title-case or upper-case headline; a caption
 * and the line after it; a credit line, caption label, byline, date line, dateline,
 * list header, boilerplate or junk line and the line before or after it.
 */
function hardBreaks(text: string, book: StructureBook): HardBreak {
  const first = trimStart(text, 0, text.length);
  return (as, ae, bs, be) => {
    if (as === first && (isTitleCase(text, as, ae) || isAllCaps(text, as, ae))) return true;
    if (matchCaption(text, as, ae, book) || opensWithCaptionLabel(text, bs, be)) return true;
    const cap = matchCaption(text, bs, be, book);
    if (cap && cap.end - cap.start < 2) return true; // a credit alone: "Photo: Reuters"
    if (isBoilerplate(text, as, ae, book) || isBoilerplate(text, bs, be, book)) return true;
    if (isDateLine(text, as, ae) || isDateLine(text, bs, be)) return true;
    if (linkHeader(text, as, ae, book) || linkHeader(text, bs, be, book)) return true;
    if (matchDateline(text, as, ae, book)?.bodyStart === ae || matchDateline(text, bs, be, book)?.bodyStart === be) return true;
    return isJunk(text, bs, be, book) || isBylineName(text, bs, be);
  };
}

function readLines(b: Builder, lines: Line[], book: StructureBook, hints: StructureHints): void {
  const text = b.text;
  let inHead = true; // before the first body paragraph
  let listMode = false; // inside a link list
  let listLine = -1; // the list's last line (header or headline)
  let titleLine = -1;
  let first = 0;
  while (first < lines.length && isJunk(text, lines[first]!.start, lines[first]!.end, book) && !sourceLine(text, lines[first]!, book, hints)) {
    b.junk.push({ start: lines[first]!.start, end: lines[first]!.end });
    first++;
  }
  const blankSeparated = lines.some((l, i) => i > first && l.blankBefore);
  let titleOpen = true; // no line yet that rules out a title (a date line over the headline does not)
  const capCache: (CaptionMatch | null | undefined)[] = [];
  const capAt = (j: number): CaptionMatch | null => {
    if (j >= lines.length) return null;
    let c = capCache[j];
    if (c === undefined) c = capCache[j] = matchCaption(text, lines[j]!.start, lines[j]!.end, book);
    return c;
  };
  /** Line j exists and follows the line before it with no blank line between. */
  const adjacent = (j: number): boolean => j < lines.length && !lines[j]!.blankBefore;
  for (let k = first; k < lines.length; k++) {
    const l = lines[k]!;
    let { start: s, end: e } = l;
    if (inHead) {
      if (titleOpen) {
        if (isDateLine(text, s, e)) {
          b.addDateLine(s, e);
          continue;
        }
        titleOpen = false;
        const dl = matchDateline(text, s, e, book);
        if (dl) {
          b.dateline = dl.dateline;
          if (dl.bodyStart < e) {
            b.addBody(dl.bodyStart, e);
            inHead = false;
          }
          continue;
        }
        // a given title over two lines: headline and deck ("Candidates vie for vets' support;" / "Trump and …")
        const next = lines[k + 1];
        if (hints.title && next && looseKey(hints.title) === looseKey(text.slice(s, next.end))) {
          b.setTitle(s, next.end);
          titleLine = ++k;
          continue;
        }
        if (isTitleLine(text, l, next, book, hints)) {
          b.setTitle(s, e);
          titleLine = k;
          continue;
        }
      }
      if (!b.dateline) {
        // a dateline on its own line under the title ("LONDON 1996-08-30", "WASHINGTON (AP) --")
        const dl = matchDateline(text, s, e, book);
        if (dl && dl.bodyStart >= e) {
          b.dateline = dl.dateline;
          continue;
        }
      }
      if (titleLine >= 0 && k - titleLine <= 3 && !b.source && !b.dateline) {
        const src = sourceLine(text, l, book, hints);
        if (src) {
          b.source = b.span(src.start, src.end);
          if (src.start > s) b.boilerplate.push(b.span(s, trimEnd(text, s, src.start)));
          if (src.end < e) {
            let r = trimStart(text, src.end, e);
            if (text[r] === "|") r = trimStart(text, r + 1, e);
            if (r < e) b.addDateLine(r, e);
          }
          continue;
        }
      }
      if (isDateLine(text, s, e)) {
        b.addDateLine(s, e);
        continue;
      }
      // an author's name under the title ("Larry Fine" over "NEW YORK 1996-08-30", "Justin McCurry in Tokyo")
      if (titleLine >= 0 && isBylineName(text, s, e)) {
        b.addByline(s, e);
        continue;
      }
      // a deck (standfirst) right under the title, known by the byline, date line or source line under it;
      // the head stays open for those
      if (titleLine === k - 1 && !b.source && !b.dateline && headFollows(text, lines[k + 1], book, hints) && isDeckLine(text, s, e, book) && !capAt(k) && !(adjacent(k + 1) && isBareCredit(capAt(k + 1)))) {
        b.setDeck(s, e);
        continue;
      }
    }
    // link lists
    const header = linkHeader(text, s, e, book);
    if (header) {
      b.boilerplate.push(b.span(s, header.end));
      listMode = true;
      listLine = k;
      if (header.rest < e) b.related.push(b.span(stripBullet(text, header.rest, e), e));
      continue;
    }
    if (listMode) {
      const hs = stripBullet(text, s, e);
      // a headline may end in a stop: known then by title case, a bullet, or (where blank lines part
      // paragraphs) by following the list's last line directly
      const inList = hs > s || (blankSeparated && adjacent(k) && listLine === k - 1);
      if ((headlineShaped(text, hs, e) || stoppedHeadline(text, hs, e, inList)) && !capAt(k) && !(adjacent(k + 1) && isBareCredit(capAt(k + 1)))) {
        b.related.push(b.span(hs, e));
        listLine = k;
        continue;
      }
      listMode = false;
    }
    // captions
    const cap = capAt(k);
    if (cap && isBareCredit(cap)) {
      // a credit (or "Image caption,") on its own line: the caption is the short line right after it
      // (BBC's "Image source, Reuters" / "Image caption, …"), else it stands alone
      b.boilerplate.push(b.span(s, e));
      let j = k + 1;
      if (adjacent(j) && cap.credit !== null && isBareCredit(capAt(j)) && capAt(j)!.credit === null && adjacent(j + 1)) {
        b.boilerplate.push(b.span(lines[j]!.start, lines[j]!.end)); // "Image caption," between credit and caption
        j++;
      }
      const after = adjacent(j) ? lines[j]! : undefined;
      if (after && (cap.credit !== null || opensWithCaptionLabel(text, s, e))) {
        const own = capAt(j);
        const cs = own && own.credit === null && !isBareCredit(own) ? own.start : after.start;
        if ((!own || own.credit === null) && shortProse(text, cs, after.end)) {
          b.addCaption(cs, own ? own.end : after.end, cap.credit);
          k = j;
        }
      }
      continue;
    }
    // a caption over its credit line ("… Lima on Monday night" / "Photo: Reuters"), unless the credit
    // leads the next caption ("Image source, Reuters" / "Image caption, …")
    const creditBelow = adjacent(k + 1) && isBareCredit(capAt(k + 1)) ? capAt(k + 1)!.credit : null;
    if (creditBelow !== null && (!cap || cap.credit === null) && !(adjacent(k + 2) && opensWithCaptionLabel(text, lines[k + 2]!.start, lines[k + 2]!.end))) {
      const cs = cap ? cap.start : s;
      if (shortProse(text, cs, e)) {
        b.addCaption(cs, cap ? cap.end : e, creditBelow);
        b.boilerplate.push(b.span(lines[k + 1]!.start, lines[k + 1]!.end));
        k++;
        continue;
      }
    }
    if (cap) {
      if (countWords(text, cap.start, cap.end) < 2) b.boilerplate.push(b.span(s, e));
      else b.addCaption(cap.start, cap.end, cap.credit);
      continue;
    }
    if (b.hasCaption(s, e)) {
      b.addCaption(s, e, null);
      continue;
    }
    // scrapers repeat an uncredited caption (image alt text, then figure caption)
    const next = lines[k + 1];
    if (next && sameText(text, l, next) && countWords(text, s, e) >= 4) {
      b.addCaption(s, e, null);
      continue;
    }
    if (isBoilerplate(text, s, e, book)) {
      if (isByline(text, s, e)) b.addByline(s, e);
      else b.boilerplate.push(b.span(s, e));
      continue;
    }
    if (isJunk(text, s, e, book)) {
      if (inHead && !b.source && countWords(text, s, e) === 1 && agencyOf(text.slice(s, e), book)) {
        b.source = b.span(s, e);
        continue;
      }
      b.junk.push({ start: s, end: e });
      continue;
    }
    // a body paragraph; the first may open with a dateline
    if (inHead && !b.dateline) {
      const dl = matchDateline(text, s, e, book);
      if (dl) {
        b.dateline = dl.dateline;
        if (dl.bodyStart >= e) continue;
        s = dl.bodyStart;
      }
    }
    inHead = false;
    b.addBody(s, e);
  }
}

/** A caption match with no caption text: a credit line ("Photo: Reuters") or a bare label ("Image caption,"). */
function isBareCredit(cap: CaptionMatch | null): boolean {
  return cap !== null && cap.end - cap.start < 2;
}

/** A caption-sized line of prose: 2–60 words, one lower-case word or more, not a list header. */
function shortProse(text: string, s: number, e: number): boolean {
  const words = countWords(text, s, e, 60);
  if (words < 2 || words > 60 || text.charCodeAt(e - 1) === 58) return false; // ":"
  return /(?:^|\s)\p{Ll}{3,}/u.test(text.slice(s, e));
}

function stripBullet(text: string, s: number, e: number): number {
  const m = BULLET.exec(text.slice(s, Math.min(e, s + 4)));
  return m ? trimStart(text, s + m[0].length, e) : s;
}

// ---------------------------------------------------------------- glued text (no line breaks)

/** Characters after which a hyphen glues lines rather than joining a compound. */
const GLUE_BEFORE = ":;!?\"”’')]";
/** Characters that may open the line a glue hyphen joins on. */
const GLUE_AFTER = "“\"‘'([";

/**
 * The next hyphen in [from, end) that joins what were separate lines: " -The …",
 * "'Need to talk'-Erdogan", "events:-FILE", "-/*<!" (end when there is none).
 */
function nextGlue(text: string, from: number, end: number): number {
  for (let i = text.indexOf("-", from); i >= 0 && i < end; i = text.indexOf("-", i + 1)) {
    if (i === 0) continue;
    const before = text.charCodeAt(i - 1);
    if (!isSpaceCode(before) && !GLUE_BEFORE.includes(text[i - 1]!)) continue;
    const after = text.charCodeAt(i + 1);
    if (isUpperCode(after) || GLUE_AFTER.includes(text[i + 1] ?? " ")) return i;
    if ((after === 47 && text.charCodeAt(i + 2) === 42) || (after === 60 && text.charCodeAt(i + 2) === 33)) return i; // "/*", "<!"
  }
  return end;
}
const FILE_IN = /(?<![A-Za-z])FILE\s?[-–—]\s+/g;

/**
 * A headline glued to the body by a hyphen at the start of a one-line text:
 * "Three Kurdish Activists Killed in Paris-Three Kurdish activists, …",
 * "UNECA Director Says … are Serious -The director …", "Kerry on Iran Nukes: … Deal-WASHINGTON —\u00a0-U.S. …".
 * Returns the title's end and where the rest starts (with any dateline), or null.
 */
function gluedTitle(
  text: string,
  s: number,
  e: number,
  book: StructureBook,
  hints: StructureHints,
): { titleEnd: number; rest: number } | null {
  if (hints.title) {
    const t = hints.title.trim();
    if (t && text.startsWith(t, s)) {
      let r = trimStart(text, s + t.length, e);
      if (r < e && text.charCodeAt(r) === 45) r = trimStart(text, r + 1, e);
      return { titleEnd: s + t.length, rest: r };
    }
  }
  const limit = Math.min(e, s + 250);
  const firstBreak = sentenceBreak(text, s, Math.min(e, s + 300));
  const fits = (titleEnd: number): boolean => {
    const words = countWords(text, s, titleEnd);
    if (words < 2 || words > 30) return false;
    const lastWord = text.slice(Math.max(s, text.lastIndexOf(" ", titleEnd - 1) + 1), titleEnd).toLowerCase();
    return !/[,;:\-–—―]$/.test(lastWord) && !/^(?:a|an|the|of|in|on|at|to|for|and|or|by|with|from)$/.test(lastWord);
  };
  // a dateline after the headline: "…Deal-WASHINGTON —\u00a0-U.S. …", "… Conflict? ROME —\u00a0-The …"
  const datelineAt = (at: number): boolean => {
    const dl = matchDateline(text, at, e, book);
    return dl !== null && /[—–―_]|--|\(/.test(dl.dateline.text);
  };
  for (let i = s + 4; i < limit; i++) {
    if (firstBreak >= 0 && i > firstBreak) break;
    if (text.charCodeAt(i) !== 45) continue;
    const titleEnd = trimEnd(text, s, i);
    const at = trimStart(text, i + 1, e);
    if (fits(titleEnd) && datelineAt(at)) return { titleEnd, rest: at };
  }
  if (firstBreak >= 0 && firstBreak < limit && fits(firstBreak) && /[?!]/.test(text.slice(firstBreak - 2, firstBreak))) {
    const at = trimStart(text, firstBreak, e);
    if (datelineAt(at)) return { titleEnd: firstBreak, rest: at };
  }
  // a headline glued straight to the first paragraph
  for (let i = s + 4; i < limit; i++) {
    if (text.charCodeAt(i) !== 45) continue; // "-"
    if (firstBreak >= 0 && i > firstBreak) break; // a headline holds no full sentence
    const nextC = text.charCodeAt(i + 1);
    if (isSpaceCode(nextC) || nextC === 45 || text.charCodeAt(i - 1) === 45) continue;
    if (!(isUpperCode(nextC) || OPENERS.includes(text[i + 1]!) || isDigitCode(nextC))) continue;
    // inside an upper-case compound ("RENT-A-CAR"), not at a glue
    const after2 = text.charCodeAt(i + 2);
    if (isUpperCode(text.charCodeAt(i - 1)) && (isUpperCode(after2) || after2 === 45)) continue;
    const titleEnd = trimEnd(text, s, i);
    if (!fits(titleEnd)) continue;
    const spaced = isSpaceCode(text.charCodeAt(i - 1));
    if (!spaced && !gluedWordOk(text, s, titleEnd, i + 1, e)) continue;
    const st = wordStats(text, s, titleEnd);
    const ratio = st.content ? st.capitalized / st.content : 0;
    if (!(ratio >= 0.75 || (spaced && ratio >= 0.5))) continue;
    // the headline goes on past a compound ("Russia-Turkey Ties Sour …") unless prose follows
    if (!proseAhead(text, i + 1, e, true)) continue;
    return { titleEnd, rest: i + 1 };
  }
  // a headline with nothing after it but the glue: "France Remains on High Alert-"
  if (text.charCodeAt(e - 1) === 45) {
    const titleEnd = trimEnd(text, s, e - 1);
    if (fits(titleEnd) && sentenceBreak(text, s, titleEnd) < 0 && isTitleCase(text, s, titleEnd)) return { titleEnd, rest: e };
  }
  return null;
}

/**
 * A hyphen between two words ("…in Paris-Three Kurdish activists …") glues a headline
 * of three words or more; not a compound's ("The Asia-Pacific …") or a name's
 * ("Mohammad Zia-Ul Haq", "Abdel-Al …"), whose second part is a particle, or one of several hyphens
 * ("Hezb-e-Islami", with the ezafe "e").
 */
function gluedWordOk(text: string, s: number, titleEnd: number, next: number, e: number): boolean {
  if (countWords(text, s, titleEnd, 3) < 3) return false;
  let j = next;
  while (j < e && !isSpaceCode(text.charCodeAt(j)) && text.charCodeAt(j) !== 45) j++;
  let k = titleEnd;
  while (k > s && !isSpaceCode(text.charCodeAt(k - 1)) && text.charCodeAt(k - 1) !== 45) k--;
  // a word of several hyphens is one compound name ("Hezb-e-Islami", "Zia-ul-Haq"), not a glue
  if ((k > s && text.charCodeAt(k - 1) === 45) || (j < e && text.charCodeAt(j) === 45)) return false;
  return !NAME_PARTICLES.has(text.slice(next, j).toLowerCase()) && !NAME_PARTICLES.has(text.slice(k, titleEnd).toLowerCase());
}

function readGlued(b: Builder, line: Line, book: StructureBook, hints: StructureHints): void {
  const text = b.text;
  let { start: s, end: e } = line;
  let bodyStart = s;
  const dl0 = matchDateline(text, s, e, book);
  if (dl0) {
    b.dateline = dl0.dateline;
    bodyStart = dl0.bodyStart;
  } else {
    const t = gluedTitle(text, s, e, book, hints);
    if (t) {
      b.setTitle(s, t.titleEnd);
      bodyStart = t.rest;
      const dl = matchDateline(text, t.rest, e, book);
      if (dl) {
        b.dateline = dl.dateline;
        bodyStart = dl.bodyStart;
      }
    }
  }
  // the rest: paragraphs (and subheads, captions) glued with hyphens
  let pieceStart = bodyStart;
  for (;;) {
    const cut = nextGlue(text, pieceStart, e);
    gluedPiece(b, pieceStart, cut, book);
    if (cut >= e) break;
    pieceStart = cut + 1;
  }
}

/** One glued piece: body text, with any "FILE - …" caption sentences split out. */
function gluedPiece(b: Builder, s: number, e: number, book: StructureBook): void {
  const text = b.text;
  s = trimStart(text, s, e);
  e = trimEnd(text, s, e);
  if (s >= e) return;
  if (isJunk(text, s, e, book)) {
    b.junk.push({ start: s, end: e });
    return;
  }
  let at = s;
  if (indexIn(text, 70, s, e) < 0) return b.addBody(s, e); // no "F": no "FILE -" label
  const piece = text.slice(s, e); // labels are sought in the piece only, so long glued texts stay linear
  FILE_IN.lastIndex = 0;
  for (let m = FILE_IN.exec(piece); m; m = FILE_IN.exec(piece)) {
    m.index += s;
    // the label opens a piece or follows a sentence's end
    const before = trimEnd(text, s, m.index);
    if (before > s && !".!?\"”’:".includes(text[before - 1]!)) continue;
    const capStart = m.index + m[0].length;
    if (capStart >= e) break;
    const brk = sentenceBreak(text, capStart, e);
    let capEnd = brk >= 0 ? brk : e;
    const nextLabel = text.slice(capStart, capEnd).indexOf("FILE -");
    if (nextLabel >= 0) capEnd = trimEnd(text, capStart, capStart + nextLabel);
    // a credit may follow the caption's sentence: "… June 6, 2016. (S. Behn/VOA)"
    let credit: string | null = null;
    const after = trimStart(text, capEnd, e);
    if (text.charCodeAt(after) === 40) {
      const close = text.indexOf(")", after);
      if (close > 0 && close < e && close - after <= 80 && (close + 1 === e || isSpaceCode(text.charCodeAt(close + 1)))) {
        const cm = matchCaption(text, capStart, close + 1, book);
        if (cm && cm.creditStart >= after) {
          credit = cm.credit;
          capEnd = close + 1;
        }
      }
    }
    b.addBody(at, before);
    b.addCaption(capStart, trimEnd(text, capStart, capEnd === e || text.charCodeAt(capEnd - 1) !== 41 ? capEnd : after), credit);
    at = capEnd;
    FILE_IN.lastIndex = capEnd - s;
  }
  b.addBody(at, e);
}

// ---------------------------------------------------------------- entry points

/**
 * The structure of a document's text. `book` holds the credit, link-header and junk
 * lists (data/structure/); `hints` the title and source the input came with, if any.
 */
export function analyzeStructure(text: string, book: StructureBook = EMPTY_BOOK, hints: StructureHints = {}): Structure {
  const b = new Builder(text);
  const { lines, blank } = scanLines(text, hardBreaks(text, book));
  for (const j of blank) b.junk.push(j);
  if (lines.length === 1) readGlued(b, lines[0]!, book, hints);
  else readLines(b, lines, book, hints);
  return b.build();
}

/** The structure book of an analyser's resources, loaded once. */
export function structureBookOf(resources: Resources): StructureBook {
  return resources.use("structure/book", (data) => buildStructureBook(data));
}

export const structureStage: Stage = {
  name: "structure",
  reads: [],
  writes: ["structure"],
  run: (doc, resources) => ({
    structure: analyzeStructure(doc.text, structureBookOf(resources), { title: doc.input.title, source: doc.input.source }),
  }),
};
