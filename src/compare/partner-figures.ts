/**
 * A partner's figures, each with what it measures and where its period stands in time: the
 * common ground of comparing partners and charting a measure.
 */
import { canonicalCountry } from "../facts/language/countries";
import type { Article, Figure, FigureFilter } from "../types";
import { type MeasureMeaning, meaningOf } from "./measure-meaning";
import { comparePlaced, type PlacedPeriod, placePeriod } from "./timeline";

/** What comparing and charting need of the engine. */
export interface FigureSource {
  figures(filter?: FigureFilter): Figure[];
  article(id: string): Article | undefined;
  partners(): string[];
}

export interface PlacedFigure {
  figure: Figure;
  meaning: MeasureMeaning;
  /** Null when the article gives no period that can be placed in time. */
  period: PlacedPeriod | null;
}

/**
 * The canonical name of a partner as typed (`US`, `türkiye`, `european union`), or null when it is
 * neither a country Tijarat knows nor a partner in the figures.
 */
export function resolvePartner(source: FigureSource, typed: string): string | null {
  const text = typed.trim();
  if (text === "") return null;
  const canonical = canonicalCountry(text);
  if (canonical) return canonical;
  const lower = text.toLowerCase();
  return source.partners().find((p) => p.toLowerCase() === lower) ?? null;
}

const PLACED = new WeakMap<Figure, PlacedFigure | null>();

/** A figure with its meaning and its place in time; null when the article does not say what it measures. */
export function placeFigure(
  source: Pick<FigureSource, "article">,
  figure: Figure,
): PlacedFigure | null {
  const known = PLACED.get(figure);
  if (known !== undefined) return known;
  const meaning = meaningOf(figure);
  const result = meaning
    ? {
        figure,
        meaning,
        period: placePeriod(figure.period, {
          published: source.article(figure.articleId)?.published ?? null,
          sentence: figure.sentence,
        }),
      }
    : null;
  PLACED.set(figure, result);
  return result;
}

/** Orders placed periods first and earliest first; figures with no place keep corpus order. */
export function byPeriod(a: PlacedFigure, b: PlacedFigure): number {
  if (a.period && b.period) return comparePlaced(a.period, b.period);
  return (a.period ? 0 : 1) - (b.period ? 0 : 1);
}

/**
 * The figures that name `partner`, each once (the same value for the same period in the same
 * article is one figure, however often the article repeats it), in period order. Figures whose
 * measure the article does not say are left out: they cannot be lined up with anything.
 */
export function partnerFigures(source: FigureSource, partner: string): PlacedFigure[] {
  const seen = new Set<string>();
  const out: PlacedFigure[] = [];
  for (const figure of source.figures({ partner })) {
    if (!figure.partners.includes(partner)) continue;
    const p = placeFigure(source, figure);
    if (!p) continue;
    const key = `${figure.articleId}|${p.meaning.key}|${figure.value}|${p.period?.label ?? figure.period ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.sort(byPeriod);
}

export interface PartnerList {
  /** Canonical names, each once, in the order typed. */
  partners: string[];
  /** What was typed that names no partner. */
  unknown: string[];
}

/**
 * The partners in a list as people type it: `Japan, United States`, `Japan and China`, `UK vs
 * US`. `and` splits only where the whole does not name one country (`Trinidad and Tobago`).
 */
export function readPartnerList(
  source: FigureSource,
  typed: string | readonly string[],
): PartnerList {
  const pieces = (typeof typed === "string" ? [typed] : typed)
    .flatMap((t) => t.split(/[,;]|\s+(?:vs\.?|versus)\s+/i))
    .map((t) => t.trim())
    .filter((t) => t !== "");
  const partners: string[] = [];
  const unknown: string[] = [];
  const add = (name: string) => {
    if (!partners.includes(name)) partners.push(name);
  };
  for (const piece of pieces) {
    const whole = resolvePartner(source, piece);
    if (whole) {
      add(whole);
      continue;
    }
    const parts = piece.split(/\s+(?:and|&)\s+/i);
    const resolved = parts.map((p) => resolvePartner(source, p));
    if (parts.length > 1 && resolved.every((r) => r !== null)) {
      for (const r of resolved) add(r as string);
    } else {
      unknown.push(piece);
    }
  }
  return { partners, unknown };
}
