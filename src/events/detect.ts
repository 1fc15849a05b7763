// Event mentions in one sentence: verbs from the book, frames (speech, intent,
// appeal, demand, reject, threaten, plans, negation), nominal events licensed by the
// clause, each with its arguments as token ranges and its modality.

import type { Modality } from "../record.js";
import type { Frame, Pattern } from "./book.js";
import {
  QUOTE_MARKS,
  isBarrier,
  isNpToken,
  yearAfterDeterminer,
  normalise,
  npEndingAt,
  npStartingAt,
  prepPhrases,
  type PrepPhrase,
  type Range,
  type TokenView,
  type VerbGroup,
} from "./clause.js";

/** The arguments of a verb group: subject, object and prepositional phrases. */
export interface Frame_ {
  group: VerbGroup;
  /** Index of the group within its sentence. */
  index: number;
  subject: Range | null;
  /** When the subject is inherited (coordination, control, relative pronoun): the group it came from. */
  subjectFrom: number | null;
  object: Range | null;
  preps: PrepPhrase[];
  /** Where the clause's right side ends (exclusive). */
  rightEnd: number;
  /** A conditional or question puts the clause in doubt. */
  conditional: boolean;
  /** For a relative clause: the noun phrase it attaches to, with its prepositional phrases ("a video conference with X, which …"). */
  antecedent: Range | null;
  /** A relative clause ("who attacked", "which was held") or a reduced one ("a jet, shot down by Turkey"). */
  relative: boolean;
}

export type MentionKind = "verb" | "noun" | "frame" | "speech";

export interface Mention {
  code: string;
  kind: MentionKind;
  pattern: Pattern | null;
  frame: Frame | null;
  sentence: number;
  /** Token range of the trigger words. */
  trigger: Range;
  /** The verb group the mention belongs to (its own, or the one that licenses a noun). */
  clause: Frame_ | null;
  /** Token ranges where the source and target actors are to be found, in order of preference. */
  sourceRanges: Range[];
  targetRanges: Range[];
  /** Participants of a symmetric event (both sides in one range: "Trump and Kim met"). */
  symmetric: boolean;
  /** Whether source and target come from a passive ("was attacked by"). */
  modality: Modality;
  /** The mention that frames this one (speech, intent, …) and how. */
  governor: Mention | null;
  /** The framed mentions this (frame) mention governs. */
  framed: Mention[];
  /** A definite nominal that may refer back to an event told before ("the first summit"). */
  recap: boolean;
  /** A nominal told with its own agent phrase as news ("the arrest of X by police sparked outrage"). */
  agentTold?: boolean;
  /** In the past beyond the sentence's time ("the anniversary of …"). */
  historical: boolean;
  /** Under a prospective preposition ("before the election"): not the event's own time. */
  prospective: boolean;
  /** Token range for the evidence span. */
  evidence: Range;
  /** Whether this mention becomes an event record (frames without their own event, speech with asserted content, … do not). */
  emit: boolean;
  /** Token index of a nominal's head noun (for relative clauses and recaps). */
  head: number;
  /** Presupposed by a preposition ("during the conference"): the preposition. */
  presupposedBy: string | null;
  /** For speech: the words reported come before the verb ("'…,' he said"). */
  complementBefore: boolean;
  /** Inside a direct quotation. */
  quoted: boolean;
  /** For a noun in a prepositional phrase ("during the summit"): the clause the phrase belongs to. */
  hostClause: Frame_ | null;
  /** For a frame: the clause it governs ("to maintain a dialogue momentum among …"). */
  complementClause: Frame_ | null;
  /** Where the words the pattern matched end (exclusive). */
  patternEnd: number;
  /** In a purpose infinitive ("… to protest the verdict"): an aim of the clause before it. */
  purpose: boolean;
}

const PRESUPPOSED_OK = new Set(["during", "at"]);
/**
 * Does the word at [start, end) name something other than the deed its code says? A campaign's or a
 * party's rally is no protest ("a campaign rally in Florida"); a war on crime, drugs or poverty is a
 * policy, no war ("promised to wage a war on crime", "the war against the drug trade").
 */
function notTheDeed(v: TokenView, code: string, start: number, end: number, sStart: number): boolean {
  const g = v.grammar;
  if (code.startsWith("14")) return start > sStart && v.isWord(start - 1, g.campaignWords);
  if (!code.startsWith("19") && !code.startsWith("20")) return false;
  if (v.low[end] !== "on" && v.low[end] !== "against") return false;
  let k = end + 1;
  if (v.pos[k] === "DET") k++;
  return k < v.low.length && (v.isWord(k, g.abstractFoes) || g.abstractFoes.has(`${v.low[k]} ${v.low[k + 1] ?? ""}`));
}

/** A nominal event told as the background of a clause ("amid the threat", "after the attack"). */
const isBackground = (m: Mention): boolean => m.kind === "noun" && !!m.presupposedBy && !m.emit;
/** Prepositions that introduce what someone is accused of ("of violating", "for the attack", "with corruption"). */
const ACCUSE_PREPS = new Set(["of", "for", "with", "over"]);
/** Verbs that allege a deed ("blamed X for the clashes"), unlike "was responsible for", which takes it as done. */
const ALLEGE_VERBS: ReadonlySet<string> = new Set(["accuse", "blame", "charge", "suspect", "allege"]);
/** Roots of verbs whose object event is a presupposed fact ("condemned the attack", "investigated the killing"). */
const JUDGING_ROOTS = new Set(["01", "05", "09", "10", "11", "12"]);
/** Prepositions whose noun a verb takes part in, like an object ("took part in talks", "engaged in fighting"). */
const OBJECT_PREPS = new Set(["in", "on", "into", "for", "at", "to"]);

/** Clause view of every verb group in a sentence. */
export function clauses(v: TokenView, groups: VerbGroup[], sStart: number, sEnd: number, timeTokens: ReadonlySet<number> = NO_TOKENS): Frame_[] {
  const g = v.grammar;
  const out: Frame_[] = [];
  const question = sEnd > sStart && v.low[sEnd - 1] === "?";
  for (let k = 0; k < groups.length; k++) {
    const vg = groups[k]!;
    const nextStart = k + 1 < groups.length ? groups[k + 1]!.start : sEnd;
    // right side: object NP, then prepositional phrases, up to the next verb group or barrier
    let ceiling = nextStart;
    for (let i = vg.end; i < nextStart; i++) {
      if (isBarrier(v, i) || (v.pos[i] === "PRON" && g.relativizers.has(v.low[i]!))) {
        ceiling = i;
        break;
      }
    }
    // an infinitive "to" belongs to the next group
    if (ceiling > vg.end && v.low[ceiling - 1] === "to" && ceiling === nextStart) ceiling--;
    let i = vg.end;
    while (i < ceiling && (v.pos[i] === "ADV" || (v.pos[i] === "ADP" && g.particles.has(v.low[i]!) && !isNpToken(v, i + 1 < ceiling ? i + 1 : i)))) i++;
    // a particle directly after the verb ("cut off all lines") is part of the verb
    if (i < ceiling && v.pos[i] === "ADP" && i === vg.end && i + 1 < ceiling && isNpToken(v, i + 1) && v.book.phrasal.has(`${v.norm[vg.main]} ${v.low[i]}`)) i++;
    const object = i < ceiling && v.pos[i] !== "ADP" ? npStartingAt(v, i, ceiling) : null;
    const preps = prepPhrases(v, object ? object.end : i, ceiling);
    const rightEnd = Math.max(object?.end ?? vg.end, preps.length ? preps[preps.length - 1]!.end : vg.end, vg.end);
    // conditional: "if"/"unless"/"whether" between the previous clause and this one
    let conditional = question;
    for (let j = vg.start - 1; j >= sStart && j >= vg.start - 12; j--) {
      if (g.conditionals.has(v.low[j]!)) {
        conditional = true;
        break;
      }
      // "until Israel ends its war", "before it withdraws": an awaited event in the present tense has not happened
      if ((v.low[j] === "until" || v.low[j] === "till" || v.low[j] === "before") && !vg.past && vg.aux.length === 0 && j < vg.start - 1) {
        conditional = true;
        break;
      }
      if (k > 0 && j < groups[k - 1]!.end) break;
      if (v.low[j] === ";") break;
    }
    // "a Russian jet, shot down by Turkey": a bare participle after a noun, with an agent, is a passive
    // (not "protested to Washington over the visit by Taiwan's president": there the agent is the visit's;
    // nor "spoke by phone": a simple past that is no participle, or "by" before a means, names no agent)
    const byAt = preps.findIndex((pp) => pp.prep === "by" && !v.isWord(pp.end - 1, g.meansNouns));
    if (vg.aux.length === 0 && !vg.passive && !vg.gerund && vg.past && !object && byAt >= 0 && !preps.slice(0, byAt).some((pp) => NOT_BEFORE_AGENT.has(pp.prep)) && vg.start > sStart && !g.simplePasts.has(v.low[vg.main]!)) {
      const before = v.low[vg.start - 1] === "," ? vg.start - 2 : vg.start - 1;
      if (before >= sStart && (v.pos[before] === "NOUN" || v.pos[before] === "PROPN")) vg.passive = true;
    }
    // "will return weapons seized last year", "violating the agreement signed in 2001": a bare participle right
    // after another verb's object describes that object
    const prevObject = k > 0 ? out[k - 1]!.object : null;
    if (vg.aux.length === 0 && !vg.passive && !vg.gerund && vg.past && (!object || isTimePhrase(object, timeTokens)) && prevObject && prevObject.end === vg.start && v.pos[vg.start - 1] === "NOUN") vg.passive = true;
    out.push({ group: vg, index: k, subject: null, subjectFrom: null, object, preps, rightEnd, conditional, antecedent: null, relative: false });
  }
  // subjects, left to right, so that inherited ones are known
  for (const c of out) resolveSubject(v, out, c, sStart, timeTokens);
  return out;
}

