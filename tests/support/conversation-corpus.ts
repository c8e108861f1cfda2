import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadCorpus } from "../../src/corpus/load";
import { buildEngine } from "../../src/engine";
import type { Article, Engine } from "../../src/types";

const ROOT = resolve(import.meta.dirname, "../..");

/**
 * The corpus conversations are driven on: the seed articles, the conversation fixture (Japan's
 * exports in FY2022-23 and 2021, and who said so) and the extra articles (China, Türkiye, the
 * UK and the US, each with several measures and periods).
 */
export const CONVERSATION_FOLDERS = [
  "corpus",
  "tests/fixtures/conversation-articles",
  "tests/fixtures/extra-articles",
].map((folder) => join(ROOT, folder));

export async function conversationArticles(): Promise<Article[]> {
  const loaded = await Promise.all(CONVERSATION_FOLDERS.map((folder) => loadCorpus(folder)));
  return loaded.flatMap((l) => l.articles);
}

/** The engine over the conversation corpus. */
export async function conversationEngine(): Promise<Engine> {
  return buildEngine(await conversationArticles());
}

/** The conversation corpus copied into one folder, for the CLI and the bot (`--corpus`, CORPUS_DIR). */
export function conversationCorpusDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tijarat-conversation-"));
  for (const folder of CONVERSATION_FOLDERS) {
    for (const name of readdirSync(folder)) copyFileSync(join(folder, name), join(dir, name));
  }
  return dir;
}
