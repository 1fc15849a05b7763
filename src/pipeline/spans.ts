// Binary searches over spans sorted by offset (tokens, sentences, entities): every stage
// finds "the token at this offset", and a linear scan per lookup makes long documents quadratic.

/** The index of the first span in [lo, hi) that ends after `offset` (hi when none). Spans sorted by end. */
export function firstEndingAfter(spans: readonly { end: number }[], offset: number, lo = 0, hi = spans.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first span in [lo, hi) that starts at or after `offset` (hi when none). Spans sorted by start. */
export function firstStartingFrom(spans: readonly { start: number }[], offset: number, lo = 0, hi = spans.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
