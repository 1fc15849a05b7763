import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createAnalyzer, DEFAULT_STAGES } from "../../src/analyze.js";
import { fsDataSource } from "../../src/node/data.js";
import type { Entity, Quote } from "../../src/pipeline/layers.js";
import type { Stage } from "../../src/pipeline/pipeline.js";
import { memoryDataSource } from "../../src/pipeline/resources.js";
import { parseGold } from "../../src/eval/gold.js";
import { scoreQuotes } from "../../src/eval/scorers.js";

const analyzer = createAnalyzer(fsDataSource([]));
const quotesOf = (text: string): Quote[] => analyzer.analyzeDoc(text, { date: "2020-07-01" }).get("quotes");
const find = (qs: Quote[], text: string) => qs.find((q) => q.text.includes(text));
const speakerOf = (qs: Quote[], text: string) => {
  const q = find(qs, text);
  assert.ok(q, `a quote holding "${text}" in ${JSON.stringify(qs.map((x) => x.text))}`);
  return q.speaker;
};

test("direct quote with a pronoun speaker: the name is the person who spoke before", () => {
  const noEntities = createAnalyzer(fsDataSource([]), DEFAULT_STAGES.map((s) => (s.name === "actors" ? stubActors([]) : s)));
  const qs = noEntities.analyzeDoc(
    "Stephen Biegun, the top U.S. envoy for the DPRK issue, said on Monday that another summit is unlikely.\n" +
      "\"I think it's probably unlikely between now and the U.S. election,\" he said in response to a question.",
    { date: "2020-07-01" },
  ).get("quotes");
  const q = find(qs, "I think it's probably unlikely")!;
  assert.equal(q.kind, "direct");
  assert.equal(q.text, "I think it's probably unlikely between now and the U.S. election,");
  assert.equal(q.speaker?.text, "he");
  assert.equal(q.speaker?.name, "Stephen Biegun");
  assert.equal(q.cue?.text, "said");
  const ind = find(qs, "another summit is unlikely")!;
  assert.equal(ind.kind, "indirect");
  assert.equal(ind.speaker?.name, "Stephen Biegun");
  assert.match(ind.speaker!.text, /^Stephen Biegun, the top U\.S\. envoy/);
});

test("inverted attribution and a title dropped from the name", () => {
  const qs = quotesOf("“Building trust requires concrete actions,” said Chinese Foreign Ministry spokesperson Hua Chunying on June 12.");
  const sp = speakerOf(qs, "Building trust")!;
  assert.equal(sp.name, "Hua Chunying");
  assert.equal(qs.length, 1);
});

test("a quote split by its attribution: two quotes, one speaker", () => {
  const qs = quotesOf("“This is in their heads,” said Pat Caddell, “and it is one of the things worrying them.”");
  assert.equal(qs.filter((q) => q.kind === "direct").length, 2);
  assert.equal(speakerOf(qs, "in their heads")?.name, "Pat Caddell");
  assert.equal(speakerOf(qs, "worrying them")?.name, "Pat Caddell");
});

test("a quote continued in the next sentence keeps its speaker", () => {
  const qs = quotesOf("“I call it the trip that launched 1,000 trips,” said Erin Murphy. “At the time, they were not granting many visas.”");
  assert.equal(speakerOf(qs, "not granting many visas")?.name, "Erin Murphy");
});

test("partial quote inside reported speech: direct and indirect, same speaker", () => {
  const qs = quotesOf("Biegun stressed that the U.S. goal remains the \"final and complete denuclearization of the Korean Peninsula.\"");
  const direct = qs.find((q) => q.kind === "direct")!;
  assert.equal(direct.text, "final and complete denuclearization of the Korean Peninsula.");
  assert.equal(direct.speaker?.text, "Biegun");
  assert.equal(direct.cue?.text, "stressed");
  const indirect = qs.find((q) => q.kind === "indirect")!;
  assert.match(indirect.text, /^the U\.S\. goal remains/);
});

