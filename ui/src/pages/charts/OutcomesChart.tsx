import { Select } from 'antd';
import { lazy, useState } from 'react';
import { ChartCard } from './ChartCard.tsx';
import { useOutcomeStats, type ChartScope } from './chart-queries.ts';

const OutcomesPlot = lazy(() => import('./plots.tsx').then((m) => ({ default: m.OutcomesPlot })));

/** Ended runs per UTC day, stacked by final status. */
export function OutcomesChart(scope: ChartScope) {
  const [days, setDays] = useState(30);
  const stats = useOutcomeStats(scope, days);
  const data = stats.data;
  const total = data?.days.reduce((sum, d) => sum + d.total, 0) ?? 0;
  const failed = data?.days.reduce((sum, d) => sum + (d.counts.FAILED ?? 0), 0) ?? 0;
  return (
    <ChartCard
      title="Outcomes per day"
      testId="outcomes-chart"
      extra={
        <Select
          size="small"
          value={days}
          onChange={setDays}
          aria-label="Days shown in the outcomes chart"
          options={[7, 30, 90].map((n) => ({ value: n, label: `Last ${n} days` }))}
          style={{ width: 130 }}
        />
      }
      loading={stats.isPending}
      error={stats.isError ? stats.error : null}
      retry={() => void stats.refetch()}
      empty={data && total === 0 ? `No run ended in the last ${days} days` : null}
      summary={
        data &&
        `${total.toLocaleString('en')} runs ended, ${failed.toLocaleString('en')} failed${data.truncated ? ' (only the newest 20,000 runs counted)' : ''}`
      }
    >
      {data && <OutcomesPlot stats={data} />}
    </ChartCard>
  );
}
