import { Column, Line } from '@ant-design/plots';
import { STATUS_COLORS, type OutcomeStats, type QueueStats, type RunStats } from './chart-queries.ts';

/**
 * The chart library's part of the charts: this module (and @ant-design/plots with it) is only
 * imported lazily, so the admin's first load and the pages without charts stay as light as before.
 */

const HEIGHT = 240;
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const STATUS_DOMAIN = Object.keys(STATUS_COLORS);
const statusScale = { domain: STATUS_DOMAIN, range: Object.values(STATUS_COLORS) };

function referenceLine(value: number | null, label: string, color: string) {
  if (value === null) return [];
  return [
    {
      type: 'lineY',
      data: [seconds(value)],
      style: { stroke: color, lineWidth: 1.5, lineDash: [4, 4] },
      label: {
        text: `${label} ${seconds(value)} s`,
        position: 'left',
        dy: -6,
        textAlign: 'left',
        style: { fill: color, fontSize: 11 },
      },
    },
  ];
}

export function DurationPlot({ stats }: { stats: RunStats }) {
  const data = stats.points.map((p) => ({ run: `#${p.id}`, seconds: seconds(p.duration_ms), status: p.status }));
  return (
    <Column
      data={data}
      xField="run"
      yField="seconds"
      colorField="status"
      height={HEIGHT}
      autoFit
      scale={{ color: statusScale }}
      axis={{ x: { label: false, title: 'Runs, oldest first' }, y: { title: 'Duration (s)' } }}
      annotations={[...referenceLine(stats.p50_ms, 'p50', '#1677ff'), ...referenceLine(stats.p95_ms, 'p95', '#722ed1')]}
      legend={{ color: { position: 'bottom' } }}
    />
  );
}

export function EntriesPlot({ stats }: { stats: RunStats }) {
  const data = stats.points.flatMap((p) =>
    (['inserted', 'updated', 'errored'] as const)
      .filter((k) => p[k] !== null)
      .map((k) => ({ run: `#${p.id}`, count: p[k], series: k })),
  );
  return (
    <Line
      data={data}
      xField="run"
      yField="count"
      colorField="series"
      height={HEIGHT}
      autoFit
      scale={{ color: { domain: ['inserted', 'updated', 'errored'], range: ['#1677ff', '#13c2c2', '#ff4d4f'] } }}
      axis={{ x: { label: false, title: 'Runs, oldest first' }, y: { title: 'Entries' } }}
      legend={{ color: { position: 'bottom' } }}
    />
  );
}

export function OutcomesPlot({ stats }: { stats: OutcomeStats }) {
  const data = stats.days.flatMap((d) =>
    Object.entries(d.counts).map(([status, count]) => ({ day: d.day.slice(5), status, count })),
  );
  return (
    <Column
      data={data}
      xField="day"
      yField="count"
      colorField="status"
      stack
      height={HEIGHT}
      autoFit
      scale={{ color: statusScale, x: { domain: stats.days.map((d) => d.day.slice(5)) } }}
      axis={{ x: { title: 'UTC day (month-day)' }, y: { title: 'Runs' } }}
      legend={{ color: { position: 'bottom' } }}
    />
  );
}

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function QueueThroughputPlot({ stats }: { stats: QueueStats }) {
  const data = stats.buckets.map((b) => ({
    time: time(b.start),
    start: b.start,
    queue: b.queue,
    finished: b.finished,
  }));
  return (
    <Line
      data={data}
      xField="time"
      yField="finished"
      colorField="queue"
      height={HEIGHT}
      autoFit
      point={{ shapeField: 'circle', sizeField: 2 }}
      axis={{
        y: { title: `Runs ended per ${stats.bucket_ms >= 3_600_000 ? 'hour' : '15 min'}` },
        x: { title: 'Time' },
      }}
      legend={{ color: { position: 'bottom' } }}
    />
  );
}

export function QueueWaitPlot({ stats }: { stats: QueueStats }) {
  const data = stats.buckets
    .filter((b) => b.wait_avg_ms !== null)
    .map((b) => ({ time: time(b.start), queue: b.queue, wait: seconds(b.wait_avg_ms!) }));
  return (
    <Line
      data={data}
      xField="time"
      yField="wait"
      colorField="queue"
      height={HEIGHT}
      autoFit
      point={{ shapeField: 'circle', sizeField: 2 }}
      axis={{ y: { title: 'Average wait before start (s)' }, x: { title: 'Time' } }}
      legend={{ color: { position: 'bottom' } }}
    />
  );
}
