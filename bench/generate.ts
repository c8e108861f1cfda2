import { COUNTRIES } from "../src/facts/language/countries";
import type { Article } from "../src/types";
import { capitalize, pseudoWords } from "./pseudo-words";
import { createRandom, type Random, zipfSampler } from "./random";
import {
  ADJECTIVES,
  FISCAL_YEARS,
  FOREIGN_TITLES,
  NOUNS,
  PAKISTANI_FAMILY,
  PAKISTANI_GIVEN,
  PAKISTANI_HONORIFICS,
  PAKISTANI_TITLES,
  PARTNERS,
  type Partner,
  PUBLISHERS,
  QUOTE_TOPICS,
  SECTORS,
  SOURCES,
  STOP_WORDS,
  VERBS,
} from "./vocabulary";

/**
 * A deterministic generator of news-like articles about Pakistan's trade partners, for the
 * benchmark. Each article body is paragraphs separated by blank lines (one passage each, about 60
 * words), mixing narrative sentences with the sentences the engine extracts facts from: figures
 * with a measure, partner, fiscal year and source; officials named with their titles; quotes
 * attributed to them. The facts it writes are recorded so questions can be drawn from them.
 */

export type Measure =
  | "trade"
  | "exports"
  | "imports"
  | "investment"
  | "remittances"
  | "export growth"
  | "companies";

export interface FigureFact {
  measure: Measure;
  partner: string;
  /** The year a fiscal year starts in (2022 for FY2022-23), or null for a figure without one. */
  fiscalYear: number | null;
  /** The figure as first written, e.g. `$4.52 billion`, `12.5%`, `85`. */
  value: string;
  /** Base units: dollars, percent, or a count. */
  amount: number;
  source: string;
  articleId: string;
}

export interface OfficialFact {
  name: string;
  title: string;
  /** Canonical country name of the office. */
  country: string;
  articleId: string;
}

export interface QuoteFact {
  speaker: string;
  title: string;
  topic: string;
  /** The words inside the quotation marks. */
  text: string;
  articleId: string;
}

export interface GeneratedCorpus {
  articles: Article[];
  /** Paragraphs written, which the engine should count as passages. */
  passages: number;
  /** One entry per distinct (measure, partner, fiscal year): repeated mentions state the same value. */
  figures: FigureFact[];
  /** Every office holder the corpus names, once each. */
  officials: OfficialFact[];
  quotes: QuoteFact[];
}

export interface GenerateOptions {
  passages: number;
  seed?: number;
}

export const DEFAULT_SEED = 20240502;

const MIN_PARAGRAPHS = 5;
const MAX_PARAGRAPHS = 15;
const TARGET_WORDS = 60;
const PSEUDO_WORDS = 30_000;
/** Prepositions by frequency, for trailing phrases. */
const PREPOSITIONS = [
  "of",
  "to",
  "in",
  "for",
  "on",
  "with",
  "by",
  "at",
  "from",
  "between",
  "during",
  "after",
  "over",
  "under",
  "into",
  "about",
  "through",
];

/** Which partners a measure is reported for: remittances come mostly from where Pakistanis work. */
const REMITTANCE_PARTNERS = new Set([
  "Saudi Arabia",
  "United Arab Emirates",
  "United Kingdom",
  "United States",
  "Qatar",
  "European Union",
]);

interface OfficeHolder {
  name: string;
  family: string;
  title: string;
  country: string;
}

/** Words that must never be invented, so no invented word reads as a country to the engine. */
function reservedWords(): Set<string> {
  const reserved = new Set<string>();
  for (const c of COUNTRIES) {
    for (const w of [...c.names, ...c.adjectives, ...c.abbreviations, ...c.capitals]) {
      for (const part of w.toLowerCase().split(/[^a-z]+/)) if (part) reserved.add(part);
    }
  }
  for (const w of [...NOUNS, ...VERBS, ...ADJECTIVES, ...STOP_WORDS]) reserved.add(w);
  return reserved;
}

