import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { ArticleSource } from "../src/articles/read-source";
import {
  type Command,
  type CommandContext,
  CommandContextType,
  type CommandOptions,
  type CommandResult,
  type DeferredReply,
  type Modal,
  type ModalFields,
  OptionType,
  Permission,
  type SlashCommandData,
} from "../src/discord/command";
import { LIMITS } from "../src/discord/limits";
import { parseOptions } from "../src/discord/options";
import type { Choice, Reply } from "../src/discord/payload";
import { renderNotice } from "../src/discord/render";
import { renderAdded, renderArticleList } from "../src/discord/render-articles";
import { escapeText, shorten } from "../src/discord/text";
import type { ArticleDesk } from "../src/live/article-desk";

/**
 * /article add | remove | list: server admins grow the corpus from Discord. Discord shows the
 * command only to members with Manage Server (`default_member_permissions`), and every
 * interaction is checked again here, since a server can widen who sees a command. Adding fetches a
 * page (up to 10 s), so the reply is deferred and edited in; every reply is ephemeral.
 */

export const URL_MAX = 2000;
/** Discord's limit for one text input of a modal. */
const PASTE_MAX = 4000;

export const data = {
  name: "article",
  description: "Add a news article to what Tijarat answers from, list or remove them (admins).",
  default_member_permissions: Permission.ManageGuild,
  contexts: [CommandContextType.Guild],
  options: [
    {
      type: OptionType.Subcommand,
      name: "add",
      description: "Add an article by URL or uploaded file; with neither, paste it in a form.",
      options: [
        {
          type: OptionType.String,
          name: "url",
          description: "The article's web address (http or https)",
          required: false,
          max_length: URL_MAX,
        },
        {
          type: OptionType.Attachment,
          name: "file",
          description: "A saved .html, .md or .txt file of the article",
          required: false,
        },
      ],
    },
    {
      type: OptionType.Subcommand,
      name: "remove",
      description: "Remove an article: Tijarat stops answering from it at once.",
      options: [
        {
          type: OptionType.String,
          name: "id",
          description: "The article (type part of its title)",
          required: true,
          autocomplete: true,
          max_length: 200,
        },
      ],
    },
    {
      type: OptionType.Subcommand,
      name: "list",
      description: "The articles, with the ids /article remove takes.",
    },
  ],
} as const satisfies SlashCommandData;

export const PASTE_MODAL_ID = "article:paste";

/** The form /article add opens when given neither a URL nor a file. */
export const pasteModal: Modal = {
  custom_id: PASTE_MODAL_ID,
  title: "Paste a news article",
  components: [
    {
      type: 1,
      components: [
        {
          type: 4,
          custom_id: "title",
          label: "Headline",
          style: 1,
          required: true,
          max_length: 300,
        },
      ],
    },
    {
      type: 1,
      components: [
        {
          type: 4,
          custom_id: "publisher",
          label: "Publisher",
          style: 1,
          required: false,
          max_length: 200,
        },
      ],
    },
    {
      type: 1,
      components: [
        {
          type: 4,
          custom_id: "published",
          label: "Date published (YYYY-MM-DD)",
          style: 1,
          required: false,
          min_length: 10,
          max_length: 10,
          placeholder: "2024-05-02",
        },
      ],
    },
    {
      type: 1,
      components: [
        {
          type: 4,
          custom_id: "url",
          label: "Link to the article",
          style: 1,
          required: false,
          max_length: URL_MAX,
        },
      ],
    },
    {
      type: 1,
      components: [
        {
          type: 4,
          custom_id: "text",
          label: "The article's text",
          style: 2,
          required: true,
          min_length: 300,
          max_length: PASTE_MAX,
        },
      ],
    },
  ],
};

const articleOptions = z.discriminatedUnion("subcommand", [
  z.object({
    subcommand: z.literal("add"),
    url: z.string().trim().min(1).max(URL_MAX).optional(),
    file: z.string().min(1).optional(),
    file_name: z.string().optional(),
  }),
  z.object({
    subcommand: z.literal("remove"),
    id: z.string().trim().min(1, "an article id is required").max(200),
  }),
  z.object({ subcommand: z.literal("list") }),
]);

