// A one-line progress bar on a terminal (stderr): documents, event reports,
// errors, rate and ETA, redrawn at most ten times a second.

import type { IngestProgress } from "../ingest/ingest.js";

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

export function progressLine(p: IngestProgress, width: number): string {
  const secs = p.elapsedMs / 1000;
  const rate = secs > 0 ? p.done / secs : 0;
  const counts = `${p.done}${p.total !== null ? "/" + p.total : ""} docs · ${p.mentions} events · ${p.failed} errors · ${rate.toFixed(1)} docs/s`;
  const eta = p.total !== null && rate > 0 ? ` · ETA ${clock((p.total - p.done) / rate)}` : "";
  const text = counts + eta;
  const barWidth = Math.max(10, Math.min(30, width - text.length - 4));
  if (p.total === null || p.total === 0 || width < text.length + 14) return text.slice(0, Math.max(0, width - 1));
  const filled = Math.min(barWidth, Math.round((p.done / p.total) * barWidth));
  return `[${"█".repeat(filled)}${"░".repeat(barWidth - filled)}] ${text}`;
}

export class ProgressBar {
  private last = 0;
  private shown = false;
  private latest: IngestProgress | null = null;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(p: IngestProgress): void {
    this.latest = p;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.draw();
  }

  private draw(): void {
    if (!this.latest) return;
    this.stream.write(`\r\x1b[K${progressLine(this.latest, this.stream.columns ?? 100)}`);
    this.shown = true;
  }

  /** Print a line above the bar. */
  log(line: string): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.stream.write(line + "\n");
    if (this.shown) this.draw();
  }

  done(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}