function resolveSubject(v: TokenView, all: Frame_[], c: Frame_, sStart: number, timeTokens: ReadonlySet<number> = NO_TOKENS): void {
  const g = v.grammar;
  const vg = c.group;
  const k = c.index;
  // the clause a coordinated verb shares its subject with: the last one before it that is not a relative clause
  let prevClause: Frame_ | null = null;
  for (let j = k - 1; j >= 0; j--) {
    prevClause = all[j]!;
    if (!prevClause.relative || vg.infinitive) break;
  }
  const inherit = (from: Frame_ | null) => {
    if (!from) return;
    c.subject = from.subject;
    c.subjectFrom = from.subjectFrom ?? from.index;
  };
  // "Iran issued a statement condemning the raid", "the Council adopted a resolution demanding …": what a text says
  // its author says
  if (vg.gerund && vg.start > sStart && prevClause && !prevClause.relative && prevClause.object && prevClause.object.end === vg.start && g.authorVerbs.has(v.norm[prevClause.group.main]!) && !prevClause.group.negated && (g.speechNouns.has(v.norm[vg.start - 1]!) || g.textNouns.has(v.norm[vg.start - 1]!))) {
    inherit(prevClause);
    return;
  }
  if (vg.gerund && vg.start > sStart && (v.pos[vg.start - 1] === "NOUN" || (v.pos[vg.start - 1] === "PROPN" && v.low[vg.start - 1] !== v.norm[vg.start - 1]))) {
    // reduced relative: "UN inspectors probing suspect sites", "people living in the camps"
    c.subject = npEndingAt(v, vg.start - 1, sStart);
    c.antecedent = c.subject;
    c.relative = true;
    return;
  }
  if (vg.passive && vg.aux.length === 0) {
    // reduced relative: "a Russian jet, shot down by Turkey"
    let j = vg.start - 1;
    if (j >= sStart && v.low[j] === ",") j--;
    c.subject = j >= sStart ? npEndingAt(v, j, sStart) : null;
    c.antecedent = c.subject;
    c.relative = true;
    return;
  }
  let i = vg.start - 1;
  if (vg.infinitive) i--; // skip "to"
  while (i >= sStart && v.pos[i] === "ADV") i--;
  // "The EU's chief on Monday bluntly rejected": a time between subject and verb is no subject
  if (i >= sStart && timeTokens.has(i)) {
    let j = i;
    while (j >= sStart && timeTokens.has(j)) j--;
    if (j >= sStart && v.pos[j] === "ADP" && !timeTokens.has(j)) j--;
    while (j >= sStart && v.pos[j] === "ADV") j--;
    if (j >= sStart && (v.pos[j] === "NOUN" || v.pos[j] === "PROPN" || v.pos[j] === "ADJ")) i = j;
  }
  if (i < sStart) return;
  const low = v.low[i]!;
  // a bare infinitive right after "help": "to help support the rights of …"
  if (prevClause && prevClause.group.main === i && g.bareInfinitiveHeads.has(v.norm[i]!) && !prevClause.object) {
    // (it is what the helper's clause is for, as "to support" would be)
    vg.infinitive = true;
    inherit(prevClause);
    return;
  }
  // infinitive: the controller is the governing verb's subject (or object, decided by frames later)
  if (vg.infinitive) {
    if (prevClause) inherit(prevClause);
    return;
  }
  // relative clause: "gunmen who attacked", "a video conference ..., which was held"
  if (v.pos[i] === "PRON" || v.pos[i] === "DET" || v.pos[i] === "SCONJ") {
    if (g.relativizers.has(low) && low !== "that") {
      c.relative = true;
      let j = i - 1;
      if (j >= sStart && v.low[j] === ",") j--;
      c.subject = j >= sStart ? npEndingAt(v, j, sStart) : null;
      // "fired live rounds at protesters who stormed parliament": "who" is the people after the preposition
      if (c.subject && (low === "who" || low === "whom")) {
        const last = c.subject.end - 1;
        if (v.pos[last] === "PROPN" || v.isWord(last, g.peopleNouns) || v.isWord(last, g.groupNouns) || v.isWord(last, g.crowdNouns)) {
          for (let k = last - 1; k > c.subject.start; k--) {
            if (v.pos[k] === "ADP") {
              c.subject = { start: k + 1, end: c.subject.end };
              break;
            }
          }
        }
      }
      c.antecedent = c.subject;
      // "a video conference with X and Y, which was held": reach back over the prepositional phrases
      for (let hops = 0; hops < 2 && c.antecedent; hops++) {
        const p = c.antecedent.start - 1;
        if (p - 1 < sStart || v.pos[p] !== "ADP") break;
        const left = npEndingAt(v, p - 1, sStart);
        if (!left) break;
        c.antecedent = { start: left.start, end: c.antecedent.end };
      }
      return;
    }
    if (low === "that" && i - 1 >= sStart && (v.pos[i - 1] === "NOUN" || v.pos[i - 1] === "PROPN")) {
      c.subject = npEndingAt(v, i - 1, sStart);
      return;
    }
  }
  // coordinated verb phrase: "arrested 12 protesters and fired tear gas"
  if (v.pos[i] === "CCONJ" && prevClause && i >= prevClause.group.end) {
    let j = i - 1;
    if (j >= sStart && v.low[j] === ",") j--;
    if (j >= prevClause.group.end - 1) {
      // "X said its forces had struck Y and denied targeting civilians": a second report is the reporter's
      const reporter = reports(v, vg.main) && !reports(v, prevClause.group.main) ? all.find((x) => x.index < prevClause.index && x.subject && reports(v, x.group.main) && !inQuotation(v, sStart, x.group.main)) : undefined;
      inherit(reporter ?? prevClause);
      return;
    }
  }
  // participial adjunct: ", killing 20", "as saying", "after meeting"
  if (vg.gerund || (vg.aux.length === 0 && !vg.past && false)) {
    if (low === "," || low === "as" || low === "by" || low === "after" || low === "before" || low === "while" || low === "when" || low === "without" || low === "in") {
      // (the reporting clause's, not a fronted quotation's: '"…," X wrote, urging Y to …'; nor a reported clause's:
      // "eight people were killed, Amnesty said, accusing police of …")
      // (only words go with the reporter: "…, witnesses said, killing two" is the deed's)
      const wordsToo = reports(v, vg.main) || !!v.book.frames.get(v.norm[vg.main]!)?.some((p) => p.frame === "accuse" || p.frame === "appeal" || p.frame === "demand");
      const reporting = low === "," && wordsToo && prevClause && prevClause.subject && reports(v, prevClause.group.main) && prevClause.rightEnd >= i - 1 ? prevClause : undefined;
      const main = reporting ?? all.find((x) => x.index < k && x.subject && !inQuotation(v, sStart, x.group.main)) ?? all.find((x) => x.index < k && x.subject) ?? null;
      inherit(main);
      return;
    }
    // "X is guilty of violating", "X was accused of shelling": the adjective's or participle's subject
    if ((low === "of" || low === "for") && i - 1 >= sStart && (v.pos[i - 1] === "ADJ" || v.pos[i - 1] === "VERB") && prevClause && prevClause.group.end >= i - 1) {
      inherit(prevClause);
      return;
    }
  }
  // the noun phrase before the verb, skipping a parenthetical between commas
  let np = npEndingAt(v, i, sStart);
  // "freed 100 peacekeepers held hostage", "returned weapons seized last year": a bare participle right after
  // another verb's object is a reduced relative on that object, in the passive
  // (not after a verb with no subject, "Shining Path guerrillas dynamited", nor before an object of its own)
  const after = v.pos[vg.end] ?? "";
  if (np && prevClause && !prevClause.relative && prevClause.subject && prevClause.object && prevClause.object.end === vg.start && np.start >= prevClause.object.start && vg.aux.length === 0 && vg.past && !vg.gerund && after !== "DET" && after !== "NUM" && after !== "PROPN" && after !== "PRON" && !v.grammar.tellingVerbs.has(v.norm[prevClause.group.main]!)) {
    vg.passive = true;
    c.subject = prevClause.object;
    c.antecedent = c.subject;
    c.relative = true;
    return;
  }
  // "British aircraft using guided missiles killed 4": the subject is the noun the participle describes
  if (np && prevClause && prevClause.relative && prevClause.group.aux.length === 0 && prevClause.subject && prevClause.group.end <= np.start && np.start - prevClause.group.end <= 1 && prevClause.subject.start < prevClause.group.start) {
    c.subject = prevClause.subject;
    return;
  }
  if (!np && low === "," ) {
    let j = i - 1;
    let steps = 0;
    while (j >= sStart && v.low[j] !== "," && steps < 25) {
      j--;
      steps++;
    }
    if (j > sStart && v.low[j] === ",") np = npEndingAt(v, j - 1, sStart);
  }
  if (!np && (v.low[i] === "”" || v.low[i] === '"')) return;
  c.subject = np;
}

/** Is the verb at i one that reports or denies ("said", "denied")? */
function reports(v: TokenView, i: number): boolean {
  return !!v.book.frames.get(v.norm[i]!)?.some((p) => p.frame === "speech" || p.frame === "deny");
}

/** Is token i inside a direct quotation that opened in this sentence? */
function inQuotation(v: TokenView, sStart: number, i: number): boolean {
  let open = false;
  for (let j = sStart; j < i; j++) {
    const w = v.low[j]!;
    if (w === "“" || w === "``") open = true;
    else if (w === "”" || w === "''") open = false;
    else if (w === '"') open = !open;
  }
  return open;
}

interface Match {
  pattern: Pattern;
  end: number;
  /** Token indices the pattern's later words matched (consumed). */
  used: number[];
}

function matchSeq(v: TokenView, at: number, words: readonly string[], limit: number): boolean {
  if (at + words.length > limit) return false;
  for (let j = 0; j < words.length; j++) if (v.norm[at + j] !== words[j]) return false;
  return true;
}

/** Where a pattern's `...` groups may match: the right side, and (passive) the subject. */
function matchPattern(v: TokenView, p: Pattern, at: number, limit: number, regions: Range[], particle = -1): Match | null {
  let end = -1;
  for (const alt of p.head) {
    if (matchSeq(v, at, alt, limit) && at + alt.length > end) end = at + alt.length;
  }
  let particleUsed = -1;
  // a particle after the object: "pulled its forces out of", "called the strike off"
  if (end < 0 && particle > at) {
    for (const alt of p.head) {
      if (alt.length === 2 && v.norm[at] === alt[0] && v.low[particle] === alt[1]) {
        end = at + 1;
        particleUsed = particle;
        break;
      }
    }
  }
  if (end < 0) return null;
  // (made only for a pattern whose head matched: most do not)
  const used: number[] = particleUsed >= 0 ? [particleUsed] : [];
  if (p.object.length === 0) return { pattern: p, end, used };
  let regionIndex = 0;
  let cursor = regions.length ? Math.max(regions[0]!.start, regions[0]!.start === at ? end : regions[0]!.start) : end;
  for (const grp of p.object) {
    let found = -1;
    let foundLen = 0;
    while (regionIndex < regions.length && found < 0) {
      const r = regions[regionIndex]!;
      const from = Math.max(cursor, r.start);
      for (let i = from; i < r.end && found < 0; i++) {
        if (i >= at && i < end) continue;
        for (const alt of grp) {
          if (matchSeq(v, i, alt, r.end)) {
            found = i;
            foundLen = alt.length;
            break;
          }
        }
      }
      if (found < 0) {
        regionIndex++;
        if (regionIndex < regions.length) cursor = regions[regionIndex]!.start;
      }
    }
    if (found < 0) return null;
    for (let j = 0; j < foundLen; j++) used.push(found + j);
    cursor = found + foundLen;
  }
  return { pattern: p, end, used };
}

/** The verb a "re-" verb repeats ("reimposed" → impose), when the book has patterns for it. */
function repeatedVerb(v: TokenView, at: number): string | null {
  const w = v.low[at]!;
  if (v.pos[at] !== "VERB" || !w.startsWith("re") || w.length < 7) return null;
  const rest = w.startsWith("re-") ? w.slice(3) : w.slice(2);
  const stem = normalise(rest, rest, v.book.vocabulary);
  // (five letters at least: "reform" is no "form", "remove" no "move")
  return stem.length >= 5 && stem !== v.norm[at] && v.book.verbs.has(stem) ? stem : null;
}

