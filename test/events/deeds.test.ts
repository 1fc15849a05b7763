// Deeds told in the passive, by their means or by their setting: who did them, and that they happened.
import { test } from "node:test";
import assert from "node:assert/strict";
import { asserted, brief, events, withRoot } from "./helpers.js";

const show = (evs: ReturnType<typeof events>) => evs.map(brief).join("; ");

test("a participle after a preposition modifies its noun: 'killed by suspected gunmen' keeps its by-phrase", () => {
  const evs = asserted(events("An Iranian diplomat was killed by suspected gunmen in Baghdad on Monday."));
  const e = withRoot(evs, "18")[0];
  assert.ok(e, show(evs));
  assert.equal(e.target?.country, "IRN");
  assert.equal(e.source?.country, "IRQ");
});

test("a passive deed takes its doer from the attack it happened in", () => {
  const evs = asserted(events("An Iraqi soldier was killed in a Turkish attack on Monday."));
  const e = withRoot(evs, "18")[0] ?? withRoot(evs, "19")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "TUR");
  assert.equal(e.target?.country, "IRQ");
});

test("the agent of a passive is no deadline: 'wounded by Israeli gunfire' is one assault, no threat", () => {
  const evs = events("Five Palestinians were wounded by Israeli gunfire on Monday.");
  const a = asserted(evs);
  assert.ok(a.some((e) => e.plover === "ASSAULT" && e.source?.country === "ISR" && e.target?.country === "PSE"), show(evs));
  assert.ok(!a.some((e) => e.plover === "THREATEN"), show(evs));
  assert.ok(!evs.some((e) => e.modality === "future"), show(evs));
});

test("'when' opens a clause though wink tags it an adverb; a bomb that exploded is an attack where it did", () => {
  const evs = asserted(events("Twelve people died when a bomb exploded aboard a bus in Jerusalem on Monday."));
  const e = withRoot(evs, "18")[0];
  assert.ok(e, show(evs));
  assert.equal(e.cameo, "183");
  assert.equal(e.source?.country, "ISR");
});

test("an attempt to kill, once told, is an attempt on a life (185) where it was made, not by who foiled it", () => {
  const evs = asserted(events("An attempt to kill the Iranian ambassador was foiled in Baghdad on Monday."));
  const e = evs.find((x) => x.cameo === "185");
  assert.ok(e, show(evs));
  assert.equal(e.target?.country, "IRN");
  assert.equal(e.source?.country, "IRQ");
  const foiled = asserted(events("Turkish police foiled an attempt to kill the Iranian ambassador in Baghdad on Monday."));
  const f = foiled.find((x) => x.cameo === "185");
  assert.ok(f, show(foiled));
  assert.equal(f.source?.country, "IRQ");
});

test("a participle between a number and a name modifies the noun: 'freed two kidnapped Turkish engineers' is a release", () => {
  const evs = asserted(events("Iraq freed two kidnapped Turkish engineers on Monday."));
  assert.ok(evs.some((e) => e.cameo.startsWith("084") && e.source?.country === "IRQ" && e.target?.country === "TUR"), show(evs));
  assert.ok(!evs.some((e) => e.plover === "ASSAULT"), show(evs));
});

test("a bare participle after another verb's object is a passive description of it: 'freed soldiers held hostage'", () => {
  const evs = asserted(events("Iraq freed 20 Turkish soldiers held hostage since May."));
  assert.ok(evs.some((e) => e.cameo.startsWith("084") && e.source?.country === "IRQ"), show(evs));
  // (no hostage-taking by the soldiers)
  assert.ok(!evs.some((e) => e.plover === "ASSAULT" && e.source?.country === "TUR"), show(evs));
});

test("a possessive pronoun in what a speaker reports of another is the speaker's", () => {
  const evs = asserted(events("Vietnam said Chinese troops had shelled its northern border provinces on Monday."));
  const e = withRoot(evs, "19")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "CHN");
  assert.equal(e.target?.country, "VNM");
});

