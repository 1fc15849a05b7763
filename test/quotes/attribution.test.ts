// Attributions beyond "X said S": passives with their agent, participles and gerunds,
// speakers with modifiers and relative clauses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createAnalyzer } from "../../src/analyze.js";
import { fsDataSource } from "../../src/node/data.js";
import type { Quote } from "../../src/pipeline/layers.js";

const analyzer = createAnalyzer(fsDataSource([]));
const quotesOf = (text: string): Quote[] => analyzer.analyzeDoc(text, { date: "2016-09-20" }).get("quotes");
const indirect = (text: string): Quote[] => quotesOf(text).filter((q) => q.kind === "indirect");

test("a passive with its agent: the subject is what was reported, the agent speaks", () => {
  const [q] = indirect("The registration issue was first reported by The Washington Post.");
  assert.equal(q?.text, "The registration issue");
  assert.equal(q?.speaker?.text, "The Washington Post");
  assert.equal(q?.cue?.text, "reported");
  const [e] = indirect("The Democratic nominee has been endorsed by dozens of newspapers.");
  assert.equal(e?.text, "The Democratic nominee");
  assert.match(e!.speaker!.text, /^dozens of newspapers/);
  const [r] = indirect("Mr. Burman called it a mistake (a view echoed by every expert).").filter((x) => x.cue?.text === "echoed");
  assert.equal(r?.text, "a view");
});

test("a passive without a report: no agent, a pronoun subject, or a hearing", () => {
  assert.equal(indirect("The plan was criticized.").length, 0);
  assert.equal(indirect("It was first declared by President Nixon in the 1970s.").length, 0);
  assert.equal(indirect("The arguments will be heard by 10 judges.").length, 0);
});

test("participles and gerunds take the subject of their clause", () => {
  const [p] = indirect("The newspaper has also detailed foundation spending that benefited Trump.");
  assert.equal(p?.speaker?.text, "The newspaper");
  assert.match(p!.text, /^foundation spending/);
  const g = indirect("Trump avoids condemning Russia's invasion of Ukraine.");
  assert.equal(g[0]?.speaker?.text, "Trump");
  assert.equal(g[0]?.text, "Russia's invasion of Ukraine");
  const c = indirect("Trump admires Putin as a “strong leader,” comparing him favorably to President Obama.");
  assert.ok(c.some((q) => q.text.startsWith("him favorably") && q.speaker?.text === "Trump"), JSON.stringify(c.map((q) => q.text)));
});

test("speakers with modifiers: postpositive adjectives, reduced relatives", () => {
  assert.equal(indirect("People familiar with the matter said the talks had stalled.")[0]?.speaker?.text, "People familiar with the matter");
  assert.equal(indirect("Those close to him say that he would consider Don Beyer.")[0]?.speaker?.text, "Those close to him");
  assert.equal(indirect("All the experts I interviewed said her proposals were more detailed.")[0]?.speaker?.text, "All the experts I interviewed");
});

test("a stance adjective after a linking verb: its subject holds what follows", () => {
  const [c] = indirect("She is convinced that the system is broken.");
  assert.equal(c?.text, "the system is broken");
  assert.equal(c?.speaker?.text, "She");
  assert.equal(c?.cue?.text, "convinced");
  const [g] = indirect("Graham has been critical of Trump's plan.");
  assert.equal(g?.text, "Trump's plan");
  assert.equal(g?.speaker?.text, "Graham");
  const [r] = indirect("Republicans seem confident they have the votes to override him.");
  assert.equal(r?.speaker?.text, "Republicans");
  assert.match(r!.text, /^they have the votes/);
  assert.equal(indirect("It is clear that the deal failed.").length, 0);
  assert.equal(indirect("The room was happy.").length, 0);
});

test("made it clear that: a phrasal cue", () => {
  const [q] = indirect("Ham made it clear he had major misgivings about the armed forces.");
  assert.equal(q?.speaker?.text, "Ham");
  assert.match(q!.text, /^he had major misgivings/);
});

