// Events: who did what to whom, when and where, coded in CAMEO and PLOVER.
// (Placeholder until the events stage lands.)

import type { Stage } from "../pipeline/pipeline.js";

export const eventsStage: Stage = {
  name: "events",
  reads: ["structure", "tokens", "sentences", "timexes", "entities", "quotes"],
  writes: ["events"],
  run: () => ({ events: [] }),
};
