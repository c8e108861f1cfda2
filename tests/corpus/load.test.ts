import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  CorpusError,
  corpusFingerprint,
  formatIssue,
  loadCorpus,
  MAX_ARTICLE_BYTES,
  parseArticle,
} from "../../src/corpus/load";
import type { CorpusIssue } from "../../src/types";
import { clearFaults, injectFault } from "../support/fs-faults";

// Permission errors are injected: as root (how CI runs) chmod 000 still lets every read through.
vi.mock("node:fs/promises", async (importOriginal) =>
  (await import("../support/fs-faults")).withFaults(await importOriginal()),
);

const SEED_CORPUS = fileURLToPath(new URL("../../corpus", import.meta.url));

const GOOD = "---\ntitle: Good Article\n---\nPakistan and Japan met in Tokyo.\n";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tijarat-corpus-"));
});

afterEach(async () => {
  clearFaults();
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: string | Uint8Array): Promise<void> {
  await writeFile(join(dir, name), content);
}

/** Loads `dir` with one good article beside the files under test, and gives the issues. */
async function issuesBesideGoodArticle(): Promise<string[]> {
  await put("good.md", GOOD);
  const corpus = await loadCorpus(dir);
  expect(corpus.articles.map((a) => a.id)).toEqual(["good"]);
  return corpus.issues.map(formatIssue);
}

describe("loadCorpus on the seed corpus", () => {
  test("loads the three seed articles in file-name order with their titles", async () => {
    const corpus = await loadCorpus(SEED_CORPUS);
    expect(corpus.issues).toEqual([]);
    expect(corpus.articles.map((a) => [a.id, a.title])).toEqual([
      [
        "pakistan-japan-industrial-cooperation",
        "Pakistan and Japan Agree to Ramp Up Industrial Cooperation in Automotive and IT",
      ],
      ["pakistan-japan-trade-ties", "Pakistan and Japan Commit to Strengthen Trade Ties"],
      [
        "us-tech-companies-pakistan",
        "U.S. Embassy Connects American Tech Companies with Pakistani Officials",
      ],
    ]);
  });

  test("gives each seed article the body after the closing --- line and its file path", async () => {
    const corpus = await loadCorpus(SEED_CORPUS);
    const ties = corpus.articles.find((a) => a.id === "pakistan-japan-trade-ties");
    expect(ties?.body.startsWith("Breaking News\n\nPakistan and Japan Commit")).toBe(true);
    expect(ties?.file).toBe(join(SEED_CORPUS, "pakistan-japan-trade-ties.md"));
    expect(ties?.publisher).toBe(null);
    expect(ties?.url).toBe(null);
    expect(ties?.published).toBe(null);
  });
});

describe("loadCorpus on a valid article", () => {
  test("reads every front matter field and keeps the body exactly as in the file", async () => {
    await put(
      "trade.md",
      "---\ntitle: Trade Ties\npublisher: Dawn\nurl: https://dawn.com/a\npublished: 2024-05-02\n---\nLine one.\n\nLine two.\n",
    );
    const corpus = await loadCorpus(dir);
    expect(corpus).toEqual({
      articles: [
        {
          id: "trade",
          title: "Trade Ties",
          publisher: "Dawn",
          url: "https://dawn.com/a",
          published: "2024-05-02",
          body: "Line one.\n\nLine two.\n",
          file: join(dir, "trade.md"),
        },
      ],
      issues: [],
    });
  });

  test("drops a UTF-8 byte order mark at the start of the file", async () => {
    await put("bom.md", `\uFEFF${GOOD}`);
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.title).toBe("Good Article");
    expect(article?.body).toBe("Pakistan and Japan met in Tokyo.\n");
  });

  test("keeps CRLF line ends in the body as they are", async () => {
    await put("crlf.md", "---\r\ntitle: Windows Article\r\n---\r\nFirst.\r\n\r\nSecond.\r\n");
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.title).toBe("Windows Article");
    expect(article?.body).toBe("First.\r\n\r\nSecond.\r\n");
  });

  test("accepts trailing spaces on the --- lines and after values", async () => {
    await put("spaces.md", "---   \ntitle: Spaced Title   \n---\t \nBody text.  \n");
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.title).toBe("Spaced Title");
    expect(article?.body).toBe("Body text.  \n");
  });

  test("accepts a file without a final newline", async () => {
    await put("no-newline.md", "---\ntitle: T\n---\nLast line without newline.");
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.body).toBe("Last line without newline.");
  });

  test("takes the body from the line after the first line starting with ---", async () => {
    await put("rule.md", "---\ntitle: T\n---\nAbove.\n---\nBelow.\n");
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.body).toBe("Above.\n---\nBelow.\n");
  });
});

