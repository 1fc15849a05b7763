// Checks the actor book's data files (data/actors/*.tsv, except people.tsv, which
// has its own test): headers as README.md specifies, well-formed codes and dates,
// names that clash across rows marked ambiguous. Runs from dist/test/actors/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import countries from "i18n-iso-countries";

const here = dirname(fileURLToPath(import.meta.url));
// From dist/test/actors/ the package root is three levels up; from test/actors/, two.
const root = [resolve(here, "../../.."), resolve(here, "../..")].find((d) =>
  existsSync(join(d, "data/actors/countries.tsv")),
)!;
const dataDir = join(root, "data/actors");

interface Table {
  header: string[];
  rows: { line: number; cells: Record<string, string>; width: number }[];
}

function readTable(file: string): Table {
  const text = readFileSync(join(dataDir, file), "utf8");
  let header: string[] | null = null;
  const rows: Table["rows"] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "" || raw.startsWith("#")) return;
    const cells = raw.split("\t");
    if (!header) {
      header = cells;
      return;
    }
    const rec: Record<string, string> = {};
    header.forEach((h, j) => (rec[h] = cells[j] ?? ""));
    rows.push({ line: i + 1, cells: rec, width: cells.length });
  });
  assert.ok(header, `${file}: no header`);
  return { header: header!, rows };
}

const HEADERS: Record<string, string[]> = {
  "countries.tsv": ["code", "name", "aliases", "demonyms", "capital", "metonyms", "ambiguous", "kind", "start", "end", "note"],
  "igos.tsv": ["code", "name", "aliases", "type", "metonyms", "ambiguous", "start", "end", "note"],
  "institutions.tsv": ["name", "aliases", "code", "type", "country", "ambiguous", "start", "end", "note"],
  "sectors.tsv": ["word", "sector", "kind", "note"],
  "places.tsv": ["name", "aliases", "type", "country", "lat", "lon", "code", "ambiguous", "note"],
};

// CAMEO role (sector) codes, and the religion codes a sector word may give.
const ROLES = new Set(
  ("GOV MIL COP REB OPP PTY JUD LEG SPY INS SEP UAF CVL NGO NGM IGO IMG INT MNC UIS " +
    "BUS MED EDU REF LAB AGR HLH HRI ENV DEV ELI CRM RAD MOD SET PKO").split(" "),
);
const RELIGIONS = new Set("REL MOS CHR JEW BUD HIN SIK CTH".split(" "));
// Ethnic markers CAMEO writes inside actor codes (the manual's IRQKURKDP).
const ETHNIC = new Set(["KUR"]);
const REGIONS = new Set(
  ("AFR ASA BLK CAS CAU CEU CFR CRB EAF EEU EIN EUR LAM MDT MEA NAF NMR PGS SAF SAM SAS SCN SEA WAF WST " +
    "KAS TER").split(" "),
);
const INTERNATIONAL = /^(IGO|NGO|NGM|IMG|INT|MNC)((?:[A-Z]{3})+)$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const iso3 = new Set(Object.keys(countries.getAlpha3Codes()));
const tables = Object.fromEntries(Object.keys(HEADERS).map((f) => [f, readTable(f)])) as Record<string, Table>;
const countryCodes = new Set(tables["countries.tsv"]!.rows.map((r) => r.cells.code!));

const list = (cell: string | undefined): string[] => (cell ? cell.split("|") : []);
const norm = (s: string): string => s.normalize("NFC").toLowerCase();

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/** The span of days a row holds, as comparable strings (partial dates widen to their period). */
function span(cells: Record<string, string>): [string, string] {
  const from = cells.start ? cells.start.padEnd(10, "-00").replace(/-$/, "") : "0000-00-00";
  const to = cells.end ? (cells.end + "-99-99").slice(0, 10) : "9999-99-99";
  return [from, to];
}
const overlap = (a: [string, string], b: [string, string]): boolean => a[0] <= b[1] && b[0] <= a[1];
/** Rows overlap in time by more than a handover day (one ends the day the other starts). */
function overlapBeyondHandover(a: Record<string, string>, b: Record<string, string>): boolean {
  if ((a.end && a.end === b.start) || (b.end && b.end === a.start)) return false;
  return overlap(span(a), span(b));
}

/** Names declared ambiguous on a row: the part before ": " of each entry. */
function ambiguousNames(cells: Record<string, string>): Set<string> {
  return new Set(list(cells.ambiguous).map((e) => norm(e.slice(0, e.indexOf(": ")))));
}

