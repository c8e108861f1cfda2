import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { articleFromHtml } from "../../src/articles/html-article";
import { dayOf, type MetaDocument, readMetadata } from "../../src/articles/page-metadata";
import { OMAN_PARAGRAPHS } from "../support/news-pages";

const metadataOf = (head: string) =>
  readMetadata(
    parseHTML(`<html><head>${head}</head><body></body></html>`).document as unknown as MetaDocument,
  );

const ld = (value: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe("a page's metadata", () => {
  it.each([
    ["2024-05-02T23:30:00+05:00", "2024-05-02"],
    ["2024-05-02", "2024-05-02"],
    ["2024-05-02 09:00:00", "2024-05-02"],
    ["Thu, 02 May 2024 10:00:00 GMT", "2024-05-02"],
    ["May 2, 2024", "2024-05-02"],
    ["2024-02-30T10:00:00Z", null],
    ["yesterday", null],
    ["", null],
  ])("reads the day of %j as %j", (value, day) => {
    expect(dayOf(value)).toBe(day);
  });

  it("prefers JSON-LD NewsArticle (also inside @graph) over Open Graph and the title", () => {
    const meta = metadataOf(`<title>Old | Site</title>
      <meta property="og:title" content="OG headline"><meta property="og:site_name" content="OG Site">
      <meta property="article:published_time" content="2020-01-01">
      ${ld({ "@graph": [{ "@type": ["NewsArticle"], headline: "LD headline", datePublished: "2024-05-02T08:00:00+05:00", publisher: [{ "@type": "Organization", name: "LD Publisher" }] }] })}`);
    expect(meta).toMatchObject({
      title: "LD headline",
      publisher: "LD Publisher",
      published: "2024-05-02",
      article: true,
      listing: false,
    });
  });

  it("falls back to Open Graph and article meta tags, then the page title without the site", () => {
    expect(
      metadataOf(`<meta property="og:title" content="OG headline"><meta property="og:site_name" content="Dawn">
        <meta property="article:published_time" content="2024-05-02T10:00:00Z">`),
    ).toMatchObject({ title: "OG headline", publisher: "Dawn", published: "2024-05-02" });
    expect(
      metadataOf(
        `<title>Pakistan and Oman sign a trade pact | Dawn</title><meta property="og:site_name" content="Dawn">`,
      ).title,
    ).toBe("Pakistan and Oman sign a trade pact");
  });

  it("skips broken JSON-LD and reads the rest", () => {
    const meta = metadataOf(`<script type="application/ld+json">{ not json</script>
      ${ld({ "@type": "CollectionPage", name: "Business" })}`);
    expect(meta.listing).toBe(true);
  });
});

describe("the article in a page", () => {
  it("keeps each block a paragraph and a table a row a paragraph, without links-only lines", () => {
    const html = `<html><head><title>Trade table</title></head><body><article>
      <h1>Trade table</h1><p>By Staff Reporter</p>
      ${OMAN_PARAGRAPHS.slice(0, 3)
        .map((p) => `<p>${p}</p>`)
        .join("")}
      <p><strong>Read more:</strong> <a href="/x">A very long related headline that is only a link</a></p>
      <table><tr><th>Year</th><th>Exports</th></tr><tr><td>FY2023-24</td><td>$412 million</td></tr></table>
      <p>${OMAN_PARAGRAPHS[5]}</p></article></body></html>`;
    const draft = articleFromHtml(html, "https://ledger.example/t");
    expect(draft.body.split("\n\n")).toEqual([
      ...OMAN_PARAGRAPHS.slice(0, 3),
      "Year; Exports",
      "FY2023-24; $412 million",
      OMAN_PARAGRAPHS[5],
    ]);
    expect(draft.url).toBe("https://ledger.example/t");
  });

  it("refuses a page with too little text, saying how little", () => {
    expect(() =>
      articleFromHtml(
        "<html><head><title>Short</title></head><body><p>Just a line.</p></body></html>",
        null,
      ),
    ).toThrow(/no article in the file: only \d+ characters of text/);
  });
});