describe("loadCorpus skips each malformed file with its reason and loads the rest", () => {
  test("reports an empty file", async () => {
    await put("empty.md", "");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "empty.md")}: the file is empty`,
    ]);
  });

  test("reports a file of only blank lines as empty", async () => {
    await put("blank.md", "\n  \n\n");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "blank.md")}: the file is empty`,
    ]);
  });

  test("reports binary junk with NUL bytes and the line of the first one", async () => {
    await put("junk.md", Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x61, 0x00, 0xff, 0x10]));
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "junk.md")}:2: binary data: the file holds NUL bytes`,
    ]);
  });

  test("reports bytes that are not valid UTF-8", async () => {
    await put("latin1.md", Buffer.from("---\ntitle: Caf\xe9\n---\nBody\n", "latin1"));
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "latin1.md")}: binary data: the file is not valid UTF-8 text`,
    ]);
  });

  test("reports a UTF-16 file and says to save it as UTF-8", async () => {
    await put("utf16.md", Buffer.from(`\uFEFF${GOOD}`, "utf16le"));
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "utf16.md")}:1: binary data: the file is UTF-16 encoded; save it as UTF-8`,
    ]);
  });

  test("reports a file without front matter", async () => {
    await put("plain.md", "Just a body.\n");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "plain.md")}:1: no front matter: the file must start with a "---" line`,
    ]);
  });

  test("reports unterminated front matter", async () => {
    await put("open.md", "---\ntitle: T\nBody.\n");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "open.md")}:1: unterminated front matter: no closing "---" line after the opening one`,
    ]);
  });

  test("reports invalid YAML with YAML's line counted from the top of the file", async () => {
    await put("yaml.md", "---\ntitle: T\npublisher: Dawn: Karachi\n---\nBody.\n");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "yaml.md")}:3: invalid YAML: Nested mappings are not allowed in compact mappings`,
    ]);
  });

  test("reports an unclosed quote on the last line of the front matter, not on the --- line", async () => {
    await put("quote.md", '---\ntitle: T\npublisher: "Dawn\n---\nBody.\n');
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "quote.md")}:3: invalid YAML: Missing closing "quote`,
    ]);
  });

  test("reports a title that is not a string", async () => {
    await put("number.md", "---\ntitle: 2024\n---\nBody.\n");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "number.md")}:2: title: 2024 must be a string`,
    ]);
  });

  test("reports a bad date with the key, the value and its line", async () => {
    await put("bad.md", "---\ntitle: T\npublished: 2024-13-45\n---\nBody.\n");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "bad.md")}:3: published: "2024-13-45" is not a valid date (YYYY-MM-DD)`,
    ]);
  });

  test("reports an unknown key", async () => {
    await put("author.md", "---\ntitle: T\nauthor: Jane\n---\nBody.\n");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "author.md")}:3: author: "Jane" is not a known key (expected title, publisher, url, published)`,
    ]);
  });

  test("reports an empty body at the line after the front matter", async () => {
    await put("nobody.md", "---\ntitle: T\n---\n\n   \n");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "nobody.md")}:4: empty body: no article text after the front matter`,
    ]);
  });

  test("reports both a front matter fault and an empty body in one file", async () => {
    await put("both.md", "---\ntitle: 5\n---\n");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "both.md")}:2: title: 5 must be a string`,
      `${join(dir, "both.md")}:4: empty body: no article text after the front matter`,
    ]);
  });

  test("keeps the first of two ids that differ only in case and reports the other", async () => {
    await put("Trade.md", "---\ntitle: Upper\n---\nBody.\n");
    await put("trade.md", "---\ntitle: Lower\n---\nBody.\n");
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => [a.id, a.title])).toEqual([["Trade", "Upper"]]);
    expect(corpus.issues.map(formatIssue)).toEqual([
      `${join(dir, "trade.md")}: duplicate id "trade": ${join(dir, "Trade.md")} already has it (ids ignore case)`,
    ]);
  });

  test("keeps a valid file when the one that sorts before it with the same id is broken", async () => {
    await put("Trade.md", "no front matter\n");
    await put("trade.md", "---\ntitle: Lower\n---\nBody.\n");
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(["trade"]);
    expect(corpus.issues.map((i) => i.file)).toEqual([join(dir, "Trade.md")]);
  });

  test("reports an article over the size limit without reading it", async () => {
    await put("huge.md", GOOD);
    // A sparse 10 MB file: cheap to make, and too large to load.
    await truncate(join(dir, "huge.md"), 10 * 1024 * 1024);
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "huge.md")}: too large: 10.0 MB, over the 5.0 MB limit for an article`,
    ]);
  });

  test("loads an article of exactly the size limit", async () => {
    const head = "---\ntitle: Big\n---\n";
    await put("big.md", head + "a".repeat(MAX_ARTICLE_BYTES - head.length));
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => [a.id, a.body.length])).toEqual([
      ["big", MAX_ARTICLE_BYTES - head.length],
    ]);
  });

  test("reports a folder named like an article", async () => {
    await mkdir(join(dir, "x.md"));
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "x.md")}: is a folder, not an article file`,
    ]);
  });

  test("reports a file it has no permission to read", async () => {
    await put("secret.md", GOOD);
    injectFault("readFile", join(dir, "secret.md"), "EACCES");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "secret.md")}: cannot be read: permission denied (EACCES)`,
    ]);
  });

  test("reports a file the system will not let it read (EPERM)", async () => {
    await put("locked.md", GOOD);
    injectFault("readFile", join(dir, "locked.md"), "EPERM");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "locked.md")}: cannot be read: permission denied (EPERM)`,
    ]);
  });

  test("reports any other read error with the system's own words", async () => {
    await put("failing.md", GOOD);
    injectFault("readFile", join(dir, "failing.md"), "EIO");
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "failing.md")}: cannot be read: EIO: i/o error, open '${join(dir, "failing.md")}'`,
    ]);
  });

  test("reports a symbolic link loop", async () => {
    await symlink("loop-b.md", join(dir, "loop-a.md"));
    await symlink("loop-a.md", join(dir, "loop-b.md"));
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "loop-a.md")}: cannot be read: symbolic link loop (ELOOP)`,
      `${join(dir, "loop-b.md")}: cannot be read: symbolic link loop (ELOOP)`,
    ]);
  });

  test("reports a dangling symbolic link", async () => {
    await symlink("gone.txt", join(dir, "dangling.md"));
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "dangling.md")}: cannot be read: dangling symbolic link or the file vanished (ENOENT)`,
    ]);
  });

  test("follows a symbolic link to a valid article", async () => {
    await writeFile(join(dir, "target.txt"), GOOD);
    await symlink("target.txt", join(dir, "linked.md"));
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(["linked"]);
  });

  test("reports a file name holding # since passage ids use it", async () => {
    await put("a#b.md", GOOD);
    expect(await issuesBesideGoodArticle()).toEqual([
      `${join(dir, "a#b.md")}: the file name cannot give an article id: "#" is kept for passage ids`,
    ]);
  });
});

