/**
 * Word banks for the synthetic news corpus: the frequent words of trade reporting, the partners,
 * the institutions that publish figures, the titles officials hold. Names of people are invented
 * from common given names and family names; none is meant to be a real person.
 */

export interface Partner {
  /** Canonical name, as the engine's gazetteer spells it. */
  name: string;
  /** How articles name it: the name and common short forms. */
  forms: string[];
  adjective: string;
  capital: string;
  /** Given names and family names for its officials. */
  givenNames: readonly string[];
  familyNames: readonly string[];
  /** Japanese-style `FAMILY Given` order, as embassies write it. */
  familyFirst?: boolean;
}

const ARAB_GIVEN = ["Khalid", "Faisal", "Saeed", "Majid", "Nasser", "Tariq", "Hamad", "Sultan"];
const ARAB_FAMILY = ["Al-Harbi", "Al-Mansouri", "Al-Qahtani", "Al-Shamsi", "Al-Otaibi", "Al-Kaabi"];
const WESTERN_GIVEN = ["Daniel", "Sarah", "Michael", "Helen", "Thomas", "Claire", "Robert", "Anna"];
const WESTERN_FAMILY = ["Whitfield", "Harrington", "Caldwell", "Prescott", "Lindqvist", "Marlowe"];
const TURKIC_GIVEN = ["Mehmet", "Aylin", "Emre", "Timur", "Rustam", "Dilnoza", "Aziz", "Nurlan"];
const TURKIC_FAMILY = ["Yildirim", "Kaplan", "Karimov", "Tursunov", "Sadykov", "Aliyev", "Demir"];
const MALAY_GIVEN = ["Ahmad", "Siti", "Hafiz", "Budi", "Rizal", "Dewi", "Hakim", "Putri"];
const MALAY_FAMILY = ["Rahman", "Santoso", "Ismail", "Wibowo", "Hashim", "Kusuma"];

const partner = (
  name: string,
  forms: string[],
  adjective: string,
  capital: string,
  givenNames: readonly string[],
  familyNames: readonly string[],
  familyFirst = false,
): Partner => ({
  name,
  forms: [name, ...forms],
  adjective,
  capital,
  givenNames,
  familyNames,
  familyFirst,
});

/** The partners the generated corpus reports on. */
export const PARTNERS: readonly Partner[] = [
  partner(
    "China",
    [],
    "Chinese",
    "Beijing",
    ["Wei", "Jian", "Lei", "Ming", "Hong", "Yan"],
    ["Zhao", "Liang", "Song", "Tang", "Feng", "Han"],
    true,
  ),
  partner("United States", ["US", "U.S."], "American", "Washington", WESTERN_GIVEN, WESTERN_FAMILY),
  partner("United Kingdom", ["UK", "Britain"], "British", "London", WESTERN_GIVEN, WESTERN_FAMILY),
  partner(
    "Saudi Arabia",
    ["the Kingdom of Saudi Arabia"],
    "Saudi",
    "Riyadh",
    ARAB_GIVEN,
    ARAB_FAMILY,
  ),
  partner("United Arab Emirates", ["UAE"], "Emirati", "Abu Dhabi", ARAB_GIVEN, ARAB_FAMILY),
  partner("Turkey", ["Türkiye"], "Turkish", "Ankara", TURKIC_GIVEN, TURKIC_FAMILY),
  partner("European Union", ["EU"], "European", "Brussels", WESTERN_GIVEN, WESTERN_FAMILY),
  partner(
    "Japan",
    [],
    "Japanese",
    "Tokyo",
    ["Hiroshi", "Kenji", "Takeshi", "Yuko", "Satoshi", "Naoki"],
    ["WATANABE", "KOBAYASHI", "MORITA", "ISHIDA", "OGAWA", "FUJII"],
    true,
  ),
  partner("Uzbekistan", [], "Uzbek", "Tashkent", TURKIC_GIVEN, TURKIC_FAMILY),
  partner("Germany", [], "German", "Berlin", WESTERN_GIVEN, [
    "Brandt",
    "Keller",
    "Vogel",
    "Hartmann",
    "Richter",
  ]),
  partner(
    "Afghanistan",
    [],
    "Afghan",
    "Kabul",
    ["Abdul", "Mohammad", "Habib", "Zalmai"],
    ["Wardak", "Popal", "Stanikzai", "Ahmadzai"],
  ),
  partner(
    "Iran",
    [],
    "Iranian",
    "Tehran",
    ["Reza", "Mehdi", "Ali", "Hossein"],
    ["Tehrani", "Moradi", "Kazemi", "Hosseini"],
  ),
  partner("Malaysia", [], "Malaysian", "Kuala Lumpur", MALAY_GIVEN, MALAY_FAMILY),
  partner("Indonesia", [], "Indonesian", "Jakarta", MALAY_GIVEN, MALAY_FAMILY),
  partner("Qatar", [], "Qatari", "Doha", ARAB_GIVEN, ARAB_FAMILY),
  partner("Kazakhstan", [], "Kazakh", "Astana", TURKIC_GIVEN, TURKIC_FAMILY),
  partner(
    "Russia",
    [],
    "Russian",
    "Moscow",
    ["Sergei", "Irina", "Dmitry", "Oleg"],
    ["Volkov", "Morozov", "Orlov", "Belov"],
  ),
  partner(
    "Bangladesh",
    [],
    "Bangladeshi",
    "Dhaka",
    ["Rafiq", "Nasrin", "Kamal", "Shirin"],
    ["Chowdhury", "Hossain", "Talukder", "Sarkar"],
  ),
  partner(
    "Sri Lanka",
    [],
    "Sri Lankan",
    "Colombo",
    ["Nimal", "Chaminda", "Dilini", "Ruwan"],
    ["Perera", "Fernando", "Jayasuriya", "Silva"],
  ),
  partner("Azerbaijan", [], "Azerbaijani", "Baku", TURKIC_GIVEN, TURKIC_FAMILY),
];

