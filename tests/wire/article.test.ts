import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_ALLOWED } from "../../commands/article";
import { OMAN_PARAGRAPHS, OMAN_TITLE, QATAR_PARAGRAPHS, QATAR_TITLE } from "../support/news-pages";
import { type NewsServer, startNewsServer } from "../support/news-server";
import { freshUser, plainText, startWiredBot, type WiredBot } from "./harness";

/**
 * /article over the wire: the real bot (`npm start`) against the fake Discord, fetching from a
 * news site on 127.0.0.1 (FETCH_ALLOW_LOOPBACK=1). An admin's article answers the very next /ask;
 * a member without Manage Server changes nothing; a removed article answers nothing more.
 */

const OMAN_ID = "pakistan-oman-sign-framework-pact-to-lift-bilateral-trade";
const OMAN_QUESTION =
  "What was the bilateral trade between Pakistan and Oman in fiscal year 2023-24?";
/** Manage Server alone; and a member with everything but it (Administrator implies it). */
const MANAGE_SERVER = String(1 << 5);
const NO_MANAGE_SERVER = String(BigInt("2251799813685247") & ~(1n << 5n) & ~(1n << 3n));

describe("/article over the wire", () => {
  let wired: WiredBot;
  let news: NewsServer;
  const corpus = mkdtempSync(join(tmpdir(), "tijarat-wire-articles-"));
  const files = () => readdirSync(corpus).sort();

  beforeAll(async () => {
    for (const name of readdirSync("corpus"))
      copyFileSync(join("corpus", name), join(corpus, name));
    news = await startNewsServer();
    wired = await startWiredBot({ CORPUS_DIR: corpus, FETCH_ALLOW_LOOPBACK: "1" });
  });

  afterAll(async () => {
    await wired?.stop();
    await news?.close();
    rmSync(corpus, { recursive: true, force: true });
  });

  const admin = () => ({ ...freshUser(), permissions: MANAGE_SERVER });

  async function ask(question: string) {
    const sent = wired.fake.command("ask", { question }, freshUser());
    return plainText((await wired.fake.waitForReply(sent.id, 5_000)).data);
  }

  it("refuses a member without Manage Server, changing nothing", async () => {
    const before = files();
    const sent = wired.fake.subcommand(
      "article",
      "add",
      { url: news.url("/2024/05/02/pakistan-oman-pact") },
      { ...freshUser(), permissions: NO_MANAGE_SERVER },
    );
    const reply = await wired.fake.waitForReply(sent.id, 5_000);
    expect(reply.ephemeral).toBe(true);
    expect(plainText(reply.data)).toBe(NOT_ALLOWED.replace(/\*\*/g, ""));
    expect(files()).toEqual(before);
    expect(news.requests.some((r) => r.path === "/2024/05/02/pakistan-oman-pact")).toBe(false);
  });

  it("adds a page for an admin, saying what it found, and the next /ask is answered from it", async () => {
    expect(await ask(OMAN_QUESTION)).toMatch(/does not answer|no article about Oman/);
    const sent = wired.fake.subcommand(
      "article",
      "add",
      { url: news.url("/2024/05/02/pakistan-oman-pact") },
      admin(),
    );
    const reply = await wired.fake.waitForReply(sent.id, 15_000);
    expect(reply.callbackType).toBe(5);
    expect(reply.ephemeral).toBe(true);
    const shown = plainText(reply.data);
    expect(shown).toContain(`Added: ${OMAN_TITLE}`);
    expect(shown).toContain("The Daily Ledger");
    expect(shown).toContain("2024-05-02");
    expect(shown).toMatch(/6 passages · \d+ figures · \d+ officials?/);
    expect(shown).toContain("Jam Kamal Khan");
    expect(shown).toContain("$1.4 billion");
    expect(files()).toContain(`${OMAN_ID}.md`);

    const answer = await ask(OMAN_QUESTION);
    expect(answer).toContain("$1.4 billion");
    expect(answer).toContain(OMAN_TITLE);
  });

  it("refuses the same page again, naming the article already there", async () => {
    const before = files();
    const sent = wired.fake.subcommand(
      "article",
      "add",
      { url: news.url("/amp/2024/05/02/pakistan-oman-pact") },
      admin(),
    );
    const shown = plainText((await wired.fake.waitForReply(sent.id, 15_000)).data);
    expect(shown).toContain(`Not added: already in the corpus: ${OMAN_ID} has the same URL`);
    expect(files()).toEqual(before);
  });

  it("refuses a redirect to cloud metadata with the reason", async () => {
    const sent = wired.fake.subcommand(
      "article",
      "add",
      { url: news.url("/redirect/to-metadata") },
      admin(),
    );
    const shown = plainText((await wired.fake.waitForReply(sent.id, 15_000)).data);
    expect(shown).toMatch(/Not added: 169\.254\.169\.254, a link-local address/);
  });

  it("offers the articles' ids to /article remove as the admin types", async () => {
    const sent = wired.fake.subcommandAutocomplete(
      "article",
      "remove",
      { id: "oman" },
      "id",
      admin(),
    );
    const reply = await wired.fake.waitForReply(sent.id, 5_000);
    const choices = reply.data.choices as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toEqual([OMAN_ID]);
    expect(choices[0]?.name).toMatch(
      /^Pakistan, Oman sign .*… \(pakistan-oman-sign-framework-pact-to-lift-bilateral-trade\)$/,
    );
    expect(choices[0]?.name.length).toBeLessThanOrEqual(100);
  });

  it("removes the article, and the answer is gone", async () => {
    const sent = wired.fake.subcommand("article", "remove", { id: OMAN_ID }, admin());
    const shown = plainText((await wired.fake.waitForReply(sent.id, 10_000)).data);
    expect(shown).toContain(`Removed ${OMAN_TITLE}`);
    expect(files()).not.toContain(`${OMAN_ID}.md`);
    const answer = await ask(OMAN_QUESTION);
    expect(answer).not.toContain("$1.4 billion");
    expect(answer).toMatch(/does not answer|no article about Oman/);
  });

  it("opens a form with neither URL nor file, and adds the pasted article", async () => {
    const open = wired.fake.subcommand("article", "add", {}, admin());
    const form = await wired.fake.waitForReply(open.id, 5_000);
    expect(form.callbackType).toBe(9);
    expect(form.data.custom_id).toBe("article:paste");
    const sent = wired.fake.modalSubmit(
      "article:paste",
      {
        title: QATAR_TITLE,
        publisher: "Gulf Trade Wire",
        published: "2024-11-04",
        url: "",
        text: QATAR_PARAGRAPHS.join("\n\n"),
      },
      admin(),
    );
    const shown = plainText((await wired.fake.waitForReply(sent.id, 10_000)).data);
    expect(shown).toContain(`Added: ${QATAR_TITLE}`);
    expect(await ask("What were Pakistan's imports from Qatar in fiscal year 2023-24?")).toContain(
      "$2.9 billion",
    );
  });

  it("adds an uploaded file, and /article list shows it", async () => {
    const sent = wired.fake.subcommand(
      "article",
      "add",
      {
        file: {
          filename: "pakistan-oman-pact.md",
          url: news.url("/notes/pakistan-oman-pact.md"),
          contentType: "text/markdown; charset=utf-8",
          size: OMAN_PARAGRAPHS.join("\n\n").length,
        },
      },
      admin(),
    );
    expect(plainText((await wired.fake.waitForReply(sent.id, 10_000)).data)).toContain(
      `Added: ${OMAN_TITLE}`,
    );
    const list = wired.fake.subcommand("article", "list", {}, admin());
    const shown = plainText((await wired.fake.waitForReply(list.id, 5_000)).data);
    expect(shown).toContain(OMAN_ID);
    expect(shown).toContain("Articles — 5");
  });
});
