import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addMonths,
  dayNumber,
  easterSunday,
  formatDay,
  formatWeek,
  isoWeek,
  nthWeekdayOfMonth,
  parseIsoDay,
  weekdayOf,
} from "../../src/time/calendar.js";

test("weekdays are ISO numbered (Monday 1 … Sunday 7)", () => {
  assert.equal(weekdayOf(dayNumber(2020, 7, 1)), 3); // a Wednesday
  assert.equal(weekdayOf(dayNumber(1970, 1, 1)), 4); // a Thursday
  assert.equal(weekdayOf(dayNumber(1969, 12, 28)), 7); // a Sunday, before the epoch
});

test("ISO weeks, including the ones that straddle a new year", () => {
  assert.deepEqual(isoWeek(dayNumber(2020, 7, 1)), { year: 2020, week: 27 });
  assert.deepEqual(isoWeek(dayNumber(2015, 11, 26)), { year: 2015, week: 48 });
  assert.deepEqual(isoWeek(dayNumber(2021, 1, 1)), { year: 2020, week: 53 });
  assert.deepEqual(isoWeek(dayNumber(2019, 12, 30)), { year: 2020, week: 1 });
  assert.equal(formatWeek(dayNumber(1998, 3, 1) - 7), "1998-W08");
});

test("day numbers round-trip and invalid dates are refused", () => {
  assert.equal(formatDay(dayNumber(2019, 2, 28) + 1), "2019-03-01");
  assert.equal(formatDay(dayNumber(2020, 2, 28) + 1), "2020-02-29");
  assert.equal(parseIsoDay("2019-02-29"), null);
  assert.equal(parseIsoDay("2020-13-01"), null);
  assert.equal(parseIsoDay("2020-07-01"), dayNumber(2020, 7, 1));
});

test("month arithmetic crosses years both ways", () => {
  assert.deepEqual(addMonths(2020, 1, -1), { y: 2019, m: 12 });
  assert.deepEqual(addMonths(2020, 12, 1), { y: 2021, m: 1 });
  assert.deepEqual(addMonths(2020, 7, -19), { y: 2018, m: 12 });
});

test("holidays by rule: Thanksgiving, Memorial Day, Easter", () => {
  assert.equal(formatDay(nthWeekdayOfMonth(2015, 11, 4, 4)), "2015-11-26");
  assert.equal(formatDay(nthWeekdayOfMonth(2020, 5, 1, -1)), "2020-05-25");
  assert.equal(formatDay(easterSunday(2000)), "2000-04-23");
  assert.equal(formatDay(easterSunday(2019)), "2019-04-21");
});
