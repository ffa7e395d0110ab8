import { Descriptions, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { JobResource, RunResource } from '../../api/types.ts';
import { formatAbsolute, formatDuration, RelativeTime, useNow } from '../../components/RelativeTime.tsx';

/** When: an absolute local time, with how long ago it was. */
function When({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  return (
    <span>
      {formatAbsolute(value)} (<RelativeTime value={value} />)
    </span>
  );
}

/** Duration, ticking every second while the run is running. */
function RunDuration({ run }: { run: RunResource }) {
  const running = Boolean(run.started_at && !run.finished_at);
  const now = useNow(running ? 1000 : 60_000);
  if (!run.started_at) return <>—</>;
  const end = run.finished_at ? Date.parse(run.finished_at) : now;
  return <span data-testid="run-duration">{formatDuration(Math.max(0, end - Date.parse(run.started_at)))}</span>;
}

/** Who, where and when: the run's facts as a description list (one column on a phone). */
export function RunDetails({ run, job }: { run: RunResource; job: JobResource | undefined }) {
  // Servers before retries do not send max_attempts: one attempt.
  const maxAttempts = (run as Partial<RunResource>).max_attempts ?? 1;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, md: 2, lg: 3, xl: 2, xxl: 3 }}
      items={[
        {
          key: 'job',
          label: 'Job',
          children: <Link to={`/jobs/${encodeURIComponent(run.job_id)}`}>{job?.title ?? run.job_id}</Link>,
        },
        { key: 'task', label: 'Task', children: <Typography.Text code>{run.task}</Typography.Text> },
        { key: 'queue', label: 'Queue', children: run.queue },
        { key: 'started-by', label: 'Started by', children: run.started_by },
        { key: 'created', label: 'Created', children: <When value={run.created} /> },
        { key: 'started', label: 'Started', children: <When value={run.started_at} /> },
        { key: 'finished', label: 'Finished', children: <When value={run.finished_at} /> },
        { key: 'duration', label: 'Duration', children: <RunDuration run={run} /> },
        {
          key: 'since',
          label: (
            <Tooltip title="The task only looks at what changed after this time. Empty when the run was created: the start of the job's last successful run.">
              <span>Since</span>
            </Tooltip>
          ),
          children: run.since ? <When value={run.since} /> : 'Everything (no earlier successful run)',
        },
        ...(run.scheduled_for
          ? [
              { key: 'scheduled', label: 'Scheduled for', children: <When value={run.scheduled_for} /> },
              { key: 'lateness', label: 'Lateness', children: formatDuration(run.lateness_ms) },
            ]
          : []),
        ...(maxAttempts > 1 || run.attempt > 1
          ? [{ key: 'attempt', label: 'Attempt', children: `${run.attempt} of ${maxAttempts}` }]
          : []),
        ...(run.worker_id ? [{ key: 'worker', label: 'Worker', children: run.worker_id }] : []),
      ]}
    />
  );
}
