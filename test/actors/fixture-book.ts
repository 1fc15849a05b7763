// A small actor book for the actors stage's tests (public facts), so that the tests
// do not depend on the full book's contents. The name gazetteers (data/actors/names/)
// are the package's own.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { memoryDataSource, type DataSource } from "../../src/pipeline/resources.js";

const DATA = fileURLToPath(new URL("../../../data/", import.meta.url));
const names = (f: string) => readFileSync(DATA + "actors/names/" + f, "utf8");

const tsv = (header: string, rows: string[][]) => [header.split(" ").join("\t"), ...rows.map((r) => r.join("\t"))].join("\n") + "\n";

export const FIXTURE_FILES: Record<string, string> = {
  "actors/countries.tsv": tsv("code name aliases demonyms capital metonyms ambiguous", [
    ["USA", "United States", "U.S.|US|USA|U.S.A.|America|United States of America", "American|Americans", "Washington", "", ""],
    ["KOR", "South Korea", "Republic of Korea|ROK|S. Korea", "South Korean|South Koreans", "Seoul", "", ""],
    ["PRK", "North Korea", "DPRK|D.P.R.K.|Democratic People's Republic of Korea|N. Korea", "North Korean|North Koreans", "Pyongyang", "", ""],
    ["CHN", "China", "People's Republic of China|PRC", "Chinese", "Beijing", "", ""],
    ["VNM", "Vietnam", "Viet Nam", "Vietnamese", "Hanoi", "", ""],
    ["SGP", "Singapore", "", "Singaporean|Singaporeans", "Singapore", "", ""],
    ["GEO", "Georgia", "", "Georgian|Georgians", "Tbilisi", "", "Georgia: the US state (USA)"],
    ["RUS", "Russia", "Russian Federation", "Russian|Russians", "Moscow", "Kremlin", ""],
    ["JPN", "Japan", "", "Japanese", "Tokyo", "", ""],
    ["GBR", "United Kingdom", "Britain|UK|U.K.|Great Britain", "British|Briton|Britons", "London", "", ""],
    ["DEU", "Germany", "", "German|Germans", "Berlin", "", ""],
  ]),
  "actors/igos.tsv": tsv("code name aliases type", [
    ["IGOEUREEC", "European Union", "EU|E.U.", "ORG"],
    ["IGOEUREEC", "European Commission", "", "ORG"],
    ["IGOEUREEC", "European Council", "", "ORG"],
    ["IGOUNO", "United Nations", "UN|U.N.", "ORG"],
  ]),
  "actors/institutions.tsv": tsv("name aliases code type start end", [
    ["Blue House", "Cheong Wa Dae", "KORGOV", "FAC", "1948-08-15", "2022-05-09"],
    ["White House", "", "USAGOV", "ORG", "", ""],
    ["Pentagon", "", "USAMIL", "ORG", "", ""],
    ["Xinhua", "Xinhua News Agency", "CHNMED", "ORG", "", ""],
  ]),
  "actors/sectors.tsv": tsv("word sector kind", [
    ["president", "GOV", "title"],
    ["leader", "GOV", "title"],
    ["spokesperson", "GOV", "title"],
    ["spokesman", "GOV", "title"],
    ["official", "GOV", "title"],
    ["envoy", "GOV", "title"],
    ["minister", "GOV", "title"],
    ["foreign minister", "GOV", "title"],
    ["foreign ministry", "GOV", "body"],
    ["general", "MIL", "title"],
    ["troops", "MIL", "group"],
    ["activist", "CVL", "group"],
    ["civic group", "CVL", "group"],
    ["defector", "REF", "group"],
    ["refugee", "REF", "group"],
  ]),
  "actors/places.tsv": tsv("name aliases type country lat lon code", [
    ["Panmunjom", "", "GPE", "KOR", "37.956", "126.677", ""],
    ["Sentosa Island", "Sentosa", "LOC", "SGP", "1.249", "103.830", ""],
    ["Korean Peninsula", "", "LOC", "", "38.0", "127.5", ""],
    ["Atlanta", "", "GPE", "USA", "33.749", "-84.388", ""],
  ]),
  "actors/people.tsv": tsv("name aliases code role start end", [
    ["Moon Jae-in", "Mun Jae-in|Moon Jae In", "KOROPP", "Leader of the Democratic Party", "2015-02-08", "2016-01-27"],
    ["Moon Jae-in", "Mun Jae-in|Moon Jae In", "KORGOV", "President", "2017-05-10", "2022-05-09"],
    ["Yoon Suk Yeol", "Yoon Suk-yeol", "KORGOV", "President", "2022-05-10", "2025-04-04"],
    ["Donald Trump", "Donald J. Trump", "USAGOV", "President", "2017-01-20", "2021-01-20"],
    ["Donald Trump", "Donald J. Trump", "USAGOV", "President", "2025-01-20", ""],
    ["Joe Biden", "Joseph Biden", "USALEG", "Senator", "1973-01-03", "2009-01-15"],
    ["Joe Biden", "Joseph Biden", "USAGOV", "Vice President", "2009-01-20", "2017-01-20"],
    ["Joe Biden", "Joseph Biden", "USAGOV", "President", "2021-01-20", "2025-01-20"],
    ["Vladimir Putin", "", "RUSGOV", "President", "2000-05-07", "2008-05-07"],
    ["Vladimir Putin", "", "RUSGOV", "Prime Minister", "2008-05-08", "2012-05-07"],
    ["Vladimir Putin", "", "RUSGOV", "President", "2012-05-07", ""],
    ["Ursula von der Leyen", "", "DEUGOV", "Minister of Defence", "2013-12-17", "2019-07-17"],
    ["Ursula von der Leyen", "", "IGOEUREEC", "President of the European Commission", "2019-12-01", ""],
    ["Charles Michel", "", "BELGOV", "Prime Minister", "2014-10-11", "2019-10-27"],
    ["Charles Michel", "", "IGOEUREEC", "President of the European Council", "2019-12-01", "2024-11-30"],
    ["Shinzo Abe", "", "JPNGOV", "Prime Minister", "2006-09-26", "2007-09-26"],
    ["Shinzo Abe", "", "JPNGOV", "Prime Minister", "2012-12-26", "2020-09-16"],
    ["Kim Jong Un", "Kim Jong-un", "PRKGOV", "Supreme Leader", "2011-12-17", ""],
    ["Stephen Biegun", "", "USAGOV", "Special Representative for North Korea", "2018-08-23", "2021-01-20"],
  ]),
  "actors/names/cities.tsv": names("cities.tsv"),
  "actors/names/given-names.tsv": names("given-names.tsv"),
  "actors/names/common-words.txt": names("common-words.txt"),
  "actors/names/cues.tsv": names("cues.tsv"),
  "actors/names/groups.tsv": names("groups.tsv"),
  "actors/names/regions.tsv": names("regions.tsv"),
};

export const fixtureData = (): DataSource => memoryDataSource(FIXTURE_FILES);
