import { rmSync } from "node:fs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as chart from "../../commands/chart";
import * as compare from "../../commands/compare";
import * as figures from "../../commands/figures";
import type { CommandContext } from "../../src/discord/command";
import type { Reply } from "../../src/discord/payload";
import { loadEngine } from "../../src/engine";
import type { Engine } from "../../src/types";
import { chartCorpus } from "../support/chart-corpus";
import { commandContext } from "../support/command-context";
import { expectWithinDiscordLimits } from "../support/discord-limits";

/** Bold values in a reply's table (the fields before the sources), and the sentences it quotes. */
function shownAndQuoted(reply: Reply) {
  const embed = reply.embeds?.[0];
  const text = [embed?.description ?? "", ...(embed?.fields ?? []).map((f) => f.value)].join("\n");
  const unescaped = (s: string) => s.replace(/\\([\\*_~`|[\]#>.-])/g, "$1");
  const quoted = [...text.matchAll(/“…?([^”]*?)…?”/g)].map((m) => unescaped(m[1] ?? ""));
  const table = (embed?.fields ?? []).filter((f) => !f.name.startsWith("Sources"));
  const bold = table.flatMap((f) =>
    [...f.value.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => unescaped(m[1] ?? "")),
  );
  return { bold: bold.filter((b) => /\d/.test(b)), quoted };
}

describe("/compare and /chart", () => {
  const dir = chartCorpus();
  let engine: Engine;
  let ctx: CommandContext;

  beforeAll(async () => {
    engine = await loadEngine({ corpusDir: dir });
    ctx = commandContext(engine).ctx;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("/compare lines up Japan's trade volume with the US's bilateral trade, each figure quoted", () => {
    const reply = compare.execute({ partners: "Japan, United States" }, ctx);
    expectWithinDiscordLimits(reply);
    const fields = reply.embeds?.[0]?.fields ?? [];
    expect(fields[0]?.name).toBe("⚠ bilateral trade");
    expect(fields[0]?.value).toContain("**Japan:** **$1.26 billion** · FY2022-23 [1]");
    expect(fields[0]?.value).toContain("**United States:** about **$7.3 billion** · 2023 [2]");
    const { bold, quoted } = shownAndQuoted(reply);
    expect(bold.length).toBeGreaterThan(1);
    for (const value of bold)
      expect(
        quoted.some((q) => q.includes(value)),
        value,
      ).toBe(true);
    for (const q of quoted)
      expect(
        engine.figures().some((f) => f.sentence.includes(q)),
        q,
      ).toBe(true);
  });

  it("/compare says 'not in the articles' for a partner without the measure, and refuses one partner", () => {
    const reply = compare.execute({ partners: "China, Japan", measure: "exports" }, ctx);
    expectWithinDiscordLimits(reply);
    expect(reply.embeds?.[0]?.fields?.[0]?.value).toContain("**Japan:** not in the articles");
    const one = compare.execute({ partners: "China" }, ctx);
    expect(one.ephemeral).toBe(true);
    expect(one.content).toContain("2 to 4");
  });

  it("/compare completes the last partner typed and offers the chosen partners' measures", () => {
    const partners = compare.autocomplete({ name: "partners", value: "Japan, Ch" }, ctx);
    expect(partners.map((c) => c.value)).toContain("Japan, China");
    const measures = compare.autocomplete({ name: "measure", value: "" }, ctx, {
      partners: "China, Japan",
    });
    expect(measures.map((c) => c.value)).toContain("bilateral trade");
  });

  it("/chart attaches a PNG the embed shows, with a table of its bars and each sentence quoted", async () => {
    const reply = await chart.execute({ partner: "China", measure: "trade volume" }, ctx);
    expectWithinDiscordLimits(reply);
    const [file] = reply.files ?? [];
    expect(file?.name).toBe("chart.png");
    expect(reply.embeds?.[0]?.image?.url).toBe("attachment://chart.png");
    expect(file?.description).toContain("FY2023-24: $15.9 billion [1] and $20.5 billion [2]");
    const png = PNG.sync.read(Buffer.from(file?.data ?? []));
    expect(png.width).toBeGreaterThanOrEqual(600);
    expect(reply.embeds?.[0]?.description).toContain("FY2022-23  $14.7 billion  [1]");
    const quotes = (reply.embeds?.[0]?.fields ?? []).map((f) => f.value).join("\n");
    for (const value of ["$14.7 billion", "$15.9 billion", "$20.5 billion", "$23.1 billion"]) {
      expect(quotes).toContain(value);
    }
  });

  it("/chart with nothing to draw says so, with no file", async () => {
    const reply = await chart.execute({ partner: "Japan", measure: "remittances" }, ctx);
    expect(reply.files).toBeUndefined();
    expect(reply.content).toContain("remittances");
  });

  it("/figures offers a Chart button for a measure with two or more periods, and it draws that chart", async () => {
    const page = figures.execute({ partner: "China" }, ctx);
    expectWithinDiscordLimits(page);
    const buttons = (page.components ?? []).flatMap((row) => row.components);
    const offer = buttons.find((b) => b.custom_id.startsWith("chart:"));
    expect(offer?.label).toBe("Chart: China bilateral trade");
    const pressed = await chart.button((offer?.custom_id ?? "").slice("chart:".length), ctx);
    expect(pressed.kind).toBe("reply");
    expect(pressed.reply.files?.[0]?.name).toBe("chart.png");
    expect(pressed.reply.embeds?.[0]?.title).toBe("Pakistan–China: bilateral trade");
    const japan = figures.execute({ partner: "Japan" }, ctx);
    expect(
      (japan.components ?? [])
        .flatMap((r) => r.components)
        .some((b) => b.custom_id.startsWith("chart:")),
    ).toBe(false);
  });
});
