import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { loadCorpus } from "../../src/corpus/load";
import { isBoilerplate, splitPassages, splitSentences } from "../../src/corpus/passages";
import type { Article } from "../../src/types";

const SEED_CORPUS = fileURLToPath(new URL("../../corpus", import.meta.url));

let seed: Article[];
beforeAll(async () => {
  seed = (await loadCorpus(SEED_CORPUS)).articles;
});

function seedArticle(id: string): Article {
  const article = seed.find((a) => a.id === id);
  if (!article) throw new Error(`seed article ${id} is missing`);
  return article;
}

const texts = (text: string) => splitSentences(text).map((s) => s.text);

const passagesOf = (body: string, title = "Trade Ties") =>
  splitPassages({ id: "a", title, body }).map((p) => p.text);

describe("splitSentences", () => {
  test("does not end a sentence after Dr., Mr., Pvt. or Ltd.", () => {
    expect(texts("Dr. Ahmed met Mr. Khan of ABC Pvt. Ltd. in Karachi. They signed.")).toEqual([
      "Dr. Ahmed met Mr. Khan of ABC Pvt. Ltd. in Karachi.",
      "They signed.",
    ]);
  });

  test("does not end a sentence after No. before a number", () => {
    expect(texts("They signed SRO No. 5 on Monday. It took effect.")).toEqual([
      "They signed SRO No. 5 on Monday.",
      "It took effect.",
    ]);
  });

  test("does not end a sentence after U.S. or U.K. inside it", () => {
    expect(
      texts("The U.S. and the U.K. signed. Then the U.S. Trade Representative spoke."),
    ).toEqual(["The U.S. and the U.K. signed.", "Then the U.S. Trade Representative spoke."]);
  });

  test("does not end a sentence after a middle initial as in Natalie A. Baker", () => {
    expect(texts("U.S. Chargé d’Affaires Natalie A. Baker spoke. She left.")).toEqual([
      "U.S. Chargé d’Affaires Natalie A. Baker spoke.",
      "She left.",
    ]);
  });

  test("keeps decimal amounts such as $1.26 billion and 6.5% inside their sentence", () => {
    expect(
      texts("Trade rose to $1.26 billion. Exports grew 6.5% in FY2022-23. Imports fell."),
    ).toEqual(["Trade rose to $1.26 billion.", "Exports grew 6.5% in FY2022-23.", "Imports fell."]);
  });

  test("ends a sentence after a closing curly quote and starts the next at the opening one", () => {
    expect(
      texts("“We see great potential,” said Matsuo. “We are ready.” The talks ended."),
    ).toEqual(["“We see great potential,” said Matsuo.", "“We are ready.”", "The talks ended."]);
  });

  test("ends a sentence after a closing straight quote", () => {
    expect(texts('"We are ready." He added "more later." Then he left.')).toEqual([
      '"We are ready."',
      'He added "more later."',
      "Then he left.",
    ]);
  });

  test("ends sentences at exclamation marks, question marks and ellipses", () => {
    expect(texts("It grew! Was it enough? Perhaps... Then it fell.")).toEqual([
      "It grew!",
      "Was it enough?",
      "Perhaps...",
      "Then it fell.",
    ]);
  });

  test("does not end a sentence where the next word starts in lower case", () => {
    expect(texts("Output fell by approx. one third in 2023.")).toEqual([
      "Output fell by approx. one third in 2023.",
    ]);
  });

  test("gives offsets from the base so that the body slice is the sentence", () => {
    const body = "Intro.\n  First one here. Second one.";
    const sentences = splitSentences(body.slice(9), 9);
    expect(sentences).toEqual([
      { text: "First one here.", start: 9, end: 24 },
      { text: "Second one.", start: 25, end: 36 },
    ]);
    for (const s of sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
  });

  test("gives no sentence for blank text", () => {
    expect(splitSentences("  \n ")).toEqual([]);
  });
});

describe("isBoilerplate", () => {
  const title = "Pakistan and Japan Commit to Strengthen Trade Ties";
  const fresh = () => new Set<string>();

  test.each([
    "Breaking News",
    "BREAKING NEWS:",
    "Also Read: Pakistan and UK Set to Launch Trade Dialogue",
    "Read More: US Announces $1.3B for Rekodiq Gold and Copper Project",
    "Related: Pakistan, China sign MoUs",
    "See also – Japan trade figures",
    "Advertisement",
    "Photo: Reuters",
    "Subscribe to our newsletter",
    "---",
    "![Minister Khan](khan.jpg)",
  ])("treats %j as boilerplate", (line) => {
    expect(isBoilerplate(line, title, fresh())).toBe(true);
  });

  test.each([
    "Subscribers to mobile broadband exceeded 127 million by late 2024.",
    "Read-only access to the customs data was granted to the ministry.",
    "Related-party imports rose 5% last year.",
    "More than 70 Japanese companies operate in Pakistan.",
    "Follow-up meetings are planned for September.",
    "Breaking news travels fast in Islamabad.",
  ])("keeps the article sentence %j", (line) => {
    expect(isBoilerplate(line, title, fresh())).toBe(false);
  });

  test("treats the headline repeated in the body as boilerplate, whatever its case and quotes", () => {
    expect(
      isBoilerplate("PAKISTAN AND JAPAN COMMIT TO STRENGTHEN TRADE TIES", title, fresh()),
    ).toBe(true);
    expect(
      isBoilerplate("Pakistan and Japan commit to “strengthen” trade–ties", title, fresh()),
    ).toBe(true);
  });

  test("treats a heading seen before as boilerplate, but not a repeated sentence", () => {
    const seen = new Set(["latest updates", "trade rose sharply"]);
    expect(isBoilerplate("Latest Updates", title, seen)).toBe(true);
    expect(isBoilerplate("Trade rose sharply.", title, seen)).toBe(false);
  });

  test("treats a blank line as boilerplate", () => {
    expect(isBoilerplate("  ", title, fresh())).toBe(true);
  });
});

describe("splitPassages on the seed corpus", () => {
  test("drops Breaking News, the twice repeated headline and the Also Read line", () => {
    const passages = splitPassages(seedArticle("pakistan-japan-trade-ties"));
    expect(passages.map((p) => p.text.slice(0, 40))).toEqual([
      "In a significant diplomatic engagement, ",
      "During the meeting, Ambassador Mitsuhiro",
      "In response, Minister Khan assured the p",
      "Highlighting the potential for collabora",
      "Both dignitaries reiterated their commit",
      "The meeting underscores the importance o",
    ]);
  });

  test("numbers passages from 0 after boilerplate is dropped", () => {
    const passages = splitPassages(seedArticle("pakistan-japan-trade-ties"));
    expect(passages.map((p) => [p.id, p.index])).toEqual([
      ["pakistan-japan-trade-ties#0", 0],
      ["pakistan-japan-trade-ties#1", 1],
      ["pakistan-japan-trade-ties#2", 2],
      ["pakistan-japan-trade-ties#3", 3],
      ["pakistan-japan-trade-ties#4", 4],
      ["pakistan-japan-trade-ties#5", 5],
    ]);
    expect(new Set(passages.map((p) => p.articleId))).toEqual(
      new Set(["pakistan-japan-trade-ties"]),
    );
  });

  test("drops the Read More line and keeps one passage per line of the US article", () => {
    const passages = splitPassages(seedArticle("us-tech-companies-pakistan"));
    expect(passages.length).toBe(12);
    expect(passages.some((p) => p.text.startsWith("Read More"))).toBe(false);
  });

  test("keeps the Natalie A. Baker sentence whole", () => {
    const [, second] = splitPassages(seedArticle("us-tech-companies-pakistan"));
    expect(second?.sentences.map((s) => s.text)).toEqual([
      "U.S. Chargé d’Affaires Natalie A. Baker on February 12 connected 25 American information and communication technology companies with senior Pakistani officials to explore commercial partnerships in Pakistan’s expanding IT sector.",
    ]);
  });

  test("splits the quote of Haroon Akhtar Khan from the sentence that follows it", () => {
    const passage = splitPassages(seedArticle("pakistan-japan-industrial-cooperation"))[4];
    expect(passage?.sentences.map((s) => s.text)).toEqual([
      "Pakistan’s Auto Industry Development Policy came under close review, with both parties emphasizing a transition from punitive regulatory measures to a more investment-friendly, incentive-based approach.",
      "This policy shift is designed to encourage both local and foreign investment, making Pakistan a more attractive destination for industrial expansion.",
      "“Our focus is on creating an environment where investment is rewarded and innovation thrives,” said Haroon Akhtar Khan.",
      "“We believe that by moving away from punitive actions and towards supportive incentives, we can unlock the true potential of our industries.”",
    ]);
  });

  test("gives every passage and sentence of every seed article as a verbatim slice of its body", () => {
    expect(seed.length).toBe(3);
    const passages = seed.flatMap((article) => splitPassages(article).map((p) => ({ article, p })));
    const sentences = passages.flatMap(({ p }) => p.sentences);
    expect(passages.length).toBeGreaterThan(20);
    expect(sentences.length).toBeGreaterThan(passages.length);
    for (const { article, p } of passages) {
      expect(article.body.slice(p.start, p.end)).toBe(p.text);
      for (const s of p.sentences) expect(article.body.slice(s.start, s.end)).toBe(s.text);
    }
  });

  test("gives the same passages with CRLF line ends, at offsets into the CRLF body", () => {
    expect(seed.length).toBe(3);
    for (const article of seed) {
      const crlf = { ...article, body: article.body.replace(/\n/g, "\r\n") };
      const plain = splitPassages(article);
      const windows = splitPassages(crlf);
      expect(plain.length).toBeGreaterThan(0);
      expect(windows.map((p) => p.text.replace(/\r\n/g, "\n"))).toEqual(plain.map((p) => p.text));
      for (const p of windows) {
        expect(crlf.body.slice(p.start, p.end)).toBe(p.text);
        for (const s of p.sentences) expect(crlf.body.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });
});

describe("splitPassages on hard-wrapped and Markdown text", () => {
  test("joins a hard-wrapped paragraph into one passage, keeping its line breaks", () => {
    const body =
      "Pakistan and Japan have reaffirmed their commitment to bolstering trade\nrelations and collaboration between the two nations. Ambassador Wada met\nthe Federal Minister for Commerce in Islamabad on Monday.\n\nA second paragraph.\n";
    const [first, second] = splitPassages({ id: "a", title: "T", body });
    expect(first?.text).toBe(body.slice(0, body.indexOf("\n\n")));
    expect(first?.sentences.map((s) => s.text)).toEqual([
      "Pakistan and Japan have reaffirmed their commitment to bolstering trade\nrelations and collaboration between the two nations.",
      "Ambassador Wada met\nthe Federal Minister for Commerce in Islamabad on Monday.",
    ]);
    expect(second?.text).toBe("A second paragraph.");
  });

  test("joins a short wrapped line to a next line that starts in lower case", () => {
    expect(passagesOf("Exports to Japan\nrose by a fifth in 2024.\n")).toEqual([
      "Exports to Japan\nrose by a fifth in 2024.",
    ]);
  });

  test("joins a line that ends on a comma to the next line", () => {
    expect(
      passagesOf("Special Assistant to the Prime Minister, Haroon Akhtar Khan,\nMet Them.\n"),
    ).toEqual(["Special Assistant to the Prime Minister, Haroon Akhtar Khan,\nMet Them."]);
  });

  test("keeps a title-case heading apart from the paragraph under it", () => {
    expect(passagesOf("Key Outcomes of the Meeting\nBoth sides agreed to meet again.\n")).toEqual([
      "Key Outcomes of the Meeting",
      "Both sides agreed to meet again.",
    ]);
  });

  test("starts a new passage at each line that ends a sentence", () => {
    expect(passagesOf("First line ends here.\nSecond line ends here.\n")).toEqual([
      "First line ends here.",
      "Second line ends here.",
    ]);
  });

  test("keeps list items ending on commas apart", () => {
    expect(passagesOf("Sectors of interest:\n- automobile,\n- steel,\n- machinery.\n")).toEqual([
      "Sectors of interest:",
      "automobile,",
      "steel,",
      "machinery.",
    ]);
  });

  test("strips heading marks and bullets but keeps offsets into the body", () => {
    const body = "## Trade With Japan\n\n- Exports rose 5%.\n> “We are ready,” he said.\n";
    const passages = splitPassages({ id: "a", title: "T", body });
    expect(passages.map((p) => [p.text, p.start, p.end])).toEqual([
      ["Trade With Japan", 3, 19],
      ["Exports rose 5%.", 23, 39],
      ["“We are ready,” he said.", 42, 66],
    ]);
    for (const p of passages) expect(body.slice(p.start, p.end)).toBe(p.text);
  });

  test("drops Markdown rules and image lines", () => {
    expect(passagesOf("First para.\n\n***\n\n![chart](c.png)\n\nLast para.")).toEqual([
      "First para.",
      "Last para.",
    ]);
  });
});

describe("splitPassages offsets hold for any text", () => {
  const word = fc.constantFrom(
    "Pakistan",
    "trade",
    "rose",
    "U.S.",
    "Dr.",
    "$1.26",
    "billion.",
    "“We",
    "agree,”",
    "said",
    "Khan.",
    "No.",
    "5",
    "Also Read:",
    "Breaking News",
    "exports?",
    "A.",
  );
  const line = fc.array(word, { minLength: 0, maxLength: 14 }).map((ws) => ws.join(" "));
  const lineEnd = fc.constantFrom("\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "  \n");
  const body = fc
    .array(fc.tuple(line, lineEnd), { maxLength: 12 })
    .map((parts) => parts.map(([l, end]) => l + end).join(""));

  test("gives every passage and sentence as the verbatim body slice, in order, without overlap", () => {
    let sentencesChecked = 0;
    fc.assert(
      fc.property(body, (text) => {
        let last = 0;
        for (const p of splitPassages({ id: "a", title: "Trade Ties", body: text })) {
          sentencesChecked += p.sentences.length;
          expect(text.slice(p.start, p.end)).toBe(p.text);
          expect(p.start).toBeGreaterThanOrEqual(last);
          last = p.end;
          let inner = p.start;
          for (const s of p.sentences) {
            expect(text.slice(s.start, s.end)).toBe(s.text);
            expect(s.start).toBeGreaterThanOrEqual(inner);
            expect(s.end).toBeLessThanOrEqual(p.end);
            inner = s.end;
          }
        }
      }),
      { numRuns: 300 },
    );
    console.info(`passages property: ${sentencesChecked} sentences checked`);
    // 1,580–1,743 measured over five runs.
    expect(sentencesChecked).toBeGreaterThanOrEqual(500);
  });
});
