// Clauses without a parser: verb groups, and the noun phrases around them (subject,
// object, prepositional phrases), from wink's POS tags and our normalised lemmas.
// Everything works on token indices into the document's tokens layer.

import type { Token } from "../pipeline/layers.js";
import type { EventBook, Grammar, Pattern } from "./book.js";

/** A run of auxiliaries, negators and adverbs ending in a verb: "has also cut", "will not attend". */
export interface VerbGroup {
  /** Token range [start, end) of the group. */
  start: number;
  end: number;
  /** The main verb (or, for a copula without a verb, the last auxiliary). */
  main: number;
  sentence: number;
  /** Lower-cased auxiliaries in order. */
  aux: string[];
  negated: boolean;
  passive: boolean;
  perfect: boolean;
  /** Preceded by infinitival "to". */
  infinitive: boolean;
  /** An -ing form without auxiliary ("killing 20 people"). */
  gerund: boolean;
  /** Only auxiliaries: "is unlikely", "is ready to". */
  copula: boolean;
  /** Past tense (simple past, past perfect, past progressive, past passive). */
  past: boolean;
  /** A modal auxiliary in the group (will, would, could, must, …), lower-cased. */
  modal: string | null;
}

/** A token range [start, end). */
export interface Range {
  start: number;
  end: number;
}

export interface PrepPhrase extends Range {
  /** The preposition's normalised lemma ("with", "between", "in"). */
  prep: string;
  /** Index of the preposition token. */
  at: number;
}

export interface SentenceView {
  index: number;
  start: number;
  end: number;
  groups: VerbGroup[];
}

