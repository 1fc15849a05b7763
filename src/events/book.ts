// The event book: CAMEO codes (codes.tsv), the verbs and nouns that express them
// (verbs.tsv, nouns.tsv), the verbs that frame other events (frames.tsv, with the
// codes a frame gives by the framed event's root in frame-codes.tsv) and the
// closed-class words of the clause grammar (grammar.jsonc). Loaded once per
// analyser through resources.use; every pattern is compiled to lemma lookups.

import type { DataSource, Resources } from "../pipeline/resources.js";
import { parseJsonc, readTsv } from "../pipeline/resources.js";

export interface CodeInfo {
  code: string;
  name: string;
  goldstein: number;
  quad: number;
  plover: string | null;
  mode: string | null;
}

/** A group of a pattern: alternatives, each a sequence of lemmas ("suspend" | "break off"). */
export type Group = readonly (readonly string[])[];

export type Frame =
  | "speech"
  | "intent"
  | "appeal"
  | "demand"
  | "reject"
  | "threaten"
  | "future"
  | "hypothetical"
  | "negative"
  | "aspect"
  | "support"
  | "occur"
  | "deny"
  | "accuse"
  | "halt";

export interface Pattern {
  /** Where the pattern came from (file:line), for debugging and `--explain`. */
  origin: string;
  code: string;
  kind: "verb" | "noun" | "frame";
  /** The head: alternatives of adjacent lemmas, the first at the trigger token. */
  head: Group;
  /** Groups that must occur, in order, later in the clause (after `...`). */
  object: Group[];
  /** Prepositions that introduce the target, besides the direct object (null: none given, for nouns and frames). */
  targetPreps: ReadonlySet<string> | null;
  /** No target at all (flag notarget). */
  noTarget: boolean;
  symmetric: boolean;
  /** "be opposed to": the be + participle form is not a passive. */
  active: boolean;
  /** Only in the passive voice ("be held"). */
  passiveOnly: boolean;
  /** Only when a target actor or place is found. */
  needsTarget: boolean;
  /** Only when the target is a state or an international body (flag state: "suspended Niger", not "suspended the BBC"). */
  stateTarget: boolean;
  /** Only with a direct object. */
  needsObject: boolean;
  /** Not when a second noun phrase follows the object ("called them an occupying army"). */
  noPredicate: boolean;
  /** Only without a direct object. */
  intransitive: boolean;
  /** The subject undergoes the event, whose doer a "from" or "by" phrase names ("came under fire from guerrillas"). */
  undergo: boolean;
  /** Only when the subject names an explosive ("a bomb exploded"). */
  explosiveSubject: boolean;
  /** For frames: what the frame does to the event it governs. */
  frame: Frame | null;
  /** For frames: whose is the framed event's subject, the frame's subject or its object ("urge X to"). */
  control: "subject" | "object";
  /** For frames: only with an infinitive complement. */
  infinitiveOnly: boolean;
  /** The code when the event has two sides ("joint exercises": 150 alone, 062 with a partner). */
  pairCode: string | null;
  /** The code when no actor is the target ("sent missiles to Latakia" is a deployment, 154, not military aid, 072). */
  elseCode: string | null;
  /** For frames: only over events of these CAMEO roots (flag roots=04|05: "the talks collapsed", not "the truce collapsed"). */
  onlyRoots: ReadonlySet<string> | null;
  /** For frames: what it frames is offered, so cooperation whatever it is (flag coop: "offered to send troops"). */
  cooperative: boolean;
  /** For frames: a decision taken ("agreed to impose sanctions", "decided to expel"): a measure decided is the measure (flag decision). */
  decision: boolean;
  /** Higher wins when several patterns match at one head. */
  weight: number;
}

