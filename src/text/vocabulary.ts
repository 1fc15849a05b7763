// The word forms an analyser has read. Stages memoise here what they compute from a
// token's lower-case form alone (its time-trigger kinds, its name flags, its entry in
// the event book): one lookup per token in the text stage, not one per stage in tables
// of their own. Those lookups were each one of the costliest lines of the pipeline
// (a cold hash table probed once per token per stage).

import type { Resources } from "../pipeline/resources.js";

/** A lower-case word form; its memo fields belong to the stages, each computed once per analyser. */
export class WordForm {
  /** time: the trigger kinds of the form (-1: not computed yet). */
  timeKinds = -1;
  /** actors: the form's name key (null: none of the actors' memos computed yet), its first word's key and its name-word flags (W_*). */
  nameKey: string | null = null;
  nameFirst: string | null = null;
  nameFlags = 0;
  /** events: 1 when the event book knows the form itself, 0 when not (-1: not asked yet). */
  inEventBook = -1;
  /** events: the form's first de-inflection the event book knows, "" for none (null: not computed yet). */
  eventLemma: string | null = null;
  constructor(readonly lower: string) {}
}

/** Forms held by lower-case text beyond which the table starts again (a long ingest's memory stays bounded). */
const MAX_FORMS = 200_000;

const PAGE_BITS = 10;
const PAGE_MASK = (1 << PAGE_BITS) - 1;

export class Vocabulary {
  /**
   * Forms by wink's lexeme id (the token's surface), the cheaper lookup: pages of ids, each
   * made on first use (wink's ids run past a hundred thousand, and a page is dense).
   */
  private readonly byLexeme: ((WordForm | null)[] | undefined)[] = [];
  private byLower = new Map<string, WordForm>();
  /**
   * wink's lemma of a lexeme under a POS tag (its lemmatiser's answer depends on both alone),
   * keyed by id × 64 + the tag's number: asking wink for every token's lemma cost as much as
   * its POS tags, values and ids together.
   */
  private lemmas = new Map<number, string>();
  private readonly posNumbers = new Map<string, number>();

  /** The memo key of a lexeme under a POS tag. */
  lemmaKey(id: number, pos: string): number {
    let n = this.posNumbers.get(pos);
    if (n === undefined) {
      n = this.posNumbers.size & 63;
      this.posNumbers.set(pos, n);
    }
    return id * 64 + n;
  }

  lemma(key: number): string | undefined {
    return this.lemmas.get(key);
  }

  setLemma(key: number, lemma: string): void {
    if (this.lemmas.size >= MAX_FORMS) this.lemmas = new Map();
    this.lemmas.set(key, lemma);
  }

  /** The form of a lower-case text. */
  form(lower: string): WordForm {
    let f = this.byLower.get(lower);
    if (f === undefined) {
      if (this.byLower.size >= MAX_FORMS) this.byLower = new Map();
      f = new WordForm(lower);
      this.byLower.set(lower, f);
    }
    return f;
  }

  /** The form of a token wink read as lexeme `id`: its surface, one to one (so a known id needs no lower-casing). */
  formOfLexeme(id: number, surface: string): WordForm {
    const page = this.byLexeme[id >>> PAGE_BITS];
    const f = page?.[id & PAGE_MASK];
    if (f) return f;
    const made = this.form(surface.toLowerCase());
    // wink's lexicon grows with the words it has not seen; this index grows with it, up to a bound
    if (id >= 0 && id < 4 * MAX_FORMS) {
      const p = id >>> PAGE_BITS;
      while (this.byLexeme.length <= p) this.byLexeme.push(undefined);
      (this.byLexeme[p] ??= new Array<WordForm | null>(PAGE_MASK + 1).fill(null))[id & PAGE_MASK] = made;
    }
    return made;
  }
}

export function vocabularyOf(resources: Resources): Vocabulary {
  return resources.use("text/vocabulary", () => new Vocabulary());
}
