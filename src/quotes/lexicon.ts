// The quotes stage's books: attribution cues with their frames (data/quotes/cues.tsv)
// and the word lists that help name speakers (data/quotes/names.tsv).

import { readTsv, type DataSource } from "../pipeline/resources.js";

/** The grammar a cue takes (data/quotes/cues.tsv explains each). */
export type Frame = "say" | "tell" | "think" | "ask" | "object" | "prep" | "noun" | "adj" | "message" | "evid" | "intro" | "inf" | "clause" | "target" | "none";

const FRAMES = new Set<string>(["say", "tell", "think", "ask", "object", "prep", "noun", "adj", "message", "evid", "intro", "inf", "clause", "target", "none"]);

/** A cue: its first word's lemma, the words that must follow it, and its frame. */
export interface Cue {
  lemma: string;
  /** Lower-cased words after the first ("out" in "point out"); empty for one-word cues. */
  rest: string[];
  frame: Frame;
}

export interface QuoteLexicon {
  /** Verb and preposition cues by the lemma of their first word, longest phrase first. */
  cues: Map<string, Cue[]>;
  /** Noun cues ("claim", "warning") by lemma: they report a that-clause of their possessor's. */
  nouns: Map<string, Cue>;
  /** Noun cues that report a that-clause with no possessor ("concerns that S", "the claim that S"). */
  thatNouns: Set<string>;
  /** Nouns for messages ("letter", "tweets", "statement"): the verb they are the object of is a cue ("sent a letter"). */
  messages: Set<string>;
  /** Nouns for things struck ("base", "checkpoint", "convoy"): an object cue with one as its object tells a deed ("attacked a base"), not words. */
  targets: Set<string>;
  /** Adjective cues by their form ("convinced", "critical"): a stance their subject holds ("X is convinced that S"). */
  adjectives: Map<string, Cue>;
  /** Person titles and roles that precede a name ("President", "Sen.", "spokesperson"). */
  titles: Set<string>;
  /** Words that show a capitalised run is not a person ("House", "Ministry", "Post"). */
  notPerson: Set<string>;
}

export function parseQuoteLexicon(cueRows: Record<string, string>[], nameRows: Record<string, string>[]): QuoteLexicon {
  const byKey = new Map<string, Cue | null>();
  for (const row of cueRows) {
    const words = (row["cue"] ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    const frame = row["frame"] ?? "";
    if (words.length === 0) continue;
    // a noun cue and a verb cue may share a word ("claim"): they are different entries
    const key = words.join(" ") + (frame === "noun" ? "#noun" : frame === "adj" ? "#adj" : frame === "message" ? "#message" : frame === "target" ? "#target" : "");
    if (frame === "-") {
      byKey.set(key, null);
      byKey.set(key + "#noun", null);
      byKey.set(key + "#adj", null);
      byKey.set(key + "#message", null);
    } else if (frame === "-noun") byKey.set(key + "#noun", null);
    else if (frame === "-adj") byKey.set(key + "#adj", null);
    else if (frame === "noun+that") byKey.set(words.join(" ") + "#noun", { lemma: words[0]!, rest: ["that"], frame: "noun" });
    else if (FRAMES.has(frame)) byKey.set(key, { lemma: words[0]!, rest: words.slice(1), frame: frame as Frame });
  }
  const cues = new Map<string, Cue[]>();
  const nouns = new Map<string, Cue>();
  const adjectives = new Map<string, Cue>();
  const thatNouns = new Set<string>();
  const messages = new Set<string>();
  const targets = new Set<string>();
  for (const cue of byKey.values()) {
    if (!cue) continue;
    if (cue.frame === "target") {
      targets.add(cue.lemma);
      continue;
    }
    if (cue.frame === "message") {
      messages.add(cue.lemma);
      continue;
    }
    if (cue.frame === "noun") {
      if (cue.rest.length > 0) {
        thatNouns.add(cue.lemma);
        nouns.set(cue.lemma, { lemma: cue.lemma, rest: [], frame: "noun" });
      } else nouns.set(cue.lemma, cue);
      continue;
    }
    if (cue.frame === "adj") {
      adjectives.set(cue.lemma, cue);
      continue;
    }
    const list = cues.get(cue.lemma) ?? [];
    list.push(cue);
    cues.set(cue.lemma, list);
  }
  for (const list of cues.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  const titles = new Set<string>();
  const notPerson = new Set<string>();
  for (const row of nameRows) {
    const word = (row["word"] ?? "").toLowerCase();
    if (!word) continue;
    if (row["kind"] === "title") titles.add(word);
    else if (row["kind"] === "not-person") notPerson.add(word);
  }
  return { cues, nouns, thatNouns, messages, targets, adjectives, titles, notPerson };
}

export function loadQuoteLexicon(data: DataSource): QuoteLexicon {
  return parseQuoteLexicon(readTsv(data, "quotes/cues.tsv"), readTsv(data, "quotes/names.tsv"));
}
