// Attribution frames: a cue word with its speaker and the content it reports, read
// off the tokens of one sentence with a small, forgiving grammar:
//   pre   X said (that) S · X told Y (that) S · X urged Y to V · According to X, S
//   post  S, X said · "…," X said · S, according to X
//   inv   S, said X · "…," said X
//   colon X: S (a headline's "Poll: Clinton leads"; a transcript's "PENCE: …")
// plus noun cues with their possessor ("Trump's claim that S", "his attacks on Y",
// "Britain's decision to V") or none ("concerns that S"), stance adjectives ("X is
// convinced that S", "X has been critical of Y"), passives with their agent ("Y was
// endorsed by X") or none ("Y is expected to V": no speaker), verbs whose object is a
// message ("X sent a letter"), evidentials ("Y seems Z": no speaker), sources that open
// or close a sentence ("In the latest poll, S"; "S in national polls") and bylines after
// a quote ("…" ― Esther Tapia). PolNeAR-style attribution is broad: beliefs, stances and
// written sources count as well as speech. Which grammar a cue takes is data
// (data/quotes/cues.tsv). Tokens inside direct quotes are never cues: they are the
// speaker's own words.

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
const OBJECT_PRONOUNS = new Set(["him", "her", "them", "us", "me"]);
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
    if ((t.pos === "ADJ" || t.pos === "VERB") && ctx.lex.adjectives.has(t.lower)) {
      const af = adjectiveFrame(ctx, s0, s1, i, sIndex);
      if (af) {
        out.push(af);
        continue;
      }
    }
    let bare: AttributionFrame | null = null;
    if (t.pos === "NOUN" && ctx.lex.nouns.size > 0) {
      const nf = nounFrame(ctx, s0, s1, i, sIndex);
      // a noun with no speaker may yet be a verb with one (", warning that S")
      if (nf && nf.speaker) {
        out.push(nf);
        continue;
      }
      bare = nf;
    }
    const hit = matchCue(ctx, i, s1) ?? messageVerb(ctx, i, s1);
    const f = hit ? buildFrame(ctx, s0, s1, i, hit[1], hit[0], sIndex, out) : null;
    if (f) {
      out.push(f);
      i = hit![1] - 1;
    } else if (bare) out.push(bare);
    else if (hit && hit[0].frame === "prep") i = hit[1] - 1;
  }
  if (out.length === 0) {
    const pf = sourcePhraseFrame(ctx, s0, s1, sIndex);
    if (pf) out.push(pf);
  }
  if (opensSegment && !out.some((f) => f.cue[0] <= s0 + 7)) {
    const c = colonFrame(ctx, s0, s1, sIndex, headline);
    if (c) out.push(c);
  }
  out.sort((x, y) => x.cue[0] - y.cue[0]);
  // a view with no speaker inside someone's report is part of it ("X said Trump seemed confused")
  const kept = out.some((f) => f.speaker === null) ? out.filter((f) => f.speaker !== null || f.frame === "noun" || !out.some((g) => g !== f && g.content !== null && g.speaker !== null && g.content.start <= tokens[f.cue[0]]!.start && g.content.end >= tokens[f.cue[1] - 1]!.end)) : out;
  cutContents(ctx, kept, s1);
  return kept;
}

/** The cue starting at token i and the token index after it, or null. */
function matchCue(ctx: FrameContext, i: number, s1: number): [Cue, number] | null {
  const { tokens, lex } = ctx;
  const t = tokens[i]!;
  const pos = t.pos;
  if (pos === "NOUN") {
    // a noun-tagged verb ("reports", "plans", "support") may be a cue where it follows a subject
    const prev = i > 0 ? tokens[subjectEnd(ctx, i)]! : null;
    // … or a participle after a comma (", warning that …")
    const participle = !!prev && tokens[i - 1]!.text === "," && t.lower.endsWith("ing");
    if (!prev || !(prev.pos === "PROPN" || prev.pos === "PRON" || prev.pos === "NOUN" || nameLike(prev) || participle)) return null;
  } else if (pos === "ADJ") {
    // a participle the tagger took for an adjective: after a comma (", promising to …"), after
    // "is" ("is promising lower taxes"), or a past form after its subject ("Japan branded …")
    const prev = i > 0 ? tokens[i - 1]! : null;
    if (!prev) return null;
    const w = t.lower;
    const ing = w.endsWith("ing") && (prev.text === "," || BE.has(prev.lower));
    // … or after a perfect's "has" ("The newspaper has also detailed …")
    let h = i - 1;
    while (h > 0 && tokens[h]!.pos === "ADV") h--;
    const perfect = tokens[h]!.pos === "AUX" && (tokens[h]!.lower === "has" || tokens[h]!.lower === "have" || tokens[h]!.lower === "had");
    const past = w.endsWith("ed") && (prev.pos === "PROPN" || (prev.pos === "PRON" && PERSONAL.has(prev.lower)) || perfect);
    if (!ing && !past) return null;
  } else if (pos !== "VERB") return null;
  const list = lex.cues.get(t.lemma) ?? lex.cues.get(t.lower) ?? (pos === "ADJ" || pos === "NOUN" ? (t.lower.endsWith("ing") ? ingLemma(lex, t.lower) : pos === "ADJ" ? edLemma(lex, t.lower) : undefined) : undefined);
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
    if (t.pos === "NOUN" && !(tokens[i - 1]?.text === "," && t.lower.endsWith("ing"))) {
      const n = tokens[i + 1 + cue.rest.length];
      const prev = i > 0 ? tokens[subjectEnd(ctx, i)] : undefined;
      if (!n || !prev) return null;
      // a name or pronoun subject, or a plural subject with a plain verb ("averages show"); a
      // singular noun before an -s form is a compound ("battleground states", "savings plans")
      const inflected = t.lower.endsWith("s") || t.lower.endsWith("ed");
      const afterSubject = prev.pos === "PROPN" || (prev.pos === "VERB" && nameLike(prev)) || (prev.pos === "PRON" && PERSONAL.has(prev.lower)) || (prev.pos === "NOUN" && !inflected && subjectPlural(prev));
      // before "that" or a colon an -s form after any noun reads as a verb ("the report notes that");
      // a plain form after a common noun heads a phrase ("the following comment:")
      const verbal =
        ((n.lower === "that" || n.text === ":") && (afterSubject || (inflected && prev.pos === "NOUN"))) ||
        // "…, the filing states." (a compound like "Upper Nile states." has no comma before it)
        (n.pos === "PUNCT" && /^[.!?]+$/.test(n.text) && t.lower.endsWith("s") && prev.pos === "NOUN" && reversedSubject(ctx, i)) ||
        (afterSubject &&
          // "…, the Post reports."
          ((n.pos === "PUNCT" && inflected && reversedSubject(ctx, i)) ||
            // "Trump questions the fairness …", "Clinton plans to …", "1 percent support the …"
            n.pos === "DET" ||
            n.pos === "PROPN" ||
            n.pos === "ADP" ||
            (n.lower === "to" && tokens[i + 2 + cue.rest.length]?.pos === "VERB") ||
            (n.pos === "PRON" && POSSESSIVE.has(n.lower)) ||
            // "Lynch notes they were appointed …": a clause of its own
            (n.pos === "PRON" && PERSONAL.has(n.lower) && (tokens[i + 2 + cue.rest.length]?.pos === "AUX" || tokens[i + 2 + cue.rest.length]?.pos === "VERB"))));
      if (!verbal || prev.pos === "DET" || prev.pos === "ADJ") return null;
      // "Sharia Court judge Hisham al-Afri": a plain form between names is a title
      if (!inflected && prev.pos === "PROPN" && n.pos === "PROPN") return null;
    }
    if (cue.frame === "none") return null; // a phrase that is no cue ("back out", "call into")
    return [cue, i + 1 + cue.rest.length];
  }
  return null;
}

