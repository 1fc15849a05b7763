// The GDELT 2.0 event table: 61 tab-separated columns per event. Columns dyad
// cannot know (tone, actor geography, FIPS country codes, ADM codes, feature ids,
// ethnic and religion codes) are left empty.
//
// Dates: SQLDATE and FractionDate are filled for day-precision events only; a
// month-precision event has MonthYear and Year, a year-precision one Year (GDELT
// has no way to say "some day in June", and the 1st would read as a real date).
// GLOBALEVENTID is the first 52 bits of dyad's event id, a hash of what the event
// is (CAMEO root, actors, date, modality), so it stays the same as reports arrive.
// DATEADDED is when the event's first report was stored.

import { createRequire } from "node:module";
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

/** Organisations' codes: a type, then region and sector segments, then the organisation (IGO EUR EEC, NGO HRI AMN). */
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
    // The organisation is the last segment of its own code (the actor's country field holds that
    // code for an IGO: IGOEUREEC); what follows it are roles.
    const org = a.country && a.country.length > 3 && a.country.startsWith(prefix) && code.startsWith(a.country) ? a.country : code.slice(0, 3 * Math.floor(code.length / 3));
    types.push(prefix);
    if (org.length > 3) known = org.slice(-3);
    rest = code.slice(org.length);
  } else if (a.country && a.country.length === 3 && code.startsWith(a.country)) {
    country = a.country;
    rest = code.slice(3);
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

type Countries = { getAlpha3Code(name: string, lang: string): string | undefined };
let countries: Countries | null = null;

/**
 * A country-level place: no coordinates, and its name is its country's ("North
 * Korea" in PRK). A place the gazetteer could not locate is not a country for that.
 */
export function isCountryPlace(loc: NonNullable<StoredEvent["location"]>): boolean {
  if ((loc.lat !== null && loc.lon !== null) || !loc.country) return false;
  countries ??= createRequire(import.meta.url)("i18n-iso-countries") as Countries;
  const name = loc.name.replace(/^the\s+/i, "").trim();
  return name.toUpperCase() === loc.country || countries.getAlpha3Code(name, "en") === loc.country;
}

/** GDELT's geographic type: 1 a country, 3 a US city, 4 a city elsewhere; empty when dyad cannot say. */
export function geoType(loc: NonNullable<StoredEvent["location"]>): string {
  if (loc.lat !== null && loc.lon !== null) return loc.country === "USA" ? "3" : "4";
  return isCountryPlace(loc) ? "1" : "";
}

export function gdeltRow(e: StoredEvent): string[] {
  const d = e.date ?? "";
  const y = d.slice(0, 4);
  const m = e.datePrecision === "day" || e.datePrecision === "month" ? d.slice(5, 7) : "";
  const day = e.datePrecision === "day" ? d.slice(8, 10) : "";
  const fraction = day ? (+y + (+m * 30 + +day) / 365).toFixed(4) : "";
  const loc = e.location;
  const hasCoords = loc !== null && loc.lat !== null && loc.lon !== null;
  const action = loc ? [geoType(loc), clean(loc.name), "", "", "", hasCoords ? String(loc.lat) : "", hasCoords ? String(loc.lon) : "", ""] : ["", "", "", "", "", "", "", ""];
  return [
    globalEventId(e.id), day ? `${y}${m}${day}` : "", m ? `${y}${m}` : "", y, fraction,
    ...gdeltActor(e.source),
    ...gdeltActor(e.target),
    e.isRoot ? "1" : "0", e.cameo, e.cameo.slice(0, 3), e.root, String(e.quad), String(e.goldstein), String(e.numMentions), String(e.numSources), String(e.numArticles), "",
    "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "",
    ...action,
    dateAdded(e.firstAdded), clean(e.firstUrl),
  ];
}

export function gdeltLine(e: StoredEvent): string {
  return gdeltRow(e).join("\t");
}
