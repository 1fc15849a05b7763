// Who is "he": roles from titles and appositions, surnames back to full names,
// nominal mentions ("the U.S. president", "A Blue House official", "South Korean
// civic group activists"), pronouns ("he", "his", "they") and "his country".

import type { Actor, EntityType } from "../record.js";
import type { Entity, Sentence, Token } from "../pipeline/layers.js";
import { firstEndingAfter } from "../pipeline/spans.js";
import { GROUP_HEAD_WORDS, W_HEAD_WORD, type Mention, type NameTables } from "./mentions.js";
import { actorOfPhrase, entryActor, isGenericBody, makeActor, roleAt, roleHolds, singular } from "./resolve.js";
import { isCapitalised } from "./normalize.js";
import type { BookEntry, Role } from "./book.js";

const MODIFIER_POS = new Set(["ADJ", "NOUN", "PROPN"]);
const MODIFIERS = new Set("top senior former deputy vice acting chief foreign defense defence interior finance trade prime first special national security presidential state supreme ex then outgoing incoming new veteran opposition party military army rebel ministry ruling exiled late".split(" "));
const STOP_POS = new Set(["DET", "ADP", "PUNCT", "VERB", "AUX", "PRON", "CCONJ", "SCONJ", "NUM", "PART"]);
/** Plural nouns for groups of people that make actors ("activists", "troops", "defectors"), used when the book's sectors have no entry. */
const GROUP_HEADS = GROUP_HEAD_WORDS;
/** Words of quantity before a group ("more", "several"): not part of its name. */
const QUANTITY_WORDS = new Set(["more", "fewer", "other", "several", "many", "some", "few", "most", "additional", "further", "numerous"]);
const PERSON_PRONOUNS = new Set(["he", "him", "his", "himself", "she", "her", "hers", "herself"]);
const GROUP_PRONOUNS = new Set(["they", "them", "their", "themselves"]);

/**
 * The person a lone surname means when no full name precedes it: the one in office at
 * the date; else, among people out of office (a story from another decade, or one with
 * no date), the one whose country the document names, the only person of that
 * surname when a title before it names an office they held ("President Reagan"), or
 * the only person of a distinctive surname (no common word, given name or place).
 */
export function surnamePerson(people: readonly BookEntry[], date: string, title: string | null, named: readonly Entity[], self: number, distinctive = false): BookEntry | null {
  const current = people.filter((p) => roleAt(p, date)?.status === "current");
  if (current.length === 1) return current[0]!;
  if (current.length > 1) return null;
  const countries = new Set<string>();
  for (let k = 0; k < named.length; k++) {
    const c = k === self ? null : named[k]!.actor?.country;
    if (c) countries.add(c);
  }
  const near = people.filter((p) => p.country !== null && countries.has(p.country));
  if (near.length === 1) return near[0]!;
  if (title) {
    // "President Bush": the people of that surname who held such an office, if they are of one country
    const word = title.toLowerCase().split(/\s+/).pop()!;
    const held = word.length > 2 ? people.filter((p) => p.roles.some((r) => (r.role ?? "").toLowerCase().includes(word))) : [];
    if (held.length > 0 && held.every((p) => p.country === held[0]!.country)) return held[held.length - 1]!;
  }
  // a distinctive surname of one person the book knows ("Gorbachev said"), or of one family ("Mandela")
  if (distinctive && people.every((p) => p.country !== null && p.country === people[0]!.country)) return people[0]!;
  return null;
}

