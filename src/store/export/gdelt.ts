// The GDELT 2.0 event table: 61 tab-separated columns per event. Columns dyad
// cannot know (tone, actor geography, FIPS country codes, feature ids, ethnic and
// religion codes) are left empty.

import type { StoredEvent } from "../types.js";

export const GDELT_COLUMNS = [
  "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
  "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
  "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
  "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
  "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
  "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
  "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
  "DATEADDED", "SOURCEURL",
] as const;

const GROUP_PREFIXES = ["IGO", "NGO", "IMG", "MNC"];

const clean = (s: string | null | undefined) => (s ?? "").replace(/[\t\r\n]+/g, " ").trim();

/** An actor's ten GDELT columns: code, name, country, known group, ethnic, two religions, three types. */
export function gdeltActor(a: StoredEvent["source"]): string[] {
  if (!a) return ["", "", "", "", "", "", "", "", "", ""];
  const code = a.code;
  let country = "";
  let known = "";
  let rest = code;
  const types: string[] = [];
  const prefix = GROUP_PREFIXES.find((p) => code.startsWith(p));
  if (prefix) {
    types.push(prefix);
    known = code.slice(3, 6);
    rest = code.slice(6);
  } else if (a.country && a.country.length === 3 && code.startsWith(a.country)) {
    country = a.country;
    rest = code.slice(3);
  } else if (/^[A-Z]{3}/.test(code) && code.length % 3 === 0 && a.country === null) {
    rest = code;
  }
  for (let i = 0; i + 3 <= rest.length && types.length < 3; i += 3) types.push(rest.slice(i, i + 3));
  return [code, clean(a.name).toUpperCase(), country, known, "", "", "", types[0] ?? "", types[1] ?? "", types[2] ?? ""];
}

/** GDELT's GLOBALEVENTID is an integer: the first 52 bits of the event's id. */
export function globalEventId(id: string): string {
  return /^[0-9a-f]{13}/.test(id) ? String(parseInt(id.slice(0, 13), 16)) : id;
}

function dateAdded(iso: string | null): string {
  if (!iso) return "";
  return iso.replace(/[-:T]/g, "").slice(0, 14);
}

export function gdeltRow(e: StoredEvent): string[] {
  const d = e.date ?? "";
  const y = d.slice(0, 4);
  const m = e.datePrecision === "day" || e.datePrecision === "month" ? d.slice(5, 7) : "";
  const day = e.datePrecision === "day" ? d.slice(8, 10) : "";
  const fraction = day ? (+y + (+m * 30 + +day) / 365).toFixed(4) : "";
  const loc = e.location;
  const hasCoords = loc !== null && loc.lat !== null && loc.lon !== null;
  const geoType = !loc ? "" : !hasCoords ? "1" : loc.country === "USA" ? "3" : "4";
  const action = loc
    ? [geoType, clean(loc.name), "", "", "", hasCoords ? String(loc.lat) : "", hasCoords ? String(loc.lon) : "", ""]
    : ["", "", "", "", "", "", "", ""];
  const row = [
    globalEventId(e.id), day ? `${y}${m}${day}` : "", m ? `${y}${m}` : "", y, fraction,
    ...gdeltActor(e.source),
    ...gdeltActor(e.target),
    e.isRoot ? "1" : "0", e.cameo, e.cameo.slice(0, 3), e.root, String(e.quad), String(e.goldstein), String(e.numMentions), String(e.numSources), String(e.numArticles), "",
    "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "",
    ...action,
    dateAdded(e.firstAdded), clean(e.firstUrl),
  ];
  return row;
}

export function gdeltLine(e: StoredEvent): string {
  return gdeltRow(e).join("\t");
}
