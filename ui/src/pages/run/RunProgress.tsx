import { Progress, Statistic } from 'antd';
import type { RunResource } from '../../api/types.ts';

/** The task's counters and, when it reported a total, how far it got. */
export function RunProgress({ run }: { run: RunResource }) {
  const inserted = run.inserted_entries ?? 0;
  const updated = run.updated_entries ?? 0;
  const errored = run.errored_entries ?? 0;
  const total = run.total_entries;
  const done = inserted + updated + errored;
  const reported = [run.inserted_entries, run.updated_entries, run.errored_entries, total].some((n) => n !== null);
  if (!reported) return null;
  const percent = total ? Math.min(100, Math.floor((done / total) * 100)) : null;
  const status =
    run.status === 'FAILED' || run.status === 'CANCELLED'
      ? 'exception'
      : run.status === 'SUCCESS'
        ? 'success'
        : run.status === 'RUNNING'
          ? 'active'
          : 'normal';
  return (
    <div data-testid="run-progress">
      {percent !== null && (
        <Progress percent={percent} status={status} aria-label={`Progress ${percent}%`} style={{ marginBottom: 8 }} />
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24 }}>
        <Statistic title="Inserted" value={inserted} />
        <Statistic title="Updated" value={updated} />
        <Statistic title="Errored" value={errored} styles={errored ? { content: { color: '#cf1322' } } : undefined} />
        <Statistic title="Total" value={total ?? '—'} />
      </div>
    </div>
  );
}
