import { describe, expect, it } from "vitest";
import { findQuantities, type Quantity } from "../../../src/facts/figures/quantities";

/** The figures of a text as value, amount, unit, kind and qualifier. */
function read(text: string) {
  return findQuantities(text).map((q: Quantity) => ({
    value: q.value,
    amount: q.amount,
    amountHigh: q.amountHigh,
    unit: q.unit,
    kind: q.kind,
    qualifier: q.qualifier,
  }));
}

function only(text: string) {
  const found = read(text);
  expect(found).toHaveLength(1);
  const [quantity] = found;
  if (!quantity) throw new Error(`no figure in ${text}`);
  return quantity;
}

describe("money", () => {
  it.each([
    ["trade stood at $1.26 billion in 2023", "$1.26 billion", 1.26e9, "USD"],
    ["a pledge of US$ 5 billion", "US$ 5 billion", 5e9, "USD"],
    ["loans worth USD 3.2 billion", "USD 3.2 billion", 3.2e9, "USD"],
    ["exports of £ 1.93 billion", "£ 1.93 billion", 1.93e9, "GBP"],
    ["grants of €500 million", "€500 million", 5e8, "EUR"],
    ["investment of 6.28 billion Euros", "6.28 billion Euros", 6.28e9, "EUR"],
    ["a loan of 800 million dollars", "800 million dollars", 8e8, "USD"],
    ["a deal worth $846m", "$846m", 8.46e8, "USD"],
    ["US Announces $1.3B for the mine", "$1.3B", 1.3e9, "USD"],
    ["a $2bn deposit", "$2bn", 2e9, "USD"],
    ["revenue of Rs 5 trillion", "Rs 5 trillion", 5e12, "PKR"],
    ["a budget of Rs. 120 billion", "Rs. 120 billion", 1.2e11, "PKR"],
    ["sales of PKR 45bn", "PKR 45bn", 4.5e10, "PKR"],
    ["a package of Rs1,200 crore", "Rs1,200 crore", 1.2e10, "PKR"],
    ["nearly two billion dollars in aid", "two billion dollars", 2e9, "USD"],
    ["a grant of $ 50,000", "$ 50,000", 50000, "USD"],
    ["soft loans of ¥ 10 billion", "¥ 10 billion", 1e10, "JPY"],
    ["a swap line of RMB 5 billion", "RMB 5 billion", 5e9, "CNY"],
    ["a deposit of SAR 2 billion", "SAR 2 billion", 2e9, "SAR"],
    ["investments of AED 1 billion", "AED 1 billion", 1e9, "AED"],
    ["remittances of 1.5 lakh rupees", "1.5 lakh rupees", 1.5e5, "PKR"],
    ["a tariff of 9 US cents per unit", "9 US cents", 0.09, "USD"],
  ])("reads %j as %j, %d %s", (text, value, amount, unit) => {
    expect(only(text)).toMatchObject({ value, amount, unit, kind: "money" });
  });

  it("reads a range with the scale written once as both ends scaled", () => {
    expect(only("exports of $5-6 billion")).toMatchObject({
      value: "$5-6 billion",
      amount: 5e9,
      amountHigh: 6e9,
    });
  });

  it("reads 'between $2 billion and $3 billion' as one range", () => {
    expect(only("would cost exporters between $2 billion and $3 billion a year")).toMatchObject({
      value: "between $2 billion and $3 billion",
      amount: 2e9,
      amountHigh: 3e9,
    });
  });

  it("reads 'from $2 billion to $3 billion' as two figures, not a range", () => {
    expect(read("exports rose from $2 billion to $3 billion").map((q) => q.value)).toEqual([
      "$2 billion",
      "$3 billion",
    ]);
  });

  it("reads billions of dollars as money without an amount", () => {
    expect(only("billions of dollars in investment")).toMatchObject({
      value: "billions of dollars",
      amount: null,
      unit: "USD",
    });
  });
});

describe("percentages", () => {
  it.each([
    ["6–7% annual GDP growth", "6–7%"],
    ["growth of 6-7 percent", "6-7 percent"],
    ["growth of 6 to 7 per cent", "6 to 7 per cent"],
    ["growth between 6 and 7 percent", "between 6 and 7 percent"],
  ])("reads the range in %j as 6 to 7 percent", (text, value) => {
    expect(only(text)).toEqual({
      value,
      amount: 6,
      amountHigh: 7,
      unit: "percent",
      kind: "percent",
      qualifier: null,
    });
  });

  it("reads percentage points and basis points as their own units", () => {
    expect(read("up 2 percentage points, a cut of 50 bps").map((q) => [q.value, q.unit])).toEqual([
      ["2 percentage points", "percentage points"],
      ["50 bps", "basis points"],
    ]);
  });

  it("reads 3pc glued to its number as 3 percent", () => {
    expect(only("exports fell 3pc")).toMatchObject({ value: "3pc", amount: 3, unit: "percent" });
  });
});

