import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { components } from '../../../../src/client/openapi.ts';
import { api, call } from '../../api/client.ts';
import { useJobs } from '../../api/queries.ts';
import type { JobResource, JsonObject } from '../../api/types.ts';
import { PageError, PageLoading } from '../../components/PageState.tsx';
import { formatDuration, RelativeTime } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTitle } from '../../hooks/useTitle.ts';
import { argFieldsOf, type ArgField } from './arg-summary.ts';

const ReadOnlyArgsForm = lazy(() => import('./ReadOnlyArgsForm.tsx'));

type RecentRun = components['schemas']['TaskStats']['recent'][number];

const JOBS_PAGE = 10;

function useTask(id: string) {
  return useQuery({
    queryKey: ['task', id],
    queryFn: ({ signal }) => call(api.GET('/tasks/{id}', { params: { path: { id } }, signal })),
    staleTime: 5 * 60_000,
  });
}

function useTaskStats(id: string) {
  return useQuery({
    // Under 'runs': the run events that change the figures refresh them.
    queryKey: ['runs', 'task-stats', id],
    queryFn: ({ signal }) => call(api.GET('/tasks/{id}/stats', { params: { path: { id } }, signal })),
  });
}

const fieldColumns: ColumnsType<ArgField> = [
  {
    title: 'Field',
    key: 'name',
    render: (_, f) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        <Typography.Text code>{f.name}</Typography.Text>
        {f.required && <Typography.Text type="danger"> required</Typography.Text>}
      </span>
    ),
  },
  { title: 'Type', dataIndex: 'type', key: 'type' },
  {
    title: 'Default',
    key: 'default',
    render: (_, f) => (f.defaultValue === null ? '—' : <Typography.Text code>{f.defaultValue}</Typography.Text>),
  },
  {
    title: 'Rights',
    key: 'rights',
    render: (_, f) => (
      <Space size={[0, 4]} wrap>
        {f.secret && (
          <Tooltip title="Write-only: reads show “set”">
            <Tag color="purple" tabIndex={0}>
              secret
            </Tag>
          </Tooltip>
        )}
        {f.operatorEditable ? (
          <Tooltip title="Operators may change it when running a job">
            <Tag color="blue" tabIndex={0}>
              operator-editable
            </Tag>
          </Tooltip>
        ) : (
          <Tooltip title="Only admins may change it when running a job">
            <Tag tabIndex={0}>admin only</Tag>
          </Tooltip>
        )}
      </Space>
    ),
  },
  { title: 'Description', dataIndex: 'description', key: 'description' },
];

const recentColumns: ColumnsType<RecentRun> = [
  {
    title: 'Run',
    key: 'run',
    render: (_, r) => (
      <Link to={`/runs/${r.id}`}>
        #{r.id} {r.title}
      </Link>
    ),
  },
  { title: 'Status', key: 'status', render: (_, r) => <StatusBadge status={r.status} /> },
  { title: 'Duration', key: 'duration', align: 'right', render: (_, r) => formatDuration(r.duration_ms) },
  { title: 'Finished', key: 'finished', render: (_, r) => <RelativeTime value={r.finished_at} /> },
];

const jobColumns: ColumnsType<JobResource> = [
  { title: 'Job', key: 'title', render: (_, j) => <Link to={`/jobs/${j.id}`}>{j.title}</Link> },
  { title: 'Queue', dataIndex: 'default_queue', key: 'queue' },
  {
    title: 'Active',
    key: 'active',
    render: (_, j) => (j.active ? <Tag color="success">active</Tag> : <Tag>inactive</Tag>),
  },
];

