import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ENGINE_VERSION } from "../../src/version.js";
import { ROOT } from "../helpers.js";

test("the engine version stored with records is package.json's", () => {
  assert.equal(ENGINE_VERSION, JSON.parse(readFileSync(ROOT + "package.json", "utf8")).version);
});