test("scare quotes: attributed when the sentence has a speaker, else not", () => {
  const qs = quotesOf("China has urged the U.S. to take “concrete actions” to address DPRK's “legitimate concerns.”");
  assert.equal(speakerOf(qs, "concrete actions")?.text, "China");
  assert.equal(speakerOf(qs, "legitimate concerns")?.text, "China");
  const urged = qs.find((q) => q.kind === "indirect")!;
  assert.equal(urged.cue?.text, "urged");
  assert.match(urged.text, /^the U\.S\. to take/);
  const bare = quotesOf("The “sex tape” reference was about footage circulating online.");
  assert.equal(bare.length, 1);
  assert.equal(bare[0]!.kind, "direct");
  assert.equal(bare[0]!.speaker, null);
});

test("a quote over several paragraphs is one quote", () => {
  const qs = quotesOf("Caddell continued:\n“The health issue is a partisan issue.\n“Rasmussen has a similar question.”\nThe show airs on weekdays.");
  const direct = qs.filter((q) => q.kind === "direct");
  assert.equal(direct.length, 1);
  assert.match(direct[0]!.text, /^The health issue[\s\S]*similar question\.$/);
  assert.equal(direct[0]!.speaker?.text, "Caddell");
});

test("a paragraph that is only a quote takes the speaker of the paragraph before", () => {
  const qs = quotesOf(
    "“Building mutual trust requires concrete actions,” Foreign Ministry spokesperson Hua Chunying said on June 12.\n" +
      "“The U.S. side should take concrete actions to implement the consensus.”",
  );
  assert.equal(speakerOf(qs, "The U.S. side should")?.name, "Hua Chunying");
});

test("anonymous sources keep their description; the cue is recorded", () => {
  const qs = quotesOf("A Blue House official, who declined to be identified, told a press briefing that Moon will make efforts to maintain a dialogue.");
  const q = find(qs, "Moon will make efforts")!;
  assert.equal(q.kind, "indirect");
  assert.equal(q.text, "Moon will make efforts to maintain a dialogue");
  assert.match(q.speaker!.text, /^A Blue House official/);
  assert.equal(q.cue?.text, "told");
  assert.ok(!qs.some((x) => /to be identified/.test(x.text)), "declining to be named reports nothing");
});

test("indirect speech in its usual shapes", () => {
  const cases: [string, string, string, string][] = [
    ["Moon Jae-in has said that his country will make all-out efforts.", "his country will make all-out efforts", "Moon Jae-in", "said"],
    ["The official told reporters that the offices have closely communicated.", "the offices have closely communicated", "The official", "told"],
    ["Moon was quoted as saying South Korea will make all-out efforts.", "South Korea will make all-out efforts", "Moon", "quoted as saying"],
    ["The official noted that the thought was already delivered.", "the thought was already delivered", "The official", "noted"],
    ["The ministry denied that troops had crossed the border.", "troops had crossed the border", "The ministry", "denied"],
    ["Officials warned that the storm would hit the coast.", "the storm would hit the coast", "Officials", "warned"],
    ["The senator insisted that the vote was fair.", "the vote was fair", "The senator", "insisted"],
    ["Secret Service protocol called for the nominee to be taken to a trauma center, sources said.", "Secret Service protocol called for", "sources", "said"],
    ["The van was supposed to be escorted by police, another source said Tuesday.", "The van was supposed to be escorted by police", "another source", "said"],
    ["Clinton beats Trump by 46 percent to 42 percent, according to the poll.", "Clinton beats Trump by 46 percent", "the poll", "according to"],
    ["According to exit polls, Romney had a ten-point lead among the group.", "Romney had a ten-point lead among the group", "exit polls", "according to"],
    ["The New York Post reports that the team avoided the emergency room.", "the team avoided the emergency room", "The New York Post", "reports"],
  ];
  for (const [text, content, speaker, cue] of cases) {
    const qs = quotesOf(text);
    const q = qs.find((x) => x.kind === "indirect" && x.text.includes(content));
    assert.ok(q, `indirect "${content}" in ${text} (got ${JSON.stringify(qs.map((x) => x.text))})`);
    assert.equal(q.speaker?.text, speaker, text);
    assert.equal(q.cue?.text.toLowerCase(), cue, text);
  }
});

