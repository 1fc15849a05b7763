// Shared pieces of the scorers: precision/recall, span lookup, one-to-one matching.

import type { Span } from "../record.js";

export interface Counts {
  /** Required gold items matched (one to one). */
  matched: number;
  /** Required gold items. */
  required: number;
  /** Predictions that match some gold item (required or optional). */
  correct: number;
  /** Predictions counted. */
  predicted: number;
}

export const zeroCounts = (): Counts => ({ matched: 0, required: 0, correct: 0, predicted: 0 });

export function addCounts(a: Counts, b: Counts): Counts {
  return { matched: a.matched + b.matched, required: a.required + b.required, correct: a.correct + b.correct, predicted: a.predicted + b.predicted };
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export function prf(c: Counts): Prf {
  const p = c.predicted === 0 ? (c.required === 0 ? 1 : 0) : c.correct / c.predicted;
  const r = c.required === 0 ? 1 : c.matched / c.required;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1 };
}

/** Where a gold item sits: its own offsets, else every occurrence of its text. */
export function goldSpans(text: string, item: { text: string; start?: number; end?: number }): Span[] {
  if (typeof item.start === "number" && typeof item.end === "number") return [{ start: item.start, end: item.end }];
  const spans: Span[] = [];
  if (!item.text) return spans;
  for (let at = text.indexOf(item.text); at >= 0; at = text.indexOf(item.text, at + 1)) spans.push({ start: at, end: at + item.text.length });
  return spans;
}

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * A maximum one-to-one matching between gold items (rows) and predictions
 * (columns), given which pairs may match. Returns, for each gold item, the
 * index of its prediction or -1. (Kuhn's augmenting paths; the sets are small.)
 */
export function matchOneToOne(goldCount: number, predCount: number, canMatch: (g: number, p: number) => boolean): number[] {
  const adj: number[][] = [];
  for (let g = 0; g < goldCount; g++) {
    const row: number[] = [];
    for (let p = 0; p < predCount; p++) if (canMatch(g, p)) row.push(p);
    adj.push(row);
  }
  const predOf = new Array<number>(predCount).fill(-1);
  const goldOf = new Array<number>(goldCount).fill(-1);
  const tryAssign = (g: number, seen: boolean[]): boolean => {
    for (const p of adj[g]!) {
      if (seen[p]) continue;
      seen[p] = true;
      if (predOf[p] === -1 || tryAssign(predOf[p]!, seen)) {
        predOf[p] = g;
        goldOf[g] = p;
        return true;
      }
    }
    return false;
  };
  for (let g = 0; g < goldCount; g++) tryAssign(g, new Array<boolean>(predCount).fill(false));
  return goldOf;
}

export interface SetMatch {
  /** Indices of the required (not optional) gold items. */
  required: number[];
  /** For each required item (in `required` order), the prediction matched to it, or -1. */
  assign: number[];
  /** For each prediction, whether it matches some gold item, optional ones included. */
  correct: boolean[];
  counts: Counts;
}

/**
 * The scoring core every task shares: required gold items are matched one to one
 * with predictions (recall), and each prediction is checked against every gold
 * item, optional ones included (precision).
 */
export function matchSets(optional: readonly boolean[], predCount: number, ok: (g: number, p: number) => boolean): SetMatch {
  const required = optional.flatMap((o, i) => (o ? [] : [i]));
  const assign = matchOneToOne(required.length, predCount, (a, p) => ok(required[a]!, p));
  const correct = Array.from({ length: predCount }, (_, p) => optional.some((_, g) => ok(g, p)));
  return {
    required,
    assign,
    correct,
    counts: { matched: assign.filter((a) => a >= 0).length, required: required.length, correct: correct.filter(Boolean).length, predicted: predCount },
  };
}

export const fmt = (x: number): string => x.toFixed(3);

/** A plain-text table with aligned columns. */
export function table(rows: string[][]): string {
  if (rows.length === 0) return "";
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ").trimEnd()).join("\n");
}
