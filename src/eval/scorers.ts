// The scorers behind `dyad eval`, exactly as shared/contract/gold-format.md says.
// Each takes gold documents with their predicted records and returns counts,
// a table for people and the misses for whoever is improving the analyser.

import type { AnalysisRecord, EventRecord } from "../record.js";
import { addCounts, goldSpans, matchOneToOne, matchSets, overlap, prf, zeroCounts, type Counts, type Prf } from "./common.js";
import { asList, type GoldDoc, type GoldEntity, type GoldEvent } from "./gold.js";

export interface Scored {
  task: string;
  counts: Counts;
  score: Prf;
  /** Extra figures for the SCORE line and the JSON output (attribution accuracy, accuracy, …). */
  extra: Record<string, number>;
  /** Rows of the readable table (first row is the header). */
  rows: string[][];
  /** What went wrong, document by document, for `--show`. */
  misses: string[];
}

export interface Pair {
  gold: GoldDoc;
  record: AnalysisRecord;
}

const clip = (s: string, n = 90) => {
  const f = s.replace(/\s+/g, " ").trim();
  return f.length > n ? f.slice(0, n - 1) + "…" : f;
};

// ---------------------------------------------------------------- events

/** The interval of days a YYYY, YYYY-MM or YYYY-MM-DD date covers. */
export function dateInterval(date: string): [string, string] | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m) return [date, date];
  m = /^(\d{4})-(\d{2})$/.exec(date);
  if (m) {
    const last = new Date(Date.UTC(+m[1]!, +m[2]!, 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, "0")}`];
  }
  m = /^(\d{4})$/.exec(date);
  if (m) return [`${date}-01-01`, `${date}-12-31`];
  return null;
}

const FAMILY = new Set(["IGO", "NGO", "IMG", "MNC"]);

function countryMatches(accepted: (string | null)[], got: string | null): boolean {
  for (const a of accepted) {
    if (a === null) {
      if (got === null) return true;
    } else if (got !== null && (a === got || (FAMILY.has(a) && got.startsWith(a)))) return true;
  }
  return false;
}

interface PredEvent {
  root: string;
  plover: string | null;
  source: string | null;
  target: string | null;
  date: string | null;
  event: EventRecord;
}

function actorsMatch(g: GoldEvent, p: PredEvent): boolean {
  const src = g.source ?? null;
  const tgt = g.target ?? null;
  const direct = (src === null || countryMatches(src, p.source)) && (tgt === null || countryMatches(tgt, p.target));
  if (direct) return true;
  if (!g.symmetric) return false;
  return (src === null || countryMatches(src, p.target)) && (tgt === null || countryMatches(tgt, p.source));
}

function codeMatches(g: GoldEvent, p: PredEvent): boolean {
  const roots = asList(g.root);
  if (roots.length) return roots.includes(p.root);
  const plovers = asList(g.plover);
  if (plovers.length) return p.plover !== null && plovers.includes(p.plover);
  return true;
}

export function dateMatches(g: GoldEvent, date: string | null): boolean {
  if (g.date) return date !== null && (date === g.date || date.startsWith(g.date + "-"));
  if (g.dateRange) {
    if (date === null) return false;
    const iv = dateInterval(date);
    return iv !== null && iv[0] >= g.dateRange[0] && iv[1] <= g.dateRange[1];
  }
  return true;
}

function predictedEvents(record: AnalysisRecord): PredEvent[] {
  const seen = new Set<string>();
  const out: PredEvent[] = [];
  for (const e of record.events) {
    if (e.modality !== "asserted") continue;
    const p: PredEvent = { root: e.cameo.slice(0, 2), plover: e.plover, source: e.source?.country ?? null, target: e.target?.country ?? null, date: e.date, event: e };
    const key = `${p.root}|${p.source}|${p.target}|${p.date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/**
 * The full-code check, lenient as gold-format.md asks: the predicted CAMEO code equals
 * a gold code or shares its three-digit base ("0242" for "024", "1712" for "171").
 */
export function codeAgrees(gold: string[], predicted: string): boolean {
  return gold.some((c) => c === predicted || (c.length >= 3 && predicted.length >= 3 && c.slice(0, 3) === predicted.slice(0, 3)));
}

function describeGold(g: GoldEvent): string {
  const code = asList(g.root).join("/") || asList(g.plover).join("/");
  const when = g.date ?? (g.dateRange ? g.dateRange.join("..") : "any date");
  return `${(g.source ?? ["*"]).join("|")} → ${(g.target ?? ["*"]).map((t) => t ?? "none").join("|")} ${code} ${when}${g.note ? "  (" + clip(g.note, 70) + ")" : ""}`;
}

function describePred(p: PredEvent): string {
  return `${p.source ?? "?"} → ${p.target ?? "none"} ${p.event.cameo} ${p.plover ?? ""} ${p.date ?? "undated"}  “${clip(p.event.evidence.text, 70)}”`;
}

export function scoreEvents(pairs: Pair[]): Scored {
  let counts = zeroCounts();
  let noDate = zeroCounts();
  let codeAgree = 0;
  let codeScored = 0;
  const perRoot = new Map<string, { gold: number; found: number; pred: number; correct: number }>();
  const rootRow = (r: string) => {
    let row = perRoot.get(r);
    if (!row) perRoot.set(r, (row = { gold: 0, found: 0, pred: 0, correct: 0 }));
    return row;
  };
  const misses: string[] = [];
  for (const { gold, record } of pairs) {
    if (!gold.events && !gold.noEvents) continue;
    const golds = gold.events ?? [];
    const preds = predictedEvents(record);
    for (const withDate of [true, false]) {
      const ok = (g: GoldEvent, p: PredEvent) => codeMatches(g, p) && actorsMatch(g, p) && (!withDate || dateMatches(g, p.date));
      const m = matchSets(golds.map((g) => !!g.optional), preds.length, (gi, pi) => ok(golds[gi]!, preds[pi]!));
      const { assign, correct: correctFlags, counts: c } = m;
      if (withDate) {
        counts = addCounts(counts, c);
        m.required.map((i) => golds[i]!).forEach((g, gi) => {
          for (const root of asList(g.root).slice(0, 1).concat(asList(g.root).length ? [] : asList(g.plover).slice(0, 1))) {
            const row = rootRow(root);
            row.gold++;
            if (assign[gi]! >= 0) row.found++;
          }
          if (assign[gi]! < 0) misses.push(`${gold.id}  missed  ${describeGold(g)}`);
          else if (asList(g.code).length) {
            codeScored++;
            if (codeAgrees(asList(g.code), preds[assign[gi]!]!.event.cameo)) codeAgree++;
          }
        });
        preds.forEach((p, pi) => {
          const row = rootRow(p.root);
          row.pred++;
          if (correctFlags[pi]) row.correct++;
          else misses.push(`${gold.id}  wrong   ${describePred(p)}`);
        });
      } else noDate = addCounts(noDate, c);
    }
  }
  const score = prf(counts);
  const nd = prf(noDate);
  const rows: string[][] = [["root", "gold", "found", "recall", "predicted", "correct", "precision"]];
  for (const [root, r] of [...perRoot].sort(([a], [b]) => a.localeCompare(b))) {
    rows.push([root, String(r.gold), String(r.found), r.gold ? (r.found / r.gold).toFixed(3) : "-", String(r.pred), String(r.correct), r.pred ? (r.correct / r.pred).toFixed(3) : "-"]);
  }
  rows.push(["all", String(counts.required), String(counts.matched), score.r.toFixed(3), String(counts.predicted), String(counts.correct), score.p.toFixed(3)]);
  rows.push(["dates ignored", String(noDate.required), String(noDate.matched), nd.r.toFixed(3), String(noDate.predicted), String(noDate.correct), nd.p.toFixed(3)]);
  rows.push(["full code (matched events)", String(codeScored), String(codeAgree), codeScored ? (codeAgree / codeScored).toFixed(3) : "-", "", "", ""]);
  return { task: "events", counts, score, extra: { f1_nodate: nd.f1, p_nodate: nd.p, r_nodate: nd.r, code: codeScored ? codeAgree / codeScored : 0 }, rows, misses };
}

// ---------------------------------------------------------------- quad

/** The quad data set's sentence class of a CAMEO root (0 statement … 4 material conflict). */
export function pentaClass(root: string): number {
  const r = Number(root);
  if (r <= 2) return 0;
  if (r <= 5) return 1;
  if (r <= 8) return 2;
  if (r <= 13 || r === 16) return 3;
  return 4;
}

export function predictedQuad(record: AnalysisRecord): number {
  let best: EventRecord | null = null;
  for (const e of record.events) {
    if (e.modality !== "asserted") continue;
    if (!best || e.evidence.start < best.evidence.start) best = e;
  }
  return best ? pentaClass(best.cameo.slice(0, 2)) : 0;
}

export function scoreQuad(pairs: Pair[]): Scored {
  const K = 5;
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const misses: string[] = [];
  let n = 0;
  for (const { gold, record } of pairs) {
    if (typeof gold.quad !== "number") continue;
    const pred = predictedQuad(record);
    confusion[gold.quad]![pred]!++;
    n++;
    if (pred !== gold.quad) misses.push(`${gold.id}  gold ${gold.quad} got ${pred}  ${clip(gold.text, 100)}`);
  }
  const rows: string[][] = [["class", "gold", "predicted", "correct", "precision", "recall", "f1"]];
  const names = ["0 statement", "1 verbal coop", "2 material coop", "3 verbal conflict", "4 material conflict"];
  // macro averages over the classes that occur in the gold or the predictions (as scikit-learn does)
  let sp = 0;
  let sr = 0;
  let sf = 0;
  let present = 0;
  let correct = 0;
  for (let k = 0; k < K; k++) {
    const tp = confusion[k]![k]!;
    const goldK = confusion[k]!.reduce((a, b) => a + b, 0);
    const predK = confusion.reduce((a, row) => a + row[k]!, 0);
    const p = predK ? tp / predK : 0;
    const r = goldK ? tp / goldK : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    if (goldK || predK) {
      present++;
      sp += p;
      sr += r;
      sf += f;
    }
    correct += tp;
    rows.push([names[k]!, String(goldK), String(predK), String(tp), p.toFixed(3), r.toFixed(3), f.toFixed(3)]);
  }
  const accuracy = n ? correct / n : 0;
  const macro = (x: number) => (present ? x / present : 0);
  rows.push(["macro", String(n), String(n), String(correct), macro(sp).toFixed(3), macro(sr).toFixed(3), macro(sf).toFixed(3)]);
  return {
    task: "quad",
    counts: { matched: correct, required: n, correct, predicted: n },
    score: { p: macro(sp), r: macro(sr), f1: macro(sf) },
    extra: { accuracy },
    rows,
    misses,
  };
}

// ---------------------------------------------------------------- timex

export function scoreTimex(pairs: Pair[]): Scored {
  let counts = zeroCounts();
  let extent = zeroCounts();
  const misses: string[] = [];
  for (const { gold, record } of pairs) {
    if (!gold.timexes) continue;
    const golds = gold.timexes.map((g) => ({ g, spans: goldSpans(gold.text, g) }));
    const preds = record.timexes;
    const overlaps = (gi: number, pi: number) => golds[gi]!.spans.some((s) => overlap(s, preds[pi]!) > 0);
    const valueOk = (gi: number, pi: number) => overlaps(gi, pi) && golds[gi]!.g.value === preds[pi]!.value;
    for (const strict of [true, false]) {
      const { required: req, assign, correct: correctFlags, counts: c } = matchSets(golds.map((g) => !!g.g.optional), preds.length, strict ? valueOk : overlaps);
      if (strict) {
        counts = addCounts(counts, c);
        req.forEach((gi, a) => {
          if (assign[a]! >= 0) return;
          const g = golds[gi]!.g;
          const near = preds.find((_, pi) => overlaps(gi, pi));
          misses.push(`${gold.id}  missed  "${g.text}" ${g.type} ${g.value}${near ? `  (got "${near.text}" ${near.value})` : ""}`);
        });
        preds.forEach((p, pi) => {
          if (!correctFlags[pi] && !golds.some((_, gi) => overlaps(gi, pi))) misses.push(`${gold.id}  extra   "${p.text}" ${p.type} ${p.value}`);
        });
      } else extent = addCounts(extent, c);
    }
  }
  const score = prf(counts);
  const ex = prf(extent);
  const rows = [
    ["measure", "gold", "found", "recall", "predicted", "correct", "precision", "f1"],
    ["value", String(counts.required), String(counts.matched), score.r.toFixed(3), String(counts.predicted), String(counts.correct), score.p.toFixed(3), score.f1.toFixed(3)],
    ["extent (overlap)", String(extent.required), String(extent.matched), ex.r.toFixed(3), String(extent.predicted), String(extent.correct), ex.p.toFixed(3), ex.f1.toFixed(3)],
  ];
  return { task: "timex", counts, score, extra: { extent_f1: ex.f1 }, rows, misses };
}

// ---------------------------------------------------------------- quotes

const ARTICLES = new Set(["the", "a", "an"]);
const words = (s: string): string[] => s.toLowerCase().replace(/[^\p{L}\p{N}\s'-]/gu, " ").split(/\s+/).filter(Boolean);

/**
 * The gold speaker's surname appears in the predicted name or text. Which end of
 * the name is the surname depends on the culture ("Hua Chunying", "Moon Jae-in"
 * lead with it), so either end counts, as a whole word ("Un" is not in "UN official"
 * unless the word is there).
 */
export function surnameMatches(goldSpeaker: string, predicted: string): boolean {
  const gold = words(goldSpeaker).filter((w, i) => i > 0 || !ARTICLES.has(w));
  if (gold.length === 0) return false;
  const said = new Set(words(predicted));
  return said.has(gold[gold.length - 1]!) || (gold.length > 1 && said.has(gold[0]!));
}

export function scoreQuotes(pairs: Pair[]): Scored {
  let counts = zeroCounts();
  let attributed = 0;
  let attributable = 0;
  const misses: string[] = [];
  for (const { gold, record } of pairs) {
    if (!gold.quotes) continue;
    const golds = gold.quotes.map((g) => ({ g, spans: goldSpans(gold.text, g) }));
    const preds = record.quotes;
    const ok = (gi: number, pi: number) =>
      golds[gi]!.spans.some((s) => {
        const p = preds[pi]!;
        return overlap(s, p) >= Math.min(s.end - s.start, p.end - p.start) / 2 && overlap(s, p) > 0;
      });
    const { required: req, assign, correct: correctFlags, counts: c } = matchSets(golds.map((g) => !!g.g.optional), preds.length, ok);
    counts = addCounts(counts, c);
    req.forEach((gi, a) => {
      const g = golds[gi]!.g;
      const pi = assign[a]!;
      if (pi < 0) {
        misses.push(`${gold.id}  missed  ${g.kind ?? ""} [${g.speaker ?? "?"}] ${clip(g.text, 80)}`);
        return;
      }
      attributable++;
      const sp = preds[pi]!.speaker;
      let right: boolean;
      if (!g.speaker && !g.speakerCountry) right = sp === null;
      else {
        right =
          (!!g.speaker && sp !== null && surnameMatches(g.speaker, `${sp.name ?? ""} ${sp.text}`)) ||
          (!!g.speakerCountry && sp?.actor?.country === g.speakerCountry);
      }
      if (right) attributed++;
      else misses.push(`${gold.id}  speaker ${sp ? `"${sp.name ?? sp.text}"` : "none"} for [${g.speaker ?? "?"}] ${clip(g.text, 70)}`);
    });
    preds.forEach((p, pi) => {
      if (!correctFlags[pi]) misses.push(`${gold.id}  extra   ${p.kind} [${p.speaker?.name ?? p.speaker?.text ?? "?"}] ${clip(p.text, 80)}`);
    });
  }
  const score = prf(counts);
  const attribution = attributable ? attributed / attributable : 0;
  const rows = [
    ["measure", "gold", "found", "recall", "predicted", "correct", "precision", "f1", "attribution"],
    ["quotes", String(counts.required), String(counts.matched), score.r.toFixed(3), String(counts.predicted), String(counts.correct), score.p.toFixed(3), score.f1.toFixed(3), attribution.toFixed(3)],
  ];
  return { task: "quotes", counts, score, extra: { attribution }, rows, misses };
}

// ---------------------------------------------------------------- ner

const TYPE_GROUP: Record<string, string> = { PERSON: "PER", PER: "PER", ORG: "ORG", GPE: "LOC", LOC: "LOC", FAC: "LOC", NORP: "MISC", MISC: "MISC" };

export function compatibleType(gold: string, pred: string): boolean {
  return gold === pred || (TYPE_GROUP[gold] !== undefined && TYPE_GROUP[gold] === TYPE_GROUP[pred]);
}

export function scoreNer(pairs: Pair[]): Scored {
  let counts = zeroCounts();
  let actorRight = 0;
  let actorTotal = 0;
  const perType = new Map<string, { gold: number; found: number }>();
  const misses: string[] = [];
  for (const { gold, record } of pairs) {
    if (!gold.entities) continue;
    const golds: GoldEntity[] = gold.entities;
    // named mentions only: pronouns and nominals ("the official") that coreference adds are not NER output
    const preds = record.entities.filter((e) => (e.mention ?? "name") === "name");
    const withOffsets = golds.every((g) => typeof g.start === "number");
    const ok = (g: GoldEntity, pi: number) => {
      const p = preds[pi]!;
      if (!compatibleType(g.type, p.type)) return false;
      return withOffsets ? p.start === g.start && p.end === g.end : p.text.toLowerCase() === g.text.toLowerCase();
    };
    const req = golds.filter((g) => !g.optional);
    let assign: number[];
    if (withOffsets) assign = matchOneToOne(req.length, preds.length, (a, p) => ok(req[a]!, p));
    else assign = req.map((g) => preds.findIndex((_, pi) => ok(g, pi))); // one gold line per distinct name: any mention finds it
    const correctFlags = preds.map((_, pi) => golds.some((g) => ok(g, pi)));
    const predicted = withOffsets ? preds.length : new Set(preds.map((p) => `${p.text.toLowerCase()}|${TYPE_GROUP[p.type]}`)).size;
    const correct = withOffsets ? correctFlags.filter(Boolean).length : new Set(preds.filter((_, pi) => correctFlags[pi]).map((p) => `${p.text.toLowerCase()}|${TYPE_GROUP[p.type]}`)).size;
    counts = addCounts(counts, { matched: assign.filter((a) => a >= 0).length, required: req.length, correct, predicted });
    req.forEach((g, a) => {
      const row = perType.get(g.type) ?? { gold: 0, found: 0 };
      perType.set(g.type, row);
      row.gold++;
      const pi = assign[a]!;
      if (pi < 0) {
        const sameText = preds.find((p) => p.text.toLowerCase() === g.text.toLowerCase());
        misses.push(`${gold.id}  missed  ${g.type} "${g.text}"${sameText ? ` (typed ${sameText.type})` : ""}`);
        return;
      }
      row.found++;
      if (g.country) {
        actorTotal++;
        const p = preds[pi]!;
        const country = p.actor?.country ?? p.geo?.country ?? null;
        if (country === g.country) actorRight++;
        else misses.push(`${gold.id}  country ${country ?? "none"} for ${g.type} "${g.text}" (gold ${g.country})`);
      }
    });
    if (withOffsets) preds.forEach((p, pi) => {
      if (!correctFlags[pi]) misses.push(`${gold.id}  extra   ${p.type} "${p.text}"`);
    });
  }
  const score = prf(counts);
  const actorAccuracy = actorTotal ? actorRight / actorTotal : 0;
  const rows: string[][] = [["type", "gold", "found", "recall"]];
  for (const [t, r] of [...perType].sort()) rows.push([t, String(r.gold), String(r.found), (r.gold ? r.found / r.gold : 0).toFixed(3)]);
  rows.push(["all", String(counts.required), String(counts.matched), score.r.toFixed(3)]);
  rows.push([`precision ${score.p.toFixed(3)} (${counts.correct}/${counts.predicted})`, "", "", ""]);
  rows.push([`actor country accuracy ${actorAccuracy.toFixed(3)} (${actorRight}/${actorTotal})`, "", "", ""]);
  return { task: "ner", counts, score, extra: { actor: actorAccuracy }, rows, misses };
}

// ---------------------------------------------------------------- document

export function scoreDocument(pairs: Pair[]): Scored {
  const checks: { doc: string; name: string; pass: boolean; detail: string }[] = [];
  for (const { gold, record } of pairs) {
    const d = gold.document;
    if (!d) continue;
    const check = (name: string, pass: boolean, detail = "") => checks.push({ doc: gold.id, name, pass, detail });
    const bodyTexts = record.body.map((s) => record.text.slice(s.start, s.end));
    if (d.title !== undefined) check("title", record.title === d.title, `got ${JSON.stringify(record.title)}`);
    if (d.source !== undefined) check("source", record.source === d.source, `got ${JSON.stringify(record.source)}`);
    for (const cap of d.captions ?? []) {
      const found = record.captions.filter((c) => c.text.startsWith(cap.startsWith));
      const credit = (cap.credit ?? null)?.toLowerCase() ?? null;
      check(
        `caption "${clip(cap.startsWith, 40)}"`,
        found.length === 1 && (found[0]!.credit?.toLowerCase() ?? null) === credit,
        found.length === 1 ? `credit ${JSON.stringify(found[0]!.credit)}` : `found ${found.length} times`,
      );
    }
    for (const rel of d.related ?? []) {
      check(`related "${clip(rel, 40)}"`, record.related.some((r) => r.text.trim() === rel.trim()), "not among related");
    }
    check("body non-empty", record.body.length > 0);
    for (const inc of d.bodyIncludes ?? []) check(`body holds "${clip(inc, 40)}"`, bodyTexts.some((t) => t.includes(inc)), "not in any body paragraph");
    for (const not of d.notBody ?? []) check(`body lacks "${clip(not, 40)}"`, !bodyTexts.some((t) => t.includes(not)), "found in the body");
    for (const cap of d.captions ?? []) check(`caption not in body "${clip(cap.startsWith, 30)}"`, !bodyTexts.some((t) => t.includes(cap.startsWith)), "caption text in the body");
  }
  const passed = checks.filter((c) => c.pass).length;
  const frac = checks.length ? passed / checks.length : 0;
  const rows: string[][] = [["check", "result"], ...checks.map((c) => [`${c.doc}: ${c.name}`, c.pass ? "pass" : `FAIL ${c.detail}`])];
  return {
    task: "document",
    counts: { matched: passed, required: checks.length, correct: passed, predicted: checks.length },
    score: { p: frac, r: frac, f1: frac },
    extra: { checks: checks.length, passed },
    rows,
    misses: checks.filter((c) => !c.pass).map((c) => `${c.doc}  ${c.name}: ${c.detail}`),
  };
}

export const SCORERS: Record<string, (pairs: Pair[]) => Scored> = {
  events: scoreEvents,
  quad: scoreQuad,
  timex: scoreTimex,
  quotes: scoreQuotes,
  ner: scoreNer,
  document: scoreDocument,
};

/** Which tasks a gold set has data for. */
export function tasksIn(golds: GoldDoc[]): string[] {
  const has = (f: (g: GoldDoc) => boolean) => golds.some(f);
  return [
    has((g) => !!g.document) && "document",
    has((g) => !!g.timexes) && "timex",
    has((g) => !!g.entities) && "ner",
    has((g) => !!g.quotes) && "quotes",
    has((g) => !!g.events || !!g.noEvents) && "events",
    has((g) => typeof g.quad === "number") && "quad",
  ].filter((t): t is string => typeof t === "string");
}