function checkCells(file: string, t: Table, listColumns: string[]): void {
  for (const r of t.rows) {
    assert.equal(r.width, t.header.length, `${file}:${r.line}: ${r.width} cells, header has ${t.header.length}`);
    for (const [col, v] of Object.entries(r.cells)) {
      assert.equal(v, v.trim(), `${file}:${r.line}: ${col} has surrounding spaces`);
      if (listColumns.includes(col) && v !== "") {
        for (const item of v.split("|")) {
          assert.ok(item.trim() !== "" && item === item.trim(), `${file}:${r.line}: ${col} has an empty or padded item: ${v}`);
        }
      }
    }
    for (const col of ["start", "end"]) {
      const v = r.cells[col];
      if (v) assert.ok(validDate(v), `${file}:${r.line}: bad ${col} date ${v}`);
    }
    if (r.cells.start && r.cells.end) {
      assert.ok(r.cells.start <= r.cells.end, `${file}:${r.line}: start ${r.cells.start} after end ${r.cells.end}`);
    }
  }
}

/** Every ambiguous entry reads "name: reading" and names one of the row's names. */
function checkAmbiguous(file: string, t: Table, nameColumns: string[]): void {
  for (const r of t.rows) {
    const names = new Set(nameColumns.flatMap((c) => list(r.cells[c])).map(norm));
    for (const entry of list(r.cells.ambiguous)) {
      const at = entry.indexOf(": ");
      assert.ok(at > 0 && entry.length > at + 2, `${file}:${r.line}: ambiguous entry not "name: reading": ${entry}`);
      const name = norm(entry.slice(0, at));
      assert.ok(names.has(name), `${file}:${r.line}: ambiguous entry names "${entry.slice(0, at)}", not one of the row's names`);
    }
  }
}

/**
 * A name on rows with different keys (codes or countries) whose dates overlap must be
 * marked ambiguous on each of those rows.
 */
function checkClashes(file: string, t: Table, nameColumns: string[], key: (c: Record<string, string>) => string): void {
  const byName = new Map<string, Table["rows"]>();
  for (const r of t.rows) {
    for (const n of new Set(nameColumns.flatMap((c) => list(r.cells[c])).map(norm))) {
      const rows = byName.get(n) ?? [];
      rows.push(r);
      byName.set(n, rows);
    }
  }
  const problems: string[] = [];
  for (const [n, rows] of byName) {
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const a = rows[i]!;
        const b = rows[j]!;
        if (key(a.cells) === key(b.cells) || !overlapBeyondHandover(a.cells, b.cells)) continue;
        for (const r of [a, b]) {
          if (!ambiguousNames(r.cells).has(n)) problems.push(`${file}:${r.line}: "${n}" is shared with line ${(r === a ? b : a).line} but not marked ambiguous`);
        }
      }
    }
  }
  assert.deepEqual([...new Set(problems)], []);
}

test("every actor-book file has the header README.md specifies", () => {
  for (const [file, header] of Object.entries(HEADERS)) assert.deepEqual(tables[file]!.header, header, file);
});

test("countries.tsv: codes are ISO 3166 alpha-3 or documented CAMEO specials", () => {
  const t = tables["countries.tsv"]!;
  checkCells("countries.tsv", t, ["aliases", "demonyms", "capital", "metonyms", "ambiguous"]);
  const seen = new Set<string>();
  for (const r of t.rows) {
    const { code, kind, name, note, start, end } = r.cells;
    assert.match(code!, /^[A-Z]{3}$/, `line ${r.line}`);
    assert.ok(!seen.has(code!), `line ${r.line}: duplicate code ${code}`);
    seen.add(code!);
    assert.ok(name, `line ${r.line}: no name`);
    if (kind === "iso") {
      assert.ok(iso3.has(code!), `line ${r.line}: ${code} is not an ISO 3166 alpha-3 code`);
      assert.ok(!start && !end, `line ${r.line}: ISO rows are undated`);
    } else {
      assert.equal(kind, "cameo", `line ${r.line}: kind must be iso or cameo`);
      assert.ok(!iso3.has(code!), `line ${r.line}: ${code} is an ISO code; mark it iso`);
      assert.ok(note, `line ${r.line}: a CAMEO special needs a note`);
    }
  }
  // Every current ISO country is present (Kosovo under CAMEO's KSV rather than XKK).
  const missing = [...iso3].filter((c) => !seen.has(c) && c !== "XKK");
  assert.deepEqual(missing, []);
  assert.ok(seen.has("KSV"));
});

test("countries.tsv: no name maps to two countries unless marked ambiguous", () => {
  const t = tables["countries.tsv"]!;
  const cols = ["name", "aliases", "demonyms", "capital", "metonyms"];
  checkAmbiguous("countries.tsv", t, cols);
  checkClashes("countries.tsv", t, cols, (c) => c.code!);
});

