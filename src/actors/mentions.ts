// Names in text: runs of capitalised tokens (with particles, initials and parts of
// hyphenated compounds), cut at titles and at names the book knows, then typed from
// the book, the gazetteers, cue words and context, and made consistent over the
// document (a name typed once keeps its type; a surname refers to the full name).

import type { EntityType } from "../record.js";
import type { Sentence, Token } from "../pipeline/layers.js";
import type { Resources } from "../pipeline/resources.js";
import { bookOf, citiesOf, commonWordsOf, cuesOf, givenNamesOf, nameSexesOf, type ActorBook, type BookEntry, type City, type CityIndex, type Cues, type GivenNames, type NameSexes, type SortedWords } from "./book.js";
import { firstWordKey, isCapitalised, isUpperWord, nameKey } from "./normalize.js";
import { singular } from "./resolve.js";

/** How sure the finder is of a mention's type: book or cue word > gazetteer > context > guess. */
export const enum Sure {
  Guess = 0,
  Context = 1,
  Gazetteer = 2,
  Cue = 3,
  Book = 4,
}

export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  sure: Sure;
  /** The book's entries for the name, when it knows it. */
  entries: BookEntry[] | null;
  /** Cities of that name, when the gazetteer has it. */
  cities: City[] | null;
  sentence: number;
  /** Token range [tokenStart, tokenEnd); a mention inside a hyphenated token has tokenEnd = tokenStart + 1. */
  tokenStart: number;
  tokenEnd: number;
  /** Title words right before the name made it a person ("President", "spokesperson"). */
  titled: boolean;
  /** The name key. */
  key: string;
  /** The place of a dateline ("LONDON 1996-08-30"). */
  dateline: boolean;
}

export interface NameTables {
  book: ActorBook;
  cities: CityIndex;
  given: GivenNames;
  /** Given names of one sex, for "he" and "she". */
  sexes: NameSexes;
  common: SortedWords;
  cues: Cues;
  /** Memo of words' title/group classes (coreference). */
  wordClass: Map<string, number>;
  /** First words of title phrases and person cues (a quick test before matching a title). */
  titleFirst: Set<string>;
  /** Words that may head a nominal mention (titles, groups, and their plurals): a quick test before `wordClass`. */
  headWords: Set<string>;
  /** Memo of descriptive phrases' actors at a date (bounded). */
  phraseActors: Map<string, import("../record.js").Actor | null>;
  /** Memo of words' flags (W_* bits), shared by the documents an analyser reads (bounded). */
  wordFlags: Map<string, number>;
}

/** Word flags: one memoised lookup per token instead of a lookup per word list. */
export const W_FUNCTION = 1;
export const W_COMMON = 2;
export const W_NOT_NAME = 4;
export const W_PARTICLE = 8;
export const W_TITLE_FIRST = 16;
export const W_HEAD_WORD = 32;
export const W_HEAD_CUE = 64;
export const W_GIVEN = 128;

export function flagsOf(t: NameTables, key: string): number {
  let f = t.wordFlags.get(key);
  if (f !== undefined) return f;
  f = 0;
  const common = t.common;
  if (FUNCTION_WORDS.has(key)) f |= W_FUNCTION | W_COMMON;
  else if (common.has(key) || common.has(singular(key))) f |= W_COMMON;
  else if (key.includes("-") && key.split("-").every((p) => p === "" || /^\d+$/.test(p) || FUNCTION_WORDS.has(p) || common.has(p) || common.has(singular(p)))) f |= W_COMMON;
  if (t.cues.notName.has(key)) f |= W_NOT_NAME;
  if (t.cues.particle.has(key)) f |= W_PARTICLE;
  if (t.titleFirst.has(firstWordKey(key))) f |= W_TITLE_FIRST;
  if (t.headWords.has(key)) f |= W_HEAD_WORD;
  if (t.cues.head.has(key)) f |= W_HEAD_CUE;
  if ((t.given.get(key) ?? 0) >= 1000) f |= W_GIVEN;
  if (t.wordFlags.size > 200000) t.wordFlags.clear();
  t.wordFlags.set(key, f);
  return f;
}

export function nameTablesOf(resources: Resources): NameTables {
  return resources.use("actors/name-tables", (_d, r) => ({
    book: bookOf(r),
    cities: citiesOf(r),
    given: givenNamesOf(r),
    sexes: nameSexesOf(r),
    common: commonWordsOf(r),
    cues: cuesOf(r),
    wordClass: new Map(),
    titleFirst: new Set([...bookOf(r).sectors].filter(([, w]) => w.kind === "title").map(([k]) => firstWordKey(k)).concat([...cuesOf(r).personBefore].map(firstWordKey))),
    headWords: headWordsOf(bookOf(r), cuesOf(r)),
    phraseActors: new Map(),
    wordFlags: new Map(),
  }));
}

/** One-word titles and group words of the book and cues, with plural forms. */
function headWordsOf(book: ActorBook, cues: Cues): Set<string> {
  const out = new Set<string>();
  const add = (w: string) => {
    if (w.includes(" ")) w = w.slice(w.lastIndexOf(" ") + 1);
    out.add(w);
    out.add(w + "s");
    out.add(w + "es");
    if (w.endsWith("y")) out.add(w.slice(0, -1) + "ies");
    if (w.endsWith("man")) out.add(w.slice(0, -3) + "men");
    if (w.endsWith("person")) out.add(w.slice(0, -6) + "people");
  };
  for (const k of book.sectors.keys()) add(k);
  for (const k of cues.personBefore) add(k);
  for (const k of GROUP_HEAD_WORDS) add(k);
  return out;
}

/** Plural nouns for groups of people that make actors, used when the book's sectors lack them. */
export const GROUP_HEAD_WORDS = new Set("activists protesters demonstrators defectors refugees migrants troops soldiers forces police officers rebels militants insurgents fighters separatists lawmakers legislators officials diplomats authorities students workers residents civilians villagers farmers businessmen investors journalists reporters leaders negotiators judges prosecutors monks clerics doctors".split(" "));

/** Prepositions that, right after a sentence-initial common word the book also knows as an ambiguous name, make it the word ("Solidarity with Ukraine"). */
const WORD_BEFORE = new Set(["with", "among", "between", "against", "toward", "towards", "across"]);

const FUNCTION_WORDS = new Set(
  "a an the and or but nor of in on at to for from by with as into onto upon about after before over under between among against during without within through across behind beyond near since until via per than then that this these those there here his her its their our your my we you he she it they them him me us i is are was were be been being has have had do does did will would shall should can could may might must not no yes if so when while where who whom whose which what why how all any each every some such other another both either neither also only just even still yet everything everyone everybody anything anyone anybody something someone somebody nothing nobody none several many few fewer most more much".split(
    " ",
  ),
);
/** Lower-case words that join hyphenated prefixes to a name ("anti-Pyongyang", "pro-Russian", "inter-Korean"). */
const PREFIXES = new Set("anti pro inter intra trans pan cross sino euro afro".split(" "));
/** Prefixes that make the whole compound one modifier ("ex-England", "non-EU"). */
const WHOLE_PREFIXES = new Set("ex non post pre neo mid un all former".split(" "));
/** Lower-case second parts of compounds that keep the whole token one modifier ("Tripoli-based", "U.S.-led"). */
const SUFFIXES = new Set("member based born led backed owned run controlled made style speaking held era bound registered listed funded sponsored allied friendly centred centered brokered ruled dominated occupied administered linked bred raised educated trained flagged".split(" "));
/** Lower-case particles that may open a name token ("al-Saadani", "bin Laden"). */
const NAME_PREFIX = /^(?:al|el|ad|as|ash|an|ar|at|az|ul|ud|bin|ibn|abu|abd|de|da|di|du|d'|l'|o'|van|von)[-'’]?\p{Lu}/u;
/** Words after a name that say a person spoke. */
const SPEECH = new Set("said says told added stated noted stressed warned urged argued insisted explained wrote replied asked announced".split(" "));
/** Lower-case nouns after (or "of" before) a name that make it a place ("the Tavildara region", "the village of Mahala"). */
const LOC_NOUNS = new Set("region regions province provinces area areas village villages town towns city cities battle district districts valley border county state capital island islands river mountains airport port enclave republic territory suburb neighbourhood neighborhood municipality prefecture oblast governorate".split(" "));
/** Words for works whose titles news quotes. */
const WORK_NOUNS = new Set("film films movie movies book books novel novels song songs album albums play plays opera operas musical musicals show shows series programme program documentary painting poem poems play entitled titled called memoir memoirs biography hit single".split(" "));
const OPEN_QUOTES = new Set(['"', "“", "‘", "'"]);
const CLOSE_QUOTES = new Set(['"', "”", "’", "'"]);
/** Lower-case words around a batsman's or bowler's name on a cricket scorecard (caught, bowled, stumped, leg before). */
const SCORECARD = new Set(["c", "b", "st", "lbw", "c&b"]);
/** Below this population a town's name alone, out of a locative phrase, is read from context. */
const SMALL_TOWN = 100000;
const LOC_PREP = new Set(["in", "at", "near", "from", "to", "into", "across", "outside", "inside", "around", "toward", "towards", "via"]);

