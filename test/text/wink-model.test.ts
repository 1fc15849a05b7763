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
