// Letters and digits as regular-expression class bodies, for word boundaries in patterns
// that run often or carry the `i` flag. `\p{L}` under `i` costs about 0.6 ms to compile at
// each use (V8 case-folds the whole Unicode letter set) and matches ten times slower than
// these ranges: the time parsers' boundaries alone cost a cold start 70 ms. The ranges cover
// the scripts news text mixes with English (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic,
// Indic, Thai, Vietnamese, kana, CJK, Hangul).

export const LETTER =
  "A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u03FF\\u0400-\\u052F\\u0531-\\u0587\\u05D0-\\u05F2\\u0620-\\u06D3\\u0900-\\u0E7F\\u1E00-\\u1FFF\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7AF";
export const DIGIT = "0-9\\u00B2\\u00B3\\u00B9\\u00BC-\\u00BE\\u0660-\\u0669\\u06F0-\\u06F9";

/** Latin letters beyond Latin-1 that have no decomposition, with the letter they are read as. */
const UNDECOMPOSED: Record<string, string> = { ı: "i", ł: "l", Ł: "L", đ: "d", Đ: "D", ħ: "h", Ħ: "H", ŀ: "l", Ŀ: "L", ŧ: "t", Ŧ: "T", ŋ: "n", Ŋ: "N", œ: "o", Œ: "O", ĸ: "k", ſ: "s", ƒ: "f", ǝ: "e", ə: "e", Ə: "E" };

let winkFolds: Map<number, string> | null = null;

/** Each Latin letter of Latin Extended-A, -B and Additional with the ASCII letter it is read as. */
function winkFoldTable(): Map<number, string> {
  const table = new Map<number, string>();
  const add = (from: number, to: number) => {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      const base = UNDECOMPOSED[ch] ?? ch.normalize("NFD")[0]!;
      if (base.length === 1 && base.charCodeAt(0) < 128 && /[A-Za-z]/.test(base)) table.set(c, base);
    }
  };
  add(0x100, 0x24f);
  add(0x1e00, 0x1eff);
  return table;
}

/**
 * The text as wink-nlp should read it: wink's tokeniser knows the letters of Latin-1 only and
 * breaks a word at any other ("Diyarbak ı r.", "Ş anl ı urfa", "Nguy ễ n"), so each Latin
 * letter beyond Latin-1 becomes the ASCII letter under its accents. One code unit for one, so
 * offsets hold and the tokens take their surfaces from the real text.
 */
export function foldForWink(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) <= 0xff) i++;
  if (i === s.length) return s;
  winkFolds ??= winkFoldTable();
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c > 0xff ? (winkFolds.get(c) ?? s[i]!) : s[i]!;
  }
  return out;
}
