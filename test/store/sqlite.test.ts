import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore, prepareDocument, StoreError, SqliteStore } from "../../src/store/index.js";
import { compound, planOf, type NameMatch } from "../../src/store/sqlite/query.js";
import { makeRecord, tempDir } from "./helpers.js";

const seoul = { name: "Seoul", country: "KOR", lat: 37.57, lon: 126.98 };

function corpus() {
  return [
    makeRecord({ id: "voa-1", date: "2020-07-01", source: "VOA", url: "https://voa.example/1", events: [
      { cameo: "042", src: "KORGOV", tgt: "USAGOV", date: "2020-06-30", place: seoul, srcName: "Moon Jae-in", evidence: "Moon Jae-in met the US envoy in Seoul on Tuesday." },
      { cameo: "1712", src: "PRK", tgt: "KOR", date: "2020-06-16", evidence: "North Korea blew up the liaison office." },
    ] }),
    makeRecord({ id: "cgtn-1", date: "2020-07-02", source: "CGTN", url: "https://cgtn.example/1", events: [
      { cameo: "042", src: "KORGOV", tgt: "USAGOV", date: "2020-06-30", srcName: "South Korean President", evidence: "The South Korean president hosted talks with Washington's envoy." },
      { cameo: "036", src: "USAGOV", tgt: "PRK", date: "2020-07", evidence: "Washington said it wants to meet Pyongyang." },
    ] }),
    makeRecord({ id: "kcna-1", date: "2020-06-17", source: "KCNA", events: [
      { cameo: "1712", src: "PRK", tgt: "KOR", date: "2020-06-16", evidence: "The office was demolished with a terrific explosion." },
      { cameo: "111", src: "PRK", tgt: "KOR", date: "2020-06-20", evidence: "Pyongyang denounced Seoul." },
      { cameo: "042", src: "KORGOV", tgt: "USAGOV", date: "2020-06-30", modality: "future", evidence: "Moon will meet the envoy." },
    ] }),
  ];
}

test("two documents reporting the same event give one event with two mentions", async () => {
  const store = await openStore(":memory:");
  try {
    const res = await store.putDocuments(corpus().map((r) => prepareDocument(r)));
    assert.deepEqual(res, { added: 3, replaced: 0, skipped: 0, mentions: 7 });
    const meetings = await store.events({ dyad: { a: "KOR", b: "USA" }, modality: ["asserted"] }, { withMentions: true });
    assert.equal(meetings.length, 1);
    const m = meetings[0]!;
    assert.equal(m.numMentions, 2);
    assert.equal(m.numArticles, 2);
    assert.equal(m.numSources, 2);
    assert.equal(m.location?.name, "Seoul");
    assert.equal(m.firstDoc, "voa-1");
    assert.equal(m.firstUrl, "https://voa.example/1");
    assert.deepEqual(m.mentions!.map((x) => x.docId).sort(), ["cgtn-1", "voa-1"]);
    assert.equal(m.mentions![0]!.evidence.text, "Moon Jae-in met the US envoy in Seoul on Tuesday.");
    // The future meeting is a different claim.
    assert.equal((await store.events({ dyad: { a: "KOR", b: "USA" } })).length, 2);
    const blast = await store.events({ code: ["1712"] });
    assert.equal(blast.length, 1);
    assert.equal(blast[0]!.numArticles, 2);
    const st = await store.stats();
    assert.equal(st.documents, 3);
    assert.equal(st.mentions, 7);
    assert.equal(st.events, 5);
    assert.equal(st.multiSource, 2);
  } finally {
    await store.close();
  }
});