const FEMININE = new Set(["she", "her", "hers", "herself"]);
const MASCULINE = new Set(["he", "him", "his", "himself"]);
const FEMININE_TITLES = new Set(["mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "queen", "princess", "lady", "dame", "empress", "duchess", "sister"]);
const MASCULINE_TITLES = new Set(["mr", "mr.", "sir", "king", "prince", "lord", "emperor", "duke", "brother", "sheikh"]);

/** A person's sex as the text or a given name tells it ("she", "Mrs.", "Hillary"), or null. */
function personSex(t: NameTables, e: Entity, named: readonly Entity[]): "F" | "M" | null {
  const lower = e.text.toLowerCase();
  if (e.mention === "pronoun") return FEMININE.has(lower) ? "F" : MASCULINE.has(lower) ? "M" : null;
  const role = e.role?.toLowerCase().split(/\s+/) ?? [];
  if (role.some((w) => FEMININE_TITLES.has(w))) return "F";
  if (role.some((w) => MASCULINE_TITLES.has(w))) return "M";
  // the full name: this mention's, its antecedent's ("Clinton" → "Hillary Clinton"), or the book's
  let full = e.mention === "name" && e.text.includes(" ") ? e.text : null;
  if (!full && e.ref !== null && e.ref >= 0 && e.ref < named.length && named[e.ref]!.text.includes(" ")) full = named[e.ref]!.text;
  if (!full && e.actor?.name?.includes(" ")) full = e.actor.name;
  if (!full) return null;
  const first = full.slice(0, full.indexOf(" ")).toLowerCase().replace(/\.$/, "");
  if (FEMININE_TITLES.has(first)) return "F";
  if (MASCULINE_TITLES.has(first)) return "M";
  // a name written family name first ("Park Geun-hye", "Wang Yi") opens with no given name
  if (SURNAME_FIRST.has(e.actor?.country ?? "") || /\s\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(full)) return null;
  return t.sexes.get(first) ?? null;
}

/** Countries whose names are written family name first in English news. */
const SURNAME_FIRST = new Set(["CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "KHM", "MNG"]);

const QUOTE_MARK = /["“”]/;

function hasQuoteMark(text: string, from: number, to: number): boolean {
  return QUOTE_MARK.test(text.slice(from, to));
}

/** How many quotations are open at `to`, counting from `from` (curly marks nest; a straight mark opens or closes). */
function quoteDepth(text: string, from: number, to: number): number {
  let curly = 0;
  let straight = false;
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x201c) curly++;
    else if (c === 0x201d) curly = Math.max(0, curly - 1);
    else if (c === 0x22) straight = !straight;
  }
  return curly + (straight ? 1 : 0);
}

/** A name key's last word without an Arabic article ("al-assad" → "assad"), or null. */
function bareSurname(last: string): string | null {
  const m = /^(?:al|el|ad|as|an|ar|at|az|ash)[-‐](.{3,})$/.exec(last);
  return m ? m[1]! : null;
}

/** Word → 1 title, 2 group, 3 both, 0 neither; memoised per loaded book (bounded). */
function wordClass(t: NameTables, key: string): number {
  const memo = t.wordClass;
  let c = memo.get(key);
  if (c !== undefined) return c;
  const sing = singular(key);
  const s = t.book.sectors.get(key) ?? t.book.sectors.get(sing);
  const title = (s && s.kind === "title") || (t.cues.personBefore.has(key) && !MODIFIERS.has(key));
  const gs = t.book.sectors.get(sing);
  const group = gs ? gs.kind === "group" || (gs.kind === "title" && key !== sing) : GROUP_HEADS.has(key);
  c = (title ? 1 : 0) | (group ? 2 : 0);
  if (memo.size > 50000) memo.clear();
  memo.set(key, c);
  return c;
}

/** actorOfPhrase, memoised per loaded book (bounded). */
export function phraseActor(t: NameTables, phrase: string, date: string): Actor | null {
  const key = date + "|" + phrase;
  const memo = t.phraseActors;
  let a = memo.get(key);
  if (a === undefined) {
    a = actorOfPhrase(t.book, phrase, date);
    if (memo.size > 20000) memo.clear();
    memo.set(key, a);
  }
  return a;
}

const isTitleWord = (t: NameTables, key: string) => (wordClass(t, key) & 1) !== 0;
const isGroupWord = (t: NameTables, key: string) => (wordClass(t, key) & 2) !== 0;

/** Index of the entity whose span covers a token, for each token (-1 for none). */
function entityAtToken(tokens: Token[], entities: Entity[]): Int32Array {
  const at = new Int32Array(tokens.length).fill(-1);
  let ti = 0;
  const order = entities.map((_, i) => i).sort((a, b) => entities[a]!.start - entities[b]!.start);
  for (const ei of order) {
    const e = entities[ei]!;
    while (ti < tokens.length && tokens[ti]!.end <= e.start) ti++;
    for (let k = ti; k < tokens.length && tokens[k]!.start < e.end; k++) if (at[k] === -1) at[k] = ei;
  }
  return at;
}

/**
 * Roles of named people: the title words before the name ("Chinese Foreign Ministry
 * spokesperson Hua Chunying") or an apposition after it ("Stephen Biegun, the top
 * U.S. envoy"); an unknown person's actor comes from the role.
 */
export function findRoles(text: string, tokens: Token[], entities: Entity[], mentions: Mention[], t: NameTables, date: string): void {
  const at = entityAtToken(tokens, entities);
  for (let ei = 0; ei < entities.length; ei++) {
    const e = entities[ei]!;
    const m = mentions[ei]!;
    if (e.type !== "PERSON") continue;
    let role: string | null = null;
    let roleStart = -1;
    let roleCountry: string | null = null;
    let roleOfBody = false;
    // left: [affiliation] [modifiers] title
    let k = m.tokenStart - 1;
    let first = -1;
    let hasTitle = false;
    while (k >= 0 && tokens[k]!.sentence === m.sentence && m.tokenStart - k <= 8) {
      const tok = tokens[k]!;
      const other = at[k]!;
      if (other >= 0 && other !== ei) {
        const o = entities[other]!;
        if (o.type === "PERSON") break;
        first = k;
        // skip the whole entity
        while (k - 1 >= 0 && at[k - 1] === other) k--;
        first = k;
        k--;
        continue;
      }
      if (isTitleWord(t, tok.lower) || (tok.lower.includes("-") && tok.lower.split("-").every((p) => isTitleWord(t, p)))) {
        hasTitle = true;
        first = k;
        k--;
        continue;
      }
      if ((MODIFIER_POS.has(tok.pos) || MODIFIERS.has(tok.lower)) && !STOP_POS.has(tok.pos) && /^\p{L}/u.test(tok.text)) {
        first = k;
        k--;
        continue;
      }
      break;
    }
    if (hasTitle && first >= 0) {
      // drop leading words that are neither title, modifier nor affiliation ("England discard")
      role = text.slice(tokens[first]!.start, tokens[m.tokenStart - 1]!.end);
      roleStart = tokens[first]!.start;
    } else {
      // an apposition before: "Maduro's foreign minister, Yván Gil, said"
      if (tokens[m.tokenStart - 1]?.text === "," && tokens[m.tokenEnd]?.text === "," && tokens[m.tokenEnd]!.sentence === m.sentence) {
        const before = titleBefore(text, tokens, m.tokenStart - 1, m.sentence, at, ei, entities, t);
        if (before) ({ role, start: roleStart } = before);
      }
      // an apposition after: "Stephen Biegun, the top U.S. envoy for the DPRK issue,"
      const c = m.tokenEnd;
      if (!role && tokens[c]?.text === "," && tokens[c]!.sentence === m.sentence) {
        let q = c + 1;
        if (q < tokens.length && /^(the|a|an)$/.test(tokens[q]!.lower)) q++;
        const from = q;
        let titleEnd = -1;
        while (q < tokens.length && tokens[q]!.sentence === m.sentence && q - from < 8) {
          const tok = tokens[q]!;
          if (at[q]! >= 0 && (entities[at[q]!]!.type !== "PERSON" || isPossessive(tokens[q + 1]))) {
            q++;
            continue;
          }
          // "Venezuela's foreign minister"
          if (q > from && isPossessive(tok) && at[q - 1]! >= 0) {
            q++;
            continue;
          }
          if (isTitleWord(t, tok.lower)) {
            titleEnd = q;
            q++;
            continue;
          }
          if ((MODIFIER_POS.has(tok.pos) || MODIFIERS.has(tok.lower)) && !STOP_POS.has(tok.pos)) {
            q++;
            continue;
          }
          break;
        }
        if (titleEnd >= from) {
          role = text.slice(tokens[from]!.start, tokens[titleEnd]!.end);
          roleStart = tokens[from]!.start;
          // "Michael Shifter, president of the Washington-based Inter-American Dialogue": the office is the body's, not the story's country's
          const of = titleEnd + 1;
          roleCountry = ofCountry(tokens, of, at, entities);
          if (!roleCountry && (tokens[of]?.lower === "of" || tokens[of]?.lower === "at")) {
            let b = of + 1;
            if (tokens[b]?.lower === "the") b++;
            roleOfBody = !!tokens[b] && tokens[b]!.sentence === m.sentence && isCapitalised(tokens[b]!.text);
          }
        }
      }
    }
    if (role) {
      e.role = role;
      if (!e.actor) e.actor = phraseActor(t, role, date);
      // "President Obama" in a sentence with no date, or after his term: the person of that name who held the title
      if (!e.actor && m.tokenEnd - m.tokenStart === 1) e.actor = titledPersonActor(t, m.key, role, date);
      if (!e.actor) {
        // a title with no country: "Defense Minister Jose Ramirez of Colombia", else the country the story is about
        const country = ofCountry(tokens, m.tokenEnd, at, entities) ?? roleCountry ?? possessorCountry(entities, ei, roleStart, roleStart + role.length) ?? (roleOfBody ? null : leadingCountry(entities, ei));
        const sector = titleSector(t, role);
        if (country && sector) e.actor = makeActor(country + (sector === "ELI" ? "" : sector));
      }
    }
  }
}

export const isPossessive = (tok: Token | undefined): boolean => tok !== undefined && (tok.lower === "'s" || tok.lower === "’s");

/** The country whose possessive `poss` is ("Nepal's"), when `owner` is that country named right before it; else null. */
export function owningCountry(poss: Token | undefined, owner: Entity | undefined): string | null {
  if (!poss || !owner || !isPossessive(poss) || owner.end > poss.start || poss.start - owner.end > 1) return null;
  return owner.actor?.country && owner.actor.code === owner.actor.country ? owner.actor.country : null;
}

/**
 * The title phrase that ends at the comma before a name ("Maduro's foreign minister, Yván
 * Gil,"; "The foreign minister, Yván Gil,"): title words last, with modifiers and a
 * possessor or country before them, from the sentence's start or a determiner. Null when the
 * phrase is anything else ("Earlier, Yván Gil,").
 */
function titleBefore(text: string, tokens: Token[], comma: number, sentence: number, at: Int32Array | number[], self: number, entities: Entity[], t: NameTables): { role: string; start: number } | null {
  let k = comma - 1;
  let end = -1;
  while (k >= 0 && tokens[k]!.sentence === sentence && isTitleWord(t, tokens[k]!.lower)) {
    if (end < 0) end = k;
    k--;
  }
  if (end < 0) return null;
  let first = k + 1;
  while (k >= 0 && tokens[k]!.sentence === sentence && comma - k <= 9) {
    const tok = tokens[k]!;
    const other = at[k]!;
    if (other >= 0 && other !== self) {
      while (k - 1 >= 0 && at[k - 1] === other) k--;
      // a person is a possessor only ("Maduro's"), never a title's modifier
      if (entities[other]!.type === "PERSON" && !isPossessive(tokens[first])) break;
      first = k;
      k--;
      continue;
    }
    if (isPossessive(tok) || isTitleWord(t, tok.lower) || ((MODIFIER_POS.has(tok.pos) || MODIFIERS.has(tok.lower)) && !STOP_POS.has(tok.pos) && /^\p{L}/u.test(tok.text))) {
      first = k;
      k--;
      continue;
    }
    break;
  }
  // the phrase opens the sentence, or follows a determiner that opens it ("His spokesman, Hussein Mohamed,")
  const before = tokens[first - 1];
  const opens = !before || before.sentence !== sentence || (/^(the|a|an|his|her|its|their)$/.test(before.lower) && (tokens[first - 2]?.sentence ?? -1) !== sentence);
  if (!opens) return null;
  // a possessive cannot open the phrase
  if (isPossessive(tokens[first])) return null;
  return { role: text.slice(tokens[first]!.start, tokens[end]!.end), start: tokens[first]!.start };
}

/**
 * The actor of a surname under a title ("President Obama"), from the people of that surname
 * who held such an office. A title in the text says the office is held then: its code, even
 * when the date is after the term (or the sentence has no date); "former President Obama" is
 * what he is at the date.
 */
function titledPersonActor(t: NameTables, key: string, role: string, date: string): Actor | null {
  const people = t.book.surnames.get(key);
  if (!people || people.length === 0) return null;
  const words = role.toLowerCase().replace(/\b(ex|then)-/g, "$1 ").split(/\s+/).filter((w) => w !== "");
  const former = words.some((w) => FORMER.has(w));
  // The office the title names: its longest tail that some person of the name held, unless the
  // word before the tail makes it another office ("Vice President" is no President, "Defence
  // Minister" no Prime Minister); the words before may say whose or when ("South Korean", "former").
  let office: string | null = null;
  for (let k = 0; k < words.length && office === null; k++) {
    if (k > 0 && OFFICE_MODIFIERS.has(words[k - 1]!)) continue;
    const tail = words.slice(k).join(" ");
    if (people.some((p) => p.roles.some((r) => namesOffice(r, tail)))) office = tail;
  }
  if (office === null) return null;
  const exact = (r: Role) => (r.role ?? "").toLowerCase() === office;
  const of = (r: Role) => namesOffice(r, office!);
  const holding = (list: readonly BookEntry[], match: (r: Role) => boolean) => list.filter((p) => p.roles.some((r) => match(r) && roleHolds(r, date)));
  const ever = (list: readonly BookEntry[], match: (r: Role) => boolean) => list.filter((p) => p.roles.some(match));
  // one in such an office at the date; else one who held it (named as the title is first)
  let match = of;
  let p: BookEntry | null = null;
  const now = holding(people, of);
  if (now.length === 1) p = now[0]!;
  else if (now.length > 1) {
    const nowExact = holding(now, exact);
    if (nowExact.length !== 1) return null;
    p = nowExact[0]!;
    match = exact;
  } else {
    const exactHolders = ever(people, exact);
    if (exactHolders.length > 0) match = exact;
    const holders = exactHolders.length > 0 ? exactHolders : ever(people, of);
    if (holders.length > 1) {
      // "President Bush" with no date: either Bush held the same office, so its code stands, without a name
      const codes = new Set(holders.flatMap((h) => h.roles.filter(match).map((r) => r.code)));
      return codes.size === 1 && !former ? makeActor([...codes][0]!) : null;
    }
    p = holders[0]!;
  }
  if (former) return entryActor(p, date);
  const roles = p.roles.filter(match);
  const current = roles.find((r) => roleHolds(r, date));
  return makeActor((current ?? roles[roles.length - 1]!).code, p.name);
}

/**
 * Does a book role name the office: as it is ("President"), of a place or body ("King of Jordan",
 * "President of the World Bank"), or as one of two offices held together ("General Secretary of
 * the Communist Party and President")?
 */
function namesOffice(r: Role, office: string): boolean {
  const x = (r.role ?? "").toLowerCase();
  return x === office || x.startsWith(office + " of ") || x.startsWith(office + " and ") || x.endsWith(" and " + office);
}

/** Words that, before an office's name, make it another office ("Vice President", "Foreign Minister"). */
const OFFICE_MODIFIERS = new Set(
  "vice deputy assistant under associate co first second third prime chief senior junior foreign defense defence interior home finance justice trade health education labor labour state general lieutenant attorney secretary minister executive principal special".split(" "),
);

const FORMER = new Set(["former", "ex", "retired", "late", "onetime", "one-time"]);

/** The country of "of <country>" right after a name ("Jose Ramirez of Colombia"). */
function ofCountry(tokens: Token[], after: number, at: Int32Array | number[], entities: Entity[]): string | null {
  let q = after;
  if (tokens[q]?.lower !== "of") return null;
  q++;
  if (tokens[q]?.lower === "the") q++;
  const o = at[q] ?? -1;
  if (o < 0) return null;
  const e = entities[o]!;
  return e.type === "GPE" && e.actor?.country && /^[A-Z]{3}$/.test(e.actor.country) ? e.actor.country : null;
}

/** The key with the most votes, its votes, and the runner-up's votes. */
export function leadOf(votes: ReadonlyMap<string, number>): { best: string | null; bestVote: number; second: number } {
  let best: string | null = null;
  let bestVote = 0;
  let second = 0;
  for (const [c, v] of votes) {
    if (v > bestVote) {
      second = bestVote;
      best = c;
      bestVote = v;
    } else if (v > second) second = v;
  }
  return { best, bestVote, second };
}

/** The country of a person or body inside a title ("Maduro's foreign minister"), or null. */
function possessorCountry(entities: Entity[], self: number, start: number, end: number): string | null {
  for (let k = 0; k < entities.length; k++) {
    const o = entities[k]!;
    if (k !== self && o.start >= start && o.end <= end && o.actor?.country) return o.actor.country;
  }
  return null;
}

/** The country most named entities of the document belong to, when one leads (countries and their people, not IGOs). */
function leadingCountry(entities: Entity[], self: number): string | null {
  const votes = new Map<string, number>();
  for (let k = 0; k < entities.length; k++) {
    const c = k === self ? null : entities[k]!.actor?.country;
    if (c && /^[A-Z]{3}$/.test(c) && !/^(IGO|NGO|IMG|MNC)$/.test(c)) votes.set(c, (votes.get(c) ?? 0) + 1);
  }
  const { best, bestVote, second } = leadOf(votes);
  // two mentions at least: one other country named once is as likely the counterpart ("met the French envoy")
  return best && bestVote >= 2 && bestVote > second ? best : null;
}

/** The sector a title gives ("Defense Minister" → GOV or MIL as the book says, "army chief" → MIL). */
function titleSector(t: NameTables, role: string): string | null {
  const words = role.toLowerCase().split(/\s+/).filter((w) => w !== "");
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const k = words.slice(words.length - n).join(" ");
    const s = t.book.sectors.get(k) ?? t.book.sectors.get(singular(k));
    if (s && s.kind === "title") {
      // a modifier before the title may carry the sector ("defense minister" is MIL in the book)
      for (let m = Math.min(4, words.length); m > n; m--) {
        const s2 = t.book.sectors.get(words.slice(words.length - m).join(" "));
        if (s2) return s2.sector;
      }
      return s.sector;
    }
  }
  return null;
}

interface Added {
  entity: Entity;
  /** Index (into the named entities array) of the antecedent, or -1; or an index into the added list with `refAdded`. */
  ref: number;
  refAdded: number;
}

const isPersonish = (e: Entity) => e.type === "PERSON";

/** True when the entity is the subject of its clause (a verb follows it, after any apposition). */
function isSubject(tokens: Token[], endTok: number, sentence: number): boolean {
  let q = endTok;
  if (tokens[q]?.text === ",") {
    let r = q + 1;
    while (r < tokens.length && tokens[r]!.sentence === sentence && tokens[r]!.text !== "," && r - q < 14) r++;
    if (tokens[r]?.text === ",") q = r + 1;
  }
  const tok = tokens[q];
  return !!tok && tok.sentence === sentence && (tok.pos === "VERB" || tok.pos === "AUX");
}

function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  const a = firstEndingAfter(tokens, start);
  let b = a;
  while (b < tokens.length && tokens[b]!.start < end) b++;
  return [a, b];
}

/**
 * Adds surname links, nominal and pronoun mentions with `ref` to their antecedent,
 * and returns every entity sorted by start with refs pointing into that order.
 */
/** How far back (in characters) "the official" looks for the person holding that title: a long article's length. */
const TITLE_WINDOW = 20_000;

export function addCoreference(text: string, tokens: Token[], sentences: Sentence[], named: Entity[], mentions: Mention[], t: NameTables, date: string, flags: Uint16Array): Entity[] {
  // 1. surnames and short forms: "Moon" → "Moon Jae-in"
  const firstFull = new Map<string, number>();
  for (let i = 0; i < named.length; i++) {
    if (named[i]!.type !== "PERSON") continue;
    const key = mentions[i]!.key;
    const sp = key.indexOf(" ");
    if (sp < 0) continue;
    const first = key.slice(0, sp);
    const last = key.slice(key.lastIndexOf(" ") + 1);
    if (!firstFull.has(first)) firstFull.set(first, i);
    if (!firstFull.has(last)) firstFull.set(last, i);
    const bare = bareSurname(last);
    if (bare && !firstFull.has(bare)) firstFull.set(bare, i);
  }
  const lastFull = new Map<string, number>();
  for (let i = 0; i < named.length; i++) {
    const e = named[i]!;
    if (e.type !== "PERSON") continue;
    const key = mentions[i]!.key;
    const sp = key.indexOf(" ");
    if (sp >= 0) {
      lastFull.set(key.slice(0, sp), i);
      const last = key.slice(key.lastIndexOf(" ") + 1);
      lastFull.set(last, i);
      const bare = bareSurname(last);
      if (bare) lastFull.set(bare, i);
      continue;
    }
    const antecedent = lastFull.get(key) ?? -1;
    const later = antecedent < 0 ? (firstFull.get(key) ?? -1) : -1;
    if (antecedent >= 0) {
      e.ref = antecedent;
      if (!mentions[i]!.entries) e.actor = named[antecedent]!.actor;
    } else if (later > i) {
      if (!mentions[i]!.entries) e.actor = named[later]!.actor;
    } else if (!e.actor) {
      const people = t.book.surnames.get(key);
      if (people) {
        // a surname that is no common word or given name ("Gorbachev", not "Major" or "Rice")
        const distinctive = !t.common.has(key) && (t.given.get(key) ?? 0) < 1000 && !t.book.byKey.has(key) && !t.cities.byKey.has(key);
        const p = surnamePerson(people, date, e.role ?? null, named, i, distinctive);
        if (p) e.actor = entryActor(p, date);
      }
    }
  }

  // findRoles' possessor rule again, now that a lone surname in the title has its actor ("Maduro's foreign minister, Yván Gil")
  for (let i = 0; i < named.length; i++) {
    const e = named[i]!;
    if (e.actor || e.type !== "PERSON" || !e.role || !/['’]s\b/.test(e.role)) continue;
    const sector = titleSector(t, e.role);
    // (the title stands just before the name, or just after it)
    const before = text.lastIndexOf(e.role, e.start);
    const start = before >= 0 && e.start - (before + e.role.length) <= 3 ? before : text.indexOf(e.role, e.end);
    const country = sector && start >= 0 ? possessorCountry(named, i, start, start + e.role.length) : null;
    if (country) e.actor = makeActor(country + (sector === "ELI" ? "" : sector));
  }

  const at = entityAtToken(tokens, named);
  const added: Added[] = [];
  const addedAt = new Int32Array(tokens.length).fill(-1);
  const push = (a: Added, ta: number, tb: number) => {
    for (let k = ta; k < tb; k++) addedAt[k] = added.length;
    added.push(a);
  };

  // 2. nominal mentions of people and groups
  // per token: 1 a modifier-like word (adjective or noun, lower case), 2 a stop word class
  const modAt = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    const pos = w.pos;
    if (pos === "ADJ" || pos === "NOUN" || pos === "PROPN") modAt[i] = 1;
    else if (MODIFIERS.has(w.lower)) modAt[i] = 3;
  }
  const titleAt = new Uint8Array(tokens.length);
  const groupAt = new Uint8Array(tokens.length);
  let anyHead = false;
  for (let i = 0; i < tokens.length; i++) {
    if (modAt[i] !== 1 || !(flags[i]! & W_HEAD_WORD)) continue;
    const c = wordClass(t, tokens[i]!.lower);
    if (c === 0) continue;
    if (c & 1) titleAt[i] = 1;
    if (c & 2) groupAt[i] = 1;
    anyHead = true;
  }
  for (let i = 0; anyHead && i < tokens.length; i++) {
    const tok = tokens[i]!;
    const det = tok.lower === "the" || tok.lower === "a" || tok.lower === "an";
    if (!det) {
      // an undetermined group starts at its first modifier or affiliation ("South Korean civic group activists")
      // (a quantity word is not part of it: "26 more United Nations peacekeepers")
      if (!(groupAt[i] || modAt[i] === 1 || at[i]! >= 0) || QUANTITY_WORDS.has(tok.lower)) continue;
      const prev = tokens[i - 1];
      if (prev && prev.sentence === tok.sentence && ((modAt[i - 1] === 1 && !QUANTITY_WORDS.has(prev.lower)) || at[i - 1]! >= 0)) continue;
    }
    // walk an NP: [det] modifiers head
    let q = det ? i + 1 : i;
    let head = -1;
    let hasAffiliation = false;
    while (q < tokens.length && tokens[q]!.sentence === tok.sentence && q - i < 8) {
      const w = tokens[q]!;
      const ent = at[q]!;
      if (ent >= 0) {
        const o = named[ent]!;
        if (o.type === "PERSON") break;
        hasAffiliation = true;
        while (q + 1 < tokens.length && at[q + 1] === ent) q++;
        q++;
        continue;
      }
      if (titleAt[q] || groupAt[q]) head = q;
      else if (!(modAt[q] !== 0 && /^\p{Ll}/u.test(w.text))) break;
      q++;
    }
    if (head < 0) continue;
    const next = tokens[head + 1];
    // a title before a name is a role, not a mention ("spokesperson Hua Chunying")
    if (next && next.sentence === tok.sentence && (at[head + 1]! >= 0 && named[at[head + 1]!]!.type === "PERSON")) {
      i = head;
      continue;
    }
    if (next && next.sentence === tok.sentence && next.pos === "NOUN" && !isCapitalised(next.text)) continue;
    const headKey = tokens[head]!.lower;
    const group = isGroupWord(t, headKey) && headKey !== singular(headKey);
    const fromNext = group && tokens[head + 1]?.lower === "from" && (at[head + 2]! >= 0 || (tokens[head + 2]?.lower === "the" && at[head + 3]! >= 0));
    if (!det && !(group && (hasAffiliation || fromNext))) continue;
    // "a historic justice": an indefinite person needs an affiliation to be an actor ("A Blue House official")
    if (det && tok.lower !== "the" && !group && !hasAffiliation) continue;
    let end = head + 1;
    let phrase = text.slice(tokens[i]!.start, tokens[head]!.end);
    // "defectors from the DPRK"
    let fromCountry: string | null = null;
    if (group && tokens[end]?.lower === "from") {
      let r = end + 1;
      if (tokens[r]?.lower === "the") r++;
      const ent = at[r] ?? -1;
      if (ent >= 0 && named[ent]!.actor?.country) {
        fromCountry = named[ent]!.actor!.country;
        while (r + 1 < tokens.length && at[r + 1] === ent) r++;
        end = r + 1;
        phrase = text.slice(tokens[i]!.start, tokens[r]!.end);
      }
    }
    if (addedAt[i]! >= 0) continue;
    let actor: Actor | null = phraseActor(t, phrase, date);
    // "Nepal's Maoist rebels": a group the phrase gives no country, after a country's possessive, is that country's
    const owner = !actor?.country && group && i >= 2 && at[i - 2]! >= 0 ? owningCountry(tokens[i - 1], named[at[i - 2]!]) : null;
    if (owner) {
      const sector = t.book.sectors.get(singular(headKey))?.sector ?? actor?.sector ?? null;
      actor = makeActor(owner + (sector ?? ""));
    }
    if (fromCountry) {
      const sec = phraseActor(t, text.slice(tokens[i]!.start, tokens[head]!.end) + " ", date);
      const sector = t.book.sectors.get(singular(headKey))?.sector ?? sec?.sector ?? null;
      actor = makeActor(fromCountry + (sector ?? ""));
    }
    if (actor?.country) {
      // "the Parliament speaker" in a story about Kyrgyzstan: the body inside took the story's country
      for (let k = i; k < end; k++) {
        const inner = at[k]!;
        if (inner < 0) continue;
        const o = named[inner]!;
        if (o.type === "ORG" && o.actor?.country && o.actor.country !== actor.country && isGenericBody(t.book, mentions[inner]!.key)) actor = makeActor(o.actor.country + (actor.sector ?? ""));
        break;
      }
    }
    const type: EntityType = group ? "NORP" : "PERSON";
    const entity: Entity = { start: tokens[i]!.start, end: tokens[end - 1]!.end, text: text.slice(tokens[i]!.start, tokens[end - 1]!.end), type, actor, role: null, ref: null, sentence: tok.sentence, geo: null, mention: "nominal" };
    let ref = -1;
    let refAdded = -1;
    // apposition of a named person: "Stephen Biegun, the top U.S. envoy"
    const before = tokens[i - 1];
    if (det && before?.text === "," && i >= 2 && at[i - 2]! >= 0 && named[at[i - 2]!]!.type === "PERSON") ref = at[i - 2]!;
    else if (det && tok.lower === "the" && !group) {
      // "the U.S. president" → the last person with that title (and country); "the official" → the last official
      const country = actor?.country ?? null;
      const hk = singular(headKey);
      for (let j = named.length - 1; j >= 0; j--) {
        const o = named[j]!;
        if (o.start >= entity.start || o.type !== "PERSON") continue;
        // named entities are in text order: beyond the window lies another story (a long document's cost stays linear)
        if (entity.start - o.start > TITLE_WINDOW) break;
        const roleText = (o.role ?? "").toLowerCase();
        const held = mentions[j]!.entries?.some((en) => (roleAt(en, date)?.role ?? "").toLowerCase().includes(hk));
        if ((roleText.includes(hk) || held) && (!country || !hasAffiliation || o.actor?.country === country)) {
          ref = j;
          break;
        }
      }
      for (let a = added.length - 1; a >= 0; a--) {
        const o = added[a]!.entity;
        if (o.mention !== "nominal" || o.type !== "PERSON" || o.end > entity.start) continue;
        if (ref >= 0 && named[ref]!.start > o.start) break;
        if (o.text.toLowerCase().endsWith(headKey)) {
          ref = -1;
          refAdded = a;
          break;
        }
      }
    }
    if (ref >= 0 && named[ref]!.actor) entity.actor = named[ref]!.actor;
    if (refAdded >= 0 && added[refAdded]!.entity.actor && (!entity.actor || !hasAffiliation)) entity.actor = added[refAdded]!.entity.actor;
    push({ entity, ref, refAdded }, i, end);
    i = end - 1;
  }

  // 3. pronouns
  let namedHi = 0;
  for (let i = 0; i < tokens.length; i++) {
    // (tested before the block below: its variables live in a context the closure `consider` shares, which V8
    // makes on entering the block, and a context per token of the document was most of this function's allocation)
    const w = tokens[i]!;
    if ((w.pos !== "PRON" && w.pos !== "DET") || (!PERSON_PRONOUNS.has(w.lower) && !GROUP_PRONOUNS.has(w.lower))) continue;
    {
      const tok = w;
      const person = PERSON_PRONOUNS.has(tok.lower);
      let bestNamed = -1;
      let bestAdded = -1;
      let bestScore = -Infinity;
      const here = sentences[tok.sentence];
      // '"Any concession to Maduro will fail," she said': a pronoun outside a quotation does not stand for a name inside it
      let from = tok.sentence;
      while (from > 0 && tok.sentence - from < 2 && sentences[from - 1]!.segment === here?.segment) from--;
      const quoteFrom = sentences[from]?.start ?? tok.start;
      const quoted = hasQuoteMark(text, quoteFrom, tok.start) && quoteDepth(text, quoteFrom, tok.start) === 0;
      const want = !person ? null : FEMININE.has(tok.lower) ? "F" : "M";
      const consider = (e: Entity, ni: number, ai: number) => {
        if (e.start >= tok.start || e.sentence < 0) return;
        // "she" is not Donald Trump, "he" not Hillary Clinton
        if (want && e.type === "PERSON") {
          const sex = personSex(t, e, named);
          if (sex && sex !== want) return;
        }
        if (quoted && e.start >= quoteFrom && quoteDepth(text, quoteFrom, e.start) > 0) return;
        const dist = tok.sentence - e.sentence;
        if (dist > 2 || dist < 0) return;
        // a caption's pronoun stays in its caption; "they" looks no further than the sentence before, in its paragraph
        const there = sentences[e.sentence];
        if (here && there && (here.kind === "caption" || there.kind === "caption") && here.segment !== there.segment) return;
        if (!person && (dist > 1 || (here && there && here.segment !== there.segment))) return;
        if (person ? !isPersonish(e) : !(e.type === "NORP" && e.mention === "nominal") && e.type !== "ORG") return;
        const [ta, tb] = tokenRange(tokens, e.start, e.end);
        // "they" needs a group that acts: the subject of its clause
        if (!person && !isSubject(tokens, tb, e.sentence)) return;
        const inCompound = tb - ta === 1 && (e.end - e.start) < tokens[ta]!.end - tokens[ta]!.start;
        let score = -dist * 3 + (isSubject(tokens, tb, e.sentence) ? 2 : 0) - (inCompound ? 6 : 0);
        const prev = tokens[ta - 1];
        if (prev && prev.sentence === e.sentence && prev.pos === "ADP") score -= 1.5;
        if (e.mention === "pronoun") score -= 0.5;
        score += (e.start / (tok.start + 1)) * 0.9;
        if (score > bestScore) {
          bestScore = score;
          bestNamed = ni;
          bestAdded = ai;
        }
      };
      // candidates: entities of this sentence and the two before it, nearest first
      while (namedHi < named.length && named[namedHi]!.start < tok.start) namedHi++;
      for (let j = namedHi - 1; j >= 0 && tok.sentence - named[j]!.sentence <= 2; j--) consider(named[j]!, j, -1);
      for (let a = added.length - 1; a >= 0; a--) {
        const e = added[a]!.entity;
        if (e.start >= tok.start) continue;
        if (tok.sentence - e.sentence > 2) break;
        consider(e, -1, a);
      }
      if (bestNamed < 0 && bestAdded < 0) continue;
      const ante = bestNamed >= 0 ? named[bestNamed]! : added[bestAdded]!.entity;
      // "his country" is the country of the person
      const next = tokens[i + 1];
      if ((tok.lower === "his" || tok.lower === "her" || tok.lower === "their") && next && next.lower === "country" && ante.actor?.country) {
        const entity: Entity = { start: tok.start, end: next.end, text: text.slice(tok.start, next.end), type: "GPE", actor: makeActor(ante.actor.country), role: null, ref: null, sentence: tok.sentence, geo: null, mention: "nominal" };
        push({ entity, ref: bestNamed, refAdded: bestAdded }, i, i + 2);
        i++;
        continue;
      }
      const entity: Entity = { start: tok.start, end: tok.end, text: tok.text, type: ante.type === "PERSON" ? "PERSON" : ante.type, actor: ante.actor, role: null, ref: null, sentence: tok.sentence, geo: null, mention: "pronoun" };
      push({ entity, ref: bestNamed, refAdded: bestAdded }, i, i + 1);
    }
  }

  // 4. one array sorted by start; refs re-pointed
  const all: { e: Entity; kind: "named" | "added"; idx: number }[] = [
    ...named.map((e, idx) => ({ e, kind: "named" as const, idx })),
    ...added.map((a, idx) => ({ e: a.entity, kind: "added" as const, idx })),
  ];
  all.sort((a, b) => a.e.start - b.e.start || b.e.end - a.e.end);
  const namedPos = new Int32Array(named.length);
  const addedPos = new Int32Array(added.length);
  all.forEach((x, pos) => {
    if (x.kind === "named") namedPos[x.idx] = pos;
    else addedPos[x.idx] = pos;
  });
  const out = new Array<Entity>(all.length);
  for (let pos = 0; pos < all.length; pos++) {
    const x = all[pos]!;
    const e = x.e;
    if (x.kind === "named") {
      if (e.ref !== null) e.ref = namedPos[e.ref]!;
    } else {
      const a = added[x.idx]!;
      e.ref = a.ref >= 0 ? namedPos[a.ref]! : a.refAdded >= 0 ? addedPos[a.refAdded]! : null;
    }
    out[pos] = e;
  }
  return out;
}