test("a gerund after an article or an adjective is a noun: 'the fighting', 'fierce fighting broke out'", () => {
  const evs = events("The United Nations called for an end to the fighting in Somalia.");
  assert.ok(!evs.some((e) => e.plover === "ASSAULT" && e.evidence.text.startsWith("the fighting") && e.source?.country === "SOM" && e.target?.country === "SOM" && e.evidence.text.length < 12), evs.map(brief).join("; "));
  const fierce = asserted(events("Fierce fighting broke out between Iraqi forces and Turkish troops on Monday."));
  assert.ok(fierce.some((e) => e.cameo.startsWith("19") && [e.source?.country, e.target?.country].sort().join() === "IRQ,TUR"), show(fierce));
});

test("an attack named as the object is on whom the 'on' phrase names: people of no country there are at home", () => {
  const evs = asserted(events("Iraqi forces launched chemical attacks on Kurdish villages on Monday."));
  const e = withRoot(evs, "19")[0] ?? withRoot(evs, "20")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "IRQ");
  assert.equal(e.target?.country, "IRQ");
});

test("force by gunmen no one names a country for happened where the sentence says, outside its own clause too", () => {
  const evs = asserted(events("Unidentified gunmen opened fire on a bus carrying Israeli tourists near Cairo, killing nine."));
  assert.ok(evs.some((e) => e.plover === "ASSAULT" && e.source?.country === "EGY"), show(evs));
  // (not a description's place: "observers who were taken hostage")
  const rel = asserted(events("Iraq lifted a curfew in Baghdad where 28 people have been killed in riots this year."));
  assert.ok(!rel.some((e) => e.plover === "ASSAULT"), show(rel));
});

test("'shot and killed': a past form wink took for a noun, coordinated with a verb, is a verb; force during force is one deed", () => {
  const evs = asserted(events("Israeli soldiers shot and killed a Palestinian youth during a clash in the West Bank on Monday."));
  const force = evs.filter((e) => e.plover === "ASSAULT");
  assert.equal(force.length, 1, show(evs));
  assert.equal(force[0]!.source?.country, "ISR");
  assert.equal(force[0]!.target?.country, "PSE");
});

test("a compound of an irregular participle modifies its noun: 'bombed rebel-held towns in southern Sudan'", () => {
  const evs = asserted(events("Sudanese government planes bombed rebel-held towns in southern Sudan on Monday."));
  const e = withRoot(evs, "19")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "SDN");
  assert.equal(e.target?.country, "SDN");
});

test("grenades hurled and buildings dynamited are bombings (183); a participle after a subjectless verb is no description", () => {
  const evs = asserted(events("Unknown assailants hurled a grenade at a police station in Manila on Monday."));
  assert.ok(evs.some((e) => e.cameo === "183" && e.source?.country === "PHL"), show(evs));
  const dyn = asserted(events("Shining Path guerrillas dynamited a power station near Lima on Monday."));
  assert.ok(dyn.some((e) => e.cameo === "183" && e.source?.country === "PER"), show(dyn));
});

test("who leads it is whose it is: 'assistance to the U.S.-led war against Iraq' is refused to the U.S.", () => {
  const evs = asserted(events("Turkey has refused to commit any assistance to the U.S.-led war against Iraq."));
  const e = withRoot(evs, "12")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "TUR");
  assert.equal(e.target?.country, "USA");
});

test("a person's name is never a verb wink missed: 'Secretary of State James Baker' does not jam anything", () => {
  const evs = asserted(events("Secretary of State James Baker criticized Israel on Monday."));
  assert.ok(!evs.some((e) => e.cameo.startsWith("17")), show(evs));
  assert.ok(evs.some((e) => e.cameo.startsWith("111") && e.source?.country === "USA" && e.target?.country === "ISR"), show(evs));
});

