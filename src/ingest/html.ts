// An article from a saved or fetched web page: its text (paragraph by paragraph,
// without navigation, related-link boxes and other page furniture), title, site
// name and publication date, through @mozilla/readability over linkedom's DOM.

import type * as ReadabilityModule from "@mozilla/readability";
import type * as Linkedom from "linkedom";
import { lazy } from "../node/lazy.js";

const linkedom = lazy<typeof Linkedom>("linkedom");
const readability = lazy<typeof ReadabilityModule>("@mozilla/readability");

export interface ExtractedArticle {
  text: string;
  title: string | null;
  siteName: string | null;
  /** Publication date (YYYY-MM-DD) from the page's metadata, null when none. */
  date: string | null;
}

/**
 * Page furniture removed before Readability looks for the article. Not <form>: some
 * sites (ASP.NET's aspnetForm) wrap the whole page in one; forms are boxes below.
 */
const FURNITURE = [
  "script", "style", "noscript", "template", "iframe", "button", "select", "svg",
  "nav", "aside", "footer", "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=complementary]", "[aria-hidden=true]",
].join(",");

/**
 * Class or id words of boxes that are not the article: related links, sharing,
 * newsletters, ads. A class or id token must start with the word ("share-bar",
 * "related_links"), so that "has-comments" or "post-tags-wrapper" are not boxes.
 */
const BOX = /^(related|recommended|more-?stories|read-?more|also-?read|most-?read|popular|trending|share|sharing|social|newsletter|promo|advert|ads?|sponsor|breadcrumbs?|comments?|cookie|subscribe|paywall|tags)([_-]|$)/i;

const isBox = (el: { getAttribute(n: string): string | null }) =>
  `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.split(/\s+/).some((token) => BOX.test(token));

const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
  "blockquote", "figure", "figcaption", "pre", "table", "thead", "tbody", "tr", "td", "th", "caption", "dl", "dd", "dt", "hr", "address",
]);
const SKIP = new Set(["script", "style", "noscript", "template", "button", "svg", "img", "picture", "video", "audio", "source", "iframe", "object"]);

type El = {
  tagName?: string;
  nodeType: number;
  childNodes: ArrayLike<El>;
  textContent: string | null;
  getAttribute?(name: string): string | null;
  remove?(): void;
  parentNode?: El | null;
  querySelector?(s: string): El | null;
  querySelectorAll?(s: string): ArrayLike<El>;
};

function collect(node: El, out: string[], cur: string[]): void {
  const flush = () => {
    const s = cur.join("").replace(/\s+/g, " ").trim();
    cur.length = 0;
    if (s) out.push(s);
  };
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const child = kids[i]!;
    if (child.nodeType === 3) {
      cur.push(child.textContent ?? "");
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = (child.tagName ?? "").toLowerCase();
    if (SKIP.has(tag)) continue;
    if (tag === "br") {
      cur.push(" ");
      continue;
    }
    if (BLOCK.has(tag)) {
      flush();
      collect(child, out, cur);
      flush();
    } else collect(child, out, cur);
  }
}

/** Paragraphs of an element's text, one per block. */
export function paragraphsOf(node: unknown): string[] {
  const out: string[] = [];
  const cur: string[] = [];
  collect(node as El, out, cur);
  const s = cur.join("").replace(/\s+/g, " ").trim();
  if (s) out.push(s);
  return out;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

function validDay(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1800 || y > 2200) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A calendar date from a metadata value: ISO 8601 keeps the publisher's own date
 * ("2020-07-01T23:30:00+09:00" is 1 July), RFC 822 likewise ("Wed, 01 Jul 2020 …").
 */
export function metadataDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(v);
  if (m) return validDay(+m[1]!, +m[2]!, +m[3]!);
  m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(v);
  if (m && MONTHS[m[2]!.toLowerCase()]) return validDay(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  m = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(v);
  if (m && MONTHS[m[1]!.toLowerCase()]) return validDay(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
  return null;
}

type Doc = { querySelector(s: string): (El & { getAttribute(n: string): string | null }) | null; querySelectorAll(s: string): ArrayLike<El & { getAttribute(n: string): string | null }> };

function meta(doc: Doc, names: string[]): string | null {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"]`) ?? doc.querySelector(`meta[name="${n}"]`) ?? doc.querySelector(`meta[itemprop="${n}"]`);
    const c = el?.getAttribute("content")?.trim();
    if (c) return c;
  }
  return null;
}