export const NOT_ALLOWED =
  "Only members with the **Manage Server** permission can add, list or remove articles.";
const NOT_HERE =
  "Articles cannot be added or removed here: this bot has no corpus folder to write.";

/** Who may, and where: the member's permission checked now, and a desk to do it with. */
function deskFor(ctx: CommandContext): { desk: ArticleDesk } | { reply: Reply } {
  if (!ctx.canManageServer) return { reply: renderNotice(NOT_ALLOWED) };
  if (!ctx.articles) return { reply: renderNotice(NOT_HERE) };
  return { desk: ctx.articles };
}

const later = (reply: Promise<Reply>): DeferredReply => ({
  kind: "deferred",
  ephemeral: true,
  reply,
});

async function addReply(desk: ArticleDesk, source: ArticleSource): Promise<Reply> {
  const outcome = await desk.add(source);
  if (outcome.ok) return renderAdded(outcome.added);
  return renderNotice(`Not added: ${escapeText(outcome.reason)}.`);
}

/** An uploaded file: Discord's URL for it; in the console, a `file:` URL of a local file. */
function fileSource(file: string, name: string | undefined): ArticleSource {
  if (file.startsWith("file:")) return { kind: "file", path: fileURLToPath(file) };
  let fromUrl = "";
  try {
    fromUrl = decodeURIComponent(basename(new URL(file).pathname));
  } catch {
    // Not a URL: the fetcher refuses it, naming why.
  }
  return { kind: "attachment", url: file, name: name ?? fromUrl };
}

export function execute(options: CommandOptions, ctx: CommandContext): CommandResult {
  const allowed = deskFor(ctx);
  if ("reply" in allowed) return allowed.reply;
  const { desk } = allowed;
  const parsed = parseOptions(articleOptions, options);
  if (!parsed.ok) return parsed.reply;
  const o = parsed.value;
  switch (o.subcommand) {
    case "list":
      return renderArticleList(desk.list());
    case "remove":
      return later(
        desk
          .remove(o.id)
          .then((outcome) =>
            outcome.ok
              ? renderNotice(
                  `Removed **${escapeText(outcome.title)}** (\`${escapeText(o.id)}\`): Tijarat no longer answers from it.`,
                )
              : renderNotice(`Not removed: ${escapeText(outcome.reason)}.`),
          ),
      );
    case "add":
      if (o.url && o.file) return renderNotice("Give a `url` or a `file`, not both.");
      if (o.url) return later(addReply(desk, { kind: "url", url: o.url }));
      if (o.file) return later(addReply(desk, fileSource(o.file, o.file_name)));
      return { kind: "modal", modal: pasteModal };
  }
}

export function modal(
  args: string,
  fields: ModalFields,
  ctx: CommandContext,
): Reply | DeferredReply {
  const allowed = deskFor(ctx);
  if ("reply" in allowed) return allowed.reply;
  if (args !== "paste") return renderNotice("That form is not known any more.");
  return later(
    addReply(allowed.desk, {
      kind: "paste",
      title: fields.title ?? "",
      publisher: fields.publisher ?? null,
      published: fields.published ?? null,
      url: fields.url ?? null,
      text: fields.text ?? "",
    }),
  );
}

/** Article ids for /article remove, matched on id or title; nothing for members who may not. */
export function autocomplete(
  focused: { name: string; value: string },
  ctx: CommandContext,
): Choice[] {
  if (focused.name !== "id" || !ctx.canManageServer || !ctx.articles) return [];
  const typed = focused.value.trim().toLowerCase();
  return ctx.articles
    .list()
    .filter((s) => s.id.length <= LIMITS.choiceValue)
    .filter((s) => s.id.toLowerCase().includes(typed) || s.title.toLowerCase().includes(typed))
    .slice(0, LIMITS.choices)
    .map((s) => ({ name: choiceName(s.title, s.id), value: s.id }));
}

/** `Title… (id)`: the id whole when it leaves room for some of the title. */
function choiceName(title: string, id: string): string {
  const room = LIMITS.choiceName - id.length - 3;
  if (room < 20) return shorten(`${title} (${id})`, LIMITS.choiceName);
  return `${shorten(title, room)} (${id})`;
}

export const command: Command = { data, execute, modal, autocomplete };
