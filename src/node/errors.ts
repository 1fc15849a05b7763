// Errors about the user's input or usage, which the CLI reports as one line and an
// exit status, never a stack trace. Raised by the Node adapters (input, ingest) too.

/** Bad input or usage: reported as `dyad: message`, exit status 2. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message.split("\n")[0]!;
  return String(err);
}
