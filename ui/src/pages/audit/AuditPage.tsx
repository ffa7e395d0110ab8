import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError, call } from '../../api/client.ts';
import type { AuditEntryResource, JsonObject } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { PageError } from '../../components/PageState.tsx';
import { formatAbsolute, RelativeTime } from '../../components/RelativeTime.tsx';
import { AuditDetails } from './AuditDetails.tsx';

/** An audit entry as GET /api/audit lists it. */
type AuditRow = AuditEntryResource;

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', stop: 'orange' };
const actionColor = (action: string) => ACTION_COLORS[action.split('.')[1] ?? ''] ?? 'default';

/** What the entry is about, as a link where there is a page for it. */
function Target({ entry }: { entry: AuditRow }) {
  const parts = [];
  if (entry.run_id !== null)
    parts.push(
      <Link key="run" to={`/runs/${entry.run_id}`}>
        Run {entry.run_id}
      </Link>,
    );
  if (entry.job_id !== null) {
    const title = typeof entry.details?.title === 'string' ? entry.details.title : null;
    parts.push(
      <Link key="job" to={`/jobs/${encodeURIComponent(entry.job_id)}`}>
        {title && entry.run_id === null ? title : `Job ${entry.job_id.slice(0, 8)}`}
      </Link>,
    );
  }
  if (typeof entry.details?.queue === 'string' && entry.action.startsWith('queue.')) {
    parts.push(
      <Link key="queue" to="/queues">
        Queue {entry.details.queue}
      </Link>,
    );
  }
  if (entry.action.startsWith('token.') && typeof entry.details?.name === 'string') {
    parts.push(<span key="token">Token {entry.details.name}</span>);
  }
  return parts.length ? (
    <Space size={4} wrap>
      {parts}
    </Space>
  ) : (
    <>—</>
  );
}

const columns: ColumnsType<AuditRow> = [
  {
    title: 'Time',
    dataIndex: 'time',
    render: (time: string) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        {formatAbsolute(time)}{' '}
        <Typography.Text type="secondary">
          (<RelativeTime value={time} />)
        </Typography.Text>
      </span>
    ),
  },
  {
    title: 'Actor',
    dataIndex: 'actor',
    render: (actor: string) => <span style={{ overflowWrap: 'anywhere' }}>{actor}</span>,
  },
  { title: 'Action', dataIndex: 'action', render: (action: string) => <Tag color={actionColor(action)}>{action}</Tag> },
  { title: 'Target', key: 'target', render: (_, entry) => <Target entry={entry} /> },
  {
    title: 'Request',
    dataIndex: 'request_id',
    responsive: ['lg'],
    render: (id: string | null) =>
      id ? (
        <Typography.Text code copyable style={{ fontSize: 12 }}>
          {id}
        </Typography.Text>
      ) : (
        '—'
      ),
  },
];

/** /admin/audit — who changed what and when (admins only), newest first, filterable by job. */
export default function AuditPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const size = Math.min(100, Math.max(1, Number(params.get('size')) || 25));
  const job = params.get('job') ?? undefined;
  const [jobSearch, setJobSearch] = useState('');

  useEffect(() => {
    document.title = 'Audit log · Jobdeck';
  }, []);

  const entries = useQuery({
    queryKey: ['audit', { job, page, size }],
    queryFn: ({ signal }) => call(api.GET('/audit', { params: { query: { job, page, size } }, signal })),
    placeholderData: keepPreviousData,
    enabled: can('admin'),
    refetchInterval: 15_000,
  });
  const jobs = useQuery({
    queryKey: ['jobs', { q: jobSearch, size: 20, page: 1 }],
    queryFn: ({ signal }) => call(api.GET('/jobs', { params: { query: { q: jobSearch, size: 20 } }, signal })),
    placeholderData: keepPreviousData,
    enabled: can('admin'),
  });

  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  };

  if (!can('admin')) return <PageError error={new ApiError(403, 'Only administrators can read the audit log.')} />;
  if (entries.isError) return <PageError error={entries.error} retry={() => void entries.refetch()} />;

  const jobOptions = (jobs.data?.hits.hits ?? []).map((j) => ({ value: j.id, label: j.title }));
  if (job && !jobOptions.some((option) => option.value === job)) jobOptions.unshift({ value: job, label: job });

  return (
    <section aria-labelledby="audit-title">
      <Typography.Title level={3} id="audit-title" style={{ marginTop: 0 }}>
        Audit log
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch
          filterOption={false}
          onSearch={setJobSearch}
          placeholder="All jobs"
          aria-label="Job"
          value={job}
          options={jobOptions}
          onChange={(value?: string) => update({ job: value, page: undefined })}
          style={{ width: 280, maxWidth: '100%' }}
          notFoundContent={jobs.isFetching ? 'Searching…' : 'No job matches'}
        />
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={entries.isPending || entries.isPlaceholderData}
        columns={columns}
        dataSource={entries.data?.hits.hits ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: job ? 'Nothing recorded for this job' : 'Nothing recorded yet' }}
        expandable={{
          rowExpandable: (entry) => entry.details !== null && Object.keys(entry.details).length > 0,
          expandedRowRender: (entry) => entry.details && <AuditDetails details={entry.details as JsonObject} />,
        }}
        pagination={{
          current: page,
          pageSize: size,
          total: entries.data?.hits.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [25, 50, 100],
          showTotal: (total) => `${total.toLocaleString('en')} entries`,
          onChange: (nextPage, nextSize) =>
            update({
              page: nextPage > 1 ? String(nextPage) : undefined,
              size: nextSize !== 25 ? String(nextSize) : undefined,
            }),
        }}
      />
    </section>
  );
}
