/**
 * News pages written for the tests in the shapes real news sites serve: a menu, ad slots, JSON-LD
 * and Open Graph metadata, a byline, "Also Read" and related links, share buttons, comments and a
 * footer around a few paragraphs of article; an AMP version; and pages with no article in them.
 * The article text is this project's own, about a Pakistan–Oman pact, with figures and a quote.
 */

export const OMAN_PARAGRAPHS = [
  "ISLAMABAD: Pakistan and Oman signed a framework agreement on trade and investment on Thursday, aiming to lift bilateral trade beyond its current level within three years.",
  "Bilateral trade between Pakistan and Oman reached $1.4 billion in fiscal year 2023-24, according to the State Bank of Pakistan, up from $1.1 billion a year earlier.",
  "Federal Minister for Commerce Jam Kamal Khan, who signed for Pakistan, said the pact would open Omani ports to Pakistani rice, textiles and surgical instruments.",
  "“Oman is our gateway to the Gulf and East Africa, and this agreement gives our exporters a clear road there,” Jam Kamal Khan said at the signing ceremony in Islamabad.",
  "Pakistan's exports to Oman stood at $412 million in the same fiscal year, while imports, mostly petroleum products and urea, made up the rest of the trade.",
  "Officials said a joint working group would meet in Muscat in September to draft rules for customs cooperation and the recognition of halal certificates.",
];

export const OMAN_TITLE = "Pakistan, Oman sign framework pact to lift bilateral trade";

