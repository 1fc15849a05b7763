import { test } from "node:test";
import assert from "node:assert/strict";
import { createAnalyzer } from "../../src/analyze.js";
import { fsDataSource } from "../../src/node/data.js";
import { testAnalyzer } from "../helpers.js";
import { find, timexes } from "./helpers.js";

// Publication date 2020-07-01, a Wednesday, unless a test says otherwise.

const value = (text: string, phrase: string, date?: string) => find(text, phrase, date)?.value;
const type = (text: string, phrase: string, date?: string) => find(text, phrase, date)?.type;

test("weekdays in past-tense news are the last such day; the publication day itself counts", () => {
  assert.equal(value("The conference was held on Tuesday to discuss the outbreak.", "Tuesday"), "2020-06-30");
  assert.equal(value("The presidential Blue House said Wednesday.", "Wednesday"), "2020-07-01");
  assert.equal(value("Stephen Biegun said on Monday that a summit is unlikely.", "Monday"), "2020-06-29");
  assert.equal(value("The minister said on Thursday that talks had stalled.", "Thursday"), "2020-06-25");
});

test("weekdays in future clauses are the coming day", () => {
  assert.equal(value("The two leaders will meet on Friday in Seoul.", "Friday"), "2020-07-03");
  assert.equal(value("The envoy is scheduled to arrive Monday.", "Monday"), "2020-07-06");
  assert.equal(value("The group could leave as soon as Tuesday, officials said.", "Tuesday"), "2020-07-07");
});

test("last and next weekdays", () => {
  assert.equal(value("He spoke to reporters last Tuesday.", "Tuesday"), "2020-06-30");
  assert.equal(value("They meet again next Tuesday.", "Tuesday"), "2020-07-07");
});

test("weekday with a part of the day, and a clock time", () => {
  assert.deepEqual(find("The blast occurred Friday night.", "Friday"), { text: "Friday night", type: "TIME", value: "2020-06-26TNI" });
  assert.deepEqual(find("The blast occurred at about 10:35 a.m. on Tuesday.", "10:35"), { text: "10:35 a.m. on Tuesday", type: "TIME", value: "2020-06-30T10:35" });
  assert.deepEqual(find("The blast occurred at 10:35 a.m. local time.", "10:35"), { text: "10:35 a.m.", type: "TIME", value: "2020-07-01T10:35" });
});

test("relative months, weeks and years", () => {
  assert.equal(value("The DPRK demolished the liaison office last month.", "last month"), "2020-06");
  assert.equal(value("Talks resumed this week.", "this week"), "2020-W27");
  assert.equal(value("Trade fell sharply last year.", "last year"), "2019");
  assert.equal(value("Elections are due next year.", "next year"), "2021");
  assert.equal(value("Prices rose earlier this year.", "this year"), "2020");
  assert.equal(value("Prices rose two years ago.", "two years ago"), "2018");
});

test("a month without a year: the coming one in future context, the last one in past context", () => {
  assert.equal(value("South Korea will make efforts before the U.S. presidential election in November.", "November"), "2020-11");
  assert.equal(value("Another summit is unlikely before the November election.", "November"), "2020-11");
  assert.equal(value("The summit was held in November.", "November"), "2019-11");
  assert.equal(value("Exports rose in March.", "March"), "2020-03");
  assert.equal(value("Elections are expected to take place in March.", "March", "2020-10-15"), "2021-03");
  assert.equal(value("Troops withdrew last November.", "November"), "2019-11");
  assert.deepEqual(find("The three are to join in April next year.", "April"), { text: "April next year", type: "DATE", value: "2021-04" });
});

test("a day without a year lands in the right year", () => {
  assert.equal(value("Hua Chunying said on June 12 that the U.S. should act.", "June 12"), "2020-06-12");
  assert.equal(value("The dividend is payable Dec. 1 to holders of record.", "Dec. 1", "1989-10-27"), "1989-12-01");
  assert.equal(value("The offer was extended until Jan. 14.", "Jan. 14", "1999-12-20"), "2000-01-14");
  assert.equal(value("The shooting happened Dec. 15, police said.", "Dec. 15", "2021-01-20"), "2020-12-15");
  assert.equal(value("The Times said in an editorial on Monday, Oct. 26:", "Oct. 26", "1998-10-25"), "1998-10-26");
  assert.equal(value("The Jan. 3 meeting is set.", "Jan. 3", "2020-12-30"), "2021-01-03");
  assert.equal(value("Prices fell in December.", "December", "2021-01-15"), "2020-12");
  assert.equal(value("Talks resume in January.", "January", "2020-12-15"), "2021-01");
});