test("a state's refusal with no one else named is at home, whether it frames a deed or names a demand's phrase", () => {
  const framed = asserted(events("The Sudanese government refused to hand over power to the opposition on Monday."));
  const f = withRoot(framed, "12")[0];
  assert.ok(f, show(framed));
  assert.equal(f.source?.country, "SDN");
  assert.equal(f.target?.country, "SDN");
  const demands = asserted(events("Kenya rejected demands for the release of opposition leaders on Monday."));
  const d = withRoot(demands, "12")[0];
  assert.ok(d, show(demands));
  assert.equal(d.target?.country, "KEN");
});

test("a resignation is a material retreat in PLOVER (RETREAT, mode resign), not a verbal concession", () => {
  const evs = asserted(events("Iraq's prime minister resigned on Monday."));
  const e = evs.find((x) => x.cameo === "0831");
  assert.ok(e, show(evs));
  assert.equal(e.plover, "RETREAT");
  assert.equal(e.mode, "resign");
});

test("a state that protests complains (114), of the country where the deed it protests was done", () => {
  const evs = asserted(events("Britain protested the detention of two British journalists in Iraq on Monday."));
  const e = withRoot(evs, "11")[0];
  assert.ok(e, show(evs));
  assert.equal(e.cameo, "114");
  assert.equal(e.target?.country, "IRQ");
  assert.ok(!evs.some((x) => x.plover === "PROTEST"), show(evs));
});

test("disapproval in words of feeling and judgement: 'was disturbed by', 'termed the crackdown unacceptable'", () => {
  const dist = asserted(events("Britain was deeply disturbed by the arrest of dissidents in China on Monday."));
  assert.ok(dist.some((e) => e.cameo === "110" && e.source?.country === "GBR" && e.target?.country === "CHN"), show(dist));
  const term = asserted(events("The United States termed the Chinese crackdown unacceptable on Monday."));
  assert.ok(term.some((e) => e.cameo === "111" && e.source?.country === "USA" && e.target?.country === "CHN"), show(term));
});

test("keeping inspectors or monitors out is a refusal of international involvement (1245), not censorship", () => {
  const evs = asserted(events("Iraq blocked UN inspectors from entering the site on Monday."));
  const e = evs.find((x) => x.cameo === "1245");
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "IRQ");
  assert.ok(!evs.some((x) => x.cameo.startsWith("17")), show(evs));
});

test("appeals made with a noun: 'renewed its call for', 'pressed for an end to', 'is seeking an easing of'", () => {
  const call = asserted(events("Iraq renewed its call for the lifting of sanctions on Monday."));
  assert.ok(call.some((e) => e.plover === "REQUEST" && e.source?.country === "IRQ"), show(call));
  assert.ok(!call.some((e) => e.plover === "CONSULT"), show(call));
  const press = asserted(events("Iran pressed for an end to the embargo on Monday."));
  assert.ok(press.some((e) => e.plover === "REQUEST" && e.source?.country === "IRN"), show(press));
  const seek = asserted(events("Iran is seeking an easing of sanctions."));
  assert.ok(seek.some((e) => e.plover === "REQUEST" && e.source?.country === "IRN"), show(seek));
});

test("lifting a closure eases a blockade (0872)", () => {
  const evs = asserted(events("Israel lifted a closure on the West Bank on Monday."));
  assert.ok(evs.some((e) => e.cameo === "0872" && e.source?.country === "ISR" && e.target?.country === "PSE"), show(evs));
});

test("what one comes under is done to it, by whom 'from' names or the nationality before the deed", () => {
  const fire = asserted(events("An Iraqi patrol came under fire from Turkish troops on Monday."));
  assert.ok(fire.some((e) => e.cameo.startsWith("19") && e.source?.country === "TUR" && e.target?.country === "IRQ"), show(fire));
  const artillery = asserted(events("Iraqi positions came under heavy Iranian artillery fire on Monday."));
  assert.ok(artillery.some((e) => e.cameo.startsWith("19") && e.source?.country === "IRN" && e.target?.country === "IRQ"), show(artillery));
  const pressure = asserted(events("Israel has come under pressure from the United States to freeze settlement building."));
  assert.ok(pressure.some((e) => e.plover === "REQUEST" && e.source?.country === "USA" && e.target?.country === "ISR"), show(pressure));
  assert.ok(!pressure.some((e) => e.plover === "CONSULT"), show(pressure));
});

