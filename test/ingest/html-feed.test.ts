import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractArticle, extractFragment, metadataDate } from "../../src/ingest/html.js";
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

const STORY = [
  "The foreign ministers of both countries met in Geneva on Monday to discuss a ceasefire along the disputed border, officials said.",
  "The talks lasted more than six hours and ended with a joint statement promising a second round of negotiations next month.",
  "Observers said the meeting was the most serious attempt in years to resolve a conflict that has displaced thousands of people.",
].map((p) => `<p>${p}</p>`).join("\n");

const page = (body: string) => `<!doctype html><html><head><title>Ministers meet in Geneva</title></head><body>${body}</body></html>`;

test("class words that only contain a box word, or a form around the page, keep the article", () => {
  const pages = {
    "story-body has-comments": page(`<div class="story-body has-comments"><h1>Ministers meet in Geneva</h1>${STORY}</div><div class="comments">Be the first to comment on this story, readers.</div>`),
    "article-content share-enabled": page(`<div class="article-content share-enabled">${STORY}</div><div class="share-bar">Share on Facebook, Share on X, Share by email</div>`),
    "post-tags-wrapper": page(`<div class="post-tags-wrapper"><div class="entry">${STORY}</div><ul class="tags"><li>Geneva</li><li>Diplomacy</li></ul></div>`),
    aspnetForm: page(`<form id="aspnetForm" method="post" action="./story.aspx"><div class="page">${STORY}<div id="related-links"><a href="/a">Another story about something else entirely</a></div></div></form>`),
    "share box holding the article": page(`<div class="share-wrapper"><article>${STORY}</article></div>`),
  };
  for (const [name, html] of Object.entries(pages)) {
    const a = extractArticle(html);
    assert.match(a.text, /foreign ministers of both countries met in Geneva/, name);
    assert.match(a.text, /displaced thousands of people/, name);
    for (const junk of ["Be the first to comment", "Share on Facebook", "Another story about", "Diplomacy"]) assert.ok(!a.text.includes(junk), `${name}: no "${junk}"`);
  }
});

test("real boxes still go: related links, sharing, comments, a newsletter form", () => {
  const a = extractArticle(
    page(`<div class="content"><h1>Ministers meet in Geneva</h1>${STORY}
      <div class="related_stories"><p>Earlier this year, a first round of talks between the two countries failed in Vienna after a day.</p></div>
      <section id="comments-section"><p>Reader comment: this is what diplomacy should look like, and it took far too long to happen.</p></section>
      <form class="signup"><p>Sign up for our daily newsletter with the news of the day, delivered to your inbox each morning.</p></form></div>`),
  );
  assert.match(a.text, /foreign ministers of both countries/);
  for (const junk of ["first round of talks", "Reader comment", "Sign up"]) assert.ok(!a.text.includes(junk), `no "${junk}"`);
});

test("Atom content of type text is text, not markup", () => {
  const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
    <entry><id>1</id><title>Tariffs</title><content type="text">Tariffs &lt;b&gt;rise&lt;/b&gt; 5% &amp; more.

Second paragraph.</content></entry>
    <entry><id>2</id><title>Talks</title><content type="html">&lt;p&gt;Talks &lt;b&gt;resume&lt;/b&gt;.&lt;/p&gt;</content></entry></feed>`);
  assert.equal(feed.title, "Wire");
  assert.equal(extractFragment(feed.items[0]!.content!), "Tariffs <b>rise</b> 5% & more.\n\nSecond paragraph.");
  assert.equal(extractFragment(feed.items[1]!.content!), "Talks resume.");
});
