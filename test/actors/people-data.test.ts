// Checks the people book (data/actors/people.tsv): its shape, its codes and dates,
// and a few known facts about who held which office when.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import countries from "i18n-iso-countries";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const text = readFileSync(root + "data/actors/people.tsv", "utf8");
const lines = text.split("\n");
const comments = lines.filter((l) => l.startsWith("#"));
const content = lines
  .map((line, i) => ({ line, n: i + 1 }))
  .filter(({ line }) => line.trim() !== "" && !line.startsWith("#"));
const header = content[0]?.line.split("\t") ?? [];

interface Row { n: number; name: string; aliases: string[]; code: string; role: string; start: string; end: string }
const rows: Row[] = content.slice(1).map(({ line, n }) => {
  const c = line.split("\t");
  return { n, name: c[0] ?? "", aliases: c[1] ? c[1].split("|") : [], code: c[2] ?? "", role: c[3] ?? "", start: c[4] ?? "", end: c[5] ?? "", cells: c.length } as Row & { cells: number };
});

// The date up to which the file is current, from its header comment.
const currentMatch = comments.join("\n").match(/current (?:as of|to|up to)[^0-9]*(\d{4}-\d{2}(?:-\d{2})?)/i);

const ISO3 = new Set(Object.keys(countries.getAlpha3Codes()));
// Country-like codes CAMEO uses that ISO lacks.
// and the historical states of countries.tsv (Soviet Union, Yugoslavias, Czechoslovakia, the two Germanys and Yemens).
const EXTRA_COUNTRY = new Set(["KSV", "PSE", "USR", "YUG", "FRY", "SCG", "CZA", "GME", "GMW", "YMN", "YMS"]);
// Sector (role) codes and named-group fragments that may follow a country code.
const SECTORS = new Set([
  "GOV", "MIL", "LEG", "JUD", "OPP", "PTY", "SPY", "ELI", "COP", "REB", "INS", "SEP", "BUS", "CVL",
  "MED", "HRI", "REL", "DEV", "ENV", "EDU", "HLH", "LAB", "AGR", "CRM", "REF", "MOD", "RAD", "UAF",
]);
const GROUPS = new Set(["HMS", "FTA", "HEZ", "ISJ", "PFL", "TAL", "AKP", "CHP", "MHP", "HDP", "PKK", "LKD", "LBA"]);
// Full codes for international organisations and transnational groups (CAMEO codebook).
const ORG_CODES = new Set([
  "IGOUNO", "IGOEUREEC", "IGOWSTNAT", "IGOUNOIAE", "IGOUNOHLHWHO", "IGOBUSIMF", "IGOUNODEVWBK",
  "IGOBUSWTO", "IGOEURSCE", "IGOEURCOE", "IGOSEAASN", "IGOAFRAFU", "IGOMEAARL", "IGOGCC", "IGOOAS",
  "IGOJUDICC", "IGOUNOJUDICJ", "IGOUNOHRIHCH", "IGOUNOREFHCR", "IGOUNOKID", "IGOUNOWFP", "IGOBUSOPC",
  "IGOMOSOIC", "IGOCASCIS", "IGOCWN", "IGOPGSGCC", "IMGMOSALQ", "IMGMUSISI", "NGOHRIAMN", "NGOHRIHRW", "NGOBUSWEF",
]);

