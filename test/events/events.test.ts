import { test } from "node:test";
import assert from "node:assert/strict";
import { asserted, brief, events, withRoot } from "./helpers.js";

const has = (evs: ReturnType<typeof events>, pred: (s: string) => boolean) => evs.map(brief).some(pred);
const show = (evs: ReturnType<typeof events>) => evs.map(brief).join("; ");

// ---------------------------------------------------------------- clause shapes

test("subject, verb, object: the subject acts on the object", () => {
  const evs = asserted(events("Iraq attacked Syria on Monday."));
  const e = withRoot(evs, "19")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "IRQ");
  assert.equal(e.target?.country, "SYR");
  assert.equal(e.date, "2020-06-29");
  assert.ok(e.evidence.text.startsWith("Iraq attacked Syria"), e.evidence.text);
});

test("passive voice: the by-phrase is the source", () => {
  const evs = asserted(events("Syria was attacked by Iraq on Monday."));
  const e = withRoot(evs, "19")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "IRQ");
  assert.equal(e.target?.country, "SYR");
});

test("prepositional target: talks with", () => {
  const evs = asserted(events("Iran held talks with France in Geneva on Tuesday."));
  const e = withRoot(evs, "04")[0];
  assert.ok(e, show(evs));
  assert.deepEqual([e.source?.country, e.target?.country].sort(), ["FRA", "IRN"]);
  assert.equal(e.date, "2020-06-30");
});

test("coordination: 'Trump and Kim met' is a meeting of the two, where it took place", () => {
  const evs = asserted(events("Trump and Kim met in Hanoi on Tuesday."));
  const e = withRoot(evs, "04")[0];
  assert.ok(e, show(evs));
  assert.deepEqual([e.source?.country, e.target?.country].sort(), ["PRK", "USA"]);
  assert.equal(e.location?.name, "Hanoi");
  assert.equal(e.location?.country, "VNM");
});

test("relative clause: the noun before 'which' is the subject", () => {
  const evs = asserted(events("Japan criticised Germany, which imposed sanctions on Russia on Friday."));
  const sanction = withRoot(evs, "16")[0];
  assert.ok(sanction, show(evs));
  assert.equal(sanction.source?.country, "DEU");
  assert.equal(sanction.target?.country, "RUS");
  assert.ok(withRoot(evs, "11").some((e) => e.source?.country === "JPN" && e.target?.country === "DEU"), show(evs));
});

test("'X urged Y to …': an appeal from X to Y; what Y is urged to do has not happened", () => {
  const evs = events("China urged the United States to lift sanctions on Iran.");
  const appeal = asserted(withRoot(evs, "02"))[0];
  assert.ok(appeal, show(evs));
  assert.equal(appeal.source?.country, "CHN");
  assert.equal(appeal.target?.country, "USA");
  assert.ok(!asserted(evs).some((e) => e.cameo.startsWith("08")), show(evs));
});

test("nominal event: 'the summit between A and B ended without any agreement in February 2019'", () => {
  const evs = events("The second summit between Kim Jong Un and Donald Trump ended without any agreement in February 2019.");
  const summit = asserted(withRoot(evs, "04"))[0];
  assert.ok(summit, show(evs));
  assert.deepEqual([summit.source?.country, summit.target?.country].sort(), ["PRK", "USA"]);
  assert.equal(summit.date, "2019-02");
  assert.equal(summit.datePrecision, "month");
  // the agreement did not happen
  assert.ok(!asserted(evs).some((e) => e.cameo.startsWith("05") || e.cameo.startsWith("03")), show(evs));
  assert.ok(evs.some((e) => e.modality === "negated"), show(evs));
});

test("reported speech: what the speaker reports is the event, not the saying", () => {
  const evs = asserted(events("Biegun said North Korea fired missiles at Japan on Sunday."));
  const strike = withRoot(evs, "19")[0];
  assert.ok(strike, show(evs));
  assert.equal(strike.source?.country, "PRK");
  assert.equal(strike.target?.country, "JPN");
  assert.equal(strike.date, "2020-06-28");
  assert.ok(!evs.some((e) => e.cameo.startsWith("01")), show(evs));
});