test("ingesting a document again changes nothing; replace recomputes its events", async () => {
  const store = await openStore(":memory:");
  try {
    await store.putDocuments(corpus().map((r) => prepareDocument(r)));
    const before = JSON.stringify(await store.events({}, { withMentions: true }));
    const again = await store.putDocuments(corpus().map((r) => prepareDocument(r)));
    assert.equal(again.added, 0);
    assert.equal(again.skipped, 3);
    assert.equal(JSON.stringify(await store.events({}, { withMentions: true })), before);
    // A new engine's record for cgtn-1 without the meeting: the merged meeting loses a mention.
    const newer = makeRecord({ id: "cgtn-1", date: "2020-07-02", source: "CGTN", engine: "next", events: [{ cameo: "036", src: "USAGOV", tgt: "PRK", date: "2020-07" }] });
    const r = await store.putDocuments([prepareDocument(newer)], { replace: true });
    assert.equal(r.replaced, 1);
    const meeting = (await store.events({ dyad: { a: "KORGOV", b: "USA" }, modality: ["asserted"] }))[0]!;
    assert.equal(meeting.numMentions, 1);
    assert.deepEqual((await store.stats()).engines, { next: 1, test: 2 });
  } finally {
    await store.close();
  }
});

test("the filters return what they should", async () => {
  const store = await openStore(":memory:");
  try {
    await store.putDocuments(corpus().map((r) => prepareDocument(r)));
    const ids = async (f: Parameters<typeof store.events>[0]) => (await store.events(f)).map((e) => `${e.cameo}:${e.source?.code}>${e.target?.code}@${e.date}`);
    assert.deepEqual(await ids({ dyad: { a: "PRK", b: "KOR" } }), ["1712:PRK>KOR@2020-06-16", "111:PRK>KOR@2020-06-20"]);
    assert.deepEqual(await ids({ dyad: { a: "KOR", b: "PRK" } }), []);
    assert.equal((await ids({ dyad: { a: "KOR", b: "PRK", both: true } })).length, 2);
    assert.deepEqual(await ids({ actor: ["USAGOV"], root: ["03"] }), ["036:USAGOV>PRK@2020-07"]);
    assert.deepEqual(await ids({ actor: ["Moon"], modality: ["asserted"] }), ["042:KORGOV>USAGOV@2020-06-30"]);
    assert.equal((await ids({ country: ["PRK"] })).length, 3);
    assert.deepEqual(await ids({ quad: [4] }), ["1712:PRK>KOR@2020-06-16"]);
    assert.deepEqual(await ids({ since: "2020-06-17", until: "2020-06-30", modality: ["asserted"] }), ["111:PRK>KOR@2020-06-20", "042:KORGOV>USAGOV@2020-06-30"]);
    // A month-precision event overlaps a range inside its month.
    assert.deepEqual(await ids({ since: "2020-07-10", until: "2020-07-12" }), ["036:USAGOV>PRK@2020-07"]);
    assert.deepEqual(await ids({ source: ["kcna"], code: ["111"] }), ["111:PRK>KOR@2020-06-20"]);
    // Words of an article find its events; words of an evidence find the event whatever article reported it.
    assert.deepEqual(await ids({ text: "terrific" }), ["1712:PRK>KOR@2020-06-16", "111:PRK>KOR@2020-06-20", "042:KORGOV>USAGOV@2020-06-30"]);
    assert.deepEqual(await ids({ text: "liaison OR Washington's" }), ["1712:PRK>KOR@2020-06-16", "042:KORGOV>USAGOV@2020-06-30", "036:USAGOV>PRK@2020-07"]);
    assert.deepEqual(await ids({ docId: "cgtn-1" }), ["042:KORGOV>USAGOV@2020-06-30", "036:USAGOV>PRK@2020-07"]);
    assert.equal((await ids({ limit: 2, desc: true }))[0], "036:USAGOV>PRK@2020-07");
    assert.equal(await store.countEvents({ country: ["KOR"] }), 4);
    assert.deepEqual(await ids({ text: 'unbalanced "quote' }), []);
    await assert.rejects(store.events({ text: "liaison AND OR" }), StoreError);
  } finally {
    await store.close();
  }
});

