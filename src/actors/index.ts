// Actors: named-entity mentions resolved to CAMEO actor codes at the event's date.
// (Placeholder until the actors stage lands.)

import type { Stage } from "../pipeline/pipeline.js";

export const actorsStage: Stage = {
  name: "actors",
  reads: ["structure", "tokens", "sentences", "timexes"],
  writes: ["entities"],
  run: () => ({ entities: [] }),
};