function Stats({ id }: { id: string }) {
  const stats = useTaskStats(id);
  if (stats.isError) return <PageError error={stats.error} retry={() => void stats.refetch()} />;
  const s = stats.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {s && s.runs > 0 && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} bordered>
            <Descriptions.Item label="Runs in window">
              <span data-testid="task-runs">{s.runs}</span> of the last {s.window}
            </Descriptions.Item>
            <Descriptions.Item label="p50 duration">
              <span data-testid="task-p50">{formatDuration(s.duration_ms.p50)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="p95 duration">
              <span data-testid="task-p95">{formatDuration(s.duration_ms.p95)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="Slowest">{formatDuration(s.duration_ms.max)}</Descriptions.Item>
          </Descriptions>
          <Space size={[4, 4]} wrap aria-label="Outcomes" data-testid="task-outcomes">
            {Object.entries(s.outcomes).map(([status, count]) => (
              <span key={status}>
                <StatusBadge status={status} /> {count}
              </span>
            ))}
            {s.since && (
              <Typography.Text type="secondary">
                since <RelativeTime value={s.since} />
              </Typography.Text>
            )}
          </Space>
        </>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={stats.isPending}
        columns={recentColumns}
        dataSource={s?.recent ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'No run of this task has finished yet' }}
      />
    </Space>
  );
}

function Jobs({ task }: { task: string }) {
  const [page, setPage] = useState(1);
  const jobs = useJobs({ task, page, size: JOBS_PAGE });
  if (jobs.isError) return <PageError error={jobs.error} retry={() => void jobs.refetch()} />;
  return (
    <Table
      rowKey="id"
      size="small"
      loading={jobs.isPending}
      columns={jobColumns}
      dataSource={jobs.data?.hits.hits ?? []}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize: JOBS_PAGE,
        total: jobs.data?.hits.total ?? 0,
        onChange: setPage,
        hideOnSinglePage: true,
      }}
      locale={{ emptyText: 'No job uses this task' }}
    />
  );
}

/** /admin/tasks/:id — a task's arguments (read-only form and rights), its jobs and its recent runs. */
export default function TaskPage() {
  const { id = '' } = useParams();
  const task = useTask(id);
  useTitle(task.data?.title ?? 'Task');

  if (task.isPending) return <PageLoading />;
  if (task.isError) return <PageError error={task.error} retry={() => void task.refetch()} />;
  const t = task.data;
  const schema = t.args_schema as JsonObject;
  const fields = argFieldsOf(schema);
  return (
    <section aria-labelledby="task-title">
      <Breadcrumb items={[{ title: <Link to="/tasks">Tasks</Link> }, { title: t.title }]} />
      <Typography.Title level={3} id="task-title" style={{ marginTop: 8 }}>
        {t.title}{' '}
        <Typography.Text type="secondary" code style={{ fontSize: 14 }}>
          {t.id}
        </Typography.Text>
      </Typography.Title>
      <Typography.Paragraph>{t.description}</Typography.Paragraph>
      <Space size={[4, 4]} wrap style={{ marginBottom: 16 }}>
        {t.isolate && <Tag color="geekblue">runs in a child process</Tag>}
        <Tag>{t.timeout_seconds ? `time limit ${formatDuration(t.timeout_seconds * 1000)}` : 'no time limit'}</Tag>
      </Space>
      <Space direction="vertical" style={{ width: '100%' }} size="large">
        <Card title="Recent runs" size="small">
          <Stats id={t.id} />
        </Card>
        <Card title="Arguments" size="small">
          <Table
            rowKey="name"
            size="small"
            columns={fieldColumns}
            dataSource={fields}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: 'This task takes no arguments' }}
            onRow={(f) => ({ 'data-field': f.name }) as React.HTMLAttributes<HTMLElement>}
          />
          {fields.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                The form, as a job shows it (read-only, with defaults)
              </Typography.Title>
              <Suspense fallback={<PageLoading />}>
                <ReadOnlyArgsForm schema={schema} />
              </Suspense>
            </>
          )}
        </Card>
        <Card title="Jobs using this task" size="small">
          <Jobs task={t.id} />
        </Card>
      </Space>
    </section>
  );
}