/** Partners that the gazetteer knows but the generated corpus never mentions: questions about them have no answer. */
export const ABSENT_PARTNERS: readonly string[] = [
  "Brazil",
  "Canada",
  "Kenya",
  "Nigeria",
  "Morocco",
  "Norway",
  "Sweden",
  "New Zealand",
  "Philippines",
  "Vietnam",
];

/** Fiscal years the corpus reports (July–June, as Pakistan counts them). */
export const FISCAL_YEARS: readonly number[] = [
  2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023,
];
/** Fiscal years no article reports on. */
export const ABSENT_FISCAL_YEARS: readonly number[] = [1998, 2001, 2004, 2007];

export const PAKISTANI_GIVEN = [
  "Ahmed",
  "Bilal",
  "Farhan",
  "Imran",
  "Kamran",
  "Nadeem",
  "Omar",
  "Rashid",
  "Salman",
  "Tahir",
  "Usman",
  "Zafar",
  "Ayesha",
  "Farah",
  "Hina",
  "Mariam",
  "Nadia",
  "Sana",
  "Sadia",
  "Zainab",
  "Asad",
  "Junaid",
  "Waqar",
  "Haroon",
  "Shahid",
  "Fawad",
  "Ghulam",
  "Murad",
];
export const PAKISTANI_FAMILY = [
  "Khan",
  "Qureshi",
  "Malik",
  "Chaudhry",
  "Sheikh",
  "Butt",
  "Abbasi",
  "Mirza",
  "Siddiqui",
  "Jatoi",
  "Leghari",
  "Durrani",
  "Hashmi",
  "Rizvi",
  "Bhatti",
  "Awan",
  "Khattak",
  "Memon",
];
/** Honorific first words that Pakistani names often carry (`Jam Kamal Khan`, `Syed Naveed Qamar`). */
export const PAKISTANI_HONORIFICS = [
  "Syed",
  "Mian",
  "Sardar",
  "Makhdoom",
  "Jam",
  "Rana",
  "Chaudhry",
];

/** Portfolios of federal ministers. */
export const PORTFOLIOS = [
  "Commerce",
  "Finance",
  "Planning and Development",
  "Industries and Production",
  "Maritime Affairs",
  "Energy",
  "Information Technology and Telecommunication",
  "Economic Affairs",
  "National Food Security",
  "Overseas Pakistanis",
  "Privatisation",
  "Board of Investment",
];

/** Pakistani offices held by one person each; `{portfolio}` is filled from PORTFOLIOS. */
export const PAKISTANI_TITLES = [
  ...PORTFOLIOS.map((p) => `Federal Minister for ${p}`),
  ...PORTFOLIOS.slice(0, 6).map((p) => `Minister of State for ${p}`),
  ...PORTFOLIOS.slice(0, 5).map((p) => `Special Assistant to the Prime Minister on ${p}`),
  "Secretary Commerce",
  "Chairman of the Board of Investment",
  "Governor of the State Bank of Pakistan",
  "Chairman of the Federal Board of Revenue",
  "Chief Executive of the Trade Development Authority of Pakistan",
  "President of the Karachi Chamber of Commerce and Industry",
  "President of the Lahore Chamber of Commerce and Industry",
  "President of the Federation of Pakistan Chambers of Commerce and Industry",
  "Chairman of the All Pakistan Textile Mills Association",
];

/** Titles of a partner's officials; `{Country}`, `{Adjective}` filled per partner. */
export const FOREIGN_TITLES = [
  "{Adjective} Ambassador to Pakistan",
  "Consul General of {Country} in Karachi",
  "{Adjective} Minister of Trade",
  "Commercial Counsellor at the Embassy of {Country}",
];

/** Bodies that publish the figures news articles repeat. */
export const SOURCES = [
  "State Bank of Pakistan",
  "Pakistan Bureau of Statistics",
  "Federal Board of Revenue",
  "Ministry of Commerce",
  "Board of Investment",
  "Trade Development Authority of Pakistan",
];

export const PUBLISHERS = [
  "The Indus Ledger",
  "Capital Business Courier",
  "Pakistan Trade Review",
  "Frontier Economic Post",
  "Lahore Market Herald",
  "Karachi Commerce Daily",
];

