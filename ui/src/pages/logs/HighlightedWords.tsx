import type { ReactNode } from 'react';

const WORD = /[\p{L}\p{N}]+/gu;

/** The text with each of its words that is a searched word marked (the search matches whole words). */
export function HighlightedWords({ text, words }: { text: string; words: readonly string[] }) {
  if (words.length === 0) return <>{text}</>;
  const wanted = new Set(words);
  const parts: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(WORD)) {
    if (!wanted.has(match[0].toLowerCase())) continue;
    if (match.index > from) parts.push(text.slice(from, match.index));
    parts.push(<mark key={match.index}>{match[0]}</mark>);
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}
