// The book snapshot (data/actors/names/book.snapshot.json) must give the very book
// the TSV files build, and must be ignored when it does not match them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BOOK_SNAPSHOT, BOOK_SOURCES, bookSnapshot, buildBook, buildBookFromTsv, entryRows, type ActorBook, type BookEntry } from "../../src/actors/book.js";
import { memoryDataSource, Resources } from "../../src/pipeline/resources.js";
import { fixtureData } from "./fixture-book.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const haveBook = BOOK_SOURCES.every((p) => existsSync(`${root}data/${p}`));

/** The package's book files (and, when asked, a snapshot of them) held in memory. */
function packageFiles(withSnapshot: boolean): Record<string, string> {
  const files: Record<string, string> = {};
  for (const p of BOOK_SOURCES) files[p] = readFileSync(`${root}data/${p}`, "utf8");
  if (withSnapshot) files[BOOK_SNAPSHOT] = bookSnapshot(memoryDataSource(files));
  return files;
}

const view = (e: BookEntry) => JSON.stringify([e.kind, e.name, e.type, e.code, e.country, e.roles, e.geo, e.ambiguous, e.countryName ?? null]);

function assertSameBook(a: ActorBook, b: ActorBook): void {
  assert.equal(a.byKey.size, b.byKey.size);
  for (const [k, es] of a.byKey) assert.deepEqual(b.byKey.get(k)?.map(view), es.map(view), k);
  for (const [k, es] of a.surnames) assert.deepEqual(b.surnames.get(k)?.map(view), es.map(view), k);
  assert.deepEqual([...b.byFirst], [...a.byFirst]);
  assert.deepEqual([...b.acronyms], [...a.acronyms]);
  assert.deepEqual([...b.sectors], [...a.sectors]);
  assert.deepEqual([...b.sectorFirst], [...a.sectorFirst]);
  assert.deepEqual([...b.countries].map(([k, e]) => [k, view(e)]), [...a.countries].map(([k, e]) => [k, view(e)]));
  assert.deepEqual([...b.demonymOf], [...a.demonymOf]);
  assert.deepEqual([...b.givenNames], [...a.givenNames]);
}

test("a book read from the snapshot is the book the TSV files build, rows and all", { skip: !haveBook && "no actor book" }, () => {
  const files = packageFiles(true);
  const fromTsv = buildBookFromTsv(memoryDataSource(files));
  const fromSnapshot = buildBook(memoryDataSource(files));
  assert.ok([...fromSnapshot.byKey.values()].every((es) => es.every((e) => e.refs !== undefined)), "read from the snapshot");
  assertSameBook(fromTsv, fromSnapshot);
  const r = new Resources(memoryDataSource(files));
  for (const key of ["moon jae-in", "south korean", "blue house", "pyongyang"]) {
    const a = fromTsv.byKey.get(key)![0]!;
    const b = fromSnapshot.byKey.get(key)![0]!;
    assert.deepEqual(entryRows(r, b), a.rows, key);
  }
});

test("the snapshot is ignored when a source differs or a user adds a version", { skip: !haveBook && "no actor book" }, () => {
  const files = packageFiles(true);
  const edited = { ...files, "actors/people.tsv": files["actors/people.tsv"] + "Jane Example\t\tGBRGOV\tMinister\t2020-01-01\t\n" };
  const book = buildBook(memoryDataSource(edited));
  assert.ok(book.byKey.get("jane example"), "built from the edited file");
  assert.equal(book.byKey.get("moon jae-in")![0]!.refs, undefined);
  const withUser = memoryDataSource({ ...files, "actors/people.tsv": [files["actors/people.tsv"]!, "name\taliases\tcode\trole\tstart\tend\nJohn Example\t\tUSAGOV\tSecretary\t2020-01-01\t\n"] });
  assert.ok(buildBook(withUser).byKey.get("john example"));
  // a snapshot of other files (the fixture book) is not used for the package's
  const other = bookSnapshot(fixtureData());
  assert.equal(buildBook(memoryDataSource({ ...files, [BOOK_SNAPSHOT]: other })).byKey.get("moon jae-in")![0]!.refs, undefined);
  assert.equal(buildBook(memoryDataSource({ ...files, [BOOK_SNAPSHOT]: "{ not json" })).byKey.size, buildBookFromTsv(memoryDataSource(files)).byKey.size);
});

test("the committed snapshot matches the book files", (t) => {
  if (!haveBook || !existsSync(`${root}data/${BOOK_SNAPSHOT}`)) return t.skip("no book or no snapshot");
  const fresh = bookSnapshot(memoryDataSource(packageFiles(false)));
  // a stale snapshot is harmless (the stage builds from the TSV files, only slower to start): say so, do not fail
  if (readFileSync(`${root}data/${BOOK_SNAPSHOT}`, "utf8") !== fresh) return t.skip("data/actors/names/book.snapshot.json is stale: run `node scripts/ner/build-book.mjs` after `npx tsc -p .`");
  assert.ok(true);
});
