// One event, many reports. Event records from different documents are the same
// event when they share the CAMEO root, the source and target actor codes, the
// date at the same precision and the modality, and their places are compatible.
// The merge is a pure function of the set of reports (never of their order), so
// any ingest order or concurrency gives the same events.

import { contentHash } from "../pipeline/hash.js";
import type { EventLocation, EventRecord } from "../record.js";
import { dayRange } from "./dates.js";

/**
 * The group an event record belongs to. Records without a source actor or a date
 * cannot be told apart from other events, so they group only within their document.
 * The date leads, so that the store's group index grows where news is: at recent dates.
 */
export function mergeKey(e: Pick<EventRecord, "cameo" | "date" | "datePrecision" | "modality"> & { source: { code: string } | null; target: { code: string } | null }, docId: string): string {
  const range = dayRange(e.date, e.datePrecision);
  const date = range.precision ? (e.date ?? "").slice(0, range.precision === "day" ? 10 : range.precision === "month" ? 7 : 4) : "";
  const src = e.source?.code ?? "";
  const scope = src && date ? "" : `doc:${docId}`;
  return [date || "-", range.precision ?? "-", e.cameo.slice(0, 2), src || "-", e.target?.code || "-", e.modality, scope].join("|");
}

/**
 * An event's id: a hash of its merge key, so that it stays the same as reports
 * arrive. Only when a group's reports name incompatible places is an event split
 * off the main one (the largest); its id then also hashes its place.
 */
export function eventId(gkey: string, splitPlace: string | null): string {
  return contentHash(splitPlace === null ? gkey : `${gkey}\u0000${splitPlace}`);
}

function norm(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A place's identity: country and normalised name (null for no place). */
export function placeKey(loc: EventLocation | null | undefined): string | null {
  if (!loc || !loc.name) return null;
  return `${loc.country ?? ""}|${norm(loc.name)}`;
}

/** The fields of a report that merging reads. */
export interface GroupMember {
  rowid: number;
  docId: string;
  docDate: string;
  /** Publisher (null when unknown: the document then counts as its own source). */
  docSource: string | null;
  /** When the document was stored (ISO 8601). */
  docAdded?: string | null;
  idx: number;
  cameo: string;
  plover: string | null;
  mode: string | null;
  quad: number;
  goldstein: number;
  srcCode: string | null;
  srcCountry: string | null;
  srcName: string | null;
  tgtCode: string | null;
  tgtCountry: string | null;
  tgtName: string | null;
  date: string | null;
  precision: string | null;
  d0: number;
  d1: number;
  modality: string;
  place: string | null;
  locName: string | null;
  locCountry: string | null;
  lat: number | null;
  lon: number | null;
  /** The report's evidence text; a store may leave it out and fill the event's from `firstMember`. */
  evidence?: string;
  isRoot: number;
}

export interface MergedEvent {
  id: string;
  gkey: string;
  cameo: string;
  root: string;
  plover: string | null;
  mode: string | null;
  quad: number;
  goldstein: number;
  srcCode: string | null;
  srcCountry: string | null;
  srcName: string | null;
  tgtCode: string | null;
  tgtCountry: string | null;
  tgtName: string | null;
  date: string | null;
  precision: string | null;
  d0: number;
  d1: number;
  modality: string;
  locName: string | null;
  locCountry: string | null;
  lat: number | null;
  lon: number | null;
  numMentions: number;
  numSources: number;
  numArticles: number;
  isRoot: number;
  firstDoc: string;
  evidence: string;
  /** rowid of the earliest report (whose evidence the event shows). */
  firstMember: number;
  /** When the first of its reports was stored. */
  firstAdded: string | null;
  firstSeen: string;
  lastSeen: string;
  /** rowids of the member reports. */
  members: number[];
}

interface Place {
  key: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  count: number;
}

const NEAR_KM = 50;

function km(a: Place, b: Place): number {
  const r = Math.PI / 180;
  const dLat = (b.lat! - a.lat!) * r;
  const dLon = (b.lon! - a.lon!) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat! * r) * Math.cos(b.lat! * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Two places can be the same event's: the same place; a place with coordinates
 * within NEAR_KM of another in the same country; or a country-level place (a
 * country and no coordinates) and any place in that country.
 */
export function compatiblePlaces(a: Place, b: Place): boolean {
  if (a.key === b.key) return true;
  if (a.country && b.country && a.country !== b.country) return false;
  const aCoords = a.lat !== null && a.lon !== null;
  const bCoords = b.lat !== null && b.lon !== null;
  if (aCoords && bCoords) return km(a, b) <= NEAR_KM;
  if (!aCoords && a.country && !bCoords && b.country) return false; // two different places named without coordinates
  if (!aCoords && a.country && a.country === b.country) return true;
  if (!bCoords && b.country && b.country === a.country) return true;
  return false;
}

const byStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function majority(values: (string | null)[], tie: (a: string, b: string) => number = byStr): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null && v !== "") counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [v, n] of counts) if (n > bestN || (n === bestN && best !== null && tie(v, best) < 0)) [best, bestN] = [v, n];
  return best;
}

