// Writes data/store/plover-contexts.tsv, the PLOVER context of each CAMEO event code,
// from the codebook reference table (../shared/reference/cameo-event-codes.tsv, the
// CAMEO2PLOVER mapping's context column). Run it again when the reference changes:
//   node scripts/store/build-plover-contexts.mjs [path/to/cameo-event-codes.tsv]

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const source = process.argv[2] ?? `${root}../shared/reference/cameo-event-codes.tsv`;
const [header, ...rows] = readFileSync(source, "utf8").trim().split("\n").map((l) => l.split("\t"));
const code = header.indexOf("code");
const context = header.indexOf("plover_context");
if (code < 0 || context < 0) throw new Error(`${source}: no code or plover_context column`);
const out = [
  "# The PLOVER context of CAMEO event codes (CAMEO2PLOVER-2021, as the codebook reference",
  "# table gives it; written by scripts/store/build-plover-contexts.mjs). Contexts are",
  "# separated by |. The PLOVER export gives an event the contexts of its CAMEO code.",
  "code\tcontext",
  ...rows.filter((r) => r[context]).map((r) => `${r[code]}\t${r[context]}`),
];
writeFileSync(`${root}data/store/plover-contexts.tsv`, out.join("\n") + "\n");
console.log(`wrote ${out.length - 4} codes`);
