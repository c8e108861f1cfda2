import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";

/** Runs a CLI command in this process with its own streams, as `npm run cli -- …` would. */
async function cli(args: string[], input = "") {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdin: Readable.from([input]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

function corpusWith(extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "tijarat-cli-"));
  for (const name of readdirSync("corpus")) copyFileSync(join("corpus", name), join(dir, name));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("the command line", () => {
  it("runs as outside scripts run it, npm run cli, with the exit status and JSON on stdout", () => {
    const run = spawnSync("npm", ["run", "--silent", "cli", "--", "ask", "--jsonl"], {
      input: "Who is Haroon Akhtar Khan?\n",
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim()).answered).toBe(true);
  });

  it("answers one question as contract JSON with verbatim citations", async () => {
    const run = await cli([
      "ask",
      "What was the trade volume between Pakistan and Japan?",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("$1.26 billion");
    expect(answer.citations[0].articleId).toBe("pakistan-japan-trade-ties");
    expect(answer.citations[0].excerpt).toContain("$1.26 billion in the fiscal year 2022-23");
  });

  it("reads questions from stdin with --jsonl and writes one JSON line per non-empty line, in order", async () => {
    const run = await cli(
      ["ask", "--jsonl"],
      "Who is Haroon Akhtar Khan?\n\n   \nWhat is Pakistan's trade volume with China?\n",
    );
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.question, l.answered])).toEqual([
      ["Who is Haroon Akhtar Khan?", true],
      ["What is Pakistan's trade volume with China?", false],
    ]);
  });

  it("lists figures for one partner with the contract's fields", async () => {
    const run = await cli(["figures", "--partner", "Japan", "--json"]);
    expect(run.code).toBe(0);
    const { figures } = JSON.parse(run.stdout);
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) expect(f.partners).toContain("Japan");
    expect(figures.find((f: { value: string }) => f.value === "$1.26 billion")).toMatchObject({
      amount: 1_260_000_000,
      unit: "USD",
      articleId: "pakistan-japan-trade-ties",
    });
  });

  it("finds an official by a partial name in any order and case", async () => {
    const run = await cli(["official", "takehiko MATSUO", "--json"]);
    expect(run.code).toBe(0);
    const { officials } = JSON.parse(run.stdout);
    expect(officials).toHaveLength(1);
    expect(officials[0].name).toMatch(/matsuo takehiko/i);
  });

  it("gives an official's kind and normalised offices beside the contract's fields", async () => {
    const run = await cli(["official", "Jam Kamal", "--json"]);
    expect(run.code).toBe(0);
    const [jam] = JSON.parse(run.stdout).officials;
    expect(jam).toMatchObject({
      name: "Jam Kamal Khan",
      title: "Federal Minister for Commerce",
      organization: "Ministry of Commerce",
      country: "Pakistan",
      kind: "government",
    });
    expect(jam.offices).toContainEqual(
      expect.objectContaining({ rank: "minister", portfolio: ["commerce"], country: "Pakistan" }),
    );
    for (const key of ["quotes", "articleIds", "associates"])
      expect(Array.isArray(jam[key])).toBe(true);
  });

  it("lists the articles with their counts", async () => {
    const run = await cli(["sources", "--json"]);
    expect(run.code).toBe(0);
    const { articles } = JSON.parse(run.stdout);
    expect(articles.map((a: { id: string }) => a.id).sort()).toEqual([
      "pakistan-japan-industrial-cooperation",
      "pakistan-japan-trade-ties",
      "us-tech-companies-pakistan",
    ]);
    for (const a of articles) expect(a.passages).toBeGreaterThan(0);
  });

  it("prints plain text for a person by default", async () => {
    const run = await cli(["ask", "Who is the Federal Minister for Commerce?"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Jam Kamal Khan");
    expect(run.stdout).toContain("[1]");
    expect(() => JSON.parse(run.stdout)).toThrow(SyntaxError);
  });

  it("reports a malformed article on stderr and answers from the rest", async () => {
    const dir = corpusWith({ "broken.md": "---\ntitle: [unclosed\n---\nBody.\n" });
    const run = await cli(["ask", "Who is Haroon Akhtar Khan?", "--json", "--corpus", dir]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("broken.md");
    expect(JSON.parse(run.stdout).answered).toBe(true);
  });

  it("exits 2 with a one-line reason for a missing corpus folder", async () => {
    const run = await cli(["sources", "--corpus", "/nonexistent/tijarat-corpus"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("/nonexistent/tijarat-corpus");
  });

  it.each([
    [["frobnicate"], "unknown command"],
    [[], "no command"],
    [["ask"], "ask needs a question"],
    [["sources", "--bogus"], "bogus"],
    [["figures", "--jsonl"], "--jsonl goes with ask"],
  ])("exits 2 for bad usage %j, saying %j", async (args, reason) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(reason);
  });
});