/** The actor names table as it is, and as the events say it should be. */
function actorNames(store: SqliteStore): { kept: unknown[]; counted: unknown[] } {
  const db = store.raw();
  return {
    kept: db.prepare("SELECT name, as_source, as_target FROM actor_names ORDER BY name").all(),
    counted: db
      .prepare(
        `SELECT name, sum(s) AS as_source, sum(t) AS as_target FROM (
           SELECT src_name AS name, 1 AS s, 0 AS t FROM events WHERE src_name IS NOT NULL
           UNION ALL SELECT tgt_name, 0, 1 FROM events WHERE tgt_name IS NOT NULL)
         GROUP BY name ORDER BY name`,
      )
      .all(),
  };
}

test("the actor names follow the events through merges, replaced documents and removed ones", async () => {
  const store = SqliteStore.open(":memory:");
  try {
    const check = (what: string) => {
      const { kept, counted } = actorNames(store);
      assert.deepEqual(kept, counted, what);
      return kept.map((r) => (r as { name: string }).name);
    };
    const names = async (actor: string) => (await store.events({ actor: [actor] })).map((e) => `${e.cameo}:${e.source?.name}`);
    await store.putDocuments(corpus().map((r) => prepareDocument(r)));
    assert.ok(check("stored").includes("Moon Jae-in"));
    assert.deepEqual(await names("moon"), ["042:Moon Jae-in"]);
    assert.deepEqual(await names("president"), []);
    // A reanalysis of the first report of the meeting names its source otherwise: the
    // meeting's name (its reports' majority) changes, and "Moon Jae-in" leaves the store.
    const voa = corpus()[0]!;
    voa.events[0]!.source!.name = "South Korean President";
    await store.putDocuments([prepareDocument(voa)], { replace: true });
    assert.ok(!check("replaced").includes("Moon Jae-in"));
    assert.deepEqual(await names("moon"), []);
    assert.deepEqual(await names("korean pres"), ["042:South Korean President"]);
    // An origin that gives another document replaces the one it gave: its names go with it.
    const at = (id: string, name: string) => prepareDocument(makeRecord({ id, date: "2020-07-03", events: [{ cameo: "057", src: "CHNGOV", tgt: "RUSGOV", date: "2020-07-03", srcName: name, tgtName: "Putin" }] }), { origin: "news/summit.txt" });
    await store.putDocuments([at("x-1", "Xi Jinping")]);
    assert.ok(check("added").includes("Xi Jinping"));
    assert.deepEqual(await names("jinping"), ["057:Xi Jinping"]);
    await store.putDocuments([at("x-2", "President Xi")]);
    const after = check("removed");
    assert.ok(!after.includes("Xi Jinping") && after.includes("President Xi"));
    assert.deepEqual(await names("jinping"), []);
    assert.deepEqual(await names("president"), ["042:South Korean President", "057:President Xi"]);
    assert.equal(await store.countEvents({ actor: ["putin"] }), 1);
  } finally {
    await store.close();
  }
});

