// `dyad reanalyze`: recompute stored documents that an older engine analysed.

import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { reanalyze } from "../ingest/reanalyze.js";
import { defaultDbPath, StoreError } from "../store/index.js";
import { ENGINE_VERSION } from "../version.js";
import type { Command } from "./main.js";
import { messageOf, UserError } from "./errors.js";
import { todayIso } from "../node/input.js";
import { analyzerOf, jobsOf, positiveInt } from "./store-args.js";
import { displayOrigin } from "../ingest/origin.js";

const HELP = `usage: dyad reanalyze [--all] [--jobs N] [--limit N] [--db PATH]

Analyse again, with this dyad (engine ${ENGINE_VERSION}), the stored documents that an
older engine analysed, replacing their entities, quotes and events; merged events
are recomputed. Each document is replaced atomically, so a stopped run can simply
be run again. Documents keep their ids and origins; a publication date that came
from nothing but the day of the first analysis stays that day. Documents that fail
are listed by \`dyad failures\` (their earlier analysis stays).

  --all             every document, whatever engine analysed it
  --jobs N          analyser threads, up to 64 (default ${availableParallelism()})
  --limit N         at most N documents
  --analyzer M[#E]  use export E of module M as the analyser (advanced)
`;

export const reanalyzeCommand: Command = {
  summary: "recompute documents an older engine analysed",
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { db: { type: "string" }, all: { type: "boolean" }, jobs: { type: "string", short: "j" }, limit: { type: "string" }, analyzer: { type: "string" }, quiet: { type: "boolean", short: "q" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const jobs = jobsOf(values.jobs, Math.min(64, availableParallelism()));
    const limit = positiveInt(values.limit, "--limit", 0, true);
    const analyzer = analyzerOf(values.analyzer);
    let s;
    try {
      s = await reanalyze({
        db: defaultDbPath(values.db),
        jobs,
        all: values.all ?? false,
        limit,
        analyzer,
        today: todayIso(),
        onFailure: (f) => process.stderr.write(`dyad reanalyze: ${displayOrigin(f.origin)}: ${f.reason}\n`),
      });
    } catch (err) {
      if (err instanceof StoreError) throw new UserError(err.message, err.exitCode);
      throw new UserError(messageOf(err), 1);
    }
    if (!values.quiet) process.stdout.write(`reanalysed ${s.replaced} of ${s.total} documents (${s.failed} failed) in ${(s.elapsedMs / 1000).toFixed(1)} s\n`);
    return s.failed ? 1 : 0;
  },
};