export interface Grammar {
  futureAux: ReadonlySet<string>;
  hypotheticalAux: ReadonlySet<string>;
  obligationAux: ReadonlySet<string>;
  negators: ReadonlySet<string>;
  conditionals: ReadonlySet<string>;
  hedges: ReadonlySet<string>;
  hedgeNouns: ReadonlySet<string>;
  pessimistic: ReadonlySet<string>;
  optimistic: ReadonlySet<string>;
  subordinators: ReadonlySet<string>;
  relativizers: ReadonlySet<string>;
  particles: ReadonlySet<string>;
  presupposing: ReadonlySet<string>;
  prospective: ReadonlySet<string>;
  historical: ReadonlySet<string>;
  /** Conflicts a year can name ("the 1982 war", "the 1979 revolution"): history, not news. */
  eraNouns: ReadonlySet<string>;
  /** Who inspects where they go ("U.N. inspectors visited the site"). */
  inspectorNouns: ReadonlySet<string>;
  /** Natural forces that kill and destroy by no one's hand ("a cyclone struck …, killing 2,000"). */
  naturalForces: ReadonlySet<string>;
  timeBarriers: ReadonlySet<string>;
  locationPreps: ReadonlySet<string>;
  placeNouns: ReadonlySet<string>;
  speechNouns: ReadonlySet<string>;
  recapDeterminers: ReadonlySet<string>;
  readyAdjectives: ReadonlySet<string>;
  defaultTargetPreps: ReadonlySet<string>;
  symmetricPreps: ReadonlySet<string>;
  meetingRoots: ReadonlySet<string>;
  nonAgents: ReadonlySet<string>;
  eventHeads: ReadonlySet<string>;
  borderNouns: ReadonlySet<string>;
  /** Nouns of being held ("in Israeli police custody"): who holds one is who did what was done to them there. */
  custodyNouns: ReadonlySet<string>;
  /** Explosives: what explodes or goes off in an attack ("a bomb exploded"). */
  explosiveNouns: ReadonlySet<string>;
  /** Nouns of means after "by" ("by phone", "by helicopter", "by decree"): no agent, so no passive. */
  meansNouns: ReadonlySet<string>;
  /** Simple past forms that are no participles ("spoke", "wrote"): never a reduced passive. */
  simplePasts: ReadonlySet<string>;
  /** Verbs of harm whose subject noun is a blow: "a strike killed 20" is an airstrike, not a walkout. */
  harmVerbs: ReadonlySet<string>;
  /** Texts whose author says what a participle after them says ("a resolution condemning"). */
  textNouns: ReadonlySet<string>;
  /** Verbs whose subject authors the text they take ("issued a statement", "adopted a resolution"). */
  authorVerbs: ReadonlySet<string>;
  /** Nouns of a reason: what follows "in protest at", "in response to" happened before. */
  reasonNouns: ReadonlySet<string>;
  /** What one declines to do that rejects nobody ("declined to name the source"). */
  untoldRefusals: ReadonlySet<string>;
  /** Verbs of a crowd coming together, which demonstrates ("demonstrators gathered outside the embassy"). */
  gatherVerbs: ReadonlySet<string>;
  /** Verbs of ordering someone away ("ordered the inspectors to leave" is an expulsion). */
  orderVerbs: ReadonlySet<string>;
  /** Nouns for parties a text may leave unnamed ("both sides", "the warring parties"). */
  partyNouns: ReadonlySet<string>;
  /** Verbs whose object may be followed by a clause of its own ("told reporters troops killed 20"). */
  tellingVerbs: ReadonlySet<string>;
  /** Nouns of an attempt: "an attempt to kill X", once told, is an attempt on X's life (185). */
  attemptNouns: ReadonlySet<string>;
  /** Verbs whose subject makes the attempt it governs ("made an attempt to kill"). */
  attemptMakers: ReadonlySet<string>;
  /** Prepositions of what force is used on ("attacks on", "fire at"). */
  attackPreps: ReadonlySet<string>;
  /** Compass points: "east of Beirut" places what comes before. */
  compassPoints: ReadonlySet<string>;
  /** Nouns of what one party puts to another: "a proposal from Jordan" names who put it. */
  offerNouns: ReadonlySet<string>;
  participateVerbs: ReadonlySet<string>;
  inquiryBodies: ReadonlySet<string>;
  floatingQuantifiers: ReadonlySet<string>;
  bareInfinitiveHeads: ReadonlySet<string>;
  // nouns matched by a token's lemma or word (TokenView.isWord), not normalisation targets
  groupNouns: ReadonlySet<string>;
  peopleNouns: ReadonlySet<string>;
  insurgentNouns: ReadonlySet<string>;
  crowdNouns: ReadonlySet<string>;
  crowdQuantities: ReadonlySet<string>;
  armedNouns: ReadonlySet<string>;
  protestNouns: ReadonlySet<string>;
  campaignWords: ReadonlySet<string>;
  speakingVerbs: ReadonlySet<string>;
  abstractFoes: ReadonlySet<string>;
  sportNouns: ReadonlySet<string>;
  deedNouns: ReadonlySet<string>;
  stateTitles: ReadonlySet<string>;
  /** Irregular past forms → lemma ("shot" → "shoot"). */
  irregular: ReadonlyMap<string, string>;
  /** Nouns that frame an infinitive ("threat" → threaten). */
  nounFrames: ReadonlyMap<string, Frame>;
}