function memberOrder(a: GroupMember, b: GroupMember): number {
  return byStr(a.docDate, b.docDate) || byStr(a.docId, b.docId) || a.idx - b.idx;
}

function summarise(gkey: string, repPlace: string | null, main: boolean, members: GroupMember[]): MergedEvent {
  members.sort(memberOrder);
  const first = members[0]!;
  // The most reported code; on a tie the more specific, then the smaller.
  const cameo = majority(members.map((m) => m.cameo), (a, b) => b.length - a.length || byStr(a, b))!;
  const coded = members.find((m) => m.cameo === cameo)!;
  const placed = repPlace === null ? undefined : members.filter((m) => m.place === repPlace).sort((a, b) => Number(b.lat !== null) - Number(a.lat !== null))[0];
  const docs = new Set<string>();
  const sources = new Set<string>();
  let isRoot = 0;
  let lastSeen = first.docDate;
  let firstAdded: string | null = null;
  for (const m of members) {
    docs.add(m.docId);
    // Publishers differ by case only in how they were typed ("KCNA", "kcna").
    sources.add(m.docSource?.toLowerCase() ?? `doc:${m.docId}`);
    if (m.isRoot) isRoot = 1;
    if (m.docDate > lastSeen) lastSeen = m.docDate;
    if (m.docAdded && (firstAdded === null || m.docAdded < firstAdded)) firstAdded = m.docAdded;
  }
  return {
    id: eventId(gkey, main ? null : repPlace),
    gkey,
    cameo,
    root: cameo.slice(0, 2),
    plover: coded.plover,
    mode: coded.mode,
    quad: coded.quad,
    goldstein: coded.goldstein,
    srcCode: first.srcCode,
    srcCountry: first.srcCountry,
    srcName: majority(members.map((m) => m.srcName)),
    tgtCode: first.tgtCode,
    tgtCountry: first.tgtCountry,
    tgtName: majority(members.map((m) => m.tgtName)),
    date: first.date,
    precision: first.precision,
    d0: first.d0,
    d1: first.d1,
    modality: first.modality,
    locName: placed?.locName ?? null,
    locCountry: placed?.locCountry ?? null,
    lat: placed?.lat ?? null,
    lon: placed?.lon ?? null,
    numMentions: members.length,
    numSources: sources.size,
    numArticles: docs.size,
    isRoot,
    firstDoc: first.docId,
    evidence: first.evidence ?? "",
    firstMember: first.rowid,
    firstAdded,
    firstSeen: first.docDate,
    lastSeen,
    members: members.map((m) => m.rowid),
  };
}

/**
 * The events of one merge group. Places are clustered greedily, most reported
 * first (ties by key), each joining the first cluster all of whose places it is
 * compatible with; reports without a place join the largest cluster.
 */
export function mergeGroup(gkey: string, members: GroupMember[]): MergedEvent[] {
  if (members.length === 0) return [];
  const places = new Map<string, Place>();
  for (const m of members) {
    if (m.place === null) continue;
    const p = places.get(m.place);
    if (p) {
      p.count++;
      if (p.lat === null && m.lat !== null && m.lon !== null) [p.lat, p.lon] = [m.lat, m.lon];
    } else places.set(m.place, { key: m.place, country: m.locCountry, lat: m.lat !== null && m.lon !== null ? m.lat : null, lon: m.lat !== null && m.lon !== null ? m.lon : null, count: 1 });
  }
  const ordered = [...places.values()].sort((a, b) => b.count - a.count || Number(b.lat !== null) - Number(a.lat !== null) || byStr(a.key, b.key));
  const clusters: { places: Place[]; size: number }[] = [];
  const clusterOf = new Map<string, number>();
  for (const p of ordered) {
    let i = clusters.findIndex((c) => c.places.every((q) => compatiblePlaces(p, q)));
    if (i < 0) {
      i = clusters.length;
      clusters.push({ places: [], size: 0 });
    }
    clusters[i]!.places.push(p);
    clusters[i]!.size += p.count;
    clusterOf.set(p.key, i);
  }
  let largest = -1;
  for (let i = 0; i < clusters.length; i++) if (largest < 0 || clusters[i]!.size > clusters[largest]!.size) largest = i;
  const buckets: GroupMember[][] = clusters.length ? clusters.map(() => []) : [[]];
  for (const m of members) buckets[m.place === null ? Math.max(largest, 0) : clusterOf.get(m.place)!]!.push(m);
  const main = Math.max(largest, 0);
  return buckets.map((b, i) => summarise(gkey, clusters[i]?.places[0]!.key ?? null, i === main, b));
}