test("an infinitive cue: the subject of its governing verb, adjective or noun, or its controller", () => {
  const able = indirect("He was able to consistently tout his polling strength.");
  assert.equal(able[0]?.speaker?.text, "He");
  assert.equal(able[0]?.text, "his polling strength");
  const opp = indirect("Trump never missed an opportunity to remind the audience he was self-funding his campaign.");
  assert.equal(opp[0]?.speaker?.text, "Trump");
  const forced = indirect("Warren forced Stumpf, who was under questioning, to admit that no executives had been fired.");
  assert.ok(forced.some((q) => q.speaker?.text === "Stumpf" && q.text === "no executives had been fired"), JSON.stringify(forced.map((q) => [q.speaker?.text, q.text])));
  const forSubject = indirect("The moderators will make it difficult for Trump to attack them during the debates.");
  assert.equal(forSubject[0]?.speaker?.text, "Trump");
  assert.equal(indirect("It's too early to discuss strategies.").length, 0);
});

test("a fronted participle or gerund phrase: the main clause's subject speaks", () => {
  const c = indirect("Citing an unfounded conspiracy theory, Trump repeatedly accused Rafael Cruz of lying.");
  assert.ok(c.some((q) => q.text === "an unfounded conspiracy theory" && q.speaker?.text === "Trump"), JSON.stringify(c.map((q) => [q.speaker?.text, q.text])));
  const d = indirect("In defending his business record, Trump offered insights into his approach.");
  assert.ok(d.some((q) => q.text === "his business record" && q.speaker?.text === "Trump"), JSON.stringify(d.map((q) => [q.speaker?.text, q.text])));
});

test("a noun cue with its possessor reports a that-clause, an infinitive or what it is about", () => {
  const a = indirect("Meanwhile Trump continues his adulation of Putin.");
  assert.ok(a.some((q) => q.text === "Putin" && q.speaker?.text === "his" && q.cue?.text === "adulation"), JSON.stringify(a.map((q) => [q.speaker?.text, q.text])));
  const d = indirect("Britain's decision to leave the European Union shocked the markets.");
  assert.equal(d[0]?.text, "to leave the European Union");
  assert.equal(d[0]?.speaker?.text, "Britain");
  const f = indirect("Mrs. Clinton has been frank in her acknowledgment that to pay for new programs she needs to raise revenue.");
  assert.ok(f.some((q) => q.text.startsWith("to pay for new programs") && q.speaker?.text === "her"), JSON.stringify(f.map((q) => [q.speaker?.text, q.text])));
  assert.equal(indirect("The claim that was rejected is old.").length, 0);
});

test("a that-noun needs no possessor; the object of a verb is its subject's", () => {
  const c = indirect("The leaders met amid growing concerns that they are too dependent on the United States.");
  assert.ok(c.some((q) => q.text.startsWith("they are too dependent") && q.speaker === null), JSON.stringify(c.map((q) => [q.speaker?.text, q.text])));
  const w = indirect("The crisis fueled worries among voters that the E.U. was a burden.");
  assert.ok(w.some((q) => q.text === "the E.U. was a burden" && q.speaker?.text === "voters"), JSON.stringify(w.map((q) => [q.speaker?.text, q.text])));
  const d = indirect("She expressed concern that the vote would be delayed.");
  assert.ok(d.some((q) => q.text === "the vote would be delayed" && q.speaker?.text === "She"), JSON.stringify(d.map((q) => [q.speaker?.text, q.text])));
  // a participle that is a verb cue keeps its subject
  const p = indirect("Central European leaders have embraced the idea, warning that Britain's exit will sap Europe's defenses.");
  assert.ok(p.some((q) => q.text.startsWith("Britain's exit") && q.speaker?.text === "Central European leaders"), JSON.stringify(p.map((q) => [q.speaker?.text, q.text])));
  assert.equal(indirect("The plan that Clinton proposed was rejected.").length, 0);
});

test("a verb whose object is a message is a cue; receiving or light verbs are not", () => {
  const t = indirect("Hours later, Trump unleashed a flurry of tweets shaming Alicia Machado.");
  assert.ok(t.some((q) => q.text.startsWith("a flurry of tweets") && q.speaker?.text === "Trump" && q.cue?.text === "unleashed"), JSON.stringify(t.map((q) => [q.speaker?.text, q.text])));
  const l = indirect("The city sent a cease-and-desist letter Thursday.");
  assert.ok(l.some((q) => q.text.startsWith("a cease-and-desist letter") && q.speaker?.text === "The city"), JSON.stringify(l.map((q) => [q.speaker?.text, q.text])));
  assert.equal(indirect("The governor received a letter from the union.").length, 0);
  assert.equal(indirect("Trump made the comments during a brief appearance.").length, 0);
});

