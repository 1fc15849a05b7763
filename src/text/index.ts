// Sentences and tokens (with POS and lemma) for the analysable segments.
// wink-nlp tokenises and tags; we compute offsets, repair the tokens it splits
// wrongly on news text ("U.S.", "DPRK-U.S.", "Jae-in") and split sentences
// ourselves, because wink's splitter breaks at the stops inside "U.S.".

import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Doc } from "../pipeline/doc.js";
import type { Sentence, Segment, Token } from "../pipeline/layers.js";
import type { Stage } from "../pipeline/pipeline.js";
import type { Resources } from "../pipeline/resources.js";

type Nlp = ReturnType<typeof winkNLP>;

/** The wink instance for a Resources object; sentence splitting is ours, so wink's is off. */
export function nlpOf(resources: Resources): Nlp {
  return resources.use("nlp", () => winkNLP(model, ["pos"]));
}

interface RawToken {
  start: number;
  end: number;
  pos: string;
  lemma: string;
  spaceBefore: boolean;
}

/** Tokens of one segment from wink, with offsets into the whole text. */
function winkTokens(nlp: Nlp, text: string, seg: Segment): RawToken[] {
  const its = nlp.its;
  const segText = text.slice(seg.start, seg.end);
  const wdoc = nlp.readDoc(segText);
  const tokens = wdoc.tokens();
  const values = tokens.out() as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemma = tokens.out(its.lemma as Parameters<typeof tokens.out>[0]) as string[];
  const out: RawToken[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.trim() === "") continue;
    // wink keeps token text verbatim; find it from the cursor (skipping whitespace it dropped).
    let at = segText.startsWith(v, cursor) ? cursor : segText.indexOf(v, cursor);
    if (at < 0 || at - cursor > 64) continue; // a token wink normalised beyond recognition: skip it
    const start = seg.start + at;
    const end = start + v.length;
    const spaceBefore = at > 0 && /\s/.test(segText[at - 1]!);
    out.push({ start, end, pos: pos[i] ?? "X", lemma: lemma[i] ?? v.toLowerCase(), spaceBefore });
    cursor = at + v.length;
  }
  return out;
}

const INITIALISM = /^(?:[A-Za-z]\.){2,}$/;
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
    for (let k = i + 1; k < raw.length && k < i + 6 && raw[k]!.start === raw[k - 1]!.end; k++) {
      const candidate = text.slice(t.start, raw[k]!.end);
      if (INITIALISM.test(candidate)) {
        j = k;
        merged = { ...t, end: raw[k]!.end, pos: "PROPN", lemma: candidate.toLowerCase() };
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
    while (
      j + 2 < out.length &&
      out[j + 1]!.start === end &&
      text.slice(out[j + 1]!.start, out[j + 1]!.end) === "-" &&
      out[j + 2]!.start === out[j + 1]!.end &&
      WORDISH.test(text.slice(out[j + 2]!.start, out[j + 2]!.end)) &&
      WORDISH.test(text.slice(out[j]!.start, out[j]!.end))
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
    joined.push({ start: t.start, end, pos, lemma: surface.toLowerCase(), spaceBefore: t.spaceBefore });
    i = j;
  }
  // A capitalised word before a hyphenated given name is the family name ("Moon Jae-in",
  // "Park Geun-hye"), whatever wink made of it.
  for (let i = 0; i + 1 < joined.length; i++) {
    const next = joined[i + 1]!;
    if (next.start > joined[i]!.end + 1 || !HYPHENATED_GIVEN_NAME.test(text.slice(next.start, next.end))) continue;
    if (/^\p{Lu}\p{Ll}+$/u.test(text.slice(joined[i]!.start, joined[i]!.end))) joined[i] = { ...joined[i]!, pos: "PROPN" };
  }
  return joined;
}

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
    const surface = text.slice(t.start, t.end);
    let endAt = -1; // last token index of the sentence, when it ends here
    if (TERMINAL.has(surface) || /^[.?!]+$/.test(surface)) {
      let k = i;
      while (k + 1 < toks.length && CLOSERS.test(text.slice(toks[k + 1]!.start, toks[k + 1]!.end)) && toks[k + 1]!.start === toks[k]!.end) k++;
      const next = toks[k + 1];
      if (!next || isSentenceStart(text, next) || /\n/.test(text.slice(toks[k]!.end, next.start))) endAt = k;
    } else if (INITIALISM.test(surface)) {
      // An initialism swallowed the stop ("… in the U.S. The talks …"). A capitalised
      // function word after it starts a sentence; a name or noun ("U.S. President") does not.
      const next = toks[i + 1];
      if (next && /^\p{Lu}/u.test(text[next.start]!) && (STARTS_AFTER_INITIALISM.has(next.pos) || STARTERS.has(text.slice(next.start, next.end).toLowerCase()))) endAt = i;
    }
    if (endAt < 0 && lineBreaksEnd) {
      // a line break ends a headline-like line without a final stop (the structure
      // stage has already joined a body paragraph's wrapped lines, so not there)
      const next = toks[i + 1];
      if (next && /\n/.test(text.slice(t.end, next.start)) && isSentenceStart(text, next) && !CONTINUES.has(surface.toLowerCase())) endAt = i;
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

export function tokenize(text: string, segments: readonly Segment[], nlp: Nlp): { tokens: Token[]; sentences: Sentence[] } {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  segments.forEach((seg, segIndex) => {
    if (seg.repeat || seg.end <= seg.start) return;
    const toks = repair(text, winkTokens(nlp, text, seg));
    for (const [a, b] of splitSentences(text, toks, seg.kind !== "body")) {
      const sentence = sentences.length;
      const tokenStart = tokens.length;
      for (let i = a; i < b; i++) {
        const r = toks[i]!;
        const surface = text.slice(r.start, r.end);
        tokens.push({ start: r.start, end: r.end, text: surface, pos: r.pos, lemma: r.lemma, lower: surface.toLowerCase(), sentence, spaceBefore: r.spaceBefore });
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
  run: (doc: Doc, resources: Resources) => tokenize(doc.text, doc.get("structure").segments, nlpOf(resources)),
};