const fiscalYearForms = (start: number): string[] => {
  const end = String((start + 1) % 100).padStart(2, "0");
  return [`FY${start}-${end}`, `fiscal year ${start}-${end}`, `the ${start}-${end} fiscal year`];
};

function formatMoney(amount: number, random: Random): string {
  const prefix = random.pick(["$", "$", "$", "US$", "USD "]);
  if (amount >= 1e9) return `${prefix}${(amount / 1e9).toFixed(2)} billion`;
  return `${prefix}${Math.round(amount / 1e6)} million`;
}

class CorpusWriter {
  private readonly random: Random;
  private readonly nounAt: (random: Random) => number;
  private readonly adjectiveAt: (random: Random) => number;
  private readonly verbAt: (random: Random) => number;
  private readonly prepositionAt: (random: Random) => number;
  private readonly partnerAt: (random: Random) => number;
  private readonly nouns: string[];
  private readonly firms: string[];
  private readonly figureValues = new Map<string, FigureFact>();
  private readonly holders = new Map<string, OfficeHolder>();
  private readonly usedNames = new Set<string>();
  readonly officials: OfficialFact[] = [];
  readonly quotes: QuoteFact[] = [];

  constructor(seed: number) {
    this.random = createRandom(seed);
    const invented = pseudoWords(this.random.fork("words"), PSEUDO_WORDS, reservedWords());
    this.nouns = [...NOUNS, ...invented.slice(0, PSEUDO_WORDS - 2_000)];
    this.firms = invented.slice(PSEUDO_WORDS - 2_000).map(capitalize);
    this.nounAt = zipfSampler(this.nouns.length, 1.2, 5);
    this.adjectiveAt = zipfSampler(ADJECTIVES.length, 0.8);
    this.verbAt = zipfSampler(VERBS.length, 0.8);
    this.prepositionAt = zipfSampler(PREPOSITIONS.length, 1);
    this.partnerAt = zipfSampler(PARTNERS.length, 0.9);
  }

  get figures(): FigureFact[] {
    return [...this.figureValues.values()];
  }

  private noun(): string {
    return this.nouns[this.nounAt(this.random)] ?? "trade";
  }
  private adjective(): string {
    return ADJECTIVES[this.adjectiveAt(this.random)] ?? "bilateral";
  }
  private verb(): string {
    return VERBS[this.verbAt(this.random)] ?? "said";
  }
  private preposition(): string {
    return this.random.pick([
      "in",
      "for",
      "on",
      "with",
      "to",
      "from",
      "across",
      "under",
      "through",
    ]);
  }
  private firm(): string {
    return `${this.random.pick(this.firms)} ${this.random.pick(["Group", "Industries", "Holdings", "Textiles", "Logistics", "Energy", "Foods"])}`;
  }

  /** "the" most often, as in English, but not always: it is about 6% of news text, not 15%. */
  private determiner(): string {
    return this.random.pick(["the ", "the ", "the ", "its ", "their ", "this ", "", ""]);
  }

  private nounPhrase(partner: Partner): string {
    const r = this.random.next();
    if (r < 0.45)
      return `${this.determiner()}${this.random.chance(0.5) ? `${this.adjective()} ` : ""}${this.noun()}`;
    if (r < 0.6) return `${this.determiner()}${this.noun()} of ${this.determiner()}${this.noun()}`;
    if (r < 0.72) return `${partner.adjective} ${this.noun()}`;
    if (r < 0.77) return `Pakistan's ${this.noun()}`;
    if (r < 0.8) return `the ${this.noun()} ${this.noun()}`;
    if (r < 0.86) return `the ${this.firm()}`;
    if (r < 0.93) return `${this.random.pick(SECTORS)} ${this.noun()}`;
    return `${this.adjective()} ${this.noun()} and ${this.noun()}`;
  }