/**
 * Verbs that take a message in rather than put one out ("received a letter", "read the
 * statement"), or light verbs that only refer to it ("made the comments", "took the threat").
 */
const RECEIVING = new Set(["receive", "get", "read", "see", "hear", "obtain", "review", "watch", "ignore", "win", "lose", "need", "want", "have", "be", "do", "include", "contain", "cite", "quote", "make", "take", "pose", "face"]);
/** Words for a quantity of messages: "a flurry of tweets", "a series of ads". */
const MESSAGE_QUANTITY = new Set(["flurry", "series", "barrage", "string", "stream", "spate", "volley", "torrent", "number", "pair", "couple", "list", "set", "slew", "raft", "host"]);

/**
 * A verb whose object is a message is a cue ("Trump unleashed a flurry of tweets", "The
 * city sent a cease-and-desist letter", "She'll present her proposals"): an object frame
 * of the verb's lemma, and the token after it.
 */
function messageVerb(ctx: FrameContext, i: number, s1: number): [Cue, number] | null {
  const { tokens, lex } = ctx;
  const t = tokens[i]!;
  if (t.pos !== "VERB" || lex.messages.size === 0 || RECEIVING.has(t.lemma)) return null;
  let k = i + 1;
  for (let n = 0; k < s1 && n < 8 && ctx.inQuote[k]! < 0; k++, n++) {
    const w = tokens[k]!;
    if (w.pos === "DET" || w.pos === "NUM" || w.pos === "ADV" || (w.pos === "PRON" && POSSESSIVE.has(w.lower))) continue;
    if (w.pos === "ADJ" || (w.pos === "PUNCT" && w.text === "-") || w.pos === "PROPN") continue;
    if (w.pos === "VERB" && k + 1 < s1 && tokens[k + 1]!.pos === "NOUN") continue; // "a 30-second spot", "a widely circulated memo"
    if (w.pos !== "NOUN") return null;
    const next = k + 1 < s1 ? tokens[k + 1]! : null;
    if (MESSAGE_QUANTITY.has(w.lower) && next && next.lower === "of") {
      k++;
      continue;
    }
    if (next && next.pos === "NOUN") continue; // a compound: "cease-and-desist letter", "campaign ad"
    return lex.messages.has(w.lemma) || lex.messages.has(w.lower) ? [{ lemma: t.lemma, rest: [], frame: "object" }, i + 1] : null;
  }
  return null;
}

