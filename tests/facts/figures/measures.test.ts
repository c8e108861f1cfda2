import { describe, expect, it } from "vitest";
import { splitPassages } from "../../../src/corpus/passages";
import { extractFigures } from "../../../src/facts/figures/figures";
import { findMeasures, measureTopics } from "../../../src/facts/figures/measures";
import { findQuantities } from "../../../src/facts/figures/quantities";

/** Each figure of the sentence with what it measures. */
function measures(sentence: string): [string, string | null][] {
  const quantities = findQuantities(sentence);
  const found = findMeasures(sentence, quantities);
  return quantities.map((q, i) => [q.value, found[i]?.text ?? null]);
}

describe("findMeasures", () => {
  it.each([
    [
      "They wish to enhance the trade volume, which stood at $1.26 billion in the fiscal year 2022-23.",
      "$1.26 billion",
      "trade volume",
    ],
    [
      "According to the Pakistan Software Export Board, IT and IT-enabled services exports reached about $2.6 billion in fiscal year 2023.",
      "$2.6 billion",
      "IT and IT-enabled services exports",
    ],
    [
      "Bilateral trade between the United States and Pakistan totaled about $7.3 billion in 2023.",
      "$7.3 billion",
      "bilateral trade",
    ],
    [
      "Data from the Pakistan Telecommunication Authority shows mobile broadband subscribers exceeded 127 million by late 2024.",
      "127 million",
      "mobile broadband subscribers",
    ],
    [
      "The Authority offers income tax holidays of up to 10 years.",
      "10 years",
      "income tax holidays",
    ],
    [
      "This strategy is tied to the Prime Minister’s target of achieving 6–7% annual GDP growth.",
      "6–7%",
      "annual GDP growth",
    ],
    [
      "As Islamabad pushes to raise annual IT exports toward $5 billion, U.S. participation matters.",
      "$5 billion",
      "annual IT exports",
    ],
    ["Japan pledged $500 million in concessional loans.", "$500 million", "concessional loans"],
    ["The two sides set a trade target of $5 billion.", "$5 billion", "trade target"],
    ["Bilateral trade is expected to reach $10 billion by 2030.", "$10 billion", "bilateral trade"],
    ["Pakistan's textile exports crossed the $16 billion mark.", "$16 billion", "textile exports"],
    ["The CPEC portfolio is worth around $62 billion.", "$62 billion", "CPEC portfolio"],
    ["China accounts for 25 per cent of Pakistan's total imports.", "25 per cent", "total imports"],
    ["Trade between the two countries reached $20 billion.", "$20 billion", "trade"],
    ["The IMF approved a $7 billion loan.", "$7 billion", "loan"],
    ["Exports of rice to the EU fell to $600m.", "$600m", "exports of rice"],
    [
      "Total trade between Pakistan and the United Kingdom reached £4.7 billion in 2023.",
      "£4.7 billion",
      "total trade",
    ],
    [
      "The country’s exports to the western ally grew to $9 billion during the fiscal year.",
      "$9 billion",
      "exports",
    ],
    [
      "We came to the conclusions on different spheres and mutual trade turnover had exceeded USD 400 million.",
      "USD 400 million",
      "mutual trade turnover",
    ],
    [
      "Total trade was $690 million, with Pakistani imports from Morocco accounting for $604 million.",
      "$604 million",
      "Pakistani imports",
    ],
    [
      "Pakistan’s exports to Egypt made up $318 million of the total, while imports from Egypt, mainly fertiliser, glass and citrus, were $194 million.",
      "$194 million",
      "imports",
    ],
    [
      "Exports were USD 450 million, while imports from Oman, led by urea, polyethylene and refined petroleum products, reached USD 752 million.",
      "USD 752 million",
      "imports",
    ],
    [
      "The annual bilateral trade between Pakistan and Russia saw more than 50 percent increase last year, exceeding $ 1 billion, the highest ever.",
      "50 percent",
      "annual bilateral trade",
    ],
    [
      "The annual bilateral trade between Pakistan and Russia saw more than 50 percent increase last year, exceeding $ 1 billion, the highest ever.",
      "$ 1 billion",
      "annual bilateral trade",
    ],
  ])("in %j, %s measures %j", (sentence, value, measure) => {
    expect(measures(sentence)).toContainEqual([value, measure]);
  });

  it("gives a change and the level it leads to the same measure", () => {
    expect(measures("Exports to China rose 12% to $3.1 billion in July-March FY24.")).toEqual([
      ["12%", "exports"],
      ["$3.1 billion", "exports"],
    ]);
  });

  it("gives a figure compared with the one before the same measure", () => {
    expect(
      measures("IT exports stood at $2.6 billion compared with $2.1 billion in 2022."),
    ).toEqual([
      ["$2.6 billion", "IT exports"],
      ["$2.1 billion", "IT exports"],
    ]);
  });

  it("gives 'up 8%' after a level the level's measure", () => {
    expect(measures("Remittances stood at $5.2 billion, up 8% from a year earlier.")).toEqual([
      ["$5.2 billion", "remittances"],
      ["8%", "remittances"],
    ]);
  });

  it("gives a percentage followed by a noun that noun", () => {
    expect(measures("The sector has recorded more than 100% growth over five years.")).toEqual([
      ["100%", "growth"],
      ["five years", "growth"],
    ]);
  });

  it("gives the counted noun phrase as the measure of a count", () => {
    expect(measures("Japan has over 70 Japanese companies in Pakistan.")).toEqual([
      ["70 Japanese companies", "Japanese companies"],
    ]);
  });

  it("gives the count's measure to 'worth $Y' right after the count", () => {
    expect(measures("The two countries signed 12 MoUs worth $2 billion.")).toEqual([
      ["12 MoUs", "MoUs"],
      ["$2 billion", "MoUs"],
    ]);
  });

  it("reaches the subject past an aside between commas", () => {
    expect(
      measures(
        "Textile exports, which account for nearly 60 percent of total exports, rose 8.5pc year-on-year to $1.6bn.",
      ),
    ).toEqual([
      ["60 percent", "total exports"],
      ["8.5pc", "textile exports"],
      ["$1.6bn", "textile exports"],
    ]);
  });

  it("gives an amount converted into another currency the measure of the original", () => {
    expect(measures("JICA will extend a loan of ¥ 10 billion (about $67 million).")).toEqual([
      ["¥ 10 billion", "loan"],
      ["$67 million", "loan"],
    ]);
    expect(measures("The deal is worth Rs 350 billion, or $1.26 billion.")).toEqual([
      ["Rs 350 billion", "deal"],
      ["$1.26 billion", "deal"],
    ]);
  });

  it("gives both ends of 'from … to …' one measure", () => {
    expect(
      measures("The train could cut cargo time from around 21 days by sea to 12 days by rail."),
    ).toEqual([
      ["21 days", "cargo time"],
      ["12 days", "cargo time"],
    ]);
  });

  it("reads a verb after 'to' as the verb, not part of the measure", () => {
    expect(measures("The government aims to increase exports to $60 billion by 2030.")).toEqual([
      ["$60 billion", "exports"],
    ]);
  });

  it("keeps 'per capita' in the measure", () => {
    expect(measures("Per capita income rose to $1,680 in FY24.")).toEqual([
      ["$1,680", "per capita income"],
    ]);
  });

  it("gives no measure when the subject is an actor rather than a measure", () => {
    expect(measures("Saudi Arabia pledged $25 billion last week.")).toEqual([
      ["$25 billion", null],
    ]);
  });

  it("names what an amount measures by the noun of the verb before it", () => {
    expect(measures("Saudi Arabia will invest $25 billion in Pakistan.")).toEqual([
      ["$25 billion", "investment"],
    ]);
    expect(measures("The UAE pledged to invest $10 billion in promising sectors.")).toEqual([
      ["$10 billion", "investment"],
    ]);
  });

  it("gives each country of a list the measure of the figure before it", () => {
    expect(
      measures(
        "Inflows from Saudi Arabia were $6.8 billion, followed by the United Arab Emirates at $5.6 billion, the United Kingdom at $4.4 billion and the United States at $2.8 billion.",
      ),
    ).toEqual([
      ["$6.8 billion", "inflows"],
      ["$5.6 billion", "inflows"],
      ["$4.4 billion", "inflows"],
      ["$2.8 billion", "inflows"],
    ]);
  });

  it("names inflows by what the sentence says they are the source of", () => {
    expect(
      measures(
        "Saudi Arabia remained the largest source of remittances, with inflows of $6.8 billion, followed by the United Arab Emirates at $5.6 billion.",
      ),
    ).toEqual([
      ["$6.8 billion", "remittances"],
      ["$5.6 billion", "remittances"],
    ]);
  });

  it("takes what a cost is in, or what costs, rather than who pays", () => {
    expect(
      measures(
        "Compliance upgrades could cost a mid-sized textile unit between £50,000 and £200,000.",
      ),
    ).toEqual([["between £50,000 and £200,000", "compliance upgrades"]]);
    expect(
      measures("Losing the scheme would cost exporters $2 billion a year in lost sales."),
    ).toEqual([["$2 billion", "lost sales"]]);
  });

  it("keeps imported or exported with the goods it qualifies", () => {
    expect(measures("Pakistan imported goods worth $4.6 billion from the Kingdom.")).toEqual([
      ["$4.6 billion", "imported goods"],
    ]);
  });

  it("passes a period between a subject and its verb", () => {
    expect(measures("Inflows in March alone hit an all-time high of $4.1 billion.")).toEqual([
      ["$4.1 billion", "inflows"],
    ]);
  });

  it("takes what an amount is paid for when nothing else names a measure", () => {
    expect(measures("Mills were paying around Rs 42 per unit for electricity.")).toEqual([
      ["Rs 42", "electricity"],
    ]);
  });

  it("does not take a verb after an auxiliary into the measure", () => {
    expect(measures("We have identified opportunities worth more than $5 billion.")).toEqual([
      ["$5 billion", "opportunities"],
    ]);
  });

  it("leaves a participle such as held out of the measure", () => {
    expect(measures("The UAE rolled over $2 billion in deposits held with the SBP.")).toEqual([
      ["$2 billion", "deposits"],
    ]);
  });

  it("counts tariff lines in at least 100 more tariff lines", () => {
    expect(measures("Both sides agreed to add at least 100 more tariff lines.")).toEqual([
      ["100 more tariff lines", "tariff lines"],
    ]);
  });

  it("does not take a period or place after 'in' as the measure", () => {
    expect(measures("They announced $2 billion in 2023.")).toEqual([["$2 billion", null]]);
  });

  it("keeps the span of the whole phrase it cut the measure from", () => {
    const sentence = "Bilateral trade between the United States and Pakistan totaled $7.3 billion.";
    const [m] = findMeasures(sentence, findQuantities(sentence));
    expect(m && sentence.slice(m.phraseStart, m.phraseEnd)).toBe(
      "Bilateral trade between the United States and Pakistan",
    );
    expect(m && sentence.slice(m.start, m.end)).toBe("Bilateral trade");
  });
});

