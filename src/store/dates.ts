// Event dates as day numbers for the store: YYYYMMDD integers, so that a
// month-precision date ("2020-06") is the range 20200601..20200630 and range
// filters and sorting work on plain integer indexes.

import type { DatePrecision } from "../record.js";

/** The day number of undated events: sorts after every real date. */
export const UNDATED = 99999999;

export interface DayRange {
  d0: number;
  d1: number;
  precision: DatePrecision | null;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const NO_DATE: DayRange = { d0: UNDATED, d1: UNDATED, precision: null };

/**
 * The first and last day of an event date (YYYY-MM-DD, YYYY-MM or YYYY); UNDATED
 * for null, unreadable or impossible dates (2020-13, 2020-02-30), which count as undated.
 */
export function dayRange(date: string | null | undefined, precision?: DatePrecision | null): DayRange {
  if (!date) return NO_DATE;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)/.exec(date);
  if (!m) return NO_DATE;
  const y = +m[1]!;
  const mo = m[2] ? +m[2] : 0;
  const d = m[3] ? +m[3] : 0;
  if (y === 0 || (m[2] && (mo < 1 || mo > 12)) || (m[3] && (d < 1 || d > daysInMonth(y, mo)))) return NO_DATE;
  // The stated precision wins when it is coarser than the string ("2020-06-01" at month precision).
  const p: DatePrecision = precision === "year" || !mo ? "year" : precision === "month" || !d ? "month" : "day";
  if (p === "year") return { d0: y * 10000 + 101, d1: y * 10000 + 1231, precision: p };
  if (p === "month") return { d0: y * 10000 + mo * 100 + 1, d1: y * 10000 + mo * 100 + daysInMonth(y, mo), precision: p };
  return { d0: y * 10000 + mo * 100 + d, d1: y * 10000 + mo * 100 + d, precision: p };
}

/** YYYYMMDD → YYYY-MM-DD. */
export function dayToIso(day: number): string {
  const s = String(day).padStart(8, "0");
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** YYYY-MM-DD → YYYYMMDD. */
export function isoToDay(iso: string): number {
  return +iso.slice(0, 4) * 10000 + +iso.slice(5, 7) * 100 + +iso.slice(8, 10);
}

/** The ISO week (YYYY-Www) of a day number. */
export function isoWeek(day: number): string {
  const y = Math.floor(day / 10000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  const t = new Date(Date.UTC(y, m - 1, d));
  const dow = (t.getUTCDay() + 6) % 7; // Monday 0
  t.setUTCDate(t.getUTCDate() - dow + 3); // the week's Thursday decides its year
  const wy = t.getUTCFullYear();
  const jan4 = new Date(Date.UTC(wy, 0, 4));
  const week = 1 + Math.round(((t.getTime() - jan4.getTime()) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${wy}-W${String(week).padStart(2, "0")}`;
}
