/** Documents `Analyzer.analyzeBatch` is best given at once: more gains little and holds more memory. */
export const BATCH_SIZE = 16;
