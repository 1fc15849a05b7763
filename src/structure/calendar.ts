// Month and weekday names as the structure rules write them in patterns: datelines
// ("SEOUL, July 1 (Reuters) -", "Nov. 26") and date lines in the head ("Thu 16 Mar
// 2023 03.45 GMT", "Published On 3 Mar 2023"). One list, so every pattern agrees.
// (The time stage reads data/time/months.tsv for its own parsing; these rules must
// also hold with no data files, and need the short weekday forms "Thu", "Wed".)

const MONTHS: readonly [full: string, ...short: string[]][] = [
  ["January", "Jan"],
  ["February", "Feb"],
  ["March", "Mar"],
  ["April", "Apr"],
  ["May"],
  ["June", "Jun"],
  ["July", "Jul"],
  ["August", "Aug"],
  ["September", "Sept", "Sep"],
  ["October", "Oct"],
  ["November", "Nov"],
  ["December", "Dec"],
];

const WEEKDAYS: readonly [full: string, ...short: string[]][] = [
  ["Monday", "Mon"],
  ["Tuesday", "Tues", "Tue"],
  ["Wednesday", "Wed"],
  ["Thursday", "Thurs", "Thu"],
  ["Friday", "Fri"],
  ["Saturday", "Sat"],
  ["Sunday", "Sun"],
];

/** Longest first, so an alternation takes "September" before "Sept" and "Sep". */
const alternation = (names: readonly (readonly string[])[]): string =>
  `(?:${names.flat().sort((a, b) => b.length - a.length).join("|")})`;

/** A month name or abbreviation, with an optional stop ("Sept.", "Nov"); capitalised as written. */
export const MONTH = `${alternation(MONTHS)}\\.?`;

/** The months' abbreviations, lower-case ("jan", "sept"): a stop after them ends no sentence. */
export const MONTH_ABBREVIATIONS: readonly string[] = MONTHS.flatMap(([, ...short]) => short.map((w) => w.toLowerCase()));

/** A weekday name or abbreviation ("Thursday", "Thu"), capitalised as written. */
export const WEEKDAY = alternation(WEEKDAYS);
