// The human-readable summary of a record (`dyad analyze --format text`).

import type { AnalysisRecord, EntityRecord, EventRecord, QuoteRecord } from "../record.js";

const color = (on: boolean) => ({
  bold: (s: string) => (on ? `\x1b[1m${s}\x1b[22m` : s),
  dim: (s: string) => (on ? `\x1b[2m${s}\x1b[22m` : s),
});

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length <= n ? flat : flat.slice(0, n - 1) + "…";
}

function section(lines: string[], title: string, c: ReturnType<typeof color>): void {
  lines.push("", c.bold(title));
}

function actorLabel(e: EntityRecord): string {
  return e.actor ? e.actor.code : "-";
}

function eventLine(e: EventRecord, width: number): string {
  const date = (e.date ?? "undated").padEnd(10);
  const src = e.source ? `${e.source.name ?? e.source.code} (${e.source.code})` : "?";
  const tgt = e.target ? `${e.target.name ?? e.target.code} (${e.target.code})` : "-";
  const mod = e.modality === "asserted" ? "" : ` [${e.modality}]`;
  const place = e.location ? ` @ ${e.location.name}${e.location.country ? ", " + e.location.country : ""}` : "";
  return `  ${date}  ${src} → ${tgt}  ${e.cameo} ${e.plover ?? ""}${mod}${place}\n      “${clip(e.evidence.text, width)}”`;
}

function quoteSpeaker(q: QuoteRecord): string {
  if (!q.speaker) return "(unattributed)";
  const name = q.speaker.name ?? q.speaker.text;
  return q.speaker.actor ? `${name} (${q.speaker.actor.code})` : name;
}

export function formatText(r: AnalysisRecord, opts: { color?: boolean; width?: number } = {}): string {
  const c = color(opts.color ?? false);
  const width = opts.width ?? 100;
  const lines: string[] = [];
  lines.push(c.bold(r.title ?? "(no title)"));
  lines.push(`date ${r.date}${r.dateInferred ? " (inferred)" : ""}   source ${r.source ?? "-"}   id ${r.id}`);
  lines.push(
    c.dim(
      `${r.body.length} body paragraphs, ${r.sentences.length} sentences, ${r.captions.length} captions, ${r.entities.length} entities, ${r.timexes.length} dates, ${r.quotes.length} quotes, ${r.events.length} events`,
    ),
  );

  if (r.captions.length) {
    section(lines, "Captions", c);
    for (const cap of r.captions) lines.push(`  - ${clip(cap.text, width)}${cap.credit ? c.dim(`  [${cap.credit}]`) : ""}`);
  }
  if (r.related.length) {
    section(lines, "Related links (not analysed)", c);
    for (const rel of r.related) lines.push(`  - ${clip(rel.text, width)}`);
  }
  section(lines, "Body", c);
  for (const p of r.body) lines.push(`  ${clip(r.text.slice(p.start, p.end), width)}`);

  if (r.events.length) {
    section(lines, "Events (timeline)", c);
    const sorted = [...r.events].sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"));
    for (const e of sorted) lines.push(eventLine(e, width - 8));
  }
  if (r.quotes.length) {
    section(lines, "Quotes", c);
    const bySpeaker = new Map<string, QuoteRecord[]>();
    for (const q of r.quotes) {
      const k = quoteSpeaker(q);
      bySpeaker.set(k, [...(bySpeaker.get(k) ?? []), q]);
    }
    for (const [speaker, qs] of bySpeaker) {
      lines.push(`  ${speaker}`);
      for (const q of qs) lines.push(`    ${q.kind === "direct" ? "“" + clip(q.text, width - 8) + "”" : clip(q.text, width - 6)}${q.cue ? c.dim(`  (${q.cue.text})`) : ""}`);
    }
  }
  if (r.entities.length) {
    section(lines, "Actors", c);
    const seen = new Map<string, { e: EntityRecord; n: number }>();
    for (const e of r.entities) {
      const k = `${e.type}|${e.text}`;
      const prev = seen.get(k);
      if (prev) prev.n++;
      else seen.set(k, { e, n: 1 });
    }
    for (const { e, n } of seen.values()) {
      lines.push(`  ${e.text.padEnd(32)} ${e.type.padEnd(6)} ${actorLabel(e).padEnd(12)}${n > 1 ? c.dim(` ×${n}`) : ""}${e.role ? c.dim(`  ${e.role}`) : ""}`);
    }
  }
  if (r.timexes.length) {
    section(lines, "Dates", c);
    for (const t of r.timexes) lines.push(`  ${clip(t.text, 40).padEnd(40)} ${t.type.padEnd(8)} ${t.value}`);
  }
  return lines.join("\n") + "\n";
}