function bestMatch(v: TokenView, list: Pattern[] | undefined, at: number, limit: number, regions: Range[], accept: (p: Pattern) => boolean, particle = -1): Match | null {
  if (!list) return null;
  let best: Match | null = null;
  for (const p of list) {
    if (best && p.weight < best.pattern.weight) break;
    if (!accept(p)) continue;
    const m = matchPattern(v, p, at, limit, regions, particle);
    // at equal weight, the words nearer the phrase's head win ("captured a Tamil rebel stronghold": the stronghold)
    if (m && (!best || m.pattern.weight > best.pattern.weight || (m.pattern.weight === best.pattern.weight && lastUsed(v, m) > lastUsed(v, best)))) best = m;
  }
  return best;
}

/** The last noun a pattern's later words matched (-1 when they matched none). */
function lastUsed(v: TokenView, m: Match): number {
  let k = -1;
  for (const u of m.used) if (u > k && (v.pos[u] === "NOUN" || v.pos[u] === "PROPN")) k = u;
  return k;
}

function baseModality(v: TokenView, c: Frame_, underSpeech: boolean): Modality {
  const vg = c.group;
  const g = v.grammar;
  if (vg.negated) return "negated";
  const m = vg.modal;
  if (m) {
    if (g.futureAux.has(m)) return "future";
    // "said it would allow": reported speech moves "will" to "would"
    if ((m === "would" || m === "'d") && underSpeech) return "future";
    if (g.hypotheticalAux.has(m) || g.obligationAux.has(m)) return "hypothetical";
  }
  // "no longer", a negated subject ("nobody has talked")
  if (c.subject && c.subject.end - c.subject.start <= 2 && (v.low[c.subject.start] === "nobody" || v.low[c.subject.start] === "no" || v.low[c.subject.start] === "none")) return "negated";
  if (c.conditional) return "hypothetical";
  return "asserted";
}




/** Prepositions of a target or a topic: a "by" after them names another deed's agent, not a passive's. */
const NOT_BEFORE_AGENT: ReadonlySet<string> = new Set(["to", "with", "against", "about", "for", "toward", "towards"]);

const INF_FRAMES: ReadonlySet<Frame> = new Set(["intent", "appeal", "demand", "reject", "threaten", "future", "hypothetical", "negative", "aspect", "deny", "accuse", "halt"]);
const NOUN_FRAMES: ReadonlySet<Frame> = new Set(["intent", "appeal", "demand", "reject", "threaten", "deny", "support", "negative", "aspect", "hypothetical", "accuse", "halt"]);

/** How a frame sets the modality of what it frames. */
function framedModality(frame: Frame, own: Modality): Modality {
  switch (frame) {
    case "intent":
    case "future":
      return own === "negated" ? "negated" : "future";
    case "appeal":
    case "demand":
    case "threaten":
    case "hypothetical":
    case "accuse":
      return "hypothetical";
    case "reject":
    case "negative":
    case "deny":
    case "halt":
      return "negated";
    default:
      return own;
  }
}

interface NounHit {
  pattern: Pattern;
  start: number;
  /** The head noun (last word). */
  head: number;
  end: number;
}

/** Nominal event triggers in a sentence, longest first, without overlaps. */
function nounHits(v: TokenView, sStart: number, sEnd: number, consumed: Set<number>, timeTokens: ReadonlySet<number>): NounHit[] {
  const out: NounHit[] = [];
  const book = v.book;
  for (let i = sStart; i < sEnd; i++) {
    // a gerund used as a noun ("the fighting", "heavy shelling") is looked up as written
    let list = book.nouns.get(v.norm[i]!);
    let gerundNoun = false;
    if (v.pos[i] === "VERB") {
      const low = v.low[i]!;
      gerundNoun = low.endsWith("ing") && book.nouns.has(low) && isNpToken(v, i);
      if (gerundNoun) list = book.nouns.get(low);
    }
    if (!list) continue;
    let best: NounHit | null = null;
    for (const p of list) {
      for (const alt of p.head) {
        if (gerundNoun ? !(alt.length === 1 && alt[0] === v.low[i]) : !matchSeq(v, i, alt, sEnd)) continue;
        let head = i + alt.length - 1;
        let hp = v.pos[head]!;
        // "its call for the lifting of sanctions": a noun with its preposition ("call for") heads on the noun
        if (hp === "ADP" && alt.length > 1 && v.pos[i] === "NOUN") {
          head = i;
          hp = "NOUN";
        }
        if (hp !== "NOUN" && hp !== "PROPN" && !(hp === "ADJ" && alt.length > 1) && !(hp === "X") && !(gerundNoun && head === i)) continue;
        let used = false;
        for (let j = i; j <= head; j++) if (consumed.has(j) || timeTokens.has(j)) used = true;
        if (used) continue;
        if (p.object.length && !objectGroupsFollow(v, p, head + 1, sEnd)) continue;
        // a noun modifying another noun names no event: "war crimes court", "sanctions list", "attack helicopters"
        if (head + 1 < sEnd && !timeTokens.has(head + 1) && (v.pos[head + 1] === "NOUN" || (v.pos[head + 1] === "PROPN" && /^\p{Ll}/u.test(v.tokens[head + 1]!.text))) && !v.grammar.eventHeads.has(v.norm[head + 1]!)) continue;
        if (!best || alt.length > best.end - best.start || (alt.length === best.end - best.start && p.weight > best.pattern.weight)) {
          best = { pattern: p, start: i, head, end: i + alt.length };
        }
      }
    }
    if (best) {
      out.push(best);
      i = best.end - 1;
    }
  }
  return out;
}

/** Whether a noun pattern's `...` groups occur, in order, in the words after the noun ("suspension of air links"). */
function objectGroupsFollow(v: TokenView, p: Pattern, from: number, sEnd: number): boolean {
  let end = from;
  while (end < sEnd && end < from + 10 && !isBarrier(v, end) && v.pos[end] !== "VERB" && v.pos[end] !== "AUX") end++;
  let cursor = from;
  for (const grp of p.object) {
    let found = -1;
    for (let i = cursor; i < end && found < 0; i++) for (const alt of grp) if (matchSeq(v, i, alt, end)) {
      found = i + alt.length;
      break;
    }
    if (found < 0) return false;
    cursor = found;
  }
  return true;
}

function rangeHas(r: Range | null | undefined, i: number): boolean {
  return !!r && i >= r.start && i < r.end;
}

/** The noun phrase around a nominal trigger: its left modifiers and following PPs. */
function nounPhrase(v: TokenView, hit: NounHit, sStart: number, sEnd: number): { left: Range; preps: PrepPhrase[] } {
  let s = hit.start;
  while (s - 1 >= sStart && hit.start - s < 8 && (isNpToken(v, s - 1) || v.low[s - 1] === "-")) s--;
  let ceiling = sEnd;
  for (let i = hit.end; i < sEnd; i++) {
    if (isBarrier(v, i) || v.pos[i] === "VERB" || v.pos[i] === "AUX") {
      ceiling = i;
      break;
    }
  }
  // "a mediation effort between Syria and the PLO", "a bombing campaign against": past the head the noun carries
  let from = hit.end;
  while (from < ceiling && from < hit.end + 2 && v.grammar.eventHeads.has(v.norm[from]!)) from++;
  return { left: { start: s, end: hit.start }, preps: prepPhrases(v, from, ceiling, 4) };
}

export interface SentenceMentions {
  clauses: Frame_[];
  mentions: Mention[];
}

interface FrameCandidate {
  match: Match;
  frame: Frame;
}

/**
 * Every event mention of a sentence. Frames are linked to what they frame; the
 * caller decides which mentions become records.
 */