test("stance and evaluation verbs; seeing reports a view only as 'see X as Y'", () => {
  const d = indirect("Kerry downplayed reports of differences between the United States and France.");
  assert.equal(d[0]?.speaker?.text, "Kerry");
  assert.match(d[0]!.text, /^reports of differences/);
  const s = indirect("Some critics saw the comment as a dig at the military.");
  assert.equal(s[0]?.speaker?.text, "Some critics");
  assert.equal(indirect("Under Kim Jong Un, the country has seen lower numbers of defectors.").length, 0);
  const v = indirect("Kerry sought to address objections voiced by Prime Minister Benjamin Netanyahu.").find((q) => q.cue?.text === "voiced");
  assert.equal(v?.text, "objections");
});

test("an evidential verb: the clause is a view with no speaker, unless a cue or a report holds it", () => {
  const [r] = indirect("You can see why RT can seem like just another entrant with an agenda.");
  assert.equal(r?.text, "RT can seem like just another entrant with an agenda");
  assert.equal(r?.speaker, null);
  const [it] = indirect("Often, it appeared that Trump was unable to parlay the assault.");
  assert.equal(it?.text, "Trump was unable to parlay the assault");
  const sug = indirect("Trump appeared to suggest that veterans with PTSD were weak.");
  assert.equal(sug.length, 1);
  assert.equal(sug[0]?.cue?.text, "suggest");
  const nested = indirect("Aides said Trump seemed tired after the debate.");
  assert.equal(nested.length, 1);
  assert.equal(nested[0]?.cue?.text, "said");
  assert.equal(indirect("She appeared on Fox News on Sunday.").length, 0);
});

test("a passive cue without an agent reports its clause with no speaker", () => {
  const [v] = indirect("Obama's veto is expected to come before the deadline at midnight Friday.");
  assert.equal(v?.text, "Obama's veto is expected to come before the deadline at midnight Friday");
  assert.equal(v?.speaker, null);
  const [c] = indirect("Mehmet Oz has been called a charlatan by fellow physicians.");
  assert.equal(c?.speaker?.text, "fellow physicians");
  const moon = indirect("Moon was quoted as saying South Korea will make all-out efforts.");
  assert.equal(moon.length, 1);
  assert.equal(moon[0]?.speaker?.text, "Moon");
  assert.equal(indirect("Clinton and Trump are virtually tied, according to a new poll.").filter((q) => q.speaker === null).length, 0);
});

test("tagger slips: noun-tagged verbs after an aside or a verb-tagged name, participles after an adverb, a venue's speaker", () => {
  const q = indirect("Some Democrats, however, question the wisdom of committing to Scott.");
  assert.ok(q.some((x) => x.speaker?.text === "Some Democrats" && x.text.startsWith("the wisdom")), JSON.stringify(q.map((x) => [x.speaker?.text, x.text])));
  const e = indirect("The GOP nominee complained about his mic, even suggesting he may have been sabotaged.");
  assert.ok(e.some((x) => x.text === "he may have been sabotaged" && x.speaker?.text === "The GOP nominee"), JSON.stringify(e.map((x) => [x.speaker?.text, x.text])));
  const v = quotesOf("“We will get there,” she said at a news conference announcing that her department was suing North Carolina.").filter((x) => x.kind === "indirect");
  assert.ok(v.some((x) => x.text.startsWith("her department was suing") && x.speaker?.text === "she"), JSON.stringify(v.map((x) => [x.speaker?.text, x.text])));
});

test("a sentence that opens with its source: a poll speaks, a statement's subject speaks", () => {
  const [p] = indirect("In the previous Washington Post/ABC News national poll, conducted in early September, Clinton led Trump by 5 percentage points.");
  assert.equal(p?.text, "Clinton led Trump by 5 percentage points");
  assert.match(p!.speaker!.text, /poll$/);
  const [s] = indirect("In a statement issued Tuesday morning, Hillary Clinton was more circumspect than her fellow Democrats.");
  assert.equal(s?.speaker?.text, "Hillary Clinton");
  assert.equal(indirect("In 2014, the company lost money.").length, 0);
});

