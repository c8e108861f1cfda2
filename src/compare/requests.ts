/**
 * A comparison or a chart as a person asks for one — partners as typed, a measure in their own
 * words — or the reason it cannot be made. Shared by the slash commands, the console and the CLI,
 * so all three accept and refuse the same things in the same words.
 */
import { type ChartOutcome, chartData, type MeasureChoice } from "./chart-data";
import { type Comparison, comparePartners } from "./compare";
import { type FigureSource, readPartnerList, resolvePartner } from "./partner-figures";

export const MIN_PARTNERS = 2;
export const MAX_PARTNERS = 4;

const knownPartners = (source: FigureSource) => {
  const known = source.partners();
  return known.length > 0 ? ` Partners with figures: ${known.join(", ")}.` : "";
};

export function comparisonFor(
  source: FigureSource,
  partnersTyped: string | readonly string[],
  measure?: string | null,
): { ok: true; comparison: Comparison } | { ok: false; reason: string } {
  const { partners, unknown } = readPartnerList(source, partnersTyped);
  if (unknown.length > 0) {
    return {
      ok: false,
      reason: `Not a partner I know: ${unknown.join(", ")}.${knownPartners(source)}`,
    };
  }
  if (partners.length < MIN_PARTNERS || partners.length > MAX_PARTNERS) {
    return {
      ok: false,
      reason: `Compare ${MIN_PARTNERS} to ${MAX_PARTNERS} different partners (${partners.length} given).`,
    };
  }
  return { ok: true, comparison: comparePartners(source, partners, measure) };
}

export function chartFor(
  source: FigureSource,
  partnerTyped: string,
  measure?: MeasureChoice,
): ChartOutcome {
  const partner = resolvePartner(source, partnerTyped);
  if (!partner) {
    return {
      ok: false,
      reason: `Not a partner I know: ${partnerTyped.trim()}.${knownPartners(source)}`,
    };
  }
  return chartData(source, partner, measure);
}
