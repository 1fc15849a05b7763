// Quotes: who said what. Direct quotes come from quotation marks (marks.ts),
// indirect speech from attribution frames, a cue with its speaker and content
// (frames.ts), and speaker.ts names the speaker (entities first, tokens as the
// fallback). A direct quote takes, in this order, the speaker of: a frame right
// after it ("…," he said; "…" ― Esther Tapia), a frame that opens it (he said:
// "…"), a sentence presenting it after a colon, a frame whose report holds it
// (partial and scare quotes), the quote before it in the paragraph ("…," he
// said. "…"), the paragraph before (a paragraph that is only a quote), or any
// frame of its sentence; else it has none.

import type { Doc } from "../pipeline/doc.js";
import type { Entity, Quote, Segment, Sentence, Timex, Token } from "../pipeline/layers.js";
import { firstStartingFrom } from "../pipeline/spans.js";
import type { Stage } from "../pipeline/pipeline.js";
import type { Resources } from "../pipeline/resources.js";
import type { Span, TextSpan } from "../record.js";
import { colonIntroFrame, dashFrame, sentenceFrames, type AttributionFrame, type FrameContext } from "./frames.js";
import { loadQuoteLexicon, type QuoteLexicon } from "./lexicon.js";
import { findMarkedQuotes, type MarkedQuote } from "./marks.js";
import { SpeakerResolver } from "./speaker.js";

export { findMarkedQuotes, type MarkedQuote } from "./marks.js";
export { loadQuoteLexicon, parseQuoteLexicon, type QuoteLexicon } from "./lexicon.js";

export interface QuoteInput {
  text: string;
  segments: readonly Segment[];
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  entities: readonly Entity[];
  timexes: readonly Timex[];
}

/** Share of an indirect content that direct quotes may cover before it is only their frame. */
const COVERED = 0.85;
const ATTACH = /^[\s,;:\u2014\u2013-]*$/;