test("coordinated and participial cues take the clause's subject", () => {
  const qs = quotesOf("Democrats described the showdown as ominous, and said the panel might be damaged. She spoke in the Oval Office, emphasizing it was time to end the sanctions.");
  assert.equal(speakerOf(qs, "the panel might be damaged")?.text, "Democrats");
  assert.equal(speakerOf(qs, "it was time to end the sanctions")?.text, "She");
});

test("no quote where no one speaks", () => {
  assert.deepEqual(quotesOf("The last face-to-face meeting between Kim and Trump took place in Panmunjom on June 30, 2019."), []);
  assert.deepEqual(quotesOf("What Liz Wahl said when she resigned made headlines."), []);
});

test("a byline after a quote names its speaker", () => {
  const qs = quotesOf("“He can’t even answer a question without scaring people.” ― Esther Tapia");
  assert.equal(speakerOf(qs, "answer a question")?.text, "Esther Tapia");
});

test("a headline's 'Speaker: content' and a transcript's turns", () => {
  const qs = quotesOf("Poll: Clinton and Trump in dead heat heading into first debate\n\"WALLACE: Will she be there?\n\"PENCE: She will not be attending the debate.");
  assert.equal(speakerOf(qs, "Clinton and Trump in dead heat")?.text, "Poll");
  assert.equal(speakerOf(qs, "Will she be there")?.text, "WALLACE");
  assert.equal(speakerOf(qs, "She will not be attending")?.text, "PENCE");
});

/** A stand-in for the actors stage: fixed entity mentions found by their text. */
function stubActors(mentions: (Omit<Entity, "start" | "end" | "sentence" | "geo" | "role"> & { nth?: number })[]): Stage {
  return {
    name: "actors",
    reads: ["tokens", "sentences"],
    writes: ["entities"],
    run: (doc) => {
      const out: Entity[] = [];
      for (const m of mentions) {
        const re = new RegExp(`\\b${m.text}\\b`, "g");
        let at = -1;
        for (let k = 0; k <= (m.nth ?? 0); k++) at = re.exec(doc.text)?.index ?? -1;
        out.push({ text: m.text, type: m.type, actor: m.actor, ref: m.ref, mention: m.mention, start: at, end: at + m.text.length, sentence: 0, geo: null, role: null });
      }
      return { entities: out };
    },
  };
}

test("speaker from the entities layer: a pronoun follows its ref to the named antecedent", () => {
  const usa = { code: "USAGOV", country: "USA", sector: "GOV", name: null };
  const stages = DEFAULT_STAGES.map((s) =>
    s.name === "actors"
      ? stubActors([
          { text: "Stephen Biegun", type: "PERSON", actor: usa, ref: null, mention: "name" },
          { text: "he", type: "PERSON", actor: usa, ref: 0, mention: "pronoun" },
        ])
      : s,
  );
  const a = createAnalyzer(fsDataSource([]), stages);
  const text = "Stephen Biegun spoke on Monday.\n\"It is unlikely,\" he said.";
  const doc = a.analyzeDoc(text, { date: "2020-07-01" });
  const q = doc.get("quotes").find((x) => x.kind === "direct")!;
  assert.equal(q.speaker?.text, "he");
  assert.equal(q.speaker?.name, "Stephen Biegun");
  assert.equal(q.speaker?.actor?.code, "USAGOV");
  assert.equal(q.speakerEntity, 1);
  // the record carries the same speaker
  const rec = a.analyze(text, { date: "2020-07-01" });
  assert.equal(rec.quotes.find((x) => x.kind === "direct")?.speaker?.actor?.country, "USA");
});

