// Sentences and tokens (with POS and lemma) for the analysable segments.
// wink-nlp tokenises and tags; we compute offsets, repair the tokens it splits
// wrongly on news text ("U.S.", "DPRK-U.S.", "Jae-in") and split sentences
// ourselves, because wink's splitter breaks at the stops inside "U.S.".

import winkNLP from "wink-nlp";
import type { Doc } from "../pipeline/doc.js";
import type { Sentence, Segment, Token } from "../pipeline/layers.js";
import type { Stage } from "../pipeline/pipeline.js";
import type { Resources } from "../pipeline/resources.js";
import { vocabularyOf, type Vocabulary } from "./vocabulary.js";
import { posModel } from "./wink-model.js";
import { foldForWink } from "./letters.js";

type Nlp = ReturnType<typeof winkNLP>;

/** The wink instance for a Resources object; sentence splitting is ours, so wink's is off. */
export function nlpOf(resources: Resources): Nlp {
  return resources.use("nlp", () => winkNLP(posModel() as Parameters<typeof winkNLP>[0], ["pos"]));
}

interface RawToken {
  start: number;
  end: number;
  /** The token's text (text.slice(start, end)). */
  surface: string;
  pos: string;
  lemma: string;
  spaceBefore: boolean;
  /** wink's lexeme id of the surface, -1 for a token we made (a split or a merge). */
  lexeme: number;
}

