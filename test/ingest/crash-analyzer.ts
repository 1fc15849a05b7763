// A stand-in analyser that takes its worker thread down: a line "EXIT" ends the
// thread, a line "THROW" throws from a microtask (an uncaught asynchronous error).
// With $CRASH_MARK set, the first crash writes that file and the analyser then
// refuses to start again, so that the dead worker's replacement cannot start.
// With $CRASH_BATCH set, it takes documents in batches too, as dyad's analyser does.

import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import type { DocumentInput } from "../../src/record.js";
import { stubRecord } from "./stub-analyzer.js";

export function createRecordMaker() {
  const mark = process.env.CRASH_MARK;
  if (mark && existsSync(mark)) throw new Error("the crash analyser will not start twice");
  const maker = {
    analyze(input: DocumentInput, options?: { date?: string | null; today?: string | null }) {
      const crash = () => {
        if (mark) writeFileSync(mark, "crashed");
      };
      if (/^EXIT$/m.test(input.text)) {
        crash();
        process.exit(7);
      }
      if (/^THROW$/m.test(input.text)) {
        crash();
        queueMicrotask(() => {
          throw new Error("an asynchronous failure in the analyser");
        });
      }
      return stubRecord(input, options);
    },
  };
  if (!process.env.CRASH_BATCH) return maker;
  return {
    ...maker,
    analyzeBatch: (inputs: readonly DocumentInput[], options?: { today?: string | null } | readonly { today?: string | null }[]) => {
      if (process.env.CRASH_BATCH_LOG) appendFileSync(process.env.CRASH_BATCH_LOG, `${inputs.length}\n`);
      return inputs.map((input, i) => maker.analyze(input, Array.isArray(options) ? options[i] : (options as { today?: string | null } | undefined)));
    },
  };
}
