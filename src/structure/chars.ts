// Character and word tests the structure rules share. They work on index ranges
// of the document text, so no substrings are made on the hot path.

import { MONTH_ABBREVIATIONS } from "./calendar.js";

/** Whitespace, including no-break and zero-width spaces and the BOM. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export const isUpperCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
export const isLowerCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Start of [start, end) after leading whitespace. */
export function trimStart(text: string, start: number, end: number): number {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  return start;
}

/** End of [start, end) before trailing whitespace. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Opening quotes and brackets a sentence or headline may start with. */
export const OPENERS = "\"'“‘«([";
/** Closing quotes and brackets that may follow sentence-final punctuation. */
export const CLOSERS = "\"'”’»)]";

/** Small words left lower-case in title-case headlines. */
export const SMALL_WORDS = new Set(
  (
    "a an the and but or nor for so yet of in on at to by up as from with into onto over than via vs vs. per off out " +
    "is are was were be been amid after before about against upon within without near under between among like if " +
    "'s de du la le al el da van von der den bin"
  ).split(" "),
);

/** Abbreviations whose stop does not end a sentence ("Mr.", "Sept.", "Calif."). */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof gen lt col maj capt cmdr sgt adm sen rep gov pres supt rev fr st mt ft jr sr inc corp co ltd llc plc bros " +
    "pvt pfc cpl spc ens brig amb atty sec lieut cdr insp det " +
    "no nos vs etc al approx dept est fig vol " +
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo"
  )
    .split(" ")
    .concat(MONTH_ABBREVIATIONS),
);

/** True when the stop at `dot` ends an abbreviation, initial or initialism ("U.S.", "J.", "Sept."). */
export function isAbbreviationStop(text: string, dot: number, from: number): boolean {
  let j = dot;
  while (j > from) {
    const c = text.charCodeAt(j - 1);
    if (isUpperCode(c) || isLowerCode(c) || c === 46) j--;
    else break;
  }
  if (j === dot) return false;
  const word = text.slice(j, dot);
  if (word.length === 1 && isUpperCode(word.charCodeAt(0))) return true;
  if (word.includes(".")) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * (The text stage splits sentences over wink's tokens, which exist only after this
 * stage has chosen the segments; tokenising here would cost about 1 ms an article.
 * So the structure rules use this character scan, which only asks whether a line
 * holds a second sentence, and an abbreviation list in place of wink's tokens.)
 *
 * The end (after any closing quotes) of the first sentence that ends inside
 * [from, to) and is followed by another sentence there; -1 when there is none.
 */
export function sentenceBreak(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue; // . ! ?
    let k = i + 1;
    while (k < to && (text.charCodeAt(k) === 46 || CLOSERS.includes(text[k]!))) k++;
    if (k >= to || !isSpaceCode(text.charCodeAt(k))) continue;
    let m = k;
    while (m < to && isSpaceCode(text.charCodeAt(m))) m++;
    if (m >= to) continue;
    const n = text.charCodeAt(m);
    if (!(isUpperCode(n) || isDigitCode(n) || OPENERS.includes(text[m]!))) continue;
    if (c === 46 && k === i + 1 && isAbbreviationStop(text, i, from)) continue;
    return k;
  }
  return -1;
}

export interface WordStats {
  words: number;
  /** Words starting with a letter that are not small words. */
  content: number;
  /** Content words starting upper-case. */
  capitalized: number;
  /** Letters, and upper-case letters, in the range. */
  letters: number;
  upper: number;
}

/** Word counts of [start, end): how headline-like (title case, all caps) the text is. */
export function wordStats(text: string, start: number, end: number): WordStats {
  const s: WordStats = { words: 0, content: 0, capitalized: 0, letters: 0, upper: 0 };
  let i = start;
  while (i < end) {
    while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const wStart = i;
    while (i < end && !isSpaceCode(text.charCodeAt(i))) {
      const c = text.charCodeAt(i);
      if (isUpperCode(c)) {
        s.letters++;
        s.upper++;
      } else if (isLowerCode(c)) s.letters++;
      i++;
    }
    s.words++;
    let a = wStart;
    while (a < i && OPENERS.includes(text[a]!)) a++;
    if (a >= i) continue;
    const first = text.charCodeAt(a);
    if (!isUpperCode(first) && !isLowerCode(first)) continue;
    let b = i;
    while (b > a && /[.,;:!?"'”’)\]]/.test(text[b - 1]!)) b--;
    if (isLowerCode(first) && SMALL_WORDS.has(text.slice(a, b).toLowerCase())) continue;
    s.content++;
    if (isUpperCode(first)) s.capitalized++;
  }
  return s;
}

/** True when the range holds a lower-case word that title case would capitalise ("says", "killed"). */
export function hasLowerContentWord(text: string, start: number, end: number): boolean {
  const s = wordStats(text, start, end);
  return s.capitalized < s.content;
}

/** Index of `ch` (one UTF-16 unit) in [from, to), or -1: indexOf that stops at the range's end. */
export function indexIn(text: string, ch: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === ch) return i;
  return -1;
}

/** Last index of `ch` in [from, to), or -1. */
export function lastIndexIn(text: string, ch: number, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (text.charCodeAt(i) === ch) return i;
  return -1;
}

/** Words (whitespace-separated runs) in [start, end); counting stops a little past `max`. */
export function countWords(text: string, start: number, end: number, max = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end && n <= max; i++) {
    const sp = isSpaceCode(text.charCodeAt(i));
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

/**
 * The words from `from` (12 at most) read as a sentence's, not a headline's: they
 * hold a lower-case content word ("says", "killed"), which title-case and upper-case
 * headlines ("CRICKET - LEICESTERSHIRE TAKE OVER …") lack. With `untilGlue`, reading
 * stops at a capitalised compound's hyphen past the first word, which in glued text
 * may be the next glue ("… Resume in Istanbul-Russian and …").
 */
export function proseAhead(text: string, from: number, end: number, untilGlue = false): boolean {
  let to = from;
  let words = 0;
  while (to < end && words < 12) {
    while (to < end && isSpaceCode(text.charCodeAt(to))) to++;
    while (to < end && !isSpaceCode(text.charCodeAt(to))) {
      if (untilGlue && text.charCodeAt(to) === 45 && isUpperCode(text.charCodeAt(to + 1)) && to > from) return hasLowerContentWord(text, from, to);
      to++;
    }
    words++;
  }
  return hasLowerContentWord(text, from, to);
}
