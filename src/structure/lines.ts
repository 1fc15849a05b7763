// Lines of a document: offsets of each non-blank line (trimmed), with wrapped
// paragraph lines joined, and the whitespace-only lines (junk).

import type { Span } from "../record.js";
import { CLOSERS, isLowerCode, isSpaceCode, trimEnd, trimStart } from "./chars.js";

export interface Line {
  /** Trimmed content range. */
  start: number;
  end: number;
  /** A blank (or whitespace-only) line comes before this one. */
  blankBefore: boolean;
}

/** Ends of a line that close a sentence or clause: a following lower-case line starts a new unit anyway. */
const TERMINAL = ".!?:;";

/**
 * Non-blank lines of `text` (any of \n, \r\n, \r, U+2028, U+2029 ends a line) and
 * the whitespace-only lines ("   ", "\u00a0\u00a0"). A line that ends without
 * terminal punctuation and is followed directly (no blank line) by one starting
 * in lower case is a hard-wrapped paragraph: the two are joined.
 */
export function scanLines(text: string): { lines: Line[]; blank: Span[] } {
  const lines: Line[] = [];
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
      const prev = lines[lines.length - 1];
      if (prev && !blankBefore && wraps(text, prev, s)) prev.end = e;
      else lines.push({ start: s, end: e, blankBefore: blankBefore || lines.length === 0 });
      blankBefore = false;
    }
    if (le >= n) break;
    ls = text.charCodeAt(le) === 13 && text.charCodeAt(le + 1) === 10 ? le + 2 : le + 1;
  }
  return { lines, blank };
}

function wraps(text: string, prev: Line, nextStart: number): boolean {
  if (!isLowerCode(text.charCodeAt(nextStart))) return false;
  let k = prev.end;
  while (k > prev.start && CLOSERS.includes(text[k - 1]!)) k--;
  if (k > prev.start && TERMINAL.includes(text[k - 1]!)) return false;
  // a line of one or two words is a heading or list item, not half a paragraph
  let spaces = 0;
  for (let i = prev.start; i < prev.end && spaces < 2; i++) if (isSpaceCode(text.charCodeAt(i))) spaces++;
  return spaces >= 2;
}
