// The core entry imports no Node built-ins, so it can be bundled for browsers.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

/** Every module reachable from a compiled entry, by following relative imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g)) {
      stack.push(join(file, "..", m[1] ?? m[2]!));
    }
  }
  return seen;
}

test("dyad/core reaches no node: modules and no Node adapters", () => {
  const files = reachable(join(ROOT, "dist/src/core.js"));
  assert.ok(files.size > 5);
  for (const f of files) {
    const src = readFileSync(f, "utf8");
    assert.doesNotMatch(src, /from\s*["']node:|require\(["']node:|\bprocess\.(env|argv|exit|stdout|cwd)/, `${f} is pure`);
    assert.ok(!f.includes("/src/node/") && !f.includes("/src/cli/"), `${f} is not an adapter`);
  }
  assert.ok(statSync(join(ROOT, "dist/src/core.js")).isFile() && readdirSync(join(ROOT, "dist/src")).includes("core.js"));
});
