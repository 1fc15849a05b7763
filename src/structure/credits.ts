// Photo captions, recognised by their credit: "… 2019. /AP", "… (Xinhua/Li Xin)",
// "… REUTERS/Kim Hong-Ji", "… Photo: VCG", "… (Getty Images)", "… [File: Name/WANA
// via Reuters]", or a label: "FILE - …", "Image caption, …".
// The caption's span is its text without the credit (and without a "FILE -" label).

import { normKey, type StructureBook } from "./book.js";
import { countWords, indexIn, isLowerCode, isSpaceCode, isUpperCode, lastIndexIn, trimEnd, trimStart } from "./chars.js";

export interface CaptionMatch {
  /** The caption text without its credit; empty for a line that is only a credit ("Photo: Reuters"). */
  start: number;
  end: number;
  /** The agency credited ("AP", "Reuters"), the credit as written when it names no known agency, or null. */
  credit: string | null;
  /** Where the credit text starts (== end of line when there is no credit). */
  creditStart: number;
}

const FILE_LABEL = /(?:FILE(?: PHOTO)?|File(?: [Pp]hoto)?)\s*(?:[-–—:]|\s-)\s+/y;
/** A caption's own label ("Image caption, …", BBC's; "Caption: …"). */
const CAPTION_LABEL = /(?:(?:Image|Photo|Picture|Video) caption|Caption)\s*[,:]\s+/iy;
const LABEL_CREDIT =
  /(?:^|[\s.;,|])((?:Photo|Photos|Photograph|Picture|Pictures|Pic|Image|Images|Credit|Photo credit|Image credit|Photo courtesy)\s*:\s*|(?:Image|Photo|Picture) source\s*[:,]\s*|(?:Photo|Photograph|Picture|Image)s?\s+(?:by|courtesy of)\s+)([^:]{2,60})$/i;
/** A label before a bracketed credit's names ("[File: Name/Agency]", "(Photo: Reuters)"). */
const INNER_LABEL = /^(?:file(?: photo)?|(?:photo|photograph|picture|image)s?(?: credit)?)\s*(?::|by\b|courtesy(?: of)?\b)\s*/i;
/** A caption is prose: it has a lower-case word ("meets", "during"), unlike a table row ("W D L G / F G"). */
const PROSE_WORD = /(?:^|\s)[a-z]{3,}/;
const TRAILING_WORDS = /\s+(?:photos?|file(?: photo)?|handout|pool)$/;
const LEADING_WORDS = /^(?:photo by |photo courtesy of |courtesy of |courtesy |photo: |credit: |via )/;

/** The agency a credit names ("REUTERS" → "Reuters", "AP Photo" → "AP"), or null when it names none. */
export function agencyOf(name: string, book: StructureBook): string | null {
  let key = normKey(name);
  for (let guard = 0; guard < 4; guard++) {
    const hit = book.credits.get(key);
    if (hit) return hit;
    const next = key.replace(TRAILING_WORDS, "").replace(LEADING_WORDS, "");
    if (next === key || next === "") break;
    key = next;
  }
  return null;
}

function isPhotoAgency(name: string, book: StructureBook): boolean {
  let key = normKey(name).replace(TRAILING_WORDS, "");
  return book.photoAgencies.has(key);
}

/** Words in [s, e) (split on whitespace), all starting upper-case: a name-like credit ("Xu Jing", "Reuters Photo"). */
function capitalisedWords(text: string, s: number, e: number, maxWords: number): boolean {
  let words = 0;
  let i = s;
  while (i < e) {
    while (i < e && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= e) break;
    const c = text.charCodeAt(i);
    if (!isUpperCode(c)) return false;
    words++;
    while (i < e && !isSpaceCode(text.charCodeAt(i))) {
      const ch = text[i]!;
      if (ch === "." && i + 1 < e && isSpaceCode(text.charCodeAt(i + 1)) && i + 2 < e && isUpperCode(text.charCodeAt(i + 2)) && !isUpperCode(text.charCodeAt(i - 1))) return false;
      if (ch === "," || ch === ";" || ch === ":" || ch === "(" || ch === ")") return false;
      i++;
    }
  }
  return words > 0 && words <= maxWords;
}

/** Credit from the parts of a parenthesised or slashed credit ("AP Photo/Susan Walsh, File"): the first known agency. */
function agencyInParts(parts: string[], book: StructureBook): string | null {
  for (const p of parts) {
    const a = agencyOf(p, book);
    if (a) return a;
  }
  return null;
}

