import { describe, expect, test } from "vitest";
import {
  frontMatterSchema,
  lineAt,
  locateFrontMatter,
  parseFrontMatter,
} from "../../src/corpus/front-matter";

describe("locateFrontMatter", () => {
  test("finds the YAML between the --- lines and the body from the next line on", () => {
    const text = "---\ntitle: T\n---\nBody.\n";
    const found = locateFrontMatter(text);
    expect(found).toEqual({
      layout: { yaml: "title: T\n", yamlLine: 2, bodyStart: 17, bodyLine: 4 },
    });
    expect(text.slice(17)).toBe("Body.\n");
  });

  test("accepts delimiter lines with trailing spaces and CRLF line ends", () => {
    const text = "---  \r\ntitle: T\r\n--- \t\r\nBody.";
    const found = locateFrontMatter(text);
    expect(found).toEqual({
      layout: { yaml: "title: T\r\n", yamlLine: 2, bodyStart: 24, bodyLine: 4 },
    });
    expect(text.slice(24)).toBe("Body.");
  });

  test("gives empty YAML when the closing line follows the opening one directly", () => {
    expect(locateFrontMatter("---\n---\nBody")).toEqual({
      layout: { yaml: "", yamlLine: 2, bodyStart: 8, bodyLine: 3 },
    });
  });

  test("gives an empty body when the closing line ends the file", () => {
    expect(locateFrontMatter("---\ntitle: T\n---")).toEqual({
      layout: { yaml: "title: T\n", yamlLine: 2, bodyStart: 16, bodyLine: 3 },
    });
  });

  test("reports a file that does not open with a --- line as having no front matter", () => {
    expect(locateFrontMatter("title: T\nBody")).toEqual({
      problem: { line: 1, message: 'no front matter: the file must start with a "---" line' },
    });
  });

  test("reports front matter that is never closed", () => {
    expect(locateFrontMatter("---\ntitle: T\nBody text.\n")).toEqual({
      problem: {
        line: 1,
        message: 'unterminated front matter: no closing "---" line after the opening one',
      },
    });
  });

  test("reports a closing line that carries more than ---, on its own line", () => {
    expect(locateFrontMatter("---\ntitle: T\n--- extra\nBody")).toEqual({
      problem: {
        line: 3,
        message: 'front matter closing line must be just "---", found "--- extra"',
      },
    });
  });
});