export function findQuotes(input: QuoteInput, lex: QuoteLexicon): Quote[] {
  const { text, tokens, sentences } = input;
  // paragraphs: the analysable segments in order (a repeated caption is not analysed again)
  const paraOfSegment = new Int32Array(input.segments.length).fill(-1);
  const paragraphs: Span[] = [];
  input.segments.forEach((seg, k) => {
    if (seg.repeat || seg.end <= seg.start) return;
    paraOfSegment[k] = paragraphs.length;
    paragraphs.push(seg);
  });
  const marked = findMarkedQuotes(text, paragraphs);

  const inQuote = new Int32Array(tokens.length).fill(-1);
  marked.forEach((q, qi) => {
    for (let i = tokenAt(tokens, q.open); i >= 0 && i < tokens.length && tokens[i]!.start < q.close; i++) inQuote[i] = qi;
  });
  const isTime = new Uint8Array(tokens.length);
  for (const x of input.timexes) {
    if (x.type === "DURATION") continue;
    for (let i = tokenAt(tokens, x.start); i >= 0 && i < tokens.length && tokens[i]!.start < x.end; i++) isTime[i] = 1;
  }

  const ctx: FrameContext = { text, tokens, lex, inQuote, isTime };
  const frames: AttributionFrame[] = [];
  const framePara: number[] = [];
  let lastSegment = -1;
  sentences.forEach((s, si) => {
    const firstOfSegment = s.segment !== lastSegment;
    lastSegment = s.segment;
    const headline = firstOfSegment && (s.kind === "title" || paraOfSegment[s.segment] === 0);
    for (const f of sentenceFrames(ctx, s, si, firstOfSegment, headline)) {
      frames.push(f);
      framePara.push(paraOfSegment[s.segment] ?? -1);
    }
  });

  const resolver = new SpeakerResolver(text, tokens, input.entities, lex, inQuote);
  type ResolvedSpeaker = NonNullable<Quote["speaker"]> & { entity: number | null };
  const speakerCache = new Map<AttributionFrame, ResolvedSpeaker | null>();
  const speakerOf = (f: AttributionFrame): ResolvedSpeaker | null => {
    const cached = speakerCache.get(f);
    if (cached !== undefined) return cached;
    let sp: ResolvedSpeaker | null = null;
    if (f.speaker) {
      const [a, b] = f.mention ?? f.speaker;
      const r = resolver.resolve(f.speaker, f.antecedent, f.mention);
      const start = tokens[a]!.start;
      const end = tokens[b - 1]!.end;
      sp = { start, end, text: text.slice(start, end), name: r.name, actor: r.actor, entity: r.entity };
    }
    speakerCache.set(f, sp);
    return sp;
  };
  const cueOf = (f: AttributionFrame): TextSpan => {
    const start = tokens[f.cue[0]]!.start;
    const end = tokens[f.cue[1] - 1]!.end;
    return { start, end, text: text.slice(start, end) };
  };

  // speakers in document order, so that "he" and "she" can take the last person who spoke
  for (const f of [...frames].sort((x, y) => x.cue[0] - y.cue[0])) {
    const sp = speakerOf(f);
    if (sp?.name && f.speaker && !(f.speaker[1] - f.speaker[0] === 1 && tokens[f.speaker[0]]!.pos === "PRON")) resolver.noteSpeaker(tokens[f.cue[0]]!.start, sp.name);
  }

  // ---- direct quotes: which frame speaks each
  const byPara = new Map<number, AttributionFrame[]>();
  frames.forEach((f, k) => {
    const p = framePara[k]!;
    const list = byPara.get(p);
    if (list) list.push(f);
    else byPara.set(p, [f]);
  });
  const NONE: AttributionFrame[] = [];
  const quoteFrame = new Array<AttributionFrame | null>(marked.length).fill(null);
  /** Last attribution of each paragraph (frame and its position), for a paragraph that is only a quote. */
  const lastInPara = new Map<number, { pos: number; frame: AttributionFrame }>();
  const note = (p: number, pos: number, frame: AttributionFrame) => {
    const cur = lastInPara.get(p);
    if (!cur || cur.pos <= pos) lastInPara.set(p, { pos, frame });
  };
  frames.forEach((f, k) => note(framePara[k]!, tokens[f.cue[0]]!.start, f));
  /** Are there at least n words in text[a, b)? (Counts starts of letter or digit runs.) */
  const hasWords = (a: number, b: number, n: number): boolean => {
    let words = 0;
    let inWord = false;
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      // digits, ASCII letters, and letters beyond ASCII (not the general punctuation and symbol blocks)
      const w = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7) || c >= 0x3040;
      if (w && !inWord && ++words >= n) return true;
      inWord = w;
    }
    return false;
  };

  marked.forEach((q, qi) => {
    const paraFrames = byPara.get(q.lastParagraph) ?? NONE;
    const openFrames = q.paragraph === q.lastParagraph ? paraFrames : (byPara.get(q.paragraph) ?? NONE);
    let f: AttributionFrame | null = null;
    // 1. a frame right after the closing mark: "…," he said · "…," said Hua · "…" ― Esther Tapia
    if (q.closed) {
      const after = tokenAt(tokens, q.close);
      if (after >= 0 && inQuote[after]! < 0 && ATTACH.test(text.slice(q.close, tokens[after]!.start))) {
        const s = tokens[after]!.sentence;
        const byline = dashFrame(ctx, after, s, sentences[s]!.tokenEnd);
        if (byline) f = byline;
      }
    }
    if (!f) {
      f =
        paraFrames.find((fr) => {
          if (fr.order !== "post" && fr.order !== "inv") return false;
          const at = tokens[fr.firstTok]!.start;
          return at >= q.close && at - q.close < 8 && ATTACH.test(text.slice(q.close, at));
        }) ?? null;
    }
    // 2. a frame that opens with it: He said: "…" · said Hua, "…"
    if (!f) f = openFrames.find((fr) => fr.order !== "post" && fr.contentTok < tokens.length && inQuote[fr.contentTok] === qi) ?? null;
    // 2b. a sentence that presents it after a colon: Sanders made the following comment: "…"
    if (!f) {
      const before = tokenAt(tokens, q.open) - 1;
      if (before >= 0 && tokens[before]!.text === ":" && /^[^\S\n]*$/.test(text.slice(tokens[before]!.end, q.open))) {
        const s = tokens[before]!.sentence;
        f = colonIntroFrame(ctx, before, sentences[s]!, s);
      }
    }
    // 3. a frame whose reported content holds it (partial and scare quotes)
    if (!f) {
      let best: AttributionFrame | null = null;
      for (const fr of openFrames) {
        if (!fr.content || fr.order === "post" || fr.order === "inv") continue;
        if (fr.content.start <= q.open && fr.content.end >= q.end && (!best || fr.content.end - fr.content.start < best.content!.end - best.content!.start)) best = fr;
      }
      f = best;
    }
    // 4. the quote before it in the paragraph, with no other speaker between: "…," he said. "…"
    if (!f && qi > 0) {
      const p = marked[qi - 1]!;
      const pf = quoteFrame[qi - 1];
      if (pf && p.lastParagraph === q.paragraph && hasWords(q.start, q.end, 3)) {
        const between = openFrames.some((fr) => fr !== pf && tokens[fr.firstTok]!.start >= p.close && tokens[fr.firstTok]!.start < q.open);
        // it goes on the speaker's words: in the frame's sentence, or opening the next one ("…," he said. "…")
        const first = tokenAt(tokens, q.open);
        const s = first >= 0 ? tokens[first]!.sentence : -1;
        const opensSentence = s >= 0 && (sentences[s]!.start >= q.open || inQuote[sentences[s]!.tokenStart] === qi);
        if (!between && (opensSentence || s === pf.sentence)) f = pf;
      }
    }
    // 5. a paragraph that opens with the quote and names no speaker: the last speaker of the paragraph before
    if (!f) {
      const para = paragraphs[q.paragraph]!;
      let first = para.start;
      while (first < para.end && /\s/.test(text[first]!)) first++;
      if (first === q.open && openFrames.length === 0 && q.paragraph > 0) f = lastInPara.get(q.paragraph - 1)?.frame ?? null;
    }
    // 6. a frame of the same sentence
    if (!f) {
      const sentence = sentenceAt(sentences, q.start);
      f = openFrames.find((fr) => fr.sentence === sentence) ?? null;
    }
    quoteFrame[qi] = f;
    if (f) note(q.lastParagraph, q.close, f);
  });

  const quotes: Quote[] = [];
  marked.forEach((q, qi) => {
    const f = quoteFrame[qi] ?? null;
    const sp = f ? speakerOf(f) : null;
    quotes.push({
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      kind: "direct",
      cue: f ? cueOf(f) : null,
      speaker: sp ? { start: sp.start, end: sp.end, text: sp.text, name: sp.name, actor: sp.actor } : null,
      sentence: sentenceAt(sentences, q.start),
      speakerEntity: sp ? sp.entity : null,
    });
  });

  // ---- a block quotation: "Limbaugh added:" ends a paragraph, and the next paragraph (no marks) is what he said
  frames.forEach((f, k) => {
    const colon = f.cue[1];
    if (f.content || !f.speaker || colon >= tokens.length || tokens[colon]!.text !== ":" || inQuote[colon]! >= 0) return;
    const p = framePara[k]!;
    const next = paragraphs[p + 1];
    if (!next || (colon + 1 < tokens.length && tokens[colon + 1]!.start < next.start)) return;
    let a = next.start;
    while (a < next.end && /\s/.test(text[a]!)) a++;
    if (a >= next.end || /["“‘'`«]/.test(text[a]!) || marked.some((q) => q.open < next.end && q.close > a)) return;
    const sp = speakerOf(f);
    quotes.push({
      start: a,
      end: next.end,
      text: text.slice(a, next.end),
      kind: "direct",
      cue: cueOf(f),
      speaker: sp ? { start: sp.start, end: sp.end, text: sp.text, name: sp.name, actor: sp.actor } : null,
      sentence: sentenceAt(sentences, a),
      speakerEntity: sp ? sp.entity : null,
    });
  });

  // ---- indirect speech: every frame with content that is not just a direct quote
  const seen = new Set<string>();
  for (const f of frames) {
    const c = f.content;
    if (!c) continue;
    let covered = 0;
    for (const q of marked) {
      if (q.open >= c.end) break;
      covered += Math.max(0, Math.min(q.close, c.end) - Math.max(q.open, c.start));
    }
    if (covered >= COVERED * (c.end - c.start)) continue;
    const key = `${c.start}:${c.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sp = speakerOf(f);
    quotes.push({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      kind: "indirect",
      cue: cueOf(f),
      speaker: sp ? { start: sp.start, end: sp.end, text: sp.text, name: sp.name, actor: sp.actor } : null,
      sentence: f.sentence,
      speakerEntity: sp ? sp.entity : null,
    });
  }
  quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  return quotes;
}

/** Index of the first token starting at or after offset `at`, -1 when none. */
function tokenAt(tokens: readonly Token[], at: number): number {
  const i = firstStartingFrom(tokens, at);
  return i < tokens.length ? i : -1;
}

/** Index of the sentence holding offset `at` (or the last one starting before it), -1 when none. */
function sentenceAt(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export const quotesStage: Stage = {
  name: "quotes",
  reads: ["structure", "tokens", "sentences", "timexes", "entities"],
  writes: ["quotes"],
  run: (doc: Doc, resources: Resources) => {
    const lex = resources.use("quotes/lexicon", loadQuoteLexicon);
    return {
      quotes: findQuotes(
        {
          text: doc.text,
          segments: doc.get("structure").segments,
          tokens: doc.get("tokens"),
          sentences: doc.get("sentences"),
          entities: doc.get("entities"),
          timexes: doc.get("timexes"),
        },
        lex,
      ),
    };
  },
};