test("a compass point and 'of' place what comes before: 'in a village south of Algiers'", () => {
  const evs = asserted(events("Armed militants killed 15 people in a village south of Algiers on Monday."));
  assert.ok(evs.some((e) => e.plover === "ASSAULT" && e.source?.country === "DZA"), show(evs));
});

test("'a proposal from Jordan', 'an invitation from Saudi Arabia': who put what one answers is the target, no place", () => {
  const evs = asserted(events("Iraq rejected a proposal from Iran for a joint summit on Monday."));
  assert.ok(evs.some((e) => e.plover === "REJECT" && e.source?.country === "IRQ" && e.target?.country === "IRN"), show(evs));
  const inv = asserted(events("Iraq turned down an invitation from Syria to attend talks."));
  assert.ok(inv.some((e) => e.plover === "REJECT" && e.source?.country === "IRQ" && e.target?.country === "SYR"), show(inv));
});

test("sanctions and embargoes are PLOVER SANCTION (discontinue), as the PLOVER manual codes them", () => {
  const evs = asserted(events("France imposed an arms embargo on Iraq on Monday."));
  const e = evs.find((x) => x.cameo.startsWith("163"));
  assert.ok(e, show(evs));
  assert.equal(e.plover, "SANCTION");
});

test("halting trade is an embargo (163), not a ban on a union; house arrest is an arrest", () => {
  const evs = asserted(events("The United States suspended grain sales to Iran on Monday."));
  assert.ok(evs.some((e) => e.cameo === "163" && e.plover === "SANCTION" && e.target?.country === "IRN"), show(evs));
  const house = asserted(events("Chinese authorities placed a leading dissident under house arrest on Monday."));
  assert.ok(house.some((e) => e.cameo === "173" && e.source?.country === "CHN"), show(house));
});

test("police questioning a person investigate (090); questioning a decision is disapproval", () => {
  const evs = asserted(events("Iraqi police questioned an opposition leader over the riots on Monday."));
  assert.ok(evs.some((e) => e.cameo === "090" && e.source?.country === "IRQ"), show(evs));
});

test("'Iranian border towns' are Iran's: a border before a place noun only says which", () => {
  const evs = asserted(events("Iraqi warplanes pounded Iranian border towns on Monday."));
  const e = withRoot(evs, "19")[0];
  assert.ok(e, show(evs));
  assert.equal(e.target?.country, "IRN");
});

test("force against a convoy or a post of no named country is at home, where the sentence says", () => {
  const evs = asserted(events("Guerrillas attacked a convoy carrying food aid in southern Sudan on Monday."));
  assert.ok(evs.some((e) => e.plover === "ASSAULT" && e.source?.country === "SDN" && e.target?.country === "SDN"), show(evs));
});

test("a state's warning with no one else named is addressed at home; 'warned it would' addresses no one", () => {
  const evs = asserted(events("The Iraqi army warned that it would not tolerate any further unrest."));
  assert.ok(evs.some((e) => e.plover === "THREATEN" && e.source?.country === "IRQ" && e.target?.country === "IRQ"), show(evs));
  const it = asserted(events("The Iraqi government warned it would crush any attempt to destabilize the country."));
  assert.ok(it.some((e) => e.plover === "THREATEN" && e.source?.country === "IRQ" && e.target?.country === "IRQ"), show(it));
});

