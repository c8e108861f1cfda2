import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Every process a test starts (the bot, the console, the CLI) records insights into a scratch
 * folder, not the developer's `.tijarat/`, and finds no old feedback log to move in. A test that
 * reads the store sets its own INSIGHTS_DB. The PostgreSQL tests share one template cluster, made
 * by the first of them in its own folder (`tests/support/postgres.ts`).
 */
export default function setup(): () => void {
  const scratch = mkdtempSync(join(tmpdir(), "tijarat-tests-"));
  const pgTemplate = mkdtempSync(join(tmpdir(), "tijarat-pg-template-"));
  process.env.INSIGHTS_DB = join(scratch, "insights.db");
  process.env.FEEDBACK_LOG = join(scratch, "feedback.jsonl");
  process.env.PG_TEMPLATE_DIR = pgTemplate;
  return () => {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(pgTemplate, { recursive: true, force: true });
  };
}
