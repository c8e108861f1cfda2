import { describe, expect, it } from "vitest";
import { articleDate } from "../../src/corpus/article-date";

describe("the day an article speaks from", () => {
  it("is its published date when the front matter gives one", () => {
    expect(
      articleDate({ published: "2024-08-08", url: "https://example.com/2011/10/24/story/" }),
    ).toBe("2024-08-08");
  });

  it("is the date in its address when the front matter gives none", () => {
    expect(
      articleDate({
        published: null,
        url: "https://archive.pakistantoday.com.pk/2011/10/24/pak-uk-trade-to-boost-up-to-2-5b/",
      }),
    ).toBe("2011-10-24");
  });

  it("is unknown for an address with no whole date, or numbers that are no date", () => {
    expect(articleDate({ published: null, url: "https://www.dawn.com/news/1711234" })).toBeNull();
    expect(articleDate({ published: null, url: "https://example.com/2024/13/40/x" })).toBeNull();
    expect(articleDate({ published: null, url: null })).toBeNull();
  });
});