export function detectSentence(v: TokenView, sentence: number, sStart: number, sEnd: number, groups: VerbGroup[], timeTokens: ReadonlySet<number> = NO_TOKENS): SentenceMentions {
  const g = v.grammar;
  const book = v.book;
  const cls = clauses(v, groups, sStart, sEnd, timeTokens);
  const mentions: Mention[] = [];
  // which tokens sit inside a direct quotation
  const quoted: boolean[] = new Array<boolean>(sEnd - sStart).fill(false);
  const closes: number[] = [];
  {
    let open = false;
    for (let i = sStart; i < sEnd; i++) {
      const w = v.low[i]!;
      if (w === "“" || w === "``") open = true;
      else if (w === "”" || w === "''") {
        open = false;
        closes.push(i);
      } else if (w === '"') {
        if (open) closes.push(i);
        open = !open;
      }
      quoted[i - sStart] = open;
    }
  }
  const hasCloseBetween = (a: number, b: number) => closes.some((k) => k > a && k < b);
  const consumed = new Set<number>();
  const verbMentionOf = new Map<number, Mention>();
  const candidates = new Map<number, FrameCandidate[]>();

  // 1. verb patterns and frame candidates at each verb group
  // (a verb a pattern before it already spans is part of that pattern: "offered to mediate")
  const spanned = new Set<number>();
  for (const c of cls) {
    const vg = c.group;
    const at = vg.main;
    if (spanned.has(at)) continue;
    const regions: Range[] = [{ start: at, end: c.rightEnd }];
    if (vg.passive && c.subject) regions.push(c.subject);
    // a particle right after the object ("pulled its forces out of Cambodia")
    const particle = c.object && c.object.end < sEnd && g.particles.has(v.low[c.object.end]!) && v.book.phrasal.has(`${v.norm[at]} ${v.low[c.object.end]}`) ? c.object.end : -1;
    const accept = (p: Pattern) => {
      if (p.passiveOnly && !vg.passive) return false;
      if (p.needsObject && !c.object) return false;
      if (p.intransitive && c.object) return false;
      if (p.noPredicate && c.object && predicateAfter(v, c.object, sEnd)) return false;
      // ("struck what it called terrorist camps": "what" is the object, what follows is its name)
      if (p.noPredicate && c.subject && c.subject.start > sStart && v.low[c.subject.start - 1] === "what") return false;
      // ("a bomb exploded", not "the dinghy exploded")
      if (p.explosiveSubject && !(c.subject && v.hasWord(c.subject, g.explosiveNouns))) return false;
      return true;
    };
    let m = bestMatch(v, book.verbs.get(v.norm[at]!), at, sEnd, regions, accept, particle);
    // "reimposed blockades", "redeployed troops": doing again is doing (the verb's own patterns first)
    const again = m ? null : repeatedVerb(v, at);
    if (again) {
      const own = v.norm[at]!;
      v.norm[at] = again;
      m = bestMatch(v, book.verbs.get(again), at, sEnd, regions, accept, particle);
      if (!m) v.norm[at] = own;
    }
    // "held a campaign rally", "launched a war on drugs"
    if (m && m.used.some((u) => notTheDeed(v, m!.pattern.code, u, u + 1, sStart))) m = null;
    const frames: FrameCandidate[] = [];
    const frameList = book.frames.get(v.norm[at]!);
    if (frameList) {
      for (const p of frameList) {
        const fm = matchPattern(v, p, at, sEnd, regions);
        if (!fm || (fm.pattern.passiveOnly && !vg.passive)) continue;
        // ("called the war a catastrophe": a name after the object, no strike or meeting called)
        if (fm.pattern.noPredicate && c.object && predicateAfter(v, c.object, sEnd)) continue;
        // "wants India to withdraw" is a demand; "wants to join" only a wish
        if (fm.pattern.control === "object" && fm.pattern.infinitiveOnly && (!c.object || vg.passive)) continue;
        frames.push({ match: fm, frame: fm.pattern.frame! });
      }
    }
    // copula + adjective: "is ready to", "is due to"
    if (vg.copula) {
      let j = vg.end;
      while (j < sEnd && v.pos[j] === "ADV") j++;
      const adj = v.low[j];
      if (adj && g.readyAdjectives.has(adj) && v.low[j + 1] === "to") frames.push({ match: { pattern: syntheticFrame("intent", "030"), end: j + 1, used: [] }, frame: "intent" });
      else if (adj && g.hedges.has(adj) && v.low[j + 1] === "to") frames.push({ match: { pattern: syntheticFrame("hypothetical", ""), end: j + 1, used: [] }, frame: "hypothetical" });
      else if (adj === "due" || adj === "set" || adj === "poised" || adj === "about" || adj === "scheduled") frames.push({ match: { pattern: syntheticFrame("future", ""), end: j + 1, used: [] }, frame: "future" });
    }
    if (frames.length) candidates.set(c.index, frames);
    if (m) {
      for (const u of m.used) consumed.add(u);
      for (let k = at + 1; k < m.end; k++) spanned.add(k);
      const mention = newMention(m.pattern.code, "verb", m.pattern, null, sentence, { start: at, end: m.end }, c);
      if (m.used.length) {
        mention.patternEnd = Math.max(m.end, ...m.used.map((u) => u + 1));
        mention.evidence.start = Math.min(mention.evidence.start, at, ...m.used);
        mention.evidence.end = Math.max(mention.evidence.end, m.end, ...m.used.map((u) => u + 1));
      }
      verbMentionOf.set(c.index, mention);
      mentions.push(mention);
    }
  }

  // 2. nominal triggers with their noun phrases
  const nounMentions: Mention[] = [];
  // a nominal's own agent phrase ("the arrest of X by Y")
  const agentOf = new Map<Mention, Range>();
  for (const h of nounHits(v, sStart, sEnd, consumed, timeTokens)) {
    if (notTheDeed(v, h.pattern.code, h.start, h.end, sStart)) continue;
    const np = nounPhrase(v, h, sStart, sEnd);
    // "a strike on Iran", "strikes on Gaza": a strike on a place or a people is a blow (195), not a walkout (143)
    const blow = h.pattern.code === "143" && h.end - h.start === 1 && v.low[h.start - 1] !== "on" && np.preps.some((pp) => pp.prep === "on" && pp.at === h.end && !timeTokens.has(pp.at + 1));
    const n = newMention(blow ? "195" : h.pattern.code, "noun", h.pattern, null, sentence, { start: h.start, end: h.end }, null);
    n.head = h.head;
    n.sourceRanges = np.left.end > np.left.start ? [np.left] : [];
    const tp = h.pattern.targetPreps;
    for (let k = 0; k < np.preps.length; k++) {
      const pp = np.preps[k]!;
      // "the attack by X", "the shelling of Aleppo by Russian aircraft"; not "demonstrations against the
      // violations by X" (the agent of another noun)
      if (pp.prep === "by") {
        const prev = k > 0 ? np.preps[k - 1]! : null;
        if (pp.at === h.end || (k === 1 && prev!.prep === "of" && prev!.at === h.end && prev!.end === pp.at)) {
          n.sourceRanges.unshift(pp);
          agentOf.set(n, pp);
        }
      }
      else if (tp?.has(pp.prep) || (!tp && g.symmetricPreps.has(pp.prep)) || (blow && pp.prep === "on")) n.targetRanges.push(pp);
    }
    const lastPP = np.preps.length ? np.preps[np.preps.length - 1]!.end : h.end;
    n.evidence = { start: np.left.end > np.left.start ? np.left.start : h.start, end: lastPP };
    const det = np.left.end > np.left.start ? v.low[np.left.start]! : "";
    n.recap = np.left.end > np.left.start && (g.recapDeterminers.has(det) || hasPossessive(v, np.left));
    n.emit = false;
    nounMentions.push(n);
  }
  const nounInRange = (r: Range | null | undefined) => (r ? nounMentions.find((n) => rangeHas(r, n.head)) : undefined);

  // 3. the frame each clause uses, by what follows it
  const chosenOf = new Map<number, Mention>();
  const infinitiveOf = new Map<number, Frame_>();
  for (const c of cls) {
    const frames = candidates.get(c.index);
    if (!frames) continue;
    const vg = c.group;
    let next = cls[c.index + 1];
    // "allow up to 13,000 refugees who have lived in Iraq to return": skip a relative clause on the object
    if (next && next.relative && frames.some((f) => f.match.pattern.control === "object")) {
      for (let k = c.index + 1; k < cls.length && k <= c.index + 3; k++) {
        const x = cls[k]!;
        if (x.group.infinitive && x.group.start - vg.end <= 25) {
          next = x;
          break;
        }
        if (!x.relative && !(x.subjectFrom !== null && cls[k - 1]?.relative)) break;
      }
    }
    // an infinitive (or -ing) complement within a few words: "agreed to set up", "urged the U.S. to take", "considering sending"
    const bareAfterObject = !!next && !!c.object && next.group.start === c.object.end && next.group.aux.length === 0 && !next.group.past && !next.group.gerund && v.low[next.group.main] === v.norm[next.group.main] && frames.some((f) => f.match.pattern.control === "object");
    const allegation =
      !!next && next.group.gerund && next.group.start - 1 >= vg.end && !hasBarrierBetween(v, vg.end, next.group.start - 1) &&
      ((frames.some((f) => f.frame === "accuse") && ACCUSE_PREPS.has(v.low[next.group.start - 1]!)) ||
        // "warned Syria against deploying missiles"
        (frames.some((f) => f.frame === "threaten") && v.low[next.group.start - 1] === "against"));
    const skippedRelative = !!next && next !== cls[c.index + 1] && next.group.infinitive;
    const infinitive =
      allegation || skippedRelative ? next :
      next &&
      (next.group.infinitive || bareAfterObject || (next.group.gerund && next.group.start === vg.end && !vg.copula)) &&
      (bareAfterObject ||
        (next.group.start - vg.end <= 9 &&
          frames.some((f) => f.match.pattern.control === "object" || onlyAdverbials(v, Math.max(vg.end, f.match.end, ...f.match.used.map((u) => u + 1)), next.group.start - 1))) ||
        (c.object !== null && next.group.start - skipParenthesis(v, c.rightEnd, next.group.start) <= 1 && frames.some((f) => f.match.pattern.control === "object"))) &&
      !hasBarrierBetween(v, vg.end, next.group.start - (next.group.infinitive ? 1 : 0))
        ? next
        : null;
    const objectNoun =
      nounInRange(c.object) ??
      (!c.object && c.preps.length && OBJECT_PREPS.has(c.preps[0]!.prep) ? nounInRange(c.preps[0]) : undefined) ??
      (frames.some((f) => f.frame === "accuse") ? nounInRange(c.preps.find((pp) => ACCUSE_PREPS.has(pp.prep))) : undefined);
    const verb = verbMentionOf.get(c.index);
    const verbWeight = verb?.pattern?.weight ?? -1;
    // a clause follows the verb, or precedes it ("…, X said."), or a quote: a complement for speech
    // a reported clause follows at once: "said (that) …", "told reporters (on Monday) that …", "says international talks will …"
    const hasClauseAfter = !!next && !(next.group.infinitive && infinitive) && complementFollows(v, c, next, sEnd);
    // "…, he said." / "…, said Hua": the verb closes the sentence after a comma or a quotation
    const lead = c.subject && c.subject.start < vg.start ? c.subject.start - 1 : vg.start - 1;
    const final = c.index > 0 && !cls.some((x) => x.index > c.index) && lead >= sStart && (v.low[lead] === "," || QUOTE_MARKS.has(v.low[lead]!));
    const quoteAfter = c.rightEnd < sEnd && isQuote(v.low[c.rightEnd] ?? "") || (c.rightEnd + 1 < sEnd && v.low[c.rightEnd] === ":" );
    let chosen: FrameCandidate | undefined;
    if (infinitive) chosen = frames.find((f) => INF_FRAMES.has(f.frame));
    if (!chosen && objectNoun)
      chosen =
        frames.find((f) => NOUN_FRAMES.has(f.frame) && f.frame !== "support" && f.frame !== "aspect" && f.match.pattern.control !== "object" && !f.match.pattern.infinitiveOnly) ??
        frames.find((f) => f.frame === "support" || f.frame === "aspect");
    if (!chosen && !infinitive) {
      // "charged that Syria was harboring rebels": an accusation reports what it alleges
      const thatAfter = thatFollows(v, c) && hasClauseAfter;
      const speechLike = frames.find((f) => f.frame === "speech") ?? frames.find((f) => (f.frame === "deny" || f.frame === "demand") && f.match.pattern.control !== "object") ?? (thatAfter ? frames.find((f) => f.frame === "accuse") : undefined);
      // "conceded defeat", "announced a ceasefire": with an object and nothing reported, the verb is the event
      // ("praised Seoul's decision to open its market": an infinitive after the object is reported by no one)
      const reported = hasClauseAfter && !(speechLike?.frame === "speech" && !!c.object && !!next && next.group.infinitive);
      if (speechLike && (reported || final || quoteAfter || (!verb && !c.object))) chosen = speechLike;
    }
    // a phrasal frame is the verb's reading ("called for an end to …" is no phone call, "called on X" no visit)
    if (!chosen && verb && verb.pattern && verb.pattern.object.length === 0) {
      const phrasal = frames.find((f) => f.match.end > verb.patternEnd && f.match.pattern.code && (f.frame === "appeal" || f.frame === "demand" || f.frame === "reject" || f.frame === "threaten"));
      if (phrasal) {
        chosen = phrasal;
        verb.emit = false;
      }
    }
    // a more specific verb pattern wins over a frame ("declined to comment", "suspended aid", "announced a ceasefire")
    // a verb pattern whose words lie beyond the object ("renewed negotiations on … their future relations") is weaker than the object noun
    const objectHeadNoun = !!objectNoun && !!c.object && rangeHas(c.object, objectNoun.head);
    const bareVerb = !!verb && ((verb.pattern?.object.length ?? 0) === 0 || (objectHeadNoun && verbUsedBeyond(verb, c)));
    // "denied reports that it had sent troops": a content clause after the object is what the frame governs
    const contentClause = !!chosen && !!verb && verb.code.startsWith("01") && (chosen.frame === "speech" || chosen.frame === "deny") && !!c.object && v.low[c.object.end] === "that" && !!next && next.group.start > c.object.end;
    if (contentClause) verb!.emit = false;
    if (chosen && verb && verbWeight > chosen.match.pattern.weight && !contentClause && !(objectNoun && bareVerb && (chosen.frame === "support" || chosen.frame === "aspect"))) chosen = undefined;
    if (!chosen) continue;
    const fm = frameMention(chosen, c);
    // "vowed not to sign", "decided not to attend": a pledge not to do something is a refusal
    if (infinitive && infinitive.group.infinitive && (chosen.frame === "intent") && g.negators.has(v.low[infinitive.group.start - 2] ?? "")) {
      fm.frame = "reject";
      fm.code = "120";
    }
    chosenOf.set(c.index, fm);
    if (infinitive) infinitiveOf.set(c.index, infinitive);
    mentions.push(fm);
  }

  // 4. license nominals: support verbs (object), occurrence verbs (subject), frames, prepositions
  for (const n of nounMentions) {
    let decided = false;
    for (const c of cls) {
      const fm = chosenOf.get(c.index);
      const frames = candidates.get(c.index) ?? [];
      const inObject =
        rangeHas(c.object, n.head) ||
        (!c.object && c.preps.length > 0 && OBJECT_PREPS.has(c.preps[0]!.prep) && rangeHas(c.preps[0], n.head)) ||
        (fm?.frame === "accuse" && c.preps.some((pp) => ACCUSE_PREPS.has(pp.prep) && rangeHas(pp, n.head)));
      const verb = verbMentionOf.get(c.index);
      if (inObject) {
        if (verb && verb.pattern && verb.pattern.object.length > 0 && verb.evidence.end >= n.trigger.end && !(verbUsedBeyond(verb, c) && rangeHas(c.object, n.head))) {
          // the verb's pattern already names this noun ("hold talks", "impose sanctions")
          decided = true;
          break;
        }
        if (fm && (fm.frame === "support" || fm.frame === "aspect")) {
          // "approved the extradition", "resumed talks": the noun is the event, the verb only carries it
          if (verb && ((verb.pattern?.object.length ?? 0) === 0 || verbUsedBeyond(verb, c))) verb.emit = false;
          n.clause = c;
          n.emit = true;
          n.modality = "asserted";
          // "Denmark will take part in the UN operation": who takes part acts, not whose operation it is
          if (c.subject && v.grammar.participateVerbs.has(v.norm[c.group.main]!)) {
            // (whose it is becomes the other side: "joined the U.S.-led talks")
            n.targetRanges.push(...n.sourceRanges);
            n.sourceRanges = [c.subject];
          }
          else if (c.subject) n.sourceRanges.push(c.subject);
          n.evidence = { start: Math.min(n.evidence.start, c.group.start, c.subject?.start ?? c.group.start), end: Math.max(n.evidence.end, n.trigger.end) };
          decided = true;
          break;
        }
        if (fm && fm.frame !== "speech") {
          // framed nominal: "called for sanctions", "rejected the proposal for talks"
          n.clause = c;
          n.emit = true;
          setGovernor(n, fm);
          if (c.subject && fm.frame === "intent") n.sourceRanges.push(c.subject);
          decided = true;
          break;
        }
        if (verb && JUDGING_ROOTS.has(verb.code.slice(0, 2))) {
          // an event noun as the object of an event verb ("condemned the attack"): what is judged
          n.clause = c;
          n.recap = true;
          n.presupposedBy = "object";
          n.emit = false;
          decided = true;
          break;
        }
      }
      // ("the shelling of Aleppo by Russian aircraft left dozens dead": the clause may take the agent for its subject)
      const agent = agentOf.get(n);
      const agentSubject = !!agent && !!c.subject && c.subject.start === agent.start && c.subjectFrom === null && !c.relative;
      const inSubject = ((rangeHas(c.subject, n.head) || rangeHas(c.antecedent, n.head)) && c.subjectFrom === null) || agentSubject;
      if (inSubject) {
        n.clause = c;
        if (frames.some((f) => f.frame === "occur") && c.relative && c.group.passive && c.group.aux.length === 0 && !c.preps.some((pp) => pp.prep === "by")) {
          // "the ceasefire agreement signed in 2001": a description of the noun, not news
          n.emit = false;
        } else if (frames.some((f) => f.frame === "occur" && (!f.match.pattern.onlyRoots || f.match.pattern.onlyRoots.has(n.code.slice(0, 2))))) {
          n.emit = true;
          // "an Israeli strike killed a commander": a strike that harms is a blow (195), not a walkout (143)
          if (n.code === "143" && g.harmVerbs.has(v.norm[c.group.main]!)) n.code = "195";
          n.evidence = { start: n.evidence.start, end: Math.max(n.evidence.end, c.group.end) };
          // "Airstrikes killed 20": the verb tells the result of this event
          if (verb) {
            verb.emit = false;
            if (c.object) n.targetRanges.push(c.object);
            // "an Israeli strike killed 10 people": a strike that kills is force, not a walkout
            if (n.code.startsWith("143") && /^(18|19|20)/.test(verb.code)) n.code = "190";
          }
        } else if (frames.some((f) => f.frame === "negative")) {
          // "the talks failed to yield an accord": the talks took place, the accord did not; "the talks failed": they did not
          n.emit = true;
          const next = cls[c.index + 1];
          if (!(next && next.group.infinitive && next.group.start - c.group.end <= 2)) n.modality = "negated";
        } else if (c.group.copula && g.hedges.has(v.low[c.group.end] ?? "")) {
          // "another summit is unlikely"
          n.emit = true;
          n.modality = "hypothetical";
        } else if (agent && !c.group.copula) {
          // "the arrest of the opposition leader by police sparked outrage": a deed told with its doer is news
          n.emit = true;
          n.agentTold = true;
          n.evidence = { start: n.evidence.start, end: Math.max(n.evidence.end, agent.end) };
          if (agentSubject && verb) verb.emit = false;
        }
        decided = true;
        break;
      }
    }
    {
      // "the remarks during a video conference with X, which was held on Tuesday": the clause's subject took part
      const p = n.evidence.start - 1 >= sStart ? v.low[n.evidence.start - 1]! : "";
      if (decided && PRESUPPOSED_OK.has(p) && n.symmetric) {
        const around = clauseAround(cls, n.evidence.start - 1);
        if (around?.subject && !n.sourceRanges.includes(around.subject)) n.sourceRanges.push(around.subject);
        n.presupposedBy ??= p;
        n.hostClause = around;
      }
    }
    if (!decided) {
      // "there were violent clashes between police and students": an event said to exist happened (or will)
      // (not "there is no agreement", which says nothing happened)
      const host = cls.find((c) => rangeHas(c.object, n.head) && c.group.copula && !c.group.negated && c.subject !== null && c.subject.end - c.subject.start === 1 && v.low[c.subject.start] === "there");
      if (host && v.low[n.evidence.start] !== "no" && v.low[host.group.end] !== "no") {
        decided = true;
        n.emit = true;
        n.clause = host;
        n.sourceRanges = n.sourceRanges.filter((r) => r !== host.subject);
      }
    }
    if (!decided) {
      // prepositions: "during the video conference", "since the destruction of …", "before the election"
      const before = n.evidence.start - 1;
      if (before >= sStart) {
        let p = v.low[before]!;
        let q = before;
        if (p === "of" && before - 1 >= sStart) {
          const w = v.low[before - 1]!;
          if (g.historical.has(v.norm[before - 1]!)) {
            n.historical = true;
            n.emit = true;
            n.clause = clauseAround(cls, before);
            decided = true;
          } else if (w === "ahead" || w === "wake") {
            p = w === "ahead" ? "ahead" : "after";
            q = before - 1;
          }
        }
        // "a prisoner died of torture in police custody", "died as a result of beatings": the cause of a death is a
        // deed done to the one who died, by whoever held them
        if (!decided && (p === "of" || p === "from" || p === "under") && before - 1 >= sStart) {
          const w = before - 1;
          const died = v.norm[w] === "die" || v.norm[w] === "succumb" ? w : v.low[w] === "result" && w - 3 >= sStart && v.norm[w - 3] === "die" ? w - 3 : -1;
          const host = died >= 0 ? clauseAround(cls, died) : null;
          if (host && host.subject && n.code >= "18") {
            decided = true;
            n.emit = true;
            n.presupposedBy = "in";
            n.clause = host;
            n.hostClause = host;
            n.targetRanges.push(host.subject);
            for (let k = n.trigger.end; k < sEnd; k++) {
              if (!v.isWord(k, g.custodyNouns)) continue;
              const holder = npEndingAt(v, k, n.trigger.end);
              if (holder) n.sourceRanges.push(holder);
              break;
            }
          }
        }
        // "were wounded by Israeli gunfire": the agent of a passive is the deed's means, its setting, not a deadline
        // ("backed by U.S.-led airstrikes", "ravaged by war": so is "by" after any participle)
        if (p === "by") {
          const host = clauseAround(cls, q);
          let k = q - 1;
          while (k >= sStart && v.pos[k] === "ADV") k--;
          if ((host && host.group.passive && host.group.end <= q) || (k >= sStart && v.pos[k] === "VERB")) p = "in";
        }
        // "help in financing the Gulf war": a gerund with its own object makes the phrase a deed of its own, no setting
        const first = n.evidence.start;
        const gerundFirst = first < n.trigger.start && (v.pos[first] === "NOUN" || v.pos[first] === "VERB") && v.low[first]!.endsWith("ing") && (v.pos[first + 1] === "DET" || v.pos[first + 1] === "PROPN");
        if (!decided && gerundFirst) decided = true;
        // "halted loans in protest at its nuclear tests", "in response to the attack", "in retaliation for the
        // shelling": the reason for a deed is an earlier event, background
        if (!decided && q - 1 >= sStart && g.reasonNouns.has(v.norm[q - 1]!) && (p === "at" || p === "against" || p === "over" || p === "to" || p === "for" || p === "of")) {
          decided = true;
          n.emit = false;
          n.presupposedBy = "after";
          n.clause = clauseAround(cls, q);
          n.hostClause = n.clause;
        }
        if (!decided && g.presupposing.has(p)) {
          decided = true;
          // "during the summit", "at the talks", "killed in an airstrike" tell the event; "after the attack",
          // "since the destruction" recall a background one (kept only to date its recaps)
          // "in" tells the deed only for force ("killed in an airstrike"), not "mediation in the talks"
          n.emit = PRESUPPOSED_OK.has(p) || (p === "in" && n.code >= "14");
          // ("recalled its ambassador in protest at the invasion": the bare idiom gives the deed's reason, no protest)
          if (p === "in" && n.evidence.start === n.trigger.start && g.reasonNouns.has(v.norm[n.trigger.start]!)) n.emit = false;
          n.presupposedBy = p;
          n.clause = clauseAround(cls, q);
          // "Trump, speaking at a rally in Florida": a rally one speaks at is a campaign's, no protest
          if (n.code.startsWith("14") && n.clause && v.isWord(n.clause.group.main, g.speakingVerbs)) n.emit = false;
          // "soldiers killed in the war": the setting of a description is background too
          if (n.clause && n.clause.relative && n.clause.group.aux.length === 0 && !n.clause.preps.some((pp) => pp.prep === "by")) n.emit = false;
          n.hostClause = n.clause;
          if (n.clause?.subject && PRESUPPOSED_OK.has(p)) n.sourceRanges.push(n.clause.subject);
          // "merchants closed their shops in a strike against Israeli taxes": who acts in a protest makes it
          // (a protest told with its article: "in protest at its nuclear tests" is the reason for another deed)
          else if (n.clause?.subject && p === "in" && n.emit && n.code.startsWith("14") && v.pos[n.evidence.start] === "DET" && !n.clause.group.passive) {
            n.sourceRanges.push(n.clause.subject);
            for (const pp of prepPhrases(v, n.trigger.end, n.evidence.end, 2)) if (pp.prep === "against") n.targetRanges.push(pp);
          }
        } else if (!decided && g.prospective.has(p)) {
          decided = true;
          n.emit = true;
          n.prospective = true;
          n.modality = "future";
          n.clause = clauseAround(cls, q);
        } else if (!decided && p === "without") {
          decided = true;
          n.emit = true;
          n.modality = "negated";
          n.clause = clauseAround(cls, q);
        }
      }
    }
    if (!decided && n.recap && hasPossessive(v, { start: n.evidence.start, end: n.trigger.start }) && /\p{Lu}/u.test(v.tokens[n.evidence.start]!.text) && n.modality === "asserted") {
      // "Russia's annexation of Crimea", "the U.S. president's visit": an agent's deed, told as a known fact
      decided = true;
      n.emit = true;
      n.presupposedBy = "possessor";
      n.clause = clauseAround(cls, n.trigger.start);
    }
    if (!decided && groups.length === 0) {
      // a headline-like fragment without a verb: "Trump-Kim summit in Hanoi"
      n.emit = true;
      n.recap = true;
    }
    // "no agreement", "another summit"
    const det = n.evidence.start < n.trigger.start ? v.low[n.evidence.start] : n.trigger.start > sStart ? v.low[n.trigger.start - 1] : "";
    if (det === "no") n.modality = "negated";
    if ((det === "another" && n.presupposedBy === null) || det === "any") if (n.modality === "asserted") n.modality = "hypothetical";
    // hedge nouns before: "the possibility of …", "plans for …"
    const of = n.evidence.start - 1;
    if (of - 1 >= sStart && (v.low[of] === "of" || v.low[of] === "for") && g.hedgeNouns.has(v.norm[of - 1]!)) n.modality = "hypothetical";
    mentions.push(n);
  }

  // 5. frames: link what each frame governs
  for (const c of cls) {
    const fm = chosenOf.get(c.index);
    if (!fm) continue;
    const frame = fm.frame!;
    const infinitive = infinitiveOf.get(c.index);
    if (infinitive) {
      fm.complementClause = infinitive;
      // "X was accused of misusing funds by Y": the accusers come last, after what they allege
      if (frame === "accuse" && c.group.passive && !c.preps.some((pp) => pp.prep === "by")) {
        const by = agentAfter(v, cls, chosenOf, infinitive.group.end, sEnd);
        if (by) {
          fm.sourceRanges = [by];
          for (const x of cls) if (x.index >= infinitive.index) x.preps = x.preps.filter((pp) => pp.at !== by.at);
        }
      }
      if (!infinitive.group.infinitive && !infinitive.subject && fm.pattern?.control !== "object") {
        // "stop supplying gas": the gerund's subject is the frame's
        infinitive.subject = c.subject;
        infinitive.subjectFrom = c.subjectFrom ?? c.index;
        for (const m of mentions) if (m.clause === infinitive && m.kind !== "noun") retarget(m, infinitive);
      }
      if (fm.pattern?.control === "object" && c.object) {
        const was = infinitive.subject;
        infinitive.subject = c.object;
        infinitive.subjectFrom = null;
        for (const m of mentions) if (m.clause === infinitive && m.kind !== "noun") retarget(m, infinitive);
        // ("urged both sides to agree to a ceasefire": the ceasefire is the sides', not the urger's)
        for (const n of nounMentions) if (n.clause === infinitive && was) n.sourceRanges = n.sourceRanges.map((r) => (r === was || (r.start === was.start && r.end === was.end) ? c.object! : r));
      }
      // the frame is nearer than any speech verb before it
      // (an event set as background is not what is agreed or threatened: "agreed to cooperate amid the threat")
      for (const m of mentions) if (m.clause === infinitive && m !== fm && (!m.governor || m.governor.kind === "speech") && !isBackground(m)) setGovernor(m, fm);
      // "threatened to attack the base and kill the general": the coordinated verb is framed too
      for (let k = infinitive.index + 1; k < cls.length; k++) {
        const x = cls[k]!;
        const before = x.group.start - 1;
        // "agreed to cooperate in fighting rustlers": a gerund after a preposition belongs to the framed verb
        if (x.subjectFrom === null || before < sStart || !(v.pos[before] === "CCONJ" || v.low[before] === "," || (x.group.gerund && v.pos[before] === "ADP"))) break;
        // ", saying he would …" is an adjunct of the whole clause, not a second framed verb
        if (x.group.gerund && !infinitive.group.gerund && v.pos[before] !== "ADP") break;
        // "threatened to veto the package but backed down": a verb in the past tense is no infinitive's partner
        if (x.group.past && !x.group.passive && x.group.aux.length === 0 && infinitive.group.infinitive) break;
        for (const m of mentions) if (m.clause === x && m !== fm && (!m.governor || m.governor.kind === "speech") && !isBackground(m)) setGovernor(m, fm);
      }
      const verb = verbMentionOf.get(c.index);
      if (verb && (frame !== "aspect" && frame !== "support")) verb.emit = false;
      continue;
    }
    if (frame === "speech" || frame === "deny" || frame === "demand" || (frame === "accuse" && thatFollows(v, c))) {
      // the complement: what follows (inside the same quotation, if any), or for "'…,' X said." what precedes
      const q = quoted[c.group.main - sStart]!;
      const after = cls.filter((x) => x.index > c.index && quoted[x.group.main - sStart] === q && !(q && hasCloseBetween(c.group.main, x.group.main)));
      const quotedBefore = !q && cls.some((x) => x.index < c.index && quoted[x.group.main - sStart]);
      const lead = c.subject && c.subject.start < c.group.start ? c.subject.start - 1 : c.group.start - 1;
      // ("…, a charge Washington denied": an object relative's verb reports nothing before its noun)
      let objectRelative = false;
      if (c.subject) for (let k = c.subject.start; k + 1 < c.subject.end && !objectRelative; k++) objectRelative = v.pos[k] === "NOUN" && (v.pos[k + 1] === "PROPN" || v.pos[k + 1] === "PRON");
      const final = ((after.length === 0 && c.index > 0 && lead >= sStart && (v.low[lead] === "," || QUOTE_MARKS.has(v.low[lead]!))) || quotedBefore) && !objectRelative;
      const governed = final ? cls.filter((x) => x.index < c.index && (!quotedBefore || quoted[x.group.main - sStart])) : after;
      fm.complementBefore = final;
      for (const m of mentions) {
        if (m === fm || !m.clause || !governed.includes(m.clause)) continue;
        if (m.kind === "noun" && !m.emit) continue;
        // the nearest frame governs: a later speech verb takes over from an earlier one
        if (!m.governor || (!final && m.governor.kind === "speech" && m.governor.clause!.group.start < c.group.start)) setGovernor(m, fm);
      }
      const verb = verbMentionOf.get(c.index);
      if (verb && (frame === "speech" || (frame === "accuse" && fm.framed.length))) verb.emit = false;
      if (verb && frame !== "speech" && fm.framed.length === 0) fm.emit = false;
      continue;
    }
    // nominal complement: the verb's own pattern yields to the frame ("reject the plan" → framed)
    if (fm.framed.length) {
      const verb = verbMentionOf.get(c.index);
      if (verb && frame !== "support" && frame !== "aspect") verb.emit = false;
    } else if (frame !== "support" && frame !== "aspect") {
      const verb = verbMentionOf.get(c.index);
      if (verb && verb.emit) fm.emit = false;
    }
  }
  // 6. an infinitive after a noun of intention or possibility: "its threat to stop supplying gas", "plans to impose restrictions"
  for (const x of cls) {
    if (!x.group.infinitive) continue;
    // the noun before "to", or before a short phrase: "an ultimatum to Ecuador to halt attacks"
    let noun = x.group.start - 2;
    if (noun >= sStart && v.pos[noun] !== "NOUN" && !g.nounFrames.has(v.norm[noun]!)) {
      for (let k = noun - 1; k >= sStart && k >= noun - 5; k--) {
        if (v.pos[k] === "ADP" && k - 1 >= sStart && g.nounFrames.has(v.norm[k - 1]!)) {
          noun = k - 1;
          break;
        }
        if (!isNpToken(v, k)) break;
      }
    }
    if (noun < sStart || (v.pos[noun] !== "NOUN" && v.pos[noun] !== "PROPN")) continue;
    const w = v.norm[noun]!;
    const frame = g.nounFrames.get(w);
    const host = cls.find((c) => c.index < x.index && (rangeHas(c.object, noun) || c.preps.some((pp) => rangeHas(pp, noun)))) ?? null;
    const hostVerb = host ? verbMentionOf.get(host.index) : undefined;
    const hostFrame = host ? chosenOf.get(host.index) : undefined;
    const np = npEndingAt(v, noun, sStart);
    const negatedNoun = !!np && v.low[np.start] === "no";
    // "welcomed the Soviet decision to withdraw troops": the noun's owner does what it decided
    // "approval for the United Nations to deliver aid", "borders for South Koreans to inspect": for X to do
    let forAt = -1;
    if (np && x.subjectFrom !== null) for (let k = noun - 1; k >= np.start - 1 && k >= sStart; k--) if (v.low[k] === "for" && v.pos[k] === "ADP") {
      forAt = k;
      break;
    }
    if (forAt >= 0) {
      x.subject = { start: forAt + 1, end: noun + 1 };
      x.subjectFrom = null;
      for (const m of mentions) if (m.clause === x && m.kind !== "noun") retarget(m, x);
    }
    // (a common noun only: "crossed into Zaire on Tuesday to attack" and "summoned the Chinese ambassador to
    // complain" are the subject's deeds)
    else if (np && np.start < noun && x.subjectFrom !== null && v.pos[noun] === "NOUN") {
      let owned = false;
      for (let i = np.start; i < noun; i++) if ((v.pos[i] !== "DET" && /^\p{Lu}/u.test(v.tokens[i]!.text)) || v.low[i] === "'s" || v.low[i] === "’s" || /^(?:its|their|his|her)$/.test(v.low[i]!)) owned = true;
      if (owned) {
        x.subject = { start: np.start, end: noun };
        x.subjectFrom = null;
        for (const m of mentions) if (m.clause === x && m.kind !== "noun") retarget(m, x);
      }
    }
    // a noun that frames like a verb, where the clause only carries it ("reiterated its threat to", "issued an
    // ultimatum to"); "rejected a request to" is the rejection's business
    if (frame && frame !== "future" && frame !== "hypothetical" && !negatedNoun && (!hostVerb || !hostVerb.emit || hostFrame?.frame === "speech" || hostFrame?.frame === "support" || hostVerb.code.startsWith("13"))) {
      // the one who made the threat: a possessor ("Sweden's decision to"), else the clause's subject
      const fm = newMention(DEFAULT_FRAME_CODE[frame] ?? "", "frame", syntheticFrame(frame, DEFAULT_FRAME_CODE[frame] ?? ""), frame, sentence, { start: noun, end: noun + 1 }, host);
      const namedPossessor = !!np && np.end - np.start > 1 && (v.low[np.end - 2] === "'s" || v.low[np.end - 2] === "’s" || v.low.slice(np.start, np.end).some((w) => w === "'s" || w === "’s"));
      fm.sourceRanges = namedPossessor ? [np!] : host?.subject ? [host.subject] : np ? [np] : [];
      fm.targetRanges = prepPhrases(v, noun + 1, x.group.start - 1, 2);
      fm.complementClause = x;
      fm.evidence = { start: host?.subject && host.subjectFrom === null ? host.subject.start : noun, end: x.rightEnd };
      if (host) {
        if (hostFrame) setGovernor(fm, hostFrame);
        if (hostVerb) hostVerb.emit = false;
      }
      mentions.push(fm);
      for (const m of mentions) if (m.clause === x && m !== fm && (!m.governor || m.governor.kind === "speech")) setGovernor(m, fm);
      continue;
    }
    // "an attempt to assassinate the governor was thwarted", "survived a bid to kill him": the attempt on a life
    // happened, whether or not the killing did (185)
    if (v.grammar.attemptNouns.has(w) && !negatedNoun) {
      // the clause that tells the attempt: the one it is the object of, else the verb after it when it is the subject
      const told = cls.find((c) => c.index < x.index && rangeHas(c.object, noun)) ?? (cls.some((c) => c.index < x.index) ? null : cls.find((c) => c.index > x.index && !c.group.infinitive)) ?? null;
      let found = false;
      for (const m of mentions) {
        if (m.clause !== x || m.kind !== "verb" || (m.governor && m.governor.kind !== "speech") || !(m.code.startsWith("1823") || m.code.startsWith("186"))) continue;
        m.code = "185";
        m.evidence = { start: Math.min(m.evidence.start, np ? np.start : noun), end: m.evidence.end };
        // (where the attempt was made: "… was thwarted in Khanty-Mansiysk")
        if (told) m.complementClause ??= told;
        // (who foiled or survived an attempt did not make it: "police thwarted an attempt to kill …")
        if (told && told.index < x.index && x.subjectFrom !== null && !v.grammar.attemptMakers.has(v.norm[told.group.main]!)) m.sourceRanges = [];
        found = true;
      }
      if (found) continue;
    }
    if (!g.hedgeNouns.has(w) && !frame) continue;
    // "praised Seoul's decision to open its market": what another's deed is about tells no intention of its own
    const topic = !!hostVerb && hostVerb.emit && frame !== "future" && frame !== "hypothetical";
    for (const m of mentions) {
      if (m.clause !== x || (m.governor && m.governor.kind !== "speech")) continue;
      m.modality = negatedNoun ? "negated" : FUTURE_NOUNS.has(w) && !topic ? "future" : "hypothetical";
    }
  }
  // 7. a purpose infinitive after a complete clause ("blocked streets to demand reforms", "embarked on a trip to
  // seek support") tells an aim, not a deed; right after its verb ("voted to impose") it is the verb's complement
  for (const x of cls) {
    if (!x.group.infinitive || x.index === 0) continue;
    const prev = cls[x.index - 1]!;
    const to = x.group.start - 1;
    let k = prev.group.end;
    // (a date between them changes nothing: "voted on Tuesday to impose an embargo")
    while (k < to && (v.pos[k] === "ADV" || v.pos[k] === "PART" || timeTokens.has(k) || (v.pos[k] === "ADP" && timeTokens.has(k + 1)))) k++;
    if (k >= to) continue;
    // "set up a commission to investigate the war", "sent a team to investigate": the body's task is the deed
    const body = v.grammar.inquiryBodies.has(v.norm[to - 1] ?? "");
    for (const m of mentions) {
      if (m.clause !== x || (m.governor && m.governor.kind !== "speech") || (m.kind === "noun" && m.presupposedBy !== null)) continue;
      if (body && m.code.startsWith("09")) continue;
      // ("made an attempt to kill the president": the attempt's complement, not an aim)
      if (m.code === "185" && v.grammar.attemptNouns.has(v.norm[to - 1] ?? "")) continue;
      m.purpose = true;
      if (m.modality === "asserted") m.modality = "hypothetical";
    }
  }
  // 8. "hackers capable of launching cyber warfare", "the possibility of sending troops": only possible
  for (const x of cls) {
    const of = x.group.start - 1;
    if (!x.group.gerund || of - 1 < sStart || (v.low[of] !== "of" && v.low[of] !== "for") || !g.hedgeNouns.has(v.norm[of - 1]!)) continue;
    for (const m of mentions) {
      if (m.clause !== x || (m.governor && m.governor.kind !== "speech")) continue;
      if (m.modality === "asserted") m.modality = FUTURE_NOUNS.has(v.norm[of - 1]!) ? "future" : "hypothetical";
    }
  }
  // 9. "opposition supporters rioted in Nairobi after police banned a rally": a clause that "after" puts behind the
  // sentence's deed is its background, as "after the attack" is
  for (const x of cls) {
    const first = Math.min(x.group.start, x.subject?.start ?? x.group.start);
    if (x.index === 0 || first - 1 < sStart || v.low[first - 1] !== "after" || x.subjectFrom !== null || x.relative || !x.subject || x.group.gerund) continue;
    // (not one measured from it, "two days after Moon met Trump": that dates an event of its own)
    if (/^(?:minute|hour|day|week|month|year|moment|shortly|soon|just|only|hours|days|weeks|months|years|minutes)$/.test(v.low[first - 2] ?? "")) continue;
    // (not when the deed before is told in the passive, its doer perhaps in the clause after: "11 soldiers were killed
    // after the Islamic State attacked …")
    const main = mentions.some((m) => m.emit && m.clause && m.clause.index < x.index && m.kind === "verb" && m.trigger.start < first && !m.clause.group.passive && m.clause.subject !== null);
    if (!main) continue;
    for (const m of mentions) if (m.clause === x && m.kind !== "speech" && (!m.governor || m.governor.kind === "speech")) m.emit = false;
  }
  // 10. "blamed Chinese troops for border clashes that killed several soldiers": what an accusation alleges is only
  // alleged, also where a relative clause tells it
  for (const fm of mentions) {
    if ((fm.frame !== "accuse" && !(fm.kind === "verb" && fm.code.startsWith("112") && ALLEGE_VERBS.has(v.norm[fm.trigger.start]!))) || !fm.clause) continue;
    // (and a deed coordinated with an alleged one: "accused Iraqi troops of torturing and executing civilians")
    const alleged = new Set(mentions.filter((m) => m.governor === fm && m.clause).map((m) => m.clause!.index));
    // (the accusation's own pattern may hold the first deed: "accused X of torturing" is one row)
    const ownGerund = fm.kind === "verb" && /ing$/.test(v.low[fm.patternEnd - 1] ?? "");
    for (const m of mentions) {
      if (m === fm || m.governor === fm || !m.clause || m.clause.subjectFrom === null) continue;
      const coordinated = alleged.has(m.clause.subjectFrom) || (ownGerund && m.clause.subjectFrom === fm.clause.index && m.clause.group.gerund && /^(?:and|or)$/.test(v.low[m.clause.group.start - 1] ?? ""));
      if (!coordinated) continue;
      if ((!m.governor || m.governor.kind === "speech") && m.modality === "asserted") m.modality = "hypothetical";
    }
    for (const pp of fm.clause.preps) {
      if (!ACCUSE_PREPS.has(pp.prep) || pp.start < fm.trigger.end) continue;
      for (const m of mentions) {
        if (m === fm || m.governor === fm) continue;
        const inside = (m.head >= pp.start && m.head < pp.end) || (!!m.clause?.relative && !!m.clause.subject && m.clause.subject.start >= pp.start && m.clause.subject.start < pp.end);
        if (inside && m.modality === "asserted") m.modality = "hypothetical";
      }
    }
  }
  // 11. "the 1982 war over the Falklands", "since the 1979 revolution": a year that names a conflict recalls history,
  // it reports nothing new
  // ("India and Pakistan, which fought the 1971 war": so is fighting it)
  const eraNamed = (r: Range | null | undefined): boolean => {
    if (!r) return false;
    for (let i = Math.max(r.start, sStart + 1); i < r.end && i < sEnd; i++) {
      if (!yearAfterDeterminer(v, i)) continue;
      for (let j = i + 1; j < Math.min(i + 4, r.end); j++) if (g.eraNouns.has(v.norm[j]!)) return true;
    }
    return false;
  };
  for (const m of mentions) {
    if (!m.emit || m.code < "14") continue;
    if (m.kind === "noun" ? g.eraNouns.has(v.norm[m.head]!) && eraNamed({ start: m.evidence.start, end: m.head + 1 }) : m.kind === "verb" && eraNamed(m.clause?.object)) m.emit = false;
    // ("a ceasefire in the Gulf war", "during the Iran-Iraq war": a war named by a proper name, as a setting, is history
    // the sentence refers to)
    else if (m.kind === "noun" && m.presupposedBy !== null && g.eraNouns.has(v.norm[m.head]!) && m.head - 1 > sStart && m.head - 1 >= m.evidence.start && /^\p{Lu}/u.test(v.tokens[m.head - 1]!.text) && v.pos[m.head - 1] !== "DET") m.emit = false;
  }
  // 12. "there was no sign that Syria would withdraw", "the possibility that talks resume": a that-clause a hedge
  // noun governs is only possible
  for (const x of cls) {
    const first = Math.min(x.group.start, x.subject?.start ?? x.group.start);
    const that = first - 1;
    if (that - 1 < sStart || v.low[that] !== "that" || !g.hedgeNouns.has(v.norm[that - 1]!) || v.pos[that - 1] !== "NOUN") continue;
    for (const m of mentions) {
      if (m.clause !== x || (m.governor && m.governor.kind !== "speech")) continue;
      if (m.modality === "asserted" || m.modality === "future") m.modality = "hypothetical";
    }
  }
  for (const m of mentions) if (m.clause) m.quoted = quoted[m.clause.group.main - sStart]!;
  return { clauses: cls, mentions };
}

