import { Card, Select, Space, Table, Tooltip, Typography, type TableProps } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client.ts';
import type { RunResource } from '../../api/types.ts';
import { formatDuration } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { RUN_STATUSES, type RunStatus } from '../../../../src/domain/run-status.ts';

interface SubRunPage {
  hits: { hits: RunResource[]; total: number };
  counts: Record<string, number>;
}

/** Bar colours per status, in the order the bar shows them. */
const BAR: [status: RunStatus, color: string][] = [
  ['SUCCESS', '#52c41a'],
  ['WARNING', '#faad14'],
  ['PARTIAL_SUCCESS', '#faad14'],
  ['FAILED', '#ff4d4f'],
  ['CANCELLED', '#d48806'],
  ['CANCELLING', '#69b1ff'],
  ['RUNNING', '#1677ff'],
  ['QUEUED', '#d9d9d9'],
];

/** Sub-runs by status as one stacked bar, with the counts in words for screen readers. */
function StatusBar({ counts, total }: { counts: Record<string, number>; total: number }) {
  const parts = BAR.filter(([status]) => (counts[status] ?? 0) > 0);
  const words = parts.map(([status]) => `${counts[status]} ${status}`).join(', ');
  return (
    <div>
      <div
        role="img"
        aria-label={`Sub-runs by status: ${words || 'none'}`}
        style={{ display: 'flex', height: 12, borderRadius: 6, overflow: 'hidden', background: '#f0f0f0' }}
      >
        {parts.map(([status, color]) => (
          <Tooltip key={status} title={`${status}: ${counts[status]}`}>
            <div style={{ width: `${(100 * (counts[status] ?? 0)) / Math.max(1, total)}%`, background: color }} />
          </Tooltip>
        ))}
      </div>
      <Typography.Text type="secondary" data-testid="subrun-counts">
        {words}
      </Typography.Text>
    </div>
  );
}

/** A parent run's sub-runs: counts by status as a bar, and a paged table with a status filter. */
export function SubRunsPanel({ run, active }: { run: RunResource; active: boolean }) {
  const [status, setStatus] = useState<string[]>([]);
  const [page, setPage] = useState({ page: 1, size: 25 });
  const client = useQueryClient();
  const subRuns = useQuery({
    queryKey: ['run', run.id, 'subruns', status, page],
    queryFn: async ({ signal }) => {
      const body: SubRunPage = await call(
        api.GET('/runs/{run_id}/subruns', {
          params: {
            path: { run_id: run.id },
            query: { ...(status.length && { status: status.join(',') }), ...page },
          },
          signal,
        }),
      );
      // The parent's counters change with its sub-runs' events, not its own: read it again too.
      if (active) void client.invalidateQueries({ queryKey: ['run', run.id], exact: true });
      return body;
    },
    placeholderData: keepPreviousData,
    // Live while the family is going: sub-runs end by the thousand, faster than events are worth.
    refetchInterval: active ? 2000 : false,
  });

  const columns: TableProps<RunResource>['columns'] = [
    { title: 'Status', dataIndex: 'status', key: 'status', render: (s: string) => <StatusBadge status={s} /> },
    { title: 'Title', key: 'title', render: (_, r) => <Link to={`/runs/${r.id}`}>{r.title || `Run ${r.id}`}</Link> },
    { title: 'Duration', key: 'duration', render: (_, r) => formatDuration(r.duration_ms) },
    {
      title: 'Message',
      dataIndex: 'message',
      key: 'message',
      responsive: ['md'],
      render: (text: string | null) =>
        text ? (
          <Typography.Text ellipsis style={{ maxWidth: 360 }}>
            {text.split('\n')[0]}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card
      size="small"
      title="Sub-runs"
      extra={
        <Typography.Text data-testid="subrun-progress">
          {run.completed_subruns}/{run.total_subruns} done
          {run.failed_subruns > 0 && <Typography.Text type="danger">, {run.failed_subruns} failed</Typography.Text>}
        </Typography.Text>
      }
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <StatusBar counts={subRuns.data?.counts ?? {}} total={run.total_subruns} />
        <Select
          mode="multiple"
          allowClear
          aria-label="Filter sub-runs by status"
          placeholder="All statuses"
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={RUN_STATUSES.filter((s) => s !== 'WAITING').map((s) => ({ value: s, label: s }))}
          style={{ minWidth: 240 }}
        />
        <div className="jd-table-wrap">
          <Table<RunResource>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={subRuns.data?.hits.hits}
            loading={subRuns.isPending}
            locale={{ emptyText: status.length ? 'No sub-run with these statuses.' : 'No sub-runs.' }}
            pagination={{
              current: page.page,
              pageSize: page.size,
              total: subRuns.data?.hits.total ?? 0,
              showTotal: (total) => `${total} sub-run${total === 1 ? '' : 's'}`,
              onChange: (p, size) => setPage({ page: p, size }),
            }}
          />
        </div>
      </Space>
    </Card>
  );
}
