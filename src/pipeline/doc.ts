// Doc: the immutable text of one document plus the layers the stages add to it.

import type { DocumentInput } from "../record.js";
import type { LayerName, Layers } from "./layers.js";

/** Per-call settings the stages may read. */
export interface AnalyzeOptions {
  /** Publication date (YYYY-MM-DD); wins over the input's own date. */
  date?: string | null;
  /** Today's date (YYYY-MM-DD), the last resort for the publication date. The core never reads the clock. */
  today?: string | null;
  /** Layers to stop after (the pipeline runs every stage up to the last one named). */
  until?: LayerName;
}

export class Doc {
  readonly text: string;
  readonly input: Readonly<DocumentInput>;
  readonly options: Readonly<AnalyzeOptions>;
  private readonly layers: Partial<Layers> = {};

  constructor(input: DocumentInput, options: AnalyzeOptions = {}) {
    this.text = input.text;
    this.input = Object.freeze({ ...input });
    this.options = Object.freeze({ ...options });
  }

  has(name: LayerName): boolean {
    return this.layers[name] !== undefined;
  }

  /** A layer an earlier stage wrote; asking for one that is not there is a pipeline bug. */
  get<K extends LayerName>(name: K): Layers[K] {
    const layer = this.layers[name];
    if (layer === undefined) throw new Error(`layer "${name}" has not been computed`);
    return layer as Layers[K];
  }

  /** Called by the pipeline only: a layer is written once. */
  set<K extends LayerName>(name: K, layer: Layers[K]): void {
    if (this.layers[name] !== undefined) throw new Error(`layer "${name}" is already set`);
    this.layers[name] = layer;
  }
}
