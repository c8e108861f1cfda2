import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolvedAddress } from "../../src/articles/fetch-page";
import { type CliOptions, main } from "../../src/cli/main";
import { loadCorpus } from "../../src/corpus/load";
import { newsArticlePage, OMAN_MARKDOWN, OMAN_TEXT, OMAN_TITLE } from "../support/news-pages";
import { type NewsServer, startNewsServer } from "../support/news-server";

/**
 * `add` and `remove` as CONTRACT.md's "Adding articles" says, against a news site on 127.0.0.1:
 * each page is added or refused with a one-line reason (exit 2), and a refusal changes nothing.
 */

let news: NewsServer;
beforeAll(async () => {
  news = await startNewsServer();
});
afterAll(async () => {
  await news.close();
});

/** Names a test resolves, so no query leaves the machine: all on 127.0.0.1 except the hostile. */
const HOSTS: Record<string, string[]> = {
  "news.test": ["127.0.0.1"],
  "rebind.test": ["10.0.0.1"],
  "metadata.test": ["169.254.169.254"],
  "mixed.test": ["93.184.216.34", "192.168.0.10"],
};
async function resolveTable(hostname: string): Promise<ResolvedAddress[]> {
  const addresses = HOSTS[hostname];
  if (!addresses)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
}

const FAST: CliOptions = { add: { timeoutMs: 400, resolve: resolveTable } };

function seedCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "tijarat-add-"));
  for (const name of readdirSync("corpus")) copyFileSync(join("corpus", name), join(dir, name));
  return dir;
}

/** Every file in the folder with its content: "unchanged" means exactly this. */
const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));

