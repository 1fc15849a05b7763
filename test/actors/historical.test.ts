// The package's book on stories from earlier decades: office-holders' roles over time,
// lone surnames of people out of office, and generic bodies ("Parliament", "the
// Cabinet") that belong to the country the story is about. Sentences are made up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createAnalyzer } from "../../src/analyze.js";
import { resolveActor } from "../../src/actors/index.js";
import { fsDataSource } from "../../src/node/data.js";
import { Resources } from "../../src/pipeline/resources.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const haveBook = ["people", "countries", "institutions", "igos", "places", "sectors"].every((f) => existsSync(`${root}data/actors/${f}.tsv`));
const skip = !haveBook && "no actor book in data/actors";
const analyzer = haveBook ? createAnalyzer(fsDataSource([])) : null;
const entities = (text: string, date: string) => analyzer!.analyzeDoc(text, { date, until: "entities" }).get("entities");
const codeOf = (text: string, date: string, mention: string) => entities(text, date).find((e) => e.text === mention)?.actor?.code ?? "none";

test("historical office-holders: roles over time", { skip }, () => {
  const r = new Resources(fsDataSource([]));
  const code = (name: string, date: string) => resolveActor(r, name, date).actor?.code ?? null;
  // Soviet foreign minister, then Georgia's head of state
  assert.equal(code("Eduard Shevardnadze", "1988-05-01"), "USRGOV");
  assert.equal(code("Eduard Shevardnadze", "1995-05-01"), "GEOGOV");
  // intelligence chief, foreign minister, prime minister, then an elite
  assert.equal(code("Yevgeny Primakov", "1993-01-01"), "RUSSPY");
  assert.equal(code("Yevgeny Primakov", "1997-01-01"), "RUSGOV");
  assert.equal(code("Yevgeny Primakov", "2005-01-01"), "RUSELI");
  // a rebel leader who became president
  assert.equal(code("Charles Taylor", "1991-06-01"), "LBRREB");
  assert.equal(code("Charles Taylor", "1999-06-01"), "LBRGOV");
  // UN Secretary-General, then Peru's prime minister
  assert.equal(code("Javier Perez de Cuellar", "1989-01-01"), "IGOUNO");
  assert.equal(code("Javier Pérez de Cuéllar", "2001-01-01"), "PERGOV");
  // a common misspelling is an alias
  assert.equal(code("Francois Mitterand", "1990-01-01"), "FRAGOV");
});

test("a lone surname of someone out of office: by title, or by the country the story names", { skip }, () => {
  // dated today, Reagan holds no office: the title before the surname picks him
  assert.equal(codeOf("The government welcomed President Reagan's statement on the talks.", "2026-01-01", "Reagan")?.slice(0, 3), "USA");
  // no title, but the story names his country
  assert.equal(codeOf("British voters heard Thatcher promise that the economy would recover.", "2026-01-01", "Thatcher")?.slice(0, 3), "GBR");
  // a surname alone, no title and no country: left unresolved
  assert.equal(codeOf("The winger Thatcher scored twice in the second half.", "2026-01-01", "Thatcher"), "none");
});

test("a generic body takes the country of the story, a possessive or a demonym", { skip }, () => {
  const kgz = entities("Ousted President Askar Akayev agreed to resign without returning to Kyrgyzstan, the Parliament speaker said.", "2005-04-02");
  assert.equal(kgz.find((e) => e.text === "Parliament")?.actor?.code, "KGZLEG");
  assert.equal(kgz.find((e) => e.text === "the Parliament speaker")?.actor?.code, "KGZLEG");
  assert.equal(codeOf("The party wants the Lithuanian Parliament to amend the constitution.", "2004-01-01", "Lithuanian Parliament"), "LTULEG");
  assert.equal(codeOf("Israel's Cabinet met Sunday and approved the plan.", "2004-01-01", "Cabinet"), "ISRGOV");
  // with no other country in the story, the book's own row stands
  assert.equal(codeOf("Parliament voted on Tuesday to approve the budget.", "2004-01-01", "Parliament"), "GBRLEG");
  assert.equal(codeOf("The British Parliament voted on Tuesday.", "2004-01-01", "British Parliament"), "GBRLEG");
});

