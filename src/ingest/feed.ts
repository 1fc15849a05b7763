// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: their items' links, titles, dates and
// any full content, read with linkedom's XML parser.

import type * as Linkedom from "linkedom";
import { lazy } from "../node/lazy.js";
import { metadataDate } from "./html.js";

const linkedom = lazy<typeof Linkedom>("linkedom");

export interface FeedItem {
  link: string | null;
  title: string | null;
  date: string | null;
  /** Full content (content:encoded, Atom content) when the feed carries it, as HTML. */
  content: string | null;
  guid: string | null;
}

export interface Feed {
  kind: "rss" | "atom" | "rdf";
  title: string | null;
  items: FeedItem[];
}

type Node = { nodeType: number; tagName?: string; localName?: string; childNodes: ArrayLike<Node>; textContent: string | null; getAttribute?(n: string): string | null };

const local = (n: Node) => (n.tagName ?? "").toLowerCase();
const elements = (n: Node) => Array.from(n.childNodes).filter((c) => c.nodeType === 1);
const child = (n: Node, ...names: string[]) => elements(n).find((c) => names.includes(local(c))) ?? null;
const text = (n: Node | null) => {
  const t = n?.textContent?.replace(/\s+/g, " ").trim();
  return t ? t : null;
};
/** A child's raw content (CDATA or escaped HTML comes back as text). */
const raw = (n: Node | null) => {
  const t = n?.textContent?.trim();
  return t ? t : null;
};

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Plain text as HTML paragraphs (blank lines between paragraphs), escaped. */
function textAsHtml(text: string | null): string | null {
  if (!text) return null;
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join("");
}

/** Whether the bytes look like a feed (checked on the first few kilobytes). */
export function looksLikeFeed(head: string): boolean {
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head.slice(0, 4096));
}

/**
 * The first well-formedness fault of an XML text (an unclosed or mismatched tag),
 * or null. linkedom's parser forgives anything; a truncated feed must not pass.
 */
export function xmlFault(xml: string): string | null {
  const stack: string[] = [];
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let last = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    last = re.lastIndex;
    if (!m[2]) continue;
    const name = m[2];
    if (m[1]) {
      const open = stack.pop();
      if (open !== name) return open ? `</${name}> closes <${open}>` : `</${name}> closes nothing`;
    } else if (!m[4]) stack.push(name);
  }
  if (/<[A-Za-z/!?]/.test(xml.slice(last))) return "a broken tag";
  return stack.length ? `<${stack[stack.length - 1]}> is never closed` : null;
}

export function parseFeed(xml: string): Feed {
  if (!looksLikeFeed(xml)) throw new Error("not an RSS or Atom feed");
  const fault = xmlFault(xml);
  if (fault) throw new Error(`the feed is not well-formed XML (${fault})`);
  let doc: { documentElement: Node | null };
  try {
    doc = new (linkedom().DOMParser)().parseFromString(xml, "text/xml") as unknown as { documentElement: Node | null };
  } catch {
    throw new Error("the feed does not parse as XML");
  }
  const root = doc.documentElement;
  const name = root ? local(root) : "";
  if (name === "rss") {
    const channel = child(root!, "channel");
    if (!channel) throw new Error("an RSS feed without a channel");
    return {
      kind: "rss",
      title: text(child(channel, "title")),
      items: elements(channel)
        .filter((c) => local(c) === "item")
        .map((it) => ({
          link: text(child(it, "link")) ?? (child(it, "guid")?.getAttribute?.("isPermaLink") !== "false" ? text(child(it, "guid")) : null),
          title: text(child(it, "title")),
          date: metadataDate(text(child(it, "pubdate", "dc:date", "published"))),
          content: raw(child(it, "content:encoded")),
          guid: text(child(it, "guid")),
        })),
    };
  }
  if (name === "feed") {
    return {
      kind: "atom",
      title: text(child(root!, "title")),
      items: elements(root!)
        .filter((c) => local(c) === "entry")
        .map((en) => {
          const links = elements(en).filter((c) => local(c) === "link");
          const alt = links.find((l) => (l.getAttribute?.("rel") ?? "alternate") === "alternate") ?? links[0];
          const content = child(en, "content");
          return {
            link: alt?.getAttribute?.("href") ?? null,
            title: text(child(en, "title")),
            date: metadataDate(text(child(en, "published", "updated"))),
            // Atom content is HTML unless it says it is plain text, which must not be read as markup.
            content: content && content.getAttribute?.("type") === "text" ? textAsHtml(raw(content)) : raw(content),
            guid: text(child(en, "id")),
          };
        }),
    };
  }
  if (name === "rdf:rdf") {
    const channel = child(root!, "channel");
    return {
      kind: "rdf",
      title: channel ? text(child(channel, "title")) : null,
      items: elements(root!)
        .filter((c) => local(c) === "item")
        .map((it) => ({
          link: text(child(it, "link")),
          title: text(child(it, "title")),
          date: metadataDate(text(child(it, "dc:date"))),
          content: raw(child(it, "content:encoded")),
          guid: it.getAttribute?.("rdf:about") ?? null,
        })),
    };
  }
  throw new Error("not an RSS or Atom feed");
}
