// Document structure of scraped text: title, source line, dateline, captions,
// related-link lists, boilerplate, junk, and the body paragraphs.
// (Placeholder: every non-blank paragraph is body. The structure issue work replaces it.)

import type { Stage } from "../pipeline/pipeline.js";
import type { Segment, Structure } from "../pipeline/layers.js";

export function analyzeStructure(text: string): Structure {
  const body: { start: number; end: number }[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) body.push({ start, end });
  }
  const segments: Segment[] = body.map((s) => ({ ...s, kind: "body" }));
  return { title: null, source: null, dateline: null, body, captions: [], related: [], boilerplate: [], junk: [], segments };
}

export const structureStage: Stage = {
  name: "structure",
  reads: [],
  writes: ["structure"],
  run: (doc) => ({ structure: analyzeStructure(doc.text) }),
};