describe("measureTopics", () => {
  it("tags differently worded measures of the same thing alike", () => {
    expect(measureTopics("IT and IT-enabled services exports")).toEqual(["it", "exports"]);
    expect(measureTopics("annual IT exports")).toEqual(["it", "exports"]);
    expect(measureTopics("IT exports")).toEqual(["it", "exports"]);
  });

  it.each([
    ["bilateral trade", ["trade"]],
    ["trade volume", ["trade"]],
    ["foreign direct investment", ["investment", "fdi"]],
    ["mobile broadband subscribers", ["subscribers", "telecom"]],
    ["Japanese companies", ["companies"]],
    ["annual GDP growth", ["growth", "gdp"]],
    ["income tax holidays", ["tax", "incentives"]],
    ["remittances", ["remittances"]],
  ])("tags %j with %j", (measure, topics) => {
    expect(measureTopics(measure)).toEqual(topics);
  });

  it("does not read the pronoun 'it' as information technology", () => {
    expect(measureTopics("what it exported")).toEqual(["exports"]);
  });
});

describe("findMeasures: what is measured, not the words around the value", () => {
  it("passes words that judge the size before the value (a mere, only, a modest)", () => {
    expect(
      measures("Pakistan's exports to Chile stood at a mere USD 97 million last year."),
    ).toEqual([["USD 97 million", "exports"]]);
    expect(measures("Rice shipments reached a modest $40 million.")).toEqual([
      ["$40 million", "rice shipments"],
    ]);
  });

  it("gives each item of a list of partners the list's measure, shares included", () => {
    expect(
      measures(
        "Exports to Italy stood at $2.1 billion, a share of 12.5 percent, followed by Spain at $1.2 billion (6.8 percent) and Belgium at $900 million (5.1 percent).",
      ),
    ).toEqual([
      ["$2.1 billion", "exports"],
      ["12.5 percent", "exports"],
      ["$1.2 billion", "exports"],
      ["6.8 percent", "exports"],
      ["$900 million", "exports"],
      ["5.1 percent", "exports"],
    ]);
  });

  it("reads a part out of a total as the total's measure, and its share likewise", () => {
    expect(
      measures(
        "Turkey invested 120 million dollars out of total FDI of 2.4 billion dollars, a share of 5 percent.",
      ),
    ).toEqual([
      ["120 million dollars", "FDI"],
      ["2.4 billion dollars", "total FDI"],
      ["5 percent", "FDI"],
    ]);
  });

  it("reads a largest source or destination as the trade side the sentence names", () => {
    expect(
      measures(
        "On the import side, Qatar remained the largest source at $3.1 billion, followed by Oman at $1.2 billion.",
      ),
    ).toEqual([
      ["$3.1 billion", "imports"],
      ["$1.2 billion", "imports"],
    ]);
  });

  it("measures a count in units of measure by the thing measured", () => {
    expect(measures("Pakistan bought 450,000 tonnes of Egyptian cotton in 2023.")).toEqual([
      ["450,000 tonnes", "Egyptian cotton"],
    ]);
    expect(measures("The country imported about 1.2 million barrels last month.")).toEqual([
      ["1.2 million barrels", "imports"],
    ]);
    expect(
      measures("The deal swapped 20,000 tonnes of rice for 15,000 tonnes of chickpeas."),
    ).toEqual([
      ["20,000 tonnes", "rice"],
      ["15,000 tonnes", "chickpeas"],
    ]);
  });
});

describe("an amount followed by a rate", () => {
  it("reads past 'a year' to what the amount is in: €1.1 billion a year in duties", () => {
    const article = {
      id: "rate",
      title: "GSP+ savings",
      body: "Exporters had saved an estimated €1.1 billion a year in duties under the scheme.",
    };
    const [figure] = extractFigures(article, splitPassages(article));
    expect(figure?.value).toBe("€1.1 billion");
    expect(figure?.measure).toBe("duties");
  });
});

describe("a subject that names the partner by a common noun", () => {
  it("measures remittances from the kingdom as remittances", () => {
    const article = {
      id: "kingdom",
      title: "Saudi remittances",
      body: "Data from the State Bank of Pakistan show remittances from the kingdom reached $7.4 billion in FY2023-24.",
    };
    const [figure] = extractFigures(article, splitPassages(article));
    expect(figure?.measure).toBe("remittances");
  });
});
