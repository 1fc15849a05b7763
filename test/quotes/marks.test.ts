import { test } from "node:test";
import assert from "node:assert/strict";
import { findMarkedQuotes } from "../../src/quotes/marks.js";

/** The quoted contents of text, one paragraph per line. */
function quotes(text: string): string[] {
  const paras: { start: number; end: number }[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) paras.push({ start: m.index, end: m.index + m[0].length });
  return findMarkedQuotes(text, paras).map((q) => text.slice(q.start, q.end));
}

test("curly and straight double quotes give their content", () => {
  assert.deepEqual(quotes("“It is done,” he said. Then \"we go,\" she said."), ["It is done,", "we go,"]);
});

test("``…'' and ''…'' (AP, TimeBank and NYT archive styles)", () => {
  assert.deepEqual(quotes("``We will win,'' he said."), ["We will win,"]);
  assert.deepEqual(quotes("''You'd like to pay cash,'' he said."), ["You'd like to pay cash,"]);
});

test("single quotes nested inside double ones stay inside", () => {
  assert.deepEqual(quotes(`"He said, 'Our approach hasn't worked,'" Mitchell recalled.`), [`He said, 'Our approach hasn't worked,'`]);
});

test("a quote split by its attribution is two quotes", () => {
  assert.deepEqual(quotes("“This is in their heads,” said Caddell. “It is one of the things worrying them.”"), [
    "This is in their heads,",
    "It is one of the things worrying them.",
  ]);
});

test("partial and scare quotes inside a sentence", () => {
  assert.deepEqual(quotes("China urged the U.S. to take “concrete actions” to address DPRK's “legitimate concerns.”"), ["concrete actions", "legitimate concerns."]);
});

test("a quote over several paragraphs continues where a paragraph opens with a mark", () => {
  const text = "He continued:\n“The first part of it.\n“The second part of it.”\nAfterwards he left.";
  const qs = quotes(text);
  assert.equal(qs.length, 1);
  assert.ok(qs[0]!.startsWith("The first part") && qs[0]!.endsWith("second part of it."));
});

test("an unclosed quote ends at its paragraph when the next does not continue it", () => {
  assert.deepEqual(quotes("“We are here to stay, he said.\nThe talks resumed."), ["We are here to stay, he said."]);
});

test("an unclosed quote that would swallow later quotes ends with its sentence", () => {
  const qs = quotes(`He added that Obama “has taken no option off the table. In the meantime, he said the two agree. “And I would say so," Kerry said.`);
  assert.deepEqual(qs, ["has taken no option off the table.", "And I would say so,"]);
});

test("apostrophes are not quotes, a headline's ‘…’ is", () => {
  assert.deepEqual(quotes("Clinton’s team and the Clintons’ house, it’s late."), []);
  assert.deepEqual(quotes("Warren: ‘You Should Be Criminally Investigated.’"), ["You Should Be Criminally Investigated."]);
});

test("markup attributes are not quotes", () => {
  assert.deepEqual(quotes(`<tweet author="someone" id="778">The blue arrow</tweet>`), []);
});

test("a transcript turn starts its own quote inside a running one", () => {
  const qs = quotes(`"WALLACE: Will she be there?\n"PENCE: She will not be attending.`);
  assert.deepEqual(qs, ["Will she be there?", "She will not be attending."]);
});

test("any text: quotes are well-formed spans and the scan never throws", async () => {
  const fc = (await import("fast-check")).default;
  const alphabet = ["a", "B", " ", "\n", '"', "“", "”", "‘", "’", "'", "`", ",", ".", ":", "―", "said", "he", "Smith"];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }), (parts: string[]) => {
      const text = parts.join("");
      const paras: { start: number; end: number }[] = [];
      const re = /[^\n]+/g;
      for (let m = re.exec(text); m; m = re.exec(text)) paras.push({ start: m.index, end: m.index + m[0].length });
      let last = -1;
      for (const q of findMarkedQuotes(text, paras)) {
        if (!(q.open <= q.start && q.start < q.end && q.end <= q.close && q.close <= text.length)) return false;
        if (q.start < last) return false;
        last = q.end;
      }
      return true;
    }),
    { numRuns: 400 },
  );
});