  /** A narrative sentence: subject, verb, object, and one or two trailing phrases. */
  private narrative(partner: Partner): string {
    const words: string[] = [
      capitalize(this.nounPhrase(partner)),
      this.verb(),
      this.nounPhrase(partner),
    ];
    const extra = this.random.int(1, 3);
    for (let i = 0; i < extra; i++) {
      const r = this.random.next();
      if (r < 0.35) words.push(this.preposition(), this.nounPhrase(partner));
      else if (r < 0.5) words.push("with", this.random.pick(partner.forms));
      else if (r < 0.6)
        words.push("in", this.random.pick([partner.capital, "Islamabad", "Karachi", "Lahore"]));
      else if (r < 0.8)
        words.push(
          `, ${this.random.pick(["which", "as", "while", "after"])}`,
          this.nounPhrase(partner),
          this.random.pick(["was", "were", "has been", "will be", "had been"]),
          this.verb(),
        );
      else
        words.push(PREPOSITIONS[this.prepositionAt(this.random)] ?? "of", this.nounPhrase(partner));
    }
    return `${words.join(" ").replace(/ ,/g, ",")}.`;
  }

  private holder(
    title: string,
    country: string,
    partner: Partner | null,
    articleId: string,
  ): OfficeHolder {
    const known = this.holders.get(title);
    if (known) return known;
    let name = "";
    let family = "";
    for (let attempt = 0; attempt < 1000 && (name === "" || this.usedNames.has(name)); attempt++) {
      if (partner === null) {
        family = this.random.pick(PAKISTANI_FAMILY);
        const honorific = this.random.chance(0.25)
          ? `${this.random.pick(PAKISTANI_HONORIFICS)} `
          : "";
        name = `${honorific}${this.random.pick(PAKISTANI_GIVEN)} ${family}`;
        if (attempt > 200)
          name = `${honorific}${this.random.pick(PAKISTANI_GIVEN)} ${this.random.pick(PAKISTANI_GIVEN)} ${family}`;
      } else {
        family = this.random.pick(partner.familyNames);
        const given = this.random.pick(partner.givenNames);
        name = partner.familyFirst ? `${family} ${given}` : `${given} ${family}`;
        if (attempt > 30)
          name = partner.familyFirst
            ? `${family} ${given} ${this.random.pick(partner.givenNames)}`
            : `${given} ${this.random.pick(partner.givenNames)} ${family}`;
      }
    }
    this.usedNames.add(name);
    const holder = { name, family: capitalize(family.toLowerCase()), title, country };
    this.holders.set(title, holder);
    this.officials.push({ name, title, country, articleId });
    return holder;
  }

  private pakistaniOfficial(articleId: string): OfficeHolder {
    return this.holder(this.random.pick(PAKISTANI_TITLES), "Pakistan", null, articleId);
  }

  private foreignOfficial(partner: Partner, articleId: string): OfficeHolder {
    const title = this.random
      .pick(FOREIGN_TITLES)
      .replace("{Adjective}", partner.adjective)
      .replace(
        "{Country}",
        partner.name === "United States" ||
          partner.name === "United Kingdom" ||
          partner.name === "European Union" ||
          partner.name === "United Arab Emirates"
          ? `the ${partner.name}`
          : partner.name,
      );
    return this.holder(title, partner.name, partner, articleId);
  }

  private official(partner: Partner, articleId: string): OfficeHolder {
    return this.random.chance(0.6)
      ? this.pakistaniOfficial(articleId)
      : this.foreignOfficial(partner, articleId);
  }