export interface EventBook {
  codes: Map<string, CodeInfo>;
  /** Patterns by the normalised lemma of their head token. */
  verbs: Map<string, Pattern[]>;
  nouns: Map<string, Pattern[]>;
  frames: Map<string, Pattern[]>;
  /** frame → framed event's root (or full code) → code. */
  frameCodes: Map<Frame, Map<string, string>>;
  grammar: Grammar;
  /** Every word any pattern or list uses: normalisation targets. */
  vocabulary: ReadonlySet<string>;
  /** Phrasal verbs the book knows ("cut off", "pull out"): "verb particle". */
  phrasal: ReadonlySet<string>;
}

const FRAMES: ReadonlySet<string> = new Set([
  "speech",
  "intent",
  "appeal",
  "demand",
  "reject",
  "threaten",
  "future",
  "hypothetical",
  "negative",
  "aspect",
  "support",
  "occur",
  "deny",
  "accuse",
  "halt",
]);

function parseCodes(data: DataSource): Map<string, CodeInfo> {
  const codes = new Map<string, CodeInfo>();
  for (const row of readTsv(data, "events/codes.tsv")) {
    if (!row.code) continue;
    codes.set(row.code, {
      code: row.code,
      name: row.name ?? "",
      goldstein: Number(row.goldstein) || 0,
      quad: Number(row.quad) || 1,
      plover: row.plover || null,
      mode: row.mode || null,
    });
  }
  return codes;
}

function group(text: string): Group {
  return text
    .split("|")
    .map((alt) => alt.trim().toLowerCase().split(/\s+/).filter((w) => w !== ""))
    .filter((alt) => alt.length > 0);
}

function withoutVenue(ps: ReadonlySet<string> | null, drop: boolean): ReadonlySet<string> | null {
  if (!drop || !ps || !ps.has("at")) return ps;
  const out = new Set(ps);
  out.delete("at");
  return out;
}

const preps = (text: string): ReadonlySet<string> => new Set(text.split("|").map((w) => w.trim().toLowerCase()).filter((w) => w !== ""));

interface RawRow {
  row: Record<string, string>;
  origin: string;
}

