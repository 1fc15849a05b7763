import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractArticle, metadataDate } from "../../src/ingest/html.js";
import { parseFeed } from "../../src/ingest/feed.js";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url)), "utf8");

test("a saved page gives its article, title, site and date, without navigation or related links", () => {
  const a = extractArticle(fixture("article.html"));
  assert.equal(a.title, "Seoul and Washington hold talks on the peninsula");
  assert.equal(a.siteName, "The Daily Courier");
  assert.equal(a.date, "2020-07-01");
  const paragraphs = a.text.split("\n\n");
  assert.ok(paragraphs.some((p) => p.startsWith("South Korean President Moon Jae-in met US Deputy Secretary")), a.text);
  assert.ok(paragraphs.some((p) => p.startsWith("“We will continue to work closely")));
  assert.ok(paragraphs.some((p) => p.startsWith("North Korea has not responded")));
  // The caption stays, as its own paragraph, for the structure stage to label.
  assert.ok(paragraphs.includes("South Korean President Moon Jae-in meets US envoy Stephen Biegun in Seoul on Tuesday. (Photo: Pool)"));
  for (const junk of ["Politics", "Related stories", "demolishes liaison office", "Most read", "All rights reserved", "Privacy policy", "Home ›", "window.analytics"]) {
    assert.ok(!a.text.includes(junk), `no "${junk}" in the text`);
  }
});

test("a page without an article is refused", () => {
  assert.throws(() => extractArticle("<html><body><nav><a href='/'>Home</a></nav><p>Hi.</p></body></html>"), /no article text/);
  assert.throws(() => extractArticle(""), /no article text/);
});

test("metadata dates keep the publisher's calendar day", () => {
  assert.equal(metadataDate("2020-07-01T23:30:00+09:00"), "2020-07-01");
  assert.equal(metadataDate("Wed, 01 Jul 2020 23:00:00 -0500"), "2020-07-01");
  assert.equal(metadataDate("July 4, 2019"), "2019-07-04");
  assert.equal(metadataDate("20200615"), "2020-06-15");
  assert.equal(metadataDate("2020-02-30"), null);
  assert.equal(metadataDate("yesterday"), null);
});

test("RSS and Atom feeds give their items' links, titles, dates and content", () => {
  const rss = parseFeed(fixture("feed.rss"));
  assert.equal(rss.kind, "rss");
  assert.equal(rss.items.length, 3);
  assert.deepEqual([rss.items[0]!.link, rss.items[0]!.title, rss.items[0]!.date], ["http://127.0.0.1:PORT/articles/talks.html", "Seoul and Washington hold talks", "2020-07-01"]);
  assert.equal(rss.items[2]!.link, null);
  assert.match(rss.items[2]!.content!, /Foreign ministers of Japan/);
  const atom = parseFeed(fixture("feed.atom"));
  assert.equal(atom.kind, "atom");
  assert.deepEqual(atom.items.map((i) => [i.link, i.date]), [
    ["http://127.0.0.1:PORT/articles/drills.html", "2020-07-03"],
    ["http://127.0.0.1:PORT/slow.html", "2020-07-03"],
  ]);
  assert.throws(() => parseFeed("<html><body>not a feed</body></html>"), /not an RSS or Atom feed/);
  assert.throws(() => parseFeed("just words"), /not an RSS or Atom feed/);
  assert.throws(() => parseFeed("<rss><channel><item><title>cut off"), /not well-formed XML \(<title> is never closed\)/);
  assert.throws(() => parseFeed("<rss><channel></item></channel></rss>"), /not well-formed XML/);
});