const NP_POS = new Set(["NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM", "X", "SYM"]);
const NP_INNER_ADP = new Set(["of", "from", "for"]);
/** Words after which a present-tense verb is likely ("calls for", "steps down", "calls off"). */
const VERB_PARTICLES = new Set(["for", "off", "up", "out", "down", "back", "over"]);
/** Prepositions a subject noun phrase may hold ("talks between X and Y", "protesters in Gjilan"). */
const NP_CROSS_ADP = new Set(["in", "at", "between", "with", "against", "on", "over", "among", "near", "including", "throughout", "across"]);
/** Punctuation inside clauses: hyphens, quotes around words ("concrete actions"), short parentheses ("(L)"). */
const TRANSPARENT_PUNCT = new Set(["-", "–", "'", "’", ".", "&", "(", ")", '"', "“", "”", "‘", "``", "''", "/"]);
export const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', "“", "”", "``", "''"]);
const NP_INNER_PUNCT = new Set(["-", "–", ".", "'", "’", "&", "/"]);
const BE = new Set(["be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "get", "got", "gets", "getting", "gotten"]);
const HAVE = new Set(["have", "has", "had", "'ve", "having"]);
const PAST_AUX = new Set(["was", "were", "had", "did", "got"]);
const MODALS = new Set(["will", "would", "shall", "should", "can", "could", "may", "might", "must", "wo", "ca", "'ll", "'d", "ought"]);

/** Nouns wink may take for verbs after a modifier ("U.S. help"), and the verbs that ask for them. */
const HELP_NOUNS: ReadonlySet<string> = new Set(["help", "aid", "support", "backing", "assistance"]);
const ASKING_VERBS: ReadonlySet<string> = new Set(["seek", "ask", "request", "need", "want", "get", "receive", "win", "enlist", "offer", "pledge", "promise", "welcome", "appeal", "demand", "secure", "obtain", "lose"]);

const CLOSED_CLASS = new Set(["PUNCT", "NUM", "SYM", "DET", "CCONJ", "SCONJ", "PRON", "PART", "ADP", "INTJ"]);

/** Tokens that make the normalised-lemma view of a document. */
export class TokenView {
  readonly norm: string[];
  /** POS tags, with our repairs (present-tense verbs wink took for nouns). */
  readonly pos: string[];
  readonly low: string[];
  constructor(
    readonly tokens: readonly Token[],
    readonly book: EventBook,
    /** The entities layer: a word of a person's name ("Secretary of State James Baker") is never a verb wink missed. */
    private readonly names: readonly { start: number; end: number; type: string; mention: string }[] = [],
  ) {
    const n = tokens.length;
    this.norm = new Array<string>(n);
    this.pos = new Array<string>(n);
    this.low = new Array<string>(n);
    const vocabulary = book.vocabulary;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      const lower = t.lower;
      this.pos[i] = t.pos;
      this.low[i] = lower;
      // closed classes are looked up by their form
      if (CLOSED_CLASS.has(t.pos)) {
        this.norm[i] = lower;
        continue;
      }
      // wink's lemma when the book knows it, else the word, else a de-inflected form (memoised on the word form)
      const lemma = t.lemma;
      const form = t.form;
      if (vocabulary.has(lemma)) this.norm[i] = lemma;
      else if (form.inEventBook === 1 || (form.inEventBook < 0 && (form.inEventBook = vocabulary.has(lower) ? 1 : 0) === 1)) this.norm[i] = lower;
      // a name is no inflected word: "United" is not "unit"
      else if (t.pos === "PROPN" && (lower.endsWith("ed") || lower.endsWith("ing"))) this.norm[i] = lower;
      else {
        // wink's lemma lower-cased when the book knows it, else the word's de-inflected form the book
        // knows (memoised: it depends on the word alone), else wink's lemma
        const ll = lemma.toLowerCase();
        if (ll !== lemma && vocabulary.has(ll)) this.norm[i] = ll;
        else {
          const d = form.eventLemma ?? (form.eventLemma = deinflected(lower, vocabulary) ?? "");
          this.norm[i] = d !== "" ? d : ll;
        }
      }
    }
    this.repairVerbs();
  }

  /**
   * Whether token i is a word of a list of the book's grammar: by its lemma (wink's or ours), its
   * lower-case form, or the last part of a hyphenated word ("anti-government").
   */
  isWord(i: number, list: ReadonlySet<string>): boolean {
    const low = this.low[i]!;
    if (list.has(low) || list.has(this.norm[i]!)) return true;
    const lemma = this.tokens[i]!.lemma;
    if (lemma !== low && list.has(lemma)) return true;
    // (a plural wink took for a name keeps its form: "Rebels attacked …")
    const n = low.length;
    if (n > 3 && low.charCodeAt(n - 1) === 115 && low.charCodeAt(n - 2) !== 115 && list.has(low.slice(0, -1))) return true;
    if (low.indexOf("-") < 0) return false;
    const tail = hyphenTail(low);
    return tail !== null && (list.has(tail) || (tail.endsWith("s") && list.has(tail.slice(0, -1))));
  }

  /** Whether any token of a range is a word of a list (isWord). */
  hasWord(r: Range, list: ReadonlySet<string>): boolean {
    for (let i = r.start; i < r.end; i++) if (this.isWord(i, list)) return true;
    return false;
  }

  /**
   * wink tags news verbs in the present tense as nouns ("Iraq attacks Syria", "Germany plans
   * to …", "Moon calls for …"). A plural-looking word right after a name, before any verb of
   * its clause, whose stem the book knows as a verb, is that verb.
   */
  private repairVerbs(): void {
    const { pos, low, norm, tokens } = this;
    const book = this.book;
    const irregular = book.grammar.irregular;
    const isBookVerb = (w: string) => book.verbs.has(w) || book.frames.has(w);
    // participles wink takes for verbs that are adjectives before a noun: "Syrian government-backed troops",
    // "carried out coordinated attacks"; and a quantifier between auxiliary and verb is no determiner ("have both indicted")
    // ("to help support the rights of": a bare infinitive after "help" or "let" is a verb)
    const floating = book.grammar.floatingQuantifiers;
    const bareHeads = book.grammar.bareInfinitiveHeads;
    for (let i = 1; i + 1 < pos.length; i++) {
      const p = pos[i]!;
      if (p === "DET") {
        if (pos[i - 1] === "AUX" && pos[i + 1] === "VERB" && floating.has(low[i]!)) pos[i] = "ADV";
        continue;
      }
      if (p === "NOUN") {
        if (pos[i - 1] === "VERB" && bareHeads.has(norm[i - 1]!) && isBookVerb(norm[i]!)) {
          const nx = pos[i + 1]!;
          if (nx === "DET" || nx === "PROPN" || nx === "PRON" || nx === "NUM") pos[i] = "VERB";
        }
        continue;
      }
      if (p !== "VERB") continue;
      const w = low[i]!;
      // ("rebel-held towns": a compound of an irregular participle too)
      const dash = w.lastIndexOf("-");
      if (!(w.endsWith("ed") || (dash > 0 && irregular.has(w.slice(dash + 1)))) || tokens[i + 1]!.sentence !== tokens[i]!.sentence) continue;
      const nx = pos[i + 1]!;
      // (not a hyphenated verb the book knows: "police tear-gassed protesters")
      const compound = dash > 0 && (nx === "NOUN" || nx === "PROPN" || nx === "ADJ") && !isBookVerb(norm[i]!);
      const afterVerb = nx === "NOUN" && (pos[i - 1] === "VERB" || (pos[i - 1] === "ADP" && VERB_PARTICLES.has(low[i - 1]!) && i >= 2 && pos[i - 2] === "VERB"));
      if (compound || afterVerb) pos[i] = "ADJ";
    }
    // "… when police opened fire": a noun of a group of people wink took for a verb, before the clause's verb,
    // is its subject (and the past form after it, which wink took for an adjective, the verb)
    const groupNouns = book.grammar.groupNouns;
    for (let i = 0; i + 1 < pos.length; i++) {
      if (pos[i] !== "VERB" || !groupNouns.has(low[i]!) || tokens[i + 1]!.sentence !== tokens[i]!.sentence) continue;
      if (i > 0 && (pos[i - 1] === "AUX" || low[i - 1] === "to" || pos[i - 1] === "PRON")) continue;
      const nx = pos[i + 1]!;
      if (nx !== "VERB" && !(nx === "ADJ" && low[i + 1]!.endsWith("ed") && isBookVerb(norm[i + 1]!))) continue;
      pos[i] = "NOUN";
      if (nx === "ADJ") pos[i + 1] = "VERB";
    }
    // participles wink takes for nouns or adjectives: "a jet, shot down by Turkey", "should have informed"
    for (let i = 1; i < pos.length; i++) {
      const p = pos[i]!;
      if (p !== "NOUN" && p !== "ADJ") continue;
      if (tokens[i]!.sentence !== tokens[i - 1]!.sentence) continue;
      const w = low[i]!;
      const prev = low[i - 1]!;
      // "warplanes are striking Daesh positions": a progressive wink took for an adjective
      if (p === "ADJ" && w.endsWith("ing") && pos[i - 1] === "AUX" && /^(?:be|been|being|was|were|is|are|am)$/.test(prev) && isBookVerb(norm[i]!) && (pos[i + 1] === "PROPN" || pos[i + 1] === "DET" || pos[i + 1] === "NOUN" || pos[i + 1] === "NUM")) {
        pos[i] = "VERB";
        continue;
      }
      const lemma = irregular.get(w) ?? (w.endsWith("ed") ? norm[i]! : null);
      if (!lemma || !isBookVerb(lemma)) continue;
      const next = i + 1 < pos.length ? low[i + 1]! : "";
      const afterAux = pos[i - 1] === "AUX" && /^(?:have|has|had|having|be|been|being|was|were|is|are|am|get|got)$/.test(prev);
      const reducedPassive = (prev === "," || pos[i - 1] === "NOUN") && (next === "by" || (VERB_PARTICLES.has(next) && low[i + 2] === "by") || next === "down" || next === "off");
      // "Israeli soldiers shot and killed a youth": a past form after its subject, coordinated with a verb
      const coordinated = (pos[i - 1] === "NOUN" || pos[i - 1] === "PROPN") && next === "and" && i + 2 < pos.length && pos[i + 2] === "VERB";
      // "Israeli troops shot dead a boy": a past form after its subject with a resultative "dead"
      const resultative = next === "dead" && (pos[i - 1] === "NOUN" || pos[i - 1] === "PROPN");
      // "Qatar mediated between Israel and Hamas": a past form right after a name that opens the sentence, before a preposition
      let opensClause = false;
      if (p === "ADJ" && pos[i - 1] === "PROPN" && (pos[i + 1] === "ADP" || pos[i + 1] === "DET")) {
        let k = i - 1;
        while (k >= 0 && tokens[k]!.sentence === tokens[i]!.sentence && pos[k] === "PROPN") k--;
        opensClause = k < 0 || tokens[k]!.sentence !== tokens[i]!.sentence;
      }
      // "Rioters looted shops", "Suspected jihadists beheaded three villagers": a past form between the clause's
      // subject and its object, with no verb before it, is the verb
      let afterSubject = false;
      if (p === "ADJ" && (pos[i - 1] === "NOUN" || pos[i - 1] === "PROPN") && (pos[i + 1] === "NOUN" || pos[i + 1] === "NUM" || pos[i + 1] === "DET" || pos[i + 1] === "PROPN")) {
        afterSubject = true;
        for (let k = i - 1; k >= 0 && tokens[k]!.sentence === tokens[i]!.sentence; k--) {
          const first = k === 0 || tokens[k - 1]!.sentence !== tokens[k]!.sentence;
          if (pos[k] === "AUX" || (pos[k] === "VERB" && !(first && low[k]!.endsWith("ed"))) || low[k] === "," || pos[k] === "ADP") {
            afterSubject = false;
            break;
          }
        }
      }
      if (!afterAux && !reducedPassive && !coordinated && !resultative && !opensClause && !afterSubject) continue;
      pos[i] = "VERB";
      norm[i] = lemma;
    }
    // "sought U.S. help", "asked for Arab support": after a verb of asking and a modifier, help is a noun
    for (let i = 2; i < pos.length; i++) {
      if (pos[i] !== "VERB" || !HELP_NOUNS.has(low[i]!)) continue;
      const p = pos[i - 1]!;
      if (p !== "PROPN" && p !== "DET" && p !== "ADJ" && low[i - 1] !== "'s" && low[i - 1] !== "’s") continue;
      for (let k = i - 2; k >= 0 && k >= i - 5; k--) {
        if (pos[k] === "VERB" && ASKING_VERBS.has(norm[k]!)) {
          pos[i] = "NOUN";
          break;
        }
        if (pos[k] === "VERB" || pos[k] === "AUX" || pos[k] === "PUNCT") break;
      }
    }
    // "conceded to demands from …": no infinitive takes an -s; the word is a plural noun
    // ("died as a result of torture", "died from beatings": the cause of a death is a noun too)
    for (let i = 1; i < pos.length; i++) {
      if (pos[i] !== "VERB") continue;
      const before = low[i - 1]!;
      if (before === "to") {
        if (!low[i]!.endsWith("s") || low[i]!.endsWith("ss") || tokens[i]!.lemma.toLowerCase() === low[i]) continue;
        pos[i] = "NOUN";
      } else if ((before === "of" || before === "from" || before === "under") && i >= 2 && (norm[i - 2] === "die" || norm[i - 2] === "succumb" || (low[i - 2] === "result" && i >= 5 && norm[i - 5] === "die"))) pos[i] = "NOUN";
    }
    // "tear gas" is a noun; so is "part" in "captured part of a stronghold"
    for (let i = 0; i + 1 < pos.length; i++) {
      if (low[i] === "tear" && low[i + 1] === "gas") pos[i] = "NOUN";
      else if (low[i] === "part" && pos[i] === "ADV" && low[i + 1] === "of") pos[i] = "NOUN";
    }
    // a capitalised word inside a sentence that the book knows as no verb is a name ("opposed to French mediation")
    for (let i = 1; i < pos.length; i++) {
      if (pos[i] !== "VERB" || tokens[i]!.sentence !== tokens[i - 1]!.sentence || !/^\p{Lu}/u.test(tokens[i]!.text)) continue;
      if (/^[“"'‘(:]$/.test(low[i - 1]!) || isBookVerb(norm[i]!)) continue;
      pos[i] = "PROPN";
    }
    let clauseHasVerb = false;
    for (let i = 0; i < pos.length; i++) {
      if (i > 0 && tokens[i]!.sentence !== tokens[i - 1]!.sentence) clauseHasVerb = false;
      const p = pos[i]!;
      if (p === "VERB" || p === "AUX") {
        clauseHasVerb = true;
        continue;
      }
      if (p === "SCONJ" || low[i] === ";" || low[i] === ":") clauseHasVerb = false;
      if (clauseHasVerb || (p !== "NOUN" && p !== "PROPN" && p !== "ADJ") || i === 0 || tokens[i]!.sentence !== tokens[i - 1]!.sentence) continue;
      const w = low[i]!;
      // "Israeli troops shot dead three Palestinians", "Iran alleged that …": a past form wink took for a noun or
      // adjective, after the subject and before its object or clause
      const past = irregular.get(w) ?? (w.endsWith("ed") && (p === "ADJ" || p === "NOUN") ? pastStem(w, isBookVerb) : undefined);
      if (past && past !== w && isBookVerb(past) && (pos[i - 1] === "NOUN" || pos[i - 1] === "PROPN")) {
        const nx = i + 1 < pos.length && tokens[i + 1]!.sentence === tokens[i]!.sentence ? pos[i + 1]! : "";
        // ("alleged on Monday that …")
        const timeThenThat = nx === "ADP" && (low[i + 1] === "on" || low[i + 1] === "in") && low.slice(i + 2, i + 6).includes("that");
        // ("soldiers tortured detainees": a past form wink took for a noun, before a bare noun; not "armed forces")
        const bareObject = nx === "NOUN" && p === "NOUN" && w.endsWith("ed");
        // ("China relaxed restrictions on …": an adjective before a bare noun the verb's own patterns name as
        // its object; not "armed forces")
        // (tested by a function of its own: a closure here would capture the loop's \`i\`, and V8 would make a
        // context for \`i\` at every token of the document)
        const namedObject = nx === "NOUN" && p === "ADJ" && w.endsWith("ed") && namesObject(book.verbs.get(past), norm[i + 1]);
        if (nx === "DET" || nx === "NUM" || nx === "PROPN" || nx === "ADJ" || nx === "PRON" || bareObject || namedObject || (nx === "SCONJ" && low[i + 1] === "that") || (nx === "ADP" && VERB_PARTICLES.has(low[i + 1]!)) || timeThenThat) {
          pos[i] = "VERB";
          norm[i] = past;
          clauseHasVerb = true;
          continue;
        }
      }
      if (p === "ADJ") continue;
      if (!w.endsWith("s") || w.endsWith("ss") || w.length < 4) continue;
      const prev = pos[i - 1]!;
      if (prev !== "PROPN" && !(prev === "PRON" && /^(?:he|she|it)$/.test(low[i - 1]!)) && !(prev === "NOUN" && /^\p{Lu}/u.test(tokens[i - 1]!.text))) continue;
      const next = i + 1 < pos.length && tokens[i + 1]!.sentence === tokens[i]!.sentence ? pos[i + 1]! : "";
      const nextLow = i + 1 < pos.length ? low[i + 1]! : "";
      // "talks between", "attacks on", "protests in" read as nouns; "calls for", "plans to", "attacks Syria" as verbs
      // (a bare noun object in a headline: "Venezuela releases dozens of activists", "Saudi Arabia lifts blockade of Qatar")
      const afterNext = i + 2 < pos.length && tokens[i + 2]!.sentence === tokens[i]!.sentence ? pos[i + 2]! : "";
      const bareObject = next === "NOUN" && (book.grammar.crowdQuantities.has(nextLow) || afterNext === "ADP" || afterNext === "PUNCT" || afterNext === "");
      const verbLike = next === "PROPN" || next === "DET" || next === "NUM" || next === "PRON" || bareObject || (next === "PART" && nextLow === "to") || (next === "ADP" && VERB_PARTICLES.has(nextLow));
      if (!verbLike) continue;
      const stem = norm[i]!;
      if (!book.verbs.has(stem) && !book.frames.has(stem)) continue;
      if (p === "PROPN" && this.inPersonName(i)) continue;
      pos[i] = "VERB";
      clauseHasVerb = true;
    }
  }
  private inPersonName(i: number): boolean {
    const at = this.tokens[i]!.start;
    for (const e of this.names) if (e.type === "PERSON" && e.mention === "name" && e.start <= at && at < e.end) return true;
    return false;
  }

  get grammar(): Grammar {
    return this.book.grammar;
  }
}

/** Whether one of a verb's patterns has a first object group with an alternative starting with the word. */
function namesObject(patterns: readonly Pattern[] | undefined, word: string | undefined): boolean {
  return patterns?.some((pt) => pt.object[0]?.some((alt) => alt[0] === word)) === true;
}

/** The stem of a regular past form that the book knows as a verb ("alleged" → "allege"), or undefined. */
function pastStem(w: string, known: (s: string) => boolean): string | undefined {
  for (const c of [w.slice(0, -1), w.slice(0, -2), w.slice(0, -3) + "y", w.slice(0, -3)]) if (c.length > 2 && known(c)) return c;
  return undefined;
}

/** The last part of a hyphenated word ("pro-government" → "government"), or null. */
function hyphenTail(w: string): string | null {
  const k = w.lastIndexOf("-");
  return k > 0 && k < w.length - 1 ? w.slice(k + 1) : null;
}

/** The lemma to look patterns up by: wink's lemma, the lower-cased word, or a de-inflected form the book knows. */
export function normalise(lemma: string, lower: string, vocabulary: ReadonlySet<string>): string {
  if (vocabulary.has(lemma)) return lemma;
  if (vocabulary.has(lower)) return lower;
  return deinflected(lower, vocabulary) ?? lemma;
}

/** The first de-inflection of a word that the book knows ("attacked" → attack), or null. */
function deinflected(lower: string, vocabulary: ReadonlySet<string>): string | null {
  for (const c of deinflections(lower)) if (vocabulary.has(c)) return c;
  return null;
}

function deinflections(w: string): string[] {
  const out: string[] = [];
  const n = w.length;
  if (n < 4) return out;
  if (w.endsWith("ies")) out.push(w.slice(0, -3) + "y");
  if (w.endsWith("es")) out.push(w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss")) out.push(w.slice(0, -1));
  if (w.endsWith("ied")) out.push(w.slice(0, -3) + "y");
  if (w.endsWith("ed")) {
    out.push(w.slice(0, -2), w.slice(0, -1));
    if (w[n - 3] === w[n - 4]) out.push(w.slice(0, -3));
  }
  if (w.endsWith("ing")) {
    out.push(w.slice(0, -3), w.slice(0, -3) + "e");
    if (w[n - 4] === w[n - 5]) out.push(w.slice(0, -4));
  }
  return out;
}

/** The verb groups of one sentence, in order. */
export function verbGroups(v: TokenView, sentence: number, start: number, end: number): VerbGroup[] {
  const { pos, low, norm } = v;
  const g = v.grammar;
  const out: VerbGroup[] = [];
  let i = start;
  while (i < end) {
    const p = pos[i]!;
    if (p !== "AUX" && p !== "VERB") {
      i++;
      continue;
    }
    // a participle used as an adjective ("the detained vessels", "its confiscated assets") is no verb group
    if (isVerbInNp(pos, low, i, start, end, g.subordinators)) {
      i++;
      continue;
    }
    if (p === "VERB" && i > start && /^\p{Lu}/u.test(v.tokens[i]!.text) && !/^[“"'‘(:]$/.test(low[i - 1]!) && pos[i + 1] === "DET" && /^\p{Lu}/u.test(v.tokens[i + 2]?.text ?? "")) {
      i++;
      continue;
    }
    const groupStart = i;
    const aux: string[] = [];
    let negated = false;
    let main = -1;
    let j = i;
    while (j < end) {
      const q = pos[j]!;
      if (q === "AUX") {
        aux.push(low[j]!);
        j++;
        continue;
      }
      if ((q === "PART" || q === "ADV" || q === "DET") && g.negators.has(low[j]!) && j > groupStart) {
        negated = true;
        j++;
        continue;
      }
      if (q === "ADV" && j > groupStart && aux.length > 0 && j + 1 < end && (pos[j + 1] === "VERB" || pos[j + 1] === "AUX" || pos[j + 1] === "ADV" || g.negators.has(low[j + 1]!))) {
        j++;
        continue;
      }
      if (q === "VERB") {
        main = j;
        j++;
      }
      break;
    }
    const copula = main < 0;
    if (copula) {
      // only auxiliaries: the last is the head ("is unlikely", "has" as a main verb)
      let k = j - 1;
      while (k > groupStart && pos[k] !== "AUX") k--;
      main = k;
    }
    const mainLow = low[main]!;
    const mainNorm = norm[main]!;
    const hasBe = aux.some((a) => BE.has(a));
    const hasHave = aux.some((a) => HAVE.has(a));
    const ing = mainLow.endsWith("ing");
    const inflected = mainLow !== mainNorm && !ing && !mainLow.endsWith("s");
    // "were hit", "was cut": irregular participles that look like the lemma
    const passive = !copula && hasBe && !ing && (inflected || mainLow.endsWith("ed") || mainLow.endsWith("en") || v.grammar.irregular.get(mainLow) === mainLow);
    const modal = aux.find((a) => MODALS.has(a)) ?? null;
    // "to partially lift": an adverb may split the infinitive
    let before = groupStart - 1;
    while (before > start && pos[before] === "ADV" && groupStart - before < 3) before--;
    const prev = before >= start ? (low[before] === "to" ? "to" : low[groupStart - 1]) : undefined;
    const past = aux.some((a) => PAST_AUX.has(a)) || (aux.length === 0 && !copula && inflected && !ing);
    out.push({
      start: groupStart,
      end: j > groupStart ? j : groupStart + 1,
      main,
      sentence,
      aux,
      negated: negated || aux.some((a) => a.endsWith("n't")),
      passive,
      perfect: hasHave,
      infinitive: prev === "to",
      gerund: ing && aux.length === 0,
      copula,
      past,
      modal,
    });
    i = Math.max(j, groupStart + 1);
  }
  return out;
}

/** A participle or noun wink tagged VERB inside a noun phrase: "the extended bilateral meeting", "Moon's thought". */
export function isVerbInNp(pos: readonly string[], low: readonly string[], i: number, start: number, end: number, subordinators: ReadonlySet<string> = NONE): boolean {
  if (pos[i] !== "VERB" || i + 1 > end) return false;
  // "Ousted President Askar Akayev": a participle opening the sentence before a noun
  // ("Fighting erupted in Huambo", "Shelling continued": a gerund opening the sentence right before its verb is the subject noun)
  if (i === start) return i + 1 < end && (((low[i]!.endsWith("ed") || low[i]!.endsWith("en")) && (pos[i + 1] === "NOUN" || pos[i + 1] === "PROPN" || pos[i + 1] === "ADJ")) || (low[i]!.endsWith("ing") && (pos[i + 1] === "VERB" || pos[i + 1] === "AUX")));
  const prev = pos[i - 1]!;
  const pl = low[i - 1]!;
  if (pl === "'s" || pl === "’s") return true;
  const w = low[i]!;
  const next = i + 1 < end ? pos[i + 1]! : "";
  if (prev === "DET" && pl !== "that" && (next === "NOUN" || next === "ADJ")) return true;
  // "an end to the fighting in Somalia": a gerund after an article is a noun
  if (prev === "DET" && (pl === "the" || pl === "a" || pl === "an") && w.endsWith("ing")) return true;
  // "Fierce fighting broke out": a gerund after an adjective, right before the verb, is its subject noun
  // (wink tags a capitalised adjective opening the sentence as a name)
  if ((prev === "ADJ" || (prev === "PROPN" && i - 1 === start)) && w.endsWith("ing") && (next === "VERB" || next === "AUX")) return true;
  // "killed in fighting between rebels and troops", "during shooting at the border": a gerund after a
  // preposition of setting, with no object of its own, is the noun of the event it names
  if (prev === "ADP" && SCENE_PREPS.has(pl) && w.endsWith("ing") && (i + 1 >= end || next === "ADP" || next === "PUNCT" || next === "CCONJ")) return true;
  // "killed three suspected militants": a participle between a number and its noun
  if (prev === "NUM" && (w.endsWith("ed") || w.endsWith("en")) && (next === "NOUN" || next === "PROPN" || next === "ADJ")) return true;
  // "was killed by suspected drug traffickers", "fighting against armed rebels", "by suspected Islamic
  // militants": a participle between a preposition and its noun modifies the noun (no clause has its verb
  // straight after a preposition)
  if (prev === "ADP" && pl !== "to" && pl !== "that" && w.endsWith("ed") && (next === "NOUN" || next === "ADJ" || next === "PROPN")) return true;
  // "will not accept returned asylum seekers": a participle between a verb and its object noun modifies the noun
  if (prev === "VERB" && next === "NOUN" && w.endsWith("ed") && i >= 2 && pos[i - 2] !== "NOUN" && pos[i - 2] !== "PROPN") return true;
  // "precision guided missiles", "Iranian backed militias": a participle between two nouns modifies the second
  if (prev === "NOUN" && next === "NOUN" && w.endsWith("ed") && i + 2 < end && pos[i + 2] === "VERB") return true;
  if (!(w.endsWith("ed") || w.endsWith("en") || w.endsWith("ing"))) return false;
  // "government-backed troops", "Iranian-led forces": a compound participle before a noun modifies it
  // (after a common noun it is that noun's verb: "police tear-gassed protesters")
  if (w.includes("-") && w.endsWith("ed") && prev !== "NOUN" && (next === "NOUN" || next === "PROPN" || next === "ADJ")) return true;
  if (!((prev === "DET" || prev === "ADJ" || (prev === "PRON" && /^(?:its|their|his|her|our|my|your)$/.test(pl))) && (next === "NOUN" || next === "PROPN" || next === "ADJ"))) return false;
  // "The U.S. military launched air strikes": after an adjective, the participle is the clause's verb when no
  // other verb follows ("the detained vessels were released" has one)
  if (prev === "ADJ" && w.endsWith("ed")) {
    for (let k = i + 1; k < end && k < i + 15; k++) {
      if (pos[k] === "VERB" || pos[k] === "AUX") return true;
      if (pos[k] === "PUNCT" && low[k] !== "-" && low[k] !== "'s") break;
      // (a verb of another clause does not count: "… launched air strikes after some 300 attackers launched …")
      if (pos[k] === "SCONJ" || (pos[k] === "ADP" && subordinators.has(low[k]!) && opensClause(pos, k, end))) break;
    }
    return false;
  }
  return true;
}

const NONE: ReadonlySet<string> = new Set();
const SCENE_PREPS: ReadonlySet<string> = new Set(["in", "during", "amid", "amidst", "despite"]);

/** Whether a clause follows the word at k: a noun or pronoun and then its verb, within a few words. */
function opensClause(pos: readonly string[], k: number, end: number): boolean {
  for (let j = k + 2; j < end && j < k + 8; j++) if (pos[j] === "VERB" && (pos[j - 1] === "NOUN" || pos[j - 1] === "PRON" || pos[j - 1] === "PROPN")) return true;
  return false;
}

const PERSONAL = new Set(["i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them"]);

/** Is token i a year after a determiner or a possessive ("the 1977 treaty", "its 2015 deal", "Iran's 1979 revolution")? */
export function yearAfterDeterminer(v: TokenView, i: number): boolean {
  return i > 0 && /^(?:1[89]|20)\d\d$/.test(v.low[i]!) && YEAR_DETERMINERS.has(v.low[i - 1]!);
}
const YEAR_DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "its", "their", "his", "her", "our", "'s", "’s"]);

export function isNpToken(v: TokenView, i: number): boolean {
  const p = v.pos[i]!;
  if (p === "VERB") return isVerbInNp(v.pos, v.low, i, 0, v.pos.length, v.grammar.subordinators);
  if (NP_POS.has(p)) return !(p === "PRON" && v.grammar.relativizers.has(v.low[i]!)) && !(p === "DET" && v.low[i] === "that" && false);
  if (p === "PART") return v.low[i] === "'s" || v.low[i] === "’s" || v.low[i] === "'";
  // an adverb inside a noun phrase: "three underground nuclear tests", "a very large force"
  if (p === "ADV" && i > 0 && i + 1 < v.pos.length) {
    const prev = v.pos[i - 1]!;
    const next = v.pos[i + 1]!;
    return (prev === "NUM" || prev === "DET" || prev === "ADJ") && (next === "ADJ" || next === "NOUN") && v.tokens[i - 1]!.sentence === v.tokens[i + 1]!.sentence;
  }
  return false;
}

/**
 * The noun phrase ending at token `last` (inclusive), scanning left: nouns, names,
 * determiners, adjectives, numbers, "of"/"from" phrases, coordination, possessives,
 * short parentheses "(L)". Returns null when no noun phrase ends there.
 */
export function npEndingAt(v: TokenView, last: number, floor: number): Range | null {
  let i = last;
  let start = -1;
  let steps = 0;
  let sawConj = false;
  while (i >= floor && steps < 30) {
    steps++;
    const low = v.low[i]!;
    const p = v.pos[i]!;
    if (low === ")" && i - 1 >= floor) {
      // a short parenthesis: "(L)", "(APEC)", "(R1)"
      let k = i - 1;
      while (k >= floor && k > i - 6 && v.low[k] !== "(") k--;
      if (k >= floor && v.low[k] === "(") {
        i = k - 1;
        continue;
      }
      break;
    }
    // a personal pronoun is a noun phrase of its own ("said Wednesday it is sending")
    if (start >= 0 && v.pos[start] === "PRON" && PERSONAL.has(v.low[start]!)) break;
    if (start >= 0 && v.pos[i] === "PRON" && PERSONAL.has(v.low[i]!)) break;
    if (isNpToken(v, i)) {
      // "told a press briefing that Moon said": "that" after a noun or verb opens a clause
      if (low === "that" && start >= 0 && i > floor && (v.pos[i - 1] === "NOUN" || v.pos[i - 1] === "PROPN" || v.pos[i - 1] === "VERB" || v.pos[i - 1] === "ADJ")) break;
      start = i;
      i--;
      continue;
    }
    if (start >= 0 && QUOTE_MARKS.has(low) && i > floor) {
      i--;
      continue;
    }
    // "Thousands of Nigerians from throughout the country": a compound preposition inside the phrase
    if (start >= 0 && i - 1 > floor && NP_CROSS_ADP.has(low) && v.pos[i] === "ADP" && NP_INNER_ADP.has(v.low[i - 1]!) && (v.pos[i - 2] === "NOUN" || v.pos[i - 2] === "PROPN")) {
      start = i - 1;
      i -= 2;
      continue;
    }
    if (start >= 0 && i > floor && (NP_INNER_ADP.has(low) || (NP_CROSS_ADP.has(low) && v.pos[i] === "ADP" && (v.pos[i - 1] === "NOUN" || v.pos[i - 1] === "PROPN"))) && isNpToken(v, i - 1)) {
      start = i;
      i--;
      continue;
    }
    if (start >= 0 && (p === "CCONJ" || low === ",") && i > floor && (isNpToken(v, i - 1) || (p === "CCONJ" && v.low[i - 1] === ")")) && (low !== "," || v.pos[i - 1] === "PROPN")) {
      if (p === "CCONJ" && low !== "and" && low !== "&" && low !== "or") break;
      // a comma joins a list only before its "and": "Iraq, Syria and Turkey", not "If …Syria, Turkey will"
      if (low === "," && (!sawConj || (v.pos[start] !== "PROPN" && v.pos[start] !== "DET"))) break;
      if (p === "CCONJ") sawConj = true;
      start = i;
      i--;
      continue;
    }
    if (start >= 0 && NP_INNER_PUNCT.has(low) && i > floor && isNpToken(v, i - 1)) {
      start = i;
      i--;
      continue;
    }
    break;
  }
  if (start < 0) return null;
  // do not start on a preposition or conjunction
  while (start <= last && !isNpToken(v, start)) start++;
  return start <= last ? { start, end: last + 1 } : null;
}

/** The noun phrase starting at `first`, scanning right (with "of" phrases and coordination). */
export function npStartingAt(v: TokenView, first: number, ceiling: number): Range | null {
  let i = first;
  let end = -1;
  while (i < ceiling && i - first < 30) {
    const low = v.low[i]!;
    if (low === "(") {
      let k = i + 1;
      while (k < ceiling && k < i + 6 && v.low[k] !== ")") k++;
      if (k < ceiling && v.low[k] === ")" && end >= 0) {
        i = k + 1;
        continue;
      }
      break;
    }
    // "warned customers last month that deliveries …": "that" after a noun opens a clause
    if (low === "that" && end >= 0 && (v.pos[i - 1] === "NOUN" || v.pos[i - 1] === "PROPN")) break;
    // an adverb inside a noun phrase: "a very large crowd", "a warm welcome" (wink's tags)
    if (v.pos[i] === "ADV" && (end >= 0 ? v.pos[i - 1] === "DET" || v.pos[i - 1] === "ADJ" : i === first && i > 0 && v.pos[i - 1] === "ADP") && i + 1 < ceiling && (v.pos[i + 1] === "ADJ" || v.pos[i + 1] === "NOUN")) {
      i++;
      continue;
    }
    if (isNpToken(v, i)) {
      if (v.pos[i] === "PRON" && PERSONAL.has(low)) {
        if (end < 0) end = i + 1;
        break;
      }
      end = i + 1;
      i++;
      continue;
    }
    if (QUOTE_MARKS.has(low) && i + 1 < ceiling && isNpToken(v, i + 1)) {
      i++;
      continue;
    }
    if (end >= 0 && i + 1 < ceiling && isNpToken(v, i + 1)) {
      if (low === "of" || low === "and" || low === "&" || low === "or" || NP_INNER_PUNCT.has(low)) {
        i++;
        continue;
      }
      // a list of names: "Iran, Libya, North Korea"
      if (low === "," && v.pos[i - 1] === "PROPN" && (v.pos[i + 1] === "PROPN" || (v.low[i + 1] === "and" && v.pos[i + 2] === "PROPN"))) {
        i++;
        continue;
      }
    }
    break;
  }
  return end > first ? { start: first, end } : null;
}

/** Prepositional phrases following token `from` up to `ceiling`, stopping at verbs and clause punctuation. */
export function prepPhrases(v: TokenView, from: number, ceiling: number, max = 6): PrepPhrase[] {
  const out: PrepPhrase[] = [];
  let i = from;
  while (i < ceiling && out.length < max) {
    const p = v.pos[i]!;
    const low = v.low[i]!;
    if (p === "ADV" || (p === "PART" && low !== "to")) {
      i++;
      continue;
    }
    const isPrep = p === "ADP" || low === "to" || (p === "SCONJ" && (low === "after" || low === "before" || low === "since" || low === "during"));
    if (!isPrep) break;
    let k = i + 1;
    // multi-word prepositions: "ahead of", "in protest against", "on behalf of"
    while (k < ceiling && v.pos[k] === "ADP" && k < i + 3) k++;
    const np = npStartingAt(v, k, ceiling);
    if (!np) break;
    out.push({ start: np.start, end: np.end, prep: v.norm[i]!, at: i });
    i = np.end;
  }
  return out;
}

/** Whether token i closes off a clause for argument search. */
export function isBarrier(v: TokenView, i: number): boolean {
  const low = v.low[i]!;
  const p = v.pos[i]!;
  if (p === "PUNCT") return !TRANSPARENT_PUNCT.has(low);
  if (p === "SCONJ") return true;
  // wink tags "when" and "while" as adverbs: "died when a bomb exploded" opens a new clause all the same
  if (p === "ADV" && WH_SUBORDINATORS.has(low)) return true;
  return false;
}

const WH_SUBORDINATORS = new Set(["when", "whenever", "while", "whereas"]);