/** Space-slash credit at the end ("… 2019. /AP", "… /Reuters Photo", "… / Xinhua"). */
function slashSuffix(text: string, s: number, e: number, book: StructureBook): CaptionMatch | null {
  const slash = lastIndexIn(text, 47, Math.max(s, e - 64), e);
  if (slash <= s || !isSpaceCode(text.charCodeAt(slash - 1))) return null;
  const cs = trimStart(text, slash + 1, e);
  if (cs >= e || e - cs > 60) return null;
  const tail = text.slice(cs, e);
  const agency = agencyOf(tail, book);
  const end = trimEnd(text, s, slash);
  // an unknown name credits a caption that ends like one ("… 2019. / Li Xin"), not a table's "N / A"
  if (!agency && (!capitalisedWords(text, cs, e, 5) || e - cs < 2 || !/[.!?)"”\d]/.test(text[end - 1] ?? ""))) return null;
  return { start: s, end, credit: agency ?? tail, creditStart: slash };
}

/**
 * Bracketed credit at the end: "(Xinhua/Li Xin)", "(AP Photo/Susan Walsh, File)",
 * "(Getty Images)", "(Photo: Reuters)", and the square brackets of "[File: Name/WANA
 * via Reuters]", "[AFP]". A bare "(Reuters)" credits an article, not a caption; a
 * square-bracketed agency is a picture credit.
 */
function bracketSuffix(text: string, s: number, e: number, book: StructureBook): CaptionMatch | null {
  const close = text.charCodeAt(e - 1);
  const square = close === 93; // "]"
  const open = lastIndexIn(text, square ? 91 : 40, Math.max(s, e - 90), e);
  if (open < 0) return null;
  const inner = text.slice(open + 1, e - 1).trim();
  if (!inner) return null;
  const label = INNER_LABEL.exec(inner);
  const names = label ? inner.slice(label[0].length) : inner;
  const slashed = names.includes("/");
  const photoWord = /\b(?:photo|photos|photograph|image|images|picture|pictures|pic)\b/i.test(inner);
  const parts = names.split(/\s*[\/,;]\s*|\s+via\s+/i).filter((p) => p !== "");
  let credit = agencyInParts(parts, book);
  let ok = false;
  if (slashed || photoWord || label) {
    // "(Xinhua/Li Xin)", "(Photo by Jane Doe)", "[File: Name/Agency]": a photo credit even when the agency is unknown
    ok = credit !== null || (label !== null && names !== "" && capitalisedWords(names, 0, names.length, 8)) || (slashed && parts.every((p) => /^[A-Z]/.test(p)));
    if (ok && credit === null && names !== "") credit = names;
  } else if (/^(?:file(?: photo)?|handout|pool)$/i.test(inner)) {
    ok = true;
  } else if (credit !== null && (square || isPhotoAgency(inner, book))) {
    ok = true; // "(Getty Images)", "[AFP]"; a bare "(Reuters)" is an article credit, not a caption's
  }
  if (!ok) return null;
  return { start: s, end: trimEnd(text, s, open), credit, creditStart: open };
}

/** Agency/photographer credit at the end without brackets ("REUTERS/Kim Hong-Ji", "AFP/Getty Images", "Chip Somodevilla/Getty Images"). */
function slashGroupSuffix(text: string, s: number, e: number, book: StructureBook): CaptionMatch | null {
  // the first slash of the credit group: every part after it is a short capitalised name
  let first = -1;
  for (let i = indexIn(text, 47, Math.max(s, e - 90), e); i >= 0; i = indexIn(text, 47, i + 1, e)) {
    if (i <= s || isSpaceCode(text.charCodeAt(i - 1))) continue; // space-slash is slashSuffix's form
    const right = text.slice(i + 1, e).split("/");
    if (right.every((p) => /^\s*[A-Z]/.test(p) && capitalisedWords(p, 0, p.length, 5))) {
      first = i;
      break;
    }
  }
  if (first < 0) return null;
  // up to 4 capitalised words before the slash ("Chip Somodevilla", "REUTERS", "AP Photo")
  const leftStarts: number[] = [];
  let i = first;
  while (i > s && leftStarts.length < 4) {
    let j = i;
    while (j > s && !isSpaceCode(text.charCodeAt(j - 1))) j--;
    if (j === i || !isUpperCode(text.charCodeAt(j))) break;
    const w = text.slice(j, i);
    if (/[,;:!?)]$/.test(w) || (/\.$/.test(w) && !/^(?:[A-Z]\.)+$/.test(w))) break;
    leftStarts.push(j);
    i = trimEnd(text, s, j);
    if (i === j) break;
  }
  if (leftStarts.length === 0) return null;
  // the agency: the left words (or their last ones), else a right part
  let agency: string | null = null;
  let creditStart = leftStarts[leftStarts.length - 1]!;
  for (let k = leftStarts.length - 1; k >= 0 && !agency; k--) {
    const a = agencyOf(text.slice(leftStarts[k]!, first), book);
    if (a) {
      agency = a;
      creditStart = leftStarts[k]!; // "… in Seoul REUTERS/Kim": the caption keeps "in Seoul"
    }
  }
  if (!agency) agency = agencyInParts(text.slice(first + 1, e).split("/"), book);
  if (!agency) return null;
  const end = trimEnd(text, s, creditStart);
  const captionEnd = stripSeparator(text, s, end);
  // inside a sentence ("… in the latest Reuters/Ipsos Poll.") a slash group is a name, not a credit:
  // a credit follows a sentence's end, a separator, or is written in capitals ("… in Seoul REUTERS/Kim")
  if (captionEnd > s && captionEnd === end && !/[.!?)\]"”’'\d]/.test(text[end - 1]!)) {
    const capitals = !/\p{Ll}/u.test(text.slice(creditStart, first));
    if (!capitals || text.charCodeAt(e - 1) === 46) return null;
  }
  return { start: s, end: captionEnd, credit: agency, creditStart };
}

