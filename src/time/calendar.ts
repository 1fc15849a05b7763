// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian,
// UTC). Date.UTC only converts; nothing here reads the clock.

const MS_PER_DAY = 86_400_000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekdayOf(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(n: number): { year: number; week: number } {
  const thursday = n - weekdayOf(n) + 4;
  const year = fromDayNumber(thursday).y;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week };
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const pad4 = (n: number) => String(n).padStart(4, "0");

export function formatDay(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}

export function formatWeek(n: number): string {
  const { year, week } = isoWeek(n);
  return `${pad4(year)}-W${pad2(week)}`;
}

export function formatYear(y: number): string {
  return pad4(y);
}

/** Add months to a (year, month) pair. */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + k;
  return { y: Math.floor(idx / 12), m: (((idx % 12) + 12) % 12) + 1 };
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/** Add quarters to a (year, quarter) pair. */
export function addQuarters(y: number, q: number, k: number): { y: number; q: number } {
  const idx = y * 4 + (q - 1) + k;
  return { y: Math.floor(idx / 4), q: (((idx % 4) + 4) % 4) + 1 };
}

/** Parse YYYY-MM-DD into a day number, or null when it is not a real date. */
export function parseIsoDay(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  return isValidDate(y, mo, d) ? dayNumber(y, mo, d) : null;
}

/** The n-th (1-based; -1 = last) given ISO weekday of a month, as a day number. */
export function nthWeekdayOfMonth(y: number, m: number, weekday: number, nth: number): number {
  if (nth > 0) {
    const first = dayNumber(y, m, 1);
    const shift = (weekday - weekdayOf(first) + 7) % 7;
    return first + shift + (nth - 1) * 7;
  }
  const last = dayNumber(y, m, daysInMonth(y, m));
  const back = (weekdayOf(last) - weekday + 7) % 7;
  return last - back;
}

/** Western Easter Sunday (the anonymous Gregorian computus), as a day number. */
export function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(y, month, day);
}
