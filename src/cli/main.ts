// The dyad command line: one module per command, each thin (parse flags, call
// the library, print). Errors are one line on stderr with a non-zero status.

import { messageOf, UserError } from "./errors.js";

interface Command {
  summary: string;
  run(argv: string[]): Promise<number> | number;
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import("./analyze.js")).analyzeCommand,
  eval: async () => (await import("./eval.js")).evalCommand,
  ingest: async () => (await import("./ingest.js")).ingestCommand,
  events: async () => (await import("./events.js")).eventsCommand,
  timeline: async () => (await import("./timeline.js")).timelineCommand,
  actors: async () => (await import("./actors.js")).actorsCommand,
  show: async () => (await import("./show.js")).showCommand,
  stats: async () => (await import("./stats.js")).statsCommand,
  export: async () => (await import("./export.js")).exportCommand,
  failures: async () => (await import("./failures.js")).failuresCommand,
  reanalyze: async () => (await import("./reanalyze.js")).reanalyzeCommand,
};

const SUMMARIES: Record<string, string> = {
  analyze: "analyse an article (or a JSON Lines batch) and print its record",
  eval: "score the analyser against a gold file (events, quad, timex, quotes, ner, document, all)",
  ingest: "analyse files, folders, feeds or URLs into the event store (./dyad.db)",
  events: "list stored events (filters: actor, country, dyad, code, dates, text…)",
  timeline: "events per day, week or month by QuadClass, with Goldstein",
  actors: "the most active actors in the store; `actors lookup NAME --date D`: how a name resolves at a date",
  show: "a stored article with its events, quotes and actors marked",
  stats: "what the event store holds",
  export: "export events as GDELT, PLOVER, JSON Lines, CSV or Parquet",
  failures: "documents that failed to ingest, and why",
  reanalyze: "recompute stored documents an older engine analysed",
};

export function usage(): string {
  const width = Math.max(...Object.keys(SUMMARIES).map((k) => k.length));
  return [
    "dyad: political event data from news text (who did what to whom, when, where; who said what)",
    "",
    "usage: dyad <command> [options]",
    "",
    "commands:",
    ...Object.entries(SUMMARIES).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    "",
    "Run `dyad <command> --help` for a command's options.",
    "Example: dyad analyze examples/cgtn-2020-07-01-moon-summit.txt --date 2020-07-01",
  ].join("\n");
}

export async function main(argv: string[]): Promise<void> {
  // `dyad … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  // Any other write error (a full disk) is one line and exit status 1.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`dyad: cannot write output (${err.code ?? err.message})\n`);
    process.exit(1);
  });
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage() + "\n");
    process.exitCode = name ? 0 : 2;
    return;
  }
  if (name === "--version" || name === "-V") {
    const { ENGINE_VERSION } = await import("../version.js");
    process.stdout.write(`dyad ${ENGINE_VERSION}\n`);
    return;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`dyad: unknown command "${name}" (try: dyad --help)\n`);
    process.exitCode = 2;
    return;
  }
  try {
    const command = await load();
    const code = await command.run(rest);
    if (code) process.exitCode = code;
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(`dyad ${name}: ${err.message}\n`);
      process.exitCode = err.exitCode;
    } else if ((err as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || (err as { code?: string }).code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" || (err as { code?: string }).code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      process.stderr.write(`dyad ${name}: ${messageOf(err)} (try: dyad ${name} --help)\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`dyad ${name}: internal error: ${messageOf(err)}\n`);
      if (process.env.DYAD_DEBUG) process.stderr.write(String((err as Error).stack) + "\n");
      process.exitCode = 1;
    }
  }
}

export type { Command };
