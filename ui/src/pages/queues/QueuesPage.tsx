import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, call, errorMessage } from '../../api/client.ts';
import type { QueueResource } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { PageError } from '../../components/PageState.tsx';
import { RUN_STATUSES } from '../../../../src/domain/run-status.ts';

const QueueCharts = lazy(() => import('../charts/QueueCharts.tsx'));

/** A queue as GET /api/queues lists it: its runs counted by status. */
export type QueueRow = QueueResource;

/** The statuses shown, in the order a run goes through them (the domain's one list). */
const STATUS_COLUMNS: readonly string[] = RUN_STATUSES;
const LABELS: Record<string, string> = { PARTIAL_SUCCESS: 'Partial', CANCELLING: 'Stopping' };
const title = (status: string) => LABELS[status] ?? status.charAt(0) + status.slice(1).toLowerCase();

function useQueueList() {
  return useQuery({
    // ['queues']: refreshed by the run events (counts change as runs move).
    queryKey: ['queues'],
    queryFn: ({ signal }) => call(api.GET('/queues', { signal })).then((page) => page.hits.hits),
    // Pausing sends no live event; another admin's pause shows within this time.
    refetchInterval: 10_000,
  });
}

/** /admin/queues — runs per status in each queue; admins pause and resume queues. */
export default function QueuesPage() {
  const queues = useQueueList();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Queues · Jobdeck';
  }, []);

  const setPaused = async (queue: QueueRow, pause: boolean) => {
    setBusy(queue.name);
    try {
      const params = { params: { path: { name: queue.name } } };
      const updated = await call(
        pause ? api.POST('/queues/{name}/pause', params) : api.POST('/queues/{name}/resume', params),
      );
      client.setQueryData<QueueRow[]>(['queues'], (list) => list?.map((q) => (q.name === updated.name ? updated : q)));
      message.success(`Queue "${queue.title}" ${pause ? 'paused' : 'resumed'}`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<QueueRow> = [
    {
      title: 'Queue',
      key: 'queue',
      fixed: 'left',
      render: (_, queue) => (
        <div style={{ minWidth: 120 }}>
          <Typography.Text strong>{queue.title}</Typography.Text>
          {queue.title !== queue.name && (
            <>
              {' '}
              <Typography.Text type="secondary" code>
                {queue.name}
              </Typography.Text>
            </>
          )}
          {queue.description && (
            <div>
              <Typography.Text type="secondary">{queue.description}</Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: 'State',
      key: 'state',
      render: (_, queue) =>
        queue.paused ? (
          <Tooltip title="Workers take no new runs from this queue; running runs go on">
            <Tag color="warning" data-testid="queue-state">
              Paused
            </Tag>
          </Tooltip>
        ) : (
          <Tag color="success" data-testid="queue-state">
            Active
          </Tag>
        ),
    },
    ...STATUS_COLUMNS.map((status) => ({
      title: title(status),
      key: status,
      align: 'right' as const,
      render: (_: unknown, queue: QueueRow) => {
        const count = queue.counts[status] ?? 0;
        return (
          <span data-status={status} style={count === 0 ? { color: '#bfbfbf' } : undefined}>
            {count.toLocaleString('en')}
          </span>
        );
      },
    })),
    ...(can('admin')
      ? [
          {
            title: <span className="sr-only">Actions</span>,
            key: 'actions',
            render: (_: unknown, queue: QueueRow) =>
              queue.paused ? (
                <Button size="small" loading={busy === queue.name} onClick={() => void setPaused(queue, false)}>
                  Resume
                </Button>
              ) : (
                <Popconfirm
                  title={`Pause "${queue.title}"?`}
                  description="Workers stop taking its runs until it is resumed."
                  okText="Pause"
                  onConfirm={() => setPaused(queue, true)}
                >
                  <Button size="small" loading={busy === queue.name}>
                    Pause
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  if (queues.isError) return <PageError error={queues.error} retry={() => void queues.refetch()} />;
  return (
    <section aria-labelledby="queues-title">
      <Typography.Title level={3} id="queues-title" style={{ marginTop: 0 }}>
        Queues
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Runs of each queue by status, updated live.
        {can('admin') ? ' A paused queue keeps its runs waiting; running runs go on.' : ''}
      </Typography.Paragraph>
      <Table
        rowKey="name"
        size="middle"
        loading={queues.isPending}
        columns={columns}
        dataSource={queues.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'No queues are configured' }}
        onRow={(queue) => ({ 'data-queue': queue.name }) as React.HTMLAttributes<HTMLElement>}
      />
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        Over time
      </Typography.Title>
      <Suspense fallback={null}>
        <QueueCharts />
      </Suspense>
    </section>
  );
}