async function cli(args: string[], env: Record<string, string> = { FETCH_ALLOW_LOOPBACK: "1" }) {
  let stdout = "";
  let stderr = "";
  const code = await main(
    args,
    {
      stdin: Readable.from([""]),
      env,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
    FAST,
  );
  return { code, stdout, stderr };
}

describe("add URL", () => {
  it("takes a news page into the corpus and prints the contract's JSON", async () => {
    const dir = seedCorpus();
    const run = await cli([
      "add",
      news.url("/2024/05/02/pakistan-oman-pact"),
      "--json",
      "--corpus",
      dir,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const { added } = JSON.parse(run.stdout);
    expect(added).toMatchObject({
      id: "pakistan-oman-sign-framework-pact-to-lift-bilateral-trade",
      title: OMAN_TITLE,
      publisher: "The Daily Ledger",
      published: "2024-05-02",
      url: news.url("/2024/05/02/pakistan-oman-pact"),
      passages: 6,
    });
    expect(added.figures).toBeGreaterThanOrEqual(3);
    expect(added.officials).toBeGreaterThanOrEqual(1);
    const file = readFileSync(join(dir, `${added.id}.md`), "utf8");
    expect(file).toMatch(
      /^---\ntitle: Pakistan, Oman sign framework pact to lift bilateral trade\n/,
    );
    // Menus, ads, related links, share buttons, captions, comments and the footer stay out.
    for (const furniture of [
      "Advertisement",
      "Buy gold coins",
      "Related Stories",
      "Gwadar port traffic",
      "Share on Facebook",
      "Photo: APP",
      "TradeWatcher",
      "All rights reserved",
      "E-Paper",
      "Staff Reporter",
    ]) {
      expect(file).not.toContain(furniture);
    }
    const { articles, issues } = await loadCorpus(dir);
    expect(issues).toEqual([]);
    expect(articles.map((a) => a.id)).toContain(added.id);
    expect(news.requests.at(-1)?.userAgent).toMatch(/^TijaratBot\/\S+ \(/);
  });

  it("answers questions about the added article from the command line", async () => {
    const dir = seedCorpus();
    expect(
      (await cli(["add", news.url("/amp/2024/05/02/pakistan-oman-pact"), "--corpus", dir])).code,
    ).toBe(0);
    const ask = await cli([
      "ask",
      "What was the bilateral trade between Pakistan and Oman in fiscal year 2023-24?",
      "--json",
      "--corpus",
      dir,
    ]);
    const answer = JSON.parse(ask.stdout);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("$1.4 billion");
    expect(answer.citations[0].articleId).toBe(
      "pakistan-oman-sign-framework-pact-to-lift-bilateral-trade",
    );
  });

  it.each([
    ["an AMP page", "/amp/2024/05/02/pakistan-oman-pact"],
    ["a gzip-compressed page", "/gzip/pakistan-oman-pact"],
    ["a page behind a redirect", "/redirect/to-article"],
    ["plain text", "/wire/pakistan-oman-pact.txt"],
    ["Markdown", "/notes/pakistan-oman-pact.md"],
  ])("adds %s", async (_what, path) => {
    const dir = seedCorpus();
    const run = await cli(["add", news.url(path), "--json", "--corpus", dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).added.title).toBe(OMAN_TITLE);
  });

  it("resolves a host name once and connects to the address it checked", async () => {
    const dir = seedCorpus();
    const port = new URL(news.origin).port;
    const run = await cli([
      "add",
      `http://news.test:${port}/2024/05/02/pakistan-oman-pact`,
      "--corpus",
      dir,
    ]);
    expect(run.code, run.stderr).toBe(0);
  });

  it.each([
    ["a section listing", "/business", /no article .*mostly links/],
    ["a page that calls itself a collection", "/trade", /no article .*listing/],
    ["a login wall", "/premium/pakistan-oman-pact", /no article .*sign in or subscribe/],
    ["a PDF", "/reports/trade-review.pdf", /a PDF \(application\/pdf\), not an HTML page/],
    ["an image", "/photo.jpg", /an image \(image\/jpeg\)/],
    ["a 20 MB page", "/huge", /over the 5 MB limit/],
    ["a page declaring 20 MB", "/huge-declared", /20 MB, over the 5 MB limit/],
    ["a page that never finishes", "/never-finishes", /no complete answer .* within 0\.4 s/],
    ["a server that never answers", "/never-answers", /no complete answer .* within 0\.4 s/],
    [
      "a redirect to cloud metadata",
      "/redirect/to-metadata",
      /169\.254\.169\.254, a link-local address/,
    ],
    ["a redirect to a private address", "/redirect/to-private", /10\.0\.0\.1, a private address/],
    ["a redirect to IPv4-mapped IPv6", "/redirect/to-mapped-ipv6", /a private address/],
    ["a redirect to a file: URL", "/redirect/to-file", /only http and https .* not file: URLs/],
    ["a redirect loop", "/loop/1", /more than 5 redirects/],
    ["a missing page", "/missing", /answered HTTP 404/],
  ])("refuses %s, changing nothing", async (_what, path, reason) => {
    const dir = seedCorpus();
    const before = snapshot(dir);
    const run = await cli(["add", news.url(path), "--json", "--corpus", dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(reason);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ["an unknown host", "http://no-such-site.test/story", /unknown host no-such-site\.test/],
    [
      "a host resolving to a private address",
      "http://rebind.test/",
      /rebind\.test resolves to 10\.0\.0\.1, a private address/,
    ],
    [
      "a host resolving to cloud metadata",
      "http://metadata.test/",
      /169\.254\.169\.254, a link-local/,
    ],
    [
      "a host with one private address among others",
      "http://mixed.test/",
      /192\.168\.0\.10, a private address/,
    ],
    ["a file: URL", "file:///etc/passwd", /not file: URLs/],
    ["an ftp: URL", "ftp://ftp.example.com/pub/article.html", /not ftp: URLs/],
    ["cloud metadata directly", "http://169.254.169.254/latest/meta-data/", /link-local/],
    ["a private address directly", "http://10.0.0.1/", /a private address/],
    ["the unspecified address", "http://0.0.0.0:80/", /an unspecified address/],
    ["a decimal-encoded loopback", "http://2130706433/", /127\.0\.0\.1/],
    ["a URL with a password", "http://user:secret@news.test/", /user name or password/],
  ])("refuses %s, changing nothing", async (_what, url, reason) => {
    const dir = seedCorpus();
    const before = snapshot(dir);
    const run = await cli(["add", url, "--corpus", dir], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(snapshot(dir)).toEqual(before);
  });

  it("opens loopback only when FETCH_ALLOW_LOOPBACK=1", async () => {
    const dir = seedCorpus();
    const run = await cli(["add", news.url("/2024/05/02/pakistan-oman-pact"), "--corpus", dir], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/127\.0\.0\.1, a loopback address/);
    const bad = await cli(["add", news.url("/x"), "--corpus", dir], {
      FETCH_ALLOW_LOOPBACK: "maybe",
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/FETCH_ALLOW_LOOPBACK: must be 1 or 0/);
    expect(bad.stderr).not.toContain("maybe");
  });

  it("refuses the same URL twice, and the same text from elsewhere, naming the article there", async () => {
    const dir = seedCorpus();
    const first = await cli([
      "add",
      news.url("/2024/05/02/pakistan-oman-pact"),
      "--json",
      "--corpus",
      dir,
    ]);
    const { id } = JSON.parse(first.stdout).added;
    const before = snapshot(dir);
    const again = await cli(["add", news.url("/2024/05/02/pakistan-oman-pact"), "--corpus", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`already in the corpus: ${id} has the same URL`);
    // The AMP copy names the same canonical URL; the plain-text copy has the same text.
    const amp = await cli(["add", news.url("/amp/2024/05/02/pakistan-oman-pact"), "--corpus", dir]);
    expect(amp.stderr).toContain(`${id} has the same URL`);
    const text = await cli(["add", news.url("/wire/pakistan-oman-pact.txt"), "--corpus", dir]);
    expect(text.stderr).toContain(`already in the corpus: ${id} has the same text`);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("add FILE", () => {
  const saved = (name: string, text: string) => {
    const folder = mkdtempSync(join(tmpdir(), "tijarat-saved-"));
    const file = join(folder, name);
    writeFileSync(file, text);
    return file;
  };

  it.each([
    [
      "a saved .html page",
      "oman.html",
      newsArticlePage({ canonical: "https://ledger.example/oman" }),
    ],
    ["a .md file", "oman.md", OMAN_MARKDOWN],
    ["a .txt file", "oman.txt", OMAN_TEXT],
  ])("adds %s", async (_what, name, text) => {
    const dir = seedCorpus();
    const run = await cli(["add", saved(name, text), "--json", "--corpus", dir]);
    expect(run.code, run.stderr).toBe(0);
    const { added } = JSON.parse(run.stdout);
    expect(added.title).toBe(OMAN_TITLE);
    expect(added.passages).toBe(6);
  });

  it("keeps a saved page's canonical URL, so the live page is then a duplicate", async () => {
    const dir = seedCorpus();
    const page = newsArticlePage({ canonical: news.url("/2024/05/02/pakistan-oman-pact") });
    await cli(["add", saved("oman.html", page), "--corpus", dir]);
    const live = await cli(["add", news.url("/2024/05/02/pakistan-oman-pact"), "--corpus", dir]);
    expect(live.stderr).toMatch(/has the same URL/);
  });

  it("reads front matter in a .md file as the corpus does, and refuses a bad date by line", async () => {
    const dir = seedCorpus();
    const good = `---\ntitle: ${OMAN_TITLE}\npublisher: Wire\npublished: 2024-05-02\n---\n${OMAN_TEXT}`;
    const run = await cli(["add", saved("oman.md", good), "--json", "--corpus", dir]);
    expect(JSON.parse(run.stdout).added).toMatchObject({
      publisher: "Wire",
      published: "2024-05-02",
    });
    const bad = await cli([
      "add",
      saved("bad.md", good.replace("2024-05-02", "2024-13-45")),
      "--corpus",
      seedCorpus(),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line 4: published: "2024-13-45" is not a valid date/);
  });

  it.each([
    ["a .pdf", "report.pdf", "%PDF-1.7", /only \.html, \.md and \.txt files are read, not \.pdf/],
    [
      "too little text",
      "short.txt",
      "Headline\n\nOne line of text.",
      /only \d+ characters of text/,
    ],
    ["a missing file", null, "", /no such file/],
    ["binary data", "bin.txt", "Title\n\u0000\u0001", /binary data/],
  ])("refuses %s, changing nothing", async (_what, name, text, reason) => {
    const dir = seedCorpus();
    const before = snapshot(dir);
    const file = name ? saved(name, text) : join(tmpdir(), "does-not-exist.md");
    const run = await cli(["add", file, "--corpus", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("remove ID", () => {
  it("takes an article out and prints the contract's JSON", async () => {
    const dir = seedCorpus();
    const run = await cli(["remove", "pakistan-japan-trade-ties", "--json", "--corpus", dir]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ removed: "pakistan-japan-trade-ties" });
    expect(readdirSync(dir)).not.toContain("pakistan-japan-trade-ties.md");
  });

  it.each(["no-such-article", "../corpus/pakistan-japan-trade-ties", ".hidden", ""])(
    "refuses the unknown id %j with exit 2, changing nothing",
    async (id) => {
      const dir = seedCorpus();
      const before = snapshot(dir);
      const run = await cli(["remove", id, "--corpus", dir]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")[0]).toMatch(/^tijarat: /);
      expect(snapshot(dir)).toEqual(before);
    },
  );

  it("exits 2 for a corpus folder that does not exist", async () => {
    const run = await cli(["remove", "x", "--corpus", join(tmpdir(), "no-such-corpus-folder")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no-such-corpus-folder/);
  });
});
