// Helpers for the time stage's tests, over the shared test analyser.

import { testAnalyzer } from "../helpers.js";

export interface Tagged {
  text: string;
  type: string;
  value: string;
}

/** The temporal expressions of a text published on `date` (default Wednesday 2020-07-01). */
export function timexes(text: string, date = "2020-07-01"): Tagged[] {
  const rec = testAnalyzer().analyze({ text }, { date, until: "timexes" });
  return rec.timexes.map(({ text, type, value }) => ({ text, type, value }));
}

/** The single timex whose text includes `phrase`. */
export function find(text: string, phrase: string, date?: string): Tagged | undefined {
  return timexes(text, date).find((t) => t.text.includes(phrase) || phrase.includes(t.text));
}
