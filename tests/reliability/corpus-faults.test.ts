import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { commands } from "../../commands";
import { formatIssue } from "../../src/corpus/load";
import { type InteractionRequest, route } from "../../src/discord/router";
import { loadEngine } from "../../src/engine";
import type { Engine } from "../../src/types";
import { expectSafeResponse } from "../properties/safe-reply";
import { commandContext } from "../support/command-context";
import { replyText } from "../support/discord-limits";
import { injectFault } from "../support/fs-faults";

// An unreadable file is made by injecting the error: as root (how CI runs) chmod 000 reads fine.
vi.mock("node:fs/promises", async (importOriginal) =>
  (await import("../support/fs-faults")).withFaults(await importOriginal()),
);

/**
 * Broken files dropped into a real corpus folder, run through the whole engine: each is reported
 * with its file and a reason and skipped, and the good articles still answer. Valid but awkward
 * encodings of a seed article answer exactly as the original does.
 */

const ROOT = resolve(import.meta.dirname, "../..");
const SEED = join(ROOT, "corpus");
const SEED_IDS = [
  "pakistan-japan-industrial-cooperation",
  "pakistan-japan-trade-ties",
  "us-tech-companies-pakistan",
];
const TRADE_ARTICLE = "pakistan-japan-trade-ties";
const TRADE_QUESTION = "What was the trade volume between Pakistan and Japan?";
const DEV_QUESTIONS = (
  JSON.parse(readFileSync(join(ROOT, "tests/fixtures/dev-questions.json"), "utf8")) as {
    questions: { question: string }[];
  }
).questions.map((q) => q.question);

const scratch = mkdtempSync(join(tmpdir(), "tijarat-faults-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function seededFolder(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(SEED)) copyFileSync(join(SEED, file), join(dir, file));
  return dir;
}

const ARTICLE = (title: string, body = "Pakistan and Japan met in Tokyo to talk about trade.\n") =>
  `---\ntitle: ${title}\n---\n${body}`;

/** Each broken file, how to make it, and the reason the loader must give for it. */
const BROKEN: { name: string; make: (path: string) => void; reason: RegExp }[] = [
  { name: "empty.md", make: (p) => writeFileSync(p, ""), reason: /^the file is empty$/ },
  {
    name: "blank.md",
    make: (p) => writeFileSync(p, " \n\t\r\n"),
    reason: /^the file is empty$/,
  },
  {
    name: "binary-junk.md",
    make: (p) =>
      writeFileSync(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    reason: /^binary data/,
  },
  {
    name: "invalid-utf8.md",
    make: (p) =>
      writeFileSync(
        p,
        Buffer.concat([Buffer.from(ARTICLE("Bytes")), Buffer.from([0xc3, 0x28, 0xff, 0xfe])]),
      ),
    reason: /^binary data: the file is not valid UTF-8 text$/,
  },
  {
    name: "utf16.md",
    make: (p) =>
      writeFileSync(
        p,
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE("Wide"), "utf16le")]),
      ),
    reason: /^binary data: the file is UTF-16 encoded/,
  },
  {
    name: "no-front-matter.md",
    make: (p) => writeFileSync(p, "Pakistan and Japan met in Tokyo.\n"),
    reason: /^no front matter/,
  },
  {
    name: "unterminated-front-matter.md",
    make: (p) => writeFileSync(p, "---\ntitle: Open\nPakistan and Japan met.\n"),
    reason: /^unterminated front matter/,
  },
  {
    name: "invalid-yaml.md",
    make: (p) => writeFileSync(p, ARTICLE("[unclosed, list")),
    reason: /^invalid YAML/,
  },
  {
    name: "title-not-a-string.md",
    make: (p) => writeFileSync(p, ARTICLE("42")),
    reason: /^title: /,
  },
  {
    name: "title-a-list.md",
    make: (p) => writeFileSync(p, ARTICLE("\n  - one\n  - two")),
    reason: /^title: /,
  },
  {
    name: "bad-date.md",
    make: (p) => writeFileSync(p, "---\ntitle: Dated\npublished: 2024-13-45\n---\nBody text.\n"),
    reason: /^published: .*2024-13-45/,
  },
  {
    name: "no-body.md",
    make: (p) => writeFileSync(p, "---\ntitle: Nothing follows\n---\n\n"),
    reason: /^empty body/,
  },
  {
    name: "huge.md",
    make: (p) => writeFileSync(p, ARTICLE("Huge", "Pakistan and Japan trade. ".repeat(410_000))),
    reason: /^too large: 10\.\d MB, over the 5\.0 MB limit/,
  },
  {
    name: "loop.md",
    make: (p) => symlinkSync(p, p),
    reason: /^cannot be read: symbolic link loop \(ELOOP\)$/,
  },
  {
    name: "loop-a.md",
    make: (p) => {
      symlinkSync(p.replace("loop-a", "loop-b"), p);
      symlinkSync(p, p.replace("loop-a", "loop-b"));
    },
    reason: /^cannot be read: symbolic link loop \(ELOOP\)$/,
  },
  {
    name: "dangling.md",
    make: (p) => symlinkSync(join(scratch, "nowhere.md"), p),
    reason: /^cannot be read: dangling symbolic link/,
  },
  {
    name: "a-folder.md",
    make: (p) => mkdirSync(p),
    reason: /^is a folder, not an article file$/,
  },
  {
    name: "no-permission.md",
    make: (p) => {
      writeFileSync(p, ARTICLE("Secret"));
      injectFault("readFile", p, "EACCES");
    },
    reason: /^cannot be read: permission denied \(EACCES\)$/,
  },
];
// The second half of the two-link loop is reported under its own name.
const EXPECTED_REASONS = new Map(BROKEN.map((b) => [b.name, b.reason]));
EXPECTED_REASONS.set("loop-b.md", /^cannot be read: symbolic link loop \(ELOOP\)$/);