describe("counts", () => {
  it("reads a count with its noun phrase, ending on the plural head", () => {
    expect(only("with over 70 Japanese companies operating within the country")).toEqual({
      value: "70 Japanese companies",
      amount: 70,
      amountHigh: null,
      unit: "companies",
      kind: "count",
      qualifier: "over",
    });
  });

  it("keeps 'and' inside the counted noun phrase", () => {
    expect(
      only(
        "connected 25 American information and communication technology companies with officials",
      ),
    ).toMatchObject({
      value: "25 American information and communication technology companies",
      unit: "companies",
    });
  });

  it("reads two counts joined by 'and' as two figures", () => {
    expect(read("they signed 12 MoUs and three agreements").map((q) => [q.value, q.unit])).toEqual([
      ["12 MoUs", "MoUs"],
      ["three agreements", "agreements"],
    ]);
  });

  it.each([
    ["a dozen firms", 12, "firms"],
    ["two hundred and five workers", 205, "workers"],
    ["1.5 million people", 1.5e6, "people"],
    ["2,300 trucks", 2300, "trucks"],
  ])("reads %j as %d %s", (text, amount, unit) => {
    expect(only(text)).toMatchObject({ value: text, amount, unit, kind: "count" });
  });

  it("reads dozens of companies as a count without an amount", () => {
    expect(only("dozens of companies")).toMatchObject({ amount: null, unit: "companies" });
  });

  it("reads a scaled number without a noun as a count whose noun is found elsewhere", () => {
    expect(only("subscribers exceeded 127 million by late 2024")).toEqual({
      value: "127 million",
      amount: 127e6,
      amountHigh: null,
      unit: null,
      kind: "count",
      qualifier: "more than",
    });
  });
});

describe("durations", () => {
  it.each([
    ["income tax holidays of up to 10 years", "10 years", 10, "years", "up to"],
    ["a five-year plan", "five-year", 5, "years", null],
    ["growth over five years", "five years", 5, "years", "over"],
    ["a loan for 18 months", "18 months", 18, "months", null],
    ["a 37-month programme", "37-month", 37, "months", null],
    ["delivery in 30-35 days", "30-35 days", 30, "days", null],
  ])("reads %j as %j", (text, value, amount, unit, qualifier) => {
    expect(only(text)).toMatchObject({ value, amount, unit, qualifier, kind: "duration" });
  });

  it("does not read an age or a period as a duration", () => {
    expect(read("a 30-year-old trader, the past five years, the next three years")).toEqual([]);
  });
});

describe("qualifiers", () => {
  it.each([
    ["about $2.6 billion", "about"],
    ["around 94 per cent", "around"],
    ["approximately $5 billion", "approximately"],
    ["nearly $3 billion", "nearly"],
    ["almost 40%", "almost"],
    ["more than 100% growth", "more than"],
    ["More than 5,000 workers", "more than"],
    ["at least 12 exhibitions", "at least"],
    ["less than 5%", "less than"],
    ["up to 40 percent", "up to"],
    ["roughly $1 billion", "roughly"],
    ["some 500 firms", "some"],
    ["an estimated $4 billion", "an estimated"],
    ["exceeding $5 billion", "exceeding"],
  ])("reads the qualifier of %j as %j", (text, qualifier) => {
    expect(only(text).qualifier).toBe(qualifier);
  });

  it("reads a verb that sets a lower bound as 'more than'", () => {
    expect(only("textile exports crossed the $16 billion mark").qualifier).toBe("more than");
    expect(only("subscribers surpassed 100 million").qualifier).toBe("more than");
  });
});

