import { Alert, Button, Flex, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/client.ts';
import { useJobs, useQueues, useTasks, type JobFilters } from '../../api/queries.ts';
import type { JobResource } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { RelativeTime } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTitle } from '../../hooks/useTitle.ts';
import { JobActions } from './JobActions.tsx';

const JobFormDrawer = lazy(() => import('./JobFormDrawer.tsx'));

type JobSort = NonNullable<JobFilters['sort']>;
const SORTABLE: Record<string, [asc: JobSort, desc: JobSort]> = {
  title: ['title', '-title'],
  last_run: ['last_run', '-last_run'],
  next_run: ['next_run', 'next_run'],
  created: ['created', '-created'],
};

/** Filters live in the URL, so a filtered list can be bookmarked and Back restores it. */
function useFilters(): [JobFilters, (change: Partial<JobFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: JobFilters = {
    page: Number(params.get('page')) || 1,
    size: Number(params.get('size')) || 25,
    ...(params.get('q') && { q: params.get('q')! }),
    ...(params.get('active') && { active: params.get('active') as 'true' | 'false' }),
    ...(params.get('task') && { task: params.get('task')! }),
    ...(params.get('queue') && { queue: params.get('queue')! }),
    ...(params.get('sort') && { sort: params.get('sort') as JobSort }),
  };
  const update = (change: Partial<JobFilters>) => {
    const next = { ...filters, ...change };
    // Any filter change starts again on the first page.
    if (!('page' in change)) next.page = 1;
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value !== undefined && value !== '' && !(key === 'page' && value === 1) && !(key === 'size' && value === 25))
        search.set(key, String(value));
    }
    setParams(search, { replace: true });
  };
  return [filters, update];
}