/** The last token of a subject before token i, past an aside set off by commas ("Some Democrats, however, question …"). */
function subjectEnd(ctx: FrameContext, i: number): number {
  const { tokens } = ctx;
  let k = i - 1;
  if (k >= 2 && tokens[k]!.text === "," && ctx.inQuote[k]! < 0) {
    let m = k - 1;
    while (m > 0 && tokens[m]!.pos === "ADV") m--;
    if (m < k - 1 && tokens[m]!.text === "," && m > 0) k = m - 1;
  }
  return k;
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
  // a reduced object relative: "all the experts I interviewed said", "the people we spoke to say"
  {
    let v = j;
    if (tokens[v]!.pos === "ADP" && v - 1 > s0 && tokens[v - 1]!.pos === "VERB") v--;
    const subj = v - 1 >= s0 ? tokens[v - 1]! : null;
    if (tokens[v]!.pos === "VERB" && subj && subj.pos === "PRON" && PERSONAL.has(subj.lower) && subj.lower !== "it" && v - 2 >= s0 && ctx.inQuote[v - 2]! < 0) {
      const head = npEndingAt(ctx, v - 2, s0, s1);
      const h = head ? tokens[head[1] - 1]! : null;
      if (head && h && (h.pos === "NOUN" || h.pos === "PROPN" || INDEFINITE.has(h.lower) || h.lower === "everyone")) return { np: head, ext: [head[0], j + 1], antecedent: null };
    }
  }
  // an object pronoun after a preposition ends a modifier: "those close to him say"
  const objectPronoun = OBJECT_PRONOUNS.has(t.lower) && j - 1 >= s0 && tokens[j - 1]!.pos === "ADP" && PP_MODIFIERS.has(tokens[j - 1]!.lower);
  const np = objectPronoun ? ([j, j + 1] as [number, number]) : npEndingAt(ctx, j, s0, s1);
  if (!np) return null;
  // a phrase after a preposition is the object of a modifier ("advisers to Mr. Obama say": the
  // advisers speak) or of an adjunct ("in a box labeled": no one speaks)
  const before = np[0] > s0 ? tokens[np[0] - 1]! : null;
  if (before && ctx.inQuote[np[0] - 1]! < 0 && before.pos === "ADP" && np[0] - 3 >= s0 && tokens[np[0] - 2]!.pos === "ADJ") {
    // … or of a postpositive adjective's: "people familiar with the matter said", "those close to him say"
    const k = np[0] - 3;
    const n = tokens[k]!;
    const head = n.lower === "those" || n.lower === "people" ? ([k, k + 1] as [number, number]) : n.pos === "NOUN" || n.pos === "PROPN" ? npEndingAt(ctx, k, s0, s1) : null;
    if (head && ctx.inQuote[k]! < 0) return { np: head, ext: [head[0], np[1]], antecedent: null };
  }
  if (objectPronoun) return null;
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
    // a time word ends the phrase ("said Tuesday"), unless it starts a name ("April Ryan")
    if (timeAt(ctx, e) && (t.pos !== "PROPN" || !(e + 1 < s1 && tokens[e + 1]!.pos === "PROPN" && !timeAt(ctx, e + 1)))) break;
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

  if (cue.frame === "evid") return evidentialFrame(ctx, s0, s1, i, ce, base);

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
      // "According to a senior adviser, who spoke on condition of anonymity, the campaign plans …": the relative clause is the source's
      let mention: [number, number] = np;
      if (k < s1 && RELATIVE.has(tokens[k]!.lower)) {
        let c = k + 1;
        while (c < s1 && !(tokens[c]!.text === "," && ctx.inQuote[c]! < 0)) c++;
        if (c + 1 < s1) {
          mention = [np[0], c];
          k = c;
          while (k < s1 && tokens[k]!.text === ",") k++;
        }
      }
      return frameOf(base, "pre", np, mention, null, charSpan(ctx, k, s1), k, i);
    }
    // S, according to X (.|, S2)
    const mention = appositiveAfter(ctx, np, s1);
    const content = clauseFollows(ctx, np[1], s1) ? charSpan(ctx, s0, s1) : charSpan(ctx, s0, i);
    return frameOf(base, "post", np, mention, null, content, s0, i);
  }

  const prev = i > s0 ? tokens[i - 1]! : null;
  if (t.lower.endsWith("ing") && (t.pos === "VERB" || t.pos === "ADJ" || (t.pos === "NOUN" && prev?.text === ","))) {
    if (prev && prev.lower === "as" && i - 2 >= s0 && tokens[i - 2]!.lemma === "quote") {
      // "X was quoted as saying S"
      const ls = leftSpeaker(ctx, i - 2, s0, s1);
      if (!ls) return null;
      const k = contentStart(ctx, ce, s1, cue.frame);
      return frameOf(base, "pre", ls.np, ls.ext, ls.antecedent, charSpan(ctx, k, s1), k, ls.np[0], [i - 2, ce]);
    }
    // (the comma may sit inside a quote that closes before the participle: … a “strong leader,” comparing him …)
    let pc = i - 1;
    while (pc > s0 && tokens[pc]!.pos === "ADV" && ctx.inQuote[pc]! < 0) pc--; // ", even suggesting"
    const pct = pc >= s0 ? tokens[pc]! : null;
    const afterComma =
      prev && pct && (PARTICIPIAL_STOP.has(pct.text) || (pct.pos === "CCONJ" && pc - 1 >= s0 && tokens[pc - 1]!.text === ",") || (isQuoteTok(pct) && pc - 1 >= s0 && tokens[pc - 1]!.text === ","));
    const gerund = !!pct && (pct.pos === "ADP" || pct.pos === "SCONJ") && GERUND_LEAD.has(pct.lower); // "by announcing", "while systematically downplaying"
    if (afterComma || gerund) {
      // a participle ("…, adding that", "…, citing") or gerund ("by announcing") takes the subject of its clause
      // (the last verb's: "attacked Clinton for her support of …, saying" is Trump's, not the supporter's)
      let last: AttributionFrame | undefined;
      for (let k = earlier.length - 1; afterComma && k >= 0 && !last; k--) if (earlier[k]!.frame !== "noun") last = earlier[k];
      let speaker: [number, number] | null = last?.speaker ?? null;
      let mention = last?.mention ?? null;
      let antecedent = last?.antecedent ?? null;
      let end = s1;
      if (!speaker) {
        let subj = clauseSubject(ctx, i, s0, s1);
        if (!subj && gerund && i - 1 === s0) {
          // "In defending himself, Trump offered …": the main clause's subject, after the comma
          const fr = frontedSubject(ctx, i, s1);
          if (fr) {
            subj = fr.speaker;
            end = fr.comma;
          }
        }
        if (!subj) return null;
        speaker = subj.np;
        mention = subj.ext;
        antecedent = subj.antecedent;
      }
      const k = contentStart(ctx, ce, s1, cue.frame);
      return frameOf(base, "pre", speaker, mention, antecedent, charSpan(ctx, k, end), k, i);
    }
    let p = i - 1;
    while (p >= s0 && (tokens[p]!.pos === "ADV" || tokens[p]!.pos === "PART")) p--;
    if (p >= s0 && p === i - 1 && tokens[p]!.pos === "VERB" && !tokens[p]!.lower.endsWith("ing") && ctx.inQuote[p]! < 0) {
      // a gerund after a finite verb ("Trump avoids condemning …", "she kept insisting that …"): the verb's subject
      const ls = leftSpeaker(ctx, p, s0, s1);
      if (!ls || objectRelative(ctx, ls.np[0], ls.np[1], s0)) return null;
      const k = contentStart(ctx, ce, s1, cue.frame);
      const content = complementOk(ctx, k, s1, cue.frame) ? charSpan(ctx, k, s1) : null;
      return frameOf(base, "pre", ls.np, ls.ext, ls.antecedent, content, k, ls.ext[0], [p, ce]);
    }
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
      } else if (before && before.pos === "ADP" && VENUES.has(tokens[np[1] - 1]!.lower)) {
        // "she said at a news conference announcing that S": the venue's speaker
        speaker = clauseSubject(ctx, np[0], s0, s1);
      } else if (before && before.pos === "ADP" && !(before.lower === "of" && (tokens[np[1] - 1]!.pos === "PROPN" || tokens[np[1] - 1]!.pos === "PRON"))) speaker = null;
      if (!speaker) return null;
      const k = contentStart(ctx, ce, s1, cue.frame);
      const content = complementOk(ctx, k, s1, cue.frame) ? charSpan(ctx, k, s1) : null;
      return frameOf(base, "pre", speaker.np, speaker.ext, speaker.antecedent, content, k, Math.min(speaker.ext[0], np[0]));
    }
    if (p < s0) {
      // "Citing an unfounded theory, Trump accused …": a fronted participle takes the main clause's subject
      const fr = i === s0 || isQuoteTok(tokens[s0]!) ? frontedSubject(ctx, i, s1) : null;
      if (!fr) return null; // "saying so" opening a sentence: not a cue here
      const k = contentStart(ctx, ce, s1, cue.frame);
      const content = k < fr.comma && complementOk(ctx, k, fr.comma, cue.frame) ? charSpan(ctx, k, fr.comma) : null;
      return content ? frameOf(base, "pre", fr.speaker.np, fr.speaker.ext, null, content, k, i) : null;
    }
  }

  // inverted: "…," said Hua · S, said the official (tried first: the comma before the cue is no appositive's)
  if (sayLike(cue.frame)) {
    const inv = invertedFrame(ctx, s0, s1, i, ce, base);
    if (inv) return inv;
  }

  // an infinitive ("went on to say", "declined to say"): the speaker is the subject of the verb before "to"
  let speakerFrom = i;
  let controller: LeftSpeaker | null = null;
  let to = i - 1;
  while (to > s0 && tokens[to]!.pos === "ADV" && ctx.inQuote[to]! < 0) to--; // "to consistently tout"
  if (to >= s0 && tokens[to]!.lower === "to" && tokens[to]!.pos === "PART" && ctx.inQuote[to]! < 0) {
    const gov = infinitiveSubject(ctx, to, s0, s1);
    if (gov === null) return null;
    if (typeof gov === "number") speakerFrom = gov;
    else controller = gov;
  } else {
    // a passive ("was told", "is expected") reports no speaker of its own
    let p = i - 1;
    while (p >= s0 && tokens[p]!.pos === "ADV") p--;
    // … unless it names its agent: "The nominee has been endorsed by dozens of papers"
    if (p >= s0 && BE.has(tokens[p]!.lower) && tokens[p]!.pos === "AUX" && !t.lower.endsWith("ing")) return passiveFrame(ctx, s0, s1, i, ce, base, false) ?? agentlessPassive(ctx, s0, s1, i, ce, base);
    // "the bodies of 40 people thought to be migrants": a reduced passive, no one thinks here
    if (prev && prev.pos === "NOUN" && t.lemma !== t.lower && !t.lower.endsWith("ing") && ce + 1 < s1 && tokens[ce]!.lower === "to" && (tokens[ce + 1]!.lower === "be" || tokens[ce + 1]!.lower === "have")) return null;
    // a reduced passive: "a coalition led by Saudi Arabia and backed by the West"; a cue's names
    // its agent and what it said or judged ("a view echoed by everyone I interviewed")
    if (ce + 1 < s1 && tokens[ce]!.lower === "by" && (tokens[ce + 1]!.pos === "DET" || tokens[ce + 1]!.pos === "PROPN") && t.lemma !== t.lower) return passiveFrame(ctx, s0, s1, i, ce, base, true);
  }
  // "X continued to insist": leave the cue to the infinitive
  {
    let n = ce;
    while (n < s1 && tokens[n]!.pos === "ADV") n++;
    // … unless the infinitive has nothing to report ("declined to comment")
    if (n + 1 < s1 && tokens[n]!.lower === "to" && tokens[n + 1]!.pos === "VERB" && n + 2 < s1 && isWordTok(tokens[n + 2]!) && matchCue(ctx, n + 1, s1)) return null;
  }

  let ls = controller ?? leftSpeaker(ctx, speakerFrom, s0, s1);
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
  if (PERCEPTION.has(cue.lemma) && !perceivedAs(ctx, ce, s1)) return null;
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
  // "vowed to crush the revolt and deployed the army", "called it treasonous and deployed …": an infinitive's or a
  // judgement's report ends before a verb in the past tense joined to it
  if (cue.frame === "object" || (c + 1 < end && tokens[c]!.lower === "to" && tokens[c + 1]!.pos === "VERB")) {
    for (let m = c + 1; m + 1 < end; m++) {
      const next = tokens[m + 1]!;
      if (ctx.inQuote[m]! < 0 && tokens[m]!.pos === "CCONJ" && next.pos === "VERB" && next.lower !== next.lemma && !next.lower.endsWith("ing")) {
        end = tokens[m - 1]!.text === "," ? m - 1 : m;
        break;
      }
    }
  }
  // "militants attacked a base": a cue that also names a blow, with a thing struck as its object, tells a deed
  if (cue.frame === "object" && strikesThing(ctx, c, end)) return null;
  const content = complementOk(ctx, c, end, cue.frame) ? charSpan(ctx, c, end) : null;
  return frameOf(base, "pre", ls.np, ls.ext, ls.antecedent, content, c, first);
}