test("the cause of a death is a deed done to the one who died, by whoever held them", () => {
  const evs = asserted(events("A Palestinian prisoner died as a result of torture while in Israeli police custody."));
  const e = evs.find((x) => x.plover === "ASSAULT");
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "ISR");
  assert.equal(e.target?.country, "PSE");
});

test("'there were clashes between X and Y': an event said to exist happened; 'there is no agreement' did not", () => {
  const evs = asserted(events("There was heavy fighting between Iraqi and Turkish troops on Monday."));
  assert.ok(evs.some((e) => e.cameo.startsWith("19") && [e.source?.country, e.target?.country].sort().join() === "IRQ,TUR"), show(evs));
  const none = asserted(events("There is no agreement between Iran and Iraq."));
  assert.equal(none.length, 0, show(none));
});

test("only an explosive explodes in an attack: 'the dinghy exploded' is no bombing", () => {
  const evs = asserted(events("The rubber dinghy exploded off the coast of Iraq on Monday."));
  assert.ok(!evs.some((e) => e.plover === "ASSAULT"), show(evs));
});

test("'backed by U.S.-led airstrikes': the means of a participle is no deadline, and no threat", () => {
  const evs = asserted(events("Backed by U.S.-led coalition airstrikes, Iraqi forces fought for weeks to oust the militants."));
  assert.ok(!evs.some((e) => e.plover === "THREATEN"), show(evs));
});

test("agreeing to elections or a proposal is an agreement (030), not a statement of accord", () => {
  const evs = asserted(events("Iraq agreed to UN-supervised elections on Monday."));
  assert.ok(evs.some((e) => e.cameo === "030" && e.plover === "AGREE" && e.source?.country === "IRQ"), show(evs));
});

test("what one receives from another is the other's deed: a request, a protest, an ultimatum", () => {
  const req = asserted(events("Iraq received a request from Iran for talks on Monday."));
  assert.ok(req.some((e) => e.plover === "REQUEST" && e.source?.country === "IRN" && e.target?.country === "IRQ"), show(req));
  assert.ok(!req.some((e) => e.plover === "CONSULT" && e.source?.country === "IRQ"), show(req));
  const protest = asserted(events("Japan received a formal protest from China on Monday."));
  assert.ok(protest.some((e) => e.cameo === "114" && e.source?.country === "CHN" && e.target?.country === "JPN"), show(protest));
});

test("a participle after a preposition modifies a name too: 'by suspected Islamic militants' is the passive's agent", () => {
  const evs = asserted(events("Two policemen were killed by suspected Islamic militants in Algiers on Monday."));
  const e = withRoot(evs, "18")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "DZA");
});

test("a gerund after a preposition of setting is the event's noun: 'killed in fighting between rebels and X'", () => {
  const evs = asserted(events("At least 15 people were killed in fighting between rebels and Iraqi forces on Monday."));
  const e = evs.find((x) => x.plover === "ASSAULT");
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "IRQ");
  assert.equal(e.target?.country, "IRQ");
});

test("insurgents no one names a country for, a side of a fight told by its noun, fight at home", () => {
  const evs = asserted(events("Clashes between rebels and Iraqi forces killed 15 people on Monday."));
  const e = evs.find((x) => x.plover === "ASSAULT");
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "IRQ");
});

test("reducing troops somewhere and a pullback are de-escalation (087)", () => {
  const a = asserted(events("Russia reduced its troop presence in Syria on Monday."));
  assert.ok(a.some((e) => e.cameo === "087" && e.source?.country === "RUS" && e.target?.country === "SYR"), show(a));
  const b = asserted(events("Syria began a pullback of its forces from Iraq on Monday."));
  assert.ok(b.some((e) => e.cameo === "087" && e.source?.country === "SYR"), show(b));
});

test("'troops shot dead a boy': a past form wink took for a noun, before a resultative 'dead', is the verb", () => {
  const evs = asserted(events("According to Palestinian officials, Israeli troops shot dead a Palestinian boy on Monday."));
  const e = withRoot(evs, "18")[0];
  assert.ok(e, show(evs));
  assert.equal(`${e.source?.country}>${e.target?.country}`, "ISR>PSE");
});