test("speaker from the entities layer: the entity's name wins over the token fallback", () => {
  const kor = { code: "KORGOV", country: "KOR", sector: "GOV", name: null };
  const stages = DEFAULT_STAGES.map((s) =>
    s.name === "actors"
      ? stubActors([
          { text: "Moon Jae-in", type: "PERSON", actor: kor, ref: null, mention: "name" },
          { text: "Moon", type: "PERSON", actor: kor, ref: 0, mention: "name", nth: 1 },
        ])
      : s,
  );
  const a = createAnalyzer(fsDataSource([]), stages);
  const q = a.analyzeDoc("President Moon Jae-in met the envoy. Moon said that talks will resume.", { date: "2020-07-01" }).get("quotes")[0]!;
  assert.equal(q.speaker?.name, "Moon Jae-in");
  assert.equal(q.speaker?.actor?.code, "KORGOV");
  assert.equal(q.speakerEntity, 1);
});

test("the token fallback without entities: a surname takes the full name met before", () => {
  const noEntities = createAnalyzer(fsDataSource([]), DEFAULT_STAGES.map((s) => (s.name === "actors" ? stubActors([]) : s)));
  const qs = noEntities.analyzeDoc("South Korean President Moon Jae-in met the envoy. Moon said that talks will resume. Later, Biegun, the U.S. envoy, spoke. Biegun said the door is open.", { date: "2020-07-01" }).get("quotes");
  assert.equal(speakerOf(qs, "talks will resume")?.name, "Moon Jae-in");
  assert.equal(speakerOf(qs, "the door is open")?.name, "Biegun");
  for (const q of qs) assert.equal(q.speakerEntity, null);
});

test("cue data: a user's file removes and adds cues", () => {
  const base = readFileSync(fileURLToPath(new URL("../../../data/quotes/cues.tsv", import.meta.url)), "utf8");
  const names = readFileSync(fileURLToPath(new URL("../../../data/quotes/names.tsv", import.meta.url)), "utf8");
  const user = "cue\tframe\nwarn\t-\nmutter\tsay\n";
  const a = createAnalyzer(memoryDataSource({ "quotes/cues.tsv": [base, user], "quotes/names.tsv": names }));
  const qs = a.analyzeDoc("Officials warned that the storm would hit. The mayor muttered that it was late.", { date: "2020-07-01" }).get("quotes");
  assert.ok(!qs.some((q) => q.cue?.text === "warned"));
  assert.ok(qs.some((q) => q.cue?.text === "muttered" && q.speaker?.text === "The mayor"));
});

test("quotes are sorted, with offsets that give their text and sentence", () => {
  const text = readFileSync(fileURLToPath(new URL("../../../examples/cgtn-2020-07-01-moon-summit.txt", import.meta.url)), "utf8");
  const doc = analyzer.analyzeDoc(text, { date: "2020-07-01" });
  const sentences = doc.get("sentences");
  let last = -1;
  for (const q of doc.get("quotes")) {
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.ok(q.start >= last);
    last = q.start;
    if (q.cue) assert.equal(text.slice(q.cue.start, q.cue.end), q.cue.text);
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text);
    const s = sentences[q.sentence]!;
    assert.ok(s.start <= q.start, "the quote's sentence starts before it");
  }
});

test("the reference article: every required quote found and attributed", () => {
  const goldText = readFileSync(fileURLToPath(new URL("../../../test/fixtures/cgtn-2020-07-01-moon-summit.gold.json", import.meta.url)), "utf8");
  const [gold] = parseGold(goldText);
  const record = analyzer.analyze({ text: gold!.text, id: gold!.id }, { date: gold!.date ?? "2020-07-01" });
  const s = scoreQuotes([{ gold: gold!, record }]);
  assert.equal(s.score.r, 1, s.misses.join("\n"));
  assert.equal(s.extra["attribution"], 1, s.misses.join("\n"));
});