/** Whitespace as `\s` has it, by code unit (a regex test per token costs more). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A word with a possessive (or "is") clitic: "Obama's", "Brown’s". */
const POSSESSIVE = /^(\p{L}[\p{L}\p{N}.-]*)(['’][sS])$/u;
/** Words whose "'s" is "is" or "has" ("it's", "that's"), not a possessive. */
const CLITIC_SUBJECTS = new Set(["he", "she", "it", "that", "there", "here", "what", "who", "where", "how", "let"]);

/** Tokens of one segment from wink, with offsets into the whole text. */
function winkTokens(nlp: Nlp, text: string, seg: Segment, vocabulary: Vocabulary): RawToken[] {
  const its = nlp.its;
  const segText = text.slice(seg.start, seg.end);
  // (wink reads the folded text; surfaces come from the real one, at the same offsets)
  const winkText = foldForWink(segText);
  const folded = winkText !== segText;
  const wdoc = nlp.readDoc(winkText);
  const tokens = wdoc.tokens();
  const values = tokens.out() as string[];
  const pos = tokens.out(its.pos) as string[];
  const ids = tokens.out(its.uniqueId as Parameters<typeof tokens.out>[0]) as unknown as number[];
  const lemmaOf = (i: number): string => {
    const key = vocabulary.lemmaKey(ids[i]!, pos[i]!);
    let l = vocabulary.lemma(key);
    if (l === undefined) vocabulary.setLemma(key, (l = tokens.itemAt(i)!.out(its.lemma as Parameters<typeof tokens.out>[0]) as string));
    return l;
  };
  const out: RawToken[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.length === 0 || (isSpace(v.charCodeAt(0)) && v.trim() === "")) continue;
    // wink keeps token text verbatim; find it from the cursor (skipping whitespace it dropped).
    let at = winkText.startsWith(v, cursor) ? cursor : winkText.indexOf(v, cursor);
    if (at < 0 || at - cursor > 64) continue; // a token wink normalised beyond recognition: skip it
    const start = seg.start + at;
    const end = start + v.length;
    const spaceBefore = at > 0 && isSpace(segText.charCodeAt(at - 1));
    // a word wink read folded keeps the text's own letters, and is unknown to wink's lexicon and lemmatiser
    const surface = folded ? segText.slice(at, at + v.length) : v;
    const foldedWord = surface !== v;
    // only a word ending in "'s" can hold the clitic (the regex is the costlier test)
    const quote = v.length > 2 ? v.charCodeAt(v.length - 2) : 0;
    const clitic = quote === 39 || quote === 0x2019 ? POSSESSIVE.exec(surface) : null;
    if (clitic) {
      // wink splits "Obama's" the first time it meets it, but once a whole "Obama's" has
      // entered its vocabulary (before a comma, say) it keeps it whole: we split it always,
      // so that a document's tokens do not depend on the documents read before it
      const base = clitic[1]!;
      const baseLower = base.toLowerCase();
      out.push({ start, end: start + base.length, surface: base, pos: pos[i] ?? "X", lemma: baseLower, spaceBefore, lexeme: -1 });
      out.push({ start: start + base.length, end, surface: clitic[2]!, pos: CLITIC_SUBJECTS.has(baseLower) ? "AUX" : "PART", lemma: clitic[2]!.toLowerCase(), spaceBefore: false, lexeme: -1 });
    } else if (foldedWord) out.push({ start, end, surface, pos: pos[i] ?? "X", lemma: surface.toLowerCase(), spaceBefore, lexeme: -1 });
    else out.push({ start, end, surface: v, pos: pos[i] ?? "X", lemma: ids[i] === undefined || pos[i] === undefined ? v.toLowerCase() : lemmaOf(i), spaceBefore, lexeme: ids[i] ?? -1 });
    cursor = at + v.length;
  }
  return out;
}

/** Prefixes that make a verb of a verb ("de-escalate", "re-open", "co-host"). */
const VERB_PREFIXES = new Set(["de", "re", "co", "pre", "counter", "over", "under", "out", "mis", "cross"]);
/** Words after which a prefixed word is a verb: the infinitive's "to", modals and auxiliaries. */
const VERB_LEADS = new Set(["to", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "did", "does", "do", "not", "n't", "never"]);

const INITIALISM = /^(?:[A-Za-z]\.){2,}$/;
/** A token that can begin or continue an initialism wink split ("U", ".", "S."). */
const INITIALISM_PIECE = /^[A-Za-z.]{1,12}$/;
/** Korean-style given names written with a hyphen: "Jae-in", "Geun-hye", "Jong-un". */
const HYPHENATED_GIVEN_NAME = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;
const WORDISH = /^[\p{L}\p{N}][\p{L}\p{N}'’.]*$/u;

/**
 * Merge tokens wink split apart on news text:
 * initialisms ("U" "." "S." → "U.S."), and hyphenated compounds ("Jae" "-" "in",
 * "DPRK" "-" "U.S.", "face" "-" "to" "-" "face"), which are one word.
 */
function repair(text: string, raw: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    // initialisms: adjacent pieces that together read as letter-dot pairs
    let j = i;
    let merged = t;
    // only pieces made of letters and dots can make one, and the first is one letter, with its stop or not
    const lead = t.surface.length === 1 || t.surface.charCodeAt(1) === 46;
    for (let k = i + 1; lead && k < raw.length && k < i + 6 && raw[k]!.start === raw[k - 1]!.end && INITIALISM_PIECE.test(raw[k - 1]!.surface); k++) {
      const candidate = text.slice(t.start, raw[k]!.end);
      if (INITIALISM.test(candidate)) {
        j = k;
        merged = { ...t, end: raw[k]!.end, surface: candidate, pos: "PROPN", lemma: candidate.toLowerCase(), lexeme: -1 };
      }
    }
    if (j > i) {
      t = merged;
      i = j;
    }
    out.push(t);
  }
  // hyphenated compounds: word - word (no spaces), repeatedly
  const joined: RawToken[] = [];
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    let end = t.end;
    let j = i;
    // "then-President Obama": the title stays a word of its own, before the name it titles
    const thenTitle = (t.surface === "then" || t.surface === "Then") && i + 2 < out.length && /^\p{Lu}/u.test(out[i + 2]!.surface);
    while (
      !thenTitle &&
      j + 2 < out.length &&
      out[j + 1]!.start === end &&
      out[j + 1]!.surface === "-" &&
      out[j + 2]!.start === out[j + 1]!.end &&
      WORDISH.test(out[j + 2]!.surface) &&
      WORDISH.test(out[j]!.surface) &&
      // ("assistance for Kyiv-The United States has …", "the victims of the genocide-Jean Bosco Gasasira said": a scraped
      // heading glued to the sentence after it; "anti-American", "post-Soviet", "mid-July" stay whole)
      !GLUED_SENTENCE_START.has(out[j + 2]!.surface) &&
      !(/^\p{Ll}{4,}$/u.test(out[j]!.surface) && !JOINING_PREFIXES.has(out[j]!.surface) && /^\p{Lu}\p{Ll}/u.test(out[j + 2]!.surface))
    ) {
      end = out[j + 2]!.end;
      j += 2;
    }
    if (j === i) {
      joined.push(t);
      continue;
    }
    const surface = text.slice(t.start, end);
    const last = out[j]!;
    const next = out[j + 1];
    let pos: string;
    if (/^\p{Lu}/u.test(surface)) pos = "PROPN";
    else if (next && (next.pos === "NOUN" || next.pos === "PROPN") && last.pos !== "VERB") pos = "ADJ";
    else pos = last.pos === "PUNCT" ? "X" : last.pos;
    joined.push({ start: t.start, end, surface, pos, lemma: surface.toLowerCase(), spaceBefore: t.spaceBefore, lexeme: -1 });
    i = j;
  }
  // "to de-escalate", "will co-host": a prefixed verb after "to" or a modal is a verb, whether wink kept it whole
  // (and called it a noun) or the loop above joined its pieces
  for (let i = 1; i < joined.length; i++) {
    const t = joined[i]!;
    if (t.pos === "VERB" || t.pos === "PROPN") continue;
    const dash = t.surface.indexOf("-");
    if (dash < 2 || !VERB_PREFIXES.has(t.surface.slice(0, dash).toLowerCase()) || !/^\p{Ll}+$/u.test(t.surface.slice(dash + 1))) continue;
    const before = joined[i - 1]!;
    if (!VERB_LEADS.has(before.surface.toLowerCase())) continue;
    joined[i] = { ...t, pos: "VERB", lemma: t.surface.toLowerCase() };
    if (before.surface.toLowerCase() === "to" && before.pos === "ADP") joined[i - 1] = { ...before, pos: "PART" };
  }
  // "a Serb ammunition dump near Pale", "artillery fire on the town": a base-form verb after a singular common noun
  // inside a noun phrase, before a preposition or the phrase's end, is the compound's head noun (a verb there would need -s)
  for (let i = 2; i + 1 < joined.length; i++) {
    const t = joined[i]!;
    if (t.pos !== "VERB" || t.lemma !== t.surface || !/^\p{Ll}+$/u.test(t.surface) || SAME_PAST.has(t.surface)) continue;
    const noun = joined[i - 1]!;
    const next = joined[i + 1]!;
    if (noun.pos !== "NOUN" || !/^\p{Ll}+$/u.test(noun.surface) || (noun.surface.endsWith("s") && !noun.surface.endsWith("ss")) || PLURAL_WITHOUT_S.has(noun.surface)) continue;
    if (!NP_BEFORE_NOUN.has(joined[i - 2]!.pos) || (next.pos !== "ADP" && next.pos !== "PUNCT" && next.pos !== "CCONJ")) continue;
    // (but "will let the army withdraw from Gaza": a bare infinitive after let, make, help …)
    let k = i - 2;
    while (k > 0 && NP_BEFORE_NOUN.has(joined[k]!.pos)) k--;
    if (BARE_INFINITIVE_VERBS.has(joined[k]!.surface.toLowerCase())) continue;
    joined[i] = { ...t, pos: "NOUN" };
  }
  // "supporter Sue Caro", "lawyer Mark Geragos": a capitalised verb inside a sentence, between a word in lower case and a
  // name, is a given name
  for (let i = 1; i + 1 < joined.length; i++) {
    const t = joined[i]!;
    if (t.pos !== "VERB" || !/^\p{Lu}\p{Ll}+$/u.test(t.surface)) continue;
    const prev = joined[i - 1]!;
    const next = joined[i + 1]!;
    if (/^\p{Ll}+$/u.test(prev.surface) && prev.pos !== "PUNCT" && next.pos === "PROPN" && /^\p{Lu}\p{Ll}/u.test(next.surface) && next.start === t.end + 1) joined[i] = { ...t, pos: "PROPN" };
  }
  // A capitalised word before a hyphenated given name is the family name ("Moon Jae-in",
  // "Park Geun-hye"), whatever wink made of it.
  for (let i = 0; i + 1 < joined.length; i++) {
    const next = joined[i + 1]!;
    if (next.start > joined[i]!.end + 1 || !next.surface.includes("-") || !HYPHENATED_GIVEN_NAME.test(next.surface)) continue;
    if (/^\p{Lu}\p{Ll}+$/u.test(joined[i]!.surface)) joined[i] = { ...joined[i]!, pos: "PROPN" };
  }
  return joined;
}

