// Direct quotes from quotation marks, paragraph by paragraph: curly and straight
// double quotes, ``…'' and ''…'' (AP, TimeBank, NYT archives), top-level ‘…’ (headline
// style), single quotes nested inside double ones (kept inside), and a quote that
// runs over paragraphs (an opening mark without a closing one at the end of a
// paragraph continues in the next paragraph when that one opens with a mark).

import type { Span } from "../record.js";

export interface MarkedQuote {
  /** The content inside the marks. */
  start: number;
  end: number;
  /** Where the opening mark starts and the closing mark ends (end of the paragraph when unclosed). */
  open: number;
  close: number;
  /** False when the quote has no closing mark (it stops at a paragraph's end). */
  closed: boolean;
  /** Index of the paragraph (in the list given) that holds the opening mark, and of the one holding the end. */
  paragraph: number;
  lastParagraph: number;
}

const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
/** Characters after which a straight quote opens. */
const OPENS_AFTER = /[\s(\[{\u2014\u2013\-\/:;,]/;

/** A transcript speaker label at a paragraph's start, perhaps after an opening mark: `"WALLACE: `, `Q: `. */
const TURN = /^(["“]\s*)?(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}|Q|A):\s+/;

const MARK_CHARS = /["\u201C\u201D\u201E\u00AB\u00BB`'\u2018]/g;

const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);
const isSpace = (c: string | undefined) => c === undefined || SPACE.test(c);

type Mark = "open" | "close" | "either";

/** The double-quote mark at i, its length and its direction (null when none). */
function doubleMarkAt(text: string, i: number, from: number, to: number): { len: number; dir: Mark } | null {
  const c = text[i]!;
  const prev = i > from ? text[i - 1] : undefined;
  const next = i + 1 < to ? text[i + 1] : undefined;
  switch (c) {
    case "\u201C": // “
    case "\u201E": // „
    case "\u00AB": // «
      return { len: 1, dir: "open" };
    case "\u201D": // ”
    case "\u00BB": // »
      return { len: 1, dir: "close" };
    case '"': {
      if (prev === "=") return null; // markup: author="…"
      if (prev === undefined || OPENS_AFTER.test(prev)) return isSpace(next) ? { len: 1, dir: "either" } : { len: 1, dir: "open" };
      if (isSpace(next) || !isWord(next)) return { len: 1, dir: "close" };
      return { len: 1, dir: "either" };
    }
    case "`":
      return next === "`" ? { len: 2, dir: "open" } : null;
    case "'": {
      if (next !== "'") return null;
      const after = i + 2 < to ? text[i + 2] : undefined;
      if ((prev === undefined || OPENS_AFTER.test(prev)) && !isSpace(after)) return { len: 2, dir: "open" };
      if (prev !== undefined && !isSpace(prev)) return { len: 2, dir: "close" };
      return null;
    }
    default:
      return null;
  }
}

/** A top-level single-quoted passage opening at i (‘…’ or, strictly, '…'), or null. */
function singleQuoteAt(text: string, i: number, from: number, to: number): { close: number } | null {
  const c = text[i]!;
  if (c !== "\u2018" && c !== "'") return null;
  const prev = i > from ? text[i - 1] : undefined;
  if (prev !== undefined && !OPENS_AFTER.test(prev)) return null;
  if (!isWord(text[i + 1])) return null;
  const closer = c === "\u2018" ? "\u2019" : "'";
  for (let j = i + 2; j < to; j++) {
    const d = text[j]!;
    if (d === "\n") return null;
    if (d !== closer) continue;
    // an apostrophe inside a word (it’s, Clinton’s) does not close
    if (isWord(text[j + 1])) continue;
    if (isSpace(text[j - 1])) continue;
    // a straight single quote is taken only around a few words, never around a possessive (Clintons')
    if (c === "'" && (j - i < 3 || text[j - 1] === "s" || j - i > 80)) return null;
    return { close: j + 1 };
  }
  return null;
}

/**
 * The direct quotes of a document, given its paragraphs in order (spans into text).
 * Consecutive paragraphs are adjacent in the list, so a quote may continue into the next.
 */
export function findMarkedQuotes(text: string, paragraphs: readonly Span[]): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  let carry: { start: number; open: number; paragraph: number } | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const { start: from, end: to } = paragraphs[p]!;
    let i = from;
    while (i < to && isSpace(text[i])) i++;
    let current: { start: number; open: number; paragraph: number } | null = null;
    // a transcript turn ("PENCE: Well, look, …") is its own speaker's, even inside a running quote
    const turn = TURN.exec(text.slice(i, Math.min(to, i + 48)));
    if (turn) {
      if (carry) {
        const prevPara = paragraphs[p - 1]!;
        out.push({ start: carry.start, end: trimEnd(text, carry.start, prevPara.end), open: carry.open, close: prevPara.end, closed: false, paragraph: carry.paragraph, lastParagraph: p - 1 });
        carry = null;
      }
      if (turn[1]) {
        const m = doubleMarkAt(text, i, from, to);
        current = { start: i + turn[0].length, open: i + turn[0].length, paragraph: p };
        i += turn[0].length;
        if (!m) current = null;
      }
    }
    if (carry) {
      const m = i < to ? doubleMarkAt(text, i, from, to) : null;
      if (m && m.dir !== "close") {
        current = carry;
        i += m.len;
      } else {
        // the quote stopped at the end of the previous paragraph
        const prevPara = paragraphs[p - 1]!;
        const end = trimEnd(text, carry.start, prevPara.end);
        out.push({ start: carry.start, end, open: carry.open, close: prevPara.end, closed: false, paragraph: carry.paragraph, lastParagraph: p - 1 });
      }
      carry = null;
    }
    for (;;) {
    for (; i < to; i++) {
      // jump to the next character that may be a quotation mark
      MARK_CHARS.lastIndex = i;
      const hit = MARK_CHARS.exec(text);
      if (!hit || hit.index >= to) {
        i = to;
        break;
      }
      i = hit.index;
      const m = doubleMarkAt(text, i, from, to);
      if (!m) {
        if (!current) {
          const s = singleQuoteAt(text, i, from, to);
          if (s) {
            out.push({ start: i + 1, end: s.close - 1, open: i, close: s.close, closed: true, paragraph: p, lastParagraph: p });
            i = s.close - 1;
          }
        }
        continue;
      }
      if (!current) {
        if (m.dir === "close") continue; // a stray closing mark
        current = { start: i + m.len, open: i, paragraph: p };
        i += m.len - 1;
        continue;
      }
      if (m.dir === "open" && !(isWord(text[i - 1]) || /[.,!?;:]/.test(text[i - 1] ?? ""))) {
        // an opening mark inside an open quote: the open one lacked its closing mark (double
        // quotes nest in single ones, not in each other); it ends with its sentence
        const end = Math.min(sentenceEnd(text, current.start, i), i);
        out.push({ start: current.start, end: trimEnd(text, current.start, end), open: current.open, close: end, closed: false, paragraph: current.paragraph, lastParagraph: p });
        current = { start: i + m.len, open: i, paragraph: p };
        i += m.len - 1;
        continue;
      }
      out.push({ start: current.start, end: i, open: current.open, close: i + m.len, closed: true, paragraph: current.paragraph, lastParagraph: p });
      current = null;
      i += m.len - 1;
    }
    if (current && current.paragraph === p && !continuesInto(text, paragraphs[p + 1]) && hasMarkAfter(text, current.start, to)) {
      // an opening mark that never closes yet swallowed later quotes: it ends with its sentence
      const end = sentenceEnd(text, current.start, to);
      out.push({ start: current.start, end: trimEnd(text, current.start, end), open: current.open, close: end, closed: false, paragraph: p, lastParagraph: p });
      current = null;
      i = end;
      continue;
    }
    break;
    }
    if (current) carry = current;
  }
  if (carry) {
    const last = paragraphs.length - 1;
    out.push({ start: carry.start, end: trimEnd(text, carry.start, paragraphs[last]!.end), open: carry.open, close: paragraphs[last]!.end, closed: false, paragraph: carry.paragraph, lastParagraph: last });
  }
  // drop empty ones (a lone mark)
  return out.filter((q) => q.end > q.start && /[\p{L}\p{N}]/u.test(text.slice(q.start, q.end)));
}

/** Does the paragraph open with a quotation mark (continuing a quote from the one before)? */
function continuesInto(text: string, para: Span | undefined): boolean {
  if (!para) return false;
  let i = para.start;
  while (i < para.end && isSpace(text[i])) i++;
  if (i >= para.end) return false;
  const m = doubleMarkAt(text, i, para.start, para.end);
  return m !== null && m.dir !== "close" && !TURN.test(text.slice(i, Math.min(para.end, i + 48)));
}

function hasMarkAfter(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (doubleMarkAt(text, j, from, to)) return true;
  return false;
}

/** Index just past the sentence-final stop at or after `from` (or `to`). */
function sentenceEnd(text: string, from: number, to: number): number {
  for (let j = from; j < to; j++) {
    const c = text[j]!;
    if ((c === "." || c === "?" || c === "!") && (j + 1 >= to || isSpace(text[j + 1]))) {
      const n = text[j + 2];
      if (j + 1 >= to || n === undefined || /[\p{Lu}"“‘'(]/u.test(n)) return j + 1;
    }
  }
  return to;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text[end - 1])) end--;
  return end;
}