test("a statement whose words report nothing that happened is itself the event", () => {
  const evs = events("Biegun said on Monday that another summit between Trump and Kim is unlikely.");
  const statement = asserted(withRoot(evs, "01"))[0];
  assert.ok(statement, show(evs));
  assert.equal(statement.cameo, "012");
  assert.equal(statement.source?.country, "USA");
  assert.equal(statement.date, "2020-06-29");
  const summit = withRoot(evs, "04")[0];
  assert.ok(summit && summit.modality === "hypothetical", show(evs));
});

// ---------------------------------------------------------------- modality

test("negation: 'did not attend' is kept as negated", () => {
  const evs = events("Iran did not attend the talks with France.");
  assert.ok(evs.length > 0, "the meeting is kept");
  assert.ok(evs.every((e) => e.modality !== "asserted" || !e.cameo.startsWith("04")), show(evs));
  assert.ok(withRoot(evs, "04").some((e) => e.modality === "negated"), show(evs));
});

test("'refused to meet' is itself an asserted rejection", () => {
  const evs = events("Israel refused to meet the Palestinians on Tuesday.");
  const reject = asserted(withRoot(evs, "12"))[0];
  assert.ok(reject, show(evs));
  assert.equal(reject.source?.country, "ISR");
  assert.equal(reject.target?.country, "PSE");
  assert.ok(!asserted(evs).some((e) => e.cameo.startsWith("04")), show(evs));
});

test("hypothetical: could, if", () => {
  for (const text of ["Iraq could attack Syria.", "If Iraq attacks Syria, Turkey will respond."]) {
    const evs = events(text);
    const attack = withRoot(evs, "19")[0];
    assert.ok(attack, `${text}: ${show(evs)}`);
    assert.equal(attack.modality, "hypothetical", text);
  }
});

test("future: 'will visit' is a future visit and an asserted intention to meet", () => {
  const evs = events("Trump will visit Japan next month.");
  const visit = withRoot(evs, "042")[0];
  assert.ok(visit, show(evs));
  assert.equal(visit.modality, "future");
  const intent = asserted(withRoot(evs, "03"))[0];
  assert.ok(intent, show(evs));
  assert.equal(intent.source?.country, "USA");
  assert.equal(intent.target?.country, "JPN");
});

test("future: 'plans to impose sanctions' is a threat", () => {
  const evs = events("Germany plans to impose sanctions on Russia.");
  assert.ok(withRoot(evs, "16").some((e) => e.modality === "future"), show(evs));
  const threat = asserted(withRoot(evs, "13"))[0];
  assert.ok(threat, show(evs));
  assert.equal(threat.source?.country, "DEU");
  assert.equal(threat.target?.country, "RUS");
});

// ---------------------------------------------------------------- dates

test("historical mentions keep their history", () => {
  const text = [
    "Trump and Kim walk from their lunch in Singapore during their first summit, June 12, 2018. /AP",
    "",
    "Trump and Kim met again in Hanoi in February 2019.",
  ].join("\n");
  const evs = asserted(events(text));
  const dates = withRoot(evs, "04").map((e) => e.date);
  assert.ok(dates.includes("2018-06-12"), show(evs));
  assert.ok(dates.includes("2019-02"), show(evs));
});

test("fresh news takes the publication date only when the text gives nothing better", () => {
  assert.equal(asserted(events("Iraq has attacked Syria."))[0]?.date, "2020-07-01");
  assert.equal(asserted(events("Iraq attacked Syria last month."))[0]?.date, "2020-06");
  // a plan has no date of its own
  const plan = events("Germany plans to impose sanctions on Russia.").find((e) => e.modality === "future");
  assert.equal(plan?.date ?? null, null);
});

test("a reference point is not the event's date: 'before the election in November'", () => {
  const e = asserted(events("Trump has said he will meet Kim before the election in November."));
  assert.ok(!e.some((x) => x.date === "2020-11"), show(e));
});

