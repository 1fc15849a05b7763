// Heavy dependencies load on first use, so that `import "dyad"` and `dyad analyze`
// do not pay for SQLite, the DOM or globbing they never touch.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function lazy<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= require(id) as T);
}
