import { Select } from 'antd';
import { lazy, useState } from 'react';
import { formatDuration } from '../../components/RelativeTime.tsx';
import { ChartCard } from './ChartCard.tsx';
import { useRunStats, type ChartScope } from './chart-queries.ts';

const DurationPlot = lazy(() => import('./plots.tsx').then((m) => ({ default: m.DurationPlot })));
const EntriesPlot = lazy(() => import('./plots.tsx').then((m) => ({ default: m.EntriesPlot })));

const LIMITS = [50, 100, 250, 500];

function LimitSelect({ value, onChange, label }: { value: number; onChange: (n: number) => void; label: string }) {
  return (
    <Select
      size="small"
      value={value}
      onChange={onChange}
      aria-label={label}
      options={LIMITS.map((n) => ({ value: n, label: `Last ${n} runs` }))}
      style={{ width: 130 }}
    />
  );
}

/**
 * Run duration per run, coloured by status, with the p50/p95 of the successful runs: for a job
 * (`job=`) or a task (`task=`; the Tasks page can use it as is).
 */
export function DurationChart(scope: ChartScope) {
  const [limit, setLimit] = useState(100);
  const stats = useRunStats(scope, limit);
  const data = stats.data;
  const p = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : formatDuration(ms));
  return (
    <ChartCard
      title="Run duration"
      testId="duration-chart"
      extra={<LimitSelect value={limit} onChange={setLimit} label="Runs shown in the duration chart" />}
      loading={stats.isPending}
      error={stats.isError ? stats.error : null}
      retry={() => void stats.refetch()}
      empty={data && data.points.length === 0 ? 'No ended runs yet' : null}
      summary={
        data && (
          <span data-testid="duration-summary">
            {data.points.length} runs; successful runs: p50 {p(data.p50_ms)}, p95 {p(data.p95_ms)} ({data.successes}{' '}
            runs)
          </span>
        )
      }
    >
      {data && <DurationPlot stats={data} />}
    </ChartCard>
  );
}

/** Entry counters (inserted / updated / errored) per run, for runs that report them. */
export function EntriesChart(scope: ChartScope) {
  const [limit, setLimit] = useState(100);
  const stats = useRunStats(scope, limit);
  const data = stats.data;
  const counted = data?.points.filter((pt) => pt.inserted !== null || pt.updated !== null || pt.errored !== null);
  const sum = (k: 'inserted' | 'updated' | 'errored') => (counted ?? []).reduce((s, pt) => s + (pt[k] ?? 0), 0);
  return (
    <ChartCard
      title="Entries per run"
      testId="entries-chart"
      extra={<LimitSelect value={limit} onChange={setLimit} label="Runs shown in the entries chart" />}
      loading={stats.isPending}
      error={stats.isError ? stats.error : null}
      retry={() => void stats.refetch()}
      empty={counted && counted.length === 0 ? 'These runs report no entry counters' : null}
      summary={
        counted &&
        `${counted.length} runs: ${sum('inserted').toLocaleString('en')} inserted, ${sum('updated').toLocaleString('en')} updated, ${sum('errored').toLocaleString('en')} errored`
      }
    >
      {data && <EntriesPlot stats={data} />}
    </ChartCard>
  );
}