test("co-agents of force share their target: 'U.S. and British warplanes bombed targets in southern Iraq'", () => {
  const evs = asserted(events("U.S. and Turkish warplanes bombed targets in southern Iraq on Monday."));
  const a = evs.filter((e) => e.plover === "ASSAULT");
  assert.ok(a.length >= 2, show(evs));
  for (const e of a) assert.equal(e.target?.country, "IRQ", show(evs));
});

test("trading fire is fighting and trading accusations is accusing, not trade", () => {
  const a = asserted(events("Israel and Syria traded fire on Monday."));
  assert.ok(a.some((e) => e.plover === "ASSAULT"), show(a));
  assert.ok(!a.some((e) => e.plover === "COOPERATE"), show(a));
  const b = asserted(events("China and Japan traded accusations on Monday."));
  assert.ok(b.some((e) => e.plover === "ACCUSE"), show(b));
  assert.ok(!b.some((e) => e.plover === "COOPERATE"), show(b));
});

test("a gerund opening the sentence before its verb is the subject: 'Fighting erupted in Baghdad'", () => {
  const evs = asserted(events("Fighting erupted in Baghdad on Monday."));
  assert.ok(evs.some((e) => e.plover === "ASSAULT" && e.source?.country === "IRQ"), show(evs));
});

test("pressing an offensive is an attack; 'their' offensive is not against the attackers themselves", () => {
  const evs = asserted(events("Iraqi forces pressed their offensive in Syria on Monday."));
  const e = evs.find((x) => x.plover === "ASSAULT");
  assert.ok(e, show(evs));
  assert.notEqual(e.target?.country, "IRQ", show(evs));
});

test("the attack a passive deed happened in names its doer before the place does: '… in a Turkish attack on Baghdad'", () => {
  const evs = asserted(events("An Iraqi soldier was killed in a Turkish attack on Baghdad on Monday."));
  const e = withRoot(evs, "18")[0] ?? withRoot(evs, "19")[0];
  assert.ok(e, show(evs));
  assert.equal(e.source?.country, "TUR");
  assert.equal(e.target?.country, "IRQ");
});

test("refusing to let foreign troops in is refusing international involvement (1245)", () => {
  const evs = asserted(events("Serbia refused to allow NATO troops into Montenegro on Monday."));
  assert.ok(evs.some((e) => e.plover === "REJECT" && e.source?.country === "SRB"), show(evs));
});

test("a hyphenated verb after its subject noun is the verb, not a compound participle: 'police tear-gassed protesters'", () => {
  const evs = asserted(events("Kenyan police tear-gassed opposition protesters in Nairobi on Monday."));
  assert.ok(evs.some((e) => e.cameo === "175" && e.source?.country === "KEN"), show(evs));
});

test("'when police opened fire': a group noun wink tags a verb, before the clause's verb, is its subject", () => {
  const evs = asserted(events("Two people were killed when police opened fire on protesters in Nairobi on Monday."));
  assert.ok(evs.some((e) => e.plover === "ASSAULT" && e.source?.country === "KEN"), show(evs));
});

test("troops that pull back from a place retreat from it (087)", () => {
  const evs = asserted(events("Turkish troops pulled back from northern Iraq on Monday."));
  assert.ok(evs.some((e) => e.cameo === "087" && e.source?.country === "TUR" && e.target?.country === "IRQ"), show(evs));
});

test("'over' a country says where force was used: a jet shot down over Syria, by unknown hands, was downed there", () => {
  const evs = asserted(events("A Turkish jet was shot down over Syria on Monday."));
  const e = withRoot(evs, "19")[0];
  assert.ok(e, show(evs));
  assert.equal(`${e.source?.country}>${e.target?.country}`, "SYR>TUR");
});