test("content bounds: a report stops before a trailing attribution; a singular source after its report", () => {
  const q = indirect("Trump said the election was rigged and that he might not accept the results, his campaign manager said.");
  const inner = q.find((x) => x.speaker?.text === "Trump");
  assert.equal(inner?.text, "the election was rigged and that he might not accept the results");
  const [f] = indirect("The company paid no federal taxes for years, the filing states.");
  assert.equal(f?.text, "The company paid no federal taxes for years");
  assert.equal(f?.speaker?.text, "the filing");
});

test("an infinitive after 'be' takes the subject's speaker; judging is a cue", () => {
  const r = indirect("His best response was to say he would prevent more jobs from leaving.");
  assert.ok(r.some((q) => q.text.startsWith("he would prevent") && /response/.test(q.speaker?.text ?? "")), JSON.stringify(r.map((q) => [q.speaker?.text, q.text])));
  const j = indirect("Bin Laden judged America a paper tiger.");
  assert.equal(j[0]?.speaker?.text, "Bin Laden");
});

test("a clause that ends with the polls it comes from", () => {
  const [p] = indirect("By the time the debates began, Trump was at the top of national and battleground Republican polls.");
  assert.equal(p?.speaker?.text, "national and battleground Republican polls");
  assert.match(p!.text, /Trump was at the top$/);
  assert.equal(indirect("Trump's lead in the polls is small.").length, 0);
});

test("no report: a prediction, a statistical comparison, a title before a name, a reduced passive", () => {
  assert.equal(indirect("The deal is certain to shape Obama's legacy.").length, 0);
  assert.equal(indirect("Nearly 250,000 migrants have reached Europe, compared with 219,000 for all of 2014.").length, 0);
  assert.equal(indirect("Trump compared Clinton to Nixon.")[0]?.text, "Clinton to Nixon");
  assert.equal(indirect("A Sharia Court judge Hisham Hussein sentenced him.").length, 0);
  assert.equal(indirect("The bodies of 40 people thought to be migrants were discovered on beaches.").length, 0);
  const [e] = indirect("It is expected that the vote will pass.");
  assert.equal(e?.text, "the vote will pass");
});

test("the cue book: adjective, message and that-noun entries, and their removal by a user's rows", async () => {
  const { parseQuoteLexicon } = await import("../../src/quotes/lexicon.js");
  const lex = parseQuoteLexicon(
    [
      { cue: "convinced", frame: "adj" },
      { cue: "letter", frame: "message" },
      { cue: "claim", frame: "noun" },
      { cue: "claim", frame: "noun+that" },
      { cue: "claim", frame: "say" },
      { cue: "worried", frame: "adj" },
      { cue: "worried", frame: "-adj" },
    ],
    [],
  );
  assert.equal(lex.adjectives.get("convinced")?.frame, "adj");
  assert.ok(!lex.adjectives.has("worried"));
  assert.ok(lex.messages.has("letter"));
  assert.equal(lex.nouns.get("claim")?.frame, "noun");
  assert.ok(lex.thatNouns.has("claim"));
  assert.equal(lex.cues.get("claim")?.[0]?.frame, "say");
});

test("a cue that also names a blow, with a thing struck as its object, reports nothing", () => {
  for (const text of ["Militants attacked a police station in Peshawar.", "Rebels attacked an army post near the border.", "Warplanes blasted the convoy on Monday."]) {
    assert.deepEqual(indirect(text), [], text);
  }
  // words and deeds of words stay reports
  const [q] = indirect("The senator attacked the plan as reckless.");
  assert.equal(q?.speaker?.text, "The senator");
  assert.equal(indirect("The minister blasted the decision.").length, 1);
});

test("an infinitive's or a judgement's report ends before a verb in the past tense joined to it", () => {
  const q = indirect("The president vowed to crush the revolt and deployed the army on Tuesday.").find((x) => x.cue?.text === "vowed");
  assert.equal(q?.text, "to crush the revolt");
  const c = indirect("The senator criticized the plan and voted against it.").find((x) => x.cue?.text === "criticized");
  assert.equal(c?.text, "the plan");
});