/** "… Photo: Reuters", "… Credit: John Doe/AP", "… Photo by Jane Doe". */
function labelSuffix(text: string, s: number, e: number, book: StructureBook): CaptionMatch | null {
  const from = Math.max(s, e - 100);
  const tail = text.slice(from, e);
  if (!tail.includes(":") && !/ by |courtesy|source,/i.test(tail)) return null;
  const m = LABEL_CREDIT.exec(tail);
  if (!m) return null;
  const labelStart = from + m.index + (m[0].length - m[1]!.length - m[2]!.length);
  const raw = m[2]!.trim();
  const credit = agencyInParts(raw.split(/\s*[\/,;]\s*|\s+via\s+/i), book) ?? raw;
  const end = trimEnd(text, s, labelStart);
  return { start: s, end: stripSeparator(text, s, end), credit, creditStart: labelStart };
}

/** The line opens with a caption's label ("FILE - …", "Image caption, …"): it starts a caption. */
export function opensWithCaptionLabel(text: string, s: number, e: number): boolean {
  CAPTION_LABEL.lastIndex = s;
  FILE_LABEL.lastIndex = s;
  const yes = CAPTION_LABEL.test(text) || FILE_LABEL.test(text) || captionLabelAlone(text, s, e);
  CAPTION_LABEL.lastIndex = 0;
  FILE_LABEL.lastIndex = 0;
  return yes;
}

/** "Image caption," on a line of its own. */
function captionLabelAlone(text: string, s: number, e: number): boolean {
  return e - s <= 20 && /^(?:(?:image|photo|picture|video) caption|caption)\s*[,:]$/i.test(text.slice(s, e));
}

/** A bare picture agency after the caption's last sentence ("… June 30, 2019. Getty Images"), or alone on its line. */
function bareSuffix(text: string, s: number, e: number, book: StructureBook): CaptionMatch | null {
  if (e - s <= 40 && isUpperCode(text.charCodeAt(s)) && isPhotoAgency(text.slice(s, e), book)) return { start: s, end: s, credit: agencyOf(text.slice(s, e), book), creditStart: s };
  for (let i = e - 2; i > s && i >= e - 40; i--) {
    if (!isSpaceCode(text.charCodeAt(i)) || !/[.!?"”)]/.test(text[i - 1]!)) continue;
    const cs = trimStart(text, i, e);
    if (!isUpperCode(text.charCodeAt(cs))) return null;
    const name = text.slice(cs, e);
    if (!isPhotoAgency(name, book)) return null;
    return { start: s, end: trimEnd(text, s, i), credit: agencyOf(name, book), creditStart: cs };
  }
  return null;
}

/** Drop a separator left between caption and credit ("… 2019 | Reuters", "… 2019 - AP"). */
function stripSeparator(text: string, s: number, end: number): number {
  while (end > s && /[|\-–—]/.test(text[end - 1]!)) end = trimEnd(text, s, end - 1);
  return end;
}

/**
 * The caption a line [s, e) holds, by its credit or a "FILE -" label; null for any
 * other line. Long lines (over 120 words) are never captions.
 */
export function matchCaption(text: string, s: number, e: number, book: StructureBook): CaptionMatch | null {
  let cs = s;
  CAPTION_LABEL.lastIndex = s;
  let captionLabel = false;
  if (CAPTION_LABEL.test(text)) {
    captionLabel = true;
    cs = Math.min(CAPTION_LABEL.lastIndex, e);
  } else if (captionLabelAlone(text, s, e)) {
    captionLabel = true;
    cs = e;
  }
  FILE_LABEL.lastIndex = cs;
  const fileLabel = cs < e && FILE_LABEL.test(text);
  if (fileLabel) cs = Math.min(FILE_LABEL.lastIndex, e);
  const labelled = captionLabel || fileLabel;
  if (cs >= e) return { start: e, end: e, credit: null, creditStart: e }; // a label alone: its caption is on the next line
  const last = text.charCodeAt(e - 1);
  let m: CaptionMatch | null = null;
  if (last === 41 || last === 93) m = bracketSuffix(text, cs, e, book);
  if (!m) m = slashSuffix(text, cs, e, book);
  if (!m && (isUpperCode(last) || isLowerCode(last) || last === 41 || last === 46)) {
    m = labelSuffix(text, cs, e, book) ?? slashGroupSuffix(text, cs, e, book) ?? bareSuffix(text, cs, e, book);
  }
  if (!m) {
    if (!labelled) return null;
    return { start: cs, end: e, credit: null, creditStart: e };
  }
  if (!labelled && m.end > m.start && (countWords(text, m.start, m.end) > 120 || !PROSE_WORD.test(text.slice(m.start, m.end)))) return null;
  return m;
}