test("full dates and month-years", () => {
  assert.equal(value("Their summit in Hanoi, Vietnam, February 28, 2019.", "February 28, 2019"), "2019-02-28");
  assert.equal(value("The talks ended in February 2019 in Hanoi.", "February 2019"), "2019-02");
  assert.equal(value("The tribunal ruled on Nov. 24, 2015.", "Nov. 24, 2015"), "2015-11-24");
  assert.equal(value("The ruling came on 12 June 2018.", "12 June 2018"), "2018-06-12");
});

test("years, decades and centuries", () => {
  assert.deepEqual(find("The talks began in 2018.", "2018"), { text: "2018", type: "DATE", value: "2018" });
  assert.equal(value("Relations were warmer in the 1990s.", "1990s"), "199");
  assert.equal(value("It happened in the late 1990s.", "1990s"), "199");
  assert.equal(value("The fiscal 1989 results were weak.", "1989", "1989-10-26"), "1989");
  assert.equal(value("The country rose in the 20th century.", "century"), "19");
});

test("durations", () => {
  assert.deepEqual(find("He served three years in prison.", "three years"), { text: "three years", type: "DURATION", value: "P3Y" });
  assert.equal(value("Fighting raged for the past two months.", "two months"), "P2M");
  assert.equal(value("The talks lasted 16 hours.", "16 hours"), "PT16H");
  assert.equal(value("A two-year program was approved.", "two-year"), "P2Y");
  assert.equal(value("It took 2 1/2 years.", "years"), "P2Y6M");
  assert.equal(value("Growth slowed in recent years.", "recent years"), "PXY");
  assert.equal(value("One year since Panmunjom handshake.", "One year"), "P1Y");
  assert.equal(value("He arrived 90 days after the vote.", "90 days"), "P90D");
});

test("vague references follow TIMEX3", () => {
  assert.equal(value("I think it's unlikely between now and the election.", "now"), "PRESENT_REF");
  assert.equal(value("Officials recently met in Geneva.", "recently"), "PAST_REF");
  assert.equal(value("Mistakes were made in the past.", "the past"), "PAST_REF");
  assert.equal(value("Talks may resume in the future.", "future"), "FUTURE_REF");
  assert.equal(value("The company is currently in talks.", "currently"), "PRESENT_REF");
});

test("today, yesterday, tomorrow, tonight", () => {
  assert.equal(value("The ministry said today that talks were over.", "today"), "2020-07-01");
  assert.equal(value("The ministry said yesterday that talks were over.", "yesterday"), "2020-06-30");
  assert.equal(value("The vote is tomorrow.", "tomorrow"), "2020-07-02");
  assert.deepEqual(find("He will speak tonight.", "tonight"), { text: "tonight", type: "TIME", value: "2020-07-01TNI" });
});

test("sets", () => {
  assert.deepEqual(find("Protesters gather every Monday.", "Monday"), { text: "every Monday", type: "SET", value: "XXXX-WXX-1" });
  assert.deepEqual(find("He prays every day.", "every day"), { text: "every day", type: "SET", value: "P1D" });
  assert.equal(value("The plant earns $2 million a year.", "a year"), "P1Y");
  assert.equal(type("The plant earns $2 million a year.", "a year"), "SET");
  assert.equal(value("Rallies are held daily.", "daily"), "P1D");
});

test("quarters and halves", () => {
  assert.equal(value("Third-quarter profit rose 11%.", "Third-quarter", "1989-11-02"), "1989-Q3");
  assert.equal(value("Profit rose 11% in the third quarter from $85 million a year ago.", "a year ago", "1989-11-02"), "1988-Q3");
  assert.equal(value("Output grew in the first half of 2019.", "half"), "2019-H1");
});

test("seasons, holidays, weekends", () => {
  assert.equal(value("The campaign will resume this summer.", "summer"), "2020-SU");
  assert.equal(value("Elian was found on Thanksgiving Day.", "Thanksgiving", "2000-01-07"), "1999-11-25");
  assert.equal(value("Protests continued over the weekend.", "weekend"), "2020-W26-WE");
});

test("a date's anniversary in apposition takes the date", () => {
  const text = "Hua said on June 12, the second anniversary of the first Trump-Kim summit in Singapore.";
  assert.equal(value(text, "anniversary"), "2020-06-12");
  assert.equal(timexes("The anniversary passed quietly.").length, 0);
});