export default function JobsPage() {
  const { can } = useSession();
  const [filters, setFilters] = useFilters();
  const [search, setSearch] = useState(filters.q ?? '');
  const [creating, setCreating] = useState(false);
  const jobs = useJobs(filters);
  const tasks = useTasks();
  const queues = useQueues();

  // The search box asks the server once typing pauses (live updates re-render; they must not
  // restart the wait, hence only `search` as a dependency).
  const applySearch = useRef(setFilters);
  applySearch.current = setFilters;
  const currentQ = filters.q ?? '';
  useEffect(() => {
    if (currentQ === search) return;
    const timer = setTimeout(() => applySearch.current({ q: search }), 300);
    return () => clearTimeout(timer);
  }, [search]);
  useTitle('Jobs');

  const sortOrder = (column: string) => {
    const pair = SORTABLE[column];
    if (!pair || !filters.sort) return null;
    if (filters.sort === pair[0]) return 'ascend' as const;
    if (filters.sort === pair[1]) return 'descend' as const;
    return null;
  };

  const columns: TableProps<JobResource>['columns'] = [
    {
      title: 'Title',
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: sortOrder('title'),
      render: (_, job) => (
        <Flex vertical>
          <Link to={`/jobs/${job.id}`}>{job.title}</Link>
          {job.description && (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320, fontSize: 12 }}>
              {job.description}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: 'Task',
      dataIndex: 'task',
      key: 'task',
      responsive: ['lg'],
      render: (task: string) => tasks.data?.find((t) => t.id === task)?.title ?? task,
    },
    {
      title: 'Queue',
      dataIndex: 'default_queue',
      key: 'queue',
      responsive: ['lg'],
      render: (queue: string) => queues.data?.find((q) => q.name === queue)?.title ?? queue,
    },
    {
      title: 'Active',
      dataIndex: 'active',
      key: 'active',
      responsive: ['md'],
      render: (active: boolean) => (active ? <Tag color="green">Active</Tag> : <Tag>Inactive</Tag>),
    },
    {
      title: 'Schedule',
      dataIndex: 'schedule_description',
      key: 'schedule',
      responsive: ['md'],
      render: (text: string | null) => text ?? <Typography.Text type="secondary">Not scheduled</Typography.Text>,
    },
    {
      title: 'Last run',
      key: 'last_run',
      sorter: true,
      sortOrder: sortOrder('last_run'),
      render: (_, job) =>
        job.last_run ? (
          <Space size={4} wrap>
            <Link to={`/runs/${job.last_run.id}`} aria-label={`Last run: ${job.last_run.status}`}>
              <StatusBadge status={job.last_run.status} />
            </Link>
            <RelativeTime value={job.last_run.started_at ?? job.last_run.created} />
            <Typography.Text type="secondary">by {job.last_run.started_by}</Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">Never</Typography.Text>
        ),
    },
    {
      title: 'Next run',
      dataIndex: 'next_run',
      key: 'next_run',
      responsive: ['sm'],
      sorter: true,
      sortOrder: sortOrder('next_run'),
      render: (next: string | null, job) =>
        next && job.active ? <RelativeTime value={next} /> : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: <span className="sr-only">Actions</span>,
      key: 'actions',
      align: 'right',
      render: (_, job) => <JobActions job={job} />,
    },
  ];

  const onChange: TableProps<JobResource>['onChange'] = (pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const pair = one?.columnKey ? SORTABLE[String(one.columnKey)] : undefined;
    const sort = pair && one?.order ? (one.order === 'ascend' ? pair[0] : pair[1]) : undefined;
    if (sort !== filters.sort) return setFilters({ sort });
    setFilters({ page: pagination.current ?? 1, size: pagination.pageSize ?? 25 });
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Jobs
        </Typography.Title>
        {can('admin') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            Create
          </Button>
        )}
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search">
        <Input.Search
          placeholder="Search title or description"
          aria-label="Search jobs"
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => setFilters({ q: value })}
          style={{ width: 280, maxWidth: '100%' }}
        />
        <Select
          aria-label="Filter by state"
          placeholder="Active and inactive"
          allowClear
          value={filters.active}
          onChange={(active) => setFilters({ active })}
          options={[
            { value: 'true', label: 'Active' },
            { value: 'false', label: 'Inactive' },
          ]}
          style={{ width: 180 }}
        />
        <Select
          aria-label="Filter by task"
          placeholder="All tasks"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.task}
          onChange={(task) => setFilters({ task })}
          options={tasks.data?.map((t) => ({ value: t.id, label: t.title }))}
          style={{ width: 220 }}
        />
        <Select
          aria-label="Filter by queue"
          placeholder="All queues"
          allowClear
          value={filters.queue}
          onChange={(queue) => setFilters({ queue })}
          options={queues.data?.map((q) => ({ value: q.name, label: q.title }))}
          style={{ width: 160 }}
        />
      </Flex>
      {jobs.isError && (
        <Alert
          type="error"
          showIcon
          title="The jobs could not be loaded"
          description={errorMessage(jobs.error)}
          action={<Button onClick={() => void jobs.refetch()}>Try again</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <div className="jd-table-wrap">
        <Table<JobResource>
          rowKey="id"
          columns={columns}
          dataSource={jobs.data?.hits.hits}
          loading={jobs.isPending || (jobs.isFetching && jobs.isPlaceholderData)}
          onChange={onChange}
          locale={{
            emptyText: jobs.isPending
              ? 'Loading…'
              : filters.q || filters.active || filters.task || filters.queue
                ? 'No job matches these filters.'
                : can('admin')
                  ? 'No jobs yet: Create one.'
                  : 'No jobs yet.',
          }}
          pagination={{
            current: filters.page,
            pageSize: filters.size,
            total: jobs.data?.hits.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 25, 50, 100],
            showTotal: (total) => `${total} job${total === 1 ? '' : 's'}`,
          }}
          size="middle"
        />
      </div>
      <Suspense fallback={null}>
        {creating && <JobFormDrawer open onClose={() => setCreating(false)} onSaved={() => setCreating(false)} />}
      </Suspense>
    </>
  );
}
