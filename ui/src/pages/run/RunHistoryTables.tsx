import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDuration, RelativeTime } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useRunList } from './run-queries.ts';

/** One earlier attempt of a retried or rescued run, as GET /api/runs/{id}/attempts lists it. */
interface AttemptRow {
  attempt: number;
  worker_id?: string | null;
  started_at?: string | null;
  finished_at?: string | null;
  duration_ms?: number | null;
  status: string;
  message?: string | null;
}

const attemptColumns: ColumnsType<AttemptRow> = [
  { title: '#', dataIndex: 'attempt', width: 48 },
  { title: 'Status', dataIndex: 'status', render: (status: string) => <StatusBadge status={status} /> },
  { title: 'Started', dataIndex: 'started_at', render: (value: string | null) => <RelativeTime value={value} /> },
  { title: 'Duration', dataIndex: 'duration_ms', render: (value: number | null) => formatDuration(value) },
  { title: 'Worker', dataIndex: 'worker_id', responsive: ['md'], render: (value: string | null) => value ?? '—' },
  {
    title: 'Message',
    dataIndex: 'message',
    render: (value: string | null) =>
      value ? (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: 'show all' }} style={{ margin: 0 }}>
          {value}
        </Typography.Paragraph>
      ) : (
        '—'
      ),
  },
];

/** Earlier attempts of a retried or rescued run; a run tried once has nothing to add here. */
export function RunAttempts({ runId, attempt }: { runId: number; attempt: number }) {
  const attempts = useRunList<AttemptRow>(runId, 'attempts', true);
  if (!attempts.data?.length || (attempt <= 1 && attempts.data.length <= 1)) return null;
  return (
    <section aria-label="Attempts" data-testid="run-attempts">
      <Typography.Title level={5}>Attempts</Typography.Title>
      <Table
        size="small"
        rowKey="attempt"
        columns={attemptColumns}
        dataSource={attempts.data}
        pagination={false}
        scroll={{ x: true }}
      />
    </section>
  );
}

/** One delivery attempt of a notification (email or webhook) about the run. */
type DeliveryRow = Record<string, unknown>;

const pick = (row: DeliveryRow, ...keys: string[]): unknown => keys.map((key) => row[key]).find((v) => v != null);
const text = (value: unknown): string =>
  value == null ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

const deliveryColumns: ColumnsType<DeliveryRow> = [
  { title: 'Channel', key: 'channel', render: (_, row) => text(pick(row, 'channel', 'kind', 'type')) },
  { title: 'To', key: 'target', render: (_, row) => text(pick(row, 'target', 'to', 'url', 'recipient')) },
  {
    title: 'About',
    key: 'event',
    responsive: ['md'],
    render: (_, row) => text(pick(row, 'event', 'trigger', 'reason')),
  },
  { title: 'Outcome', key: 'status', render: (_, row) => text(pick(row, 'status', 'outcome', 'state')) },
  { title: 'Try', key: 'attempt', render: (_, row) => text(pick(row, 'attempt', 'attempts')) },
  {
    title: 'When',
    key: 'time',
    render: (_, row) => {
      const value = pick(row, 'time', 'delivered_at', 'attempted_at', 'updated', 'created');
      return typeof value === 'string' ? <RelativeTime value={value} /> : '—';
    },
  },
  { title: 'Error', key: 'error', render: (_, row) => text(pick(row, 'error', 'last_error', 'message')) },
];

/** Notification deliveries about this run, when the server records them. */
export function RunNotifications({ runId }: { runId: number }) {
  const deliveries = useRunList<DeliveryRow>(runId, 'notifications', true);
  if (!deliveries.data?.length) return null;
  return (
    <section aria-label="Notifications" data-testid="run-notifications">
      <Typography.Title level={5}>Notifications</Typography.Title>
      <Table
        size="small"
        rowKey={(row) => String(pick(row, 'id') ?? JSON.stringify(row))}
        columns={deliveryColumns}
        dataSource={deliveries.data}
        pagination={false}
        scroll={{ x: true }}
      />
    </section>
  );
}
