// The Node adapter for data files: the package's own data/ folder, then any
// folders a user adds (option or DYAD_DATA, path-separated) with files of the same
// relative path that add or override entries.

import { readFileSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DataSource } from "../pipeline/resources.js";

/** The package's data/ folder (dist/src/node/ → package root). */
export const PACKAGE_DATA_DIR = fileURLToPath(new URL("../../../data/", import.meta.url));

export function userDataDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.DYAD_DATA ?? "").split(delimiter).filter((d) => d.trim() !== "").map((d) => resolve(d));
}

export function fsDataSource(extraDirs: string[] = userDataDirs()): DataSource {
  const dirs = [PACKAGE_DATA_DIR, ...extraDirs];
  return {
    read(path) {
      const out: string[] = [];
      for (const dir of dirs) {
        try {
          out.push(readFileSync(join(dir, path), "utf8"));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
        }
      }
      return out;
    },
  };
}
