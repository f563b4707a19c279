/**
 * kordoc writes a hyperlink as Markdown, `[근로복지넷](http://…)`; the page shows only its text.
 * Only links to an address are unwrapped: `[참고1]` is a document's own bracket.
 */
export const withoutLinks = (text: string): string =>
  text.includes('](') ? text.replace(/\[([^\]\n]*)\]\((?:https?:\/\/|mailto:|www\.)[^\s)]*\)/g, '$1') : text;
