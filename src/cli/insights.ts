import { existsSync } from "node:fs";
import type { Config } from "../config";
import { readReport, storeFor } from "../insights/insights";
import {
  buildReport,
  type InsightsReport,
  NOTHING_RECORDED,
  windowStart,
} from "../insights/report";

/**
 * `cli insights`: the report over every server and the console, read from INSIGHTS_DB. Reading
 * writes nothing: a store that does not exist yet is an empty report, not a new file.
 */
export async function insightsReport(
  config: Pick<Config, "insightsDb" | "insightsRetentionDays">,
  days: number,
  now = Date.now(),
): Promise<InsightsReport> {
  const retentionDays = config.insightsRetentionDays;
  if (!existsSync(config.insightsDb)) {
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
