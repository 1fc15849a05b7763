import { test } from "node:test";
import assert from "node:assert/strict";
import { progressLine } from "../../src/cli/progress.js";

test("the progress line shows documents, events, errors, rate and ETA", () => {
  const line = progressLine({ total: 200, done: 50, added: 45, skipped: 3, failed: 2, mentions: 310, elapsedMs: 10_000 }, 120);
  assert.match(line, /^\[█+░+\] 50\/200 docs · 310 events · 2 errors · 5\.0 docs\/s · ETA 0:30$/);
  // Without a known total: no bar, no ETA; never wider than the terminal.
  assert.equal(progressLine({ total: null, done: 7, added: 7, skipped: 0, failed: 0, mentions: 9, elapsedMs: 2000 }, 120), "7 docs · 9 events · 0 errors · 3.5 docs/s");
  assert.ok(progressLine({ total: 10, done: 1, added: 1, skipped: 0, failed: 0, mentions: 0, elapsedMs: 1000 }, 30).length < 30);
});