test("things that are not times are not tagged", () => {
  const none = [
    "953km",
    "The COVID-19 outbreak spread.",
    "He called for formally ending the Korean War.",
    "He may go to Seoul.",
    "Prime Minister Theresa May said no.",
    "Thousands march on the capital.",
    "The Sunday Times reported the deal.",
    "More than 3,000 people and 2000 troops were there.",
    "A second summit is unlikely.",
    "Ms. Sanders, 35, is 52 years old.",
    "A 4-year-old boy was hurt.",
    "He wrote about the fall of Saigon.",
    "Rescue teams won in 3:53.",
    "The Communist Party daily Granma said so.",
    "Arab Spring protests spread.",
    "About three-quarters of voters agreed.",
  ];
  for (const text of none) assert.deepEqual(timexes(text), [], text);
});

test("only sentences are read and offsets point at the text", () => {
  const text = "Moon says talks possible\n\nMoon made the remarks on Tuesday, the Blue House said Wednesday.";
  const rec = timexes(text);
  assert.deepEqual(rec.map((t) => t.value), ["2020-06-30", "2020-07-01"]);
});

test("the dateline's date is a timex outside every sentence", () => {
  const rec = testAnalyzer().analyze({ text: "WASHINGTON, August 8 (Xinhua) --\n\nPresident Bill Clinton Saturday vowed to hunt down those responsible." }, { date: "1998-08-08" });
  const dl = rec.timexes.find((t) => t.text === "August 8");
  assert.deepEqual(dl && { type: dl.type, value: dl.value }, { type: "DATE", value: "1998-08-08" });
  assert.equal(rec.timexes.find((t) => t.text === "Saturday")?.value, "1998-08-08");
});

test("the year of a report, the year ended, year-end", () => {
  assert.deepEqual(find("For the year ended July 2, Rally had net income of $2.4 million.", "the year", "1989-10-27"), { text: "the year", type: "DURATION", value: "P1Y" });
  assert.deepEqual(find("The stock rose to a high for the year of $42.875 in June.", "the year", "1989-10-30"), { text: "the year", type: "DATE", value: "1989" });
  assert.equal(value("Sales fell in 1988. For the year, the company lost money.", "the year", "1989-10-30"), "1988");
  assert.equal(timexes("Profit was flat compared with the year before.", "1989-10-30").some((t) => t.text.includes("the year before")), false);
  assert.equal(value("It expects to complete the transaction by year-end.", "year-end", "1989-11-02"), "1989-12-31");
  assert.equal(value("The percentage change is since year-end.", "year-end", "1989-10-30"), "1988-12-31");
});

test("an unknown length ahead", () => {
  assert.deepEqual(find("Funds will face pressure in the weeks ahead.", "weeks"), { text: "the weeks ahead", type: "DURATION", value: "PXW" });
  assert.deepEqual(find("Tensions will rise in the months to come.", "months"), { text: "the months to come", type: "DURATION", value: "PXM" });
});

test("'the previous Friday', 'the following Monday' count from the day under discussion", () => {
  const text = "Shares fell on Friday, Oct. 27. Traders were nervous. Dealers were cautious. Analysts agreed. The index was down 4.5% from the previous Friday.";
  assert.equal(value(text, "previous Friday", "1989-10-30"), "1989-10-20");
  assert.equal(value("The talks opened on June 3. They resumed the following Monday.", "following Monday"), "2020-06-08");
  assert.equal(value("He spoke to reporters last Tuesday.", "Tuesday"), "2020-06-30");
});

test("deadlines look ahead unless the clause is past perfect; 'ahead of' looks ahead", () => {
  assert.equal(value("Thirty-two members had filed reports by Wednesday.", "Wednesday", "1990-08-16"), "1990-08-15");
  assert.equal(value("Until Thursday, they had not called him a suspect.", "Thursday", "1999-05-07"), "1999-05-06");
  assert.equal(value("The offer was extended until Thursday.", "Thursday", "1999-05-07"), "1999-05-13");
  assert.equal(value("Traders had squared positions ahead of the weekend.", "weekend", "1989-10-30"), "1989-W43-WE");
  assert.equal(value("Traders squared positions ahead of Friday.", "Friday", "1989-10-30"), "1989-11-03");
});

test("a month just past stays in this year even in a forward-looking clause", () => {
  assert.equal(value("Sales changed little this year through August.", "August", "1989-10-27"), "1989-08");
  assert.equal(value("Elections are expected to take place in March.", "March", "2020-10-15"), "2021-03");
});