describe("a corpus folder with every kind of broken file", () => {
  let dir: string;
  let engine: Engine;

  beforeAll(async () => {
    dir = seededFolder("broken");
    for (const broken of BROKEN) broken.make(join(dir, broken.name));
    // Not articles at all: other extensions are reported as not read, dot files pass unseen.
    writeFileSync(join(dir, "notes.txt"), ARTICLE("A text file"));
    writeFileSync(join(dir, ".draft.md"), ARTICLE("Editor litter"));
    writeFileSync(join(dir, "README"), "read me");
    engine = await loadEngine({ corpusDir: dir });
  }, 30_000);

  it("reports each broken file once, by path, with the reason it was skipped", () => {
    const broken = engine.issues.filter((i) => !i.message.startsWith("not read"));
    const byFile = new Map(broken.map((issue) => [issue.file, issue]));
    expect(broken).toHaveLength(EXPECTED_REASONS.size);
    expect([...byFile.keys()].sort()).toEqual(
      [...EXPECTED_REASONS.keys()].map((name) => join(dir, name)).sort(),
    );
    for (const [name, reason] of EXPECTED_REASONS) {
      const issue = byFile.get(join(dir, name));
      expect(issue?.message, name).toMatch(reason);
      // One line, starting with the file, for the operator's log.
      const line = issue ? formatIssue(issue) : "";
      expect(line.startsWith(join(dir, name)), line).toBe(true);
      expect(line).not.toMatch(/[\r\n]/);
    }
  });

  it("gives the line of a YAML error and of a bad date", () => {
    const line = (name: string) => engine.issues.find((i) => i.file === join(dir, name))?.line;
    expect(line("invalid-yaml.md")).toBe(2);
    expect(line("bad-date.md")).toBe(3);
  });

  it("loads only the seed articles and says that files other than .md are not read", () => {
    expect(engine.sources().map((s) => s.id)).toEqual(SEED_IDS);
    const notRead = engine.issues.filter((i) => i.message.startsWith("not read"));
    expect(notRead.map((i) => i.file).sort()).toEqual(
      ["README", "notes.txt"].map((name) => join(dir, name)),
    );
  });

  it("still answers the trade volume question with $1.26 billion, quoted from the seed article", () => {
    const answer = engine.ask(TRADE_QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("$1.26 billion");
    expect(answer.citations[0]?.articleId).toBe(TRADE_ARTICLE);
  });
});

describe("two files whose ids differ only in case", () => {
  it("keeps the first by name, reports the second as a duplicate naming the first, and still answers", async () => {
    const dir = seededFolder("duplicate");
    const twin = join(dir, "Pakistan-Japan-Industrial-Cooperation.md");
    writeFileSync(twin, ARTICLE("Same id, other case", "Pakistan and Japan met in Osaka.\n"));
    const engine = await loadEngine({ corpusDir: dir });
    // Upper case sorts first, so the twin is kept and the seed file is the one reported.
    const original = join(dir, "pakistan-japan-industrial-cooperation.md");
    expect(engine.issues).toEqual([
      {
        file: original,
        line: null,
        message: `duplicate id "pakistan-japan-industrial-cooperation": ${twin} already has it (ids ignore case)`,
      },
    ]);
    expect(engine.sources()).toHaveLength(3);
    expect(engine.ask(TRADE_QUESTION).text).toContain("$1.26 billion");
  });
});

describe("awkward but valid shapes of a seed article", () => {
  const original = readFileSync(join(SEED, `${TRADE_ARTICLE}.md`), "utf8");
  const SHAPES: Record<string, (text: string) => string> = {
    "a UTF-8 byte order mark": (text) => `\ufeff${text}`,
    "CRLF line endings": (text) => text.replace(/\r?\n/g, "\r\n"),
    "trailing spaces and tabs on every line": (text) => text.replace(/\n/g, "  \t\n"),
    "a final newline": (text) => `${text.replace(/\n*$/, "")}\n`,
    "no final newline": (text) => text.replace(/\s+$/, ""),
    "BOM, CRLF and trailing spaces together": (text) =>
      `\ufeff${text.replace(/\r?\n/g, "  \r\n")}\r\n`,
  };

  let reference: Map<string, string>;
  beforeAll(async () => {
    const engine = await loadEngine({ corpusDir: seededFolder("reference") });
    reference = new Map(DEV_QUESTIONS.map((q) => [q, engine.ask(q).text]));
  }, 30_000);

  for (const [shape, reshape] of Object.entries(SHAPES)) {
    it(`answers every dev question as the original does when the article has ${shape}`, async () => {
      const dir = seededFolder(`shape-${Object.keys(SHAPES).indexOf(shape)}`);
      writeFileSync(join(dir, `${TRADE_ARTICLE}.md`), reshape(original));
      const engine = await loadEngine({ corpusDir: dir });
      expect(engine.issues).toEqual([]);
      expect(DEV_QUESTIONS.length).toBeGreaterThan(10);
      for (const question of DEV_QUESTIONS) {
        expect(engine.ask(question).text, question).toBe(reference.get(question));
      }
      expect(engine.ask(TRADE_QUESTION).text).toContain("$1.26 billion");
    });
  }
});

describe("articles whose file names or front matter hold mention and markdown syntax", () => {
  it("load, answer and render every command and button without a raw mention", async () => {
    const dir = seededFolder("hostile-names");
    const body =
      "Pakistan and Uzbekistan said bilateral trade reached $1.1 billion in 2024, according to @everyone.\n\n“We will double it,” said <@123> Minister Ali Raza.\n";
    writeFileSync(
      join(dir, "@everyone.md"),
      `---\ntitle: "@here <@&456> **Trade** \`code\`"\npublisher: "<#789> @everyone"\nurl: https://example.com/?q=@everyone\n---\n${body}`,
    );
    writeFileSync(join(dir, "<@123>.md"), ARTICLE("Plain title", body));
    const engine = await loadEngine({ corpusDir: dir });
    expect(engine.issues).toEqual([]);
    expect(engine.article("@everyone")?.publisher).toBe("<#789> @everyone");

    const { ctx } = commandContext(engine);
    const { userId: _user, ...context } = ctx;
    const deps = { commands, context };
    const requests: InteractionRequest[] = [
      { type: "command", name: "sources", options: {}, userId: "1" },
      { type: "command", name: "figures", options: {}, userId: "1" },
      { type: "command", name: "figures", options: { partner: "Uzbekistan" }, userId: "1" },
      { type: "command", name: "official", options: {}, userId: "1" },
      { type: "command", name: "help", options: {}, userId: "1" },
      ...["How much was trade between Pakistan and Uzbekistan?", "What did Ali Raza say?"].map(
        (question): InteractionRequest => ({
          type: "command",
          name: "ask",
          options: { question },
          userId: "1",
        }),
      ),
    ];
    const sources = await route(requests[0] as InteractionRequest, deps);
    const shown = sources.type === "reply" ? replyText(sources.reply) : "";
    // The hostile title and publisher are shown, but defused.
    expect(shown).toContain("@\u200bhere <\u200b@&456>");
    expect(shown).toContain("<\u200b#789> @\u200beveryone");
    const asked = engine.ask("How much was trade between Pakistan and Uzbekistan?");
    expect(asked.citations.some((c) => ["@everyone", "<@123>"].includes(c.articleId))).toBe(true);
    let pressed = 0;
    for (const request of requests) {
      const response = await route(request, deps);
      expectSafeResponse(response);
      if (response.type !== "reply" && response.type !== "update") continue;
      for (const row of response.reply.components ?? []) {
        for (const button of row.components) {
          expectSafeResponse(
            await route({ type: "button", customId: button.custom_id, userId: "1" }, deps),
          );
          pressed++;
        }
      }
    }
    // The buttons' own replies are reached, not only the commands'.
    expect(pressed).toBeGreaterThan(0);
  });
});