interface SentenceInfo {
  /** Letters mostly upper case (CoNLL's "CRICKET - LEICESTERSHIRE TAKE OVER …"). */
  caps: boolean;
  /** Most content words capitalised (a headline in title case). */
  title: boolean;
}

function sentenceInfo(tokens: Token[], s: Sentence, flags: Uint16Array, caps: Uint8Array): SentenceInfo {
  let words = 0;
  let upper = 0;
  let content = 0;
  let capContent = 0;
  let capFunction = 0;
  let lowerVerbs = 0;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i]!.text;
    if (!startsWithLetter(t)) continue;
    if (!caps[i] && tokens[i]!.pos === "VERB" && i > s.tokenStart && caps[i - 1] && tokens[i - 1]!.pos === "PROPN") lowerVerbs++;
    if (t.length >= 2) {
      words++;
      if (isUpperWord(t)) upper++;
    }
    if (!(flags[i]! & W_FUNCTION)) {
      content++;
      if (caps[i]) capContent++;
    } else if (i > s.tokenStart && caps[i] && t.length > 3) capFunction++;
  }
  const allCaps = words >= 2 && upper / words >= 0.6;
  // (a title-case headline capitalises its verb: "Xi met Lula at the Great Hall of the People", a name then a verb in lower case, is a sentence)
  if (allCaps || content < 4 || capContent / content < 0.8 || lowerVerbs > 0) return { caps: allCaps, title: false };
  // a headline in title case capitalises common words too ("Iran, World Powers Extend Nuclear Talks")
  let capCommon = capFunction;
  for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
    const f = flags[i]!;
    if (caps[i] && !(f & W_FUNCTION) && f & W_COMMON && !(f & W_GIVEN)) capCommon++;
  }
  const title = capCommon >= 2 && capCommon / content >= 0.4;
  return { caps: false, title };
}

function startsWithLetter(t: string): boolean {
  const c = t.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 128) return false;
  return /^\p{L}/u.test(t);
}

/** Is the key only ASCII lower-case letters and digits (its own first-word key)? */
function isPlainWord(k: string): boolean {
  if (k.length === 0) return false;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** nameKey of an already lower-cased token (skips the work for plain ASCII words). */
function nameKeyOfLower(lower: string): string {
  if (lower.length === 1) return lower === "’" ? "'" : lower;
  if (lower === "’s") return "'s";
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c > 127 || c === 32 || c === 39) return nameKey(lower);
  }
  return lower;
}

const MONTHS = new Set("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split(" "));

/** The index of the first word-like token of a sentence (after quotes, bullets, numbers, a date like "May 13"). */
function firstWordIndex(tokens: Token[], s: Sentence): number {
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i]!;
    if (!startsWithLetter(t.text)) continue;
    if (MONTHS.has(t.lower.replace(/\.$/, "")) && /^\d/.test(tokens[i + 1]?.text ?? "")) continue;
    return i;
  }
  return s.tokenEnd;
}

/** Is a token initial in its clause (first word, or after a colon, quote, dash or bullet)? */
function clauseInitial(tokens: Token[], s: Sentence, i: number, first: number): boolean {
  if (i === first) return true;
  if (i <= s.tokenStart) return true;
  const prev = tokens[i - 1]!.text;
  return prev === ":" || prev === "\"" || prev === "“" || prev === "-" || prev === "--" || prev === "(" || prev === "—" || prev === "‘" || prev === "'";
}

/** The finder's working state for one document. */
class Finder {
  readonly keys: string[];
  readonly mentions: Mention[] = [];
  /** Types of names seen in confident positions (key → type and how sure). */
  readonly seen = new Map<string, { type: EntityType; sure: Sure }>();
  /** Keys of capitalised tokens seen mid-sentence in normal text (so a sentence-initial one is a name too). */
  readonly midCaps = new Set<string>();
  /** Words of the multi-word person names found so far ("trump" of "Donald Trump"), for "Trump-Kim". */
  readonly nameWords = new Set<string>();
  readonly sports: boolean;

  /** Per token: its first-word key, whether it is capitalised, and (lazily) whether it is a common word. */
  readonly firsts: string[];
  readonly caps: Uint8Array;
  /** Per token: its word flags (W_*). */
  readonly flags: Uint16Array;