describe("parseFrontMatter", () => {
  test("reads title, publisher, url and published", () => {
    const yaml =
      "title: Pakistan and Japan Commit to Strengthen Trade Ties\npublisher: Dawn\nurl: https://www.dawn.com/news/1\npublished: 2024-05-02\n";
    expect(parseFrontMatter(yaml, 2)).toEqual({
      frontMatter: {
        title: "Pakistan and Japan Commit to Strengthen Trade Ties",
        publisher: "Dawn",
        url: "https://www.dawn.com/news/1",
        published: "2024-05-02",
      },
    });
  });

  test("leaves optional keys null when absent, blank or YAML null", () => {
    expect(parseFrontMatter("title: T\npublisher:\nurl: ''\npublished: ~\n", 2)).toEqual({
      frontMatter: { title: "T", publisher: null, url: null, published: null },
    });
  });

  test("trims the title and reads a quoted title with a colon in it", () => {
    expect(parseFrontMatter('title: "  Trade: a new chapter  "\n', 2)).toEqual({
      frontMatter: { title: "Trade: a new chapter", publisher: null, url: null, published: null },
    });
  });

  test("reads CRLF front matter without carriage returns in the values", () => {
    expect(parseFrontMatter("title: T  \r\npublisher: Dawn\r\n", 2)).toEqual({
      frontMatter: { title: "T", publisher: "Dawn", url: null, published: null },
    });
  });

  test("reports a missing title at the opening line", () => {
    expect(parseFrontMatter("publisher: Dawn\n", 2)).toEqual({
      problems: [{ line: 1, message: "title: is required" }],
    });
  });

  test("reports a title that is not a string with its value and line", () => {
    expect(parseFrontMatter("publisher: Dawn\ntitle: 2024\n", 2)).toEqual({
      problems: [{ line: 3, message: "title: 2024 must be a string" }],
    });
  });

  test("reports a title that is a list", () => {
    expect(parseFrontMatter("title: [a, b]\n", 2)).toEqual({
      problems: [{ line: 2, message: 'title: ["a","b"] must be a string' }],
    });
  });

  test("reports an empty title", () => {
    expect(parseFrontMatter('title: "  "\n', 2)).toEqual({
      problems: [{ line: 2, message: 'title: "  " must not be empty' }],
    });
  });

  test("reports a month and day out of range as not a valid date", () => {
    expect(parseFrontMatter("title: T\npublished: 2024-13-45\n", 2)).toEqual({
      problems: [{ line: 3, message: 'published: "2024-13-45" is not a valid date (YYYY-MM-DD)' }],
    });
  });

  test("reports the 30th of February as not a valid date", () => {
    expect(parseFrontMatter("title: T\npublished: 2023-02-30\n", 2)).toEqual({
      problems: [{ line: 3, message: 'published: "2023-02-30" is not a valid date (YYYY-MM-DD)' }],
    });
  });

  test("accepts the 29th of February in a leap year", () => {
    expect(parseFrontMatter("title: T\npublished: 2024-02-29\n", 2)).toEqual({
      frontMatter: { title: "T", publisher: null, url: null, published: "2024-02-29" },
    });
  });

  test("reports a date written day first", () => {
    expect(parseFrontMatter("title: T\npublished: 16/08/2025\n", 2)).toEqual({
      problems: [{ line: 3, message: 'published: "16/08/2025" is not a valid date (YYYY-MM-DD)' }],
    });
  });

  test("reports a date given as a number", () => {
    expect(parseFrontMatter("title: T\npublished: 2025\n", 2)).toEqual({
      problems: [{ line: 3, message: "published: 2025 is not a valid date (YYYY-MM-DD)" }],
    });
  });

  test("reports a url that is not http or https", () => {
    expect(parseFrontMatter("title: T\nurl: ftp://example.com/a\n", 2)).toEqual({
      problems: [{ line: 3, message: 'url: "ftp://example.com/a" is not a valid http(s) URL' }],
    });
  });

  test("reports a url that is not a URL at all", () => {
    expect(parseFrontMatter("title: T\nurl: see the Dawn website\n", 2)).toEqual({
      problems: [{ line: 3, message: 'url: "see the Dawn website" is not a valid http(s) URL' }],
    });
  });

  test("reports a publisher that is not a string", () => {
    expect(parseFrontMatter("title: T\npublisher: true\n", 2)).toEqual({
      problems: [{ line: 3, message: "publisher: true must be a string" }],
    });
  });

  test("reports an unknown key with its value and line, naming the known keys", () => {
    expect(parseFrontMatter("title: T\nauthor: Jane Doe\n", 2)).toEqual({
      problems: [
        {
          line: 3,
          message:
            'author: "Jane Doe" is not a known key (expected title, publisher, url, published)',
        },
      ],
    });
  });

  test("reports every fault of one front matter, in line order", () => {
    expect(parseFrontMatter("publshed: 2024-01-01\ntitle: 7\nurl: nope\n", 5)).toEqual({
      problems: [
        {
          line: 5,
          message:
            'publshed: "2024-01-01" is not a known key (expected title, publisher, url, published)',
        },
        { line: 6, message: "title: 7 must be a string" },
        { line: 7, message: 'url: "nope" is not a valid http(s) URL' },
      ],
    });
  });

  test("reports invalid YAML at the line YAML gives, counted in the file", () => {
    expect(parseFrontMatter("title: T\npublisher: [Dawn\nurl: x\n", 2)).toEqual({
      problems: [
        {
          line: 4,
          message:
            "invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
        },
      ],
    });
  });

  test("reports a key given twice as invalid YAML on the second one", () => {
    expect(parseFrontMatter("title: A\npublisher: Dawn\ntitle: B\n", 2)).toEqual({
      problems: [{ line: 4, message: "invalid YAML: Map keys must be unique" }],
    });
  });

  test("reports front matter that is a list rather than keys", () => {
    expect(parseFrontMatter("- title\n- T\n", 2)).toEqual({
      problems: [
        {
          line: 2,
          message:
            "front matter must be YAML keys and values (title: …), not a list or a lone value",
        },
      ],
    });
  });

  test("reports empty front matter as missing its title", () => {
    expect(parseFrontMatter("", 2)).toEqual({
      problems: [{ line: 1, message: "title: is required" }],
    });
  });
});

describe("frontMatterSchema", () => {
  test("writes a YAML 1.1 Date for published back as the same ISO day", () => {
    const parsed = frontMatterSchema.parse({
      title: "T",
      published: new Date(Date.UTC(2024, 4, 2)),
    });
    expect(parsed.published).toBe("2024-05-02");
  });
});

describe("lineAt", () => {
  test("counts lines from 1 up to the given offset", () => {
    expect([0, 3, 4, 7, 8].map((at) => lineAt("abc\ndef\ng", at))).toEqual([1, 1, 2, 2, 3]);
  });
});