// ---------------------------------------------------------------- places, one event once, no event

test("where: the place in the clause, with its coordinates", () => {
  const e = asserted(events("North Korea demolished the liaison office in the border city of Kaesong last month."))[0];
  assert.ok(e, "an event");
  assert.equal(e.cameo, "1712");
  assert.equal(e.date, "2020-06");
  assert.equal(e.location?.name, "Kaesong");
  assert.equal(e.location?.lat, 37.97);
});

test("one event once: a recap of an event told before is not a second event", () => {
  const text = [
    "North Korea demolished the liaison office in Kaesong last month.",
    "",
    "Since the destruction of the liaison office, South Korea and the United States have talked closely.",
  ].join("\n");
  const evs = asserted(events(text));
  assert.equal(withRoot(evs, "17").length, 1, show(evs));
});

test("a sentence with no event", () => {
  assert.deepEqual(events("The weather in Hanoi was mild and the markets were quiet."), []);
  assert.deepEqual(events(""), []);
});

test("every record follows the contract", () => {
  const text = "Iraq attacked Syria on Monday. Trump will visit Japan next month. Biegun said another summit is unlikely.";
  const evs = events(text);
  assert.ok(evs.length >= 3);
  for (const e of evs) {
    assert.match(e.cameo, /^\d{2,4}$/);
    assert.ok(e.quad >= 1 && e.quad <= 4);
    assert.equal(typeof e.goldstein, "number");
    assert.ok(["asserted", "negated", "hypothetical", "future"].includes(e.modality));
    assert.equal(text.slice(e.evidence.start, e.evidence.end), e.evidence.text);
    for (const a of [e.source, e.target]) if (a) assert.ok(a.start >= 0 && a.end <= text.length && a.start < a.end);
    if (e.date) assert.match(e.date, /^\d{4}(-\d{2}(-\d{2})?)?$/);
    assert.equal(e.datePrecision, e.date ? (e.date.length === 10 ? "day" : e.date.length === 7 ? "month" : "year") : null);
  }
  assert.equal(new Set(evs.map((e) => e.id)).size, evs.length);
});

// ---------------------------------------------------------------- frames and what they imply

test("a noun can frame like a verb: 'reiterated its threat to stop supplying gas'", () => {
  const evs = events("Russia has reiterated its threat to stop supplying Ukraine with gas.");
  const threat = asserted(withRoot(evs, "13"))[0];
  assert.ok(threat, show(evs));
  assert.equal(threat.source?.country, "RUS");
  // the supplying is not stopped yet
  assert.ok(!asserted(evs).some((e) => e.cameo.startsWith("16") || e.cameo.startsWith("07")), show(evs));
});

test("stopping cooperation reduces relations: 'stopped supplying gas to Ukraine'", () => {
  const e = asserted(events("Russia stopped supplying gas to Ukraine on Monday."));
  assert.ok(e.some((x) => x.cameo.startsWith("16") && x.source?.country === "RUS"), show(e));
});

test("an accusation is coded by what it alleges, which is not asserted", () => {
  const evs = events("Iraq accused Syria of shelling its border towns on Monday.");
  const accuse = asserted(withRoot(evs, "11"))[0];
  assert.ok(accuse, show(evs));
  assert.equal(accuse.cameo, "1123");
  assert.equal(accuse.source?.country, "IRQ");
  assert.equal(accuse.target?.country, "SYR");
  assert.ok(!asserted(evs).some((e) => e.cameo.startsWith("19")), show(evs));
});

test("reported speech: 'said it would allow' is an intention; 'said Y must' a demand", () => {
  const allow = events("Iraq said on Monday it would allow the return of inspectors.");
  assert.ok(asserted(withRoot(allow, "03")).some((e) => e.source?.country === "IRQ"), show(allow));
  const must = asserted(events("France said on Monday that Iraq must release the prisoners."));
  const demand = withRoot(must, "10")[0];
  assert.ok(demand, show(must));
  assert.equal(demand.source?.country, "FRA");
  assert.equal(demand.target?.country, "IRQ");
});