test("halves of units: 'two and a half hours', 'a minute and a half', 'a year and a half ago'", () => {
  assert.deepEqual(find("The talks lasted two and a half hours.", "hours"), { text: "two and a half hours", type: "DURATION", value: "PT2H30M" });
  assert.deepEqual(find("He spent a year and a half in jail.", "year"), { text: "a year and a half", type: "DURATION", value: "P1Y6M" });
  assert.equal(value("But a minute and a half later, a pilot called.", "minute"), "PT1M30S");
  assert.equal(value("The crisis began a year and a half ago.", "ago", "1998-03-04"), "1996-09");
});

test("'N years later/earlier' count from a year the text has just named", () => {
  assert.equal(value("He was elected in 1996 and re-elected two years later.", "later", "1998-03-04"), "1998");
  assert.equal(value("Profit rose to $5 million from $4 million a year earlier.", "earlier", "1998-03-04"), "1997");
});

test("clock times in words, with a zone and a day, and ranges of times and days", () => {
  assert.deepEqual(find("The plane took off at eight o'clock this morning.", "eight"), { text: "eight o'clock this morning", type: "TIME", value: "2020-07-01T08:00" });
  assert.equal(value("The vote began at four thirty p.m.", "four"), "2020-07-01T16:30");
  assert.deepEqual(find("The attack began at 04:00 GMT on Tuesday.", "04:00"), { text: "04:00 GMT on Tuesday", type: "TIME", value: "2020-06-30T04:00" });
  assert.deepEqual(
    timexes("The curfew runs from 10 p.m. to 6 a.m.").map((t) => [t.text, t.value]),
    [["10 p.m.", "2020-07-01T22:00"], ["6 a.m.", "2020-07-01T06:00"]],
  );
  assert.deepEqual(
    timexes("The festival runs June 3-5.", "1998-03-04").map((t) => [t.text, t.value]),
    [["June 3", "1998-06-03"], ["5", "1998-06-05"]],
  );
  assert.deepEqual(
    timexes("The summit is on April 24 and 25.", "1999-02-10").map((t) => [t.text, t.value]),
    [["April 24", "1999-04-24"], ["25", "1999-04-25"]],
  );
  assert.deepEqual(timexes("On April 24 and 25 people died.", "1999-05-10").map((t) => t.text), ["April 24"]);
});

test("a clock time alone takes the day just under discussion", () => {
  const text = "The doctor was shot on Oct. 23. He was killed at 10 p.m. as he stood in his kitchen.";
  assert.equal(value(text, "10 p.m.", "1998-10-26"), "1998-10-23T22:00");
});

test("'Feb. 28-March 2' is two days, the year written once holds for both; 'the 1800s' is a century", () => {
  assert.deepEqual(
    timexes("The talks ran Feb. 28-March 2, 1997.", "1998-02-10").map((t) => [t.text, t.value]),
    [["Feb. 28", "1997-02-28"], ["March 2, 1997", "1997-03-02"]],
  );
  assert.equal(value("The bridge was built in the late 1800s.", "1800s"), "18");
  assert.equal(value("Relations were warmer in the 1990s.", "1990s"), "199");
});

test("a deadline word opening a past clause, or 'not until', looks back", () => {
  assert.equal(value("It was not until Tuesday that Castro revealed the plan.", "Tuesday", "1998-03-04"), "1998-03-03");
  assert.equal(value("\"Until Tuesday, nobody knew,\" he said.", "Tuesday", "1998-03-04"), "1998-03-03");
  assert.equal(value("By Monday, the troops will have left.", "Monday", "1998-03-04"), "1998-03-09");
});

test("ranges of years and of clock times are two timexes", () => {
  assert.deepEqual(
    timexes("Troops have been there since 1991-92.", "2000-03-04").map((t) => [t.text, t.value]),
    [["1991", "1991"], ["92", "1992"]],
  );
  assert.deepEqual(
    timexes("The 1999-2000 season was a disaster.", "2000-03-04").map((t) => t.value),
    ["1999", "2000"],
  );
  assert.deepEqual(timexes("The score was 1990-1989.", "2000-03-04"), []);
  assert.deepEqual(
    timexes("The meeting ran from 9:30 to 11:45.", "2000-03-04").map((t) => [t.text, t.value]),
    [["9:30", "2000-03-04T09:30"], ["11:45", "2000-03-04T11:45"]],
  );
});

test("'the latest fiscal year' is the last one completed", () => {
  assert.deepEqual(find("Sales rose in the latest fiscal year.", "fiscal", "1989-10-26"), { text: "the latest fiscal year", type: "DATE", value: "1988" });
  assert.equal(value("Profit rose in the latest quarter.", "quarter", "1989-10-26"), "1989-Q3");
});