  private figureSentence(partner: Partner, articleId: string): string {
    const measures: Measure[] = [
      "trade",
      "trade",
      "exports",
      "exports",
      "imports",
      "investment",
      "export growth",
      "companies",
    ];
    if (REMITTANCE_PARTNERS.has(partner.name)) measures.push("remittances", "remittances");
    const measure = this.random.pick(measures);
    const fiscalYear = measure === "companies" ? null : this.random.pick(FISCAL_YEARS);
    const key = `${measure}|${partner.name}|${fiscalYear}`;
    let fact = this.figureValues.get(key);
    const source = fact?.source ?? this.random.pick(SOURCES);
    let value: string;
    if (fact) {
      value =
        fact.measure === "export growth" || fact.measure === "companies"
          ? fact.value
          : formatMoney(fact.amount, this.random);
    } else {
      const amount = this.newAmount(measure);
      value =
        measure === "export growth"
          ? `${amount}%`
          : measure === "companies"
            ? String(amount)
            : formatMoney(amount, this.random);
      fact = { measure, partner: partner.name, fiscalYear, value, amount, source, articleId };
      this.figureValues.set(key, fact);
    }
    const P = this.random.pick(partner.forms);
    const Y = fiscalYear === null ? "" : this.random.pick(fiscalYearForms(fiscalYear));
    const S = source;
    const templates: Record<Measure, string[]> = {
      trade: [
        `Bilateral trade between Pakistan and ${P} stood at ${value} in ${Y}, according to the ${S}.`,
        `The trade volume between Pakistan and ${P} reached ${value} during ${Y}, ${S} data showed.`,
        `According to the ${S}, trade between Pakistan and ${P} was ${value} in ${Y}.`,
      ],
      exports: [
        `Pakistan's exports to ${P} rose to ${value} in ${Y}, the ${S} reported.`,
        `Exports to ${P} amounted to ${value} during ${Y}, according to ${S} figures.`,
      ],
      imports: [
        `Imports from ${P} totalled ${value} in ${Y}, data from the ${S} showed.`,
        `Pakistan imported goods worth ${value} from ${P} in ${Y}, according to the ${S}.`,
      ],
      investment: [
        `${partner.adjective} companies invested ${value} in Pakistan in ${Y}, according to the ${S}.`,
        `Foreign direct investment from ${P} stood at ${value} in ${Y}, the ${S} said.`,
      ],
      remittances: [
        `Remittances from ${P} reached ${value} in ${Y}, the ${S} reported.`,
        `Overseas Pakistanis in ${P} sent home ${value} in ${Y}, according to the ${S}.`,
      ],
      "export growth": [
        `Exports to ${P} grew by ${value} in ${Y} compared with the previous year, the ${S} said.`,
        `According to the ${S}, Pakistan's exports to ${P} increased ${value} in ${Y}.`,
      ],
      companies: [
        `More than ${value} ${partner.adjective} companies are currently operating in Pakistan, according to the ${S}.`,
        `Around ${value} ${partner.adjective} firms have set up operations in Pakistan, the ${S} said.`,
      ],
    };
    return this.random.pick(templates[measure]);
  }

  private newAmount(measure: Measure): number {
    const r = this.random;
    switch (measure) {
      case "trade":
        return r.int(300, 25_000) * 1e6;
      case "exports":
        return r.int(100, 8_000) * 1e6;
      case "imports":
        return r.int(100, 18_000) * 1e6;
      case "investment":
        return r.int(20, 2_500) * 1e6;
      case "remittances":
        return r.int(300, 8_000) * 1e6;
      case "export growth":
        return r.int(5, 450) / 10;
      case "companies":
        return r.int(10, 400);
    }
  }

  private meetingSentence(partner: Partner, articleId: string): string {
    const a = this.pakistaniOfficial(articleId);
    const b = this.foreignOfficial(partner, articleId);
    const topic = `${this.random.pick(SECTORS)} and ${this.random.pick(SECTORS)}`;
    return this.random.pick([
      `${a.title} ${a.name} met ${b.title} ${b.name} in ${this.random.pick(["Islamabad", partner.capital])} to discuss cooperation in ${topic}.`,
      `${b.name}, the ${b.title}, called on ${a.title} ${a.name} and discussed ways to expand trade in ${topic}.`,
      `The meeting between ${a.title}, ${a.name}, and ${b.title} ${b.name} focused on ${topic}.`,
    ]);
  }