/**
 * The subject of the main clause after a fronted participle or gerund phrase ("Citing
 * X, Trump accused …", "In defending himself, Trump offered …"): the phrase after the
 * phrase's comma, when a verb follows it; and where that comma is.
 */
function frontedSubject(ctx: FrameContext, i: number, s1: number): { speaker: LeftSpeaker; comma: number } | null {
  const { tokens } = ctx;
  let comma = -1;
  for (let m = i + 1; m < s1 && m < i + 30; m++) {
    if (ctx.inQuote[m]! >= 0) continue;
    if (tokens[m]!.text === ",") {
      comma = m;
      break;
    }
    if (tokens[m]!.pos === "AUX" || tokens[m]!.text === ";" || tokens[m]!.text === ":") return null;
  }
  if (comma < 0) return null;
  const np = rightNp(ctx, comma + 1, s1);
  if (!np) return null;
  let v = np[1];
  while (v < s1 && (tokens[v]!.pos === "ADV" || timeAt(ctx, v))) v++;
  if (v >= s1 || !(tokens[v]!.pos === "VERB" || tokens[v]!.pos === "AUX") || tokens[v]!.lower.endsWith("ing")) return null;
  return { speaker: { np, ext: np, antecedent: null }, comma };
}

/** Verbs whose object is the subject of the infinitive after it ("forced Stumpf to admit"), that are no cues themselves. */
const OBJECT_CONTROL = new Set(["force", "allow", "persuade", "convince", "pressure", "prompt", "compel", "challenge", "dare", "get", "enable", "lead", "push", "require", "inspire", "motivate", "help"]);

/**
 * Who speaks a cue in an infinitive "to V": the index of the verb whose subject it is
 * ("went on to say", "was able to tout", "never missed an opportunity to remind",
 * "gathered Friday to discuss"), or the phrase that controls it ("forced Stumpf, who …,
 * to admit", "difficult for Trump to attack them"); null when none is found.
 */