test("a capitalised season before a name is part of the name", () => {
  assert.deepEqual(timexes("The Winter Olympics opened in Nagano.", "1998-02-07"), []);
  assert.equal(value("Prices fall in spring.", "spring", "2000-03-04"), "2000-SP");
});

test("a season of a year in words", () => {
  assert.deepEqual(find("We saw that level in the winter of nineteen ninety-four.", "winter", "1998-02-23"), {
    text: "the winter of nineteen ninety-four",
    type: "DATE",
    value: "1994-WI",
  });
});

test("'year-end' as a noun after a preposition, not as an adjective", () => {
  assert.deepEqual(timexes("The year-end exams are crucial.", "2016-06-27"), []);
  assert.equal(value("It expects to close the deal by year end and then merge.", "year end", "1989-11-02"), "1989-12-31");
});

test("'last' as a verb is not 'the last N years'", () => {
  assert.deepEqual(find("The truce will last three years.", "years"), { text: "three years", type: "DURATION", value: "P3Y" });
  assert.deepEqual(find("The deal is expected to last two more years.", "years"), { text: "two more years", type: "DURATION", value: "P2Y" });
  assert.deepEqual(timexes("The talks could last weeks."), []);
  assert.deepEqual(find("Prices rose over the last three years.", "years"), { text: "the last three years", type: "DURATION", value: "P3Y" });
});

test("a clause that says outright it is ahead puts a day already past into next year", () => {
  assert.equal(value("The summit will be held in Singapore on June 12.", "June 12"), "2021-06-12");
  assert.equal(value("Elections are scheduled to take place on June 20.", "June 20"), "2021-06-20");
  assert.equal(value("Elections will be held in May.", "May"), "2021-05");
  // Deadlines and past commitments keep the two-month rule.
  assert.equal(value("He had until June 28 to reply.", "June 28"), "2020-06-28");
  assert.equal(value("The deal was reached on June 12.", "June 12"), "2020-06-12");
  assert.equal(value("The summit will be held on July 15.", "July 15"), "2020-07-15");
});

test("a timetable in the simple present looks ahead, in a story's body only", () => {
  assert.equal(value("The truce ends on Monday.", "Monday"), "2020-07-06");
  assert.equal(value("Talks resume Thursday in Geneva.", "Thursday"), "2020-07-02");
  assert.equal(value("The new law takes effect on Friday.", "Friday"), "2020-07-03");
  // Not an infinitive, not a past or reporting verb.
  assert.equal(value("The offer had been due to expire Friday evening.", "Friday"), "2020-06-26TEV");
  assert.equal(value("The minister says on Tuesday that talks stalled.", "Tuesday"), "2020-06-30");
  assert.equal(value("The truce ended on Monday.", "Monday"), "2020-06-29");
});

test("a clock time with 'local time' and a weekday is one expression", () => {
  assert.deepEqual(find("The quake struck at 10:30 a.m. local time Monday.", "10:30"), { text: "10:30 a.m. local time Monday", type: "TIME", value: "2020-06-29T10:30" });
  assert.deepEqual(find("The vote closes at 8 p.m. local time on Friday.", "8 p.m."), { text: "8 p.m. local time on Friday", type: "TIME", value: "2020-07-03T20:00" });
});

test("day parts and clock words come from day-parts.tsv, so a user's file adds to them", () => {
  const pkg = fsDataSource([]);
  const mine = "word\tcode\ndawn\tMO\nteatime\t17:00\n";
  const a = createAnalyzer({ read: (path) => (path === "time/day-parts.tsv" ? [...pkg.read(path), mine] : pkg.read(path)) });
  const got = a.analyze({ text: "Talks ended at teatime. The raid began early Friday dawn. Guards patrol every dawn." }, { date: "2020-07-01", until: "timexes" }).timexes;
  assert.deepEqual(
    got.map((t) => [t.text, t.value]),
    [["teatime", "2020-07-01T17:00"], ["early Friday dawn", "2020-06-26TMO"], ["every dawn", "XXXX-XX-XXTMO"]],
  );
});

test("'are due to' and 'are likely to' look ahead; 'had been due to' looks back", () => {
  assert.equal(value("Russia and Ukraine are due to hold talks on Friday.", "Friday"), "2020-07-03");
  assert.equal(value("Talks are likely to resume on Friday.", "Friday"), "2020-07-03");
  assert.equal(value("The bid had been due to expire Friday evening.", "Friday evening"), "2020-06-26TEV");
});