/** Verbs whose past tense is their base form ("the minister quit on Wednesday"). */
const SAME_PAST = new Set(["quit", "put", "set", "cut", "hit", "let", "shut", "cost", "hurt", "spread", "split", "bet", "burst", "cast", "upset", "bid", "broadcast", "forecast", "shed", "read", "beat", "thrust", "rid", "slit", "spit", "wed"]);
/** Lower-case prefixes of four letters or more that join a capitalised word ("anti-American", "trans-Atlantic", "inter-Korean"; shorter ones always join). */
const JOINING_PREFIXES = new Set("anti trans inter intra post cross euro afro former counter multi ultra super semi pseudo quasi extra sino".split(" "));
/** Capitalised words that open a sentence, never the second part of a hyphenated word ("Kyiv-The United States …"). */
const GLUED_SENTENCE_START = new Set("The An In On At But He She It We They This That These Those His Her Their Its Our As After When While For With However Meanwhile".split(" "));
/** Verbs whose object is followed by a bare infinitive ("let the army withdraw"). */
const BARE_INFINITIVE_VERBS = new Set("let lets letting make makes made making help helps helped helping see sees saw seen watch watches watched hear hears heard have has had".split(" "));
/** Nouns that take a plural verb without -s ("the police arrest …"). */
const PLURAL_WITHOUT_S = new Set(["police", "people", "personnel", "staff", "clergy", "military", "public", "media", "youth", "cattle", "militia", "crew", "team", "government", "family"]);
/** Parts of speech that open or fill a noun phrase before a noun. */
const NP_BEFORE_NOUN = new Set(["DET", "ADJ", "NUM", "PROPN", "NOUN"]);

