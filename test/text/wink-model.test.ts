// dyad loads wink's model itself (src/text/wink-model.ts), faster than the package's entry point:
// it must tag as the package does.
import { test } from "node:test";
import assert from "node:assert/strict";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { posModel } from "../../src/text/wink-model.js";

const TEXT =
  "South Korean President Moon Jae-in said on Tuesday that he didn't expect another summit before the U.S. election. " +
  "Pyongyang's state media reported that the leaders' talks in Hanoi had ended without any agreement, and officials weren't sure whether they'd meet again. " +
  "Protesters hurled stones at riot police in Zxqvbnian, a city few had heard of; 3,000 troops were deployed at 10:35 a.m. on 12 June 2018.";

test("dyad's loading of wink's model tags, lemmatises and numbers words as the package's does", () => {
  const ours = winkNLP(posModel() as Parameters<typeof winkNLP>[0], ["pos"]);
  const theirs = winkNLP(model, ["pos"]);
  const read = (nlp: typeof ours) => {
    const its = nlp.its;
    const tokens = nlp.readDoc(TEXT).tokens();
    return {
      value: tokens.out(),
      pos: tokens.out(its.pos),
      lemma: tokens.out(its.lemma as Parameters<typeof tokens.out>[0]),
      id: tokens.out(its.uniqueId as Parameters<typeof tokens.out>[0]),
      negation: tokens.out(its.negationFlag as Parameters<typeof tokens.out>[0]),
    };
  };
  const a = read(ours);
  const b = read(theirs);
  assert.ok(a.value.length > 60);
  assert.deepEqual(a, b);
  // a second reading (the unknown word now in each lexicon) agrees too
  assert.deepEqual(read(ours), read(theirs));
});

test("each analyser's wink has a lexicon of its own (wink adds the words it meets)", () => {
  const one = winkNLP(posModel() as Parameters<typeof winkNLP>[0], ["pos"]);
  const two = winkNLP(posModel() as Parameters<typeof winkNLP>[0], ["pos"]);
  const idOf = (nlp: typeof one, w: string) => nlp.readDoc(w).tokens().out(nlp.its.uniqueId as never)[0];
  const first = idOf(one, "Qwertyvillezzz");
  assert.equal(idOf(two, "Plokmijnuhbzzz"), first, "the second analyser's lexicon did not see the first's new word");
});

test("the model's packed arrays decode as base64 does, whatever the padding", async () => {
  const { uint32FromBase64, uint32FromBase64Table } = await import("../../src/text/wink-model.js");
  for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15, 16, 1000]) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 151 + 7) & 255);
    const base64 = Buffer.from(bytes).toString("base64");
    const expected = [...new Uint32Array(bytes.buffer, 0, n >>> 2)];
    assert.deepEqual([...uint32FromBase64(base64)], expected, `${n} bytes`);
    assert.deepEqual([...uint32FromBase64Table(base64)], expected, `${n} bytes, by the table`);
  }
});
