import { useQuery } from '@tanstack/react-query';
import { Checkbox, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { components } from '../../../../src/client/openapi.ts';
import { api, call } from '../../api/client.ts';
import { PageError } from '../../components/PageState.tsx';
import { formatDuration, RelativeTime } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTitle } from '../../hooks/useTitle.ts';

type WorkerRow = components['schemas']['Worker'];

/** Heartbeats send no live event (that would cost a notification per beat): poll this often. */
const POLL_MS = 5_000;

const STATES: Record<WorkerRow['state'], { color: string; label: string; why: string }> = {
  running: { color: 'success', label: 'Running', why: 'Its heartbeat is current' },
  stopped: { color: 'default', label: 'Stopped', why: 'It stopped cleanly' },
  died: { color: 'error', label: 'Died', why: 'Its heartbeat expired: crash, kill or lost host' },
};

function useWorkers() {
  return useQuery({
    // ['workers']: refreshed by run events (held runs change as runs move), and polled for heartbeats.
    queryKey: ['workers'],
    queryFn: ({ signal }) => call(api.GET('/workers', { signal })),
    refetchInterval: POLL_MS,
  });
}

function HeldRuns({ worker }: { worker: WorkerRow }) {
  if (worker.held_total === 0) return <Typography.Text type="secondary">None</Typography.Text>;
  const more = worker.held_total - worker.held_runs.length;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none', minWidth: 220 }} aria-label="Runs it holds">
      {worker.held_runs.map((run) => (
        <li key={run.id} data-run={run.id} style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
          <StatusBadge status={run.status} />
          <Link to={`/runs/${run.id}`}>
            #{run.id} {run.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {run.task}
            {run.started_at && (
              <>
                {' '}
                · started <RelativeTime value={run.started_at} />
              </>
            )}
          </Typography.Text>
        </li>
      ))}
      {more > 0 && <li>and {more.toLocaleString('en')} more</li>}
    </ul>
  );
}

/** /admin/workers — every worker process, its slots and heartbeat, and the runs it holds now. */
export default function WorkersPage() {
  const workers = useWorkers();
  const [showEnded, setShowEnded] = useState(true);
  useTitle('Workers');

  const all = workers.data?.hits.hits ?? [];
  const running = all.filter((w) => w.state === 'running');
  const shown = showEnded ? all : running;
  const ended = all.length - running.length;

  const columns: ColumnsType<WorkerRow> = [
    {
      title: 'Worker',
      key: 'worker',
      render: (_, w) => (
        <div style={{ minWidth: 160 }}>
          <Typography.Text strong>
            {w.host} · pid {w.pid}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary" code copyable={{ text: w.id, tooltips: ['Copy id', 'Copied'] }}>
              {w.id}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: 'State',
      key: 'state',
      render: (_, w) => {
        const state = STATES[w.state];
        return (
          <Tooltip title={state.why}>
            <Tag color={state.color} data-testid="worker-state" tabIndex={0}>
              {state.label}
            </Tag>
          </Tooltip>
        );
      },
    },
    {
      title: 'Busy slots',
      key: 'busy',
      align: 'right',
      render: (_, w) => (
        <span data-testid="worker-busy">
          {w.state === 'running' ? w.busy : 0} / {w.concurrency}
        </span>
      ),
    },
    {
      title: 'Queues',
      key: 'queues',
      render: (_, w) => (
        <Space size={[0, 4]} wrap>
          {w.queues.map((q) => (
            <Tag key={q}>{q}</Tag>
          ))}
        </Space>
      ),
    },
    { title: 'Version', dataIndex: 'version', key: 'version' },
    { title: 'Started', key: 'started', render: (_, w) => <RelativeTime value={w.started_at} /> },
    {
      title: 'Last heartbeat',
      key: 'heartbeat',
      render: (_, w) =>
        w.ended_at ? (
          <span>
            ended <RelativeTime value={w.ended_at} />
          </span>
        ) : (
          <RelativeTime value={w.heartbeat_at} />
        ),
    },
    { title: 'Runs it holds', key: 'held', render: (_, w) => <HeldRuns worker={w} /> },
  ];

  if (workers.isError) return <PageError error={workers.error} retry={() => void workers.refetch()} />;
  const beat = workers.data ? formatDuration(workers.data.beat_interval_ms) : '10 s';
  const dead = workers.data ? formatDuration(workers.data.dead_after_ms) : '30 s';
  return (
    <section aria-labelledby="workers-title">
      <Typography.Title level={3} id="workers-title" style={{ marginTop: 0 }}>
        Workers
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Worker processes and the runs they hold now. Each one renews its heartbeat every {beat}; one silent for {dead}{' '}
        is taken for dead (its runs are rescued). Stopped and dead workers stay listed for 24 h.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }} aria-live="polite">
        <Typography.Text data-testid="workers-summary">
          {workers.isPending ? 'Loading…' : `${running.length} running, ${ended} stopped or died`}
        </Typography.Text>
        <Checkbox checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)}>
          Show stopped and dead workers
        </Checkbox>
      </Space>
      <Table
        rowKey="id"
        size="middle"
        loading={workers.isPending}
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText:
            all.length === 0
              ? 'No worker has registered: start one with `jobdeck start` or `jobdeck worker`.'
              : 'No worker is running.',
        }}
        onRow={(w) => ({ 'data-worker': w.id }) as React.HTMLAttributes<HTMLElement>}
      />
    </section>
  );
}
