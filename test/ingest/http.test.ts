// URLs and feeds over a local HTTP server (loopback only), through the CLI.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { openStore } from "../../src/store/index.js";
import { tempDir } from "../store/helpers.js";
import { dyadAsync, STUB } from "./helpers.js";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url)), "utf8");

const DRILLS = `<!doctype html><html><head><title>Pyongyang denounces drills</title><meta name="date" content="2020-07-03"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Pyongyang denounces drills</h1>
<p>North Korea on Friday denounced joint military drills by South Korea and the United States, calling them a rehearsal for invasion, state media said.</p>
<p>EVENT 111 PRK KOR 2020-07-03</p>
<p>The statement came a day after the allies said the exercises would go ahead in a scaled-down form because of the coronavirus pandemic.</p>
</article></body></html>`;

function serve(): Promise<{ server: Server; base: string; hits: Map<string, number> }> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const send = (type: string, body: string) => {
      res.writeHead(200, { "content-type": type });
      res.end(body);
    };
    if (path === "/articles/talks.html") return send("text/html; charset=utf-8", fixture("article.html"));
    if (path === "/articles/drills.html") return send("text/html", DRILLS);
    if (path === "/feed.rss") return send("application/rss+xml", fixture("feed.rss").replaceAll("127.0.0.1:PORT", base.slice(7)));
    if (path === "/feed.atom") return send("application/atom+xml", fixture("feed.atom").replaceAll("127.0.0.1:PORT", base.slice(7)));
    if (path === "/plain.txt") return send("text/plain", "A plain report.\nEVENT 042 USA CHN 2020-07-05\n");
    if (path === "/broken.xml") return send("application/rss+xml", "<rss><channel><item><title>unclosed");
    if (path === "/big.html") return send("text/html", "<p>" + "x".repeat(200_000) + "</p>");
    if (path === "/slow.html") return void setTimeout(() => send("text/html", DRILLS), 5000).unref();
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits })));
}

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = dyadAsync(args, { cwd });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((r) => child.once("exit", (code) => r({ code, stdout, stderr })));
}

test("URLs and feeds are fetched; failures are one line each and the batch goes on", { timeout: 60_000 }, async () => {
  const { server, base, hits } = await serve();
  const { dir, cleanup } = tempDir("dyad-http-");
  try {
    const db = join(dir, "web.db");
    // A feed file on disk whose items live on the server.
    writeFileSync(join(dir, "local.atom"), fixture("feed.atom").replaceAll("127.0.0.1:PORT", base.slice(7)));
    const args = ["ingest", `${base}/feed.rss`, "local.atom", `${base}/plain.txt`, `${base}/broken.xml`, `${base}/big.html`, "--db", db, "--analyzer", STUB, "--jobs", "1", "--timeout", "1", "--max-bytes", "100000", "--max-page-bytes", "150000"];
    const r = await run(args, dir);
    assert.equal(r.code, 1, r.stderr);
    const errors = r.stderr.trim().split("\n");
    assert.deepEqual(errors.map((l) => l.replace(base, "BASE")).sort(), [
      "dyad ingest: BASE/articles/missing.html: HTTP 404 Not Found",
      "dyad ingest: BASE/big.html: larger than the 150000-byte limit (raise it with --max-page-bytes)",
      "dyad ingest: BASE/broken.xml: the feed is not well-formed XML (<title> is never closed)",
      "dyad ingest: BASE/slow.html: timed out after 1 s",
    ].sort());
    assert.match(r.stdout, /ingested 8 documents: 4 added, 0 already stored, 4 failed/);

    const store = await openStore(db, { readonly: true });
    try {
      const talks = (await store.documents()).find((d) => d.url === `${base}/articles/talks.html`);
      assert.ok(talks);
      assert.equal(talks.title, "Seoul and Washington hold talks on the peninsula");
      assert.equal(talks.source, "The Daily Courier");
      assert.equal(talks.date, "2020-07-01");
      const drills = (await store.events({ code: ["111"] }))[0]!;
      assert.equal(drills.firstUrl, `${base}/articles/drills.html`);
      assert.equal(drills.date, "2020-07-03");
      // The feed's own content for an item without a link.
      assert.equal((await store.events({ dyad: { a: "JPN", b: "KOR" } }))[0]?.location?.name, "Tokyo");
      assert.equal((await store.failures()).length, 4);
    } finally {
      await store.close();
    }

    // Again: stored URLs are not fetched again; the failed ones are retried.
    const before = hits.get("/articles/talks.html");
    const again = await run(args, dir);
    assert.equal(again.code, 1);
    assert.match(again.stdout, /0 added, 4 already stored, 4 failed/);
    assert.equal(hits.get("/articles/talks.html"), before);
  } finally {
    server.close();
    server.closeAllConnections();
    cleanup();
  }
});

test("many URLs are fetched a few at a time, however many documents wait for the analysers", { timeout: 60_000 }, async () => {
  let open = 0;
  let most = 0;
  const server = createServer((req, res) => {
    open++;
    most = Math.max(most, open);
    // each page takes a while, so that fetches overlap if they may
    setTimeout(() => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`Report ${req.url}.\nEVENT 042 USA CHN 2020-07-05\n`);
      open--;
    }, 100).unref();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { dir, cleanup } = tempDir("dyad-http-");
  try {
    const urls = Array.from({ length: 60 }, (_, i) => `${base}/r${i}.txt`);
    const r = await run(["ingest", ...urls, "--db", join(dir, "many.db"), "--analyzer", STUB, "--jobs", "1"], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /60 added/);
    assert.ok(most > 1, `fetches overlap (${most} at most)`);
    assert.ok(most <= 16, `${most} fetches at once`);
  } finally {
    server.close();
    server.closeAllConnections();
    cleanup();
  }
});
