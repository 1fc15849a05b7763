// `dyad show DOC_ID`: one stored article with its events, quotes and actors
// marked in its text, then listed.

import { parseArgs } from "node:util";
import type { AnalysisRecord } from "../record.js";
import type { Command } from "./main.js";
import { UserError } from "./errors.js";
import { clip, color, DB_OPTION, formatOf, out, withStore } from "./store-args.js";

const HELP = `usage: dyad show DOC_ID [--format text|json] [--db PATH]

Print a stored article with its events, quotes and actors marked in the text:
  on a terminal   events underlined and numbered [E1], actors in bold with their
                  code, quotes in colour
  otherwise       [[event text]]{E1}, [actor]{CODE}, «quote»
then the events (with how many other articles reported each), quotes and actors.
DOC_ID may be the start of an id if only one document has it.

  --format F        text (the default) or json (the stored record)
`;

interface Mark {
  at: number;
  open: boolean;
  /** Longer spans open first and close last, so markers nest. */
  len: number;
  text: string;
}

export function markText(r: AnalysisRecord, tty: boolean): string {
  const c = color(tty);
  const marks: Mark[] = [];
  const add = (start: number, end: number, open: string, close: string) => {
    if (!(start >= 0 && end > start && end <= r.text.length)) return;
    marks.push({ at: start, open: true, len: end - start, text: open }, { at: end, open: false, len: end - start, text: close });
  };
  r.events.forEach((e, i) => add(e.evidence.start, e.evidence.end, tty ? "\x1b[4m" : "[[", tty ? `\x1b[24m${c.dim(`[E${i + 1}]`)}` : `]]{E${i + 1}}`));
  for (const q of r.quotes) add(q.start, q.end, tty ? "\x1b[33m" : "«", tty ? "\x1b[39m" : "»");
  for (const e of r.entities) {
    const code = e.actor?.code;
    add(e.start, e.end, tty ? "\x1b[1m" : "[", tty ? `\x1b[22m${code ? c.dim(`{${code}}`) : ""}` : `]${code ? `{${code}}` : ""}`);
  }
  marks.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open) || (a.open ? b.len - a.len : a.len - b.len));
  let s = "";
  let pos = 0;
  for (const m of marks) {
    s += r.text.slice(pos, m.at) + m.text;
    pos = m.at;
  }
  return s + r.text.slice(pos);
}

export const showCommand: Command = {
  summary: "an article with its events, quotes and actors marked",
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...DB_OPTION, format: { type: "string" }, help: { type: "boolean", short: "h" } } });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UserError("give one document id (see dyad events, or dyad show --help)");
    const format = formatOf(values.format, ["text", "json"], "text", "text");
    return withStore(values.db, { readonly: true }, async (store) => {
      const doc = await store.document(positionals[0]!);
      if (!doc) throw new UserError(`no document "${positionals[0]}" in the store`);
      const r = doc.record;
      if (format === "json") {
        await out(JSON.stringify(r, null, 2) + "\n");
        return 0;
      }
      const tty = process.stdout.isTTY === true;
      const c = color(tty);
      const width = Math.min(process.stdout.columns ?? 100, 140);
      const lines: string[] = [];
      lines.push(c.bold(r.title ?? "(no title)"));
      lines.push(c.dim(`${doc.id}   published ${r.date}${r.dateInferred ? " (inferred)" : ""}   ${r.source ?? "-"}${doc.url ? "   " + doc.url : ""}   engine ${doc.engine}`));
      lines.push("", markText(r, tty).trimEnd(), "");
      if (r.events.length) {
        lines.push(c.bold("Events"));
        // One query for the document's merged events; the document says which event each report joined.
        const merged = new Map((await store.events({ docId: doc.id, limit: 0 })).map((e) => [e.id, e]));
        r.events.forEach((e, i) => {
          const m = merged.get(doc.eventIds?.[i] ?? "");
          const others = m ? m.numArticles - 1 : 0;
          const who = `${e.source?.name ?? e.source?.code ?? "?"} → ${e.target?.name ?? e.target?.code ?? "-"}`;
          lines.push(
            `  E${i + 1}  ${(e.date ?? "undated").padEnd(10)} ${e.cameo.padEnd(4)} ${(e.plover ?? "-").padEnd(9)} ${who}${e.modality === "asserted" ? "" : ` [${e.modality}]`}` +
              (e.location ? ` @ ${e.location.name}` : "") +
              (others > 0 ? c.dim(`  also in ${others} other article${others === 1 ? "" : "s"} (event ${m!.id})`) : ""),
          );
        });
      }
      if (r.quotes.length) {
        lines.push(c.bold("Quotes"));
        for (const q of r.quotes) lines.push(`  ${q.speaker ? (q.speaker.name ?? q.speaker.text) + (q.speaker.actor ? ` (${q.speaker.actor.code})` : "") : "(unattributed)"}: ${clip(q.text, width - 20)}`);
      }
      const actors = new Map<string, { name: string; n: number }>();
      for (const e of r.entities) {
        if (!e.actor) continue;
        const a = actors.get(e.actor.code);
        if (a) a.n++;
        else actors.set(e.actor.code, { name: e.actor.name ?? e.text, n: 1 });
      }
      if (actors.size) {
        lines.push(c.bold("Actors"));
        for (const [code, a] of actors) lines.push(`  ${code.padEnd(14)} ${a.name}${a.n > 1 ? c.dim(` ×${a.n}`) : ""}`);
      }
      await out(lines.join("\n") + "\n");
      return 0;
    });
  },
};