test("a speaker named in an apposition after a possessed title is the person, not the possessor", () => {
  const quotes = analyzer.analyzeDoc({ text: "Maduro's foreign minister, Yván Gil, said the talks had been respectful. Venezuela's oil minister, Pedro Tellechea, said output would rise.", date: "2025-02-01" }).get("quotes");
  const gil = quotes.find((q) => q.text.startsWith("the talks"));
  assert.equal(gil?.speaker?.name, "Yván Gil");
  assert.equal(gil?.speaker?.actor?.code, "VENGOV");
  const aissami = quotes.find((q) => q.text.startsWith("output"));
  assert.equal(aissami?.speaker?.name, "Pedro Tellechea");
  assert.equal(aissami?.speaker?.actor?.code, "VENGOV");
});

test("a pronoun after a quotation does not stand for a name inside it", () => {
  const text = 'Opposition leader María Corina Machado urged Washington to keep its sanctions. "Any concession to Maduro will be used to repress Venezuelans," she told reporters.';
  const q = analyzer.analyzeDoc({ text, date: "2025-02-01" }).get("quotes").find((x) => x.text.includes("Any concession"));
  assert.equal(q?.speaker?.name, "María Corina Machado");
  assert.equal(q?.speaker?.actor?.country, "VEN");
  assert.notEqual(q?.speaker?.actor?.code, "VENGOV");
});

test("'His spokesman, Hussein Mohamed, said': the spokesman speaks, not the man 'his' stands for", () => {
  const text = "President William Ruto has promised to end abuses. His spokesman, Hussein Mohamed, said the government would not tolerate violence.";
  const q = analyzer.analyzeDoc({ text, date: "2025-06-25" }).get("quotes").find((x) => x.text.startsWith("the government"));
  assert.equal(q?.speaker?.name, "Hussein Mohamed");
});

test("a subject with a relative clause before 'said' is the speaker, not an inverted report ('Lee, who took office in June, said …')", () => {
  const text = 'Lee, who took office in June after his predecessor was removed, said the two neighbors "cannot afford to be divided" as tensions rise.';
  const q = indirect(text)[0];
  assert.match(q!.speaker!.text, /^Lee\b/);
  assert.equal(q?.speaker?.name, "Lee");
  assert.match(q!.text, /^the two neighbors/);
});

test("a body named in an apposition speaks, not the country that owns it ('North Korea's state media, KCNA, denounced')", () => {
  const q = analyzer.analyzeDoc({ text: "North Korea's state media, KCNA, denounced the summit as a war alliance.", date: "2025-08-23" }).get("quotes")[0];
  assert.equal(q?.speaker?.actor?.code, "PRKMED");
});

test("'According to X, who …, S': the relative clause is the source's, the report follows it; a name modifying the speaker's noun is not the speaker", () => {
  const q = indirect("According to a senior Trump adviser, who spoke on condition of anonymity, the campaign plans to spend heavily on ads.")[0];
  assert.equal(q?.text, "the campaign plans to spend heavily on ads");
  assert.match(q!.speaker!.text, /^a senior Trump adviser/);
  assert.notEqual(q?.speaker?.name, "Trump");
});

test("a participle after a noun cue takes the last verb's speaker ('attacked Clinton for her support of …, saying, \"…\"')", () => {
  const text = 'Trump attacked Clinton for her support of military action in Iraq and Libya, saying, "She\'s trigger-happy and very unstable."';
  const q = quotesOf(text).find((x) => x.text.includes("trigger-happy"));
  assert.equal(q?.speaker?.text, "Trump");
});

test("a speaker found by name for a quotation that runs over paragraphs keeps that person's actor", () => {
  const text = 'German Chancellor Angela Merkel said on Wednesday that Europe faced a long recovery.\n\n"We are only at the beginning of this pandemic. We will have to live with this virus for a long time.\n\n"Nobody should think that we are through the worst," she told lawmakers in the Bundestag.';
  const q = analyzer.analyzeDoc({ text, date: "2020-04-23" }).get("quotes").find((x) => x.text.includes("beginning of this pandemic"));
  assert.equal(q?.speaker?.name, "Angela Merkel");
  assert.equal(q?.speaker?.actor?.code, "DEUGOV");
});