const TERMINAL = new Set([".", "?", "!", "…", "...", "?!", "!?"]);
const CLOSERS = /^["'”’)\]»]+$/;
/** Words that start a new sentence after an initialism ("in the U.S. The talks …"). */
const STARTERS = new Set(
  "the a an this that these those he she it they we i you his her its their our but and so yet however meanwhile in on at after before when while if as since although though there here what why how who".split(" "),
);
/** Parts of speech that, capitalised after an initialism, begin a new sentence. */
const STARTS_AFTER_INITIALISM = new Set(["DET", "PRON", "CCONJ", "SCONJ", "ADP", "AUX", "ADV", "PART"]);
/** Tokens after which a line cannot end a sentence. */
const CONTINUES = new Set("the a an of and or but to in on at for with by from , ; : -".split(" "));

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function isSentenceStart(text: string, t: RawToken): boolean {
  const c = text[t.start]!;
  return /[\p{Lu}\p{N}"'“‘(\[«]/u.test(c);
}

/** Sentence boundaries (token index ranges) within one segment's tokens. */
function splitSentences(text: string, toks: RawToken[], lineBreaksEnd: boolean): [number, number][] {
  const out: [number, number][] = [];
  let begin = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const surface = t.surface;
    let endAt = -1; // last token index of the sentence, when it ends here
    const c0 = surface.charCodeAt(0);
    if ((c0 === 46 || c0 === 63 || c0 === 33 || c0 === 0x2026) && (TERMINAL.has(surface) || /^[.?!]+$/.test(surface))) {
      let k = i;
      while (k + 1 < toks.length && CLOSERS.test(toks[k + 1]!.surface) && toks[k + 1]!.start === toks[k]!.end) k++;
      const next = toks[k + 1];
      if (!next || isSentenceStart(text, next) || hasNewline(text, toks[k]!.end, next.start)) endAt = k;
    } else if (surface.length >= 4 && surface.charCodeAt(surface.length - 1) === 46 && INITIALISM.test(surface)) {
      // An initialism swallowed the stop ("… in the U.S. The talks …"). A capitalised
      // function word after it starts a sentence; a name or noun ("U.S. President") does not.
      const next = toks[i + 1];
      if (next && /^\p{Lu}/u.test(text[next.start]!) && (STARTS_AFTER_INITIALISM.has(next.pos) || STARTERS.has(next.surface.toLowerCase()))) endAt = i;
    }
    if (endAt < 0 && lineBreaksEnd) {
      // a line break ends a headline-like line without a final stop (the structure
      // stage has already joined a body paragraph's wrapped lines, so not there)
      const next = toks[i + 1];
      if (next && next.start > t.end && hasNewline(text, t.end, next.start) && isSentenceStart(text, next) && !CONTINUES.has(surface.toLowerCase())) endAt = i;
    }
    if (endAt >= 0) {
      out.push([begin, endAt + 1]);
      begin = endAt + 1;
      i = endAt;
    }
  }
  if (begin < toks.length) out.push([begin, toks.length]);
  return out;
}

export function tokenize(text: string, segments: readonly Segment[], nlp: Nlp, vocabulary: Vocabulary): { tokens: Token[]; sentences: Sentence[] } {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  segments.forEach((seg, segIndex) => {
    if (seg.repeat || seg.end <= seg.start) return;
    const toks = repair(text, winkTokens(nlp, text, seg, vocabulary));
    for (const [a, b] of splitSentences(text, toks, seg.kind !== "body")) {
      const sentence = sentences.length;
      const tokenStart = tokens.length;
      for (let i = a; i < b; i++) {
        const r = toks[i]!;
        const surface = r.surface;
        const form = r.lexeme >= 0 ? vocabulary.formOfLexeme(r.lexeme, surface) : vocabulary.form(surface.toLowerCase());
        tokens.push({ start: r.start, end: r.end, text: surface, pos: r.pos, lemma: r.lemma, lower: form.lower, form, sentence, spaceBefore: r.spaceBefore });
      }
      sentences.push({ start: toks[a]!.start, end: toks[b - 1]!.end, tokenStart, tokenEnd: tokens.length, segment: segIndex, kind: seg.kind });
    }
  });
  return { tokens, sentences };
}

export const textStage: Stage = {
  name: "text",
  reads: ["structure"],
  writes: ["tokens", "sentences"],
  run: (doc: Doc, resources: Resources) => tokenize(doc.text, doc.get("structure").segments, nlpOf(resources), vocabularyOf(resources)),
};