describe("numbers that are not figures", () => {
  it.each([
    ["a year", "trade grew in 2023"],
    ["a dateline", "Baker on February 12 connected officials"],
    ["a full date", "held in Tokyo on August 16, 2025, the meeting"],
    ["a day before its month", "on 12 May the ministry said"],
    ["an ordinal", "the United States will mark its 250th anniversary"],
    ["a word ordinal", "the third Direct Line session"],
    ["G20", "at the G20 summit"],
    ["4G and 5G", "4G and 5G networks"],
    ["a year in a name", "the World Expo 2025 in Osaka"],
    ["No. 1", "the No. 1 exporter"],
    ["a clause number", "under Article 370 of the constitution"],
    ["a phone number", "call +92 51 9204455 or 0300-1234567 for details"],
    ["a fiscal year", "in FY2022-23 and FY23"],
    ["a disease name", "after COVID-19 the economy slowed"],
    ["a time", "the meeting began at 10:30 am"],
    ["a fraction", "24/7 services"],
    ["a number without a noun", "the figure was 12 last time"],
    ["the two countries", "the two countries agreed"],
    ["one", "one of the largest partners"],
    ["a multiplier", "three times the current level"],
  ])("finds no figure in %s: %j", (_what, text) => {
    expect(read(text)).toEqual([]);
  });

  it("keeps a comma-grouped number that looks like a year as a count", () => {
    expect(only("more than 2,000 workers")).toMatchObject({ amount: 2000, unit: "workers" });
  });
});

describe("offsets", () => {
  it("gives spans that cut each value out of the text", () => {
    const text =
      "Exports rose 12% to $3.1 billion, with about 70 firms and up to 10 years of relief.";
    for (const q of findQuantities(text)) {
      expect(text.slice(q.start, q.end)).toBe(q.value);
      expect(q.qualifierStart).toBeLessThanOrEqual(q.start);
    }
    expect(findQuantities(text).map((q) => q.value)).toEqual([
      "12%",
      "$3.1 billion",
      "70 firms",
      "10 years",
    ]);
  });
});

describe("counts of irregular plurals and nouns completed by of", () => {
  const counts = (text: string) =>
    findQuantities(text).map((q) => [q.value, q.kind, q.unit, q.noun?.text ?? null]);

  it.each([
    [
      "they signed 27 memoranda of understanding worth $2.2 billion",
      "27 memoranda of understanding",
      "memoranda",
      "memoranda of understanding",
    ],
    ["the panel set five criteria for approval", "five criteria", "criteria", "criteria"],
    [
      "scientists studied three phenomena in the region",
      "three phenomena",
      "phenomena",
      "phenomena",
    ],
    ["the firm will build 40 data centres by 2030", "40 data centres", "centres", "data centres"],
    ["around 2,300 trucks crossed the border", "2,300 trucks", "trucks", "trucks"],
    ["the two sides signed 12 MoUs on Friday", "12 MoUs", "MoUs", "MoUs"],
    [
      "20 members of parliament attended the session",
      "20 members of parliament",
      "members",
      "members of parliament",
    ],
  ])("counts %j as %j", (text, value, unit, noun) => {
    expect(counts(text)[0]).toEqual([value, "count", unit, noun]);
  });

  it("leaves out an of-phrase with its own determiner, place or plural", () => {
    expect(counts("300 participants of the forum met")[0]?.[0]).toBe("300 participants");
    expect(counts("12 units of Pakistan were sold")[0]?.[0]).toBe("12 units");
    expect(counts("15 rounds of trade talks were held")[0]?.[0]).toBe("15 rounds");
  });

  it("reads a duration after during the as a period, not a figure", () => {
    expect(
      findQuantities("Saudi Arabia led during the nine months, with $6.8 billion"),
    ).toHaveLength(1);
  });

  it("takes over after a verb it belongs to as no qualifier", () => {
    const [q] = findQuantities("the UAE rolled over $2 billion in deposits");
    expect(q).toMatchObject({ value: "$2 billion", qualifier: null });
  });
});

describe("physical quantities", () => {
  it.each([
    ["Turkmenistan can supply 3000 MW of electricity to Pakistan.", "3000 MW", "MW"],
    ["The 1840km pipeline will run through Afghanistan.", "1840km", "km"],
    ["Qatar will supply 3.5 mtpa of LNG for 15 years.", "3.5 mtpa", "mtpa"],
    ["Qatar's capacity stands at 77 (mtpa), the world's largest.", "77 (mtpa)", "mtpa"],
    ["Russia expects a harvest of 132 million tonnes of grain.", "132 million tonnes", "tonnes"],
  ])("reads %j as the quantity %j in %s", (sentence, value, unit) => {
    const found = findQuantities(sentence).find((q) => q.kind === "quantity");
    expect(found?.value).toBe(value);
    expect(found?.unit).toBe(unit);
  });

  it("reads an 80-member team as a count of members", () => {
    const [q] = findQuantities("Pakistan sent an 80-member rescue team to Türkiye.");
    expect([q?.kind, q?.value, q?.unit]).toEqual(["count", "80-member", "members"]);
  });

  it("does not read a code glued to digits as a quantity", () => {
    expect(findQuantities("The 4G licence and the F16 deal were signed.")).toEqual([]);
  });
});