  private quoteSentence(partner: Partner, articleId: string): string {
    const speaker = this.official(partner, articleId);
    const { topic, words } = this.random.pick(QUOTE_TOPICS);
    const w = this.random.pick(words);
    const P = this.random.pick(partner.forms);
    const text = this.random.pick([
      `We want to double our ${w} with ${P} within the next ${this.random.int(2, 6)} years`,
      `Our ${w} have enormous potential, and the government will remove every barrier to ${this.noun()} and ${this.noun()}`,
      `There is no doubt that ${w} will drive the next phase of our partnership with ${P}`,
      `The ${this.adjective()} ${this.noun()} on ${w} is a priority, and we expect ${this.adjective()} results this year`,
      `Without ${this.adjective()} ${this.noun()}, our ${w} cannot compete in the ${this.noun()} of ${P}`,
    ]);
    this.quotes.push({ speaker: speaker.name, title: speaker.title, topic, text, articleId });
    return this.random.pick([
      `"${text}," ${speaker.title} ${speaker.name} said.`,
      `"${text}," said ${speaker.name}, the ${speaker.title}.`,
      `${speaker.title} ${speaker.name} said, "${text}."`,
    ]);
  }

  private paragraph(partner: Partner, articleId: string, first: boolean): string {
    const sentences: string[] = [];
    const r = this.random.next();
    if (first) sentences.push(this.meetingSentence(partner, articleId));
    else if (r < 0.35) sentences.push(this.figureSentence(partner, articleId));
    else if (r < 0.55) sentences.push(this.quoteSentence(partner, articleId));
    else if (r < 0.7) sentences.push(this.meetingSentence(partner, articleId));
    let words = sentences.join(" ").split(" ").length;
    while (words < TARGET_WORDS - 8) {
      const sentence = this.narrative(partner);
      // Narrative sits around a fact sentence, as in news copy: before or after it.
      if (this.random.chance(0.5)) sentences.push(sentence);
      else sentences.unshift(sentence);
      words += sentence.split(" ").length;
    }
    return sentences.join(" ");
  }

  article(index: number, paragraphs: number): Article {
    const partner = PARTNERS[this.partnerAt(this.random)] ?? PARTNERS[0];
    if (!partner) throw new Error("no partners");
    const id = `bench-article-${String(index).padStart(6, "0")}`;
    const body: string[] = [];
    for (let i = 0; i < paragraphs; i++) body.push(this.paragraph(partner, id, i === 0));
    const year = this.random.int(2016, 2025);
    const month = String(this.random.int(1, 12)).padStart(2, "0");
    const day = String(this.random.int(1, 28)).padStart(2, "0");
    const title = this.random.pick([
      `Pakistan and ${partner.name} agree to expand ${this.random.pick(SECTORS)} trade`,
      `${partner.adjective} delegation explores ${this.random.pick(SECTORS)} investment in Pakistan`,
      `Pakistan seeks ${this.adjective()} ties with ${partner.name} in ${this.random.pick(SECTORS)}`,
      `Trade with ${partner.name}: ${this.adjective()} ${this.noun()} on the agenda`,
    ]);
    return {
      id,
      title,
      publisher: this.random.pick(PUBLISHERS),
      url: `https://news.example.pk/${year}/${month}/${id}`,
      published: `${year}-${month}-${day}`,
      body: `${body.join("\n\n")}\n`,
      file: `bench/generated/${id}.md`,
    };
  }
}

/** Articles holding exactly `passages` paragraphs in all; the same options give the same corpus, and a smaller corpus is a larger one's first articles (the last one cut short). */
export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  const writer = new CorpusWriter(options.seed ?? DEFAULT_SEED);
  const sizes = createRandom((options.seed ?? DEFAULT_SEED) ^ 0x5eed);
  const articles: Article[] = [];
  let remaining = Math.max(0, Math.floor(options.passages));
  while (remaining > 0) {
    const paragraphs = Math.min(remaining, sizes.int(MIN_PARAGRAPHS, MAX_PARAGRAPHS));
    articles.push(writer.article(articles.length, paragraphs));
    remaining -= paragraphs;
  }
  return {
    articles,
    passages: Math.max(0, Math.floor(options.passages)),
    figures: writer.figures,
    officials: writer.officials,
    quotes: writer.quotes,
  };
}
