import { z } from "zod";
import { yaml as yamlPackage } from "./yaml";

/**
 * The YAML front matter of a corpus file: where it stands in the text, and what it says once
 * validated. Every problem carries the 1-based line of the file it is about, so a person can go
 * straight to it.
 */

/** A problem with one file's front matter or layout. `line` is 1-based in the file, when known. */
export interface FrontMatterProblem {
  line: number | null;
  message: string;
}

export interface FrontMatter {
  title: string;
  publisher: string | null;
  url: string | null;
  /** ISO date `YYYY-MM-DD`. */
  published: string | null;
}

/** Where the parts of a file stand, as offsets into its text (BOM already removed). */
export interface FrontMatterLayout {
  /** The YAML between the two `---` lines. */
  yaml: string;
  /** Line of the file on which the YAML starts. */
  yamlLine: number;
  /** Offset of the body: the line after the closing `---` line. */
  bodyStart: number;
  bodyLine: number;
}

const DELIMITER = /^---[ \t]*\r?$/;

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function lineFrom(text: string, start: number): string {
  const end = text.indexOf("\n", start);
  return text.slice(start, end === -1 ? text.length : end);
}

/**
 * Finds the front matter the way the CLI contract's scorer does: the file opens with a `---` line,
 * and the first later line starting with `---` closes it; the body is everything after that line,
 * untouched, so offsets into it are the same for every reader of the file.
 */
export function locateFrontMatter(
  text: string,
): { layout: FrontMatterLayout } | { problem: FrontMatterProblem } {
  if (!DELIMITER.test(lineFrom(text, 0))) {
    return {
      problem: { line: 1, message: 'no front matter: the file must start with a "---" line' },
    };
  }
  const close = text.indexOf("\n---", 3);
  if (close === -1) {
    return {
      problem: {
        line: 1,
        message: 'unterminated front matter: no closing "---" line after the opening one',
      },
    };
  }
  const closingLine = lineFrom(text, close + 1);
  if (!DELIMITER.test(closingLine)) {
    return {
      problem: {
        line: lineAt(text, close + 1),
        message: `front matter closing line must be just "---", found ${show(closingLine.trimEnd())}`,
      },
    };
  }
  const yamlStart = text.indexOf("\n") + 1;
  const afterClose = close + 1 + closingLine.length;
  const bodyStart = afterClose < text.length ? afterClose + 1 : text.length;
  return {
    layout: {
      yaml: text.slice(yamlStart, Math.max(yamlStart, close + 1)),
      yamlLine: lineAt(text, yamlStart),
      bodyStart,
      bodyLine: lineAt(text, bodyStart),
    },
  };
}

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const NOT_A_DATE = "is not a valid date (YYYY-MM-DD)";

/** An optional text field: a blank value counts as not given. */
const optionalText = (error: string) =>
  z
    .string({ error })
    .trim()
    .transform((s) => (s === "" ? null : s))
    .nullish();

/**
 * The keys a corpus file may set. Unknown keys are rejected, so a typo (`publshed`) is reported
 * rather than silently losing the date. YAML 1.1 readers turn `2024-05-02` into a Date: it is
 * written back as the same ISO day.
 */
export const frontMatterSchema = z.strictObject({
  title: z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
    .trim()
    .min(1, { error: "must not be empty" }),
  publisher: optionalText("must be a string"),
  url: optionalText("must be a string").refine((url) => url == null || isHttpUrl(url), {
    error: "is not a valid http(s) URL",
  }),
  published: z
    .preprocess(
      (value) =>
        value instanceof Date && !Number.isNaN(value.getTime())
          ? value.toISOString().slice(0, 10)
          : value,
      z.string({ error: NOT_A_DATE }).trim().refine(isCalendarDate, { error: NOT_A_DATE }),
    )
    .nullish(),
});

export const FRONT_MATTER_KEYS = Object.keys(frontMatterSchema.shape);

/** A value as it reads in a one-line message. */
export function show(value: unknown): string {
  if (value === undefined) return "(missing)";
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "(invalid date)" : value.toISOString().slice(0, 10);
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** First line of a YAML error, without the position it repeats (the caller gives the file's line). */
function yamlReason(message: string): string {
  return (message.split("\n")[0] ?? "")
    .replace(/ at line \d+, column \d+:?$/, "")
    .replace(/[:.]$/, "");
}

/**
 * Parses and validates front matter YAML. `yamlLine` is the file line the YAML starts on, so
 * every problem names a line of the file, not of the YAML.
 */
export function parseFrontMatter(
  yaml: string,
  yamlLine: number,
): { frontMatter: FrontMatter } | { problems: FrontMatterProblem[] } {
  const { isMap, isScalar, LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false });
  // YAML places errors found at the end of input (an unclosed quote) past the last line, which
  // would point at the closing `---`; the last line of YAML is where the fault is.
  const lastOffset = Math.max(0, yaml.trimEnd().length - 1);
  const fileLine = (offset: number) =>
    lineCounter.linePos(Math.min(offset, lastOffset)).line + yamlLine - 1;
  // The opening `---` line stands for the front matter as a whole.
  const openingLine = yamlLine - 1;

  const [error] = doc.errors;
  if (error) {
    return {
      problems: [
        { line: fileLine(error.pos[0]), message: `invalid YAML: ${yamlReason(error.message)}` },
      ],
    };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return {
      problems: [
        {
          line: doc.contents.range ? fileLine(doc.contents.range[0]) : openingLine,
          message:
            "front matter must be YAML keys and values (title: …), not a list or a lone value",
        },
      ],
    };
  }

  const keyLines = new Map<string, number>();
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    if (isScalar(pair.key) && pair.key.range) {
      keyLines.set(String(pair.key.value), fileLine(pair.key.range[0]));
    }
  }

  let data: Record<string, unknown>;
  try {
    data = (doc.toJS() ?? {}) as Record<string, unknown>;
  } catch (e) {
    return {
      problems: [{ line: openingLine, message: `invalid YAML: ${(e as Error).message}` }],
    };
  }

  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const problems: FrontMatterProblem[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          problems.push({
            line: keyLines.get(key) ?? openingLine,
            message: `${key}: ${show(data[key])} is not a known key (expected ${FRONT_MATTER_KEYS.join(", ")})`,
          });
        }
        continue;
      }
      const key = String(issue.path[0] ?? "");
      const value = data[key];
      problems.push({
        line: keyLines.get(key) ?? openingLine,
        message:
          value === undefined
            ? `${key}: ${issue.message}`
            : `${key}: ${show(value)} ${issue.message}`,
      });
    }
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { problems };
  }

  const fm = result.data;
  return {
    frontMatter: {
      title: fm.title,
      publisher: fm.publisher ?? null,
      url: fm.url ?? null,
      published: fm.published ?? null,
    },
  };
}