function infinitiveSubject(ctx: FrameContext, to: number, s0: number, s1: number): number | LeftSpeaker | null {
  const { tokens } = ctx;
  let g = to - 1;
  while (g >= s0 && ctx.inQuote[g]! < 0 && (tokens[g]!.pos === "ADV" || tokens[g]!.pos === "ADP" || timeAt(ctx, g))) g--;
  if (g < s0 || ctx.inQuote[g]! >= 0) return null;
  const t = tokens[g]!;
  if (t.pos === "VERB" || (t.pos === "NOUN" && matchCue(ctx, g, s1))) return g;
  // "his best response was to say", "their gut reaction is to tell": the subject's
  if (t.pos === "AUX" && BE.has(t.lower) && g === to - 1) return g;
  if (t.pos === "ADJ") {
    // "was able to", "is ready to", "seemed eager to": the linking verb's subject
    let p = g - 1;
    while (p >= s0 && (tokens[p]!.pos === "ADV" || (tokens[p]!.pos === "PART" && tokens[p]!.lower !== "to"))) p--;
    if (p < s0 || ctx.inQuote[p]! >= 0 || !(BE.has(tokens[p]!.lower) || LINKING.has(tokens[p]!.lemma))) return null;
    // "it's too early to discuss": no one
    const subj = p - 1 >= s0 ? tokens[p - 1]!.lower : "";
    return subj === "it" || subj === "there" || subj === "this" || subj === "that" ? null : p;
  }
  // a phrase before "to", perhaps with a relative clause set off by commas
  let e = g;
  if (t.text === "," && g - 1 >= s0) {
    let k = g - 1;
    while (k > s0 && k > g - 30 && !(tokens[k]!.text === "," && ctx.inQuote[k]! < 0)) k--;
    if (tokens[k]!.text !== "," || k + 1 >= g || !RELATIVE.has(tokens[k + 1]!.lower)) return null;
    e = k - 1;
  }
  const np = e >= s0 && e < g + 1 && ctx.inQuote[e]! < 0 && OBJECT_PRONOUNS.has(tokens[e]!.lower) ? ([e, e + 1] as [number, number]) : npEndingAt(ctx, e, s0, s1);
  if (!np || np[0] <= s0) return null;
  const b = tokens[np[0] - 1]!;
  if (ctx.inQuote[np[0] - 1]! >= 0) return null;
  // "difficult for Trump to attack them", "forced Stumpf to admit"
  if (b.lower === "for" || (b.pos === "VERB" && OBJECT_CONTROL.has(b.lemma))) return { np, ext: np, antecedent: null };
  if (e !== g || tokens[np[1] - 1]!.pos !== "NOUN") return null;
  // "never missed an opportunity to remind", "spoke at a gathering of conservatives to discuss": the verb's subject
  if (b.pos === "VERB" && !b.lower.endsWith("ing")) return np[0] - 1;
  if (b.pos === "ADP" && np[0] - 2 >= s0 && tokens[np[0] - 2]!.pos === "VERB" && !tokens[np[0] - 2]!.lower.endsWith("ing")) return np[0] - 2;
  return null;
}

/**
 * An evidential verb ("RT can seem like just another entrant", "Republicans seem confident
 * they have the votes", "it appeared that Trump was unable to …"): the clause is a view no
 * one in the text holds, so it has no speaker.
 */
function evidentialFrame(ctx: FrameContext, s0: number, s1: number, i: number, ce: number, base: Base): AttributionFrame | null {
  const { tokens } = ctx;
  if (ce >= s1 || ctx.inQuote[ce]! >= 0) return null;
  const n = tokens[ce]!;
  const complement = n.lower === "that" || n.lower === "like" || n.pos === "ADJ" || (n.lower === "to" && ce + 1 < s1 && (tokens[ce + 1]!.pos === "VERB" || tokens[ce + 1]!.pos === "AUX")) || (n.lower === "as" && ce + 1 < s1 && (tokens[ce + 1]!.lower === "if" || tokens[ce + 1]!.lower === "though"));
  if (!complement) return null;
  // "Trump appeared to suggest that S": the cue after it speaks
  if (n.lower === "to" && matchCue(ctx, ce + 1, s1)) return null;
  // "Republicans seem confident that S": the stance adjective has a speaker
  if (ctx.lex.adjectives.has(n.lower)) return null;
  // the clause: from its subject ("… you can see why RT can seem …") to the sentence's end
  const ls = leftSpeaker(ctx, i, s0, s1);
  let a = ls && !RELATIVE.has(tokens[ls.np[0]]!.lower) ? ls.np[0] : -1;
  if (a < 0) {
    a = i;
    while (a > s0 && ctx.inQuote[a - 1]! < 0 && tokens[a - 1]!.text !== "," && tokens[a - 1]!.pos !== "SCONJ" && tokens[a - 1]!.pos !== "CCONJ") a--;
  }
  const expletive = tokens[a]!.lower === "it" && a + 1 <= i;
  const content = expletive ? charSpan(ctx, n.lower === "that" ? ce + 1 : ce, s1) : charSpan(ctx, a, s1);
  if (!content) return null;
  return frameOf(base, "pre", null, null, null, content, a, a);
}

/** Verbs of perception that report a view only as "see X as Y" or "see that S" ("has seen lower numbers" reports nothing). */
const PERCEPTION = new Set(["see"]);

/** Does a that-clause, or an "as" predicate within the clause, follow the cue? */
function perceivedAs(ctx: FrameContext, ce: number, s1: number): boolean {
  const { tokens } = ctx;
  if (ce < s1 && tokens[ce]!.lower === "that" && ctx.inQuote[ce]! < 0) return true;
  for (let k = ce; k < s1 && k < ce + 12; k++) {
    const t = tokens[k]!;
    if (ctx.inQuote[k]! >= 0 || t.pos === "PUNCT" || t.pos === "VERB" || t.pos === "AUX") return false;
    if (t.lower === "as") return true;
  }
  return false;
}

/**
 * A passive cue with no agent reports its clause with no speaker: "He has been harshly
 * criticized for policies …", "Obama's veto is expected to come before Friday". The
 * clause runs from the subject to the sentence's end.
 */
function agentlessPassive(ctx: FrameContext, s0: number, s1: number, i: number, ce: number, base: Base): AttributionFrame | null {
  const { tokens } = ctx;
  if (!(sayLike(base.frame) || base.frame === "object" || base.frame === "think") || NO_PASSIVE.has(tokens[i]!.lemma)) return null;
  // something must follow the cue: "is expected to V", "was criticized for S", "was called a charlatan"
  let k = ce;
  while (k < s1 && ctx.inQuote[k]! < 0 && (tokens[k]!.pos === "ADV" || timeAt(ctx, k))) k++;
  if (k >= s1 || tokens[k]!.pos === "PUNCT" || tokens[k]!.lower === "by") return null;
  // "Moon was quoted as saying S", "he is expected to announce S": the cue after it speaks
  if ((tokens[k]!.lower === "as" || tokens[k]!.lower === "to") && k + 1 < s1 && matchCue(ctx, k + 1, s1)) return null;
  const ls = leftSpeaker(ctx, i, s0, s1);
  if (!ls) return null;
  const a = ls.np[0];
  // "It is expected that S" reports S
  if (ls.np[1] - a === 1 && tokens[a]!.lower === "it" && tokens[k]!.lower === "that") {
    const that = charSpan(ctx, k + 1, s1);
    return that ? frameOf(base, "pre", null, null, null, that, k + 1, a) : null;
  }
  const content = charSpan(ctx, a, s1);
  if (!content) return null;
  return frameOf(base, "pre", null, null, null, content, a, a);
}