const NO_TOKENS: ReadonlySet<number> = new Set();

/** "last year", "this week": an object that is all a temporal expression is no object ("weapons seized last year"). */
function isTimePhrase(r: Range, timeTokens: ReadonlySet<number>): boolean {
  for (let k = r.start; k < r.end; k++) if (!timeTokens.has(k)) return false;
  return true;
}

/**
 * The agent phrase ("by Y") that a passive frame's complement leaves to the end of the sentence: the last
 * "by" before any reporting clause, not right after a participle ("funds embezzled by Z" names Z's deed).
 */
function agentAfter(v: TokenView, cls: Frame_[], chosenOf: Map<number, Mention>, from: number, sEnd: number): PrepPhrase | null {
  let stop = sEnd;
  for (const x of cls) if (x.group.start >= from && chosenOf.get(x.index)?.frame === "speech") {
    stop = Math.min(stop, x.subject && x.subject.start < x.group.start ? x.subject.start : x.group.start);
    break;
  }
  let found: PrepPhrase | null = null;
  for (let i = from; i < stop; i++) {
    if (v.low[i] !== "by" || v.pos[i] !== "ADP") continue;
    const p = v.pos[i - 1];
    if (p === "VERB" || p === "AUX" || v.low[i - 1]!.endsWith("ed")) continue;
    const np = npStartingAt(v, i + 1, stop);
    if (np) found = { start: np.start, end: np.end, prep: "by", at: i };
  }
  return found;
}

