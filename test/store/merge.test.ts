import { test } from "node:test";
import assert from "node:assert/strict";
import { compatiblePlaces, mergeGroup, mergeKey, type GroupMember } from "../../src/store/merge.js";
import { prepareDocument } from "../../src/store/prepare.js";
import { makeRecord } from "./helpers.js";

function members(specs: { doc: string; place?: { name: string; country: string; lat?: number; lon?: number } | null; source?: string; cameo?: string }[]): { gkey: string; members: GroupMember[] } {
  let rowid = 1;
  const out: GroupMember[] = [];
  let gkey = "";
  for (const s of specs) {
    const rec = makeRecord({ id: s.doc, date: "2020-07-01", source: s.source ?? s.doc, events: [{ cameo: s.cameo ?? "042", src: "KORGOV", tgt: "USAGOV", date: "2020-06-30", place: s.place ?? null }] });
    const m = prepareDocument(rec).mentions[0]!;
    gkey = m.gkey;
    out.push({ ...m, rowid: rowid++, docId: s.doc, docDate: "2020-07-01", docSource: s.source ?? s.doc });
  }
  return { gkey, members: out };
}

test("the merge key ignores the document when source and date are known, and scopes it otherwise", () => {
  const a = makeRecord({ id: "a", date: "2020-07-01", events: [{ cameo: "042", src: "KOR", tgt: "USA", date: "2020-06-30" }, { cameo: "042", src: null, tgt: "USA", date: "2020-06-30" }] });
  const b = makeRecord({ id: "b", date: "2020-07-02", events: [{ cameo: "043", src: "KOR", tgt: "USA", date: "2020-06-30" }, { cameo: "042", src: null, tgt: "USA", date: "2020-06-30" }] });
  assert.equal(mergeKey(a.events[0]!, "a"), mergeKey(b.events[0]!, "b"));
  assert.notEqual(mergeKey(a.events[1]!, "a"), mergeKey(b.events[1]!, "b"));
  const month = makeRecord({ id: "c", date: "2020-07-02", events: [{ cameo: "042", src: "KOR", tgt: "USA", date: "2020-06" }] });
  assert.notEqual(mergeKey(month.events[0]!, "c"), mergeKey(a.events[0]!, "a"));
  const future = makeRecord({ id: "d", date: "2020-07-02", events: [{ cameo: "042", src: "KOR", tgt: "USA", date: "2020-06-30", modality: "future" }] });
  assert.notEqual(mergeKey(future.events[0]!, "d"), mergeKey(a.events[0]!, "a"));
});

test("reports in one group merge into one event with GDELT's counts", () => {
  const { gkey, members: ms } = members([{ doc: "d1", source: "VOA" }, { doc: "d2", source: "VOA" }, { doc: "d3", source: "CGTN", cameo: "043" }]);
  const [e, ...rest] = mergeGroup(gkey, ms);
  assert.equal(rest.length, 0);
  assert.equal(e!.numMentions, 3);
  assert.equal(e!.numArticles, 3);
  assert.equal(e!.numSources, 2);
  assert.equal(e!.cameo, "042");
  assert.equal(e!.firstDoc, "d1");
});

test("incompatible places split a group; compatible ones and placeless reports join the largest", () => {
  const seoul = { name: "Seoul", country: "KOR", lat: 37.57, lon: 126.98 };
  const nearSeoul = { name: "Seoul City Hall", country: "KOR", lat: 37.566, lon: 126.978 };
  const busan = { name: "Busan", country: "KOR", lat: 35.18, lon: 129.08 };
  const { gkey, members: ms } = members([{ doc: "a", place: seoul }, { doc: "b", place: nearSeoul }, { doc: "c", place: busan }, { doc: "d", place: null }]);
  const events = mergeGroup(gkey, ms);
  assert.equal(events.length, 2);
  const big = events.find((e) => e.numMentions === 3)!;
  assert.equal(big.locName, "Seoul");
  assert.ok(events.some((e) => e.locName === "Busan" && e.numMentions === 1));
});

test("the merge does not depend on the order of the reports", () => {
  const seoul = { name: "Seoul", country: "KOR", lat: 37.57, lon: 126.98 };
  const busan = { name: "Busan", country: "KOR", lat: 35.18, lon: 129.08 };
  const korea = { name: "South Korea", country: "KOR" };
  const { gkey, members: ms } = members([{ doc: "a", place: seoul }, { doc: "b", place: busan }, { doc: "c", place: korea }, { doc: "d" }, { doc: "e", place: busan }]);
  const canon = (list: GroupMember[]) => JSON.stringify(mergeGroup(gkey, list.map((m) => ({ ...m }))).map((e) => ({ ...e, members: [...e.members].sort() })).sort((x, y) => (x.id < y.id ? -1 : 1)));
  const want = canon(ms);
  for (let i = 0; i < 20; i++) {
    const shuffled = [...ms].sort(() => Math.random() - 0.5);
    assert.equal(canon(shuffled), want);
  }
});

test("a country-level place (a country, no coordinates) is compatible with any place in its country, and only there", () => {
  const place = (key: string, country: string | null, lat: number | null = null, lon: number | null = null) => ({ key, country, lat, lon, count: 1 });
  const korea = place("KOR|south korea", "KOR");
  const seoul = place("KOR|seoul", "KOR", 37.57, 126.98);
  const tokyo = place("JPN|tokyo", "JPN", 35.68, 139.69);
  const camp = place("KOR|camp humphreys", "KOR");
  assert.ok(compatiblePlaces(korea, seoul) && compatiblePlaces(seoul, korea));
  assert.ok(!compatiblePlaces(korea, tokyo) && !compatiblePlaces(tokyo, korea));
  // Two places named without coordinates in one country may be far apart: not the same event's.
  assert.ok(!compatiblePlaces(korea, camp));
  assert.ok(compatiblePlaces(korea, place("KOR|south korea", "KOR")));
  // Near places with coordinates in one country are; far ones are not.
  assert.ok(compatiblePlaces(seoul, place("KOR|seoul city hall", "KOR", 37.566, 126.978)));
  assert.ok(!compatiblePlaces(seoul, place("KOR|busan", "KOR", 35.18, 129.08)));
});
