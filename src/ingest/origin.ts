// Where a document came from: stored absolute (a path, "path:line", "path#item", a
// URL or "stdin"), so that runs from different folders agree; shown relative.

import { isAbsolute, sep } from "node:path";

/** An origin as a person reads it: under `cwd`, relative to it; anything else as it is. */
export function displayOrigin(origin: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(origin)) return origin;
  const base = cwd.endsWith(sep) ? cwd : cwd + sep;
  return origin.startsWith(base) && origin.length > base.length ? origin.slice(base.length) : origin;
}
