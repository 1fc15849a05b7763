// Quotes: direct and indirect speech attributed to speakers.
// (Placeholder until the quotes stage lands.)

import type { Stage } from "../pipeline/pipeline.js";

export const quotesStage: Stage = {
  name: "quotes",
  reads: ["structure", "tokens", "sentences", "entities"],
  writes: ["quotes"],
  run: () => ({ quotes: [] }),
};