function codeProblem(code: string): string | undefined {
  if (!/^(?:[A-Z]{3})+$/.test(code)) return "not a sequence of 3-letter upper-case parts";
  if (ORG_CODES.has(code)) return undefined;
  const parts = code.match(/.{3}/g) ?? [];
  const [country, ...rest] = parts;
  if (country === "IGO" || country === "NGO" || country === "IMG") return "unknown organisation code";
  if (!country || (!ISO3.has(country) && !EXTRA_COUNTRY.has(country))) return `unknown country ${country}`;
  for (const p of rest) if (!SECTORS.has(p) && !GROUPS.has(p)) return `unknown sector or group ${p}`;
  return undefined;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
function dateOk(d: string): boolean {
  const m = DATE.exec(d);
  if (!m) return false;
  const y = Number(m[1]), mo = m[2] ? Number(m[2]) : 1, da = m[3] ? Number(m[3]) : 1;
  if (y < 1900 || mo < 1 || mo > 12) return false;
  const t = new Date(Date.UTC(y, mo - 1, da));
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === da;
}
/** Earliest day a partial date can mean. */
const lo = (d: string) => (d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d);
/** Latest day a partial date can mean (month ends rounded up, fine for comparing). */
const hi = (d: string) => (d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d);

/** Codes of the rows for a name whose term holds on a day (start inclusive, end exclusive). */
function codesAt(name: string, day: string): string[] {
  return rows
    .filter((r) => (r.name === name || r.aliases.includes(name)) && lo(r.start) <= day && (r.end === "" || day < lo(r.end)))
    .map((r) => r.code);
}
const find = (name: string, code: string, start: string) => rows.find((r) => r.name === name && r.code === code && r.start === start);

test("people.tsv has the documented header and a current-as-of date", () => {
  assert.deepEqual(header, ["name", "aliases", "code", "role", "start", "end"]);
  assert.ok(currentMatch, "a header comment says the date up to which the file is current");
  assert.ok(comments.some((c) => /empty end/i.test(c)), "a header comment explains an empty end");
  assert.ok(rows.length >= 1000, `at least 1000 rows (has ${rows.length})`);
});

test("every row has six cells, a name, a role and no stray whitespace", () => {
  for (const r of rows as (Row & { cells: number })[]) {
    assert.equal(r.cells, 6, `line ${r.n}: ${r.cells} cells`);
    assert.ok(r.name !== "" && r.role !== "", `line ${r.n}: empty name or role`);
    for (const v of [r.name, r.code, r.role, r.start, r.end, ...r.aliases]) {
      assert.equal(v, v.trim(), `line ${r.n}: stray whitespace in "${v}"`);
    }
  }
});

test("every code is a country, organisation or group code with known sector parts", () => {
  for (const r of rows) {
    const p = codeProblem(r.code);
    assert.equal(p, undefined, `line ${r.n} (${r.name}): ${r.code}: ${p}`);
  }
});

test("dates are YYYY, YYYY-MM or YYYY-MM-DD, start is given, start <= end, none after the current date", () => {
  const current = currentMatch?.[1] ?? "9999";
  for (const r of rows) {
    assert.ok(dateOk(r.start), `line ${r.n}: start "${r.start}"`);
    assert.ok(r.end === "" || dateOk(r.end), `line ${r.n}: end "${r.end}"`);
    if (r.end !== "") assert.ok(lo(r.start) <= hi(r.end), `line ${r.n}: start ${r.start} after end ${r.end}`);
    assert.ok(lo(r.start) <= hi(current), `line ${r.n}: start ${r.start} after the file's date ${current}`);
    assert.ok(r.end === "" || lo(r.end) <= hi(current), `line ${r.n}: end ${r.end} after the file's date ${current}`);
  }
});

test("aliases are not empty, not the name itself, not a bare surname, and not repeated", () => {
  for (const r of rows) {
    const words = r.name.split(" ");
    const surname = words[words.length - 1];
    const seen = new Set<string>();
    for (const a of r.aliases) {
      assert.ok(a !== "", `line ${r.n}: empty alias`);
      assert.notEqual(a, r.name, `line ${r.n}: alias repeats the name`);
      if (words.length > 1) assert.notEqual(a, surname, `line ${r.n}: bare surname alias "${a}"`);
      assert.ok(!seen.has(a), `line ${r.n}: alias "${a}" twice`);
      seen.add(a);
    }
  }
});

test("a person's rows that overlap in time agree on the code, so a date resolves to one code", () => {
  const byName = new Map<string, Row[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  for (const [name, rs] of byName) {
    for (let i = 0; i < rs.length; i++) {
      for (let j = i + 1; j < rs.length; j++) {
        const a = rs[i]!, b = rs[j]!;
        if (a.code === b.code) continue;
        const overlap = lo(a.start) < (b.end ? lo(b.end) : "9999") && lo(b.start) < (a.end ? lo(a.end) : "9999");
        assert.ok(!overlap, `${name}: lines ${a.n} (${a.code}) and ${b.n} (${b.code}) overlap`);
      }
    }
  }
});

test("no alias of one person is the name of another", () => {
  const names = new Set(rows.map((r) => r.name));
  for (const r of rows) for (const a of r.aliases) assert.ok(!names.has(a), `line ${r.n}: alias "${a}" is also a name`);
});

test("an alias belongs to one name only", () => {
  const owner = new Map<string, string>();
  for (const r of rows) {
    for (const a of r.aliases) {
      const o = owner.get(a);
      assert.ok(o === undefined || o === r.name, `line ${r.n}: alias "${a}" is shared by ${o} and ${r.name}`);
      owner.set(a, r.name);
    }
  }
});

test("known terms: Moon Jae-in and Yoon Suk Yeol", () => {
  const moon = find("Moon Jae-in", "KORGOV", "2017-05-10");
  assert.equal(moon?.end, "2022-05-09");
  assert.deepEqual(codesAt("Moon Jae-in", "2020-06-15"), ["KORGOV"]);
  assert.deepEqual(codesAt("Moon Jae In", "2020-06-15"), ["KORGOV"]);
  assert.deepEqual(codesAt("Moon Jae-in", "2023-03-01"), []);
  const yoon = find("Yoon Suk Yeol", "KORGOV", "2022-05-10");
  assert.ok(yoon, "Yoon Suk Yeol's presidency");
  assert.deepEqual(codesAt("Yoon Suk Yeol", "2023-03-01"), ["KORGOV"]);
});

test("known terms: Donald Trump's two presidencies and Joe Biden's", () => {
  assert.equal(find("Donald Trump", "USAGOV", "2017-01-20")?.end, "2021-01-20");
  assert.ok(find("Donald Trump", "USAGOV", "2025-01-20"), "Trump's second term");
  assert.deepEqual(codesAt("Donald Trump", "2022-06-01"), []);
  assert.deepEqual(codesAt("Donald Trump", "2019-06-01"), ["USAGOV"]);
  assert.equal(find("Joe Biden", "USAGOV", "2021-01-20")?.end, "2025-01-20");
  assert.ok(find("Joe Biden", "USAGOV", "2009-01-20"), "Biden as Vice President");
  assert.deepEqual(codesAt("Joe Biden", "2005-06-01"), ["USALEG"]);
});

test("known terms: Shinzo Abe's two terms as prime minister", () => {
  const terms = rows.filter((r) => r.name === "Shinzo Abe" && r.code === "JPNGOV" && r.role === "Prime Minister");
  assert.deepEqual(
    terms.map((r) => [r.start, r.end]).sort(),
    [["2006-09-26", "2007-09-26"], ["2012-12-26", "2020-09-16"]],
  );
});

test("known terms: other roles resolve at the date", () => {
  assert.deepEqual(codesAt("Ursula von der Leyen", "2016-01-01"), ["DEUGOV"]);
  assert.deepEqual(codesAt("Ursula von der Leyen", "2021-01-01"), ["IGOEUREEC"]);
  assert.deepEqual(codesAt("Vladimir Putin", "2010-01-01"), ["RUSGOV"]);
  assert.deepEqual(codesAt("Hillary Clinton", "2011-01-01"), ["USAGOV"]);
  assert.deepEqual(codesAt("Hillary Clinton", "2005-01-01"), ["USALEG"]);
  assert.deepEqual(codesAt("Kim Jong Un", "2018-06-12"), ["PRKGOV"]);
});