/** The code of a frame named by a noun when what it frames is not codable ("a threat to do something"). */
const DEFAULT_FRAME_CODE: Partial<Record<Frame, string>> = { threaten: "130", intent: "030", appeal: "020", demand: "100", reject: "120" };

/** Nouns whose infinitive tells what lies ahead ("plans to", "decision to"); the other hedge nouns make it only possible. */
const FUTURE_NOUNS: ReadonlySet<string> = new Set(["plan", "intention", "decision", "pledge", "promise", "commitment", "readiness", "willingness", "goal", "aim", "agreement", "consensus", "deal", "accord", "understanding", "pact"]);

function syntheticFrame(frame: Frame, code: string): Pattern {
  return {
    origin: "grammar",
    code,
    kind: "frame",
    head: [],
    object: [],
    targetPreps: null,
    noTarget: false,
    symmetric: false,
    active: false,
    passiveOnly: false,
    needsTarget: false,
    stateTarget: false,
    needsObject: false,
    intransitive: false,
    undergo: false,
    explosiveSubject: false,
    noPredicate: false,
    infinitiveOnly: false,
    cooperative: false,
    decision: false,
    onlyRoots: null,
    pairCode: null,
    elseCode: null,
    frame,
    control: "subject",
    weight: 0,
  };
}

