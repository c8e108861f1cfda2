import { describe, expect, it } from "vitest";
import { extractOfficials } from "../../../src/facts/people/officials";
import { articleText as article, personNamed as person, quotesOf } from "../../support/people";

describe("a pronoun in an attribution", () => {
  it("goes to the one person the sentence before names", () => {
    expect(
      quotesOf(
        "Finance Minister Muhammad Aurangzeb met exporters in Karachi.\n\n“Refunds will be paid within a week,” he said.",
      ),
    ).toEqual({ "Muhammad Aurangzeb": ["Refunds will be paid within a week,"] });
  });

  it("goes to nobody after two men named in one sentence", () => {
    expect(
      quotesOf(
        "Finance Minister Muhammad Aurangzeb met Commerce Minister Jam Kamal Khan in Islamabad. “Exports must grow this year,” he said.",
      ),
    ).toEqual({});
  });

  it("goes to nobody after two ministers in one paragraph, whoever was named last", () => {
    expect(
      quotesOf(
        "Finance Minister Muhammad Aurangzeb and Commerce Minister Jam Kamal Khan briefed the cabinet on Monday. “Our exports will reach $35 billion,” he said.",
      ),
    ).toEqual({});
  });

  it("follows a pronoun through the sentences that carry it", () => {
    expect(
      quotesOf(
        "Ambassador of Oman Ali Al-Harthy visited the Karachi port on Monday.\n\nHe said that trade was rising. He also met traders.\n\n“Oman wants more Pakistani rice and fruit,” he added.",
      ),
    ).toEqual({ "Ali Al-Harthy": ["Oman wants more Pakistani rice and fruit,"] });
  });

  it("goes to who spoke in the sentence before, not to someone that sentence merely names", () => {
    expect(
      quotesOf(
        "Trade Minister Ömer Bolat visited Islamabad.\n\n“We discussed our trade in detail,” Bolat wrote on X after meeting Finance Minister Muhammad Aurangzeb.\n\n“We aim to double our trade,” he added.",
      ),
    ).toEqual({
      "Ömer Bolat": ["We discussed our trade in detail,", "We aim to double our trade,"],
    });
  });

  it("tells a woman from a man where the article shows it", () => {
    expect(
      quotesOf(
        "Chairwoman Valentina Matviyenko met Mr Yousaf Raza Gilani in Islamabad. “Our parliaments should meet every year,” she said.",
      ),
    ).toEqual({ "Valentina Matviyenko": ["Our parliaments should meet every year,"] });
  });

  it("keeps to the person a pronoun of the same sex meant in the sentence before", () => {
    expect(
      quotesOf(
        "“Trade grew by half last year,” said Valentina Matviyenko, the Chairwoman of the Federation Council.\n\nShe is leading a delegation on the invitation of Chairman Senate Yousaf Raza Gilani.\n\n“There are many promising areas of cooperation,” she said.",
      ),
    ).toEqual({
      "Valentina Matviyenko": [
        "Trade grew by half last year,",
        "There are many promising areas of cooperation,",
      ],
    });
  });

  it("skips the people of a clause set before the subject", () => {
    expect(
      quotesOf(
        "“Our ties are strong,” said Consul General of Qatar Mishal Al-Ansari.\n\nReferring to the meeting between Emir Tamim bin Hamad and Prime Minister Shehbaz Sharif, he said both leaders agreed to expand trade.\n\n“Qatar will invest three billion dollars in Pakistan.”",
      ),
    ).toEqual({
      "Mishal Al-Ansari": [
        "Our ties are strong,",
        "Qatar will invest three billion dollars in Pakistan.",
      ],
    });
  });

  it("goes to nobody when someone unnamed spoke since", () => {
    expect(
      quotesOf(
        "Ambassador to China Moin ul Haque met businessmen in Beijing.\n\nAccording to a senior official, exports rose even in July. “It is very promising that exports are growing,” he added.",
      ),
    ).toEqual({});
  });
});

describe("who the subject of a verb of saying is", () => {
  const ENVOY_AND_MINISTER = "Ambassador of Oman Ali Al-Harthy";

  it("skips the people of an aside between the subject and the verb", () => {
    expect(
      quotesOf(
        `${ENVOY_AND_MINISTER}, who met Finance Minister Muhammad Aurangzeb, said: “Oman will buy more rice from Pakistan.”`,
      ),
    ).toEqual({ "Ali Al-Harthy": ["Oman will buy more rice from Pakistan."] });
  });

  it("takes the one after 'by' for the speaker of a verb in the passive", () => {
    expect(
      quotesOf(
        `Finance Minister Muhammad Aurangzeb was told by ${ENVOY_AND_MINISTER} that “Oman will buy more rice from Pakistan.”`,
      ),
    ).toEqual({ "Ali Al-Harthy": ["Oman will buy more rice from Pakistan."] });
  });

  it("takes the one before 'who said' for the speaker", () => {
    expect(
      quotesOf(
        `Finance Minister Muhammad Aurangzeb met ${ENVOY_AND_MINISTER}, who said “Oman will buy more rice from Pakistan.”`,
      ),
    ).toEqual({ "Ali Al-Harthy": ["Oman will buy more rice from Pakistan."] });
  });

  it("gives 'he added' to nobody when the last speaker and the last man named differ", () => {
    expect(
      quotesOf(
        `“Oman will buy more rice,” said ${ENVOY_AND_MINISTER}. The embassy hosted a dinner attended by Finance Minister Muhammad Aurangzeb.\n\n“We will buy fruit as well,” he added.`,
      ),
    ).toEqual({ "Ali Al-Harthy": ["Oman will buy more rice,"] });
  });
});