test("a reduced passive: 'a Russian jet, shot down by Turkey last Tuesday'", () => {
  const text = "Putin said the United States knew the flight path of a Russian jet, shot down by Turkey last Tuesday.";
  const e = asserted(events(text, "2015-11-26")).find((x) => x.cameo.startsWith("19"));
  assert.ok(e, show(events(text, "2015-11-26")));
  assert.equal(e.source?.country, "TUR");
  assert.equal(e.date, "2015-11-24");
});

// ---------------------------------------------------------------- one sentence, its main event

test("a sentence that reports a deed drops the bare statement that reports it", () => {
  const evs = asserted(events("Iraq attacked Syria on Monday, officials in Baghdad said."));
  assert.ok(withRoot(evs, "19").length === 1, show(evs));
  assert.ok(!evs.some((e) => e.cameo.startsWith("01")), show(evs));
});

test("a statement by no one we know is no event", () => {
  const evs = asserted(events("The reports said the talks would resume."));
  assert.ok(!evs.some((e) => e.cameo.startsWith("01")), show(evs));
});

test("a purpose infinitive is an aim, not a deed", () => {
  const evs = events("Turkey sent troops to the border on Monday to attack Syria.");
  assert.ok(!asserted(evs).some((e) => e.cameo.startsWith("19")), show(evs));
});

test("a protest's aim names whom it is against, and its demand is the protest's content", () => {
  const evs = asserted(events("Thousands of people blocked streets in Baghdad in defiance of Iran to demand reforms."));
  const protest = withRoot(evs, "14")[0];
  assert.ok(protest, show(evs));
  assert.equal(protest.source?.country, "IRQ");
  assert.equal(protest.target?.country, "IRN");
  assert.ok(!evs.some((e) => e.cameo.startsWith("10")), show(evs));
});

test("the setting of a deed is the same deed: 'killed … in a battle'", () => {
  const evs = asserted(events("Iraqi troops killed 20 rebels in a battle near Baghdad on Monday."));
  assert.equal(evs.filter((e) => e.plover === "ASSAULT").length, 1, show(evs));
});

// ---------------------------------------------------------------- actors: PLOVER's conventions

test("a people where it lives is coded by that country: 'the Albanians of southern Serbia'", () => {
  const evs = asserted(events("The Albanians of southern Serbia are demanding autonomy from Serbia."));
  const e = withRoot(evs, "10")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "SRB");
  const killed = asserted(events("Serbia killed three ethnic Albanians in Montenegro on Friday."));
  assert.ok(withRoot(killed, "18").some((x) => x.target?.country === "MNE"), show(killed));
});

test("an unknown office-holder acting in a sentence of one country acts at home", () => {
  const evs = asserted(events("President Aldo Bertoni banned Turkish opposition parties on Monday."));
  const e = withRoot(evs, "17")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "TUR");
  assert.equal(e.target?.country, "TUR");
});

test("a body named by its kind takes its family code: 'a human rights group'", () => {
  const evs = asserted(events("A human rights group condemned Iraq on Tuesday."));
  const e = withRoot(evs, "11")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "NGO");
  assert.equal(e.target?.country, "IRQ");
});

test("'anti-X' names an attitude, not the actor X", () => {
  const evs = asserted(events("An anti-Syria journalist was killed in Baghdad on Monday."));
  assert.ok(!evs.some((e) => e.target?.country === "SYR" || e.source?.country === "SYR"), show(evs));
});

// ---------------------------------------------------------------- codes and targets

test("'renewed negotiations': the negotiations are the event", () => {
  const evs = asserted(events("Israel and Syria renewed negotiations today on a troop pullback and their future relations."));
  const e = withRoot(evs, "04")[0];
  assert.ok(e, show(evs));
  assert.deepEqual([e.source?.country, e.target?.country].sort(), ["ISR", "SYR"]);
  assert.ok(!evs.some((x) => x.cameo.startsWith("05")), show(evs));
});