  constructor(
    readonly text: string,
    readonly tokens: Token[],
    readonly sentences: Sentence[],
    readonly t: NameTables,
  ) {
    const n = tokens.length;
    this.keys = new Array<string>(n);
    this.firsts = new Array<string>(n);
    this.caps = new Uint8Array(n);
    this.flags = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const tok = tokens[i]!;
      const form = tok.form;
      let k = form.nameKey;
      if (k === null) {
        // once per word form: its key, its first word's key and its flags
        k = form.nameKey = nameKeyOfLower(tok.lower);
        form.nameFirst = isPlainWord(k) ? k : firstWordKey(k);
        // punctuation and numbers have no flags ("&", a particle, aside): no lookup
        const c0 = k.charCodeAt(0);
        form.nameFlags = (c0 >= 97 && c0 <= 122) || c0 > 127 || c0 === 38 ? flagsOf(t, k) : 0;
        // a short word with diacritics is not the English word its key spells: "Tô" is not "to",
        // "Hà" not "ha", "Lâm" not "lam" (English writes its few accented loanwords longer: café, élan)
        if (form.nameFlags & W_COMMON && k !== tok.lower && k.length <= 3) form.nameFlags &= ~(W_COMMON | W_FUNCTION);
      }
      this.keys[i] = k;
      this.firsts[i] = form.nameFirst!;
      this.flags[i] = form.nameFlags;
      this.caps[i] = isCapitalised(tok.text) ? 1 : 0;
    }
    this.sports = isSportsDoc(text, tokens, sentences);
  }

  isName(key: string): boolean {
    return this.t.book.byKey.has(key) || this.midCaps.has(key) || this.seen.has(key) || this.nameWords.has(key);
  }

  /** Is a one-word name a person's that acts here: followed by a verb people do (names/cues.tsv person-after: "said", "met")? */
  actsAsPerson(i: number, entries: BookEntry[]): boolean {
    if (!entries.some((e) => e.kind === "person")) return false;
    const next = this.tokens[i + 1];
    if (!next || next.sentence !== this.tokens[i]!.sentence) return false;
    return this.t.cues.personAfter.has(next.text.toLowerCase());
  }

  isCommon(key: string): boolean {
    return (flagsOf(this.t, key) & W_COMMON) !== 0;
  }

  /** Is token i a common word? */
  common(i: number): boolean {
    return (this.flags[i]! & W_COMMON) !== 0;
  }

  /** Can token i be (part of) a name here? */
  nameish(i: number, info: SentenceInfo, initial: boolean): boolean {
    const tok = this.tokens[i];
    if (!tok) return false;
    const text = tok.text;
    const key = this.keys[i]!;
    if (!this.caps[i]) {
      if (text.length < 4 || (text.indexOf("-") < 0 && text.indexOf("'") < 0 && text.indexOf("’") < 0)) return false;
      return NAME_PREFIX.test(text) || /^\p{Ll}+-\p{Lu}/u.test(text);
    }
    const fl = this.flags[i]!;
    if (fl & W_NOT_NAME) return false;
    if (text.length === 1) return false;
    // photo positions and codes ("(L1)", "M2", "H1") are not names unless the book knows them ("G20")
    if (text.length <= 4 && /^\p{Lu}{1,2}\d{1,2}$/u.test(text) && !this.t.book.byKey.has(key)) return false;
    if (MONTHS.has(key) && (/^\d/.test(this.tokens[i + 1]?.text ?? "") || /^\d/.test(this.tokens[i - 1]?.text ?? ""))) return false;
    // a lone initial ("A.") is a name only before another name part
    if (text.length === 2 && text[1] === "." && !isCapitalised(this.tokens[i + 1]?.text ?? "")) return false;
    // "E. Ukraine", "N. Korea": an abbreviated direction before a country is not an initial
    if (text.length === 2 && text[1] === "." && this.t.book.byKey.get(this.keys[i + 1] ?? "")?.some((e) => e.kind === "country" || e.kind === "place")) return false;
    if (info.caps || info.title) {
      if (fl & W_FUNCTION) return false;
      if (this.t.book.byKey.has(key) || this.seen.has(key)) return true;
      if (fl & W_GIVEN && this.caps[i + 1] === 1 && !this.common(i + 1)) return true;
      // short unknown capitals in tables ("W D L", "GB") are not names; initials are
      if (key.length <= 2) return key.length === 2 && key[1] === "." && this.caps[i + 1] === 1;
      return !(fl & W_COMMON);
    }
    if (initial) {
      if (fl & W_FUNCTION) return false;
      // a common word the book knows as an ambiguous name, before a preposition, is the word:
      // "Solidarity with Ukraine grew", not the Polish union
      if (fl & W_COMMON && WORD_BEFORE.has(this.keys[i + 1] ?? "") && this.tokens[i + 1]!.sentence === tok.sentence && !isUpperWord(text) && this.t.book.byKey.get(key)?.every((e) => e.ambiguous && (e.kind === "institution" || e.kind === "person"))) return false;
      if (this.isName(key) || isUpperWord(text)) return true;
      // a person the book knows, acting: "Trump said", "Trump met" (the word is also common)
      const known = this.t.book.byKey.get(key) ?? this.t.book.surnames.get(key);
      if (known && this.actsAsPerson(i, known)) return true;
      // a team heading a results or standings line ("Eastfield 4 3 1 0 7 4 10")
      if (this.sports && this.tableRow(tok.sentence, i, i + 1)) return true;
      // the first of a list of names ("Penrose , Kevin Ashby , Brian Coulter , Grady Hollis")
      if (this.keys[i + 1] === "," && this.caps[i + 2] && this.listLine(tok.sentence)) return true;
      // wink reads a sentence-initial word as a common noun, verb or adverb ("Denuclearization talks")
      if (tok.pos !== "PROPN" && tok.pos !== "X" && !this.t.given.has(key) && !this.t.cities.byKey.has(key)) return false;
      // a derived common word the lexicon lacks ("Denuclearization", "Redeployment")
      if (key.length > 7 && /(?:ization|isation|ation|ment|ness|ity|ism|ings|ously|ively)$/.test(key) && !this.caps[i + 1]) return false;
      if (!(fl & W_COMMON)) return true;
      // a common word at a sentence start is a name only when a capitalised word follows ("Real Madrid", not "Tensions escalated")
      const next = this.tokens[i + 1];
      if (next && next.sentence === tok.sentence && this.caps[i + 1] && fl & W_GIVEN && !this.common(i + 1)) return true;
      return !!next && next.sentence === tok.sentence && this.caps[i + 1] === 1 && !(this.flags[i + 1]! & W_NOT_NAME) && tok.pos === "PROPN";
    }
    return true;
  }

  private readonly bookMemo = new Map<number, { end: number; key: string; entries: BookEntry[] } | null>();

  /** The longest book name starting at token i (within [i, end)), as an end token index. */
  matchBook(i: number, end: number, caps: boolean): { end: number; key: string; entries: BookEntry[] } | null {
    const tok = this.tokens[i];
    if (!tok) return null;
    const full = end === this.sentences[tok.sentence]!.tokenEnd;
    if (full) {
      const memoKey = caps ? -1 - i : i;
      const hit = this.bookMemo.get(memoKey);
      if (hit !== undefined) return hit;
      const r = this.matchBookAt(i, end, caps);
      this.bookMemo.set(memoKey, r);
      return r;
    }
    return this.matchBookAt(i, end, caps);
  }

  private matchBookAt(i: number, end: number, caps: boolean): { end: number; key: string; entries: BookEntry[] } | null {
    const book = this.t.book;
    const max = book.byFirst.get(this.firsts[i]!);
    if (max === undefined) return null;
    let s = "";
    let best: { end: number; key: string; entries: BookEntry[] } | null = null;
    for (let j = i; j < end && j < i + 10; j++) {
      const k = this.keys[j]!;
      s = j === i ? k : s + (this.tokens[j]!.spaceBefore && !k.startsWith("'") ? " " : "") + k;
      if (s.length > max) break;
      // inner words of a multi-word name must be capitalised or particles ("Republic of Korea")
      // ("in" joins only names the book has in full: "Conference on Security and Cooperation in Europe")
      // (and "ul-Haq", "al-Assad": a lower-case name prefix joined to a capitalised name)
      if (j > i && !caps && !this.caps[j] && !(this.flags[j]! & W_PARTICLE) && k !== "'s" && k !== "'" && k !== "in" && !NAME_PREFIX.test(this.tokens[j]!.text)) break;
      const entries = book.byKey.get(s);
      if (entries) {
        if (book.acronyms.has(s) && !isUpperWord(this.text.slice(this.tokens[i]!.start, this.tokens[j]!.end))) continue;
        // a one-word name that is also a common word and that the book marks ambiguous ("League") is left to context
        // (but a person's name before a person's verb is the person: "Trump said")
        if (j === i && entries.every((e) => e.ambiguous && (e.kind === "institution" || e.kind === "person")) && this.isCommon(s) && !this.actsAsPerson(i, entries)) continue;
        if (j === i && !isCapitalised(this.tokens[i]!.text)) continue;
        // a people's name that is also a given name, before another capitalised word, is a person's ("Karen Bass", not the Karen)
        if (j === i && this.flags[i]! & W_GIVEN && entries.every((e) => e.kind === "group") && i + 1 < end && this.caps[i + 1] && !(this.flags[i + 1]! & W_PARTICLE)) continue;
        best = { end: j + 1, key: s, entries };
      }
    }
    return best;
  }

  /** The longest city name starting at token i. */
  matchCity(i: number, end: number): { end: number; key: string; cities: City[] } | null {
    const c = this.t.cities;
    const max = c.byFirst.get(this.firsts[i]!);
    if (max === undefined) {
      // one-word city names are not in the first-word index
      const cities = c.byKey.get(this.keys[i]!);
      return cities ? { end: i + 1, key: this.keys[i]!, cities } : null;
    }
    let s = "";
    let best: { end: number; key: string; cities: City[] } | null = null;
    for (let j = i; j < end && j < i + 5; j++) {
      const k = this.keys[j]!;
      s = j === i ? k : s + (this.tokens[j]!.spaceBefore ? " " : "") + k;
      if (s.length > max) break;
      // (a short word in lower case may join a city's name: "Dar es Salaam", "Rio de Janeiro")
      if (j > i && !isCapitalised(this.tokens[j]!.text) && !(this.flags[j]! & W_PARTICLE) && this.tokens[j]!.text.length > 3) break;
      const cities = c.byKey.get(s);
      // (but the name must end on a capital: "Dar es" is no city)
      if (cities && !isCapitalised(this.tokens[j]!.text)) continue;
      if (cities) best = { end: j + 1, key: s, cities };
    }
    return best;
  }

  /** A title phrase starting at token i ("President", "Foreign Minister", "Lieutenant-Colonel"): its end, or i. */
  matchTitle(i: number, end: number): number {
    const k = this.keys[i]!;
    const book = this.t.book;
    const pos = this.tokens[i]!.pos;
    if (pos !== "NOUN" && pos !== "PROPN" && pos !== "ADJ" && pos !== "X" && pos !== "VERB" && !this.caps[i]) return i;
    if (!(this.flags[i]! & W_TITLE_FIRST) && !(this.caps[i] && k.includes("-"))) return i;
    let best = i;
    const max = book.sectorFirst.get(this.firsts[i]!);
    if (max !== undefined) {
      let s = "";
      for (let j = i; j < end && j < i + 5; j++) {
        s = j === i ? this.keys[j]! : s + " " + this.keys[j]!;
        if (s.length > max) break;
        const w = book.sectors.get(s);
        if (w && w.kind === "title") best = j + 1;
      }
    }
    if (best === i && this.t.cues.personBefore.has(k)) best = i + 1;
    if (best === i && k.includes("-")) {
      const parts = k.split("-");
      if (parts.every((p) => this.t.cues.personBefore.has(p) || book.sectors.get(p)?.kind === "title")) best = i + 1;
    }
    // "Prime Minister", "Secretary of State": keep consuming title words
    if (best > i && best < end && isCapitalised(this.tokens[best]!.text)) {
      const more = this.matchTitle(best, end);
      if (more > best) best = more;
    }
    return best;
  }

  add(m: Omit<Mention, "key" | "titled" | "dateline"> & { titled?: boolean; dateline?: boolean }): Mention {
    const key = m.tokenEnd === m.tokenStart + 1 && m.start === this.tokens[m.tokenStart]!.start && m.end === this.tokens[m.tokenStart]!.end ? this.keys[m.tokenStart]! : nameKey(this.text.slice(m.start, m.end));
    const mention: Mention = {
      start: m.start,
      end: m.end,
      type: m.type,
      sure: m.sure,
      entries: m.entries,
      cities: m.cities,
      sentence: m.sentence,
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd,
      titled: m.titled ?? false,
      dateline: m.dateline ?? false,
      key,
    };
    this.mentions.push(mention);
    if (mention.type === "PERSON" && mention.key.includes(" ")) for (const w of mention.key.split(" ")) this.nameWords.add(w);
    const had = this.seen.get(mention.key);
    if (!had || had.sure < mention.sure) this.seen.set(mention.key, { type: mention.type, sure: mention.sure });
    return mention;
  }

  /** Pass 0: capitalised words mid-sentence in normal text are names wherever they occur. */
  collectMidCaps(infos: SentenceInfo[]): void {
    for (let si = 0; si < this.sentences.length; si++) {
      const s = this.sentences[si]!;
      const info = infos[si]!;
      if (info.caps || info.title) continue;
      const first = firstWordIndex(this.tokens, s);
      const cap = (i: number) => i < s.tokenEnd && this.caps[i] === 1 && !(this.flags[i]! & W_NOT_NAME);
      for (let i = first + 1; i < s.tokenEnd; i++) {
        // only a capitalised word standing alone: "Cricket" in "County Cricket Board" says nothing of "CRICKET"
        if (cap(i) && !cap(i - 1) && !cap(i + 1) && !clauseInitial(this.tokens, s, i, first) && !this.common(i)) this.midCaps.add(this.keys[i]!);
      }
    }
  }

  run(): Mention[] {
    const infos = this.sentences.map((s) => sentenceInfo(this.tokens, s, this.flags, this.caps));
    this.collectMidCaps(infos);
    // normal text first, so that headlines and ALL-CAPS lines can lean on what it found
    for (let si = 0; si < this.sentences.length; si++) if (!infos[si]!.caps && !infos[si]!.title) this.scanSentence(si, infos[si]!);
    for (let si = 0; si < this.sentences.length; si++) if (infos[si]!.caps || infos[si]!.title) this.scanSentence(si, infos[si]!);
    this.coordinate();
    this.harmonise();
    return this.mentions;
  }

  /** A dateline ("LONDON 1996-08-30", "LA CORUNA , Spain 1996-08-31", "SEOUL, July 1 -"): its places. */
  dateline(si: number): boolean {
    const s = this.sentences[si]!;
    const tokens = this.tokens;
    const n = s.tokenEnd - s.tokenStart;
    if (n < 2 || n > 8) return false;
    const last = tokens[s.tokenEnd - 1]!.text;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(last)) return false;
    let i = s.tokenStart;
    while (i < s.tokenEnd - 1) {
      let j = i;
      while (j < s.tokenEnd - 1 && isCapitalised(tokens[j]!.text)) j++;
      if (j === i) return false;
      const key = nameKey(this.text.slice(tokens[i]!.start, tokens[j - 1]!.end));
      const entries = this.t.book.byKey.get(key) ?? null;
      const cities = this.t.cities.byKey.get(key) ?? null;
      this.add({ start: tokens[i]!.start, end: tokens[j - 1]!.end, type: entries?.some((e) => e.kind === "country") ? "GPE" : cities ? "GPE" : "LOC", sure: Sure.Book, entries, cities, sentence: si, tokenStart: i, tokenEnd: j, dateline: true });
      if (tokens[j]!.text === ",") j++;
      i = j;
    }
    return true;
  }

  scanSentence(si: number, info: SentenceInfo): void {
    if (this.dateline(si)) return;
    const s = this.sentences[si]!;
    const tokens = this.tokens;
    const first = firstWordIndex(tokens, s);
    let pendingTitle = false;
    let titleStart = -1;
    for (let i = s.tokenStart; i < s.tokenEnd; ) {
      const tok = tokens[i]!;
      const initial = clauseInitial(tokens, s, i, first);
      // hyphenated compounds holding names
      if (tok.text.includes("-") && tok.text.length > 2 && this.splitCompound(i, si, info)) {
        pendingTitle = false;
        i++;
        continue;
      }
      if (this.caps[i] && !(this.flags[i]! & W_FUNCTION) && !this.nameish(i, info, initial)) {
        const multi = Math.max(this.matchBook(i, s.tokenEnd, info.caps)?.end ?? 0, this.matchCity(i, s.tokenEnd)?.end ?? 0);
        if (multi > i + 1) {
          i = this.scanName(i, s, si, info, pendingTitle, initial);
          pendingTitle = false;
          continue;
        }
      }
      if (!this.nameish(i, info, initial)) {
        // a lower-case title word before a name ("spokesperson Hua Chunying")
        const te = this.matchTitle(i, s.tokenEnd);
        if (te > i) {
          pendingTitle = true;
          titleStart = i;
          i = te;
          continue;
        }
        pendingTitle = false;
        i++;
        continue;
      }
      // a capitalised title ("President Moon", "Foreign Minister Wang Yi")
      const te = this.matchTitle(i, s.tokenEnd);
      if (te > i && te < s.tokenEnd && this.nameish(te, info, false) && !(this.t.cues.head.has(this.keys[te]!) && !this.nameish(te + 1, info, false))) {
        const bm = this.matchBook(i, s.tokenEnd, info.caps);
        if (!bm || bm.end <= te) {
          pendingTitle = true;
          titleStart = i;
          i = te;
          continue;
        }
      }
      const j = this.scanName(i, s, si, info, pendingTitle, initial);
      pendingTitle = false;
      void titleStart;
      i = Math.max(j, i + 1);
    }
  }

  /** Read one name starting at token i; returns the token index after it. */
  scanName(i: number, s: Sentence, si: number, info: SentenceInfo, titled: boolean, initial: boolean): number {
    const tokens = this.tokens;
    const end = s.tokenEnd;
    let bm = this.matchBook(i, end, info.caps);
    // an abbreviation whose full stop the tokeniser split off: "Tampa , Fla ." (the book writes "Fla.")
    if (!bm && i + 1 < end && tokens[i + 1]!.text === "." && tokens[i + 1]!.spaceBefore && i > 0 && tokens[i - 1]!.text === ",") {
      const dotted = this.t.book.byKey.get(this.keys[i] + ".");
      if (dotted && dotted.some((e) => e.kind === "place" || e.kind === "country")) bm = { end: i + 1, key: this.keys[i] + ".", entries: dotted };
    }
    const cm = this.matchCity(i, end);
    // the run of name-like tokens from i
    let j = i + 1;
    while (j < end) {
      const k = this.keys[j]!;
      const tj = tokens[j]!;
      if (tj.text.includes("-") && this.compoundParts(j) !== null) break;
      const fj = this.flags[j]!;
      // a head word ends a name even where it alone is none ("Al Masirah TV")
      const head = fj & W_HEAD_CUE && this.caps[j] === 1;
      if (((this.nameish(j, info, false) || ((info.caps || info.title) && head)) && !(fj & W_NOT_NAME)) || (head && fj & W_NOT_NAME)) {
        // a title inside the run starts a new name ("European Commission President Ursula …")
        const te = this.matchTitle(j, end);
        if (te > j && te < end && this.nameish(te, info, false)) break;
        if (info.caps && fj & W_COMMON && !this.isName(k) && !(fj & W_HEAD_CUE)) break;
        j++;
        continue;
      }
      // particles inside names: "Ursula von der Leyen", "Bank of Korea", "Procter & Gamble", "Trinidad and Tobago"
      // ("st" joins only as "St", Saint: "Dowling st Pemberton" is a stumping)
      if (fj & W_PARTICLE && j + 1 < end && !info.caps && !((k === "st" || k === "st.") && !this.caps[j])) {
        let p = j;
        while (p < end && this.flags[p]! & W_PARTICLE && p - j < 3) p++;
        if (p < end && p > j && isCapitalised(tokens[p]!.text) && this.nameish(p, info, false) && this.particleJoins(i, j, p, end, info)) {
          j = p + 1;
          continue;
        }
      }
      break;
    }
    // a book name covering the start: take it whole, and let what follows start again
    if (bm && cm && cm.end > bm.end && cm.end >= j) {
      this.add({ start: tokens[i]!.start, end: tokens[cm.end - 1]!.end, type: "GPE", sure: Sure.Gazetteer, entries: null, cities: cm.cities, sentence: si, tokenStart: i, tokenEnd: cm.end });
      return cm.end;
    }
    if (bm && (bm.end >= j || !this.extendsOrg(bm, i, j))) {
      this.addBook(i, bm.end, si, bm.entries, titled);
      return bm.end;
    }
    // a small town's name standing alone, not after "in" or "at", is read from context
    // ("Marlow said", "the Marlow campaign manager")
    const prevKey = i > 0 && tokens[i - 1]!.sentence === si ? this.keys[i - 1]! : "";
    const smallTown = !!cm && cm.end === i + 1 && j === i + 1 && !this.sports && !info.caps && cm.cities.every((c) => c.population < SMALL_TOWN && !c.seat) && !LOC_PREP.has(prevKey);
    if (cm && cm.end >= j && !titled && !smallTown) {
      this.add({ start: tokens[i]!.start, end: tokens[cm.end - 1]!.end, type: "GPE", sure: Sure.Gazetteer, entries: null, cities: cm.cities, sentence: si, tokenStart: i, tokenEnd: cm.end });
      return cm.end;
    }
    // trailing possessive-less clean-up: do not end a name on a particle
    while (j > i + 1 && this.flags[j - 1]! & W_PARTICLE) j--;
    const startTok = tokens[i]!;
    const endTok = tokens[j - 1]!;
    // a title in quotation marks after a word for a work: "the film \" The Silent Harbour \""
    {
      let q = i - 1;
      if (q > s.tokenStart && (this.keys[q] === "the" || this.keys[q] === "a") && this.caps[q]) q--;
      let work = false;
      for (let k = q - 1; k >= s.tokenStart && k >= q - 3 && !work; k--) work = WORK_NOUNS.has(this.keys[k]!);
      if (work && q >= s.tokenStart && j < end && OPEN_QUOTES.has(tokens[q]!.text) && CLOSE_QUOTES.has(tokens[j]!.text) && !bm) {
        this.add({ start: tokens[q + 1]!.start, end: endTok.end, type: "MISC", sure: Sure.Cue, entries: null, cities: null, sentence: si, tokenStart: q + 1, tokenEnd: j });
        return j;
      }
    }
    // "New York-based", "New Zealand-born": a name made one modifier
    const lastText = endTok.text;
    const dash = lastText.lastIndexOf("-");
    if (j > i + 1 && dash > 0 && SUFFIXES.has(lastText.slice(dash + 1).toLowerCase())) {
      this.add({ start: startTok.start, end: endTok.end, type: "MISC", sure: Sure.Cue, entries: null, cities: null, sentence: si, tokenStart: i, tokenEnd: j });
      return j;
    }
    // Vietnamese writes a place's syllables apart where English joins them: "Hà Nội" is Hanoi,
    // "Hải Phòng" Haiphong (only for words written with diacritics, so "Ha Noi" stays unknown)
    if ((!bm || bm.end < j) && (!cm || cm.end < j) && j - i >= 2 && j - i <= 3) {
      let joined = "";
      let marked = false;
      for (let k = i; k < j; k++) {
        joined += this.keys[k]!;
        if (tokens[k]!.lower !== this.keys[k]) marked = true;
      }
      if (marked && /^[a-z]+$/.test(joined)) {
        const entries = this.t.book.byKey.get(joined);
        if (entries && entries.every((e) => e.kind === "capital" || e.kind === "metonym" || e.kind === "place" || e.kind === "country")) {
          this.addBook(i, j, si, entries, titled);
          return j;
        }
        const cities = this.t.cities.byKey.get(joined);
        if (cities) {
          this.add({ start: startTok.start, end: endTok.end, type: "GPE", sure: Sure.Gazetteer, entries: null, cities, sentence: si, tokenStart: i, tokenEnd: j });
          return j;
        }
      }
    }
    const { type, sure } = this.typeRun(i, j, si, info, titled, initial, bm?.entries ?? null);
    this.add({ start: startTok.start, end: endTok.end, type, sure, entries: null, cities: j === i + 1 ? cm?.cities ?? null : null, sentence: si, tokenStart: i, tokenEnd: j, titled });
    return j;
  }

  /**
   * May the particle run [j, p) join name parts ("Bank of Korea", "von der Leyen")? Name
   * particles always; "of" after a head word or a title ("University of Michigan", "Duke of
   * Norfolk"); "&" always; "and", "for", "the" only inside a name the book knows.
   */
  particleJoins(i: number, j: number, p: number, end: number, info: SentenceInfo): boolean {
    const k = this.keys[j]!;
    const before = this.keys[j - 1]!;
    if (k === "&") return true;
    if (k === "of" || k === "for" || k === "on") {
      if (this.t.cues.head.has(before) || this.t.cues.personBefore.has(before)) return true;
      // a capitalised common noun before "of" names a body: "Brotherhood of Coastal Fishermen"
      if (k === "of" && p === j + 1 && !info.title && !/^\d/.test(this.tokens[j - 2]?.text ?? "") && this.flags[j - 1]! & W_COMMON && !(this.flags[j - 1]! & (W_GIVEN | W_FUNCTION)) && this.caps[j - 1] && j - 1 > this.sentences[this.tokens[i]!.sentence]!.tokenStart && !this.t.book.byKey.has(before) && !this.t.cities.byKey.has(before)) return true;
      const bm = this.matchBook(i, end, false);
      return !!bm && bm.end > p;
    }
    if (k === "and" || k === "the") {
      const bm = this.matchBook(i, end, false);
      return !!bm && bm.end > p;
    }
    return true;
  }

  /** Does a book name (a country, a demonym, a city) open a longer organisation or event name ("Chinese Foreign Ministry", "Washington Post")? */
  extendsOrg(bm: { end: number; entries: BookEntry[] }, _i: number, j: number): boolean {
    if (j <= bm.end) return false;
    if (bm.entries.some((e) => e.kind === "person")) return false;
    const lastHead = this.t.cues.head.get(this.keys[j - 1]!);
    // "May Day" after a party's name, "UN Security Council Resolution"
    if (bm.entries.some((e) => e.kind === "igo" || e.kind === "institution")) return lastHead !== undefined && j - bm.end <= 2;
    // the rest must not itself start with a book name or a title
    const inner = this.matchBook(bm.end, j, false);
    if (inner) return inner.end === j && inner.entries.some((e) => e.kind === "demonym" || e.kind === "group"); // "Bosnian Serb"
    // "Chinese Foreign Ministry", "Japan Airlines", "Berlin Grand Prix": the rest ends in a head word
    const last = this.keys[j - 1]!;
    if (this.t.cues.head.has(last)) return true;
    // "Australian Tom Moody": a person named after a demonym
    const given = this.t.given.get(this.keys[bm.end]!) ?? -1;
    if (given >= 0 && (given >= 20000 || !this.common(bm.end))) return false;
    if (j - bm.end === 1 && this.seen.get(this.keys[bm.end]!)?.type === "PERSON") return false;
    // "Real Madrid", "Dynamo Moscow", "Boston Red Sox": teams and firms named after places
    return !bm.entries.some((e) => e.kind === "demonym") || j - bm.end >= 1;
  }

  addBook(i: number, end: number, si: number, entries: BookEntry[], titled: boolean): void {
    const tokens = this.tokens;
    const kinds = new Set(entries.map((e) => e.kind));
    let type: EntityType;
    if (titled && kinds.has("person")) type = "PERSON";
    else if (kinds.has("person")) type = "PERSON";
    else type = entries[0]!.type;
    if (kinds.has("country") && !titled) type = "GPE";
    this.add({ start: tokens[i]!.start, end: tokens[end - 1]!.end, type, sure: Sure.Book, entries, cities: null, sentence: si, tokenStart: i, tokenEnd: end, titled });
  }

  /** Parts of a hyphenated token that are names, or null when the token is one word (a hyphenated name). */
  compoundParts(i: number): { start: number; end: number; key: string }[] | null {
    const tok = this.tokens[i]!;
    const text = tok.text;
    const parts: { start: number; end: number; key: string }[] = [];
    let at = 0;
    for (const p of text.split("-")) {
      parts.push({ start: tok.start + at, end: tok.start + at + p.length, key: nameKey(p) });
      at += p.length + 1;
    }
    if (parts.length < 2 || parts.some((p) => p.end === p.start)) return null;
    const known = (k: string) => this.t.book.byKey.has(k) || this.seen.has(k) || this.t.cities.byKey.has(k) || this.nameWords.has(k) || this.t.book.surnames.has(k);
    const cap = (p: { start: number }) => isCapitalised(this.text.slice(p.start, p.start + 1));
    // "anti-Pyongyang", "pro-Russian", "inter-Korean"
    if (PREFIXES.has(parts[0]!.key) && parts.slice(1).every(cap)) return parts.slice(1);
    // a hyphenated given name before a surname is one person's name ("Jean-Bertrand Aristide", "Hans-Dietrich Genscher"),
    // as is a book name that starts with the token ("Jean-Pierre Bemba")
    const next = this.tokens[i + 1];
    const nextName = !!next && next.sentence === tok.sentence && this.caps[i + 1] === 1 && !this.common(i + 1);
    if (nextName && ((this.t.given.get(parts[0]!.key) ?? 0) >= 1000 || (this.matchBookAt(i, Math.min(i + 4, this.sentences[tok.sentence]!.tokenEnd), false)?.end ?? i) > i + 1)) return null;
    // "Trump-Kim", "DPRK-U.S.": every part capitalised and known on its own
    if (parts.every(cap) && parts.every((p) => known(p.key) || this.midCaps.has(p.key)) && !this.t.book.byKey.has(nameKey(text))) {
      // a hyphenated person name is one name ("Djate-Taillard"); split only when parts are names elsewhere
      return parts;
    }
    return null;
  }

  /** Mentions inside a hyphenated token; true when it was handled. */
  splitCompound(i: number, si: number, info: SentenceInfo): boolean {
    const tok = this.tokens[i]!;
    const pieces = tok.text.split("-");
    const last = pieces[pieces.length - 1]!.toLowerCase();
    // "Tripoli-based", "U.S.-led", "Brazilian-born", "ex-England": one modifier naming a place or people
    // "mid-July", "pre-Christmas": a date, not a name
    if (pieces.length === 2 && WHOLE_PREFIXES.has(pieces[0]!.toLowerCase()) && this.t.cues.notName.has(nameKey(pieces[1]!))) return true;
    if (pieces.length === 2 && WHOLE_PREFIXES.has(pieces[0]!.toLowerCase()) && isCapitalised(pieces[1]!)) {
      const key = nameKey(pieces[1]!);
      this.add({ start: tok.start, end: tok.end, type: "MISC", sure: Sure.Cue, entries: this.t.book.byKey.get(key) ?? null, cities: null, sentence: si, tokenStart: i, tokenEnd: i + 1 });
      return true;
    }
    if (pieces.length === 2 && SUFFIXES.has(last) && isCapitalised(pieces[0]!)) {
      const key = nameKey(pieces[0]!);
      const entries = this.t.book.byKey.get(key) ?? null;
      this.add({ start: tok.start, end: tok.end, type: "MISC", sure: Sure.Cue, entries, cities: this.t.cities.byKey.get(key) ?? null, sentence: si, tokenStart: i, tokenEnd: i + 1 });
      return true;
    }
    // "Russian-Japanese": peoples' adjectives joined make one modifier
    if (pieces.length >= 2 && pieces.every((p) => isCapitalised(p) && this.t.book.byKey.get(nameKey(p))?.some((e) => e.kind === "demonym" || (e.kind === "group" && e.type === "NORP")))) {
      this.add({ start: tok.start, end: tok.end, type: "MISC", sure: Sure.Cue, entries: null, cities: null, sentence: si, tokenStart: i, tokenEnd: i + 1 });
      return true;
    }
    const parts = this.compoundParts(i);
    if (!parts) return false;
    void info;
    for (const p of parts) {
      const entries = this.t.book.byKey.get(p.key) ?? null;
      const cities = this.t.cities.byKey.get(p.key) ?? null;
      let type: EntityType = "MISC";
      let sure = Sure.Guess;
      if (entries) {
        type = entries.some((e) => e.kind === "person") ? "PERSON" : entries[0]!.type;
        sure = Sure.Book;
      } else if (this.seen.has(p.key)) {
        type = this.seen.get(p.key)!.type;
        sure = Sure.Context;
      } else if (cities) {
        type = "GPE";
        sure = Sure.Gazetteer;
      } else if (/(?:an|ese|ish|i)$/.test(p.key)) type = "NORP";
      else type = "PERSON";
      this.add({ start: p.start, end: p.end, type, sure, entries, cities, sentence: si, tokenStart: i, tokenEnd: i + 1 });
    }
    return true;
  }

  /** The type of a run of name tokens [i, j) the book does not know. */
  typeRun(i: number, j: number, _si: number, info: SentenceInfo, titled: boolean, initial: boolean, partial: BookEntry[] | null): { type: EntityType; sure: Sure } {
    const keys = this.keys;
    const tokens = this.tokens;
    const n = j - i;
    const firstKey = keys[i]!;
    const lastKey = keys[j - 1]!;
    const prevKey = i > 0 && tokens[i - 1]!.sentence === tokens[i]!.sentence ? keys[i - 1]! : "";
    const nextKey = j < tokens.length && tokens[j]!.sentence === tokens[i]!.sentence ? keys[j]! : "";
    const cues = this.t.cues;
    let head = n >= 2 ? cues.head.get(lastKey) : undefined;
    // the head before "of": "Treaty of Westphalia", "Bank of Korea"
    if (head === undefined && n >= 3) {
      for (let k = i + 1; k < j - 1; k++) {
        if (keys[k] === "of") {
          head = cues.head.get(keys[k - 1]!);
          break;
        }
      }
    }
    if (titled && !head) return { type: "PERSON", sure: Sure.Cue };
    if (cues.orgAfter.has(lastKey) && n >= 2) return { type: "ORG", sure: Sure.Cue };
    if (cues.orgAfter.has(nextKey)) return { type: "ORG", sure: Sure.Cue };
    // "Kevin Law": a common first name and a head word that is also a surname
    if (head === "MISC" && n === 2 && (this.t.given.get(firstKey) ?? 0) >= 5000 && !this.isCommon(firstKey)) return { type: "PERSON", sure: Sure.Gazetteer };
    if (head) return { type: head === "LOC" ? "LOC" : head, sure: Sure.Cue };
    // market indices: "the Hang Seng index", "the … industrial average"
    if (n <= 3 && (nextKey === "index" || nextKey === "average" || nextKey === "indices" || (nextKey === "industrial" && keys[j + 1] === "average"))) return { type: "MISC", sure: Sure.Context };
    // results lists: "Harold Penrose ( Canada )"
    if (nextKey === "(" && this.t.book.byKey.get(keys[j + 1] ?? "")?.some((e) => e.kind === "country")) {
      // a lone name is a team: "Dinamovka ( Russia )" (athletes are listed by full name)
      if (n === 1) return { type: "ORG", sure: Sure.Context };
      return { type: "PERSON", sure: Sure.Context };
    }
    if (partial && n >= 2) {
      // a country or demonym opening an unknown name: "Chinese Foreign Ministry", "Iraqi News Agency", "Bosnian Serb"
      const rest = keys.slice(i + 1, j);
      if (rest.every((k) => this.t.book.byKey.get(k)?.some((e) => e.kind === "demonym" || e.kind === "group"))) return { type: "NORP", sure: Sure.Cue };
      return { type: "ORG", sure: Sure.Context };
    }
    if (cues.personBefore.has(prevKey) || this.t.book.sectors.get(prevKey)?.kind === "title") return { type: "PERSON", sure: Sure.Cue };
    if (cues.orgBefore.has(prevKey) && !this.caps[i - 1]) return { type: "ORG", sure: Sure.Cue };
    // an apposition says what it is: "Kestrix , the largest software company", "Halvorsen , a local guide"
    if (nextKey === "," && (keys[j + 1] === "the" || keys[j + 1] === "a" || keys[j + 1] === "an")) {
      const sEnd = this.sentences[tokens[i]!.sentence]!.tokenEnd;
      for (let k = j + 2; k < sEnd && k < j + 8; k++) {
        const w = keys[k]!;
        if (this.caps[k] || tokens[k]!.pos === "PUNCT" || tokens[k]!.pos === "VERB" || tokens[k]!.pos === "ADP") break;
        // not the subject of a new clause ("…, the president erred")
        const after = tokens[k + 1];
        if (after && (after.pos === "VERB" || after.pos === "AUX")) break;
        if (cues.orgBefore.has(w)) return { type: "ORG", sure: Sure.Context };
        if (this.t.book.sectors.get(w)?.kind === "title" || cues.personBefore.has(w)) return { type: "PERSON", sure: Sure.Context };
      }
    }
    // an abbreviated direction before a people's name: "N. Irish"
    if (n === 2 && /^[NSEW]\.$/.test(tokens[i]!.text)) {
      const rest = this.t.book.byKey.get(keys[i + 1]!);
      if (rest?.some((e) => e.kind === "demonym")) return { type: "NORP", sure: Sure.Cue };
      if (rest?.some((e) => e.kind === "country" || e.kind === "place")) return { type: "GPE", sure: Sure.Cue };
    }
    // initials: "J. Smith", "George W. Bush"
    if (n >= 2 && /^[A-Z]\.$/.test(tokens[i]!.text)) return { type: "PERSON", sure: Sure.Gazetteer };
    const given = this.t.given.get(firstKey) ?? -1;
    const firstCommon = this.isCommon(firstKey);
    if (n >= 2 && n <= 4 && given >= 0 && (given >= 2000 || !firstCommon) && !this.t.cities.byKey.has(firstKey)) return { type: "PERSON", sure: Sure.Gazetteer };
    if (n >= 2 && SPEECH.has(nextKey) && prevKey !== "the") return { type: "PERSON", sure: Sure.Context };
    // currencies written with a dollar sign: "C$", "A$", "US$", "HK$"
    if (n === 1 && tokens[i]!.text.endsWith("$")) return { type: "MISC", sure: Sure.Cue };
    const acronym = n === 1 && isUpperWord(tokens[i]!.text) && !info.caps && tokens[i]!.text.replace(/\./g, "").length <= 6;
    if (acronym) return { type: "ORG", sure: Sure.Context };
    if (n === 1 && /(?:ian|ean|ese|ish|ic)s?$/.test(firstKey) && !SPEECH.has(nextKey) && nextKey !== "'s") {
      const nextTok = tokens[j];
      if (nextTok && nextTok.sentence === tokens[i]!.sentence && /^\p{Ll}/u.test(nextTok.text) && (nextTok.pos === "NOUN" || nextTok.pos === "ADJ")) return { type: "NORP", sure: Sure.Context };
    }
    // followers and peoples in the plural: "Maoists", "Lutherans"
    if (n === 1 && !this.sports && /(?:ans|ists|ites)$/.test(firstKey) && firstKey.length > 5 && !SPEECH.has(nextKey)) return { type: "NORP", sure: Sure.Context };
    // "the two Koreas", "the Americas": a country's name in the plural
    if (n === 1 && firstKey.endsWith("s") && this.t.book.byKey.get(firstKey.slice(0, -1))?.some((e) => e.kind === "country")) return { type: "GPE", sure: Sure.Context };
    // results and standings lines: "Graafschap 2 Volendam 1", "Volendam 5 4 1 0 12 3 13"
    if (this.sports && this.tableRow(tokens[i]!.sentence, i, j)) return { type: "ORG", sure: Sure.Cue };
    // goal scorers: "Tamsin Okonedo ( 21st minute )", "Radu Velicu ( 65th )"
    if (this.sports && nextKey === "(" && /^\d{1,3}(?:st|nd|rd|th)$/.test(keys[j + 1] ?? "")) return { type: "PERSON", sure: Sure.Context };
    // … and inside a result: "( Okonedo 45th , Velicu 67th )"
    if (this.sports && /^\d{1,3}(?:st|nd|rd|th)$/.test(nextKey) && (prevKey === "(" || prevKey === ",")) return { type: "PERSON", sure: Sure.Context };
    // cricket scorecards: "J. Smithers c Pemberton b Ashcroft 45", "Bowling : Ashcroft 10-2-31-3"
    if (this.sports && (SCORECARD.has(prevKey) || SCORECARD.has(nextKey) || /^\d+(?:\.\d)?-\d+-\d+-\d+$/.test(nextKey))) return { type: "PERSON", sure: Sure.Context };
    // results lists: "Aliuska Lopez ( Cuba )", "MaliVai Washington ( U.S. )"
    if (this.sports && n >= 2 && given < 0 && keys.slice(i, j).some((k) => this.t.cities.byKey.has(k))) return { type: "ORG", sure: Sure.Guess };
    // "the Philadelphia Eagles", "the Minor Counties": a determiner does not come before a person's name
    if (n >= 2 && prevKey === "the" && !this.t.cities.byKey.has(keys.slice(i, j).join(" "))) return { type: "ORG", sure: Sure.Context };
    if (LOC_PREP.has(prevKey) && !SPEECH.has(nextKey) && (!this.sports || prevKey === "at" || prevKey === "in" || prevKey === "near") && prevKey !== "to") return { type: "LOC", sure: Sure.Context };
    if (LOC_NOUNS.has(nextKey) || (prevKey === "of" && LOC_NOUNS.has(keys[i - 2] ?? ""))) return { type: "LOC", sure: Sure.Context };
    // in sport, a name with a common word, a town or a book name in it is a team ("Eastfield Rovers", "Volendam City"), but a
    // common word last after an unknown first name is a surname ("Tane Brown"), and particles make people ("Ravi de Mel")
    if (this.sports && n >= 2 && given < 0 && !keys.slice(i, j).some((k) => this.t.cues.particle.has(k) && k !== "of" && k !== "and" && k !== "&" && k !== "the" && k !== "for" && k !== "on")) {
      const placeOrBook = (k: string) => this.t.cities.byKey.has(k) || this.t.book.byKey.has(k);
      if (keys.slice(i, j - 1).some((k) => this.isCommon(k) || placeOrBook(k)) || placeOrBook(lastKey)) return { type: "ORG", sure: Sure.Guess };
    }
    // "Hua said" is a person; "the Kremlin said" is not (a determiner does not come before a person's name)
    if (n === 1 && SPEECH.has(nextKey) && prevKey !== "the") return { type: "PERSON", sure: Sure.Context };
    if (n >= 2 && given >= 0) return { type: "PERSON", sure: Sure.Guess };
    void initial;
    if (n >= 3) return { type: "ORG", sure: Sure.Guess };
    if (n === 1 && tokens[j]?.pos === "VERB") {
      for (let k = j + 1; k < j + 4 && k < tokens.length && tokens[k]!.sentence === tokens[i]!.sentence; k++) {
        const w = tokens[k]!.lower;
        if (w === "his" || w === "her" || w === "he" || w === "she" || w === "himself" || w === "herself") return { type: "PERSON", sure: Sure.Context };
      }
    }
    if (n === 1) {
      // a lone unknown name: a surname the book knows, else (in sport) a team, else a company or body
      if (this.t.book.surnames.has(firstKey)) return { type: "PERSON", sure: Sure.Context };
      if (given >= 0 && !firstCommon) return { type: "PERSON", sure: Sure.Guess };
      return { type: "ORG", sure: Sure.Guess };
    }
    if (this.sports && n === 2 && (this.t.cities.byKey.has(firstKey) || this.t.cities.byKey.has(lastKey) || this.isCommon(firstKey))) return { type: "ORG", sure: Sure.Guess };
    return { type: "PERSON", sure: Sure.Guess };
  }

  /**
   * Lists: names in a run joined by commas and "and" are mostly of one kind ("Penrose ,
   * Ashby , Coulter , Hollis", "Essex , Derbyshire and Surrey"); a guessed member takes
   * the kind the others are surer of.
   */
  coordinate(): void {
    const ms = this.mentions.filter((m) => m.tokenStart >= 0 && m.tokenEnd > m.tokenStart).sort((a, b) => a.start - b.start);
    let g = 0;
    while (g < ms.length) {
      let e = g + 1;
      while (e < ms.length) {
        const a = ms[e - 1]!;
        const b = ms[e]!;
        if (a.sentence !== b.sentence || b.tokenStart <= a.tokenEnd || b.tokenStart - a.tokenEnd > 2) break;
        let ok = true;
        for (let k = a.tokenEnd; k < b.tokenStart; k++) {
          const w = this.keys[k]!;
          if (w !== "," && w !== "and" && w !== "or" && w !== "&") ok = false;
        }
        if (!ok || this.keys[a.tokenEnd] !== ",") break;
        // a modifier of the name after it ("DC-based Jerusalem Fund") is no list item
        if (b.tokenEnd < this.tokens.length && this.caps[b.tokenEnd] && this.tokens[b.tokenEnd]!.sentence === b.sentence) break;
        e++;
      }
      if (e - g >= LIST_MIN) {
        const votes = new Map<string, number>();
        for (let k = g; k < e; k++) {
          const m = ms[k]!;
          votes.set(KIND_OF[m.type], (votes.get(KIND_OF[m.type]) ?? 0) + LIST_WEIGHT[m.sure]!);
        }
        let top = "";
        let topVotes = 0;
        let total = 0;
        for (const [kind, v] of votes) {
          total += v;
          if (v > topVotes) (top = kind), (topVotes = v);
        }
        const type = KIND_TYPE[top]!;
        for (let k = g; k < e; k++) {
          const m = ms[k]!;
          if (KIND_OF[m.type] === top || m.sure > LIST_CHANGES) continue;
          // the others' votes, without this member's own
          const rest = total - LIST_WEIGHT[m.sure]!;
          if (topVotes * 3 >= rest * 2) {
            m.type = type;
            if (m.sure === Sure.Gazetteer) (m.cities = null), (m.sure = Sure.Context);
          }
        }
      }
      g = e;
    }
  }

  /** Is the sentence a list of names: mostly capitalised words between commas ("Penrose , Kevin Ashby , Brian Coulter , Grady Hollis")? */
  listLine(si: number): boolean {
    const s = this.sentences[si]!;
    let commas = 0;
    let items = 0;
    let capItems = 0;
    let atItem = true;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = this.tokens[k]!.text;
      if (t === ",") {
        commas++;
        atItem = true;
        continue;
      }
      if (atItem) {
        items++;
        if (this.caps[k]) capItems++;
        atItem = false;
      }
    }
    return commas >= 3 && capItems >= items - 1;
  }

  /** Per sentence: 1 a results or standings line of teams, 0 not, undefined not yet known. */
  private readonly tableRows: (0 | 1 | undefined)[] = [];

  /**
   * Is the run [i, j) a team in a results line ("Graafschap 2 Volendam 1") or a standings
   * row ("Volendam 5 4 1 0 12 3 13")? A line of names each followed by a score, or
   * a name at the start followed by four or more numbers and nothing else.
   */
  tableRow(si: number, i: number, j: number): boolean {
    let v = this.tableRows[si];
    if (v === undefined) {
      const s = this.sentences[si]!;
      let pattern = "";
      for (let k = s.tokenStart; k < s.tokenEnd; k++) {
        const t = this.tokens[k]!.text;
        const c = /^\d+$/.test(t) ? "N" : this.caps[k] || this.flags[k]! & W_PARTICLE ? "C" : "o";
        if (c !== "C" || !pattern.endsWith("C")) pattern += c;
      }
      v = /^(?:CN){2}$/.test(pattern) || /^CN{4,}$/.test(pattern) ? 1 : 0;
      this.tableRows[si] = v;
    }
    void i;
    void j;
    return v === 1;
  }

  /** Is the mention in a list with a place ("New York and Washington", "Washington , London")? */
  besidePlace(m: Mention): boolean {
    const sep = (k: number) => k >= 0 && k < this.tokens.length && LIST_SEPARATORS.has(this.keys[k]!) && this.tokens[k]!.sentence === m.sentence;
    const place = (t: EntityType) => t === "GPE" || t === "LOC";
    for (const o of this.mentions) {
      if (o === m || o.sentence !== m.sentence || !place(o.type)) continue;
      if ((o.tokenEnd === m.tokenStart - 1 && sep(m.tokenStart - 1)) || (o.tokenStart === m.tokenEnd + 1 && sep(m.tokenEnd))) return true;
    }
    return false;
  }

  /** Document consistency: one type per name; surnames take their full name's type. */
  harmonise(): void {
    const best = new Map<string, { type: EntityType; sure: Sure }>();
    const persons: Mention[] = [];
    for (const m of this.mentions) {
      const b = best.get(m.key);
      if (!b || m.sure > b.sure) best.set(m.key, { type: m.type, sure: m.sure });
      if (m.type === "PERSON" && m.tokenEnd - m.tokenStart >= 2 && m.sure >= Sure.Guess) persons.push(m);
    }
    const orgFirst = new Set<string>();
    const firmName = new Set<string>();
    for (const m of this.mentions) {
      if (m.type !== "ORG" || m.tokenEnd - m.tokenStart < 2) continue;
      if (m.sure >= Sure.Cue) {
        orgFirst.add(this.keys[m.tokenStart]!);
        // "Kestrix SA": the name without its company suffix is the company wherever the context only guessed
        if (m.tokenEnd - m.tokenStart === 2 && this.t.cues.orgAfter.has(this.keys[m.tokenEnd - 1]!)) firmName.add(this.keys[m.tokenStart]!);
      }
      // a team or firm named after a place goes by the rest of its name ("the Eagles")
      if (this.t.cities.byKey.has(this.keys[m.tokenStart]!) || this.t.book.byKey.has(this.keys[m.tokenStart]!)) orgFirst.add(this.keys[m.tokenEnd - 1]!);
    }
    const surnameOf = new Map<string, EntityType>();
    /** Last words of people named surely (by a given name or the book): these may even be countries' names. */
    const sureSurnames = new Set<string>();
    for (const p of persons) {
      const words = p.key.split(" ");
      surnameOf.set(words[words.length - 1]!, "PERSON");
      surnameOf.set(words[0]!, "PERSON");
      if (p.sure >= Sure.Gazetteer) sureSurnames.add(words[words.length - 1]!);
    }
    for (const m of this.mentions) {
      const b = best.get(m.key)!;
      if (m.sure < Sure.Book && b.sure > m.sure) {
        m.type = b.type;
        m.sure = b.sure;
      } else if (
        m.tokenEnd - m.tokenStart === 1 &&
        surnameOf.has(m.key) &&
        !LOC_PREP.has(this.tokens[m.tokenStart - 1]?.lower ?? "") &&
        ((m.sure <= Sure.Gazetteer && (!m.entries || m.entries.every((e) => e.kind === "capital" || e.kind === "place"))) ||
          // a country that is the surname of a person named in full ("Michael Jordan … Jordan said"), not "Amman , Jordan"
          (m.entries !== null && sureSurnames.has(m.key) && m.entries.every((e) => e.kind === "country" || e.kind === "capital") && !this.besidePlace(m) && !(this.tokens[m.tokenStart - 1]?.text === "," && this.tokens[m.tokenStart - 1]?.sentence === m.sentence)))
      ) {
        m.type = "PERSON";
        m.sure = Sure.Context;
        m.entries = null;
        m.cities = null;
      } else if ((m.sure <= Sure.Guess || (m.sure === Sure.Context && firmName.has(m.key))) && m.tokenEnd - m.tokenStart === 1 && orgFirst.has(m.key) && !m.entries) {
        m.type = "ORG";
        m.cities = null;
      }
    }
  }
}