function isQuote(s: string): boolean {
  return s === '"' || s === "”" || s === "“" || s === "''" || s === "'";
}

function hasPossessive(v: TokenView, r: Range): boolean {
  for (let i = r.start; i < r.end; i++) {
    const l = v.low[i]!;
    if (l === "'s" || l === "’s" || l === "their" || l === "its" || l === "his" || l === "her" || l === "our") return true;
  }
  return false;
}

/** Whether the clause after a speech verb is what it reports (not a relative clause further on). */
function complementFollows(v: TokenView, c: Frame_, next: Frame_, sEnd: number): boolean {
  let i = c.group.end;
  while (i < sEnd && v.pos[i] === "ADV") i++;
  // the addressee or a time: "told reporters", "said on Monday", "said here Wednesday"
  if (c.object && c.object.start === i) i = c.object.end;
  for (const pp of c.preps) if (pp.at === i && /^(?:on|in|at|during|to)$/.test(pp.prep)) i = pp.end;
  while (i < sEnd && (v.pos[i] === "ADV" || v.low[i] === "," || QUOTE_MARKS.has(v.low[i]!) || v.low[i] === ":")) i++;
  if (v.low[i] === "that" || v.low[i] === "whether" || v.low[i] === "if") return true;
  // the next clause's subject starts here, or its verb does
  const start = next.subject && next.subjectFrom === null && next.subject.start < next.group.start ? next.subject.start : next.group.start;
  return start <= i + 1;
}