/** What officials are quoted about, with the words a quote on it would use. */
export const QUOTE_TOPICS: ReadonlyArray<{ topic: string; words: readonly string[] }> = [
  { topic: "exports", words: ["exports", "exporters", "export markets", "value-added goods"] },
  { topic: "investment", words: ["investment", "investors", "joint ventures", "capital inflows"] },
  { topic: "tariffs", words: ["tariffs", "duties", "tariff lines", "market access"] },
  { topic: "textiles", words: ["textiles", "garments", "cotton yarn", "home textiles"] },
  { topic: "energy", words: ["energy", "power projects", "LNG supplies", "renewable energy"] },
  {
    topic: "agriculture",
    words: ["agriculture", "rice exports", "fruit and vegetables", "farmers"],
  },
  {
    topic: "technology",
    words: ["IT exports", "software", "technology firms", "digital services"],
  },
  { topic: "connectivity", words: ["connectivity", "rail links", "transit trade", "ports"] },
  { topic: "tourism", words: ["tourism", "visitors", "visa facilitation", "hospitality"] },
  {
    topic: "remittances",
    words: ["remittances", "overseas workers", "banking channels", "diaspora"],
  },
];

export const SECTORS = [
  "textiles",
  "pharmaceuticals",
  "automobiles",
  "steel",
  "machinery",
  "minerals",
  "information technology",
  "agriculture",
  "fisheries",
  "leather",
  "surgical instruments",
  "sports goods",
  "rice",
  "seafood",
  "chemicals",
  "cement",
  "renewable energy",
  "logistics",
  "halal food",
  "furniture",
];

/** Frequent content words of trade reporting, most frequent first (the head of the Zipf curve). */
export const NOUNS = (
  "trade government country economy investment exports sector market cooperation agreement " +
  "ministry meeting growth policy business development country relations delegation officials " +
  "companies industry partnership opportunities imports goods products projects visit talks " +
  "talks volume support region potential framework initiative negotiations steps issues " +
  "chamber traders exporters investors capacity infrastructure corridor zones program plan " +
  "measures barriers challenges cost prices demand supply production manufacturing factories " +
  "jobs workers farmers consumers banks finance loans credit currency rupee dollar reserves " +
  "deficit surplus balance revenue tax duties tariffs customs procedures documentation ports " +
  "shipping freight logistics transit railways roads airports energy power electricity gas oil " +
  "fuel pipeline refinery mining minerals coal copper gold textiles garments yarn cotton rice " +
  "wheat sugar fruit vegetables seafood leather footwear pharmaceuticals chemicals cement steel " +
  "machinery equipment vehicles automobiles electronics software services technology startups " +
  "skills training education research universities tourism visas travel flights culture " +
  "exhibition expo conference forum summit session dialogue commission committee council board " +
  "authority agency embassy consulate mission ambassador envoy minister secretary adviser chairman " +
  "president governor spokesperson statement speech remarks interview report survey data figures " +
  "statistics estimates forecast outlook quarter year month week period decade history future " +
  "vision strategy roadmap targets goals priorities progress results performance competitiveness " +
  "productivity quality standards certification compliance regulations reforms incentives " +
  "concessions subsidies packages facilities parks estates clusters hub centre network platform " +
  "system mechanism arrangement memorandum understanding protocol treaty accord deal contract " +
  "orders shipments consignments containers cargo volumes value share percentage rate increase " +
  "decline rise fall jump slowdown recovery expansion diversification integration connectivity " +
  "collaboration engagement exchange ties friendship trust confidence interest commitment resolve"
).split(/\s+/);

export const VERBS = (
  "said added noted stressed emphasised highlighted underlined announced agreed discussed reviewed " +
  "welcomed praised urged called assured pledged vowed proposed suggested offered invited " +
  "signed launched inaugurated unveiled approved endorsed finalised concluded completed " +
  "expanded increased boosted raised reduced lowered cut removed eased simplified streamlined " +
  "improved strengthened enhanced deepened broadened explored identified examined assessed " +
  "addressed resolved tackled faced encountered overcame reached achieved surpassed crossed " +
  "expected projected estimated forecast predicted reported recorded registered posted showed " +
  "attracted facilitated promoted supported encouraged enabled helped allowed ensured guaranteed"
).split(/\s+/);

export const ADJECTIVES = (
  "bilateral economic commercial strategic mutual regional international domestic foreign " +
  "federal provincial national local global new major key important significant substantial " +
  "considerable strong robust steady modest sharp rapid gradual sustainable long-term short-term " +
  "historic landmark comprehensive joint special preferential free fair balanced favourable " +
  "conducive competitive efficient transparent digital industrial agricultural financial fiscal " +
  "monetary technical private public state-owned small medium large leading prominent senior " +
  "official formal informal annual quarterly monthly recent current previous next upcoming " +
  "potential possible existing additional further fresh renewed broader deeper closer wider"
).split(/\s+/);

/** Function words in rough order of frequency: a query's cost is mostly set by these. */
export const STOP_WORDS = (
  "the of and to in a for on with by that as is at from was were has have be this which " +
  "will its it an their also are been would other more but between both two while during " +
  "after over under into about through than such these those all can could should may"
).split(/\s+/);
