// Who a speaker is. When the actors stage has linked the speaker's words to an
// entity mention, the mention decides: a pronoun or nominal follows its `ref` to
// the named antecedent, whose text is the name and whose actor is the actor.
// Without entities (or when none covers the speaker) the tokens decide: a name is
// the capitalised run in the speaker's words without its titles ("Chinese Foreign
// Ministry spokesperson Hua Chunying" → "Hua Chunying"), a surname takes the full
// name met earlier ("Biegun" → "Stephen Biegun"), and "he"/"she" take the nearest
// person-like name before them.

import type { Entity, Token } from "../pipeline/layers.js";
import { firstEndingAfter } from "../pipeline/spans.js";
import type { Actor } from "../record.js";
import type { QuoteLexicon } from "./lexicon.js";

export interface ResolvedSpeaker {
  name: string | null;
  actor: Actor | null;
  /** Index of the entity mention in the speaker's words, when there is one. */
  entity: number | null;
}

interface NameRun {
  /** Token range of the name itself (titles dropped). */
  start: number;
  end: number;
  /** Character offset where the run ends (for "nearest before"). */
  endChar: number;
  last: string;
  personLike: boolean;
}

const PRONOUN_PERSON = new Set(["he", "she", "him", "her", "his"]);
const POSSESSIVE_PRONOUN = new Set(["his", "her", "its", "their"]);
const CAP = /^\p{Lu}/u;
const NOT_NAME_POS = new Set(["DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "SYM", "NUM"]);

/** A capitalised word that may be part of a name (taggers call some names verbs: "Lynch said"). */
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);

function capitalWord(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  if (c < 65 || (c > 90 && c < 0xc0)) return false;
  return (c <= 90 || CAP.test(t.text)) && (t.pos === "PROPN" || !NOT_NAME_POS.has(t.pos));
}
const ALL_CAPS = /^[\p{Lu}.&-]+$/u;

/** How many parentheses are open at token k, counting from a. */
function depthAt(toks: readonly Token[], a: number, k: number): number {
  let d = 0;
  for (let i = a; i <= k; i++) {
    if (toks[i]!.text === "(") d++;
    else if (toks[i]!.text === ")") d = Math.max(0, d - 1);
  }
  return d;
}

export class SpeakerResolver {
  private runs: NameRun[] | null = null;
  private readonly speakers: { at: number; name: string }[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly entities: readonly Entity[],
    private readonly lex: QuoteLexicon,
    private readonly inQuote: Int32Array,
  ) {}

  /** Resolve a speaker given as a token range (and, for "who", the range it stands for). */
  resolve(span: [number, number], antecedent: [number, number] | null, mention: [number, number] | null = null): ResolvedSpeaker {
    const start = this.tokens[span[0]]!.start;
    const end = this.tokens[span[1] - 1]!.end;
    if (this.entities.length > 0) {
      let viaEntity = this.fromEntities(start, end, antecedent);
      // "Maduro's foreign minister, Yván Gil": the person in the apposition, not the possessor
      if (mention && mention[1] > span[1] && (viaEntity === null || (viaEntity.entity !== null && this.isPossessor(viaEntity.entity)))) {
        const inApposition = this.fromEntities(this.tokens[span[1]]!.start, this.tokens[mention[1] - 1]!.end, null);
        if (inApposition?.entity != null && (this.entities[inApposition.entity]!.type === "PERSON" || this.entities[inApposition.entity]!.type === "ORG")) viaEntity = inApposition;
      }
      // a mention the actors stage could not resolve still gets the tokens' reading of its name;
      // a name that only modifies the speaker's noun is not the speaker's ("a senior Trump adviser": Trump's side, not Trump)
      if (viaEntity && viaEntity.entity !== null && this.isModifier(viaEntity.entity, end)) viaEntity = { ...viaEntity, name: null };
      if (viaEntity) return this.withActor(viaEntity.name !== null ? viaEntity : { ...viaEntity, name: this.nameFromTokens(span, antecedent) });
    }
    return this.withActor({ name: this.nameFromTokens(span, antecedent), actor: null, entity: null });
  }

  /** A speaker named by the text around ("she" after a quotation runs on) takes the actor of a mention of that name. */
  private withActor(r: ResolvedSpeaker): ResolvedSpeaker {
    if (r.actor || !r.name) return r;
    const named = this.entities.find((e) => e.mention === "name" && e.actor && e.text === r.name);
    return named ? { ...r, actor: named.actor } : r;
  }

  private fromEntities(start: number, end: number, antecedent: [number, number] | null): ResolvedSpeaker | null {
    const ents = this.entities;
    // entities are sorted by start: find those overlapping [start, end)
    const lo = firstEndingAfter(ents, start);
    let best = -1;
    for (let k = lo; k < ents.length && ents[k]!.start < end; k++) {
      const e = ents[k]!;
      if (e.end <= start) continue;
      if (best < 0) best = k;
      else {
        const b = ents[best]!;
        // prefer a person, then the later (head) mention
        // (a possessor is not the speaker: "Venezuela's foreign minister")
        const rank = (x: Entity, i: number) => (x.type === "PERSON" ? 2 : 0) + (x.ref !== null || x.mention === "name" ? 1 : 0) - (this.isPossessor(i) ? 4 : 0);
        if (rank(e, k) >= rank(b, best)) best = k;
      }
    }
    if (best < 0) {
      if (antecedent) {
        const a = this.tokens[antecedent[0]]!.start;
        const b = this.tokens[antecedent[1] - 1]!.end;
        return this.fromEntities(a, b, null);
      }
      return null;
    }
    const mention = ents[best]!;
    let root = mention;
    const seen = new Set<number>([best]);
    while (root.ref !== null && root.ref >= 0 && root.ref < ents.length && !seen.has(root.ref)) {
      seen.add(root.ref);
      root = ents[root.ref]!;
    }
    const name = root.mention === "name" ? root.text : mention.mention === "name" ? mention.text : null;
    return { name, actor: mention.actor ?? root.actor ?? null, entity: best };
  }

  /** Is entity i a name before the noun it modifies, inside a speaker's words ending at `end` ("a senior Trump adviser")? */
  private isModifier(i: number, end: number): boolean {
    const e = this.entities[i]!;
    if (e.type !== "PERSON" || e.end >= end) return false;
    const k = firstEndingAfter(this.tokens, e.end);
    const next = this.tokens[k];
    return next !== undefined && next.start >= e.end && next.start < end && next.pos === "NOUN" && /^\p{Ll}/u.test(next.text);
  }

  /** Is entity i a possessor ("Maduro's", "his")? */
  private isPossessor(i: number): boolean {
    const e = this.entities[i]!;
    if (e.mention === "pronoun") return POSSESSIVE_PRONOUN.has(e.text.toLowerCase());
    const next = this.text.slice(e.end, e.end + 2);
    return next === "'s" || next === "’s";
  }

  private nameFromTokens(span: [number, number], antecedent: [number, number] | null): string | null {
    const toks = this.tokens;
    if (span[1] - span[0] === 1) {
      const t = toks[span[0]]!;
      if (t.lower === "who" || t.lower === "which" || t.lower === "that") return antecedent ? this.nameFromTokens(antecedent, null) : null;
      if (PRONOUN_PERSON.has(t.lower)) return this.nearestPerson(t.start);
      if (t.pos === "PRON") return null;
    }
    const run = this.nameIn(span[0], span[1]);
    if (!run) return null;
    if (run.words === 1) return this.fullName(run.last, toks[span[0]]!.start) ?? run.text;
    return run.text;
  }

  /**
   * The name inside a speaker's words: the last capitalised run (joined by "of",
   * "for", initials) outside parentheses, titles and leading initialisms dropped.
   */
  private nameIn(a: number, b: number): { text: string; last: string; words: number } | null {
    const toks = this.tokens;
    const { titles } = this.lex;
    let best: [number, number] | null = null;
    let depth = 0;
    for (let k = a; k < b; k++) {
      const t = toks[k]!;
      if (t.text === "(") depth++;
      else if (t.text === ")") depth = Math.max(0, depth - 1);
      if (depth > 0 || !capitalWord(t)) continue;
      let e = k + 1;
      while (e < b && (capitalWord(toks[e]!) || ((toks[e]!.lower === "of" || toks[e]!.lower === "for") && e + 1 < b && capitalWord(toks[e + 1]!)))) e++;
      best = [k, e];
      k = e - 1;
    }
    if (!best) return null;
    // the name must be the phrase's head: "the Turkish leader" and "a Blue House official" name no one
    let head = b - 1;
    while (head > a && (toks[head]!.pos === "PUNCT" || depthAt(toks, a, head) > 0)) head--;
    if (best[1] <= head && !(toks[best[1]]?.lower === "'s" || toks[best[1]]?.lower === "’s")) return null;
    const name = this.stripTitles(best[0], best[1]);
    if (!name) return null;
    const [s, e] = name;
    return { text: this.text.slice(toks[s]!.start, toks[e - 1]!.end), last: toks[e - 1]!.lower, words: e - s };
  }

  /**
   * A capitalised run without its titles, title phrases and leading initialisms
   * ("U.S. Secretary of State John Kerry" → "John Kerry"), as a token range, and
   * whether a title was dropped.
   */
  private stripTitles(a: number, b: number): [number, number, boolean] | null {
    const toks = this.tokens;
    const { titles } = this.lex;
    let s = a;
    let titled = false;
    for (let k = a; k < b; k++) {
      if (titles.has(toks[k]!.lower) && k + 1 < b) {
        s = k + 1;
        titled = true;
      }
    }
    // the rest of a title phrase: "Secretary of State", "Minister for Foreign Affairs"
    while (titled && s + 1 < b && (toks[s]!.lower === "of" || toks[s]!.lower === "for")) {
      s += 2;
      while (s < b - 1 && !/^\p{Lu}\p{Ll}/u.test(toks[s]!.text)) s++;
      if (s + 1 < b && toks[s]!.text === "Affairs") s++;
    }
    while (s < b - 1 && ALL_CAPS.test(toks[s]!.text) && toks[s]!.text.length > 1 && !ALL_CAPS.test(toks[b - 1]!.text)) s++;
    let e = b;
    while (e > s && (toks[e - 1]!.lower === "'s" || toks[e - 1]!.lower === "’s")) e--;
    if (e <= s) return null;
    return [s, e, titled];
  }

  /**
   * The full name met before `before` that this one word names: its last word
   * ("Biegun" → "Stephen Biegun"), else its first (a family name written first:
   * "Moon" → "Moon Jae-in").
   */
  private fullName(word: string, before: number): string | null {
    let byLast: string | null = null;
    let byFirst: string | null = null;
    for (const r of this.allRuns()) {
      if (r.endChar > before) break;
      if (r.end - r.start < 2 || !r.personLike) continue;
      if (r.last === word) byLast = this.runText(r);
      else if (this.tokens[r.start]!.lower === word) byFirst = this.runText(r);
    }
    return byLast ?? byFirst;
  }

  /** A named person who spoke (a frame's speaker) at offset `at`, for the pronouns after it. */
  noteSpeaker(at: number, name: string): void {
    if (this.isPersonName(name)) this.speakers.push({ at, name });
  }

  private isPersonName(name: string): boolean {
    const words = name.toLowerCase().split(/\s+/);
    if (words.some((w) => this.lex.notPerson.has(w))) return false;
    if (words.length >= 2 && words.length <= 4) return true;
    return this.allRuns().some((r) => r.personLike && r.last === words[0]);
  }

  /**
   * The person a "he" or "she" at `before` stands for: the last person who spoke
   * before it, unless a person-like name has since been the subject of a verb;
   * failing both, the nearest person-like name.
   */
  private nearestPerson(before: number): string | null {
    let any: NameRun | null = null;
    let subject: NameRun | null = null;
    for (const r of this.allRuns()) {
      if (r.endChar > before) break;
      if (!r.personLike) continue;
      any = r;
      const next = this.tokens[r.end];
      if (next && this.inQuote[r.end]! < 0 && (next.pos === "VERB" || next.pos === "AUX")) subject = r;
    }
    let spoke: { at: number; name: string } | null = null;
    for (const sp of this.speakers) if (sp.at < before && (!spoke || sp.at >= spoke.at)) spoke = sp;
    if (spoke && (!subject || subject.endChar <= spoke.at)) return spoke.name;
    const found = subject ?? any;
    if (!found) return spoke?.name ?? null;
    if (found.end - found.start === 1) return this.fullName(found.last, before) ?? this.runText(found);
    return this.runText(found);
  }

  private runText(r: NameRun): string {
    return this.text.slice(this.tokens[r.start]!.start, r.endChar);
  }

  /** Capitalised runs of the document outside quotes, computed once. */
  private allRuns(): NameRun[] {
    if (this.runs) return this.runs;
    const toks = this.tokens;
    const { titles, notPerson } = this.lex;
    const runs: NameRun[] = [];
    const surnames = new Set<string>();
    let i = 0;
    while (i < toks.length) {
      const t = toks[i]!;
      if (!this.capitalised(i)) {
        i++;
        continue;
      }
      let j = i;
      while (j < toks.length && toks[j]!.sentence === t.sentence && (this.capitalised(j) || ((toks[j]!.lower === "of" || toks[j]!.lower === "for") && j + 1 < toks.length && this.capitalised(j + 1) && j > i))) j++;
      const stripped = this.stripTitles(i, j);
      const a = stripped ? stripped[0] : j;
      const b = stripped ? stripped[1] : j;
      const titled = (stripped?.[2] ?? false) || (i > 0 && titles.has(toks[i - 1]!.lower));
      if (b > a) {
        const sentenceStart = toks[a]!.sentence !== (toks[a - 1]?.sentence ?? -1);
        let blocked = false;
        for (let k = a; k < b && !blocked; k++) {
          const w = toks[k]!;
          blocked = notPerson.has(w.lower) || (w.text.length > 1 && isUpper(w.text.charCodeAt(1)) && ALL_CAPS.test(w.text) && w.text.replace(/[.&-]/g, "").length > 1);
        }
        const last = toks[b - 1]!.lower;
        const afterThe = a > 0 && toks[a - 1]!.lower === "the";
        let personLike = !blocked && !afterThe && (titled || (b - a >= 2 && b - a <= 4));
        if (!blocked && b - a === 1 && surnames.has(last) && !(sentenceStart && toks[a]!.pos !== "PROPN")) personLike = true;
        if (personLike && b - a >= 2) surnames.add(last);
        runs.push({ start: a, end: b, endChar: toks[b - 1]!.end, last, personLike });
      }
      i = j;
    }
    this.runs = runs;
    return runs;
  }

  private capitalised(i: number): boolean {
    const t = this.tokens[i]!;
    if (this.inQuote[i]! >= 0 || !capitalWord(t)) return false;
    if (t.pos === "PROPN") return true;
    // a capitalised common word starting a sentence is no name
    const prev = this.tokens[i - 1];
    return !!prev && prev.sentence === t.sentence && !/^["“‘'(]$/.test(prev.text);
  }
}
