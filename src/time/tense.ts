// The tense of the clause a temporal expression sits in, from the tokens layer:
// "said on Tuesday" (past: the Tuesday before), "will meet on Friday" (future:
// the coming Friday). The nearest verb group to the left decides; a timex that
// opens its clause ("On Tuesday, the ministers agreed …") looks right.

import type { Sentence, Token } from "../pipeline/layers.js";
import { firstStartingFrom } from "../pipeline/spans.js";
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
  // "are due to hold talks on Friday": an adjective of plan before the infinitive's "to" (outside the verb group)
  const to = tokens[a]?.lower === "to" ? a : tokens[a - 1]?.lower === "to" ? a - 1 : -1;
  // (in the present only: "it had been due to expire Friday" looks back)
  if (to > 1 && tokens[to - 1]!.pos === "ADJ" && PLAN_VERBS.has(tokens[to - 1]!.lower) && PRESENT_BE.has(tokens[to - 2]!.lower)) return "future";
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

const LEFT_REACH = 14;
const RIGHT_REACH = 16;

export function tenseAt(tokens: readonly Token[], sentence: Sentence, start: number, end: number): Tense {
  const lo = sentence.tokenStart;
  const hi = sentence.tokenEnd;
  const first = firstStartingFrom(tokens, start, lo, hi);
  const after = firstStartingFrom(tokens, end, first, hi);
  // Cue words right before the timex.
  const prev = tokens[first - 1];
  if (prev && prev.sentence === tokens[first]?.sentence) {
    if (prev.lower === "since") return "past";
    const p2 = tokens[first - 2];
    const p3 = tokens[first - 3];
    // Deadlines look ahead: "until Nov. 9", "payable Jan. 2", "effective Feb. 1", "by February",
    // "ahead of the weekend"; unless the clause is past perfect ("had filed reports by Wednesday").
    if (FORWARD.has(prev.lower) || (prev.lower === "of" && p2?.lower === "ahead")) {
      const t = clauseTense(tokens, sentence, first, after);
      if (t === "past-perfect") return "past";
      // "By Monday, officials had …", "it was not until Tuesday that …": the clause's own tense.
      const opens = first - 1 === lo || (first - 2 >= lo && /^[\p{P}]+$/u.test(tokens[first - 2]!.lower) && first - 2 === lo);
      if ((opens || p2?.lower === "not") && t === "past") return "past";
      return "future";
    }
    // "as soon as Tuesday", "as early as next week"
    if (prev.lower === "as" && p3?.lower === "as" && (p2?.lower === "soon" || p2?.lower === "early")) return "future";
  }
  const t = clauseTense(tokens, sentence, first, after);
  return t === "past-perfect" ? "past" : t;
}

/** The verb group nearest a timex, as token indices [a, b): to the left within the clause first, then to the right. */
function verbGroupAt(tokens: readonly Token[], lo: number, hi: number, first: number, after: number): [number, number] | null {
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
    return [a, b];
  }
  for (let i = after; i < hi && i < after + RIGHT_REACH; i++) {
    if (!isVerbal(tokens[i]!)) continue;
    let b = i + 1;
    while (b < hi && inGroup(tokens[b]!)) b++;
    return [i, b];
  }
  return null;
}

/** The tense of the verb group nearest a timex; past perfect told apart. */
function clauseTense(tokens: readonly Token[], sentence: Sentence, first: number, after: number): Tense | "past-perfect" {
  const g = verbGroupAt(tokens, sentence.tokenStart, sentence.tokenEnd, first, after);
  if (!g) return null;
  const t = withPerfect(tokens, g[0], g[1]);
  // "The truce ends on Monday": a schedule, in a story's body (titles and captions tell the past in the present).
  if (t === "present" && sentence.kind === "body" && isScheduledPresent(tokens, g[0], g[1])) return "future";
  return t;
}

/** Verbs whose simple present states a timetable ("the truce ends Monday", "talks resume Tuesday"). */
const TIMETABLE_VERBS = new Set([
  "end", "begin", "start", "expire", "open", "close", "resume", "reopen", "conclude", "finish", "arrive", "leave", "depart",
  "return", "travel", "fly", "visit", "meet", "host", "convene", "kick", "launch",
]);
/** "takes effect", "takes office", "takes place". */
const TAKE_OBJECTS = new Set(["effect", "office", "place"]);

/** A verb group opening with a timetable verb in the simple present, no auxiliary before it. */
function isScheduledPresent(tokens: readonly Token[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    if (t.lower === "to") return false; // an infinitive ("due to expire Friday"), not a finite verb
    if (!isVerbal(t)) continue;
    if (t.pos !== "VERB" || isPastForm(t) || t.lower.endsWith("ing")) return false;
    if (t.lemma === "take") return TAKE_OBJECTS.has(tokens[i + 1]?.lower ?? "");
    return TIMETABLE_VERBS.has(t.lemma);
  }
  return false;
}

const PRESENT_BE = new Set(["is", "are", "am", "'s", "’s", "'re", "’re"]);
const PLANNED = new Set(["scheduled", "expected", "set", "due", "slated", "planned", "going"]);

/**
 * The clause says outright that it is ahead: "will", "shall", "is going to",
 * "is to", "is scheduled/expected/set/due to". Unlike a deadline ("until June 12")
 * or a past commitment ("agreed to meet on June 12"), this puts a day without a
 * year that has already passed this year into the next.
 */
export function explicitFutureAt(tokens: readonly Token[], sentence: Sentence, start: number, end: number): boolean {
  const first = firstStartingFrom(tokens, start, sentence.tokenStart, sentence.tokenEnd);
  const after = firstStartingFrom(tokens, end, first, sentence.tokenEnd);
  const g = verbGroupAt(tokens, sentence.tokenStart, sentence.tokenEnd, first, after);
  if (!g) return false;
  for (let i = g[0]; i < g[1]; i++) {
    const w = tokens[i]!.lower;
    const next = tokens[i + 1]?.lower;
    if (w === "will" || w === "'ll" || w === "’ll" || w === "shall") return true;
    if (PRESENT_BE.has(w) && (next === "to" || (next !== undefined && PLANNED.has(next) && tokens[i + 2]?.lower === "to"))) return true;
  }
  return false;
}

function withPerfect(tokens: readonly Token[], a: number, b: number): Tense | "past-perfect" {
  const t = classify(tokens, a, b);
  if (t !== "past") return t;
  for (let i = a; i < b; i++) if ((tokens[i]!.lower === "had" || tokens[i]!.lower === "'d" || tokens[i]!.lower === "’d") && i + 1 < b) return "past-perfect";
  return t;
}
