import { Button, Tag, Typography } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { timeOfDay } from './zoned.ts';

/** A job's entries in one day beyond this many collapse into one summary line (opened on click). */
const DENSE = 6;

export interface Entry {
  key: string;
  at: number;
  jobId: string;
  title: string;
  /** The schedule in words, for a collapsed series' summary. */
  schedule: string;
  /** The job's own time zone when it differs from the one shown. */
  jobZone: string | null;
  /** A run (past or going), or an upcoming fire. */
  run: { id: number; status: string } | null;
}

function EntryItem({ entry, zone }: { entry: Entry; zone: string }) {
  const time = timeOfDay(entry.at, zone);
  const own = entry.jobZone && `${timeOfDay(entry.at, entry.jobZone)} ${entry.jobZone}`;
  const what = entry.run ? `run ${entry.run.id}, ${entry.run.status}` : 'scheduled';
  return (
    <li style={{ padding: '4px 0', borderTop: '1px solid #f0f0f0' }} data-testid="calendar-entry">
      <Link
        to={entry.run ? `/runs/${entry.run.id}` : `/jobs/${entry.jobId}`}
        aria-label={`${time} ${entry.title}: ${what}${own ? ` (${own})` : ''}`}
      >
        <time dateTime={new Date(entry.at).toISOString()} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {time}
        </time>{' '}
        {entry.title}
      </Link>
      <div>
        {entry.run ? <StatusBadge status={entry.run.status} /> : <Tag color="blue">next</Tag>}
        {own && <Typography.Text type="secondary">{own}</Typography.Text>}
      </div>
    </li>
  );
}

/**
 * A dense series (an every-minute job has 1,440 entries a day): one summary line with the counts,
 * the span and the runs' outcomes, opened into its entries on click. Keeps a week one screen tall.
 */
function DenseSeries({ entries, zone }: { entries: Entry[]; zone: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const [first] = entries;
  if (!first) return null;
  const last = entries[entries.length - 1] ?? first;
  const fires = entries.filter((e) => !e.run).length;
  const outcomes = new Map<string, number>();
  for (const e of entries) if (e.run) outcomes.set(e.run.status, (outcomes.get(e.run.status) ?? 0) + 1);
  const parts = [
    fires && `${fires.toLocaleString()} fires`,
    outcomes.size && `${(entries.length - fires).toLocaleString()} runs`,
    first.schedule,
    `${timeOfDay(first.at, zone)}–${timeOfDay(last.at, zone)}`,
  ].filter(Boolean);
  const summary = `${first.title} · ${parts.join(', ')}`;
  return (
    <li style={{ padding: '4px 0', borderTop: '1px solid #f0f0f0' }} data-testid="calendar-series">
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} {summary}
      </Button>
      <div>
        {[...outcomes].map(([status, n]) => (
          <span key={status} data-testid="series-outcome">
            <StatusBadge status={status} />
            {n > 1 && <Typography.Text type="secondary">×{n.toLocaleString()} </Typography.Text>}
          </span>
        ))}
        {fires > 0 && <Tag color="blue">next</Tag>}
      </div>
      {open && (
        <ul id={listId} style={{ listStyle: 'none', margin: 0, paddingLeft: 12 }}>
          {entries.map((entry) => (
            <EntryItem key={entry.key} entry={entry} zone={zone} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** One day's entries in time order; a job with more than DENSE of them that day is one summary line. */
export function DayEntries({ entries, zone }: { entries: Entry[]; zone: string }) {
  const perJob = new Map<string, Entry[]>();
  for (const entry of entries) perJob.set(entry.jobId, [...(perJob.get(entry.jobId) ?? []), entry]);
  const items: ReactNode[] = [];
  const placed = new Set<string>();
  for (const entry of entries) {
    const series = perJob.get(entry.jobId) ?? [];
    if (series.length <= DENSE) items.push(<EntryItem key={entry.key} entry={entry} zone={zone} />);
    else if (!placed.has(entry.jobId)) {
      // The summary sits where the series starts.
      placed.add(entry.jobId);
      items.push(<DenseSeries key={`s${entry.jobId}`} entries={series} zone={zone} />);
    }
  }
  return <ul style={{ listStyle: 'none', margin: 0, padding: 0, overflowWrap: 'anywhere' }}>{items}</ul>;
}
