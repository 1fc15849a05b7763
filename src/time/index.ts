// Temporal expressions (TIMEX3) and the publication date.
//   dateStage: the publication date (layer `date`), see pubdate.ts; it reads the
//              sentences (their tenses tell past from future dates), so it runs
//              after the text stage.
//   timeStage: the temporal expressions of the analysable sentences (layer `timexes`),
//              and the dateline's date (resolved by the date stage) as one outside
//              every sentence (sentence -1).

import type { Doc } from "../pipeline/doc.js";
import type { Timex } from "../pipeline/layers.js";
import type { Stage } from "../pipeline/pipeline.js";
import type { Resources } from "../pipeline/resources.js";
import { parseIsoDay } from "./calendar.js";
import { publicationDate } from "./pubdate.js";
import { tagTimexes, timeTagger } from "./tagger.js";

export { publicationDate, isoDateOf, NO_PUBLICATION_DATE } from "./pubdate.js";
export { tagTimexes, timeTagger, buildTimeTagger } from "./tagger.js";
export { buildTimeLexicon, timeLexicon } from "./lexicon.js";

export const dateStage: Stage = {
  name: "date",
  reads: ["structure", "tokens", "sentences"],
  writes: ["date"],
  run: (doc: Doc, resources: Resources) => ({
    date: publicationDate(doc, resources, doc.get("structure"), doc.get("sentences"), doc.get("tokens")),
  }),
};

export const timeStage: Stage = {
  name: "time",
  reads: ["structure", "date", "tokens", "sentences"],
  writes: ["timexes"],
  run: (doc: Doc, resources: Resources) => {
    const date = doc.get("date");
    const pub = parseIsoDay(date.value);
    if (pub === null) return { timexes: [] };
    const timexes = tagTimexes(timeTagger(resources), doc.text, doc.get("sentences"), doc.get("tokens"), pub);
    const d = date.dateline;
    if (d && !timexes.some((t) => t.start < d.end && d.start < t.end)) {
      const dateline: Timex = { start: d.start, end: d.end, text: doc.text.slice(d.start, d.end), type: "DATE", value: d.value, sentence: -1 };
      timexes.push(dateline);
      timexes.sort((a, b) => a.start - b.start);
    }
    return { timexes };
  },
};
