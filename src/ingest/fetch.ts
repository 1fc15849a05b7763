// Fetching articles and feeds over http(s), with a byte limit and a timeout, each
// failure a one-line reason.

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  userAgent?: string;
}

export interface Fetched {
  bytes: Uint8Array;
  contentType: string;
  /** The URL after redirects. */
  url: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export class FetchError extends Error {}

function causeCode(err: unknown): string | null {
  const cause = (err as { cause?: { code?: string; name?: string } }).cause;
  return cause?.code ?? cause?.name ?? null;
}

export async function fetchUrl(url: string, options: FetchOptions): Promise<Fetched> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError("not a valid URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new FetchError(`only http and https URLs can be fetched (not ${parsed.protocol})`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const seconds = `${Math.round(options.timeoutMs / 100) / 10} s`;
  try {
    let res: Response;
    try {
      res = await fetch(parsed, {
        signal: controller.signal,
        redirect: "follow",
        headers: { "user-agent": options.userAgent ?? "dyad (news event coder)", accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5" },
      });
    } catch (err) {
      if (controller.signal.aborted) throw new FetchError(`timed out after ${seconds}`);
      const code = causeCode(err);
      throw new FetchError(code ? `cannot fetch (${code})` : `cannot fetch (${(err as Error).message})`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError(`HTTP ${res.status}${res.statusText ? " " + res.statusText : ""}`);
    }
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError(`${declared} bytes, larger than the ${options.maxBytes}-byte limit (raise it with --max-bytes)`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > options.maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw new FetchError(`larger than the ${options.maxBytes}-byte limit (raise it with --max-bytes)`);
          }
          chunks.push(value);
        }
      } catch (err) {
        if (err instanceof FetchError) throw err;
        if (controller.signal.aborted) throw new FetchError(`timed out after ${seconds}`);
        throw new FetchError(`the connection broke (${causeCode(err) ?? (err as Error).message})`);
      }
    }
    return { bytes: Buffer.concat(chunks), contentType: (res.headers.get("content-type") ?? "").toLowerCase(), url: res.url || url };
  } finally {
    clearTimeout(timer);
  }
}