function jsonLdDate(doc: Doc): string | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(scripts[i]!.textContent ?? "");
    if (m) return m[1]!;
  }
  return null;
}

/** The article of an HTML page; throws when the page has no article text. */
export function extractArticle(html: string, options: { minChars?: number } = {}): ExtractedArticle {
  if (!html.trim()) throw new Error("no article text found in the page");
  let { document } = linkedom().parseHTML(html);
  // A page without <html> (a bare fragment) leaves linkedom without a root: wrap it.
  if (!(document as unknown as { documentElement: unknown }).documentElement) ({ document } = linkedom().parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`));
  const doc = document as unknown as Doc;
  const siteName = meta(doc, ["og:site_name", "application-name", "publisher", "twitter:site"])?.replace(/^@/, "") ?? null;
  const ogTitle = meta(doc, ["og:title", "twitter:title", "headline"]);
  const date = metadataDate(
    meta(doc, ["article:published_time", "og:article:published_time", "datePublished", "date", "pubdate", "publishdate", "publish-date", "dc.date", "DC.date.issued", "parsely-pub-date", "sailthru.date"]) ??
      jsonLdDate(doc) ??
      doc.querySelector("article time[datetime]")?.getAttribute("datetime") ??
      doc.querySelector("time[datetime]")?.getAttribute("datetime"),
  );
  const remove = (el: El) => (el.remove ? el.remove() : undefined);
  const furniture = doc.querySelectorAll(FURNITURE);
  for (let i = furniture.length - 1; i >= 0; i--) remove(furniture[i]!);
  // A page header outside the article (masthead, menus); the article's own header stays.
  const headers = doc.querySelectorAll("body > header, [role=banner]");
  for (let i = headers.length - 1; i >= 0; i--) remove(headers[i]!);
  // Boxes and forms go, but never one that holds the article: an <article> or <main>, or most
  // of the page's paragraph text (a site's class words say little: "article-content share-enabled").
  const paragraphText = (el: El) => {
    const ps = el.querySelectorAll?.("p") ?? [];
    let n = 0;
    for (let i = 0; i < ps.length; i++) n += (ps[i]!.textContent ?? "").trim().length;
    return n;
  };
  const body = doc.querySelector("body");
  const pageText = body ? paragraphText(body) : 0;
  const holdsArticle = (el: El) => el.querySelector?.("article, main, [role=main]") != null || (pageText > 0 && paragraphText(el) * 2 > pageText);
  const boxes = doc.querySelectorAll("[class], [id], form");
  for (let i = boxes.length - 1; i >= 0; i--) {
    const el = boxes[i]!;
    const tag = (el.tagName ?? "").toLowerCase();
    if (tag === "body" || tag === "html" || tag === "article" || tag === "main") continue;
    if ((tag === "form" || isBox(el)) && !holdsArticle(el)) remove(el);
  }
  if (!(document as unknown as { body?: unknown }).body) throw new Error("no article text found in the page");
  let article: ReturnType<ReadabilityModule.Readability<El>["parse"]>;
  try {
    article = new (readability().Readability)<El>(document as unknown as Document, { serializer: (n: Node) => n as unknown as El, charThreshold: 200 }).parse();
  } catch {
    throw new Error("no article text found in the page");
  }
  const paragraphs = article?.content ? paragraphsOf(article.content) : [];
  const text = paragraphs.join("\n\n");
  if (text.length < (options.minChars ?? 80)) throw new Error("no article text found in the page");
  const title = (article?.title || ogTitle || null)?.replace(/\s+/g, " ").trim() || null;
  return { text, title, siteName: siteName || article?.siteName || null, date: date ?? metadataDate(article?.publishedTime) };
}

/** The text of an HTML fragment (a feed item's content), paragraph by paragraph, without Readability's scoring. */
export function extractFragment(html: string): string {
  const { document } = linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const text = paragraphsOf((document as unknown as { body: unknown }).body).join("\n\n");
  if (!text.trim()) throw new Error("the feed item's content has no text");
  return text;
}

/** The charset a page declares in its first bytes (<meta charset>, http-equiv), lower-cased. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}
