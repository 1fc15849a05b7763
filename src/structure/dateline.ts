// Datelines at the head of a story: "SEOUL, July 1 (Reuters) -", "WASHINGTON (AP) —",
// "BEIJING, Nov. 26 (Xinhua) --", "NAIROBI, Kenya (AP) _", "LONDON 1996-08-30",
// "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", and VOA's "WASHINGTON —".

import type { Dateline } from "../pipeline/layers.js";
import type { StructureBook } from "./book.js";
import { agencyOf } from "./credits.js";
import { proseAhead, trimEnd, trimStart } from "./chars.js";
import { MONTH } from "./calendar.js";

const DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2})`;
// place: upper-case words ("DAR ES SALAAM", "ST. PETERSBURG") or capitalised ones ("Beijing", "Hong Kong")
const CAPS_PLACE = "[A-Z][A-Z'’.\\-]*[A-Z.](?:[\\s\\/][A-Z][A-Z'’.\\-]*[A-Z.]){0,4}(?![A-Za-z])";
const MIXED_PLACE = "[A-Z][a-z]+(?:[\\s\\-][A-Z][a-z]+){0,3}";
const REGION = `\\s?,\\s*(?!${MONTH}\\s+\\d)[A-Z][A-Za-z.'’\\-]*(?:\\s[A-Z][A-Za-z.'’\\-]*){0,3}`;
const DATELINE = new RegExp(
  `(?:(${CAPS_PLACE})|(${MIXED_PLACE}))((?:${REGION}){0,2})(?:,?\\s+(${DATE}))?` +
    `(?:\\s*\\(\\s*([A-Z][A-Za-z.&'’ \\-]{0,40}?)\\s*\\))?` +
    `(?:[ \\t\\u00a0]*(--|—|–|―|-|_|:)(?=[\\s\\-]|$))?`,
  "y",
);

/** Upper-case words that open a line like a place but are labels ("FILE - …", "UPDATE - …"). */
const LABELS = new Set(
  "FILE PHOTO VIDEO UPDATE UPDATED BREAKING EXCLUSIVE ANALYSIS COMMENTARY OPINION EDITORIAL WATCH LISTEN READ NOTE CORRECTION CLARIFICATION INTERVIEW FEATURE REVIEW FACTBOX EXPLAINER LIVE ADVISORY URGENT FLASH BULLETIN SPORTS SOCCER FOOTBALL CRICKET TENNIS GOLF BASEBALL BASKETBALL RUGBY BOXING CYCLING ATHLETICS MOTOR RACING HOCKEY".split(" "),
);

export interface DatelineMatch {
  dateline: Dateline;
  /** Where the story text after the dateline starts (the line end when the dateline stands alone). */
  bodyStart: number;
}

/**
 * A dateline at `at` in a line ending at `end`, with the body start after it, or null.
 * Upper-case places need a separator ("WASHINGTON —"), a date or an agency;
 * capitalised ones ("Beijing") need a date or an agency and a separator.
 */
export function matchDateline(text: string, at: number, end: number, book: StructureBook): DatelineMatch | null {
  DATELINE.lastIndex = at;
  const m = DATELINE.exec(text);
  if (!m) return null;
  const caps = m[1];
  const date = m[4] ?? null;
  const agencyRaw = m[5] ?? null;
  const sep = m[6] ?? null;
  let stop = at + m[0].length;
  if (stop > end) return null;
  const place = (caps ?? m[2] ?? "") + (m[3] ?? "");
  if (caps) {
    const firstWord = caps.split(/[\s,]/)[0]!.replace(/[.'’\-]+$/, "");
    if (LABELS.has(firstWord) || caps.replace(/[^A-Z]/g, "").length < 2) return null;
    if (!sep && !agencyRaw && !(date && trimStart(text, stop, end) >= end)) return null;
    // a bare "PLACE -" is too like a headline's "PRESS DIGEST - …": a bare place wants a dash or underscore
    if (!agencyRaw && !date && !m[3] && (sep === "-" || sep === ":")) return null;
    if (sep === ":" && !agencyRaw && !date) return null;
    // a bare "NATO — The alliance …": an organisation's acronym recurs in capitals in the story,
    // a dateline's city does not ("WASHINGTON —" … "in Washington")
    if (!agencyRaw && !date && !m[3] && recursInCapitals(text, caps, at, stop)) return null;
  } else if (!sep || !(agencyRaw || date)) return null;
  let bodyStart = trimStart(text, stop, end);
  // VOA glues the body on with a hyphen: "WASHINGTON —\u00a0-U.S. Secretary …"
  if (sep && sep !== "-" && text.charCodeAt(bodyStart) === 45 && text.charCodeAt(bodyStart + 1) !== 45) bodyStart = trimStart(text, bodyStart + 1, end);
  if (bodyStart < end && !proseAhead(text, bodyStart, end)) return null;
  const start = at;
  const dlEnd = trimEnd(text, start, stop);
  const agency = agencyRaw ? (agencyOf(agencyRaw, book) ?? agencyRaw.trim()) : null;
  return {
    dateline: { start, end: dlEnd, text: text.slice(start, dlEnd), place: place.trim() || null, dateText: date, agency },
    bodyStart,
  };
}

/**
 * `word` occurs again in `text`, outside [from, to), as a whole word in the same
 * capitals amid lower-case text ("… NATO Secretary-General …"; an upper-case
 * headline's "BEIJING HOSTS SUMMIT" does not count).
 */
function recursInCapitals(text: string, word: string, from: number, to: number): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (i >= from && i < to) continue;
    const before = i > 0 ? text[i - 1]! : " ";
    const after = text[i + word.length] ?? " ";
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    if (/\p{Ll}/u.test(text.slice(Math.max(0, i - 16), i + word.length + 16))) return true;
  }
  return false;
}
