import { Breadcrumb, Button, Card, Descriptions, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useJob, useQueues, useSkippedSlots, useTasks } from '../../api/queries.ts';
import { useSession } from '../../app/session.tsx';
import { PageError, PageLoading } from '../../components/PageState.tsx';
import { formatAbsolute, formatDuration, RelativeTime } from '../../components/RelativeTime.tsx';
import type { JobResource } from '../../api/types.ts';
import { useTitle } from '../../hooks/useTitle.ts';
import { formatJson } from './custom-args.ts';
import { JobActions } from './JobActions.tsx';
import { RunsTable } from './RunsTable.tsx';
import { SkippedSlots } from './SkippedSlots.tsx';
import { FidelityPanel } from '../calendar/FidelityPanel.tsx';

const RunDialog = lazy(() => import('./RunDialog.tsx'));
const JobCharts = lazy(() => import('../charts/JobCharts.tsx'));

const OVERLAP: Record<string, string> = {
  skip: 'Skip while active',
  queue: 'Queue one behind',
  allow: 'Allow overlap',
};
const MISFIRE: Record<string, string> = { once: 'Run once', all: 'Run each', skip: 'Skip' };

function Json({ value }: { value: unknown }) {
  return (
    <pre style={{ margin: 0, maxHeight: 200, overflow: 'auto', fontSize: 12, whiteSpace: 'pre-wrap' }}>
      {formatJson(value) || '{}'}
    </pre>
  );
}

/** Whole seconds as "45 s" or "1 min 30 s". */
const seconds = (s: number) => (s < 60 ? `${s} s` : formatDuration(s * 1000));

/** Attempts, and when there are retries, how they wait. */
function attempts(j: JobResource): string {
  if (j.max_attempts <= 1) return '1 (no retries)';
  const wait = `backoff ${seconds(j.retry_backoff_seconds)} up to ${seconds(j.retry_backoff_max_seconds)}`;
  return `${j.max_attempts}, ${wait}${j.retry_partial ? ', partial success retried' : ''}`;
}

/** "Slower than 2 × p95 of last 50 successes; after 3 failures in a row", or Off. */
function historyAlerts(j: JobResource): string {
  const a = j.history_alerts;
  const parts = [
    a?.slower_than_p95 ? `slower than ${a.slower_than_p95} × p95 of last ${a.p95_runs} successes` : null,
    a?.after_failures ? `after ${a.after_failures} failures in a row` : null,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'Off';
}

/** One job: its settings and actions, and its runs (live). */
export default function JobPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const navigate = useNavigate();
  const job = useJob(id);
  const tasks = useTasks();
  const queues = useQueues();
  const skipped = useSkippedSlots(id, 1, 1);
  const [running, setRunning] = useState(false);
  useTitle(job.data?.title);

  if (job.isPending) return <PageLoading />;
  if (job.isError) return <PageError error={job.error} retry={() => void job.refetch()} />;
  const j = job.data;
  const task = tasks.data?.find((t) => t.id === j.task);
  const queue = queues.data?.find((q) => q.name === j.default_queue);
  const skippedTotal = skipped.data?.hits.total ?? 0;

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/jobs">Jobs</Link> }, { title: j.title }]} style={{ marginBottom: 8 }} />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space align="center" wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {j.title}
          </Typography.Title>
          {j.active ? <Tag color="green">Active</Tag> : <Tag>Inactive</Tag>}
        </Space>
        <Space wrap>
          {can('run') && (
            <Button type="primary" onClick={() => setRunning(true)}>
              Configure and run…
            </Button>
          )}
          <JobActions job={j} size="middle" afterDelete={() => navigate('/jobs', { replace: true })} />
        </Space>
      </Flex>
      {j.description && <Typography.Paragraph>{j.description}</Typography.Paragraph>}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, xl: 3 }} aria-label="Settings">
          <Descriptions.Item label="Task">
            <span title={j.task}>{task?.title ?? j.task}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Queue">{queue?.title ?? j.default_queue}</Descriptions.Item>
          <Descriptions.Item label="Schedule">{j.schedule_description ?? 'Not scheduled'}</Descriptions.Item>
          <Descriptions.Item label="Next run">
            {j.next_run && j.active ? (
              <span>
                <RelativeTime value={j.next_run} /> ({formatAbsolute(j.next_run)})
              </span>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Overlap">{OVERLAP[j.overlap_policy] ?? j.overlap_policy}</Descriptions.Item>
          <Descriptions.Item label="Missed slots">{MISFIRE[j.misfire_policy] ?? j.misfire_policy}</Descriptions.Item>
          <Descriptions.Item label="Notifications">
            {j.notification_emails.length
              ? `${j.notification_emails.join(', ')} on ${j.notification_statuses.join(', ') || 'no status'}`
              : 'None'}
          </Descriptions.Item>
          <Descriptions.Item label="Webhooks">
            {j.notification_webhooks.length ? (
              <Flex vertical>
                {j.notification_webhooks.map((h) => (
                  // The secret is write-only: the API only says whether one is set.
                  <span key={h.url}>
                    {h.url} <Typography.Text type="secondary">({h.secret ? 'secret set' : 'unsigned'})</Typography.Text>
                  </span>
                ))}
              </Flex>
            ) : (
              'None'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Long-run alert">
            {j.notify_running_longer_than ? `After ${seconds(j.notify_running_longer_than)}` : 'Off'}
          </Descriptions.Item>
          <Descriptions.Item label="History alerts">{historyAlerts(j)}</Descriptions.Item>
          <Descriptions.Item label="Attempts">{attempts(j)}</Descriptions.Item>
          <Descriptions.Item label="Timeout">
            {j.timeout_seconds ? seconds(j.timeout_seconds) : "Task's default"}
          </Descriptions.Item>
          <Descriptions.Item label="Created">
            <RelativeTime value={j.created} />
          </Descriptions.Item>
          <Descriptions.Item label="Updated">
            <RelativeTime value={j.updated} />
          </Descriptions.Item>
          <Descriptions.Item label="Saved args" span={j.custom_args ? 1 : 2}>
            <Json value={j.args} />
          </Descriptions.Item>
          {j.custom_args && (
            <Descriptions.Item label="Custom args">
              <Json value={j.custom_args} />
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Tabs
        items={[
          { key: 'runs', label: 'Runs', children: <RunsTable jobId={j.id} /> },
          {
            key: 'charts',
            label: 'Charts',
            children: (
              <Suspense fallback={<PageLoading />}>
                <JobCharts job={j.id} />
              </Suspense>
            ),
          },
          {
            key: 'skipped',
            label: `Skipped slots${skippedTotal ? ` (${skippedTotal})` : ''}`,
            children: <SkippedSlots jobId={j.id} />,
          },
          ...(j.schedule
            ? [{ key: 'fidelity', label: 'Schedule fidelity', children: <FidelityPanel jobId={j.id} /> }]
            : []),
        ]}
      />
      <Suspense fallback={null}>{running && <RunDialog job={j} open onClose={() => setRunning(false)} />}</Suspense>
    </>
  );
}