test("a name filter reads the events' name indexes, or their rowids, not every event", async () => {
  const store = SqliteStore.open(":memory:");
  try {
    await store.putDocuments(corpus().map((r) => prepareDocument(r)));
    // The planner's statistics of the benchmark's million-event store (as PRAGMA optimize left
    // them), so that it plans as it would there rather than scan a table of five events.
    const db = store.raw();
    db.exec("ANALYZE");
    const stats: Record<string, string> = {
      events_src_name: "1001445 401 2 2 1", events_tgt_name: "1001445 401 2 2 1", events_modality: "1001445 401 19 19 1", events_plover: "1001445 401 14 14 1",
      events_cameo: "1001445 401 9 9 1", events_src_code: "1001445 401 2 2 1", events_tgt_code: "1001445 401 2 2 1", events_root: "1001445 401 9 9 1 1 1 1 1",
      events_src: "1001445 401 5 5 1 1 1 1 1 1 1 1", events_tgt: "1001445 401 5 5 1 1 1 1 1 1 1 1", events_d0: "1001445 24 24 1", events_gkey: "1001445 1", sqlite_autoindex_events_1: "1001445 1",
    };
    db.prepare("DELETE FROM sqlite_stat1 WHERE tbl = 'events'").run();
    for (const [idx, stat] of Object.entries(stats)) db.prepare("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('events', ?, ?)").run(idx, stat);
    db.exec("ANALYZE sqlite_schema");
    const planFor = (names: NameMatch) => planOf({ actor: ["Moon"] }, { disjoint: true, names: new Map([["Moon", names]]) });
    const steps = (names: NameMatch) => {
      const plan = planFor(names);
      const { sql, params } = compound(plan, (from, where) => `SELECT 1 FROM ${from} ${where}`, "UNION ALL", true);
      return (store.raw().prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM (${sql})`).all(...params) as { detail: string }[]).map((r) => r.detail);
    };
    const common = steps({ kind: "index", src: ["Moon Jae-in"], tgt: ["Moon Jae-in"] });
    assert.ok(common.some((d) => /events_src_name/.test(d)) && common.some((d) => /events_tgt_name/.test(d)), common.join("\n"));
    assert.ok(!common.some((d) => /^SCAN e\b/.test(d)), common.join("\n"));
    const few = steps({ kind: "events", rowids: [1, 2] });
    assert.ok(few.some((d) => /^SEARCH e USING INTEGER PRIMARY KEY/.test(d)) && !few.some((d) => /^SCAN e\b/.test(d)), few.join("\n"));
    // A name no event holds: a condition that is false before any row is read.
    assert.deepEqual(planFor({ kind: "index", src: [], tgt: [] }).branches.map((b) => b.where), ["WHERE 0"]);
    assert.deepEqual(planFor({ kind: "events", rowids: [] }).branches.map((b) => b.where), ["WHERE 0"]);
    assert.equal(await store.countEvents({ actor: ["Nobody"] }), 0);
  } finally {
    await store.close();
  }
});

test("the timeline counts events per QuadClass and sums Goldstein per period", async () => {
  const store = await openStore(":memory:");
  try {
    await store.putDocuments(corpus().map((r) => prepareDocument(r)));
    const days = await store.timeline({ dyad: { a: "PRK", b: "KOR" } }, "day");
    assert.deepEqual(days.buckets.map((b) => [b.period, b.events, b.quad, b.goldstein]), [
      ["2020-06-16", 1, [0, 0, 0, 1], -5],
      ["2020-06-20", 1, [0, 0, 1, 0], -5],
    ]);
    const months = await store.timeline({}, "month");
    assert.deepEqual(months.buckets.map((b) => [b.period, b.events]), [["2020-06", 4], ["2020-07", 1]]);
    const dayAll = await store.timeline({}, "day");
    assert.equal(dayAll.coarser, 1);
    // The daily rollup (no filter) and a pass over the events (a filter every event meets) agree.
    for (const by of ["day", "week", "month", "year"] as const) {
      assert.deepEqual(await store.timeline({}, by), await store.timeline({ quad: [1, 2, 3, 4] }, by));
      for (const c of ["KOR", "PRK", "USA"]) assert.deepEqual(await store.timeline({ country: [c] }, by), await store.timeline({ country: [c], quad: [1, 2, 3, 4] }, by));
    }
    const weeks = await store.timeline({ country: ["PRK"] }, "week");
    assert.deepEqual(weeks.buckets.map((b) => b.period), ["2020-W25"]);
    const actors = await store.actors({ top: 2 });
    assert.deepEqual(actors.map((a) => [a.code, a.events, a.asSource, a.asTarget]), [["PRK", 3, 2, 1], ["USAGOV", 3, 1, 2]]);
    // …also after a document is replaced.
    await store.putDocuments([prepareDocument(makeRecord({ id: "kcna-1", date: "2020-06-17", source: "KCNA", engine: "next", events: [{ cameo: "190", src: "PRK", tgt: "KOR", date: "2020-06-18" }] }))], { replace: true });
    assert.deepEqual(await store.timeline({ since: "2020-06-01" }, "day"), await store.timeline({ quad: [1, 2, 3, 4], since: "2020-06-01" }, "day"));
    assert.deepEqual(await store.timeline({ country: ["KOR"] }, "day"), await store.timeline({ country: ["KOR"], quad: [1, 2, 3, 4] }, "day"));
  } finally {
    await store.close();
  }
});

test("a file that is not a dyad database, or is corrupt, is refused and left untouched", async () => {
  const { dir, cleanup } = tempDir();
  try {
    const text = join(dir, "notes.db");
    writeFileSync(text, "these are my notes, not a database\n".repeat(100));
    await assert.rejects(openStore(text), (err: unknown) => err instanceof StoreError && /not a dyad database/.test(err.message));
    assert.equal(readFileSync(text, "utf8"), "these are my notes, not a database\n".repeat(100));
    const other = join(dir, "other.db");
    const db = new Database(other);
    db.exec("CREATE TABLE people (name TEXT)");
    db.close();
    const bytes = readFileSync(other);
    await assert.rejects(openStore(other), /not a dyad database/);
    assert.deepEqual(readFileSync(other), bytes);
    assert.ok(!existsSync(other + "-wal"));
    // A real store with its pages scrambled.
    const good = join(dir, "good.db");
    const s = await openStore(good);
    await s.putDocuments(Array.from({ length: 30 }, (_, i) => prepareDocument(makeRecord({ id: `d${i}`, date: "2020-01-01", events: [{ cameo: "042", src: "USA", tgt: "CHN", date: "2020-01-01" }] }))));
    await s.close();
    const buf = readFileSync(good);
    for (let i = 4096; i < buf.length; i += 7) buf[i] = (buf[i]! * 31 + 7) & 0xff;
    writeFileSync(good, buf);
    await assert.rejects(async () => {
      const c = await openStore(good);
      try {
        await c.stats();
        await c.events({});
      } finally {
        await c.close();
      }
    }, (err: unknown) => err instanceof StoreError && /corrupt|not a dyad/.test(err.message));
    await assert.rejects(openStore(join(dir, "missing.db"), { readonly: true }), /no such database/);
    await assert.rejects(openStore(dir), /is a directory/);
  } finally {
    cleanup();
  }
});

test("newest first lists the undated events last; impossible dates count as undated", async () => {
  const store = await openStore(":memory:");
  try {
    await store.putDocuments([
      prepareDocument(makeRecord({ id: "a", date: "2020-07-01", events: [
        { cameo: "042", src: "USA", tgt: "CHN", date: "2020-06-01" },
        { cameo: "043", src: "USA", tgt: "CHN", date: null },
        { cameo: "111", src: "PRK", tgt: "KOR", date: "2020-13", precision: "month" },
        { cameo: "190", src: "RUS", tgt: "UKR", date: "2020-02-30" },
        { cameo: "036", src: "KOR", tgt: "PRK", date: "2020-06-20" },
      ] })),
    ]);
    const dates = async (desc: boolean) => (await store.events({ desc })).map((e) => `${e.cameo}@${e.date ?? "-"}`);
    assert.deepEqual((await dates(false)).slice(0, 2), ["042@2020-06-01", "036@2020-06-20"]);
    assert.deepEqual((await dates(true)).slice(0, 2), ["036@2020-06-20", "042@2020-06-01"]);
    assert.equal((await dates(true)).length, 5);
    assert.deepEqual((await store.events({ since: "2020-01-01" })).map((e) => e.cameo), ["042", "036"]);
    assert.equal((await store.timeline({}, "month")).undated, 3);
    assert.deepEqual((await store.events({ desc: true, offset: 3, limit: 1 })).length, 1);
  } finally {
    await store.close();
  }
});

test("a store file reopens with its contents", async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, "s.db");
    const a = await openStore(path);
    await a.putDocuments(corpus().map((r) => prepareDocument(r)));
    await a.recordFailure({ origin: "bad.html", stage: "extract", reason: "no article" });
    await a.close();
    const b = SqliteStore.open(path, { readonly: true });
    assert.equal((await b.stats()).events, 5);
    assert.equal((await b.failures()).length, 1);
    const doc = await b.document("cgtn");
    assert.equal(doc?.id, "cgtn-1");
    assert.equal(doc?.record.events.length, 2);
    assert.equal(doc?.record.text.includes("Washington"), true);
    await b.close();
  } finally {
    cleanup();
  }
});
