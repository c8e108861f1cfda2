import { describe, expect, it } from "vitest";
import { tokenize } from "../../../src/facts/language/word-tokens";
import {
  isNameWord,
  nameKey,
  nameParts,
  namesMatchQuery,
  properCaseName,
  readNameBackward,
  readNameForward,
} from "../../../src/facts/people/names";

/** The name read forwards from the first token of `text`, as written. */
function forward(text: string, at = 0): string | null {
  const tokens = tokenize(text);
  const run = readNameForward(tokens, at);
  return run ? text.slice(run.start, run.end) : null;
}

/** The name read backwards from the last word of `text`, as written. */
function backward(text: string): string | null {
  const tokens = tokenize(text);
  const run = readNameBackward(tokens, tokens.length - 1);
  return run ? text.slice(run.start, run.end) : null;
}

describe("name keys", () => {
  it("gives the same key to a name in capitals and in ordinary case", () => {
    expect(nameKey("MATSUO Takehiko")).toBe(nameKey("Matsuo Takehiko"));
  });

  it("gives the same key to a name in either order", () => {
    expect(nameKey("Takehiko Matsuo")).toBe(nameKey("MATSUO Takehiko"));
  });

  it("gives the same key with and without a middle initial", () => {
    expect(nameKey("Natalie A. Baker")).toBe(nameKey("Natalie Baker"));
  });

  it("leaves honorifics and particles out of the key", () => {
    expect(nameKey("Dr. Ishrat Husain")).toBe("husain ishrat");
    expect(nameKey("Khalid Al-Falih")).toBe("falih khalid");
  });

  it("ignores accents and curly apostrophes", () => {
    expect(nameParts("José O’Neill")).toEqual(["jose", "o'neill"]);
  });

  it("gives different people different keys", () => {
    expect(nameKey("Jam Kamal Khan")).not.toBe(nameKey("Haroon Akhtar Khan"));
  });
});

describe("proper case", () => {
  it("writes a surname in capitals in ordinary case", () => {
    expect(properCaseName("MATSUO Takehiko")).toBe("Matsuo Takehiko");
    expect(properCaseName("WADA Mitsuhiro")).toBe("Wada Mitsuhiro");
  });

  it("keeps hyphens and initials", () => {
    expect(properCaseName("Khalid AL-FALIH")).toBe("Khalid Al-Falih");
    expect(properCaseName("Natalie A. Baker")).toBe("Natalie A. Baker");
  });
});

describe("name words", () => {
  it("does not take title, organisation or place words for names", () => {
    for (const word of [
      "Special",
      "Technology",
      "Minister",
      "Federal",
      "Board",
      "Pakistan",
      "Japanese",
      "Tokyo",
      "Karachi",
      "August",
      "The",
    ]) {
      expect(isNameWord(tokenize(word)[0])).toBe(false);
    }
  });

  it("takes ordinary given names and surnames", () => {
    for (const word of ["Haroon", "Takehiko", "MATSUO", "Al-Falih", "Syed", "Jam"]) {
      expect(isNameWord(tokenize(word)[0])).toBe(true);
    }
  });
});

describe("reading names", () => {
  it("reads a name with a middle initial", () => {
    expect(forward("Natalie A. Baker on February 12")).toBe("Natalie A. Baker");
  });

  it("reads a surname in capitals before the given name", () => {
    expect(forward("MATSUO Takehiko, Vice-Minister")).toBe("MATSUO Takehiko");
  });

  it("does not read an acronym alone as a name", () => {
    expect(forward("METI officials")).toBeNull();
  });

  it("reads particles inside a name", () => {
    expect(forward("Abdulaziz bin Salman said")).toBe("Abdulaziz bin Salman");
    expect(backward("met Ursula von der Leyen")).toBe("Ursula von der Leyen");
  });

  it("stops a name at a possessive", () => {
    expect(forward("Jam Kamal Khan’s visit")).toBe("Jam Kamal Khan");
  });

  it("stops reading backwards at a lower-case word", () => {
    expect(backward("together with Haroon Akhtar Khan")).toBe("Haroon Akhtar Khan");
    expect(backward("and MATSUO Takehiko")).toBe("MATSUO Takehiko");
  });
});

describe("matching a query", () => {
  const names = ["Haroon Akhtar Khan"];

  it("matches one part of the name, in any case", () => {
    expect(namesMatchQuery(names, "haroon")).toBe(true);
  });

  it("matches parts in any order", () => {
    expect(namesMatchQuery(names, "Khan Haroon")).toBe(true);
  });

  it("matches the start of a part", () => {
    expect(namesMatchQuery(names, "akht")).toBe(true);
  });

  it("does not match a word the name lacks", () => {
    expect(namesMatchQuery(names, "Haroon Iqbal")).toBe(false);
  });

  it("matches any spelling the person is known by", () => {
    expect(namesMatchQuery(["Wada Mitsuhiro", "WADA Mitsuhiro"], "Mitsuhiro WADA")).toBe(true);
  });

  it("lets an honorific in the query pass", () => {
    expect(namesMatchQuery(names, "Mr. Haroon")).toBe(true);
  });
});