const ld = (value: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

const MENU = `<header class="site-header"><a class="logo" href="/">The Daily Ledger</a>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/pakistan">Pakistan</a></li>
<li><a href="/business">Business</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/epaper">E-Paper</a></li></ul></nav>
<div class="breaking-ticker">Breaking News: <a href="/x">Markets close higher</a></div></header>`;

const AD = (slot: string) =>
  `<div class="ad-slot" id="ad-${slot}"><span>Advertisement</span><ins class="adsbygoogle" data-ad-slot="${slot}"></ins><a href="https://ads.example/click">Buy gold coins today, free delivery</a></div>`;

const RELATED = `<aside class="related-stories"><h3>Related Stories</h3><ul>
<li><a href="/business/rice-exports-record">Rice exports hit record as Gulf demand grows</a></li>
<li><a href="/business/gwadar-port-traffic">Gwadar port traffic doubles in a year</a></li>
<li><a href="/business/textile-orders">Textile orders rise on new EU rules</a></li></ul></aside>`;

const COMMENTS = `<section id="comments" class="comments"><h3>Comments (3)</h3>
<div class="comment"><span class="author">TradeWatcher</span><p>Great news for our rice exporters, finally some progress!</p></div>
<div class="comment"><span class="author">khan_88</span><p>Will this really help? We have heard it all before, every year.</p></div>
<div class="comment"><span class="author">Observer</span><p>Oman has always been a good friend of Pakistan in difficult times.</p></div>
<form class="comment-form"><textarea></textarea><button>Post comment</button></form></section>`;

const FOOTER = `<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/privacy">Privacy policy</a></li></ul><p>© 2024 The Daily Ledger. All rights reserved.</p></footer>`;

const SHARE = `<div class="share-bar"><a href="https://facebook.example/share">Share on Facebook</a> <a href="https://x.example/share">Post on X</a> <a href="whatsapp://send">WhatsApp</a></div>`;

/** A full news article page in the shape of a Pakistani daily's site. */
export function newsArticlePage(options: { canonical: string }): string {
  const [first, second, third, fourth, ...rest] = OMAN_PARAGRAPHS;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${OMAN_TITLE} | The Daily Ledger</title>
<meta property="og:type" content="article">
<meta property="og:title" content="${OMAN_TITLE}">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:url" content="${options.canonical}">
<meta property="article:published_time" content="2024-05-02T23:30:00+05:00">
<link rel="canonical" href="${options.canonical}">
${ld({
  "@context": "https://schema.org",
  "@graph": [
    { "@type": "WebSite", name: "The Daily Ledger", url: "https://ledger.example/" },
    {
      "@type": "NewsArticle",
      headline: OMAN_TITLE,
      datePublished: "2024-05-02T23:30:00+05:00",
      dateModified: "2024-05-03T08:00:00+05:00",
      author: [{ "@type": "Person", name: "Staff Reporter" }],
      publisher: { "@type": "NewsMediaOrganization", name: "The Daily Ledger" },
      mainEntityOfPage: options.canonical,
    },
  ],
})}
<script>window.dataLayer = window.dataLayer || []; function track(){ /* analytics */ }</script>
<style>.ad-slot{min-height:250px}</style>
</head><body>
${MENU}
${AD("top-leaderboard")}
<main><div class="container"><div class="story">
<h1 class="story__title">${OMAN_TITLE}</h1>
<div class="story__byline">By <a href="/author/staff">Staff Reporter</a> · Published May 2, 2024</div>
${SHARE}
<figure><img src="/img/oman.jpg" alt=""><figcaption>Officials exchange documents at the signing. — Photo: APP</figcaption></figure>
<div class="story__content">
<p>${first}</p>
<p>${second}</p>
${AD("in-article-1")}
<p><strong>Also Read:</strong> <a href="/business/gwadar">Gwadar port traffic doubles in a year</a></p>
<p>${third}</p>
<blockquote><p>${fourth}</p></blockquote>
${rest.map((p) => `<p>${p}</p>`).join("\n")}
</div>
${SHARE}
</div>
${RELATED}
${AD("sidebar")}
</div></main>
${COMMENTS}
${FOOTER}
</body></html>`;
}

/** The same article as an AMP page: amp-img, amp-ad, a canonical link back, no JSON-LD. */
export function ampArticlePage(options: { canonical: string }): string {
  return `<!doctype html>
<html ⚡ lang="en"><head><meta charset="utf-8">
<title>${OMAN_TITLE} - The Daily Ledger</title>
<link rel="canonical" href="${options.canonical}">
<meta name="viewport" content="width=device-width">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="article:published_time" content="2024-05-02">
<script async src="https://cdn.ampproject.example/v0.js"></script>
<style amp-boilerplate>body{visibility:hidden}</style>
</head><body>
<amp-sidebar id="menu" layout="nodisplay"><ul><li><a href="/">Home</a></li><li><a href="/business">Business</a></li></ul></amp-sidebar>
<header><a href="/">The Daily Ledger</a></header>
<amp-ad width="300" height="250" type="adsense" data-ad-slot="amp-top"></amp-ad>
<article>
<h1>${OMAN_TITLE}</h1>
<p class="byline">Staff Reporter</p>
<amp-img src="/img/oman.jpg" width="600" height="400" layout="responsive"></amp-img>
${OMAN_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
</article>
<amp-ad width="300" height="250" type="adsense" data-ad-slot="amp-bottom"></amp-ad>
<footer><p>© 2024 The Daily Ledger</p></footer>
</body></html>`;
}

/** A section front: dozens of headlines with one-line teasers, every one a link. */
export function listingPage(): string {
  const items = Array.from(
    { length: 30 },
    (_, i) =>
      `<li class="story-card"><a href="/business/story-${i}"><h2>Business headline number ${i} about trade and markets</h2></a><a href="/business/story-${i}" class="teaser">Read the full story of headline ${i} here</a></li>`,
  );
  return `<!doctype html><html><head><title>Business | The Daily Ledger</title>
<meta property="og:type" content="website"></head><body>${MENU}
<main><h1>Business</h1><ul class="stories">${items.join("\n")}</ul>
<a href="/business?page=2">Next page</a></main>${FOOTER}</body></html>`;
}

/** A section front that says so in JSON-LD, with enough teaser text to pass for an article. */
export function collectionPage(): string {
  const teasers = OMAN_PARAGRAPHS.map((p, i) => `<p>${p} <a href="/story-${i}">More</a></p>`);
  return `<!doctype html><html><head><title>Trade | The Daily Ledger</title>
${ld({ "@context": "https://schema.org", "@type": "CollectionPage", name: "Trade" })}
</head><body>${MENU}<main><h1>Trade</h1>${teasers.join("\n")}</main>${FOOTER}</body></html>`;
}

/** A paywall: the headline, one teaser sentence and a sign-in form. */
export function loginWallPage(): string {
  return `<!doctype html><html><head><title>${OMAN_TITLE} | Premium</title>
<meta property="og:title" content="${OMAN_TITLE}"><meta property="og:type" content="article"></head>
<body>${MENU}<main><article><h1>${OMAN_TITLE}</h1>
<p class="teaser">Pakistan and Oman signed a framework agreement on Thursday.</p>
<div class="paywall"><h2>Subscribe to continue reading</h2>
<p>Sign in or create a free account to read the full story.</p>
<form><input type="email" name="email"><input type="password" name="password"><button>Sign in</button></form>
</div></article></main>${FOOTER}</body></html>`;
}

/** The article as plain text, headline first. */
export const OMAN_TEXT = `${OMAN_TITLE}\n\n${OMAN_PARAGRAPHS.join("\n\n")}\n`;

/** The article as Markdown with front matter, as a person might save it. */
export const OMAN_MARKDOWN = `# ${OMAN_TITLE}\n\n${OMAN_PARAGRAPHS.join("\n\n")}\n`;

/** A second article, for tests that add two at once. */
export const QATAR_PARAGRAPHS = [
  "DOHA: Qatar will supply Pakistan with additional liquefied natural gas cargoes this winter under a revised agreement signed on Monday, the energy ministry said.",
  "Pakistan's imports from Qatar were worth $2.9 billion in fiscal year 2023-24, making Qatar one of Pakistan's largest sources of energy imports.",
  "Minister of State for Petroleum Musadik Malik said the new terms would save the country foreign exchange and keep industry supplied through the cold months.",
  "Officials said the two sides also discussed Qatari investment in Pakistan's refineries and a direct shipping line between Karachi and Hamad port.",
];

export const QATAR_TITLE = "Qatar to send Pakistan more LNG cargoes this winter";

export function secondArticlePage(): string {
  return `<!doctype html><html><head><title>${QATAR_TITLE}</title>
<meta property="og:title" content="${QATAR_TITLE}"><meta property="og:site_name" content="Gulf Trade Wire">
<meta property="article:published_time" content="2024-11-04T10:00:00Z"></head>
<body>${MENU}<article><h1>${QATAR_TITLE}</h1>${QATAR_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article>${FOOTER}</body></html>`;
}
