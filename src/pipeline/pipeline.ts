// The stage runner: an ordered list of stages, each reading earlier layers and
// writing its own.

import type { Doc } from "./doc.js";
import type { LayerName, Layers } from "./layers.js";
import type { Resources } from "./resources.js";

export interface Stage {
  /** A short name for timings and errors ("structure", "time"). */
  name: string;
  /** Layers this stage reads (checked before it runs). */
  reads: LayerName[];
  /** Layers this stage writes. */
  writes: LayerName[];
  run(doc: Doc, resources: Resources): Partial<Layers>;
}

/** Milliseconds spent per stage, summed over calls (for `npm run bench`). */
export type StageTimings = Record<string, number>;

export function runStages(
  doc: Doc,
  stages: readonly Stage[],
  resources: Resources,
  timings?: StageTimings,
): void {
  const until = doc.options.until;
  for (const stage of stages) {
    for (const name of stage.reads) {
      if (!doc.has(name)) throw new Error(`stage "${stage.name}" reads "${name}", which no earlier stage wrote`);
    }
    const t0 = timings ? performance.now() : 0;
    const out = stage.run(doc, resources);
    if (timings) timings[stage.name] = (timings[stage.name] ?? 0) + performance.now() - t0;
    for (const name of stage.writes) {
      const layer = out[name];
      if (layer === undefined) throw new Error(`stage "${stage.name}" did not write "${name}"`);
      doc.set(name, layer as Layers[typeof name]);
    }
    if (until && stage.writes.includes(until)) break;
  }
}