/** "charged that …", "alleged on Monday that …": a content clause right after the verb, past adverbs and time phrases. */
function thatFollows(v: TokenView, c: Frame_): boolean {
  let i = c.group.end;
  for (let guard = 0; guard < 8; guard++) {
    while (v.pos[i] === "ADV" || v.low[i] === ",") i++;
    const pp = c.preps.find((p) => p.at === i && /^(?:on|in|at|during)$/.test(p.prep));
    if (!pp) break;
    i = pp.end;
  }
  return v.low[i] === "that";
}

/** Only adverbs, particles and time words between two tokens ("threatened today to", "agreed in principle on Saturday to"). */
function onlyAdverbials(v: TokenView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const p = v.pos[i]!;
    if (p === "ADV" || p === "PART" || p === "NUM" || v.low[i] === ",") continue;
    if (p === "ADP" && i + 1 < to) continue;
    if ((p === "PROPN" || p === "NOUN") && i > from && v.pos[i - 1] === "ADP") continue;
    if (p === "NOUN" && (v.low[i] === "today" || v.low[i] === "yesterday" || v.low[i] === "principle")) continue;
    if (p === "PROPN" && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(v.low[i]!)) continue;
    return false;
  }
  return true;
}

/** A second noun phrase after an object ("called them an occupying army", "called the vote a sham"). */
function predicateAfter(v: TokenView, object: Range, sEnd: number): boolean {
  // (a quoted name too: 'calling the war "a humanitarian catastrophe"')
  const at = object.end < sEnd && (v.low[object.end] === '"' || v.low[object.end] === "“") ? object.end + 1 : object.end;
  const next = at < sEnd ? v.pos[at]! : "";
  if (next === "DET" || next === "ADJ" || next === "NOUN") return true;
  for (let i = object.start + 1; i < object.end; i++) {
    if (v.pos[i] !== "DET" || v.low[i] === "'s") continue;
    const before = (v.low[i - 1] === '"' || v.low[i - 1] === "“") && i - 2 >= object.start ? i - 2 : i - 1;
    if (v.pos[before] === "NOUN" || v.pos[before] === "PRON" || v.pos[before] === "PROPN") return true;
  }
  return false;
}

/** The token after a short parenthesis starting at i ("(Sharekat-e Vahed)"), or i. */
function skipParenthesis(v: TokenView, i: number, limit: number): number {
  if (v.low[i] !== "(") return i;
  for (let k = i + 1; k < limit && k < i + 10; k++) if (v.low[k] === ")") return k + 1;
  return i;
}

function verbUsedBeyond(verb: Mention, c: Frame_): boolean {
  return !!c.object && verb.patternEnd > c.object.end;
}

function hasBarrierBetween(v: TokenView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if ((v.pos[i] === "VERB" && !isNpToken(v, i)) || v.pos[i] === "AUX" || v.pos[i] === "SCONJ") return true;
    if (v.low[i] !== "," && isBarrier(v, i)) return true;
  }
  return false;
}

function clauseAround(cls: Frame_[], token: number): Frame_ | null {
  let best: Frame_ | null = null;
  for (const c of cls) {
    if (c.group.start <= token) best = c;
    if (c.group.start <= token && token < c.rightEnd) return c;
  }
  return best ?? cls[0] ?? null;
}

function newMention(code: string, kind: MentionKind, pattern: Pattern | null, frame: Frame | null, sentence: number, trigger: Range, clause: Frame_ | null): Mention {
  const m: Mention = {
    code,
    kind,
    pattern,
    frame,
    sentence,
    trigger,
    clause,
    sourceRanges: [],
    targetRanges: [],
    symmetric: pattern?.symmetric ?? false,
    modality: "asserted",
    governor: null,
    framed: [],
    recap: false,
    historical: false,
    prospective: false,
    evidence: { ...trigger },
    emit: true,
    head: trigger.end - 1,
    presupposedBy: null,
    complementBefore: false,
    quoted: false,
    hostClause: null,
    complementClause: null,
    patternEnd: trigger.end,
    purpose: false,
  };
  if (clause && kind !== "noun") retarget(m, clause);
  return m;
}

/** Source and target ranges of a verb-like mention from its clause (active or passive). */
function retarget(m: Mention, c: Frame_): void {
  const vg = c.group;
  const p = m.pattern;
  const passive = (vg.passive && !p?.active) || !!p?.undergo;
  const tp = p?.targetPreps;
  m.sourceRanges = [];
  m.targetRanges = [];
  if (passive && !c.preps.some((pp) => pp.prep === "by") && m.code.startsWith("15") && c.subject) {
    // "Thai troops were deployed on the border": forces moved are their own side's move
    m.sourceRanges.push(c.subject);
    for (const pp of c.preps) if (tp ? tp.has(pp.prep) : false) m.targetRanges.push(pp);
  } else if (passive) {
    const by = c.preps.find((pp) => pp.prep === "by" || (!!p?.undergo && pp.prep === "from"));
    if (by) m.sourceRanges.push(by);
    // ("came under Iranian artillery fire": the doer's nationality before the deed)
    else if (p?.undergo) {
      const under = c.preps.find((pp) => pp.prep === "under") ?? c.object;
      if (under) m.sourceRanges.push(under);
    }
    if (c.subject && !p?.noTarget) m.targetRanges.push(c.subject);
    for (const pp of c.preps) if (pp !== by && tp?.has(pp.prep)) m.targetRanges.push(pp);
  } else {
    if (c.subject) m.sourceRanges.push(c.subject);
    if (!p?.noTarget || p.kind === "frame") {
      if (c.object) m.targetRanges.push(c.object);
      for (const pp of c.preps) if (tp ? tp.has(pp.prep) : false) m.targetRanges.push(pp);
    }
  }
  const own = c.subjectFrom === null && c.subject && c.subject.start < vg.start && !passive ? c.subject.start : vg.start;
  m.evidence = { start: Math.min(own, m.trigger.start), end: Math.max(c.rightEnd, m.trigger.end) };
}

function frameMention(fr: { match: Match; frame: Frame }, c: Frame_): Mention {
  const m = newMention(fr.match.pattern.code, fr.frame === "speech" ? "speech" : "frame", fr.match.pattern, fr.frame, c.group.sentence, { start: c.group.main, end: fr.match.end }, c);
  m.emit = fr.frame !== "future" && fr.frame !== "negative" && fr.frame !== "aspect" && fr.frame !== "support" && fr.frame !== "occur" && !(fr.frame === "hypothetical" && !fr.match.pattern.code);
  return m;
}

function setGovernor(m: Mention, gov: Mention): void {
  if (m === gov) return;
  // never a cycle: the governor must not itself be governed by m
  for (let g = gov.governor, depth = 0; g && depth < 12; g = g.governor, depth++) if (g === m) return;
  if (m.governor) {
    const i = m.governor.framed.indexOf(m);
    if (i >= 0) m.governor.framed.splice(i, 1);
  }
  m.governor = gov;
  gov.framed.push(m);
}

export { baseModality, framedModality };