test("a body or group outside its dated rows: its last code after them, its country before them", { skip }, () => {
  const r = new Resources(fsDataSource([]));
  const code = (name: string, date: string) => resolveActor(r, name, date).actor?.code ?? null;
  // the Soviet KGB, named in a story dated after 1991 (or with no date at all)
  assert.equal(code("KGB", "1985-01-01"), "USRSPY");
  assert.equal(code("Moro Islamic Liberation Front", "2026-01-01")?.slice(0, 3), "PHL");
  // the ANC before it governed: South African, not nothing
  assert.equal(code("African National Congress", "1988-01-01"), "ZAF");
  // a seat is only a building outside its dated meaning
  assert.equal(code("Blue House", "2023-07-01"), null);
});

test("armed groups and peoples of earlier decades; a people's name that is a given name before a surname is a person", { skip }, () => {
  assert.equal(codeOf("UNITA rebels attacked the town, the Angolan army said.", "1993-01-01", "UNITA")?.slice(0, 3), "AGO");
  assert.equal(codeOf("The Revolutionary United Front freed the hostages.", "2000-05-01", "Revolutionary United Front"), "SLEREBRUF");
  assert.equal(codeOf("Jewish settlers set fire to the offices.", "1994-01-01", "Jewish settlers"), "ISRSET");
  assert.equal(codeOf("Troops captured a Karen guerrilla stronghold.", "1995-01-01", "Karen"), "MMR");
  const es = entities("Karen Bass said on Monday that the bill would pass.", "2023-01-01");
  assert.equal(es.find((e) => e.text === "Karen Bass")?.type, "PERSON");
});

test("a titled person the book lacks: the country after 'of', else the story's leading country", { skip }, () => {
  assert.equal(codeOf("Defense Minister Jose Ramirez of Colombia accused the rebels.", "1995-01-01", "Jose Ramirez")?.slice(0, 3), "COL");
  assert.equal(codeOf("President Dos Sontas conceded to demands from UNITA, Angolan radio said.", "1995-01-01", "Dos Sontas"), "AGOGOV");
  // one other country named once is as likely the counterpart: no guess
  assert.equal(codeOf("Prime Minister Xavo Quell met the French envoy.", "1995-01-01", "Xavo Quell"), "none");
});

test("organisations of earlier decades, and book names with 'in' inside", { skip }, () => {
  assert.equal(codeOf("The Conference on Security and Cooperation in Europe sent monitors.", "1992-01-01", "Conference on Security and Cooperation in Europe"), "IGOEURSCE");
  assert.equal(codeOf("The Islamic Conference Organization called for a ceasefire.", "1992-01-01", "Islamic Conference Organization"), "IGOMOSOIC");
  assert.equal(codeOf("UNPROFOR said the convoy was stopped.", "1994-01-01", "UNPROFOR"), "IGOUNOPKO");
  assert.equal(codeOf("Comecon members met in Moscow.", "1988-01-01", "Comecon"), "IGOEEUCMC");
  // "in" between two names the book does not hold together keeps them apart
  const es = entities("Peace talks in Geneva stalled as Bosnia in effect rejected the plan.", "1994-01-01");
  assert.ok(es.some((e) => e.text === "Geneva") && es.some((e) => e.text === "Bosnia"));
});

test("a surname with an Arabic article is also written without it", { skip }, () => {
  const es = entities("Syrian President Hafez al-Assad met Iranian officials. Assad said the talks went well.", "1995-01-01");
  assert.equal(es.find((e) => e.text === "Assad")?.actor?.code, "SYRGOV");
  assert.equal(codeOf("Iraqi officials said Saddam told his generals to prepare.", "1995-01-01", "Saddam"), "IRQGOV");
});

test("a distinctive surname alone names the one person (or family) the book has", { skip }, () => {
  assert.equal(codeOf("Reporters heard Gorbachev say on Monday that reforms would continue.", "2026-01-01", "Gorbachev")?.slice(0, 3), "USR");
  assert.equal(codeOf("Crowds cheered as Mandela urged calm after the killings.", "2026-01-01", "Mandela")?.slice(0, 3), "ZAF");
  // in office at the date, the office's code
  assert.equal(codeOf("Reporters heard Gorbachev say on Monday that reforms would continue.", "1988-06-01", "Gorbachev"), "USRGOV");
});
