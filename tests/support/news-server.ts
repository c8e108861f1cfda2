/**
 * A news site on 127.0.0.1 for the article tests: the pages of news-pages.ts, and the hostile
 * answers a fetcher meets — a PDF, a 20 MB page, a page that never finishes, redirects to
 * cloud metadata and private addresses, a redirect loop. Every request is recorded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import {
  ampArticlePage,
  collectionPage,
  listingPage,
  loginWallPage,
  newsArticlePage,
  OMAN_MARKDOWN,
  OMAN_TEXT,
  secondArticlePage,
} from "./news-pages";

export interface NewsServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  url(path: string): string;
  /** Paths requested, in order, with the User-Agent sent. */
  requests: { path: string; userAgent: string }[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

const html =
  (body: string, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
    res.end(body);
  };

const ROUTES: Record<string, Handler> = {
  "/2024/05/02/pakistan-oman-pact": (req, res, origin) =>
    html(newsArticlePage({ canonical: `${origin}/2024/05/02/pakistan-oman-pact` }))(
      req,
      res,
      origin,
    ),
  "/amp/2024/05/02/pakistan-oman-pact": (req, res, origin) =>
    html(ampArticlePage({ canonical: `${origin}/2024/05/02/pakistan-oman-pact` }))(
      req,
      res,
      origin,
    ),
  "/gzip/pakistan-oman-pact": (_req, res, origin) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
    res.end(gzipSync(newsArticlePage({ canonical: `${origin}/gzip/pakistan-oman-pact` })));
  },
  "/2024/11/04/qatar-lng": html(secondArticlePage()),
  "/business": html(listingPage()),
  "/trade": html(collectionPage()),
  "/premium/pakistan-oman-pact": html(loginWallPage()),
  "/wire/pakistan-oman-pact.txt": (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    res.end(OMAN_TEXT);
  },
  "/notes/pakistan-oman-pact.md": (_req, res) => {
    res.writeHead(200, { "content-type": "text/markdown; charset=utf-8" });
    res.end(OMAN_MARKDOWN);
  },
  "/reports/trade-review.pdf": (_req, res) => {
    res.writeHead(200, { "content-type": "application/pdf" });
    res.end("%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n");
  },
  "/photo.jpg": (_req, res) => {
    res.writeHead(200, { "content-type": "image/jpeg" });
    res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  },
  "/huge": (_req, res) => {
    // 20 MB of HTML streamed without a length: only counting while reading can stop it.
    res.writeHead(200, { "content-type": "text/html" });
    const chunk = `<p>${"Trade figures and more trade figures. ".repeat(1700)}</p>\n`;
    let sent = 0;
    const pump = () => {
      while (sent < 20 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once("drain", pump);
          return;
        }
      }
      res.end();
    };
    res.on("error", () => {});
    pump();
  },
  "/huge-declared": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(20 * 1024 * 1024) });
    res.write("<html><body>");
    // Never sends the rest: a reader that trusts the length must refuse before waiting.
  },
  "/never-finishes": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write(`<!doctype html><html><head><title>Slow</title></head><body><p>Loading`);
    // …and nothing more, ever.
  },
  "/never-answers": () => {
    // Not even headers.
  },
  "/redirect/to-article": (_req, res) => {
    res.writeHead(301, { location: "/2024/05/02/pakistan-oman-pact" });
    res.end();
  },
  "/redirect/to-metadata": (_req, res) => {
    res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/iam/credentials" });
    res.end();
  },
  "/redirect/to-private": (_req, res) => {
    res.writeHead(302, { location: "http://10.0.0.1/admin" });
    res.end();
  },
  "/redirect/to-mapped-ipv6": (_req, res) => {
    res.writeHead(302, { location: "http://[::ffff:10.0.0.1]/admin" });
    res.end();
  },
  "/redirect/to-file": (_req, res) => {
    res.writeHead(302, { location: "file:///etc/passwd" });
    res.end();
  },
  "/missing": html("<h1>Not found</h1>", 404),
};

/** `/loop/N` redirects to `/loop/N+1` forever. */
function loop(path: string, res: ServerResponse): boolean {
  const m = /^\/loop\/(\d+)$/.exec(path);
  if (!m) return false;
  res.writeHead(302, { location: `/loop/${Number(m[1]) + 1}` });
  res.end();
  return true;
}

export async function startNewsServer(): Promise<NewsServer> {
  const requests: NewsServer["requests"] = [];
  let origin = "";
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    requests.push({ path, userAgent: String(req.headers["user-agent"] ?? "") });
    if (loop(path, res)) return;
    const route = ROUTES[path];
    if (route) route(req, res, origin);
    else html("<h1>Not found</h1>", 404)(req, res, origin);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