const LIST_MIN = 3;
const LIST_SEPARATORS = new Set([",", "and", "or", "&"]);
/** How much a list member's type counts, by how sure the finder is of it; and the surest a member may be and still change. */
const LIST_WEIGHT = [0.5, 1, 1, 3, 4];
const LIST_CHANGES: Sure = Sure.Gazetteer;
const KIND_OF: Record<EntityType, string> = { PERSON: "PER", ORG: "ORG", GPE: "LOC", LOC: "LOC", FAC: "LOC", NORP: "MISC", MISC: "MISC" };
const KIND_TYPE: Record<string, EntityType> = { PER: "PERSON", ORG: "ORG", LOC: "LOC", MISC: "MISC" };

/** Sports reports (CoNLL's "SOCCER - …", results tables): place names there are mostly teams. */
function isSportsDoc(text: string, _tokens: Token[], _sentences: Sentence[]): boolean {
  const head = text.slice(0, 80);
  return /^\s*(?:SOCCER|FOOTBALL|CRICKET|TENNIS|GOLF|BASEBALL|BASKETBALL|ATHLETICS|CYCLING|RUGBY(?: UNION| LEAGUE)?|MOTOR RACING|MOTORCYCLING|BOXING|HOCKEY|ICE HOCKEY|NFL|NBA|NHL|MLB|AMERICAN FOOTBALL|HORSE RACING|SKIING|SWIMMING|SQUASH|BADMINTON|ROWING|SAILING|VOLLEYBALL|HANDBALL|TABLE TENNIS|FORMULA ONE|CHESS|SPORT|SPORTS)\b[A-Z -]{0,30}-/i.test(head);
}

export function findMentions(text: string, tokens: Token[], sentences: Sentence[], tables: NameTables): { mentions: Mention[]; sports: boolean; flags: Uint16Array } {
  const f = new Finder(text, tokens, sentences, tables);
  const mentions = f.run();
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions, sports: f.sports, flags: f.flags };
}
