// Errors a store reports as one line: a database that is not ours, is corrupt,
// is missing, or a query that cannot run.

export class StoreError extends Error {
  constructor(
    message: string,
    /** Exit status for the CLI: 2 for the user's input (a bad path, a bad query). */
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
