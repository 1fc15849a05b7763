// Temporal expressions (TIMEX3) and the publication date.
// (Placeholder until the time stage lands.)

import type { Stage } from "../pipeline/pipeline.js";
import type { PublicationDate } from "../pipeline/layers.js";
import type { Doc } from "../pipeline/doc.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function publicationDate(doc: Doc): PublicationDate {
  if (doc.options.date && ISO_DATE.test(doc.options.date)) return { value: doc.options.date, inferred: false, from: "option" };
  if (doc.input.date && ISO_DATE.test(doc.input.date)) return { value: doc.input.date, inferred: false, from: "input" };
  const today = doc.options.today && ISO_DATE.test(doc.options.today) ? doc.options.today : "1970-01-01";
  return { value: today, inferred: true, from: "now" };
}

export const dateStage: Stage = {
  name: "date",
  reads: ["structure"],
  writes: ["date"],
  run: (doc) => ({ date: publicationDate(doc) }),
};

export const timeStage: Stage = {
  name: "time",
  reads: ["structure", "date", "tokens", "sentences"],
  writes: ["timexes"],
  run: () => ({ timexes: [] }),
};
