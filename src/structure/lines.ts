// Lines of a document: offsets of each non-blank line (trimmed), with wrapped
// paragraph lines joined, and the whitespace-only lines (junk).

import type { Span } from "../record.js";
import { CLOSERS, isDigitCode, isLowerCode, isSpaceCode, isUpperCode, OPENERS, trimEnd, trimStart } from "./chars.js";

export interface Line {
  /** Trimmed content range. */
  start: number;
  end: number;
  /** A blank (or whitespace-only) line comes before this one. */
  blankBefore: boolean;
}

/**
 * True when the break between two adjacent lines is a real one whatever their
 * shape: a caption and its credit line, a byline, a date line, a list header.
 */
export type HardBreak = (prevStart: number, prevEnd: number, nextStart: number, nextEnd: number) => boolean;

/** Ends of a line that close a sentence or clause: a following lower-case line starts a new unit anyway. */
const TERMINAL = ".!?:;";
/** A list item's opening: a bullet or a number ("• …", "- …", "2. …", "3) …"). */
const LIST_ITEM = /^(?:[•·*▪►»‣◦\-–—]\s|\d{1,3}[.)]\s)/;
/** Lines with an upper-case start that continue a wrapped paragraph need this many certain wraps in the document. */
const MIN_WRAPS = 2;
/** Narrower "wraps" are something else: verse, tables, scraped fragments. */
const MIN_WIDTH = 40;

/**
 * Non-blank lines of `text` (any of \n, \r\n, \r, U+2028, U+2029 ends a line) and
 * the whitespace-only lines ("   ", "\u00a0\u00a0"), with hard-wrapped paragraphs
 * joined into one line each:
 *
 * - a line that ends without terminal punctuation and is followed directly (no
 *   blank line) by one starting in lower case continues into it, in any document;
 * - in a document that separates paragraphs with blank lines and shows that it is
 *   hard-wrapped (lower-case continuations), a line that ends in a word, a number or
 *   a comma continues into a next line starting in upper case ("… to remove
 *   President" / "Martin Vizcarra from office …") when the wrapper would not have
 *   fitted that line's first word after it: the line is full to the document's
 *   width. Headlines, bylines, list items and captions lack stops too, but they
 *   end where they end, short of the width; `hardBreak` and list bullets rule out
 *   the rest.
 */
export function scanLines(text: string, hardBreak: HardBreak = () => false): { lines: Line[]; blank: Span[] } {
  const raw: Line[] = [];
  const blank: Span[] = [];
  const n = text.length;
  let ls = 0;
  let blankBefore = false;
  while (ls <= n) {
    let le = ls;
    while (le < n) {
      const c = text.charCodeAt(le);
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
      le++;
    }
    const s = trimStart(text, ls, le);
    const e = trimEnd(text, s, le);
    if (s === e) {
      if (le > ls) blank.push({ start: ls, end: le });
      blankBefore = true;
    } else {
      raw.push({ start: s, end: e, blankBefore: blankBefore || raw.length === 0 });
      blankBefore = false;
    }
    if (le >= n) break;
    ls = text.charCodeAt(le) === 13 && text.charCodeAt(le + 1) === 10 ? le + 2 : le + 1;
  }
  if (raw.length < 2) return { lines: raw, blank };

  // Is the document blank-separated and hard-wrapped, and to what width?
  let blankSeparated = false;
  let lowerWraps = 0;
  let width = 0;
  let blockStart = 0;
  let blockWraps = false;
  for (let i = 0; i <= raw.length; i++) {
    const l = raw[i];
    if (!l || (i > 0 && l.blankBefore)) {
      if (blockWraps) for (let j = blockStart; j < i; j++) width = Math.max(width, raw[j]!.end - raw[j]!.start);
      if (!l) break;
      blankSeparated = true;
      blockStart = i;
      blockWraps = false;
    }
    if (i > 0 && !l.blankBefore && wrapsLower(text, raw[i - 1]!.start, raw[i - 1]!.end, l.start)) {
      lowerWraps++;
      blockWraps = true;
    }
  }
  const capitalWraps = blankSeparated && lowerWraps >= MIN_WRAPS && width >= MIN_WIDTH;

  const lines: Line[] = [];
  let prevRaw: Line | null = null;
  for (const l of raw) {
    const merged = lines[lines.length - 1];
    let join = false;
    if (merged && prevRaw && !l.blankBefore) {
      join =
        wrapsLower(text, merged.start, merged.end, l.start) ||
        (capitalWraps && wrapsUpper(text, prevRaw, l, width) && !hardBreak(prevRaw.start, prevRaw.end, l.start, l.end));
    }
    if (join) merged!.end = l.end;
    else lines.push({ ...l });
    prevRaw = l;
  }
  return { lines, blank };
}

/** [s, e) ends without terminal punctuation and holds three words or more, and the next line starts in lower case. */
function wrapsLower(text: string, s: number, e: number, nextStart: number): boolean {
  if (!isLowerCode(text.charCodeAt(nextStart))) return false;
  let k = e;
  while (k > s && CLOSERS.includes(text[k - 1]!)) k--;
  if (k > s && TERMINAL.includes(text[k - 1]!)) return false;
  // a line of one or two words is a heading or list item, not half a paragraph
  let spaces = 0;
  for (let i = s; i < e && spaces < 2; i++) if (isSpaceCode(text.charCodeAt(i))) spaces++;
  return spaces >= 2;
}

/** `prev` ends in a word, number or comma, `next` starts a word in upper case, and `prev` is full to the width (not past it). */
function wrapsUpper(text: string, prev: Line, next: Line, width: number): boolean {
  const last = text.charCodeAt(prev.end - 1);
  if (!(last === 44 || isDigitCode(last) || /\p{L}/u.test(text[prev.end - 1]!))) return false;
  const first = text.charCodeAt(next.start);
  if (!(isUpperCode(first) || isDigitCode(first) || OPENERS.includes(text[next.start]!) || (first > 0x24f && /\p{Lu}/u.test(text[next.start]!)))) return false;
  if (LIST_ITEM.test(text.slice(next.start, Math.min(next.end, next.start + 5)))) return false;
  let w = next.start;
  while (w < next.end && !isSpaceCode(text.charCodeAt(w))) w++;
  // a line longer than the width was never wrapped
  const len = prev.end - prev.start;
  return len <= width && len + 1 + (w - next.start) > width;
}
