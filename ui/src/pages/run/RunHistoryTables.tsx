import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDuration, RelativeTime } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import type { components } from '../../../../src/client/openapi.ts';
import { useRunAttempts, useRunNotifications } from './run-queries.ts';

/** One earlier attempt of a retried or rescued run, as GET /api/runs/{id}/attempts lists it. */
type AttemptRow = components['schemas']['RunAttempt'];

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
  const attempts = useRunAttempts(runId);
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

/** A notification about the run (an e-mail or a webhook call), as GET /api/runs/{id}/notifications lists it. */
type DeliveryRow = components['schemas']['Notification'];

const STATE_COLORS: Record<string, string> = {
  delivered: 'success',
  failed: 'error',
  pending: 'default',
  sending: 'processing',
};

const deliveryColumns: ColumnsType<DeliveryRow> = [
  { title: 'Channel', dataIndex: 'channel', render: (value?: string) => value ?? '—' },
  {
    title: 'To',
    dataIndex: 'target',
    render: (value?: string) => <span style={{ overflowWrap: 'anywhere' }}>{value ?? '—'}</span>,
  },
  {
    title: 'About',
    key: 'event',
    responsive: ['md'],
    render: (_, row) => [row.event, row.status].filter(Boolean).join(': ') || '—',
  },
  {
    title: 'Delivery',
    dataIndex: 'state',
    render: (value?: string) => (value ? <Tag color={STATE_COLORS[value] ?? 'default'}>{value}</Tag> : '—'),
  },
  { title: 'Attempts', dataIndex: 'attempts', render: (value?: number) => value ?? '—' },
  { title: 'Updated', dataIndex: 'updated', render: (value?: string) => <RelativeTime value={value} /> },
  { title: 'Error', dataIndex: 'last_error', render: (value?: string | null) => value ?? '—' },
];

/** Notification deliveries about this run, when the server records them. */
export function RunNotifications({ runId }: { runId: number }) {
  const deliveries = useRunNotifications(runId);
  if (!deliveries.data?.length) return null;
  return (
    <section aria-label="Notifications" data-testid="run-notifications">
      <Typography.Title level={5}>Notifications</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        columns={deliveryColumns}
        dataSource={deliveries.data}
        pagination={false}
        scroll={{ x: true }}
      />
    </section>
  );
}
