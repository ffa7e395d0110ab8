import { DatePicker, Input, Select, Space, Table, Typography, type TableProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client.ts';
import { useJobs, useQueues, useTasks } from '../../api/queries.ts';
import type { RunSearchHit } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { PageError } from '../../components/PageState.tsx';
import { formatDuration, RelativeTime } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTitle } from '../../hooks/useTitle.ts';
import { RUN_STATUSES } from '../../../../src/domain/run-status.ts';
import { BulkActions } from './BulkActions.tsx';
import { useRunsQuery } from './run-filters.ts';

const SORTS = [
  { value: '-created', label: 'Newest first' },
  { value: 'created', label: 'Oldest first' },
  { value: '-finished', label: 'Ended, latest first' },
  { value: 'finished', label: 'Ended, earliest first' },
];

function JobFilter({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const [search, setSearch] = useState('');
  const jobs = useJobs({ page: 1, size: 50, ...(search && { q: search }) });
  const options = (jobs.data?.hits.hits ?? []).map((job) => ({ value: job.id, label: job.title }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      aria-label="Filter runs by job"
      placeholder="All jobs"
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      options={options}
      loading={jobs.isFetching}
      style={{ minWidth: 180 }}
    />
  );
}

/** Runs of all jobs: filters in the URL, sortable, bulk actions on a selection or the whole filter. */
export default function RunsPage() {
  useTitle('Runs');
  const { can } = useSession();
  const [query, setQuery] = useRunsQuery();
  const [selected, setSelected] = useState<number[]>([]);
  const [text, setText] = useState(query.q ?? '');
  const [startedBy, setStartedBy] = useState(query.started_by ?? '');
  const tasks = useTasks();
  const queues = useQueues();
  const runs = useQuery({
    queryKey: ['runs', 'all', query],
    queryFn: ({ signal }) => call(api.GET('/runs', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
  const statuses = query.status ? query.status.split(',') : [];
  const columns: TableProps<RunSearchHit>['columns'] = [
    { title: 'Status', key: 'status', render: (_, run) => <StatusBadge status={run.status} /> },
    {
      title: 'Run',
      key: 'title',
      render: (_, run) => <Link to={`/runs/${run.id}`}>{run.title || `Run ${run.id}`}</Link>,
    },
    {
      title: 'Job',
      key: 'job',
      responsive: ['md'],
      // A job deleted since keeps its runs: show its id then, not a blank.
      render: (_, run) => <Link to={`/jobs/${run.job_id}`}>{run.job_title ?? `Job ${run.job_id.slice(0, 8)}`}</Link>,
    },
    { title: 'Queue', dataIndex: 'queue', key: 'queue', responsive: ['lg'] },
    { title: 'Started by', dataIndex: 'started_by', key: 'started_by', responsive: ['lg'] },
    { title: 'Created', key: 'created', render: (_, run) => <RelativeTime value={run.created} /> },
    {
      title: 'Ended',
      key: 'finished',
      responsive: ['md'],
      render: (_, run) => <RelativeTime value={run.finished_at} />,
    },
    { title: 'Duration', key: 'duration', responsive: ['sm'], render: (_, run) => formatDuration(run.duration_ms) },
    {
      title: 'Message',
      dataIndex: 'message',
      key: 'message',
      responsive: ['xl'],
      render: (m: string | null) => (
        <Typography.Text ellipsis style={{ maxWidth: 280 }}>
          {m ?? '—'}
        </Typography.Text>
      ),
    },
  ];
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [
    query.from ? dayjs(query.from) : null,
    query.to ? dayjs(query.to) : null,
  ];

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Runs
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }} role="search" aria-label="Run filters">
        <Select
          mode="multiple"
          allowClear
          aria-label="Filter runs by status"
          placeholder="All statuses"
          value={statuses}
          onChange={(value: string[]) => setQuery({ status: value.join(',') || undefined })}
          options={RUN_STATUSES.map((s) => ({ value: s, label: s }))}
          style={{ minWidth: 200 }}
        />
        <JobFilter value={query.job} onChange={(job) => setQuery({ job })} />
        <Select
          allowClear
          aria-label="Filter runs by task"
          placeholder="All tasks"
          value={query.task}
          onChange={(task: string | undefined) => setQuery({ task })}
          options={(tasks.data ?? []).map((t) => ({ value: t.id, label: t.title }))}
          style={{ minWidth: 150 }}
        />
        <Select
          allowClear
          aria-label="Filter runs by queue"
          placeholder="All queues"
          value={query.queue}
          onChange={(queue: string | undefined) => setQuery({ queue })}
          options={(queues.data ?? []).map((q) => ({ value: q.name, label: q.name }))}
          style={{ minWidth: 120 }}
        />
        <Input
          aria-label="Filter runs by who started them"
          placeholder="Started by"
          value={startedBy}
          onChange={(e) => setStartedBy(e.target.value)}
          onBlur={() => setQuery({ started_by: startedBy.trim() || undefined })}
          onPressEnter={() => setQuery({ started_by: startedBy.trim() || undefined })}
          style={{ width: 140 }}
        />
        <Input.Search
          aria-label="Search title or message"
          placeholder="Title or message"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => setQuery({ q: value.trim() || undefined })}
          allowClear
          style={{ width: 200 }}
        />
        <Select
          aria-label="Time range applies to"
          value={query.time ?? 'created'}
          onChange={(time: string) => setQuery({ time: time === 'created' ? undefined : time })}
          options={[
            { value: 'created', label: 'Queued' },
            { value: 'finished', label: 'Ended' },
          ]}
        />
        <DatePicker.RangePicker
          showTime
          allowEmpty={[true, true]}
          aria-label="Time range"
          value={range}
          onChange={(value) =>
            setQuery({ from: value?.[0]?.toISOString() ?? undefined, to: value?.[1]?.toISOString() ?? undefined })
          }
          style={{ maxWidth: '100%' }}
        />
        <Select
          aria-label="Sort runs"
          value={query.sort ?? '-created'}
          onChange={(sort: string) => setQuery({ sort: sort === '-created' ? undefined : sort })}
          options={SORTS}
        />
      </Space>
      <div style={{ marginBottom: 12 }}>
        <BulkActions
          query={query}
          selected={selected}
          total={runs.data?.hits.total ?? 0}
          more={runs.data?.hits.more ?? false}
          onDone={() => setSelected([])}
        />
      </div>
      {runs.isError && !runs.data ? (
        <PageError error={runs.error} retry={() => void runs.refetch()} />
      ) : (
        <Table<RunSearchHit>
          rowKey="id"
          size="small"
          loading={runs.isFetching && !runs.data}
          dataSource={runs.data?.hits.hits ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: 'No runs match these filters' }}
          rowSelection={
            can('run')
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  getCheckboxProps: (run) => ({ 'aria-label': `Select run ${run.id}` }),
                }
              : undefined
          }
          pagination={{
            current: query.page ?? 1,
            pageSize: query.size ?? 25,
            total: runs.data ? runs.data.hits.total : 0,
            showSizeChanger: true,
            showTotal: (n) => `${n.toLocaleString()}${runs.data?.hits.more ? '+' : ''} runs`,
            onChange: (page, size) => setQuery({ page, size }),
          }}
        />
      )}
    </div>
  );
}
