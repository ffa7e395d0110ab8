import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useEffect, useState } from 'react';

dayjs.extend(relativeTime);

/** Re-renders every `ms` so relative times and running durations stay current. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function formatAbsolute(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
}

/** "3 minutes ago" / "in 2 hours", with the absolute local time in a tooltip. */
export function RelativeTime({ value, empty = '—' }: { value: string | null | undefined; empty?: string }) {
  useNow(30_000);
  if (!value) return <span>{empty}</span>;
  return (
    <Tooltip title={`${formatAbsolute(value)} (${Intl.DateTimeFormat().resolvedOptions().timeZone})`}>
      <time dateTime={value} tabIndex={0}>
        {dayjs(value).fromNow()}
      </time>
    </Tooltip>
  );
}

/** 1.2 s, 3 min 4 s, 2 h 5 min. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