/** Rows of every version of a TSV file, each with its origin (file:n) for messages. */
function rowsOf(data: DataSource, path: string): RawRow[] {
  const out: RawRow[] = [];
  data.read(path).forEach((text, version) => {
    let header: string[] | null = null;
    text.split(/\r?\n/).forEach((raw, lineNo) => {
      if (raw.trim() === "" || raw.startsWith("#")) return;
      const cells = raw.split("\t");
      if (!header) {
        header = cells.map((c) => c.trim());
        return;
      }
      const row: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) row[header[i]!] = (cells[i] ?? "").trim();
      out.push({ row, origin: `${path}${version ? `#${version}` : ""}:${lineNo + 1}` });
    });
  });
  return out;
}

/**
 * A pattern from its text: `cut off`, `impose ... sanction|embargo`,
 * `hold ... talk|negotiation`, `hunger strike`. Elements before `...` follow the head
 * adjacently; each group after a `...` must occur, in order, later in the clause.
 */
function compile(origin: string, code: string, kind: Pattern["kind"], text: string, targets: string, flags: string, defaults: ReadonlySet<string> | null): Pattern | null {
  const parts = text.split("...").map((p) => p.trim());
  const head = group(parts[0] ?? "");
  if (head.length === 0) return null;
  const object = parts.slice(1).map(group).filter((g) => g.length > 0);
  const flagSet = new Set(flags.split(/[,\s]+/).filter((f) => f !== ""));
  let frame: Frame | null = null;
  let control: Pattern["control"] = "subject";
  for (const f of flagSet) {
    if (f.startsWith("frame=")) {
      const name = f.slice(6);
      if (FRAMES.has(name)) frame = name as Frame;
    }
    if (f === "control=object") control = "object";
  }
  const t = targets.trim();
  const longest = (g: Group) => Math.max(...g.map((a) => a.length));
  const specificity = longest(head) * 2 + object.reduce((n, g) => n + 1 + longest(g), 0) * 2 + (code.length - 2);
  return {
    origin,
    code,
    kind,
    head,
    object,
    // a row's own prepositions add to the defaults ("provide aid to|for"); `-` allows the direct object only;
    // where two sides meet or sign is a venue, not a side ("signed a peace deal at the White House")
    targetPreps: withoutVenue(t === "-" ? new Set<string>() : t ? new Set([...preps(t), ...(defaults ?? [])]) : defaults, flagSet.has("sym") && !preps(t).has("at")),
    noTarget: flagSet.has("notarget"),
    symmetric: flagSet.has("sym"),
    active: flagSet.has("active"),
    passiveOnly: flagSet.has("passive"),
    needsTarget: flagSet.has("target"),
    stateTarget: flagSet.has("state"),
    needsObject: flagSet.has("obj"),
    intransitive: flagSet.has("intrans"),
    undergo: flagSet.has("undergo"),
    explosiveSubject: flagSet.has("explosive"),
    noPredicate: flagSet.has("nopred"),
    frame,
    control,
    infinitiveOnly: flagSet.has("inf"),
    cooperative: flagSet.has("coop"),
    decision: flagSet.has("decision"),
    onlyRoots: [...flagSet].some((f) => f.startsWith("roots=")) ? new Set([...flagSet].find((f) => f.startsWith("roots="))!.slice(6).split("|")) : null,
    pairCode: [...flagSet].find((f) => f.startsWith("pair="))?.slice(5) ?? null,
    elseCode: [...flagSet].find((f) => f.startsWith("else="))?.slice(5) ?? null,
    weight: specificity + (Number([...flagSet].find((f) => f.startsWith("weight="))?.slice(7)) || 0),
  };
}

function index(into: Map<string, Pattern[]>, p: Pattern): void {
  for (const w of new Set(p.head.map((alt) => alt[0]!))) {
    let list = into.get(w);
    if (!list) into.set(w, (list = []));
    list.push(p);
  }
}

function loadPatterns(data: DataSource, path: string, kind: Pattern["kind"], codes: Map<string, CodeInfo>, defaults: ReadonlySet<string> | null): Map<string, Pattern[]> {
  const out = new Map<string, Pattern[]>();
  for (const { row, origin } of rowsOf(data, path)) {
    const code = row.code === "-" ? "" : (row.code ?? "");
    if ((kind !== "frame" || code !== "") && !codes.has(code)) throw new Error(`${origin}: unknown CAMEO code "${code}"`);
    const p = compile(origin, code, kind, row.pattern ?? "", row.target ?? "", kind === "frame" ? `frame=${row.frame ?? ""},${row.flags ?? ""}` : row.flags ?? "", defaults);
    if (!p) continue;
    if (kind === "frame" && !p.frame) throw new Error(`${origin}: unknown frame "${row.frame}"`);
    index(out, p);
  }
  for (const list of out.values()) list.sort((a, b) => b.weight - a.weight);
  return out;
}

function loadFrameCodes(data: DataSource): Map<Frame, Map<string, string>> {
  const out = new Map<Frame, Map<string, string>>();
  for (const row of readTsv(data, "events/frame-codes.tsv")) {
    const frame = row.frame as Frame;
    if (!FRAMES.has(frame) || !row.framed || !row.code) continue;
    let m = out.get(frame);
    if (!m) out.set(frame, (m = new Map()));
    m.set(row.framed, row.code);
  }
  return out;
}

/** Grammar lists matched by a token's lemma or word (TokenView.isWord), not by its normalised lemma. */
const WORD_LISTS: ReadonlySet<string> = new Set(["partyNouns", "meansNouns", "explosiveNouns", "groupNouns", "peopleNouns", "insurgentNouns", "crowdNouns", "crowdQuantities", "armedNouns", "protestNouns", "campaignWords", "speakingVerbs", "abstractFoes", "sportNouns", "deedNouns", "stateTitles", "inspectorNouns", "naturalForces"]);

function loadGrammar(data: DataSource): Grammar {
  const merged: Record<string, string[]> = {};
  for (const text of data.read("events/grammar.jsonc")) {
    const obj = parseJsonc<Record<string, string[]>>(text);
    for (const [k, v] of Object.entries(obj)) merged[k] = [...(merged[k] ?? []), ...v];
  }
  const set = (k: string): ReadonlySet<string> => new Set((merged[k] ?? []).map((w) => w.toLowerCase()));
  return {
    futureAux: set("futureAux"),
    hypotheticalAux: set("hypotheticalAux"),
    obligationAux: set("obligationAux"),
    negators: set("negators"),
    conditionals: set("conditionals"),
    hedges: set("hedges"),
    hedgeNouns: set("hedgeNouns"),
    pessimistic: set("pessimistic"),
    optimistic: set("optimistic"),
    subordinators: set("subordinators"),
    relativizers: set("relativizers"),
    particles: set("particles"),
    presupposing: set("presupposing"),
    prospective: set("prospective"),
    historical: set("historical"),
    eraNouns: set("eraNouns"),
    inspectorNouns: set("inspectorNouns"),
    naturalForces: set("naturalForces"),
    timeBarriers: set("timeBarriers"),
    borderNouns: set("borderNouns"),
    custodyNouns: set("custodyNouns"),
    explosiveNouns: set("explosiveNouns"),
    meansNouns: set("meansNouns"),
    simplePasts: set("simplePasts"),
    harmVerbs: set("harmVerbs"),
    partyNouns: set("partyNouns"),
    textNouns: set("textNouns"),
    authorVerbs: set("authorVerbs"),
    reasonNouns: set("reasonNouns"),
    untoldRefusals: set("untoldRefusals"),
    gatherVerbs: set("gatherVerbs"),
    orderVerbs: set("orderVerbs"),
    tellingVerbs: set("tellingVerbs"),
    attemptNouns: set("attemptNouns"),
    attemptMakers: set("attemptMakers"),
    attackPreps: set("attackPreps"),
    compassPoints: set("compassPoints"),
    offerNouns: set("offerNouns"),
    participateVerbs: set("participateVerbs"),
    inquiryBodies: set("inquiryBodies"),
    floatingQuantifiers: set("floatingQuantifiers"),
    bareInfinitiveHeads: set("bareInfinitiveHeads"),
    groupNouns: set("groupNouns"),
    peopleNouns: set("peopleNouns"),
    insurgentNouns: set("insurgentNouns"),
    crowdNouns: set("crowdNouns"),
    crowdQuantities: set("crowdQuantities"),
    armedNouns: set("armedNouns"),
    protestNouns: set("protestNouns"),
    campaignWords: set("campaignWords"),
    speakingVerbs: set("speakingVerbs"),
    abstractFoes: set("abstractFoes"),
    sportNouns: set("sportNouns"),
    deedNouns: set("deedNouns"),
    stateTitles: set("stateTitles"),
    locationPreps: set("locationPreps"),
    placeNouns: set("placeNouns"),
    speechNouns: set("speechNouns"),
    recapDeterminers: set("recapDeterminers"),
    readyAdjectives: set("readyAdjectives"),
    defaultTargetPreps: set("defaultTargetPreps"),
    symmetricPreps: set("symmetricPreps"),
    meetingRoots: set("meetingRoots"),
    nonAgents: set("nonAgents"),
    eventHeads: set("eventHeads"),
    irregular: new Map((merged.irregularForms ?? []).map((p) => p.split("=") as [string, string]).filter((p) => p.length === 2)),
    nounFrames: new Map(
      (merged.nounFrames ?? [])
        .map((p) => p.split("=") as [string, string])
        .filter((p): p is [string, Frame] => p.length === 2 && FRAMES.has(p[1])),
    ),
  };
}

export function loadEventBook(data: DataSource): EventBook {
  const codes = parseCodes(data);
  const grammar = loadGrammar(data);
  const verbs = loadPatterns(data, "events/verbs.tsv", "verb", codes, grammar.defaultTargetPreps);
  const nouns = loadPatterns(data, "events/nouns.tsv", "noun", codes, null);
  const frames = loadPatterns(data, "events/frames.tsv", "frame", codes, null);
  const frameCodes = loadFrameCodes(data);
  const vocabulary = new Set<string>();
  for (const m of [verbs, nouns, frames]) {
    for (const list of m.values()) {
      for (const p of list) {
        for (const alt of p.head) for (const w of alt) vocabulary.add(w);
        for (const g of p.object) for (const alt of g) for (const w of alt) vocabulary.add(w);
      }
    }
  }
  // (the noun lists are matched by lemma or word: listing "troops" must not make it the normal form of "troops")
  for (const [k, s] of Object.entries(grammar)) if (s instanceof Set && !WORD_LISTS.has(k)) for (const w of s as Set<string>) vocabulary.add(w);
  const phrasal = new Set<string>();
  for (const m of [verbs, frames]) for (const list of m.values()) for (const p of list) for (const alt of p.head) if (alt.length >= 2 && grammar.particles.has(alt[1]!)) phrasal.add(`${alt[0]} ${alt[1]}`);
  return { codes, verbs, nouns, frames, frameCodes, grammar, vocabulary, phrasal };
}

export function eventBookOf(resources: Resources): EventBook {
  return resources.use("events/book", (data) => loadEventBook(data));
}