describe("a role noun in an attribution", () => {
  it("goes to the article's one holder of the role", () => {
    expect(
      quotesOf(
        "High Commissioner of Bangladesh to Pakistan Rahul Alam Siddique met Karachi Chamber President Ali Raza.\n\n“Trade has risen by half,” the envoy said.",
      ),
    ).toEqual({ "Rahul Alam Siddique": ["Trade has risen by half,"] });
  });

  it("tells two ministers apart by the country it names, and places the one it means", () => {
    const body =
      "Commerce and Industry Minister Tawfiq Al-Rabiah met Pakistan's Commerce Minister Amin Fahim in Islamabad.\n\n“We have to work together on trade,” the Saudi minister said.";
    expect(quotesOf(body)).toEqual({ "Tawfiq Al-Rabiah": ["We have to work together on trade,"] });
    expect(person(body, "Tawfiq Al-Rabiah").country).toBe("Saudi Arabia");
  });

  it("tells two chamber presidents apart by the acronym it names", () => {
    expect(
      quotesOf(
        "FPCCI President Atif Ikram Sheikh and LCCI President Kashif Anwar met the envoy.\n\n“Lahore's exporters need cheaper power,” the LCCI president said.",
      ),
    ).toEqual({ "Kashif Anwar": ["Lahore's exporters need cheaper power,"] });
  });

  it("tells two ministers apart by the portfolio it names", () => {
    expect(
      quotesOf(
        "Finance Minister Muhammad Aurangzeb and Commerce Minister Jam Kamal Khan met exporters.\n\n“Duty drawback will be restored,” the commerce minister said.",
      ),
    ).toEqual({ "Jam Kamal Khan": ["Duty drawback will be restored,"] });
  });

  it("goes to nobody when two people hold the role", () => {
    expect(
      quotesOf(
        "Finance Minister Muhammad Aurangzeb and Commerce Minister Jam Kamal Khan met exporters.\n\n“Refunds will come soon,” the minister said.",
      ),
    ).toEqual({});
  });

  it("goes to nobody when nobody named holds the role", () => {
    expect(
      quotesOf(
        "Karachi Chamber President Ali Raza met exporters.\n\n“Refunds will come soon,” the minister said.",
      ),
    ).toEqual({});
  });

  it("goes to the one introduced unnamed by the same noun, not to a person named before", () => {
    expect(
      quotesOf(
        "Prime Minister Shehbaz Sharif chaired the meeting on exports.\n\nAn official of the commerce ministry said refunds were delayed. “We are clearing the backlog this month,” the official said.",
      ),
    ).toEqual({});
  });

  it("does not take a prime minister for 'the minister'", () => {
    expect(
      quotesOf(
        "Prime Minister Shehbaz Sharif met Federal Minister for Commerce Jam Kamal Khan.\n\n“Exports will double,” the minister said.",
      ),
    ).toEqual({ "Jam Kamal Khan": ["Exports will double,"] });
  });

  it("takes a high commissioner for 'the High Commissioner' written without an article", () => {
    expect(
      quotesOf(
        "The High Commissioner of Malaysia to Pakistan, Ambassador Mohammad Azhar Mazlan, met traders.\n\nHigh Commissioner said “We believe in stronger ties between our nations.”",
      ),
    ).toEqual({ "Mohammad Azhar Mazlan": ["We believe in stronger ties between our nations."] });
  });
});

describe("countries the references give", () => {
  it("places a visitor to Pakistan in his party's country, not Pakistan", () => {
    const body =
      "Trade Minister Ömer Bolat, accompanied by a delegation of Turkish businesspeople, is paying an official visit to Pakistan.\n\nBolat met Finance Minister Muhammad Aurangzeb.";
    expect(person(body, "Ömer Bolat").country).toBe("Turkey");
    expect(person(body, "Muhammad Aurangzeb").country).toBe("Pakistan");
  });

  it("places someone speaking of 'his country and Pakistan' outside Pakistan", () => {
    const body =
      "Commerce Minister Ali Raza said relations between his country and Pakistan were growing. Turkey wants more trade with Pakistan.";
    expect(person(body, "Ali Raza").country).toBe("Turkey");
  });

  it("places an emir named without his country in the article's partner, not Pakistan", () => {
    const body =
      "Emir Tamim bin Hamad received Prime Minister Shehbaz Sharif. Qatar will buy more rice from Pakistan.";
    expect(person(body, "Tamim bin Hamad").country).toBe("Qatar");
  });
});

describe("any length of text", () => {
  const piece =
    "“We are ready to trade,” he said, according to the Saudi minister, who met Ambassador of Oman Ali Khan during a visit by Finance Minister Sara Ahmed and she added “the envoy and the LCCI president agree” while the Prime Minister’s Office said ";
  const timeToRead = (length: number) => {
    const body = piece.repeat(Math.ceil(length / piece.length));
    const started = performance.now();
    const officials = extractOfficials([article(body)]);
    return { ms: performance.now() - started, names: officials.map((o) => o.name) };
  };

  it("reads a run-on paragraph of pronouns, role nouns and quotes in time that grows with its length, not its square", () => {
    timeToRead(20_000); // warm up
    const short = timeToRead(50_000);
    const long = timeToRead(200_000);
    expect(long.names).toEqual(["Ali Khan", "Sara Ahmed"]);
    // Four times the text: about four times the time when linear, sixteen when quadratic.
    expect(long.ms).toBeLessThan(6 * short.ms + 300);
  });
});
