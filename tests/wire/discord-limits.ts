/**
 * Discord's documented payload limits, as the fake enforces them: a payload that breaks one is
 * refused by Discord with 400 (50035 Invalid Form Body), so the user sees nothing.
 * Lengths are counted in UTF-16 code units, as Discord's own validation does for these fields.
 */

type Json = Record<string, unknown>;

const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const COMPONENTS_V2_FLAG = 1 << 15;

function record(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function tooLong(where: string, value: unknown, max: number, out: string[]): void {
  if (typeof value === "string" && value.length > max)
    out.push(`${where} is ${value.length} long (max ${max})`);
}

function embedViolations(embeds: unknown[], out: string[]): void {
  if (embeds.length > 10) out.push(`${embeds.length} embeds (max 10)`);
  let total = 0;
  embeds.forEach((raw, i) => {
    const embed = record(raw);
    const at = `embeds[${i}]`;
    tooLong(`${at}.title`, embed.title, 256, out);
    tooLong(`${at}.description`, embed.description, 4096, out);
    tooLong(`${at}.footer.text`, record(embed.footer).text, 2048, out);
    tooLong(`${at}.author.name`, record(embed.author).name, 256, out);
    const fields = list(embed.fields);
    if (fields.length > 25) out.push(`${at} has ${fields.length} fields (max 25)`);
    total += text(embed.title).length + text(embed.description).length;
    total += text(record(embed.footer).text).length + text(record(embed.author).name).length;
    fields.forEach((rawField, j) => {
      const field = record(rawField);
      if (text(field.name).length === 0) out.push(`${at}.fields[${j}].name is empty`);
      if (text(field.value).length === 0) out.push(`${at}.fields[${j}].value is empty`);
      tooLong(`${at}.fields[${j}].name`, field.name, 256, out);
      tooLong(`${at}.fields[${j}].value`, field.value, 1024, out);
      total += text(field.name).length + text(field.value).length;
    });
  });
  if (total > 6000) out.push(`embeds total ${total} characters (max 6000)`);
}

function componentViolations(rows: unknown[], out: string[]): void {
  if (rows.length > 5) out.push(`${rows.length} action rows (max 5)`);
  rows.forEach((rawRow, i) => {
    const row = record(rawRow);
    if (row.type !== 1) {
      out.push(`components[${i}] is type ${String(row.type)}, not an action row`);
      return;
    }
    const children = list(row.components);
    if (children.length === 0 || children.length > 5)
      out.push(`components[${i}] holds ${children.length} components (1 to 5)`);
    children.forEach((rawChild, j) => {
      const child = record(rawChild);
      const at = `components[${i}].components[${j}]`;
      tooLong(`${at}.custom_id`, child.custom_id, 100, out);
      if (child.type === 2) {
        tooLong(`${at}.label`, child.label, 80, out);
        if (child.style === 5 ? !child.url : !child.custom_id)
          out.push(`${at} button has no ${child.style === 5 ? "url" : "custom_id"}`);
        if (!child.label && !child.emoji) out.push(`${at} button has neither label nor emoji`);
      } else if (child.type === 3) {
        if (children.length > 1)
          out.push(`components[${i}] holds a select menu beside other components`);
        tooLong(`${at}.placeholder`, child.placeholder, 150, out);
        const options = list(child.options);
        if (options.length === 0 || options.length > 25)
          out.push(`${at} has ${options.length} options (1 to 25)`);
        options.forEach((rawOption, k) => {
          const option = record(rawOption);
          tooLong(`${at}.options[${k}].label`, option.label, 100, out);
          tooLong(`${at}.options[${k}].value`, option.value, 100, out);
          tooLong(`${at}.options[${k}].description`, option.description, 100, out);
        });
      }
    });
  });
  const ids = rows
    .flatMap((row) => list(record(row).components).map((c) => record(c).custom_id))
    .filter((id) => id !== undefined);
  if (new Set(ids).size !== ids.length) out.push("duplicate custom_id in one message");
}

/** What a message body (callback data, webhook edit or follow-up) breaks. */
export function messageViolations(body: unknown): string[] {
  const message = record(body);
  const out: string[] = [];
  if ((Number(message.flags ?? 0) & COMPONENTS_V2_FLAG) !== 0) {
    out.push("uses components v2 (flag 1<<15), which these checks do not cover");
  }
  tooLong("content", message.content, 2000, out);
  list(message.attachments).forEach((raw, i) => {
    tooLong(`attachments[${i}].description`, record(raw).description, 1024, out);
  });
  embedViolations(list(message.embeds), out);
  componentViolations(list(message.components), out);
  return out;
}

/** What an autocomplete result (callback type 8 data) breaks. */
export function autocompleteViolations(body: unknown): string[] {
  const choices = list(record(body).choices);
  const out: string[] = [];
  if (choices.length > 25) out.push(`${choices.length} choices (max 25)`);
  choices.forEach((raw, i) => {
    const choice = record(raw);
    const name = text(choice.name);
    if (name.length < 1 || name.length > 100)
      out.push(`choices[${i}].name is ${name.length} long (1 to 100)`);
    tooLong(`choices[${i}].value`, choice.value, 100, out);
  });
  return out;
}

/** What a bulk overwrite of application commands breaks. */
export function commandsViolations(body: unknown): string[] {
  const out: string[] = [];
  if (!Array.isArray(body)) return ["commands body is not an array"];
  if (body.length > 100) out.push(`${body.length} commands (max 100)`);
  body.forEach((raw, i) => {
    const command = record(raw);
    const at = `commands[${i}] (${text(command.name)})`;
    if (
      !COMMAND_NAME.test(text(command.name)) ||
      text(command.name) !== text(command.name).toLowerCase()
    )
      out.push(`${at} has an invalid name`);
    const description = text(command.description);
    if (description.length < 1 || description.length > 100)
      out.push(`${at} description is ${description.length} long (1 to 100)`);
    const options = list(command.options);
    if (options.length > 25) out.push(`${at} has ${options.length} options (max 25)`);
    let sawOptional = false;
    options.forEach((rawOption, j) => {
      const option = record(rawOption);
      const where = `${at}.options[${j}] (${text(option.name)})`;
      if (
        !COMMAND_NAME.test(text(option.name)) ||
        text(option.name) !== text(option.name).toLowerCase()
      )
        out.push(`${where} has an invalid name`);
      const optionDescription = text(option.description);
      if (optionDescription.length < 1 || optionDescription.length > 100)
        out.push(`${where} description is ${optionDescription.length} long (1 to 100)`);
      if (option.required === true && sawOptional)
        out.push(`${where} is required but follows an optional option`);
      if (option.required !== true) sawOptional = true;
      if (list(option.choices).length > 25) out.push(`${where} has more than 25 choices`);
      if (option.autocomplete === true && list(option.choices).length > 0)
        out.push(`${where} has both autocomplete and choices`);
    });
  });
  return out;
}

/** The validator the fake takes. */
export function discordLimitViolations(
  kind: "message" | "autocomplete" | "commands",
  body: unknown,
): string[] {
  if (kind === "autocomplete") return autocompleteViolations(body);
  if (kind === "commands") return commandsViolations(body);
  return messageViolations(body);
}

/**
 * Why a message body could ping someone: Discord parses mentions in `content` unless
 * `allowed_mentions` says otherwise, so anything but `{ parse: [] }` (no users/roles lists) leaks.
 */
export function mentionLeaks(body: unknown): string[] {
  const message = record(body);
  if (!("content" in message) && !("embeds" in message) && !("components" in message)) return [];
  const allowed = message.allowed_mentions;
  if (allowed === undefined)
    return ["no allowed_mentions: Discord parses every mention in content"];
  const parsed = list(record(allowed).parse);
  const out: string[] = [];
  if (parsed.length > 0) out.push(`allowed_mentions.parse is ${JSON.stringify(parsed)}`);
  if (list(record(allowed).users).length > 0) out.push("allowed_mentions.users is not empty");
  if (list(record(allowed).roles).length > 0) out.push("allowed_mentions.roles is not empty");
  return out;
}