test("a sanction or force on a condition is a threat", () => {
  const evs = asserted(events("Turkey may impose sanctions on Iraq if the attacks continue, officials said."));
  const e = withRoot(evs, "13")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "TUR");
  assert.equal(e.target?.country, "IRQ");
});

test("disapproval is of the culprit: 'complained to X over Y's …', 'crimes by Z'", () => {
  const complaint = asserted(events("Japan complained to the United States over China's military exercises."));
  assert.ok(withRoot(complaint, "11").some((e) => e.source?.country === "JPN" && e.target?.country === "CHN"), show(complaint));
  const probe = asserted(events("Serbia is investigating alleged war crimes by Croatian extremists against Albanians."));
  assert.ok(withRoot(probe, "09").some((e) => e.target?.country === "HRV"), show(probe));
});

test("'denied reports that …': what is denied did not happen", () => {
  const evs = events("Iran denied reports that it had sent troops to Syria.");
  assert.ok(asserted(evs).some((e) => e.cameo === "016" && e.source?.country === "IRN"), show(evs));
  assert.ok(!asserted(evs).some((e) => e.cameo.startsWith("15")), show(evs));
});

test("the place one withdraws from is the target; a visit is to the place's country", () => {
  const withdrawal = asserted(events("The United States withdrew its troops from Panama on Wednesday."));
  assert.ok(withRoot(withdrawal, "08").some((e) => e.source?.country === "USA" && e.target?.country === "PAN"), show(withdrawal));
  const visit = asserted(events("Moon Jae-in arrived in Hanoi on Sunday for a four-day official visit."));
  assert.ok(withRoot(visit, "04").some((e) => e.source?.country === "KOR" && e.target?.country === "VNM"), show(visit));
});

test("'call X a Y' is no phone call", () => {
  const evs = asserted(events("Iraq called the Turkish troops an occupying army."));
  assert.ok(!evs.some((e) => e.cameo.startsWith("04")), show(evs));
});

test("appeals are PLOVER REQUEST", () => {
  const evs = asserted(events("China urged the United States to lift sanctions on Iran."));
  assert.ok(evs.some((e) => e.cameo.startsWith("02") && e.plover === "REQUEST"), show(evs));
});

test("a nationality before an institution's common name says whose it is", () => {
  const evs = asserted(events("The Latvian Constitutional Court rejected the appeal of Russia on Monday."));
  const e = withRoot(evs, "12")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "LVA");
  assert.equal(e.source?.code, "LVAJUD");
});

test("a name the actors stage could not place takes the country of its nationality word", () => {
  const evs = asserted(events("Druze inhabitants of the Syrian Golan Heights protested against Israel on Friday."));
  const e = withRoot(evs, "14")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "SYR");
  assert.equal(e.target?.country, "ISR");
});

test("'X charged that …' is an accusation of what it alleges, which is not asserted", () => {
  const evs = events("Turkey charged that Syria had attacked its border posts.");
  assert.ok(asserted(evs).some((e) => e.cameo.startsWith("112") && e.source?.country === "TUR" && e.target?.country === "SYR"), show(evs));
  assert.ok(!asserted(evs).some((e) => e.cameo.startsWith("19")), show(evs));
});

test("co-agents of a demand are not each other's targets", () => {
  const evs = asserted(events("Britain and France demanded the release of the prisoners on Monday."));
  assert.ok(!evs.some((e) => e.source?.country === "GBR" && e.target?.country === "FRA"), show(evs));
  const met = asserted(events("Britain and France met in Baghdad on Monday."));
  assert.ok(withRoot(met, "04").some((e) => [e.source?.country, e.target?.country].sort().join() === "FRA,GBR"), show(met));
});

test("inviting another to a summit or talks is an appeal to meet (026)", () => {
  const evs = events("Germany invited Israel to a summit in Cairo on Monday.").filter((e) => e.modality === "asserted");
  assert.ok(evs.some((e) => e.cameo === "026" && e.source?.country === "DEU" && e.target?.country === "ISR"), JSON.stringify(evs.map((e) => [e.cameo, e.source?.country, e.target?.country])));
});