test("countries.tsv: the common names resolve", () => {
  const lookup = new Map<string, string[]>();
  for (const r of tables["countries.tsv"]!.rows) {
    for (const c of ["name", "aliases", "demonyms", "capital", "metonyms"]) {
      for (const n of list(r.cells[c])) lookup.set(n, [...(lookup.get(n) ?? []), r.cells.code!]);
    }
  }
  const expect: [string, string][] = [
    ["DPRK", "PRK"], ["D.P.R.K.", "PRK"], ["Democratic People's Republic of Korea", "PRK"], ["N. Korea", "PRK"],
    ["Pyongyang", "PRK"], ["North Korean", "PRK"], ["ROK", "KOR"], ["Republic of Korea", "KOR"], ["S. Korea", "KOR"],
    ["South Korean", "KOR"], ["Seoul", "KOR"], ["U.S.", "USA"], ["US", "USA"], ["U.S.A.", "USA"], ["America", "USA"],
    ["United States of America", "USA"], ["Americans", "USA"], ["Washington", "USA"], ["Britain", "GBR"], ["UK", "GBR"],
    ["U.K.", "GBR"], ["Great Britain", "GBR"], ["Briton", "GBR"], ["Russian Federation", "RUS"], ["Kyiv", "UKR"],
    ["Kiev", "UKR"], ["Beijing", "CHN"], ["Tehran", "IRN"], ["Ankara", "TUR"], ["Riyadh", "SAU"], ["Tokyo", "JPN"],
    ["Palestine", "PSE"], ["Kosovo", "KSV"], ["Taiwan", "TWN"], ["Republic of China", "TWN"], ["Soviet Union", "USR"],
  ];
  for (const [name, code] of expect) assert.deepEqual(lookup.get(name), [code], name);
  for (const [name, codes] of [["Congo", ["COD", "COG"]], ["Georgia", ["GEO"]]] as const) {
    assert.deepEqual([...(lookup.get(name) ?? [])].sort(), [...codes], name);
  }
});

test("igos.tsv: codes are well-formed international codes", () => {
  const t = tables["igos.tsv"]!;
  checkCells("igos.tsv", t, ["aliases", "metonyms", "ambiguous"]);
  for (const r of t.rows) {
    assert.match(r.cells.code!, INTERNATIONAL, `igos.tsv:${r.line}`);
    assert.equal(r.cells.type, "ORG", `igos.tsv:${r.line}`);
    assert.ok(r.cells.name, `igos.tsv:${r.line}: no name`);
  }
  const names = t.rows.map((r) => norm(r.cells.name!));
  assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], "duplicate names");
  const cols = ["name", "aliases", "metonyms"];
  checkAmbiguous("igos.tsv", t, cols);
  checkClashes("igos.tsv", t, cols, (c) => c.code!);
});

/** A country-prefixed code: a known country, then CAMEO roles, then at most one group fragment. */
function checkActorCode(code: string, where: string): string | null {
  if (INTERNATIONAL.test(code)) return null;
  assert.match(code, /^(?:[A-Z]{3}){2,}$/, where);
  const country = code.slice(0, 3);
  assert.ok(countryCodes.has(country), `${where}: ${country} is not a country in countries.tsv`);
  const parts = code.slice(3).match(/.{3}/g)!;
  assert.ok(ROLES.has(parts[0]!) || RELIGIONS.has(parts[0]!) || ETHNIC.has(parts[0]!), `${where}: ${parts[0]} is not a CAMEO role code`);
  const fragments = parts.filter((p) => !ROLES.has(p) && !RELIGIONS.has(p) && !ETHNIC.has(p));
  assert.ok(fragments.length <= 1, `${where}: more than one group fragment in ${code}`);
  return country;
}

test("institutions.tsv: codes, countries, types and dates", () => {
  const t = tables["institutions.tsv"]!;
  checkCells("institutions.tsv", t, ["aliases", "ambiguous"]);
  for (const r of t.rows) {
    const where = `institutions.tsv:${r.line}`;
    const { code, type, country, name } = r.cells;
    assert.ok(name, `${where}: no name`);
    assert.ok(type === "ORG" || type === "FAC", `${where}: type ${type}`);
    const prefix = checkActorCode(code!, where);
    if (prefix) assert.equal(country, prefix, `${where}: country ${country} but code ${code}`);
    else if (country) assert.ok(countryCodes.has(country), `${where}: unknown country ${country}`);
  }
  const cols = ["name", "aliases"];
  checkAmbiguous("institutions.tsv", t, cols);
  // A name may stand for different actors in different countries (the stage weighs
  // context); within one country its meanings must not overlap in time unless marked.
  const byCountry = new Map<string, Table>();
  for (const r of t.rows) {
    const key = r.cells.country ?? "";
    if (!byCountry.has(key)) byCountry.set(key, { header: t.header, rows: [] });
    byCountry.get(key)!.rows.push(r);
  }
  for (const sub of byCountry.values()) checkClashes("institutions.tsv", sub, cols, (c) => c.code!);
});

