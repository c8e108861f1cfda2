/** Discord's hard limits on what one message, embed, component or choice may hold. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  fields: 25,
  embeds: 10,
  /** Sum of every embed's title, description, field names and values, footer and author. */
  embedsTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  rows: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  files: 10,
  /** An attachment's description, its alt text. */
  attachmentDescription: 1024,
} as const;