describe("loadCorpus and what is not an article file", () => {
  test("reports other visible files as not read, and passes over dot files and subfolders", async () => {
    await put("notes.txt", "not an article");
    await put("README", "readme");
    await put("draft.md.bak", "backup");
    await put(".hidden.md", "---\ntitle: Hidden\n---\nBody.\n");
    await symlink("nowhere", join(dir, ".#good.md"));
    await mkdir(join(dir, "archive"));
    await writeFile(join(dir, "archive", "old.md"), "---\ntitle: Old\n---\nBody.\n");
    expect(await issuesBesideGoodArticle()).toEqual(
      ["README", "draft.md.bak", "notes.txt"].map(
        (name) => `${join(dir, name)}: not read: only .md files are articles`,
      ),
    );
  });
});

describe("loadCorpus result order and concurrency", () => {
  test("returns many articles and issues in file-name order", async () => {
    const names = Array.from({ length: 40 }, (_, i) => `article-${String(i).padStart(2, "0")}`);
    // Write in reverse so creation order cannot explain the result order.
    for (const name of [...names].reverse()) {
      const broken = name.endsWith("7");
      await put(`${name}.md`, broken ? "" : `---\ntitle: ${name}\n---\nBody of ${name}.\n`);
    }
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(names.filter((n) => !n.endsWith("7")));
    expect(corpus.issues.map((i) => i.file)).toEqual([
      join(dir, "article-07.md"),
      join(dir, "article-17.md"),
      join(dir, "article-27.md"),
      join(dir, "article-37.md"),
    ]);
  });
});

