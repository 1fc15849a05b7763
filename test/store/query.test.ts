// The query builder against a plain reading of each filter: for random filters on a
// random store, the listing (in both directions, with offsets), the count and the
// timeline agree with filtering every event in JavaScript.

import { test } from "node:test";
import assert from "node:assert/strict";
import { openStore, prepareDocument, SqliteStore, type EventFilter, type StoredEvent } from "../../src/store/index.js";
import { dayRange, UNDATED } from "../../src/store/dates.js";
import { makeRecord, type EventSpec } from "./helpers.js";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const ACTORS = ["USAGOV", "USA", "CHNGOV", "CHN", "KORGOV", "PRK", "PRKMIL", "IGOUNO", "RUSMIL", "UKR"];
const NAMES = ["Moon Jae-in", "Kim 50%_off", "Kim 50 off", "Joe Biden", null];
const DATES = ["2020-01-15", "2020-01-31", "2020-02-01", "2020-02-14", "2020-02", "2020-01", "2020", "2019-12-31", "2020-03-01", null];
const SOURCES = ["VOA", "CGTN", "kcna", "KCNA", null];
const PLACES = [null, { name: "Seoul", country: "KOR", lat: 37.57, lon: 126.98 }, { name: "Busan", country: "KOR", lat: 35.18, lon: 129.08 }];

function corpus(rand: () => number) {
  const pick = <T>(l: readonly T[]) => l[Math.floor(rand() * l.length)]!;
  return Array.from({ length: 160 }, (_, i) => {
    const events: EventSpec[] = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
      const src = rand() < 0.1 ? null : pick(ACTORS);
      return {
        cameo: pick(["042", "043", "036", "111", "190", "1712", "057"]),
        src,
        tgt: rand() < 0.2 ? null : pick(ACTORS),
        date: pick(DATES),
        modality: pick(["asserted", "asserted", "asserted", "future", "negated", "hypothetical"] as const),
        place: pick(PLACES),
        srcName: pick(NAMES) ?? undefined,
      };
    });
    return makeRecord({ id: `d${i}`, date: `2020-0${1 + (i % 3)}-1${i % 10}`, source: pick(SOURCES), events });
  });
}

const isCode = (v: string) => /^[A-Z0-9]+$/.test(v);

function matches(e: StoredEvent, f: EventFilter): boolean {
  const { d0, d1 } = dayRange(e.date, e.datePrecision);
  const side = (a: StoredEvent["source"], v: string) => !!a && (v.length === 3 ? a.country === v : a.code.startsWith(v));
  if (f.actor && !f.actor.some((v) => (isCode(v) ? [e.source, e.target].some((a) => a?.code.startsWith(v)) : [e.source, e.target].some((a) => a?.name?.toLowerCase().includes(v.toLowerCase()))))) return false;
  if (f.country && !f.country.some((c) => e.source?.country === c || e.target?.country === c)) return false;
  if (f.dyad) {
    const fwd = side(e.source, f.dyad.a) && side(e.target, f.dyad.b);
    const rev = !!f.dyad.both && side(e.source, f.dyad.b) && side(e.target, f.dyad.a);
    if (!fwd && !rev) return false;
  }
  if (f.code && !f.code.includes(e.cameo)) return false;
  if (f.root && !f.root.includes(e.root)) return false;
  if (f.quad && !f.quad.includes(e.quad)) return false;
  if (f.modality && !f.modality.includes(e.modality)) return false;
  if (f.since && (d0 === UNDATED || d1 < +f.since.replaceAll("-", ""))) return false;
  if (f.until && d0 > +f.until.replaceAll("-", "")) return false;
  if (f.source && !e.mentions!.some((m) => m.docSource && f.source!.some((s) => s.toLowerCase() === m.docSource!.toLowerCase()))) return false;
  return true;
}

function order(a: StoredEvent, b: StoredEvent, desc: boolean): number {
  const ra = dayRange(a.date, a.datePrecision);
  const rb = dayRange(b.date, b.datePrecision);
  // Newest first keeps the undated last.
  if (desc && (ra.d0 === UNDATED) !== (rb.d0 === UNDATED)) return ra.d0 === UNDATED ? 1 : -1;
  const c = ra.d0 - rb.d0 || ra.d1 - rb.d1 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return desc ? -c : c;
}

