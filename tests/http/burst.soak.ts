import { afterAll, beforeAll, describe, it } from "vitest";
import {
  askBurst,
  expectEveryAskAnswered,
  type ServedBot,
  startServed,
} from "../support/serve-process";

/** 500 signed /ask at once at `npm run serve`: every one acknowledged within 3 s, and answered. */
describe("a burst of 500 over HTTP", () => {
  let served: ServedBot;

  beforeAll(async () => {
    served = await startServed();
    // A warm server, as after its first questions: the first answer pays for loading code.
    await askBurst(served.fake, 5);
  }, 45_000);

  afterAll(async () => {
    await served?.stop();
  });

  it("acknowledges each of 500 concurrent signed /ask within 3 s and answers every one", async () => {
    const burst = await askBurst(served.fake, 500);
    expectEveryAskAnswered(burst);
  });
});
