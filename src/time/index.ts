// Temporal expressions (TIMEX3) and the publication date.
//   dateStage: the publication date (layer `date`), see pubdate.ts.
//   timeStage: the temporal expressions of the analysable sentences (layer `timexes`),
//              and the dateline's date as one outside every sentence (sentence -1).

import type { Doc } from "../pipeline/doc.js";
import type { Stage } from "../pipeline/pipeline.js";
import type { Resources } from "../pipeline/resources.js";
import { parseIsoDay } from "./calendar.js";
import { publicationDate } from "./pubdate.js";
import { datelineTimex, tagTimexes, timeTagger } from "./tagger.js";

export { publicationDate, inferFromText, datelineDate, isoDateOf } from "./pubdate.js";
export { tagTimexes, timeTagger, buildTimeTagger, datelineTimex } from "./tagger.js";
export { buildTimeLexicon, timeLexicon } from "./lexicon.js";

export const dateStage: Stage = {
  name: "date",
  reads: ["structure"],
  writes: ["date"],
  run: (doc: Doc, resources: Resources) => ({ date: publicationDate(doc, resources, doc.get("structure")) }),
};

export const timeStage: Stage = {
  name: "time",
  reads: ["structure", "date", "tokens", "sentences"],
  writes: ["timexes"],
  run: (doc: Doc, resources: Resources) => {
    const pub = parseIsoDay(doc.get("date").value);
    if (pub === null) return { timexes: [] };
    const tagger = timeTagger(resources);
    const timexes = tagTimexes(tagger, doc.text, doc.get("sentences"), doc.get("tokens"), pub);
    const dateline = datelineTimex(tagger, doc.text, doc.get("structure").dateline, pub);
    if (dateline && !timexes.some((t) => t.start < dateline.end && dateline.start < t.end)) {
      timexes.push(dateline);
      timexes.sort((a, b) => a.start - b.start);
    }
    return { timexes };
  },
};
