// Attribution frames: a cue word with its speaker and the content it reports, read
// off the tokens of one sentence with a small, forgiving grammar:
//   pre   X said (that) S · X told Y (that) S · X urged Y to V · According to X, S
//   post  S, X said · "…," X said · S, according to X
//   inv   S, said X · "…," said X
//   colon X: S (a headline's "Poll: Clinton leads"; a transcript's "PENCE: …")
// plus noun cues with their possessor ("Trump's claim that S") and bylines after a
// quote ("…" ― Esther Tapia). Which grammar a cue takes is data (data/quotes/cues.tsv).
// Tokens inside direct quotes are never cues: they are the speaker's own words.

import type { Sentence, Token } from "../pipeline/layers.js";
import type { Span } from "../record.js";
import type { Cue, Frame, QuoteLexicon } from "./lexicon.js";

export type Order = "pre" | "post" | "inv" | "colon";

export interface AttributionFrame {
  sentence: number;
  frame: Frame;
  order: Order;
  /** Token range of the cue words ([start, end)). */
  cue: [number, number];
  /** Token range of the speaker, or null (a participle whose subject is not found). */
  speaker: [number, number] | null;
  /** Token range of the whole source mention: the speaker with its appositive ("Brian Fallon, the campaign's press secretary"). */
  mention: [number, number] | null;
  /** For a relative-pronoun speaker ("…, who said"): the token range of the noun phrase it stands for. */
  antecedent: [number, number] | null;
  /** The reported content (characters), or null when the frame only names a speaker ("Caddell continued:"). */
  content: Span | null;
  /** First token of the content (pre order), for quotes that the frame introduces. */
  contentTok: number;
  /** The first token of the frame (speaker or cue), where a quote before it would end. */
  firstTok: number;
}

export interface FrameContext {
  text: string;
  tokens: readonly Token[];
  lex: QuoteLexicon;
  /** For each token, the index of the direct quote holding it, or -1. */
  inQuote: Int32Array;
  /** For each token, 1 when a time expression of the timexes layer holds it. */
  isTime: Uint8Array;
}