/** Cues of perception and discovery: their passive ("was heard by 10 judges", "were found by police") reports nothing. */
const NO_PASSIVE = new Set(["hear", "read", "learn", "find", "show", "see", "tie"]);

/**
 * A passive cue with its agent: what was said, written or judged is the subject, the
 * agent speaks ("The registration issue was first reported by The Washington Post",
 * "Clinton has been endorsed by dozens of papers", "a view echoed by everyone I interviewed").
 * A passive of telling or asking ("was told by", "was asked by") has its addressee for a subject.
 */
function passiveFrame(ctx: FrameContext, s0: number, s1: number, i: number, ce: number, base: Base, reduced: boolean): AttributionFrame | null {
  const { tokens } = ctx;
  if (!(sayLike(base.frame) || base.frame === "object" || base.frame === "think") || NO_PASSIVE.has(ctx.tokens[i]!.lemma)) return null;
  // the agent, right after the cue or after its complement ("has been called a charlatan by fellow physicians")
  let k = ce;
  while (k < s1 && k < ce + 10 && ctx.inQuote[k]! < 0 && tokens[k]!.lower !== "by") {
    const w = tokens[k]!;
    if ((w.pos === "PUNCT" && w.text !== "-") || w.pos === "VERB" || w.pos === "AUX" || w.pos === "SCONJ" || w.pos === "CCONJ") return null;
    k++;
  }
  if (k + 1 >= s1 || tokens[k]!.lower !== "by" || ctx.inQuote[k]! >= 0) return null;
  const agent = rightNp(ctx, k + 1, s1);
  if (!agent) return null;
  let subject: [number, number] | null;
  if (reduced) {
    subject = npEndingAt(ctx, i - 1, s0, s1);
    // "to address objections voiced by X": the verb before the phrase is not part of it
    while (subject && subject[0] < subject[1] - 1 && tokens[subject[0]]!.pos === "VERB") subject = [subject[0] + 1, subject[1]];
  } else {
    const ls = leftSpeaker(ctx, i, s0, s1);
    subject = ls ? (ls.antecedent ?? ls.np) : null;
  }
  // "It was first declared by Nixon": a pronoun is no report
  if (!subject || (subject[1] - subject[0] === 1 && tokens[subject[0]]!.pos === "PRON")) return null;
  const content = charSpan(ctx, subject[0], subject[1]);
  if (!content) return null;
  return frameOf(base, "pre", agent, appositiveAfter(ctx, agent, s1), null, content, subject[0], subject[0]);
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

/** Sources a sentence may open with ("In the latest poll, S"): findings, not the place someone spoke. */
const FINDING_SOURCES = new Set(["poll", "polls", "survey", "surveys", "study", "studies", "report", "analysis", "review", "assessment", "audit", "census", "estimate", "projection", "forecast", "model", "data"]);
/** Venues a sentence may open with ("In a statement, S"): its subject spoke there. */
const SPEECH_VENUES = new Set(["statement", "interview", "speech", "letter", "tweet", "post", "op-ed", "column", "memo", "email", "e-mail", "remarks", "testimony", "filing", "video", "ad", "message", "briefing", "address"]);

/**
 * A sentence that opens with its source and reports with no cue: "In the previous
 * Washington Post/ABC News poll, Clinton led Trump by 5 points" (the poll speaks), "In a
 * statement issued Tuesday, Clinton was more circumspect than …" (its subject speaks there).
 */
function sourcePhraseFrame(ctx: FrameContext, s0: number, s1: number, sIndex: number): AttributionFrame | null {
  const { tokens } = ctx;
  let a = s0;
  while (a < s1 && (tokens[a]!.pos === "CCONJ" || tokens[a]!.pos === "ADV")) a++;
  if (a + 2 >= s1 || ctx.inQuote[a]! >= 0) return null;
  if (tokens[a]!.lower !== "in") return pollPhraseFrame(ctx, s0, s1, sIndex);
  // the phrase up to its comma, and its head: the last noun before a participle or the comma
  let comma = -1;
  let head = -1;
  for (let m = a + 1; m < s1 && m < a + 20; m++) {
    if (ctx.inQuote[m]! >= 0) return null;
    const t = tokens[m]!;
    if (t.text === ",") {
      comma = m;
      break;
    }
    // the last such noun ("the Washington Post/ABC News poll" is a poll)
    if (t.pos === "NOUN" && (FINDING_SOURCES.has(t.lower) || SPEECH_VENUES.has(t.lower))) head = m;
    if (t.pos === "VERB" && head < 0) return null;
  }
  if (comma < 0 || head < 0 || comma + 2 >= s1) return null;
  // a participle phrase goes with the source: "In the poll, conducted in early September, S"
  let phraseEnd = comma;
  if (tokens[comma + 1]!.pos === "VERB") {
    for (let m = comma + 2; m < s1 && m < comma + 16; m++) {
      if (ctx.inQuote[m]! >= 0) break;
      if (tokens[m]!.text === ",") {
        comma = m;
        break;
      }
    }
  }
  const rest = charSpan(ctx, comma + 1, s1);
  if (!rest || !hasVerb(ctx, comma + 1, s1)) return null;
  const base: Base = { sentence: sIndex, frame: "prep", cue: [a, a + 1], antecedent: null };
  if (FINDING_SOURCES.has(tokens[head]!.lower)) {
    const np: [number, number] = [a + 1, head + 1];
    return frameOf(base, "pre", np, [a + 1, phraseEnd], null, rest, comma + 1, a);
  }
  // a venue: the main clause's subject spoke there
  const np = rightNp(ctx, comma + 1, s1);
  if (!np) return null;
  return frameOf(base, "pre", np, np, null, rest, comma + 1, a);
}

/** Polls as sources inside a clause: "Trump did fare well in online and snap polls", "Trump was at the top of national polls". */
const POLLS = new Set(["poll", "polls", "survey", "surveys"]);

/** A clause that ends with the polls it comes from: "S in/of … polls (conducted …)." The polls speak. */
function pollPhraseFrame(ctx: FrameContext, s0: number, s1: number, sIndex: number): AttributionFrame | null {
  const { tokens } = ctx;
  for (let p = s0 + 2; p < s1 - 1; p++) {
    const t = tokens[p]!;
    if (ctx.inQuote[p]! >= 0 || t.pos !== "ADP" || (t.lower !== "in" && t.lower !== "of")) continue;
    // the phrase's head: the first noun that is no modifier
    let h = p + 1;
    while (h < s1 && h < p + 8 && ctx.inQuote[h]! < 0 && (tokens[h]!.pos === "DET" || tokens[h]!.pos === "ADJ" || tokens[h]!.pos === "NUM" || tokens[h]!.pos === "PROPN" || tokens[h]!.pos === "CCONJ" || (tokens[h]!.pos === "NOUN" && !POLLS.has(tokens[h]!.lower)))) h++;
    if (h >= s1 || !POLLS.has(tokens[h]!.lower) || tokens[h]!.pos !== "NOUN") continue;
    // the phrase ends the clause ("… polls." / "… polls conducted after …")
    const after = h + 1 < s1 ? tokens[h + 1]! : null;
    if (after && !(after.pos === "PUNCT" || (after.pos === "VERB" && /(?:ed|en)$/.test(after.lower)))) continue;
    let verb = false;
    for (let m = s0; m < p && !verb; m++) verb = ctx.inQuote[m]! < 0 && (tokens[m]!.pos === "VERB" || (tokens[m]!.pos === "AUX" && tokens[m]!.lower !== "'s" && tokens[m]!.lower !== "’s"));
    if (!verb) return null;
    const content = charSpan(ctx, s0, p);
    if (!content) return null;
    const base: Base = { sentence: sIndex, frame: "prep", cue: [p, p + 1], antecedent: null };
    return frameOf(base, "post", [p + 1, h + 1], [p + 1, h + 1], null, content, s0, p);
  }
  return null;
}

/** Is the head of the phrase at c a thing struck ("a police station", "the convoy", "army posts")? */
function strikesThing(ctx: FrameContext, c: number, s1: number): boolean {
  const { tokens } = ctx;
  let h = c;
  while (h < s1 && h < c + 6 && (tokens[h]!.pos === "DET" || tokens[h]!.pos === "ADJ" || tokens[h]!.pos === "NUM" || (tokens[h]!.pos === "NOUN" && tokens[h + 1]?.pos === "NOUN"))) h++;
  const t = tokens[h];
  return !!t && h < s1 && t.pos === "NOUN" && (ctx.lex.targets.has(t.lemma) || ctx.lex.targets.has(t.lower));
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
  // "the plan that Clinton proposed was rejected": an object relative's verb has no object
  if (t.pos === "AUX" && (frame === "object" || frame === "ask")) return false;
  if (WH_ADVERBS.has(t.lower) && t.lower !== "how" && t.lower !== "why") return false;
  if (t.pos === "SCONJ" && !(t.lower === "whether" || t.lower === "if" || t.lower === "how" || t.lower === "why")) return false;
  if ((sayLike(frame) || frame === "tell" || frame === "think" || frame === "object") && t.pos === "ADP" && ADJUNCT_PREPS.has(t.lower) && !hasVerb(ctx, c, s1) && adjunctPhrase(ctx, c + 1, s1)) return false;
  // "declined to be identified": a passive infinitive reports nothing
  if (t.lower === "to" && c + 2 < s1 && ctx.tokens[c + 1]!.lower === "be" && /(?:ed|en)$/.test(ctx.tokens[c + 2]!.lower)) return false;
  return true;
}

/** Is [s0, comma] a noun phrase with a relative clause set off by commas ("Lee, who took office in June,")? */
function relativeSubject(ctx: FrameContext, s0: number, comma: number): boolean {
  const { tokens } = ctx;
  if (tokens[comma]!.text !== ",") return false;
  for (let k = s0 + 1; k < comma && k - s0 <= 6; k++) {
    const t = tokens[k]!;
    if (ctx.inQuote[k]! >= 0 || t.pos === "VERB" || t.pos === "AUX") return false;
    if (t.text === ",") return RELATIVE.has(tokens[k + 1]?.lower ?? "") && hasVerb(ctx, k + 2, comma);
  }
  return false;
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
  // … and not a subject with a relative clause: "Lee, who took office in June, said the two neighbors …"
  if (p >= s0 && relativeSubject(ctx, s0, p)) return null;
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
      else if ((later.frame === "prep" || sayLike(later.frame)) && later.order === "post" && before.text === ",") cut = first - 1; // "…, his campaign manager said."
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
 * A noun cue with its possessor and what it reports: a that-clause ("Trump's claim that
 * there have been thousands of shootings", "his warning that talks would fail"), an
 * infinitive ("Britain's decision to leave the E.U.", "his threat to veto the bill") or
 * what it is about ("his adulation of Putin", "his infamous comment about 47 percent").
 */
function nounFrame(ctx: FrameContext, s0: number, s1: number, i: number, sIndex: number): AttributionFrame | null {
  const { tokens } = ctx;
  if (i + 2 >= s1 || i === s0) return null;
  const next = tokens[i + 1]!;
  if (ctx.inQuote[i + 1]! >= 0) return null;
  const t = tokens[i]!;
  const cue = ctx.lex.nouns.get(t.lemma) ?? ctx.lex.nouns.get(t.lower);
  if (!cue) return null;
  // the possessor, perhaps before adjectives or a noun: "his", "Trump's latest", "his veto"
  let q = i - 1;
  while (q > s0 && q >= i - 3 && ctx.inQuote[q]! < 0 && (tokens[q]!.pos === "ADJ" || (tokens[q]!.pos === "NOUN" && q === i - 1))) q--;
  const p = tokens[q]!;
  let speaker: [number, number] | null = null;
  if (ctx.inQuote[q]! >= 0) speaker = null;
  else if (p.pos === "PRON" && POSSESSIVE.has(p.lower)) speaker = [q, q + 1];
  else if ((p.lower === "'s" || p.lower === "’s" || p.lower === "'" || p.lower === "’") && q - 1 >= s0) {
    const np = npEndingAt(ctx, q - 1, s0, s1);
    if (np) speaker = np;
  }
  // "concerns that S", "worries from Paris to Prague that S": a that-noun needs no possessor
  let that = i + 1;
  let antecedent: [number, number] | null = null;
  if (!speaker) {
    if (!ctx.lex.thatNouns.has(cue.lemma)) return null;
    if ((next.lower === "from" || next.lower === "by" || next.lower === "among") && next.pos === "ADP") {
      const np = rightNp(ctx, i + 2, s1);
      if (np && np[1] < s1 && tokens[np[1]]!.lower === "that") {
        speaker = np;
        that = np[1];
      }
    }
    if (tokens[that]!.lower !== "that") return null;
    if (!speaker) {
      // the object of a verb: "which left little doubt that S", "she expressed concern that S"
      let a = i - 1;
      while (a >= s0 && ctx.inQuote[a]! < 0 && (tokens[a]!.pos === "ADJ" || tokens[a]!.pos === "DET" || tokens[a]!.pos === "NUM" || tokens[a]!.pos === "NOUN" || tokens[a]!.pos === "PROPN")) a--;
      if (a >= s0 && tokens[a]!.pos === "VERB" && !tokens[a]!.lower.endsWith("ing") && ctx.inQuote[a]! < 0) {
        const ls = leftSpeaker(ctx, a, s0, s1);
        if (ls && !objectRelative(ctx, ls.np[0], ls.np[1], s0)) {
          speaker = ls.np;
          antecedent = ls.antecedent;
        }
      }
    }
  }
  let c: number;
  let end = s1;
  if (tokens[that]!.lower === "that") c = that + 1;
  else if (next.lower === "to" && tokens[i + 2]!.pos === "VERB") {
    c = i + 1;
    end = phraseEnd(ctx, i + 3, s1);
  } else if (next.pos === "ADP" && NOUN_PREPS.has(next.lower)) {
    c = i + 2;
    end = phraseEnd(ctx, c, s1);
  } else return null;
  // a that-clause, not a relative clause ("the claim that was rejected")
  if (c >= s1 || ctx.inQuote[c - 1]! >= 0 || (tokens[c - 1]!.lower === "that" && (tokens[c]!.pos === "VERB" || tokens[c]!.pos === "AUX" || tokens[c]!.pos === "PUNCT"))) return null;
  const content = charSpan(ctx, c, end);
  if (!content) return null;
  return frameOf({ sentence: sIndex, frame: "noun", cue: [i, i + 1], antecedent: null }, "pre", speaker, speaker, antecedent, content, c, speaker ? speaker[0] : i);
}

/** Prepositions that take what a noun cue is about ("criticism of", "comment about", "attacks on"). */
const NOUN_PREPS = new Set(["of", "about", "on", "against", "toward", "towards", "for", "over"]);

/** Where a phrase after a noun cue ends: at a comma, a semicolon or dash, or a finite verb (the sentence's own). */
function phraseEnd(ctx: FrameContext, a: number, s1: number): number {
  const { tokens } = ctx;
  for (let m = a; m < s1; m++) {
    if (ctx.inQuote[m]! >= 0) continue;
    const t = tokens[m]!;
    if (t.text === "," || t.text === ";" || t.text === "—" || t.text === "--" || t.text === "–" || t.text === ":") return m;
    if (t.pos === "AUX" || (t.pos === "VERB" && !t.lower.endsWith("ing") && !(m > a && tokens[m - 1]!.lower === "to"))) return m;
  }
  return s1;
}

/** Adjectives that take an infinitive as a prediction, not a stance ("is certain to win"). */
const RAISING = new Set(["certain", "sure", "clear", "likely", "unlikely", "bound", "set"]);

/** Verbs that link a subject to a stance adjective ("is convinced", "remains skeptical"). */
const LINKING = new Set(["be", "become", "remain", "seem", "appear", "feel", "grow", "sound", "stay"]);
/** Prepositions that take what a stance is about ("critical of", "worried about", "silent on"). */
const STANCE_PREPS = new Set(["of", "about", "on", "over", "with", "to", "toward", "towards", "in", "at"]);

/**
 * A stance adjective after a linking verb, with what it holds or is about: "She is
 * convinced that S", "Graham has been critical of Trump", "Republicans seem confident
 * they have the votes", "he was eager to leave". The subject speaks; "It is clear that"
 * has no one behind it.
 */
function adjectiveFrame(ctx: FrameContext, s0: number, s1: number, i: number, sIndex: number): AttributionFrame | null {
  const { tokens } = ctx;
  const cue = ctx.lex.adjectives.get(tokens[i]!.lower);
  if (!cue || i + 1 >= s1) return null;
  let p = i - 1;
  while (p >= s0 && ctx.inQuote[p]! < 0 && (tokens[p]!.pos === "ADV" || (tokens[p]!.pos === "PART" && tokens[p]!.lower !== "to"))) p--;
  if (p < s0 || ctx.inQuote[p]! >= 0) return null;
  const link = tokens[p]!;
  if (!(BE.has(link.lower) || LINKING.has(link.lemma))) return null;
  // what the stance holds: a that-clause, a clause, an infinitive, or a phrase after its preposition
  const n = tokens[i + 1]!;
  let c: number;
  if (n.lower === "that" && ctx.inQuote[i + 1]! < 0) c = i + 2;
  else if (n.lower === "to" && i + 2 < s1 && (tokens[i + 2]!.pos === "VERB" || tokens[i + 2]!.pos === "AUX")) {
    // "the deal is certain to shape his legacy" predicts; it holds no stance
    if (RAISING.has(tokens[i]!.lower)) return null;
    c = i + 1;
  } else if (n.pos === "ADP" && STANCE_PREPS.has(n.lower)) c = i + 2;
  else if ((n.pos === "PRON" && PERSONAL.has(n.lower)) || ((n.pos === "DET" || n.pos === "PROPN") && hasVerb(ctx, i + 1, Math.min(s1, i + 8)))) c = i + 1;
  else return null;
  if (c >= s1) return null;
  const ls = leftSpeaker(ctx, p, s0, s1);
  if (!ls) return null;
  const head = tokens[ls.np[1] - 1]!;
  if (ls.np[1] - ls.np[0] === 1 && head.pos === "PRON" && !PERSONAL.has(head.lower) && !RELATIVE.has(head.lower)) return null;
  if (head.lower === "it" || head.lower === "there" || head.lower === "this" || head.lower === "that") return null;
  // a relative clause's stance ends with the clause: "Clinton, who is critical of the deal, said …"
  let end = s1;
  if (RELATIVE.has(tokens[ls.np[0]]!.lower)) {
    for (let m = c; m < s1; m++) {
      if (tokens[m]!.text === "," && ctx.inQuote[m]! < 0) {
        end = m;
        break;
      }
    }
  }
  const content = charSpan(ctx, c, end);
  if (!content) return null;
  return frameOf({ sentence: sIndex, frame: "adj", cue: [i, i + 1], antecedent: null }, "pre", ls.np, ls.ext, ls.antecedent, content, c, ls.ext[0]);
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
