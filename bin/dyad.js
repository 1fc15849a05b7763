#!/usr/bin/env node
// The dyad command. The TypeScript is compiled to dist/ by `npm install` (prepare).
import("../dist/src/cli/main.js").then(
  (cli) => cli.main(process.argv.slice(2)),
  (err) => {
    if (err && err.code === "ERR_MODULE_NOT_FOUND" && String(err.message).includes("dist/src/cli")) {
      process.stderr.write("dyad: not built yet; run `npm install` (or `npm run build`) in the dyad folder\n");
    } else {
      process.stderr.write(`dyad: ${err && err.message ? err.message : err}\n`);
    }
    process.exitCode = 1;
  },
);
