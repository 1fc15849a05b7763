// Name keys: how a name is looked up regardless of case, diacritics, spacing and
// the tokeniser's way with possessives ("People 's" = "People's").

const MARKS = /[\u0300-\u036f]/g;
/** Lower-case Latin letters with no decomposition, as English spells them ("Yıldırım" = "Yildirim"). */
const UNDECOMPOSED = /[ıłđħŧŋøœæßþð]/g;
const UNDECOMPOSED_AS: Record<string, string> = { ı: "i", ł: "l", đ: "d", ħ: "h", ŧ: "t", ŋ: "n", ø: "o", œ: "oe", æ: "ae", ß: "ss", þ: "th", ð: "d" };
const ASCII_WORD = /^[\x20-\x7e]*$/;

/** Is a lower-cased name already its key: plain ASCII letters, digits, . & - and single inner spaces? */
function isPlainKey(k: string): boolean {
  let space = true;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 38 || c === 45) space = false;
    else if (c === 32) {
      if (space) return false;
      space = true;
    } else return false;
  }
  return !space || k.length === 0;
}

/** The lookup key of a name: lower case, no diacritics (ı, ł, ø read as i, l, o), straight apostrophes, single spaces. */
export function nameKey(s: string): string {
  let k = s.toLowerCase();
  if (isPlainKey(k)) return k;
  if (!ASCII_WORD.test(k)) k = k.normalize("NFD").replace(MARKS, "").replace(UNDECOMPOSED, (c) => UNDECOMPOSED_AS[c]!).replace(/[’‘ʼ`]/g, "'").replace(/[‐‑–]/g, "-");
  if (k.includes("  ") || /[^\S ]/.test(k) || k.charCodeAt(0) === 32 || k.charCodeAt(k.length - 1) === 32) k = k.replace(/\s+/g, " ").trim();
  if (k.includes(" 's") || k.includes(" '")) k = k.replace(/ '(?=s\b|\s|$)/g, "'");
  return k;
}

/** The key of a name's first word (letters and digits only), for bucketing multi-word aliases. */
export function firstWordKey(key: string): string {
  let i = 0;
  while (i < key.length) {
    const c = key.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) i++;
    else if (c > 127 && /[\p{L}\p{N}]/u.test(key[i]!)) i++;
    else break;
  }
  return i > 0 ? key.slice(0, i) : key.slice(0, 1);
}

/** Is every letter of the token upper case (and it has at least one)? */
/** Has the text any lower-case letter? */
export function hasLower(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c > 127) return /\p{Ll}/u.test(s);
  }
  return false;
}

export function isUpperWord(s: string): boolean {
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
    else if (c > 127) return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
  }
  return upper;
}

/** Does the token start with a capital letter? */
export function isCapitalised(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(s);
}

/** Compare two ISO-like dates of different precision: a start "2017-05" counts from its first day, an end from its last. */
export function dateStart(d: string): string {
  if (d.length === 4) return d + "-01-01";
  if (d.length === 7) return d + "-01";
  return d;
}

export function dateEnd(d: string): string {
  if (d.length === 4) return d + "-12-31";
  if (d.length === 7) return d + "-31";
  return d;
}