describe("loadCorpus on an unusable folder", () => {
  test("throws a CorpusError naming a missing folder", async () => {
    const missing = join(dir, "nope");
    const error = await loadCorpus(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).message).toBe(`corpus folder ${missing} does not exist`);
    expect((error as CorpusError).dir).toBe(missing);
  });

  test("throws a CorpusError when the path is a file, not a folder", async () => {
    await put("file.md", GOOD);
    const path = join(dir, "file.md");
    await expect(loadCorpus(path)).rejects.toThrow(
      new CorpusError(path, `corpus folder ${path} is not a folder`),
    );
  });

  test("throws a CorpusError for an empty folder", async () => {
    await expect(loadCorpus(dir)).rejects.toThrow(`corpus folder ${dir} has no .md files`);
  });

  test("throws a CorpusError with every issue when no article is valid", async () => {
    await put("a.md", "");
    await put("b.md", "no front matter");
    const error = await loadCorpus(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).message).toBe(
      `corpus folder ${dir} holds no valid article (2 files skipped)`,
    );
    expect((error as CorpusError).issues.map((i) => i.file)).toEqual([
      join(dir, "a.md"),
      join(dir, "b.md"),
    ]);
  });

  test("throws a CorpusError for a folder it may not read", async () => {
    await put("good.md", GOOD);
    injectFault("readdir", dir, "EACCES");
    await expect(loadCorpus(dir)).rejects.toThrow(
      new CorpusError(dir, `corpus folder ${dir} cannot be read: permission denied (EACCES)`),
    );
  });
});

describe("parseArticle", () => {
  test("turns a file's text into an article whose body follows the front matter", () => {
    expect(
      parseArticle("corpus/a.md", "a", "---\ntitle: A\npublished: 2025-08-16\n---\nBody.\n"),
    ).toEqual({
      article: {
        id: "a",
        title: "A",
        publisher: null,
        url: null,
        published: "2025-08-16",
        body: "Body.\n",
        file: "corpus/a.md",
      },
    });
  });

  test("reports a NUL character in text given directly", () => {
    expect(parseArticle("corpus/a.md", "a", "---\ntitle: A\n---\nBo\u0000dy\n")).toEqual({
      issues: [{ file: "corpus/a.md", line: 4, message: "binary data: the file holds NUL bytes" }],
    });
  });

  test("keeps offsets into the body stable: a span found in the file text is found in the body", () => {
    const text = "\uFEFF---\r\ntitle: A\r\n---\r\nFirst line.\r\nThe $1.26 billion figure.\r\n";
    const result = parseArticle("corpus/a.md", "a", text);
    const body = "article" in result ? result.article.body : "";
    const at = body.indexOf("$1.26 billion");
    expect(body.slice(at, at + 13)).toBe("$1.26 billion");
    expect(body).toBe(text.slice(text.indexOf("First line.")));
  });
});

describe("formatIssue", () => {
  test("writes file, line and message on one line", () => {
    const issue: CorpusIssue = { file: "corpus/bad.md", line: 3, message: "published: bad" };
    expect(formatIssue(issue)).toBe("corpus/bad.md:3: published: bad");
  });

  test("leaves the line out when it is not known", () => {
    expect(formatIssue({ file: "corpus/e.md", line: null, message: "the file is empty" })).toBe(
      "corpus/e.md: the file is empty",
    );
  });

  test("folds a message with line breaks onto one line", () => {
    expect(formatIssue({ file: "f.md", line: 1, message: "first\n  second" })).toBe(
      "f.md:1: first second",
    );
  });
});

describe("corpusFingerprint", () => {
  test("stays the same while nothing changes", async () => {
    await put("a.md", GOOD);
    expect(await corpusFingerprint(dir)).toBe(await corpusFingerprint(dir));
  });

  test("changes when an article's content changes, even at the same size", async () => {
    await put("a.md", GOOD);
    const before = await corpusFingerprint(dir);
    await put("a.md", GOOD.replace("Tokyo", "Osaka"));
    expect(await corpusFingerprint(dir)).not.toBe(before);
  });

  test("changes when an article is added or renamed", async () => {
    await put("a.md", GOOD);
    const one = await corpusFingerprint(dir);
    await put("b.md", GOOD);
    const two = await corpusFingerprint(dir);
    await rm(join(dir, "b.md"));
    await put("c.md", GOOD);
    const renamed = await corpusFingerprint(dir);
    expect(new Set([one, two, renamed]).size).toBe(3);
  });

  test("ignores files that are not articles", async () => {
    await put("a.md", GOOD);
    const before = await corpusFingerprint(dir);
    await put("notes.txt", "scribbles");
    expect(await corpusFingerprint(dir)).toBe(before);
  });

  test("throws a CorpusError for a missing folder", async () => {
    await expect(corpusFingerprint(join(dir, "nope"))).rejects.toBeInstanceOf(CorpusError);
  });
});