const PERSONAL = new Set(["he", "she", "they", "we", "i", "you", "it"]);
/** Pronouns that may speak for an unnamed group ("someone asked", "others say"). */
const INDEFINITE = new Set(["someone", "somebody", "everyone", "everybody", "nobody", "others", "many", "some", "few", "most", "several", "both", "each", "all"]);
const POSSESSIVE = new Set(["his", "her", "their", "its", "our", "my", "your"]);
const RELATIVE = new Set(["who", "which"]);
const BE = new Set(["is", "was", "are", "were", "be", "been", "being", "'s", "’s", "'re", "’re", "am"]);
/** Prepositions that take a gerund cue whose subject is the clause's ("by announcing", "while insisting"). */
const GERUND_LEAD = new Set(["by", "while", "after", "before", "in", "when"]);
const PARTICIPIAL_STOP = new Set([",", ";", "—", "--", "–"]);
const QUOTE_CHARS = /^["“”„«»`'‘’]+$/;
const CLOSING_CHARS = /["”»'’]\s*$/;
const WORDY = /[\p{L}\p{N}]/u;
/** Time words that may sit between a speaker and a cue ("Trump on Monday said"). */
export const TIME_WORDS = new Set(
  "today yesterday tonight tomorrow monday tuesday wednesday thursday friday saturday sunday week weekend month year morning afternoon evening night earlier later recently previously now then ago january february march april may june july august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.".split(
    " ",
  ),
);
const TIME_LEAD = new Set(["on", "last", "this", "next", "earlier", "early", "late", "in", "at", "during", "that", "the", "same", "each"]);

/** Frames of plain speech: they invert ("said Hua") and take that-clauses. */
function sayLike(frame: Frame): boolean {
  return frame === "say" || frame === "clause" || frame === "intro";
}

/** Is token j part of a time expression (the timexes layer's, or a time word)? */
function timeAt(ctx: FrameContext, j: number): boolean {
  const t = ctx.tokens[j]!;
  if (ctx.isTime[j] === 1 || isTimeToken(t)) return true;
  // a day after its month: "on October 31"
  return t.pos === "NUM" && /^\d{1,2}$/.test(t.text) && j > 0 && TIME_WORDS.has(ctx.tokens[j - 1]!.lower);
}

export function isTimeToken(t: Token): boolean {
  return TIME_WORDS.has(t.lower) || (t.pos === "NUM" && /^(1[89]|20)\d\d$/.test(t.text));
}

/** Find every attribution frame of one sentence. */
export function sentenceFrames(ctx: FrameContext, sentence: Sentence, sIndex: number, opensSegment: boolean, headline: boolean): AttributionFrame[] {
  const { tokens, inQuote } = ctx;
  const out: AttributionFrame[] = [];
  const s0 = sentence.tokenStart;
  const s1 = sentence.tokenEnd;
  for (let i = s0; i < s1; i++) {
    if (inQuote[i]! >= 0) continue;
    const t = tokens[i]!;
    if (t.pos === "NOUN" && ctx.lex.nouns.size > 0) {
      const nf = nounFrame(ctx, s0, s1, i, sIndex);
      if (nf) {
        out.push(nf);
        continue;
      }
    }
    const hit = matchCue(ctx, i, s1);
    if (!hit) continue;
    const [cue, ce] = hit;
    const f = buildFrame(ctx, s0, s1, i, ce, cue, sIndex, out);
    if (f) {
      out.push(f);
      i = ce - 1;
    } else if (cue.frame === "prep") i = ce - 1;
  }
  if (opensSegment && !out.some((f) => f.cue[0] <= s0 + 7)) {
    const c = colonFrame(ctx, s0, s1, sIndex, headline);
    if (c) out.push(c);
  }
  out.sort((x, y) => x.cue[0] - y.cue[0]);
  cutContents(ctx, out, s1);
  return out;
}

/** The cue starting at token i and the token index after it, or null. */
function matchCue(ctx: FrameContext, i: number, s1: number): [Cue, number] | null {
  const { tokens, lex } = ctx;
  const t = tokens[i]!;
  const pos = t.pos;
  if (pos === "NOUN") {
    // a noun-tagged verb ("reports", "plans", "support") may be a cue where it follows a subject
    const prev = i > 0 ? tokens[i - 1]! : null;
    if (!prev || !(prev.pos === "PROPN" || prev.pos === "PRON" || prev.pos === "NOUN")) return null;
  } else if (pos === "ADJ") {
    // a participle the tagger took for an adjective: after a comma (", promising to …"), after
    // "is" ("is promising lower taxes"), or a past form after its subject ("Japan branded …")
    const prev = i > 0 ? tokens[i - 1]! : null;
    if (!prev) return null;
    const w = t.lower;
    const ing = w.endsWith("ing") && (prev.text === "," || BE.has(prev.lower));
    const past = w.endsWith("ed") && (prev.pos === "PROPN" || (prev.pos === "PRON" && PERSONAL.has(prev.lower)));
    if (!ing && !past) return null;
  } else if (pos !== "VERB") return null;
  const list = lex.cues.get(t.lemma) ?? lex.cues.get(t.lower) ?? (pos === "ADJ" ? (t.lower.endsWith("ing") ? ingLemma(lex, t.lower) : edLemma(lex, t.lower)) : undefined);
  if (!list) return null;
  for (const cue of list) {
    let ok = true;
    for (let k = 0; k < cue.rest.length; k++) {
      const n = tokens[i + 1 + k];
      if (!n || i + 1 + k >= s1 || n.lower !== cue.rest[k]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    // a noun-tagged form ("reports", "claims") counts only where it reads as a verb
    if (t.pos === "NOUN") {
      const n = tokens[i + 1 + cue.rest.length];
      const prev = tokens[i - 1];
      if (!n || !prev) return null;
      // a name or pronoun subject, or a plural subject with a plain verb ("averages show"); a
      // singular noun before an -s form is a compound ("battleground states", "savings plans")
      const inflected = t.lower.endsWith("s") || t.lower.endsWith("ed");
      const afterSubject = prev.pos === "PROPN" || (prev.pos === "PRON" && PERSONAL.has(prev.lower)) || (prev.pos === "NOUN" && !inflected && subjectPlural(prev));
      // before "that" or a colon an -s form after any noun reads as a verb ("the report notes that");
      // a plain form after a common noun heads a phrase ("the following comment:")
      const verbal =
        ((n.lower === "that" || n.text === ":") && (afterSubject || (inflected && prev.pos === "NOUN"))) ||
        (afterSubject &&
          // "…, the Post reports." (a compound like "Upper Nile states." has no comma before it)
          ((n.pos === "PUNCT" && inflected && reversedSubject(ctx, i)) ||
            // "Trump questions the fairness …", "Clinton plans to …", "1 percent support the …"
            n.pos === "DET" ||
            n.pos === "PROPN" ||
            n.pos === "ADP" ||
            (n.lower === "to" && tokens[i + 2 + cue.rest.length]?.pos === "VERB") ||
            (n.pos === "PRON" && POSSESSIVE.has(n.lower))));
      if (!verbal || prev.pos === "DET" || prev.pos === "ADJ") return null;
    }
    if (cue.frame === "none") return null; // a phrase that is no cue ("back out", "call into")
    return [cue, i + 1 + cue.rest.length];
  }
  return null;
}

const NOT_NAME_POS = new Set(["DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "SYM", "NUM", "ADV"]);

/** A capitalised word the tagger took for a verb or adverb ("Lynch said") reads as a name. */
const NOT_NAMES = new Set(["However", "Yesterday", "Today", "Meanwhile", "Still", "Also", "Then", "Now"]);

function nameLike(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90 && !NOT_NAME_POS.has(t.pos) && !NOT_NAMES.has(t.text);
}

/** The cues of a past form's verb ("branded" → brand, "referenced" → reference, "lauded" → laud). */
function edLemma(lex: QuoteLexicon, w: string): Cue[] | undefined {
  const stem = w.slice(0, -2);
  return lex.cues.get(stem) ?? lex.cues.get(stem + "e") ?? (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] ? lex.cues.get(stem.slice(0, -1)) : undefined);
}

/** Is the phrase before token i set off by a comma, as a speaker after its report is? */
function reversedSubject(ctx: FrameContext, i: number): boolean {
  const { tokens } = ctx;
  let k = i - 1;
  while (k > 0 && k > i - 8 && (tokens[k]!.pos === "PROPN" || tokens[k]!.pos === "NOUN" || tokens[k]!.pos === "DET" || tokens[k]!.pos === "ADJ" || tokens[k]!.pos === "PART")) k--;
  return k >= 0 && k < i - 1 && (tokens[k]!.text === "," || ctx.inQuote[k]! >= 0);
}

/** A subject that takes a plain verb form ("they support", "1 percent support", "voters want"). */
function subjectPlural(t: Token): boolean {
  return (t.pos === "PRON" && (t.lower === "they" || t.lower === "we" || t.lower === "i" || t.lower === "you")) || (t.pos === "NOUN" && (t.lower.endsWith("s") || t.lower === "percent" || t.lower === "people"));
}

/** The cues of an -ing form's verb ("promising" → promise, "citing" → cite, "vowing" → vow). */
function ingLemma(lex: QuoteLexicon, w: string): Cue[] | undefined {
  const stem = w.slice(0, -3);
  return lex.cues.get(stem) ?? lex.cues.get(stem + "e") ?? (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] ? lex.cues.get(stem.slice(0, -1)) : undefined);
}

function isWordTok(t: Token): boolean {
  return WORDY.test(t.text[0] ?? "");
}

const QUOTE_CODES = new Set([0x22, 0x201c, 0x201d, 0x201e, 0xab, 0xbb, 0x60, 0x27, 0x2018, 0x2019]);

function isQuoteTok(t: Token): boolean {
  return QUOTE_CODES.has(t.text.charCodeAt(0)) && QUOTE_CHARS.test(t.text);
}

/** Can token j be part of a noun phrase that ends at or after `head` (walking leftwards)? */
function npToken(ctx: FrameContext, j: number, s0: number, s1: number): boolean {
  const { tokens, inQuote } = ctx;
  if (inQuote[j]! >= 0) return false;
  const t = tokens[j]!;
  const next = j + 1 < s1 ? tokens[j + 1] : undefined;
  const prev = j > s0 ? tokens[j - 1] : undefined;
  if (nameLike(t)) return true;
  switch (t.pos) {
    case "PROPN":
    case "NOUN":
    case "NUM":
    case "ADJ":
      return true;
    case "DET":
      // "that" after a noun starts a clause ("a briefing that Moon said"), not a phrase
      if (t.lower === "that" || t.lower === "which" || t.lower === "whose") return t.lower === "that" && (!prev || !(prev.pos === "NOUN" || prev.pos === "PROPN" || prev.pos === "PRON" || prev.pos === "VERB")) && !!next && next.pos === "NOUN";
      return true;
    case "PRON":
      return POSSESSIVE.has(t.lower) || PERSONAL.has(t.lower);
    case "PART":
      return t.lower === "'s" || t.lower === "’s" || t.lower === "'" || t.lower === "’";
    case "ADP":
      if (t.lower === "for" && !!prev && !!next && nameLike(prev) && nameLike(next)) return true; // "Center for Public Opinion Research"
      return t.lower === "of" && !!prev && (prev.pos === "NOUN" || prev.pos === "PROPN" || prev.pos === "NUM") && !!next && next.pos !== "PRON";
    case "CCONJ":
      if (t.lower !== "and" && t.lower !== "&") return false;
      if (!prev || !next) return false;
      // "Tester and Vitter", "military and vigilante sources", "Democrats and Republicans"
      return ((prev.pos === "PROPN" || prev.text === ")") && (next.pos === "PROPN" || next.pos === "DET")) || ((prev.pos === "ADJ" || prev.pos === "NOUN") && (next.pos === "ADJ" || next.pos === "NOUN"));
    case "VERB":
      // a participle or noun the tagger took for a verb, inside a phrase: "registered voters", "exit polls"
      return !!next && (next.pos === "NOUN" || next.pos === "PROPN") && (!prev || j === s0 || prev.pos === "DET" || prev.pos === "ADP" || prev.pos === "ADJ" || prev.pos === "PART" || prev.pos === "NUM");
    case "ADV":
      return (t.lower === "only" || t.lower === "nearly" || t.lower === "about" || t.lower === "almost") && !!next && next.pos === "NUM";
    case "PUNCT":
      return t.text === "." && !!prev && prev.pos === "PROPN" && !!next && nameLike(next);
    default:
      return t.lower === "'s" || t.lower === "’s";
  }
}

/** The noun phrase ending at token e (inclusive), as [start, e + 1), or null. */
function npEndingAt(ctx: FrameContext, e: number, s0: number, s1: number): [number, number] | null {
  const { tokens } = ctx;
  if (e < s0) return null;
  let end = e;
  // "… Menendez all suggested": a floating quantifier after the phrase
  if ((tokens[end]!.lower === "all" || tokens[end]!.lower === "both") && end > s0) end--;
  const head = tokens[end]!;
  if (head.text === ")") {
    // a party label or aside: "Joseph Crowley (D-N.Y.)"
    if (end <= s0) return null;
    let k = end - 1;
    while (k > s0 && k > end - 8 && tokens[k]!.text !== "(") k--;
    if (tokens[k]!.text !== "(" || k - 1 < s0) return null;
    const inner = npEndingAt(ctx, k - 1, s0, s1);
    return inner ? [inner[0], e + 1] : null;
  }
  if (RELATIVE.has(head.lower) && head.pos === "PRON") return [end, e + 1];
  // "attorney general", "secretary general": a title ending in a postpositive adjective
  const postpositive = head.lower === "general" && end > s0 && tokens[end - 1]!.pos === "NOUN";
  if (!(head.pos === "NOUN" || head.pos === "PROPN" || head.pos === "NUM" || postpositive || nameLike(head) || (head.pos === "PRON" && PERSONAL.has(head.lower)) || INDEFINITE.has(head.lower))) return null;
  if (head.pos === "PRON") return [end, e + 1];
  if (INDEFINITE.has(head.lower) && (head.pos === "PRON" || head.pos === "DET" || head.pos === "ADJ" || head.pos === "NOUN")) return [end, e + 1];
  let a = end;
  while (a - 1 >= s0 && a > end - 12) {
    const j = a - 1;
    if (tokens[j]!.text === ")") {
      let k = j - 1;
      while (k > s0 && k > j - 8 && tokens[k]!.text !== "(") k--;
      if (tokens[k]!.text !== "(") break;
      a = k;
      continue;
    }
    if (!npToken(ctx, j, s0, s1)) break;
    if (tokens[j]!.pos === "PRON" && PERSONAL.has(tokens[j]!.lower)) break;
    a = j;
  }
  // drop a leading connective the loop let in
  while (a < end && (tokens[a]!.pos === "CCONJ" || tokens[a]!.pos === "ADP" || tokens[a]!.pos === "PART")) a++;
  return [a, e + 1];
}

/** Skippable between a speaker and its cue: auxiliaries, negation, adverbs, time expressions. */
function skippableBeforeCue(ctx: FrameContext, j: number): boolean {
  const t = ctx.tokens[j]!;
  if (ctx.inQuote[j]! >= 0) return false;
  if (t.pos === "AUX" || t.pos === "ADV") return true;
  if (t.pos === "PART" && (t.lower === "not" || t.lower === "n't" || t.lower === "n’t")) return true;
  if (timeAt(ctx, j)) return true;
  return false;
}

/** Skip a time phrase ending at j ("on Monday", "last week", "in 2010"); returns the index before it. */
function skipTimeLeft(ctx: FrameContext, j: number, s0: number): number {
  const { tokens } = ctx;
  while (j >= s0 && (timeAt(ctx, j) || tokens[j]!.pos === "AUX" || tokens[j]!.pos === "ADV" || (tokens[j]!.pos === "PART" && tokens[j]!.lower !== "to" && tokens[j]!.lower !== "'s" && tokens[j]!.lower !== "’s")) && ctx.inQuote[j]! < 0) {
    j--;
    if (j >= s0 && timeAt(ctx, j + 1) && TIME_LEAD.has(tokens[j]!.lower)) j--;
  }
  return j;
}

interface LeftSpeaker {
  np: [number, number];
  /** The speaker with its appositive or relative clause, when one sits between it and the cue. */
  ext: [number, number];
  antecedent: [number, number] | null;
}

/** The speaker of a cue at token i, looking leftwards. */
function leftSpeaker(ctx: FrameContext, i: number, s0: number, s1: number): LeftSpeaker | null {
  const { tokens } = ctx;
  let j = skipTimeLeft(ctx, i - 1, s0);
  if (j < s0) return null;
  const t = tokens[j]!;
  if (RELATIVE.has(t.lower) && t.pos === "PRON") {
    let k = j - 1;
    if (k >= s0 && tokens[k]!.text === ",") k--;
    const ante = k >= s0 ? npEndingAt(ctx, k, s0, s1) : null;
    return { np: [j, j + 1], ext: [j, j + 1], antecedent: ante };
  }
  if (t.lower === "that" && j === i - 1 && j - 1 >= s0 && (tokens[j - 1]!.pos === "NOUN" || tokens[j - 1]!.pos === "PROPN")) {
    // "a letter from his doctor that says …": a relative "that" right before its verb
    const ante = npEndingAt(ctx, j - 1, s0, s1);
    return { np: [j, j + 1], ext: [j, j + 1], antecedent: ante };
  }
  if (t.lower === "whom" && j - 2 >= s0 && tokens[j - 1]!.lower === "of") {
    // "…, many of whom say"
    let k = j - 3;
    if (k >= s0 && tokens[k]!.text === ",") k--;
    const ante = k >= s0 ? npEndingAt(ctx, k, s0, s1) : null;
    return { np: [j - 2, j + 1], ext: [j - 2, j + 1], antecedent: ante };
  }
  if ((t.text === "," || t.text === "--" || t.text === "—") && ctx.inQuote[j]! < 0) {
    // "X, the top U.S. envoy, said" · "X, who declined to be identified, told" · "X -- co-editor of Y -- said"
    const mark = t.text;
    let k = j - 1;
    while (k >= s0 && k > j - 30 && !(tokens[k]!.text === mark && ctx.inQuote[k]! < 0)) k--;
    if (k <= s0 || tokens[k]!.text !== mark) return null;
    for (let m = k + 1; m < j; m++) if (ctx.inQuote[m]! >= 0) return null;
    const np = npEndingAt(ctx, k - 1, s0, s1);
    if (!np) return null;
    // ", thus," and ", meanwhile," are asides, not part of the speaker
    let aside = true;
    for (let m = k + 1; m < j; m++) if (tokens[m]!.pos !== "ADV") aside = false;
    return { np, ext: aside ? np : [np[0], j], antecedent: null };
  }
  const np = npEndingAt(ctx, j, s0, s1);
  if (!np) return null;
  // a phrase after a preposition is the object of a modifier ("advisers to Mr. Obama say": the
  // advisers speak) or of an adjunct ("in a box labeled": no one speaks)
  const before = np[0] > s0 ? tokens[np[0] - 1]! : null;
  // a phrase right after a verb that reports nothing is its object: "made the following comment:"
  // (after a cue it is the subject of the reported clause: "said the mayor warned that …")
  if (before && before.pos === "VERB" && !before.lower.endsWith("ing") && tokens[np[0]]!.pos === "DET" && ctx.inQuote[np[0] - 1]! < 0 && !matchCue(ctx, np[0] - 1, s1)) return null;
  if (before && ctx.inQuote[np[0] - 1]! < 0 && before.pos === "ADP" && PP_MODIFIERS.has(before.lower)) {
    const head = npEndingAt(ctx, np[0] - 2, s0, s1);
    const h = head ? tokens[head[1] - 1]! : null;
    if (head && h && (h.pos === "NOUN" || h.pos === "PROPN") && !timeAt(ctx, head[1] - 1)) return { np: head, ext: [head[0], np[1]], antecedent: null };
  }
  return { np, ext: np, antecedent: null };
}

/**
 * The subject of the clause a cue sits in when the cue has none of its own: a
 * coordinated verb ("… and said"), a gerund ("by announcing"), a participle
 * (", adding"). It is the speaker of the nearest finite verb before the cue.
 */
function clauseSubject(ctx: FrameContext, i: number, s0: number, s1: number): LeftSpeaker | null {
  const { tokens } = ctx;
  for (let v = i - 1; v >= s0 && v > i - 40; v--) {
    if (ctx.inQuote[v]! >= 0) continue;
    const t = tokens[v]!;
    if (t.pos === "SCONJ" || (t.pos === "PRON" && RELATIVE.has(t.lower))) return null;
    if (t.pos !== "VERB" || t.lower.endsWith("ing")) continue;
    const prev = tokens[v - 1];
    if (prev && prev.lower === "to") continue;
    const ls = leftSpeaker(ctx, v, s0, s1);
    // "a TV channel he founded": a relative clause's subject is not the clause's
    if (ls && !objectRelative(ctx, ls.np[0], ls.np[1], s0)) return ls;
  }
  return null;
}

/** After a speaker that follows its cue: an appositive to the sentence's end ("said Murphy, now a consultant"). */
function appositiveAfter(ctx: FrameContext, np: [number, number], s1: number): [number, number] {
  const { tokens } = ctx;
  const c = np[1];
  if (c + 1 >= s1 || tokens[c]!.text !== ",") return np;
  const n = tokens[c + 1]!;
  if (!(n.pos === "DET" || n.pos === "ADJ" || n.pos === "NOUN" || n.pos === "PROPN" || n.lower === "who" || n.lower === "now" || n.pos === "NUM")) return np;
  let e = s1;
  for (let k = c + 1; k < s1; k++) {
    if (ctx.inQuote[k]! >= 0 || tokens[k]!.text === ";") {
      e = k;
      break;
    }
  }
  while (e > c + 1 && tokens[e - 1]!.pos === "PUNCT") e--;
  return e > c + 1 ? [np[0], e] : np;
}

/** Noun phrase starting at token k (a speaker after an inverted cue): [k, end) or null. */
function rightNp(ctx: FrameContext, k: number, s1: number): [number, number] | null {
  const { tokens } = ctx;
  let e = k;
  while (e < s1 && e < k + 14) {
    const t = tokens[e]!;
    if (timeAt(ctx, e) && t.pos !== "PROPN") break;
    if (t.text === "(") {
      let m = e + 1;
      while (m < s1 && m < e + 8 && tokens[m]!.text !== ")") m++;
      if (m < s1 && tokens[m]!.text === ")") {
        e = m + 1;
        continue;
      }
      break;
    }
    if (t.pos === "PRON" && PERSONAL.has(t.lower)) {
      if (e === k) {
        e++;
        break;
      }
      break;
    }
    if (!npToken(ctx, e, k, s1)) break;
    // a determiner after a noun starts the next phrase: "According to the ministry the number …"
    if (e > k && tokens[e]!.pos === "DET" && (tokens[e - 1]!.pos === "NOUN" || tokens[e - 1]!.pos === "PROPN")) break;
    e++;
  }
  while (e > k && (tokens[e - 1]!.pos === "DET" || tokens[e - 1]!.pos === "ADP" || tokens[e - 1]!.pos === "CCONJ" || tokens[e - 1]!.pos === "ADJ")) e--;
  if (e === k) return null;
  const head = tokens[e - 1]!;
  if (!(head.pos === "NOUN" || head.pos === "PROPN" || nameLike(head) || head.pos === "PRON" || head.text === ")")) return null;
  return [k, e];
}

/** After the cue (and the addressee of a tell cue): skip adjuncts to the end of a short tail. */
function tailEnd(ctx: FrameContext, k: number, s1: number, frame: Frame): { end: number; clean: boolean } {
  const { tokens } = ctx;
  let m = k;
  let n = 0;
  // adverbs, time words and prepositional phrases may follow a cue that ends its clause
  // ("said Tuesday", "said in a statement"); a bare object may not ("noted the rule")
  let inPP = false;
  for (; m < s1 && n < 16; m++, n++) {
    const t = tokens[m]!;
    if (ctx.inQuote[m]! >= 0) return { end: m, clean: false };
    if (t.pos === "PUNCT") {
      if (PARTICIPIAL_STOP.has(t.text) || /^[.!?]+$/.test(t.text) || t.text === ")") return { end: m, clean: true };
      if (t.text === ":") return { end: m, clean: false };
      continue;
    }
    if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "SCONJ") return { end: m, clean: false };
    if (t.lower === "that" || t.lower === "whether" || t.lower === "if" || (t.lower === "to" && frame === "ask")) return { end: m, clean: false };
    if (t.pos === "ADP" || t.pos === "PART") {
      inPP = true;
      continue;
    }
    if (t.pos === "ADV" || timeAt(ctx, m)) continue;
    if (!inPP) {
      // a time phrase ("last week", "this month") is no object
      if ((t.pos === "DET" || t.pos === "ADJ") && m + 1 < s1 && timeAt(ctx, m + 1)) continue;
      return { end: m, clean: false };
    }
  }
  return { end: m, clean: m >= s1 };
}

/** Is there a closing quote mark (or a comma, dash, semicolon) just before token a? */
function boundaryBefore(ctx: FrameContext, a: number, s0: number): boolean {
  const { tokens, text } = ctx;
  if (a <= s0) return false;
  const p = tokens[a - 1]!;
  if (p.text === "," || p.text === ";" || p.text === "—" || p.text === "--" || p.text === "–") return true;
  if (ctx.inQuote[a - 1]! >= 0 || isQuoteTok(p)) return CLOSING_CHARS.test(text.slice(p.start, tokens[a]!.start)) || isQuoteTok(p);
  return false;
}

/** Does the rest of the sentence after token m hold a clause of its own (a finite verb outside quotes)? */
function clauseFollows(ctx: FrameContext, m: number, s1: number): boolean {
  const { tokens } = ctx;
  if (m >= s1 || tokens[m]!.text !== ",") return false;
  const n = tokens[m + 1];
  if (!n) return false;
  if (n.pos === "VERB" && n.lower.endsWith("ing")) {
    // ", adding that …" is another report; ", replacing Clinton would be …" is the rest of this one
    for (let k = m + 2; k < s1 && k < m + 10; k++) {
      const t = tokens[k]!;
      if (t.text === "," || t.lower === "that" || ctx.inQuote[k]! >= 0) return false;
      if (t.pos === "AUX") return true;
    }
    return false;
  }
  if (n.lower === "according") return false;
  // ", after being asked …", ", as he left": a subordinate clause, not the rest of the report
  if (n.pos === "ADP" || n.pos === "SCONJ") return false;
  for (let k = m + 1; k < s1 && k < m + 12; k++) {
    if (ctx.inQuote[k]! >= 0) return false;
    const t = tokens[k]!;
    if (t.pos === "AUX" || (t.pos === "VERB" && !t.lower.endsWith("ing"))) return true;
    if (t.text === ",") return false;
  }
  return false;
}

/** Where the content of a pre-order frame starts: after "that", an addressee, adjuncts, a colon. */
function contentStart(ctx: FrameContext, ce: number, s1: number, frame: Frame): number {
  const { tokens } = ctx;
  let k = ce;
  if (frame === "tell") {
    // the addressee: "told reporters", "told a press briefing", "told Stumpf"
    const np = rightNp(ctx, k, s1);
    if (np) k = np[1];
  }
  if (sayLike(frame) || frame === "tell" || frame === "think") {
    for (let m = k; m < s1 && m < k + 14; m++) {
      if (ctx.inQuote[m]! >= 0) break;
      const t = tokens[m]!;
      if (t.lower === "that") {
        const n = tokens[m + 1];
        if (n && m + 1 < s1 && (t.pos === "SCONJ" || ["DET", "PROPN", "PRON", "NOUN", "NUM", "ADJ", "ADV"].includes(n.pos))) return m + 1;
        break;
      }
      if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "SCONJ" || t.text === ";" || t.text === ":") break;
    }
  }
  if (k < s1 && tokens[k]!.lower === "that" && tokens[k]!.pos === "SCONJ") return k + 1; // "demanded that …"
  // a time or venue phrase set off by a comma: "saying during the debate last week, “…”"
  if (k < s1 && tokens[k]!.pos === "ADP" && ADJUNCT_PREPS.has(tokens[k]!.lower) && adjunctPhrase(ctx, k + 1, s1)) {
    for (let m = k + 1; m < s1 && m < k + 10; m++) {
      if (ctx.inQuote[m]! >= 0 || tokens[m]!.pos === "VERB" || tokens[m]!.pos === "AUX") break;
      if (tokens[m]!.text === ",") return m + 1;
    }
  }
  while (k < s1 && ctx.inQuote[k]! < 0) {
    const t = tokens[k]!;
    if ((t.pos === "ADV" && !WH_ADVERBS.has(t.lower)) || timeAt(ctx, k) || t.text === "," || t.text === ":" || t.text === "—" || t.text === "--") {
      k++;
      continue;
    }
    if (TIME_LEAD.has(t.lower) && k + 1 < s1 && timeAt(ctx, k + 1)) {
      k++;
      continue;
    }
    break;
  }
  return k;
}

function charSpan(ctx: FrameContext, a: number, b: number): Span | null {
  const { tokens } = ctx;
  // trim punctuation at both ends (but keep a closing quote mark that ends the content)
  while (a < b && tokens[a]!.pos === "PUNCT" && !isQuoteTok(tokens[a]!) && tokens[a]!.text !== "(") a++;
  while (b > a && tokens[b - 1]!.pos === "PUNCT" && !isQuoteTok(tokens[b - 1]!) && tokens[b - 1]!.text !== ")") b--;
  if (b <= a) return null;
  let k = a;
  while (k < b && !isWordTok(tokens[k]!)) k++;
  if (k === b) return null;
  return { start: tokens[a]!.start, end: tokens[b - 1]!.end };
}

/** Does token a follow a closing quote mark of the same paragraph (perhaps across a sentence break)? */
function followsQuote(ctx: FrameContext, a: number): boolean {
  if (a <= 0) return false;
  const p = ctx.tokens[a - 1]!;
  if (!(ctx.inQuote[a - 1]! >= 0 || isQuoteTok(p))) return false;
  const gap = ctx.text.slice(p.end, ctx.tokens[a]!.start);
  if (gap.includes("\n") || !CLOSING_CHARS.test(ctx.text.slice(p.start, ctx.tokens[a]!.start))) return false;
  // across a sentence break only a quote that ends in , ? ! or a dash awaits its speaker ("“…?” Vitter demanded.")
  if (p.sentence !== ctx.tokens[a]!.sentence) {
    const before = ctx.text.slice(Math.max(0, p.start - 3), p.start).replace(/["“”'’\s]+$/, "");
    return /[,?!\u2014\u2013-]$/.test(before);
  }
  return true;
}

type Base = { sentence: number; frame: Frame; cue: [number, number]; antecedent: null };

/** A frame object of one shape (property order fixed, for the engine's sake). */
function frameOf(
  base: Base,
  order: Order,
  speaker: [number, number] | null,
  mention: [number, number] | null,
  antecedent: [number, number] | null,
  content: Span | null,
  contentTok: number,
  firstTok: number,
  cue: [number, number] = base.cue,
): AttributionFrame {
  return { sentence: base.sentence, frame: base.frame, order, cue, speaker, mention, antecedent, content, contentTok, firstTok };
}

function buildFrame(
  ctx: FrameContext,
  s0: number,
  s1: number,
  i: number,
  ce: number,
  cue: Cue,
  sIndex: number,
  earlier: readonly AttributionFrame[],
): AttributionFrame | null {
  const { tokens } = ctx;
  const t = tokens[i]!;
  const base: Base = { sentence: sIndex, frame: cue.frame, cue: [i, ce], antecedent: null };

  if (cue.frame === "prep") {
    let np = rightNp(ctx, ce, s1);
    // a single word the tagger took for a verb: "According to police, …"
    if (!np && ce + 1 <= s1 && isWordTok(tokens[ce]!) && (ce + 1 === s1 || tokens[ce + 1]!.pos === "PUNCT")) np = [ce, ce + 1];
    if (!np) return null;
    let lead = s0;
    while (lead < i && (tokens[lead]!.pos === "CCONJ" || tokens[lead]!.pos === "ADV" || isQuoteTok(tokens[lead]!))) lead++;
    if (lead === i) {
      // According to X, S
      let k = np[1];
      while (k < s1 && tokens[k]!.text === ",") k++;
      return frameOf(base, "pre", np, np, null, charSpan(ctx, k, s1), k, i);
    }
    // S, according to X (.|, S2)
    const mention = appositiveAfter(ctx, np, s1);
    const content = clauseFollows(ctx, np[1], s1) ? charSpan(ctx, s0, s1) : charSpan(ctx, s0, i);
    return frameOf(base, "post", np, mention, null, content, s0, i);
  }

  const prev = i > s0 ? tokens[i - 1]! : null;
  if (t.lower.endsWith("ing") && (t.pos === "VERB" || t.pos === "ADJ")) {
    if (prev && prev.lower === "as" && i - 2 >= s0 && tokens[i - 2]!.lemma === "quote") {
      // "X was quoted as saying S"
      const ls = leftSpeaker(ctx, i - 2, s0, s1);
      if (!ls) return null;
      const k = contentStart(ctx, ce, s1, cue.frame);
      return frameOf(base, "pre", ls.np, ls.ext, ls.antecedent, charSpan(ctx, k, s1), k, ls.np[0], [i - 2, ce]);
    }
    const afterComma = prev && (PARTICIPIAL_STOP.has(prev.text) || (prev.pos === "CCONJ" && i - 2 >= s0 && tokens[i - 2]!.text === ","));
    const gerund = prev && prev.pos === "ADP" && GERUND_LEAD.has(prev.lower);
    if (afterComma || gerund) {
      // a participle ("…, adding that", "…, citing") or gerund ("by announcing") takes the subject of its clause
      const last = afterComma ? earlier[earlier.length - 1] : undefined;
      let speaker: [number, number] | null = last?.speaker ?? null;
      let mention = last?.mention ?? null;
      let antecedent = last?.antecedent ?? null;
      if (!speaker) {
        const subj = clauseSubject(ctx, i, s0, s1);
        if (!subj) return null;
        speaker = subj.np;
        mention = subj.ext;
        antecedent = subj.antecedent;
      }
      const k = contentStart(ctx, ce, s1, cue.frame);
      return frameOf(base, "pre", speaker, mention, antecedent, charSpan(ctx, k, s1), k, i);
    }
    let p = i - 1;
    while (p >= s0 && (tokens[p]!.pos === "ADV" || tokens[p]!.pos === "PART")) p--;
    if (p >= s0 && !BE.has(tokens[p]!.lower) && ctx.inQuote[p]! < 0) {
      // a participle right after its subject: "footage of Trump saying …", "a letter saying …"
      let np = p === i - 1 ? npEndingAt(ctx, p, s0, s1) : null;
      if (!np || tokens[np[1] - 1]!.pos === "NUM" || timeAt(ctx, np[1] - 1)) return null;
      // "footage of Trump saying": the one saying is the last phrase
      for (let m = np[1] - 2; m > np[0]; m--)
        if (tokens[m]!.lower === "of") {
          np = [m + 1, np[1]];
          break;
        }
      let speaker: LeftSpeaker | null = { np, ext: np, antecedent: null };
      const before = np[0] > s0 ? tokens[np[0] - 1]! : null;
      if (before && (before.pos === "VERB" || before.pos === "AUX")) {
        // the object of a verb: "it issued a policy paper welcoming …" is its subject's
        speaker = leftSpeaker(ctx, np[0] - 1, s0, s1);
      } else if (before && before.pos === "ADP" && !(before.lower === "of" && (tokens[np[1] - 1]!.pos === "PROPN" || tokens[np[1] - 1]!.pos === "PRON"))) speaker = null;
      if (!speaker) return null;
      const k = contentStart(ctx, ce, s1, cue.frame);
      const content = complementOk(ctx, k, s1, cue.frame) ? charSpan(ctx, k, s1) : null;
      return frameOf(base, "pre", speaker.np, speaker.ext, speaker.antecedent, content, k, Math.min(speaker.ext[0], np[0]));
    }
    if (p < s0) return null; // "saying so" opening a sentence: not a cue here
  }

  // inverted: "…," said Hua · S, said the official (tried first: the comma before the cue is no appositive's)
  if (sayLike(cue.frame)) {
    const inv = invertedFrame(ctx, s0, s1, i, ce, base);
    if (inv) return inv;
  }

  // an infinitive ("went on to say", "declined to say"): the speaker is the subject of the verb before "to"
  let speakerFrom = i;
  if (prev && prev.lower === "to" && prev.pos === "PART") {
    let g = i - 2;
    while (g >= s0 && (tokens[g]!.pos === "ADV" || tokens[g]!.pos === "ADP")) g--;
    if (g < s0 || !(tokens[g]!.pos === "VERB" || (tokens[g]!.pos === "NOUN" && matchCue(ctx, g, s1)))) return null;
    speakerFrom = g;
  } else {
    // a passive ("was told", "is expected") reports no speaker of its own
    let p = i - 1;
    while (p >= s0 && tokens[p]!.pos === "ADV") p--;
    if (p >= s0 && BE.has(tokens[p]!.lower) && tokens[p]!.pos === "AUX" && !t.lower.endsWith("ing")) return null;
    // a reduced passive: "a coalition led by Saudi Arabia and backed by the West"
    if (ce + 1 < s1 && tokens[ce]!.lower === "by" && (tokens[ce + 1]!.pos === "DET" || tokens[ce + 1]!.pos === "PROPN") && t.lemma !== t.lower) return null;
  }
  // "X continued to insist": leave the cue to the infinitive
  {
    let n = ce;
    while (n < s1 && tokens[n]!.pos === "ADV") n++;
    // … unless the infinitive has nothing to report ("declined to comment")
    if (n + 1 < s1 && tokens[n]!.lower === "to" && tokens[n + 1]!.pos === "VERB" && n + 2 < s1 && isWordTok(tokens[n + 2]!) && matchCue(ctx, n + 1, s1)) return null;
  }

  let ls = leftSpeaker(ctx, speakerFrom, s0, s1);
  let coordinated = false;
  if (!ls) {
    // "… and said S": the subject of the first verb
    let p = speakerFrom - 1;
    while (p >= s0 && (tokens[p]!.pos === "ADV" || tokens[p]!.pos === "AUX" || tokens[p]!.pos === "PART")) p--;
    if (p >= s0 && tokens[p]!.pos === "CCONJ") {
      // after a frame of the same sentence ("X said … but added"), its speaker; else the clause's subject
      // (unless that frame sits in a fronted subordinate clause: "When my mother said …, I laughed and said")
      const last = earlier[earlier.length - 1];
      const subordinate = last && last.speaker && last.speaker[0] > s0 && SUBORDINATORS.has(tokens[last.speaker[0] - 1]!.lower);
      if (last && last.speaker && last.order === "pre" && !subordinate) ls = { np: last.speaker, ext: last.mention ?? last.speaker, antecedent: last.antecedent };
      else ls = clauseSubject(ctx, p, s0, s1);
      coordinated = ls !== null;
    }
  }
  if (!ls) return null;
  const [a] = ls.np;
  if (!coordinated && objectRelative(ctx, a, ls.np[1], s0)) return null;
  let first = ls.ext[0];
  if (coordinated) {
    // the coordinated verb phrase starts after its conjunction: "… but did not recommend"
    first = speakerFrom;
    while (first - 1 >= s0 && tokens[first - 1]!.pos !== "CCONJ") first--;
  }
  const afterQuote = !coordinated && followsQuote(ctx, ls.ext[0]);
  let k = ce;
  if (cue.frame === "tell") {
    const obj = rightNp(ctx, k, s1);
    if (obj) k = obj[1];
  }
  const tail = tailEnd(ctx, k, s1, cue.frame);
  // the sentence opens with (or inside) a quote: "…," he said in a speech that …
  const quoteLed = ctx.inQuote[s0]! >= 0 || isQuoteTok(tokens[s0]!);
  // the frame introduces a quote after it: As for X, he said, "…"
  const introduces = tail.end + 1 < s1 && tokens[tail.end]!.text === "," && ctx.inQuote[tail.end + 1]! >= 0;
  const reversed =
    !coordinated &&
    speakerFrom === i &&
    ((afterQuote && (tail.clean || (quoteLed && (sayLike(cue.frame) || cue.frame === "tell")))) ||
      (boundaryBefore(ctx, ls.ext[0], s0) && tail.clean && !introduces && cue.frame !== "ask" && cue.frame !== "object"));
  if (cue.frame === "intro" && !(reversed ? afterQuote : introducesQuote(ctx, ce, s1))) return null; // "the talks are continuing" reports nothing
  if (reversed) {
    let content: Span | null;
    if (clauseFollows(ctx, tail.end, s1)) content = charSpan(ctx, s0, s1); // "These employees, X explained, were …"
    else content = reportedClause(ctx, s0, Math.min(a, ls.ext[0])) ? charSpan(ctx, s0, Math.min(a, ls.ext[0])) : null;
    return frameOf(base, "post", ls.np, ls.ext, ls.antecedent, content, s0, ls.ext[0]);
  }
  if (cue.lemma === "call" && cue.rest.length === 0 && phoneCall(ctx, ce, s1)) return null;
  const c = contentStart(ctx, ce, s1, cue.frame);
  // "added millions of voters" reports nothing: these cues report a clause or a quote
  if (cue.frame === "clause" && !(tokens[c - 1]?.lower === "that" || tokens[c - 1]?.text === ":" || ctx.inQuote[c] !== undefined && ctx.inQuote[c]! >= 0 || hasVerb(ctx, c, s1))) return null;
  // "declined to comment", "plans to visit": these cues report an infinitive only
  if (cue.frame === "inf" && !(c + 1 < s1 && tokens[c]!.lower === "to" && tokens[c + 1]!.pos === "VERB")) return null;
  // a relative clause's report ends with the clause: "X, who declined to be identified, told …";
  // so does a fronted subordinate clause's: "When my mother said the devil was near, I laughed"
  let end = s1;
  const fronted = a > s0 && SUBORDINATORS.has(tokens[a - 1]!.lower) && a - 1 <= s0 + 1;
  if ((RELATIVE.has(tokens[a]!.lower) && a > s0 && tokens[a - 1]!.text === ",") || fronted) {
    for (let m = c; m < s1; m++) {
      if (tokens[m]!.text === "," && ctx.inQuote[m]! < 0) {
        end = m;
        break;
      }
    }
  }
  const content = complementOk(ctx, c, end, cue.frame) ? charSpan(ctx, c, end) : null;
  return frameOf(base, "pre", ls.np, ls.ext, ls.antecedent, content, c, first);
}

/** "called Erdogan to apologize", "called Morrison on Wednesday to congratulate him": a call, not a name. */
function phoneCall(ctx: FrameContext, ce: number, s1: number): boolean {
  const { tokens } = ctx;
  const obj = rightNp(ctx, ce, s1);
  if (!obj) return false;
  let k = obj[1];
  while (k < s1 && (timeAt(ctx, k) || tokens[k]!.lower === "on" || tokens[k]!.pos === "ADV")) k++;
  return k + 1 < s1 && tokens[k]!.lower === "to" && tokens[k + 1]!.pos === "VERB";
}

/** Does a quote or a colon follow the cue ("Caddell continued:", "he went on, “…”")? */
function introducesQuote(ctx: FrameContext, ce: number, s1: number): boolean {
  let k = ce;
  while (k < s1 && ctx.tokens[k]!.pos === "ADV") k++;
  if (k >= s1) return false;
  const t = ctx.tokens[k]!;
  if (t.text === ":" || ctx.inQuote[k]! >= 0) return true;
  return t.text === "," && k + 1 < s1 && ctx.inQuote[k + 1]! >= 0;
}

/** Words for where or how something was said: a phrase headed by one is an adjunct ("said in a statement"). */
const VENUES = new Set(
  "statement interview speech address conference briefing event rally meeting hearing session debate forum summit ceremony visit trip news release letter post blog tweet tweets email e-mail op-ed column article report broadcast program programme show appearance call remarks testimony television radio washington".split(" "),
);

/** Is the phrase at k a time, a place name or a venue of speech rather than what was said? */
function adjunctPhrase(ctx: FrameContext, k: number, s1: number): boolean {
  const { tokens } = ctx;
  for (let m = k; m < s1 && m < k + 8; m++) {
    const t = tokens[m]!;
    if (t.pos === "PUNCT" || t.pos === "ADP" || t.pos === "VERB" || t.pos === "CCONJ") break;
    if (timeAt(ctx, m) || VENUES.has(t.lower)) return true;
    // a place name ends its phrase ("in Geneva"); a name followed on is someone's ("on Crutcher's death")
    if (t.pos === "PROPN" && (m + 1 >= s1 || tokens[m + 1]!.pos === "PUNCT" || tokens[m + 1]!.pos === "ADP")) return true;
  }
  return false;
}

/** Prepositions that open a time or place adjunct after a cue ("said at an event"), not what was said. */
const ADJUNCT_PREPS = new Set(["at", "in", "on", "during", "after", "before", "since", "from", "by", "near", "outside", "inside", "through", "throughout", "amid", "while", "until"]);
/** Prepositions whose phrase may modify a speaker ("advisers to Mr. Obama", "officials in Peshawar"). */
const PP_MODIFIERS = new Set(["to", "for", "on", "in", "at", "from", "with", "close"]);
const WH_ADVERBS = new Set(["when", "where", "while", "whenever", "how", "why"]);
/**
 * A pronoun speaker right after a noun heads an object relative clause: in "the
 * reports they write" or "the money it needs" the cue's object is the noun before,
 * not a report. A fronted phrase ("In an interview he said") is no such noun.
 */
function objectRelative(ctx: FrameContext, a: number, b: number, s0: number): boolean {
  const { tokens } = ctx;
  if (b - a !== 1 || tokens[a]!.pos !== "PRON" || RELATIVE.has(tokens[a]!.lower) || tokens[a]!.lower === "that" || a - 1 < s0) return false;
  let p = a - 1;
  if ((tokens[p]!.lower === "that" || tokens[p]!.lower === "which") && p - 1 >= s0) p--;
  const n = tokens[p]!;
  if (!(n.pos === "NOUN" || n.pos === "PROPN") || timeAt(ctx, p) || ctx.inQuote[p]! >= 0) return false;
  // a fronted prepositional phrase: ADP … NOUN with no verb between it and the sentence start
  for (let k = p - 1; k >= s0; k--) {
    const t = tokens[k]!;
    if (t.pos === "VERB" || t.pos === "AUX" || t.text === ",") break;
    if (t.pos === "ADP" && k === s0) return false;
  }
  return true;
}

const SUBORDINATORS = new Set(["as", "when", "while", "if", "because", "after", "before", "although", "though", "since", "until", "once", "whereas", "unless"]);

/** Has the run [a, b) a verb of its own outside quotes (or a quote), as reported content before its frame must? */
function hasVerb(ctx: FrameContext, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = ctx.tokens[k]!;
    if (ctx.inQuote[k]! >= 0) return true;
    if (t.pos === "VERB" || t.pos === "AUX") return true;
  }
  return false;
}

/** Content before a post frame: a clause, not a fronted adverbial ("As a phone rang, the announcer said"). */
function reportedClause(ctx: FrameContext, a: number, b: number): boolean {
  const { tokens } = ctx;
  let k = a;
  while (k < b && (tokens[k]!.pos === "CCONJ" || tokens[k]!.pos === "PUNCT")) k++;
  if (k >= b) return false;
  const first = tokens[k]!;
  if (SUBORDINATORS.has(first.lower) && (first.pos === "SCONJ" || first.pos === "ADP")) {
    // a fronted clause ("As a phone rang,") reports nothing; a fronted phrase ("After some challenges,") may lead one
    let comma = k + 1;
    while (comma < b && tokens[comma]!.text !== ",") comma++;
    if (hasVerb(ctx, k + 1, comma) && !hasVerb(ctx, comma, b)) return false;
  }
  if (hasVerb(ctx, k, b)) return true;
  // a verbless report of a few words is still one ("People like Scott, he said."), a fronted phrase is not
  return first.pos !== "ADP" && first.pos !== "ADV" && b - k >= 2 && b - k <= 8;
}

/** A pre frame's complement: not a time or place adjunct ("said at an event"), nor a clause of its own ("said when …"). */
function complementOk(ctx: FrameContext, c: number, s1: number, frame: Frame): boolean {
  if (c >= s1) return false;
  const t = ctx.tokens[c]!;
  if (ctx.inQuote[c]! >= 0) return true;
  if (c > 0 && (ctx.tokens[c - 1]!.lower === "that" || ctx.tokens[c - 1]!.text === ":")) return true;
  // a lone pronoun object ("could have considered them") reports nothing
  if (t.pos === "PRON" && (c + 1 >= s1 || ctx.tokens[c + 1]!.pos === "PUNCT")) return false;
  if (t.pos === "CCONJ") return false;
  if (WH_ADVERBS.has(t.lower) && t.lower !== "how" && t.lower !== "why") return false;
  if (t.pos === "SCONJ" && !(t.lower === "whether" || t.lower === "if" || t.lower === "how" || t.lower === "why")) return false;
  if ((sayLike(frame) || frame === "tell" || frame === "think") && t.pos === "ADP" && ADJUNCT_PREPS.has(t.lower) && !hasVerb(ctx, c, s1) && adjunctPhrase(ctx, c + 1, s1)) return false;
  // "declined to be identified": a passive infinitive reports nothing
  if (t.lower === "to" && c + 2 < s1 && ctx.tokens[c + 1]!.lower === "be" && /(?:ed|en)$/.test(ctx.tokens[c + 2]!.lower)) return false;
  return true;
}

function invertedFrame(ctx: FrameContext, s0: number, s1: number, i: number, ce: number, base: Base): AttributionFrame | null {
  const { tokens } = ctx;
  let p = i - 1;
  while (p >= s0 && tokens[p]!.pos === "ADV" && ctx.inQuote[p]! < 0) p--;
  let boundary: boolean;
  if (p < s0) {
    // "“…,” said Hua." across a sentence break, or a sentence opening "Said Ellis: “…”"
    const np0 = rightNp(ctx, ce, s1);
    const opens = np0 !== null && np0[1] < s1 && (tokens[np0[1]]!.text === ":" || ctx.inQuote[np0[1]]! >= 0 || (tokens[np0[1]]!.text === "," && ctx.inQuote[np0[1] + 1]! >= 0));
    boundary = (followsQuote(ctx, s0) && p === s0 - 1) || opens;
  }
  else {
    const pt = tokens[p]!;
    boundary = pt.text === "," || pt.text === "—" || pt.text === "--" || ctx.inQuote[p]! >= 0 || isQuoteTok(pt);
  }
  if (!boundary) return null;
  const np = rightNp(ctx, ce, s1);
  if (!np) return null;
  const tail = tailEnd(ctx, np[1], s1, base.frame);
  if (!tail.clean && !(tail.end < s1 && (tokens[tail.end]!.text === ":" || ctx.inQuote[tail.end]! >= 0))) return null;
  // what comes before must be something said: a quote or a clause ("Ivanka Trump, his daughter, noted the rule" is no inversion)
  if (p >= s0 && !hasVerb(ctx, s0, p + 1)) return null;
  const content = p < s0 ? null : clauseFollows(ctx, tail.end, s1) ? charSpan(ctx, s0, s1) : charSpan(ctx, s0, p + 1);
  // what an inverted cue introduces ("Said Ellis: “…”") starts after its speaker
  let after = np[1];
  while (after < s1 && (tokens[after]!.text === ":" || tokens[after]!.text === ",") && ctx.inQuote[after]! < 0) after++;
  return frameOf(base, "inv", np, appositiveAfter(ctx, np, s1), null, content, p < s0 ? after : s0, Math.max(s0, p + 1));
}

/**
 * A headline's "Speaker: content" ("Poll: Clinton and Trump in dead heat"), or a
 * transcript turn at a paragraph's start ("PENCE: Well, look, …").
 */
function colonFrame(ctx: FrameContext, s0: number, s1: number, sIndex: number, headline: boolean): AttributionFrame | null {
  const { tokens } = ctx;
  let a = s0;
  while (a < s1 && isQuoteTok(tokens[a]!) && ctx.inQuote[a]! < 0) a++;
  for (let k = a + 1; k < s1 && k <= a + 6; k++) {
    const t = tokens[k]!;
    if (t.text !== ":") continue;
    if (ctx.inQuote[k]! >= 0) return null;
    const np = npEndingAt(ctx, k - 1, a, s1);
    if (!np || np[0] !== a) return null;
    if (!/^\p{Lu}/u.test(tokens[a]!.text)) return null;
    if (!headline && !tokens.slice(a, k).every((w) => /^[\p{Lu}.'’-]+$/u.test(w.text))) return null;
    const content = charSpan(ctx, k + 1, s1);
    if (!content || s1 - k < 3) return null;
    return frameOf({ sentence: sIndex, frame: "say", cue: [k, k + 1], antecedent: null }, "colon", np, np, null, content, k + 1, a);
  }
  return null;
}

/** A pre-order frame's content stops where a later frame of the same sentence begins its own clause. */
function cutContents(ctx: FrameContext, frames: AttributionFrame[], s1: number): void {
  const { tokens } = ctx;
  for (let f = 0; f < frames.length; f++) {
    const fr = frames[f]!;
    if (fr.order !== "pre" || !fr.content) continue;
    for (let g = f + 1; g < frames.length; g++) {
      const later = frames[g]!;
      let cut = -1;
      const first = later.firstTok;
      if (first <= fr.contentTok) continue;
      const before = tokens[first - 1];
      if (!before) continue;
      const sameSpeaker = later.speaker !== null && fr.speaker !== null && later.speaker[0] === fr.speaker[0] && later.speaker[1] === fr.speaker[1];
      if (later.order === "pre" && (PARTICIPIAL_STOP.has(before.text) || (before.pos === "CCONJ" && (tokens[first - 2]?.text === "," || sameSpeaker)))) cut = first - 1;
      else if (later.frame === "prep" && later.order === "post" && before.text === ",") cut = first - 1;
      else if (later.order === "pre" && before.pos === "SCONJ" && tokens[first - 2]?.text === ",") cut = first - 2; // ", though she acknowledged …"
      if (cut < 0) continue;
      while (cut > fr.contentTok && (tokens[cut - 1]!.pos === "PUNCT" || tokens[cut - 1]!.pos === "CCONJ") && !isQuoteTok(tokens[cut - 1]!)) cut--;
      const span = charSpan(ctx, fr.contentTok, Math.min(cut, s1));
      if (span) fr.content = span;
      break;
    }
  }
}

const DASHES = new Set(["―", "—", "–", "--", "-"]);

/** A byline after a closing quote mark: "…" ― Esther Tapia (tweets, testimonials, epigraphs). */
export function dashFrame(ctx: FrameContext, dash: number, sIndex: number, s1: number): AttributionFrame | null {
  const { tokens } = ctx;
  const d = tokens[dash];
  if (!d || !DASHES.has(d.text) || ctx.inQuote[dash]! >= 0) return null;
  let e = dash + 1;
  while (e < s1 && e < dash + 6 && ctx.inQuote[e]! < 0 && (nameLike(tokens[e]!) || (tokens[e]!.text === "." && e + 1 < s1 && nameLike(tokens[e + 1]!)))) e++;
  if (e === dash + 1 || !nameLike(tokens[dash + 1]!)) return null;
  const np: [number, number] = [dash + 1, e];
  return frameOf({ sentence: sIndex, frame: "say", cue: [dash, dash + 1], antecedent: null }, "post", np, appositiveAfter(ctx, np, s1), null, null, dash, dash);
}

/**
 * A noun cue with its possessor and a that-clause: "Trump's claim that there have
 * been thousands of shootings", "his warning that talks would fail".
 */
function nounFrame(ctx: FrameContext, s0: number, s1: number, i: number, sIndex: number): AttributionFrame | null {
  const { tokens } = ctx;
  if (i + 2 >= s1 || i === s0) return null;
  const next = tokens[i + 1]!;
  if (next.lower !== "that" || ctx.inQuote[i + 1]! >= 0) return null;
  const t = tokens[i]!;
  const cue = ctx.lex.nouns.get(t.lemma) ?? ctx.lex.nouns.get(t.lower);
  if (!cue) return null;
  const after = tokens[i + 2]!;
  if (!(after.pos === "DET" || after.pos === "PRON" || after.pos === "PROPN" || after.pos === "NOUN" || after.pos === "NUM" || after.pos === "ADJ" || after.lower === "there")) return null;
  // the possessor: "his", "Trump's", "the president's"
  const p = tokens[i - 1]!;
  let speaker: [number, number] | null = null;
  if (p.pos === "PRON" && POSSESSIVE.has(p.lower)) speaker = [i - 1, i];
  else if ((p.lower === "'s" || p.lower === "’s" || p.lower === "'" || p.lower === "’") && i - 2 >= s0) {
    const np = npEndingAt(ctx, i - 2, s0, s1);
    if (np) speaker = np;
  }
  if (!speaker) return null;
  const content = charSpan(ctx, i + 2, s1);
  if (!content) return null;
  return frameOf({ sentence: sIndex, frame: "noun", cue: [i, i + 1], antecedent: null }, "pre", speaker, speaker, null, content, i + 2, speaker[0]);
}

/**
 * A quote introduced by a colon ends a sentence whose subject presents it: "Sanders
 * made the following comment: “…”", "The piece used one of her quotes as its
 * headline: “…”". The frame's speaker is that subject; its cue the colon.
 */
export function colonIntroFrame(ctx: FrameContext, colon: number, sentence: Sentence, sIndex: number): AttributionFrame | null {
  const { tokens } = ctx;
  const s0 = sentence.tokenStart;
  const s1 = sentence.tokenEnd;
  if (colon <= s0 || tokens[colon]!.text !== ":" || ctx.inQuote[colon]! >= 0) return null;
  const subj = clauseSubject(ctx, colon, s0, s1);
  if (!subj) return null;
  return frameOf({ sentence: sIndex, frame: "say", cue: [colon, colon + 1], antecedent: null }, "pre", subj.np, subj.ext, subj.antecedent, null, colon + 1, subj.ext[0]);
}
