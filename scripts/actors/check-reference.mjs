// Dev check of the actor book against the shared CAMEO codebook table (not needed at run time):
// lists codes the table lacks that are not plain country + role codes (they must be noted "composed"),
// and the fragments of those codes that the table or the country list already use.
// Usage: node scripts/actors/check-reference.mjs [path/to/cameo-actor-codes.tsv]
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const refPath = process.argv[2] ?? resolve(root, "../shared/reference/cameo-actor-codes.tsv");
let refText;
try {
  refText = readFileSync(refPath, "utf8");
} catch {
  console.error(`no codebook table at ${refPath}`);
  process.exit(1);
}
const ref = new Map(); // code -> meanings (CAMEO and GDELT kinds; PLOVER's clashing codes left out)
const roles = new Set(); // role, region and religion codes: the building blocks
for (const line of refText.split("\n").slice(1)) {
  const [code, kind, name] = line.split("\t");
  if (!code || kind.startsWith("plover")) continue;
  ref.set(code, [...(ref.get(code) ?? []), `${kind}: ${name}`]);
  if (kind === "role" || kind === "region" || kind === "religion") roles.add(code);
}

function rows(file) {
  const lines = readFileSync(join(root, "data/actors", file), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
  const header = lines[0].split("\t");
  return lines.slice(1).map((l) => Object.fromEntries(l.split("\t").map((c, i) => [header[i], c])));
}

const countries = new Set(rows("countries.tsv").map((r) => r.code));
for (const file of ["igos.tsv", "institutions.tsv"]) {
  for (const r of rows(file)) {
    const code = r.code;
    if (ref.has(code)) continue;
    const parts = code.match(/.{3}/g);
    const head = countries.has(parts[0]) || ["IGO", "NGO", "NGM", "IMG"].includes(parts[0]) ? 1 : 0;
    const frags = parts.slice(head).filter((p) => !roles.has(p) && p !== "UNO");
    const clashes = frags.filter((p) => ref.has(p) || countries.has(p)).map((p) => `${p} = ${ref.get(p)?.join(" / ") ?? "country " + p}`);
    if (head === 1 && frags.length === 0) continue; // country + CAMEO roles: nothing to compose
    const composed = /composed/.test(r.note ?? "");
    if (frags.length || !composed) {
      console.log(`${file}\t${code}\t${r.name}\t${composed ? "composed" : "NOT NOTED"}\t${clashes.join("; ")}`);
    }
  }
}