test("listings, counts and timelines agree with a plain reading of random filters", async () => {
  const rand = rng(20200630);
  const store = await openStore(":memory:");
  // The same store with every name "common": listings by name check each event, counts read the name indexes.
  const checking = await openStore(":memory:", { nameEventsLimit: 0 });
  try {
    // In several batches, and some documents stored again, so that events are updated in place.
    const docs = corpus(rand).map((r) => prepareDocument(r));
    for (const s of [store, checking]) {
      for (let i = 0; i < docs.length; i += 13) await s.putDocuments(docs.slice(i, i + 13));
      await s.putDocuments(docs.filter((_, i) => i % 9 === 4), { replace: true });
    }
    const all = await store.events({}, { withMentions: true });
    assert.ok(all.length > 200);
    // The names a name filter looks through are the events' names, each counted per side.
    const names = new Map<string, { name: string; as_source: number; as_target: number }>();
    const name = (n: string | null | undefined, side: "as_source" | "as_target") => {
      if (n == null) return;
      if (!names.has(n)) names.set(n, { name: n, as_source: 0, as_target: 0 });
      names.get(n)![side]++;
    };
    for (const e of all) name(e.source?.name, "as_source"), name(e.target?.name, "as_target");
    const kept = (store as SqliteStore).raw().prepare("SELECT name, as_source, as_target FROM actor_names ORDER BY name").all();
    assert.deepEqual(kept, [...names.values()].sort((a, b) => (a.name < b.name ? -1 : 1)));
    const pick = <T>(l: readonly T[]) => l[Math.floor(rand() * l.length)]!;
    for (let round = 0; round < 150; round++) {
      const f: EventFilter = {};
      if (rand() < 0.3) f.actor = [pick(["USA", "KORGOV", "PRK", "Moon", "50%", "_off", "biden"])];
      if (rand() < 0.3) f.country = rand() < 0.5 ? [pick(["USA", "KOR", "PRK", "IGOUNO"])] : ["USA", "PRK"];
      if (rand() < 0.3) f.dyad = { a: pick(["USA", "PRK", "KORGOV", "CHN"]), b: pick(["CHN", "KOR", "USAGOV", "PRK"]), both: rand() < 0.5 };
      if (rand() < 0.2) f.code = [pick(["042", "111", "1712"])];
      if (rand() < 0.2) f.root = [pick(["04", "11", "17", "19"])];
      if (rand() < 0.2) f.quad = [pick([1, 3, 4])];
      if (rand() < 0.3) f.modality = rand() < 0.5 ? [pick(["asserted", "future", "negated", "hypothetical"] as const)] : ["future", "negated"];
      if (rand() < 0.4) f.since = pick(["2020-01-15", "2020-02-01", "2020-02-10", "2020-01-01", "2019-06-01", "2020-03-02"]);
      if (rand() < 0.3) f.until = pick(["2020-01-31", "2020-02-14", "2019-12-31", "2020-12-31"]);
      if (rand() < 0.3) f.source = rand() < 0.7 ? [pick(["VOA", "kcna", "CGTN"])] : ["VOA", "KCNA"];
      const desc = rand() < 0.5;
      const want = all.filter((e) => matches(e, f)).sort((a, b) => order(a, b, desc)).map((e) => e.id);
      const what = JSON.stringify({ ...f, desc });
      assert.deepEqual((await store.events({ ...f, desc })).map((e) => e.id), want, what);
      assert.equal(await store.countEvents(f), want.length, what);
      const offset = Math.floor(rand() * (want.length + 2));
      const limit = 1 + Math.floor(rand() * 5);
      assert.deepEqual((await store.events({ ...f, desc, offset, limit })).map((e) => e.id), want.slice(offset, offset + limit), `${what} offset ${offset} limit ${limit}`);
      const streamed: string[] = [];
      for await (const e of store.iterateEvents({ ...f, desc, offset })) streamed.push(e.id);
      assert.deepEqual(streamed, want.slice(offset), `${what} iterated from ${offset}`);
      if (f.actor) {
        assert.deepEqual((await checking.events({ ...f, desc, offset, limit })).map((e) => e.id), want.slice(offset, offset + limit), `${what} offset ${offset} limit ${limit}, checked`);
        const checked: string[] = [];
        for await (const e of checking.iterateEvents({ ...f, desc })) checked.push(e.id);
        assert.deepEqual(checked, want, `${what} iterated, checked`);
        assert.equal(await checking.countEvents(f), want.length, `${what} counted from the name indexes`);
        const months = (t: Awaited<ReturnType<typeof store.timeline>>) => t.buckets.map((b) => [b.period, b.events, b.mentions, b.goldstein]);
        assert.deepEqual(months(await checking.timeline(f, "month")), months(await store.timeline(f, "month")), `${what} timeline from the name indexes`);
      }
      const t = await store.timeline(f, "month");
      const matching = all.filter((e) => matches(e, f));
      assert.equal(t.buckets.reduce((n, b) => n + b.events, 0) + t.coarser + t.undated, matching.length, what);
      const months = new Map<string, [number, number, number]>();
      for (const e of matching) {
        if (e.datePrecision !== "day" && e.datePrecision !== "month") continue;
        const b = months.get(e.date!.slice(0, 7)) ?? [0, 0, 0];
        months.set(e.date!.slice(0, 7), [b[0] + 1, b[1] + e.numMentions, Math.round((b[2] + e.goldstein) * 100) / 100]);
      }
      assert.deepEqual(t.buckets.map((b) => [b.period, b.events, b.mentions, b.goldstein]), [...months].sort().map(([p, v]) => [p, ...v]), `${what} timeline`);
      const actors = await store.actors({ ...f, top: 0 });
      assert.equal(actors.reduce((n, a) => n + a.events, 0), matching.reduce((n, e) => n + (e.source ? 1 : 0) + (e.target ? 1 : 0), 0), what);
    }
  } finally {
    await store.close();
    await checking.close();
  }
});
