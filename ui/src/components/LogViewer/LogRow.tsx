import dayjs from 'dayjs';
import { memo, type ReactNode } from 'react';
import type { LogLineWire } from '../../api/types.ts';

interface LogRowProps {
  line: LogLineWire | undefined;
  /** Shown for a line not loaded yet (unfiltered logs know every line's number up front). */
  seq: number | null;
  highlight: string;
  onCopy: (line: LogLineWire) => void;
}

/** One log line: number, time, level, message and fields. Text only: React escapes it all. */
export const LogRow = memo(function LogRow({ line, seq, highlight, onCopy }: LogRowProps) {
  if (!line) {
    return (
      <>
        <span className="jd-log-seq">{seq ?? ''}</span>
        <span className="jd-log-placeholder">…</span>
      </>
    );
  }
  return (
    <>
      <span className="jd-log-seq">{line.seq}</span>
      <button
        type="button"
        className="jd-log-copy"
        aria-label={`Copy line ${line.seq}`}
        title="Copy line"
        onClick={() => onCopy(line)}
      >
        ⧉
      </button>
      <time className="jd-log-time" dateTime={line.time} title={line.time}>
        {dayjs(line.time).format('HH:mm:ss.SSS')}
      </time>
      <span className={`jd-log-level jd-log-level-${line.level}`}>{line.level.toUpperCase()}</span>
      <span className="jd-log-message">
        {marked(line.message, highlight)}
        {line.fields && <span className="jd-log-fields"> {JSON.stringify(line.fields)}</span>}
      </span>
    </>
  );
});

/** The message with each case-insensitive occurrence of the search text marked. */
function marked(text: string, search: string): ReactNode {
  if (!search) return text;
  const lower = text.toLowerCase();
  const needle = search.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(<mark key={at}>{text.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(from));
  return parts;
}