test("any text: the stage never throws and its spans slice to their text", async () => {
  const fc = (await import("fast-check")).default;
  const words = ["Smith", "said", "told", "reporters", "that", "he", "the", "official", ",", ".", "\n", '"', "“", "”", "according", "to", "Mr.", "who", "and", "added", ":", "―", "'s", "claim"];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (parts: string[]) => {
      const text = parts.join(" ");
      for (const q of quotesOf(text)) {
        if (text.slice(q.start, q.end) !== q.text) return false;
        if (q.cue && text.slice(q.cue.start, q.cue.end) !== q.cue.text) return false;
        if (q.speaker && text.slice(q.speaker.start, q.speaker.end) !== q.speaker.text) return false;
      }
      return true;
    }),
    { numRuns: 200 },
  );
});

test("more attribution shapes: 'has learned', participles after their subject, noun cues, 'many of whom'", () => {
  const qs = quotesOf(
    "Hillary Clinton was headed to an emergency room but detoured to her daughter's apartment, The Post has learned. " +
      "The spot opens with footage of Trump saying during the debate, “That makes me smart.” " +
      "Politifact seized on Trump’s claim that there have been thousands of shootings. " +
      "The letter was signed by parents, many of whom say the resolution is wrong. " +
      "It issued a policy paper welcoming the plan to station troops in the east.",
  );
  assert.equal(speakerOf(qs, "headed to an emergency room")?.text, "The Post");
  assert.equal(find(qs, "headed to an emergency room")?.cue?.text, "learned");
  assert.equal(speakerOf(qs, "That makes me smart")?.text, "Trump");
  const claim = find(qs, "there have been thousands of shootings")!;
  assert.equal(claim.cue?.text, "claim");
  assert.equal(claim.speaker?.text, "Trump");
  assert.equal(speakerOf(qs, "the resolution is wrong")?.text, "many of whom");
  assert.equal(speakerOf(qs, "the plan to station troops")?.text, "It");
});

test("cues that need their complement: intro verbs before a quote, infinitive-only verbs", () => {
  const qs = quotesOf("Caddell continued: “The health issue is partisan.” Those discussions are continuing, the mayor said. Through a spokesman, he declined to comment. After that the rate would decline by four points each year.");
  assert.equal(speakerOf(qs, "The health issue is partisan")?.text, "Caddell");
  assert.equal(speakerOf(qs, "Those discussions are continuing")?.text, "the mayor");
  assert.ok(!qs.some((q) => q.cue?.text === "continuing"), "'are continuing' is no cue");
  assert.equal(find(qs, "to comment")?.cue?.text, "declined");
  assert.ok(!qs.some((q) => q.cue?.text === "decline"), "a rate that declines reports nothing");
});

test("a quote ending a sentence with a stop is not the next sentence's", () => {
  const qs = quotesOf("“It is done.” Those talks are continuing, officials said. “Why isn’t this proof?” Vitter demanded.");
  assert.notEqual(speakerOf(qs, "It is done")?.text, "Those talks");
  assert.equal(speakerOf(qs, "Why isn’t this proof")?.text, "Vitter");
});

test("a quote after a colon belongs to the sentence that presents it", () => {
  const qs = quotesOf("On July 6, 2015, Sanders made the following comment: “For young people the rate is 33 percent.”");
  const q = find(qs, "For young people")!;
  assert.equal(q.speaker?.text, "Sanders");
  assert.equal(q.cue?.text, ":");
  assert.ok(!qs.some((x) => x.speaker?.text === "the following"));
});

test("a block quotation: a paragraph without marks after 'X added:'", () => {
  const qs = quotesOf("It is transparent, he said.\nLimbaugh added:\nAnd from a supposed front-runner, this reeks of fear.\nThe debate is on Monday.");
  const q = find(qs, "this reeks of fear")!;
  assert.equal(q.kind, "direct");
  assert.equal(q.speaker?.text, "Limbaugh");
  assert.equal(q.cue?.text, "added");
  assert.ok(!qs.some((x) => x.text.includes("The debate is on Monday")));
});