test("institutions.tsv: the seats the brief names resolve", () => {
  const t = tables["institutions.tsv"]!;
  const at = (name: string, date: string): string[] =>
    t.rows
      .filter((r) => [r.cells.name!, ...list(r.cells.aliases)].includes(name))
      .filter((r) => overlap(span(r.cells), [date, date]))
      .map((r) => r.cells.code!);
  assert.deepEqual(at("Blue House", "2020-06-01"), ["KORGOV"]);
  assert.deepEqual(at("Blue House", "2023-06-01"), []);
  assert.deepEqual(at("Kremlin", "2020-06-01"), ["RUSGOV"]);
  assert.deepEqual(at("Pentagon", "2020-06-01"), ["USAMIL"]);
  assert.deepEqual(at("KCNA", "2020-06-01"), ["PRKMED"]);
  assert.deepEqual(at("Knesset", "2020-06-01"), ["ISRLEG"]);
  assert.deepEqual(at("Taliban", "2010-06-01"), ["AFGREBTAL"]);
  assert.deepEqual(at("Taliban", "2022-06-01"), ["AFGGOVTAL"]);
});

test("sectors.tsv: words, sector codes and kinds", () => {
  const t = tables["sectors.tsv"]!;
  checkCells("sectors.tsv", t, []);
  const seen = new Set<string>();
  for (const r of t.rows) {
    const where = `sectors.tsv:${r.line}`;
    const { word, sector, kind } = r.cells;
    assert.ok(word && word === word.toLowerCase(), `${where}: word must be lower-case: ${word}`);
    assert.ok(!seen.has(word!), `${where}: duplicate word ${word}`);
    seen.add(word!);
    assert.match(sector!, /^(?:[A-Z]{3}){1,2}$/, where);
    for (const p of sector!.match(/.{3}/g)!) assert.ok(ROLES.has(p) || RELIGIONS.has(p), `${where}: ${p} is not a CAMEO role code`);
    assert.ok(["title", "body", "group", "asset"].includes(kind!), `${where}: kind ${kind}`);
  }
});

test("places.tsv: types, countries, coordinates and codes", () => {
  const t = tables["places.tsv"]!;
  checkCells("places.tsv", t, ["aliases", "country", "ambiguous"]);
  for (const r of t.rows) {
    const where = `places.tsv:${r.line}`;
    const { type, country, lat, lon, code, name } = r.cells;
    assert.ok(name, `${where}: no name`);
    assert.ok(["GPE", "LOC", "FAC"].includes(type!), `${where}: type ${type}`);
    for (const c of list(country)) assert.ok(countryCodes.has(c), `${where}: unknown country ${c}`);
    const la = Number(lat);
    const lo = Number(lon);
    assert.ok(lat !== "" && Number.isFinite(la) && la >= -90 && la <= 90, `${where}: lat ${lat}`);
    assert.ok(lon !== "" && Number.isFinite(lo) && lo >= -180 && lo <= 180, `${where}: lon ${lon}`);
    if (code) {
      const ok = REGIONS.has(code) || (/^[A-Z]{6}$/.test(code) && countryCodes.has(code.slice(0, 3)));
      assert.ok(ok, `${where}: code ${code} is neither a CAMEO region nor a country sub-code`);
    }
  }
  const cols = ["name", "aliases"];
  checkAmbiguous("places.tsv", t, cols);
  checkClashes("places.tsv", t, cols, (c) => `${c.name}`);
});

// With the shared codebook present, codes not in it must be noted as composed.
const reference = resolve(root, "../shared/reference/cameo-actor-codes.tsv");
test("igos.tsv and institutions.tsv: codes CAMEO lacks are noted as composed", { skip: !existsSync(reference) && "no ../shared/reference" }, () => {
  const known = new Set(
    readFileSync(reference, "utf8")
      .split("\n")
      .slice(1)
      .map((l) => l.split("\t")[0]!),
  );
  const problems: string[] = [];
  for (const file of ["igos.tsv", "institutions.tsv"]) {
    for (const r of tables[file]!.rows) {
      const code = r.cells.code!;
      const generic = /^(?:[A-Z]{3})(?:GOV|MIL|COP|REB|OPP|JUD|LEG|SPY|MED|BUS|EDU|SEP|UAF|CRM|HLH|ENV|AGR|LAB|DEV|REF|CVL|NGO|ELI|PTY){1,2}$/.test(code);
      if (!known.has(code) && !generic && !/composed/.test(r.cells.note ?? "")) problems.push(`${file}:${r.line}: ${code} is not in the CAMEO table; note "composed"`);
    }
  }
  assert.deepEqual(problems, []);
});
