import { existsSync } from "node:fs";
import { type Config, isPostgresUrl } from "../config";
import { readReport } from "../insights/insights";
import {
  buildReport,
  type InsightsReport,
  NOTHING_RECORDED,
  windowStart,
} from "../insights/report";
import { storeFor } from "../insights/storage";

/**
 * `cli insights`: the report over every server and the console, read from INSIGHTS_DB. Reading an
 * SQLite store writes nothing: one that does not exist yet is an empty report, not a new file. A
 * PostgreSQL database is migrated like at the bot's start, so its tables are there to read.
 */
export async function insightsReport(
  config: Pick<Config, "insightsDb" | "insightsRetentionDays">,
  days: number,
  now = Date.now(),
): Promise<InsightsReport> {
  const retentionDays = config.insightsRetentionDays;
  if (!isPostgresUrl(config.insightsDb) && !existsSync(config.insightsDb)) {
    const since = windowStart(now, days, retentionDays);
    return buildReport(NOTHING_RECORDED, { days, since, retentionDays });
  }
  const store = storeFor(config);
  try {
    return await readReport(store, { scope: { all: true }, days, retentionDays, now });
  } finally {
    await store.close();
  }
}
