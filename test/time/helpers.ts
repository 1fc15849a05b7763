// Shared helpers for the time stage's tests: one analyser over the package's data.

import { createAnalyzer, type Analyzer } from "../../src/analyze.js";
import { fsDataSource } from "../../src/node/data.js";

let analyzer: Analyzer | null = null;

export function getAnalyzer(): Analyzer {
  analyzer ??= createAnalyzer(fsDataSource([]));
  return analyzer;
}

export interface Tagged {
  text: string;
  type: string;
  value: string;
}

/** The temporal expressions of a text published on `date` (default Wednesday 2020-07-01). */
export function timexes(text: string, date = "2020-07-01"): Tagged[] {
  const rec = getAnalyzer().analyze({ text }, { date, until: "timexes" });
  return rec.timexes.map(({ text, type, value }) => ({ text, type, value }));
}

/** The single timex whose text includes `phrase`. */
export function find(text: string, phrase: string, date?: string): Tagged | undefined {
  return timexes(text, date).find((t) => t.text.includes(phrase) || phrase.includes(t.text));
}
