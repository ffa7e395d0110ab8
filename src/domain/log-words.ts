/**
 * Words of a log search (docs/logs.md): a word is a run of letters and digits; a line matches
 * when it has each word of the query, in any case (whole words: `record` does not find
 * `records`; prefixes would make a common prefix read the whole index on SQLite). The databases' indexes
 * (migration 0016) find the lines; this is the same rule in code, for callers that filter lines
 * already read, and for the UI's highlighting.
 */

/** Only this many characters of a line are searched (the indexes hold no more). */
const SEARCHED_CHARS = 4000;
/** More words than this in one query are refused: each is an index lookup. */
export const MAX_SEARCH_WORDS = 8;

const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct words of a query, lower-cased, in order. Empty when it has none (e.g. `"*%`). */
export function searchWords(query: string): string[] {
  return [...new Set(query.toLowerCase().match(WORD) ?? [])];
}

/** Whether the message has every word. */
export function matchesWords(message: string, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const tokens = new Set(message.slice(0, SEARCHED_CHARS).toLowerCase().match(WORD) ?? []);
  return words.every((word) => tokens.has(word));
}
