import { Select } from 'antd';
import { lazy, useState } from 'react';
import { ChartCard } from './ChartCard.tsx';
import { useQueueStats } from './chart-queries.ts';
import { formatDuration } from '../../components/RelativeTime.tsx';

const QueueThroughputPlot = lazy(() => import('./plots.tsx').then((m) => ({ default: m.QueueThroughputPlot })));
const QueueWaitPlot = lazy(() => import('./plots.tsx').then((m) => ({ default: m.QueueWaitPlot })));

/** The Queues page's charts: runs ended per queue over time, and how long they waited to start. */
export default function QueueCharts() {
  const [hours, setHours] = useState(24);
  const stats = useQueueStats(hours);
  const data = stats.data;
  const empty = data && data.buckets.length === 0 ? `No run ended in the last ${hours} hours` : null;
  const finished = data?.buckets.reduce((sum, b) => sum + b.finished, 0) ?? 0;
  const waits = data?.buckets.map((b) => b.wait_max_ms ?? 0) ?? [];
  const common = {
    loading: stats.isPending,
    error: stats.isError ? stats.error : null,
    retry: () => void stats.refetch(),
    empty,
  };
  return (
    <section aria-label="Queue charts">
      <ChartCard
        title="Throughput"
        testId="queue-throughput-chart"
        extra={
          <Select
            size="small"
            value={hours}
            onChange={setHours}
            aria-label="Hours shown in the queue charts"
            options={[6, 24, 72].map((n) => ({ value: n, label: `Last ${n} hours` }))}
            style={{ width: 130 }}
          />
        }
        summary={`${finished.toLocaleString('en')} runs ended${data?.truncated ? ' (only the newest 20,000 counted)' : ''}`}
        {...common}
      >
        {data && <QueueThroughputPlot stats={data} />}
      </ChartCard>
      <ChartCard
        title="Wait before start"
        testId="queue-wait-chart"
        summary={`Longest wait: ${formatDuration(Math.max(0, ...waits))}`}
        {...common}
      >
        {data && <QueueWaitPlot stats={data} />}
      </ChartCard>
    </section>
  );
}
