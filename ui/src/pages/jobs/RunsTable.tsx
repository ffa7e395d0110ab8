import { App as AntApp, Button, Popconfirm, Select, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useJobRuns } from '../../api/queries.ts';
import type { RunResource } from '../../api/types.ts';
import { PageError } from '../../components/PageState.tsx';
import { formatDuration, RelativeTime, useNow } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { RUN_STATUSES, STOPPABLE_STATUSES } from '../../../../src/domain/run-status.ts';
import { errorMessage } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { useRunActions } from '../run/run-queries.ts';
import { useCompareSelection } from '../compare/compare-selection.tsx';

/** Ticks every second while the run is going, so its duration counts up. */
function Duration({ run }: { run: RunResource }) {
  const running = run.started_at !== null && run.finished_at === null;
  const now = useNow(running ? 1000 : 60_000);
  if (!run.started_at) return <span>—</span>;
  const ms = running ? now - Date.parse(run.started_at) : run.duration_ms;
  return <span data-running={running || undefined}>{formatDuration(ms)}</span>;
}

function Counters({ run }: { run: RunResource }) {
  if (run.total_entries === null && run.inserted_entries === null && run.errored_entries === null)
    return <span>—</span>;
  const n = (v: number | null) => v ?? 0;
  return (
    <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {n(run.total_entries)} total · {n(run.inserted_entries)} ins · {n(run.updated_entries)} upd ·{' '}
      <Typography.Text type={n(run.errored_entries) ? 'danger' : undefined}>
        {n(run.errored_entries)} err
      </Typography.Text>
    </span>
  );
}

/** A parent's progress: sub-runs done of all it created, and how many failed. */
function SubRuns({ run }: { run: RunResource }) {
  if (run.total_subruns === 0) return <span>—</span>;
  return (
    <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid={`subruns-${run.id}`}>
      {run.completed_subruns}/{run.total_subruns}
      {run.failed_subruns > 0 && <Typography.Text type="danger"> ({run.failed_subruns} failed)</Typography.Text>}
    </span>
  );
}

/** Stop from the runs table, as on the run page (operators and admins). */
function StopButton({ run }: { run: RunResource }) {
  const { message } = AntApp.useApp();
  const actions = useRunActions();
  const [busy, setBusy] = useState(false);
  const stop = async () => {
    setBusy(true);
    try {
      const stopped = await actions.stop(run);
      message.success(stopped.status === 'CANCELLED' ? `Run ${run.id} cancelled` : `Stopping run ${run.id}…`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={`Stop run ${run.id}?`} okText="Stop" okButtonProps={{ danger: true }} onConfirm={stop}>
      <Button size="small" danger loading={busy} aria-label={`Stop run ${run.id}`}>
        Stop
      </Button>
    </Popconfirm>
  );
}

/** The runs of one job, newest first, filtered by status and paged on the server. */
export function RunsTable({ jobId }: { jobId: string }) {
  const [status, setStatus] = useState<string[]>([]);
  const [page, setPage] = useState({ page: 1, size: 25 });
  const runs = useJobRuns(jobId, { ...(status.length && { status: status.join(',') }), ...page });
  const { can } = useSession();
  const compare = useCompareSelection();

  const columns: TableProps<RunResource>['columns'] = [
    { title: 'Status', dataIndex: 'status', key: 'status', render: (s: string) => <StatusBadge status={s} /> },
    {
      title: 'Title',
      key: 'title',
      render: (_, run) => <Link to={`/runs/${run.id}`}>{run.title || `Run ${run.id}`}</Link>,
    },
    { title: 'Started by', dataIndex: 'started_by', key: 'started_by', responsive: ['lg'] },
    { title: 'Created', dataIndex: 'created', key: 'created', render: (t: string) => <RelativeTime value={t} /> },
    {
      title: 'Started',
      dataIndex: 'started_at',
      key: 'started',
      responsive: ['md'],
      render: (t: string | null) => <RelativeTime value={t} />,
    },
    {
      title: 'Finished',
      dataIndex: 'finished_at',
      key: 'finished',
      responsive: ['md'],
      render: (t: string | null) => <RelativeTime value={t} />,
    },
    { title: 'Duration', key: 'duration', render: (_, run) => <Duration run={run} /> },
    {
      title: 'Message',
      dataIndex: 'message',
      key: 'message',
      responsive: ['lg'],
      width: 280,
      render: (text: string | null) =>
        text ? (
          <Typography.Paragraph
            style={{ marginBottom: 0, maxWidth: 280 }}
            ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open) => (open ? 'show less' : 'show all') }}
          >
            {text}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
    { title: 'Counters', key: 'counters', responsive: ['xl'], render: (_, run) => <Counters run={run} /> },
    { title: 'Sub-runs', key: 'subruns', responsive: ['md'], render: (_, run) => <SubRuns run={run} /> },
    ...(can('run')
      ? [
          {
            title: 'Actions',
            key: 'actions',
            render: (_: unknown, run: RunResource) =>
              STOPPABLE_STATUSES.includes(run.status) ? <StopButton run={run} /> : null,
          },
        ]
      : []),
  ];

  if (runs.isError && !runs.data) return <PageError error={runs.error} retry={() => void runs.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          mode="multiple"
          allowClear
          aria-label="Filter runs by status"
          placeholder="All statuses"
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={RUN_STATUSES.map((s) => ({ value: s, label: s }))}
          style={{ minWidth: 240 }}
        />
        {compare.button}
      </Space>
      <div className="jd-table-wrap">
        <Table<RunResource>
          rowKey="id"
          size="middle"
          rowSelection={compare.rowSelection}
          columns={columns}
          dataSource={runs.data?.hits.hits}
          loading={runs.isPending}
          locale={{ emptyText: status.length ? 'No run with these statuses.' : 'No runs yet.' }}
          pagination={{
            current: page.page,
            pageSize: page.size,
            total: runs.data?.hits.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `${total} run${total === 1 ? '' : 's'}`,
            onChange: (p, size) => setPage({ page: p, size }),
          }}
        />
      </div>
    </>
  );
}
