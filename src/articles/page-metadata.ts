/**
 * What a news page says about itself: headline, publisher, publication date, canonical URL and
 * what kind of page it is. News sites state these for search engines and social cards, more
 * reliably than any heading in the body: JSON-LD (`NewsArticle` and its kin) first, then Open
 * Graph and article meta tags, then the page title.
 */

/** The DOM calls used here; linkedom's document provides them. */
export interface MetaDocument {
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
  querySelector(selector: string): MetaElement | null;
  title?: string;
}

export interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

export interface PageMetadata {
  title: string | null;
  publisher: string | null;
  /** `YYYY-MM-DD`, as the page gives the day of publication. */
  published: string | null;
  /** The canonical URL, when the page names one. */
  url: string | null;
  /** JSON-LD or Open Graph says this page is a listing (a section front, search results). */
  listing: boolean;
  /** JSON-LD or Open Graph says this page is an article. */
  article: boolean;
}

const ARTICLE_TYPES = new Set([
  "article",
  "newsarticle",
  "reportagenewsarticle",
  "analysisnewsarticle",
  "opinionnewsarticle",
  "backgroundnewsarticle",
  "blogposting",
  "report",
]);
const LISTING_TYPES = new Set([
  "collectionpage",
  "itemlist",
  "searchresultspage",
  "sitenavigationelement",
]);

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const text = (value: unknown): string | null => {
  if (typeof value === "string") return value.replace(/\s+/g, " ").trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  if (isRecord(value)) return text(value.name);
  return null;
};

function typesOf(node: Json): string[] {
  const type = node["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === "string").map((t) => t.toLowerCase());
}

/** Every JSON-LD object on the page, `@graph` members included. */
function jsonLdNodes(doc: MetaDocument): Json[] {
  const nodes: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
    } else if (isRecord(value)) {
      nodes.push(value);
      if (value["@graph"]) visit(value["@graph"], depth + 1);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // A broken JSON-LD block is common and says nothing; the meta tags still may.
    }
  }
  return nodes;
}

function meta(doc: MetaDocument, ...names: string[]): string | null {
  for (const name of names) {
    const element =
      doc.querySelector(`meta[property="${name}"]`) ?? doc.querySelector(`meta[name="${name}"]`);
    const value = text(element?.getAttribute("content"));
    if (value) return value;
  }
  return null;
}

function isCalendarDay(day: string): boolean {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The day an ISO-like timestamp names, as written (`2024-05-02T23:30:00+05:00` is 2 May in
 * Karachi, where it was published, even though it is 1 May in UTC). Other formats are parsed
 * by Date, which reads RFC 2822 (`Thu, 02 May 2024 …`) and `May 2, 2024`.
 */
export function dayOf(value: string | null): string | null {
  if (!value) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  if (iso) return isCalendarDay(iso[1] as string) ? (iso[1] as string) : null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return null;
  const year = parsed.getFullYear();
  if (year < 1900 || year > 2200) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${year}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

/** `Headline | Dawn`, `Headline - The Express Tribune`: the site's name off the page title. */
function withoutSiteSuffix(title: string, site: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1] ?? "";
  if (site && last.toLowerCase() === site.toLowerCase()) return parts.slice(0, -1).join(" - ");
  return (parts[0] ?? "").length >= 20 ? (parts[0] ?? title) : title;
}

export function readMetadata(doc: MetaDocument): PageMetadata {
  const nodes = jsonLdNodes(doc);
  const news = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t)));
  const listingLd = nodes.some((n) => typesOf(n).some((t) => LISTING_TYPES.has(t)));
  const ogType = meta(doc, "og:type")?.toLowerCase() ?? null;

  const publisher =
    text(news?.publisher) ??
    meta(doc, "og:site_name", "application-name") ??
    text(nodes.find((n) => typesOf(n).includes("newsmediaorganization"))?.name);
  const pageTitle = text(doc.querySelector("title")?.textContent ?? doc.title ?? null);
  const title =
    text(news?.headline) ??
    meta(doc, "og:title", "twitter:title") ??
    (pageTitle ? withoutSiteSuffix(pageTitle, publisher) : null);
  const published =
    dayOf(text(news?.datePublished)) ??
    dayOf(
      meta(
        doc,
        "article:published_time",
        "og:article:published_time",
        "datePublished",
        "pubdate",
        "publish-date",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date.issued",
      ),
    ) ??
    dayOf(doc.querySelector("time[datetime]")?.getAttribute("datetime") ?? null);
  const canonical =
    doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    meta(doc, "og:url") ??
    text(news?.url);

  return {
    title,
    publisher,
    published,
    url: canonical?.trim() || null,
    listing: !news && listingLd,
    article: news !== undefined || ogType === "article",
  };
}
