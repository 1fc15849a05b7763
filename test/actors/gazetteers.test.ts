// The derived gazetteers are searched in place (binary search over the file's text),
// so the package's files must stay sorted; a user's files may be in any order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CityTable, SortedTable, SortedLines, SortedWords } from "../../src/actors/book.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const names = `${root}data/actors/names/`;

test("SortedLines finds the first line of a key, and nothing between keys", () => {
  const s = SortedLines.of("# comment\nkey\tx\nab\t1\nabc\t2\nabc\t3\nb\t4\nba\t5\n", "key\t");
  assert.equal(s.line(s.find("abc")), "abc\t2");
  assert.equal(s.line(s.next(s.find("abc"))), "abc\t3");
  assert.equal(s.line(s.find("ab")), "ab\t1");
  assert.equal(s.line(s.find("ba")), "ba\t5");
  for (const k of ["a", "abd", "bb", "", "c", "key", "# comment"]) assert.equal(s.find(k), -1, k);
});

test("gazetteer tables from sorted package text and unsorted user text", () => {
  const words = new SortedWords(["# c\napple\nbanana\ncherry", "zebra\naardvark\n"]);
  for (const w of ["apple", "banana", "cherry", "zebra", "aardvark"]) assert.ok(words.has(w), w);
  for (const w of ["appl", "bananas", "", "c"]) assert.ok(!words.has(w), w);

  const given = new SortedTable(["# c\nname\tbirths\nann\t500\nanna\t90000\nbob\t0\n", "name\tbirths\nzed\t7\n"], (v) => Number(v) || 0);
  assert.equal(given.get("anna"), 90000);
  assert.equal(given.get("bob"), 0);
  assert.equal(given.get("zed"), 7);
  assert.equal(given.get("an"), undefined);
  given.set("vladimir", 1000);
  given.set("anna", 1);
  assert.equal(given.get("vladimir"), 1000);
  assert.equal(given.get("anna"), 90000);

  const sexes = new SortedTable(["name\tsex\nanna\tF\nbob\tM\n", "name\tsex\nbob\t\nzoe\tf\n"], (v) => (v.toUpperCase() === "F" ? "F" : v.toUpperCase() === "M" ? "M" : null));
  assert.equal(sexes.get("anna"), "F");
  assert.equal(sexes.get("bob"), null, "a user's row with no sex overrides the package's");
  assert.equal(sexes.get("zoe"), "F", "a user's lower-case sex counts");
  assert.equal(sexes.get("carl"), undefined);

  const header = "key\tname\tcountry\tlat\tlon\tpopulation\tfeature\n";
  const cities = new CityTable([
    `# c\n${header}paris\tParis\tFRA\t48.9\t2.3\t2000000\tPPLC\nparis\tParis\tUSA\t33.7\t-95.6\t25000\tPPL\nsan jose\tSan Jose\tCRI\t9.9\t-84.1\t300000\tPPLC\nsan jose\tSan Jose\tUSA\t37.3\t-121.9\t1000000\tPPL\nsan juan\tSan Juan\tPRI\t18.5\t-66.1\t400000\tPPLA\n`,
    `${header}zzz town\tZzz Town\tGBR\t51\t0\t100\tPPL\nparis\tParis\tCAN\t43.2\t-80.4\t12000\tPPL\n`,
  ]);
  assert.deepEqual(
    cities.get("paris")?.map((c) => c.country),
    ["FRA", "USA", "CAN"],
  );
  assert.equal(cities.get("san jose")?.[0]?.country, "USA");
  assert.equal(cities.get("san jose")?.[1]?.capital, true);
  assert.equal(cities.get("san"), undefined);
  assert.equal(cities.longestFrom("san"), "san jose".length);
  assert.equal(cities.longestFrom("zzz"), "zzz town".length);
  assert.equal(cities.longestFrom("paris"), undefined);
});

function assertSorted(path: string, header: string | null): void {
  const text = readFileSync(path, "utf8");
  const s = SortedLines.of(text, header);
  let prev = "";
  let n = 0;
  for (const line of text.slice(s.from).split("\n")) {
    if (line === "") continue;
    const tab = line.indexOf("\t");
    const key = tab < 0 ? line : line.slice(0, tab);
    assert.ok(prev <= key, `${path}: "${prev}" before "${key}"`);
    assert.ok(!line.startsWith("#") && !line.endsWith("\r"), `${path}: a comment or CR inside the data: ${line}`);
    prev = key;
    n++;
  }
  assert.ok(n > 1000, `${path}: ${n} rows`);
}

test("the package's derived gazetteers are sorted by key (they are binary-searched in place)", { skip: !existsSync(`${names}cities.tsv`) && "no gazetteers" }, () => {
  assertSorted(`${names}cities.tsv`, "key\tname\t");
  assertSorted(`${names}given-names.tsv`, "name\t");
  assertSorted(`${names}common-words.txt`, null);
});

test("the package's cities answer to the looser spellings of English news", { skip: !existsSync(`${names}cities.tsv`) && "no gazetteers" }, () => {
  const cities = new CityTable([readFileSync(`${names}cities.tsv`, "utf8")]);
  // GeoNames has "Basrah", "Al Fallūjah", "Groznyy"; news writes "Basra", "Fallujah", "Grozny"
  for (const [spelling, country] of [["basra", "IRQ"], ["basrah", "IRQ"], ["fallujah", "IRQ"], ["falluja", "IRQ"], ["grozny", "RUS"], ["raqqa", "SYR"], ["misrata", "LBY"]] as const) {
    assert.equal(cities.get(spelling)?.[0]?.country, country, spelling);
  }
  // a looser spelling that is a given name or a word is not taken ("Rafa" is not Rafah)
  assert.equal(cities.get("rafa"), undefined);
  assert.equal(cities.get("rafah")?.[0]?.country, "PSE");
});

test("letters with no decomposition fold as English spells them: Diyarbakir is Diyarbakır, Lodz Łódź", { skip: !existsSync(`${names}cities.tsv`) && "no gazetteers" }, async () => {
  const { nameKey } = await import("../../src/actors/normalize.js");
  assert.equal(nameKey("Binali Yıldırım"), nameKey("Binali Yildirim"));
  assert.equal(nameKey("Jonas Gahr Støre"), "jonas gahr store");
  const cities = new CityTable([readFileSync(`${names}cities.tsv`, "utf8")]);
  for (const [spelling, country] of [["Diyarbakir", "TUR"], ["Diyarbakır", "TUR"], ["Sanliurfa", "TUR"], ["Lodz", "POL"], ["Łódź", "POL"]] as const) {
    assert.equal(cities.get(nameKey(spelling))?.[0]?.country, country, spelling);
  }
});
