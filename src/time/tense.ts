// The tense of the clause a temporal expression sits in, from the tokens layer:
// "said on Tuesday" (past: the Tuesday before), "will meet on Friday" (future:
// the coming Friday). The nearest verb group to the left decides; a timex that
// opens its clause ("On Tuesday, the ministers agreed …") looks right.

import type { Sentence, Token } from "../pipeline/layers.js";
import type { Tense } from "./meaning.js";

const FUTURE_AUX = new Set(["will", "'ll", "’ll", "shall", "wo", "would", "going", "gon"]);
/** Verbs that, followed by "to", put what follows in the future ("planned to leave", "is expected to"). */
const PLAN_VERBS = new Set([
  "plan", "schedule", "set", "due", "expect", "intend", "hope", "aim", "prepare", "slate", "about", "likely",
  "ready", "poised", "expected", "scheduled", "slated", "going",
]);
/** The same, but only while they are not themselves past ("wants to meet", not "tried to scare"). */
const WISH_VERBS = new Set(["want", "seek", "try", "propose", "invite", "ask", "urge", "call", "need", "wish"]);
/** Commitments: what they commit to lies ahead even when the commitment is past ("agreed to buy … in February"). */
const COMMIT_VERBS = new Set(["agree", "decide", "vow", "pledge", "promise", "threaten", "undertake", "resolve"]);
/** Verbs that put their object in the future whatever their tense ("has scheduled a news conference Thursday"). */
const SCHEDULE_VERBS = new Set(["schedule", "reschedule", "plan"]);
const PAST_AUX = new Set(["was", "were", "had", "did", "'d", "’d"]);
const PERFECT_AUX = new Set(["has", "have", "'ve", "’ve"]);
const PRESENT_FORMS = new Set(["is", "are", "am", "'s", "’s", "'re", "’re", "does", "do", "has", "have"]);

const FORWARD = new Set(["until", "till", "til", "through", "by", "payable", "effective", "due", "expires", "expiring", "starting", "beginning"]);

const isVerbal = (t: Token) => t.pos === "VERB" || t.pos === "AUX";
const inGroup = (t: Token) => isVerbal(t) || t.pos === "PART" || t.lower === "not" || t.lower === "n't" || t.pos === "ADV";

function isPastForm(t: Token): boolean {
  if (PAST_AUX.has(t.lower)) return true;
  if (t.pos !== "VERB") return false;
  const w = t.lower;
  const l = t.lemma;
  if (w === l || w.endsWith("ing")) return false;
  if (w === l + "s" || w === l + "es" || (l.endsWith("y") && w === l.slice(0, -1) + "ies")) return false;
  return true;
}

/** Classify a verb group (token indices [a, b)). */
function classify(tokens: readonly Token[], a: number, b: number): Tense {
  let past = false;
  let perfect = false;
  let firstFinite = true;
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (FUTURE_AUX.has(t.lower) && (t.lower !== "going" || next?.lower === "to")) return "future";
    if (next && next.lower === "to" && (PLAN_VERBS.has(t.lemma) || PLAN_VERBS.has(t.lower) || COMMIT_VERBS.has(t.lemma) || (WISH_VERBS.has(t.lemma) && !isPastForm(t)))) return "future";
    // "is to resume": be + to + verb
    if (t.lemma === "be" && next?.lower === "to" && tokens[i + 2] && tokens[i + 2]!.pos === "VERB") return "future";
    if (!isVerbal(t)) continue;
    if (SCHEDULE_VERBS.has(t.lemma)) return "future";
    if (firstFinite) {
      if (PERFECT_AUX.has(t.lower)) perfect = true;
      else if (isPastForm(t)) past = true;
      else if (PRESENT_FORMS.has(t.lower) || t.pos === "VERB") past = false;
      firstFinite = false;
    }
  }
  if (past || perfect) return "past";
  return "present";
}

/** Index of the first token at or after a character offset within [lo, hi). */
export function tokenAt(tokens: readonly Token[], offset: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const LEFT_REACH = 14;
const RIGHT_REACH = 16;

export function tenseAt(tokens: readonly Token[], sentence: Sentence, start: number, end: number): Tense {
  const lo = sentence.tokenStart;
  const hi = sentence.tokenEnd;
  const first = tokenAt(tokens, start, lo, hi);
  const after = tokenAt(tokens, end, first, hi);
  // Cue words right before the timex.
  const prev = tokens[first - 1];
  if (prev && prev.sentence === tokens[first]?.sentence) {
    if (prev.lower === "since") return "past";
    const p2 = tokens[first - 2];
    const p3 = tokens[first - 3];
    // Deadlines look ahead: "until Nov. 9", "payable Jan. 2", "effective Feb. 1", "by February",
    // "ahead of the weekend"; unless the clause is past perfect ("had filed reports by Wednesday").
    if (FORWARD.has(prev.lower) || (prev.lower === "of" && p2?.lower === "ahead")) {
      const t = clauseTense(tokens, lo, hi, first, after);
      if (t === "past-perfect") return "past";
      // "By Monday, officials had …", "it was not until Tuesday that …": the clause's own tense.
      const opens = first - 1 === lo || (first - 2 >= lo && /^[\p{P}]+$/u.test(tokens[first - 2]!.lower) && first - 2 === lo);
      if ((opens || p2?.lower === "not") && t === "past") return "past";
      return "future";
    }
    // "as soon as Tuesday", "as early as next week"
    if (prev.lower === "as" && p3?.lower === "as" && (p2?.lower === "soon" || p2?.lower === "early")) return "future";
  }
  const t = clauseTense(tokens, lo, hi, first, after);
  return t === "past-perfect" ? "past" : t;
}

/** The tense of the verb group nearest a timex (left first, then right); past perfect told apart. */
function clauseTense(tokens: readonly Token[], lo: number, hi: number, first: number, after: number): Tense | "past-perfect" {
  for (let i = first - 1; i >= lo && i >= first - LEFT_REACH; i--) {
    const t = tokens[i]!;
    if (t.lower === ";") break;
    if (!isVerbal(t)) continue;
    let a = i;
    while (a - 1 >= lo && inGroup(tokens[a - 1]!)) a--;
    // "planned to leave": reach past "to" to the planning verb.
    if (a - 2 >= lo && tokens[a]!.lower === "to" && isVerbal(tokens[a - 1]!)) a--;
    let b = i + 1;
    while (b < first && inGroup(tokens[b]!)) b++;
    return withPerfect(tokens, a, b);
  }
  for (let i = after; i < hi && i < after + RIGHT_REACH; i++) {
    const t = tokens[i]!;
    if (!isVerbal(t)) continue;
    let b = i + 1;
    while (b < hi && inGroup(tokens[b]!)) b++;
    return withPerfect(tokens, i, b);
  }
  return null;
}

function withPerfect(tokens: readonly Token[], a: number, b: number): Tense | "past-perfect" {
  const t = classify(tokens, a, b);
  if (t !== "past") return t;
  for (let i = a; i < b; i++) if ((tokens[i]!.lower === "had" || tokens[i]!.lower === "'d" || tokens[i]!.lower === "’d") && i + 1 < b) return "past-perfect";
  return t;
}
