import { Breadcrumb, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import type { JsonValue, RunResource } from '../../api/types.ts';
import { LogViewer } from '../../components/LogViewer/LogViewer.tsx';
import { PageError, PageLoading } from '../../components/PageState.tsx';
import { formatAbsolute } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { JsonView } from './JsonView.tsx';
import { RunActions } from './RunActions.tsx';
import { RunDetails } from './RunDetails.tsx';
import { RunError } from './RunError.tsx';
import { RunAttempts, RunNotifications } from './RunHistoryTables.tsx';
import { RunProgress } from './RunProgress.tsx';
import { SubRunLogPicker } from './SubRunLogPicker.tsx';
import { SubRunsPanel } from './SubRunsPanel.tsx';
import { ACTIVE_STATUSES } from '../../../../src/domain/run-status.ts';
import { useApiPaths, useJobOfRun, useRun } from './run-queries.ts';

/** /admin/runs/:id — one run: status, timing, arguments, result, counters, logs; stop and re-run. */
export default function RunPage() {
  const param = useParams().id ?? '';
  const id = Number(param);
  const run = useRun(id);
  const job = useJobOfRun(run.data?.job_id);
  const paths = useApiPaths();
  const title = run.data?.title;
  const focusSeq = linkedLine(useLocation());
  // A fan-out parent's log view can show one of its sub-runs' logs instead (SubRunLogPicker).
  const [shown, setShown] = useState<RunResource | null>(null);

  useEffect(() => {
    document.title = title ? `Run ${id}: ${title} · Jobdeck` : 'Run · Jobdeck';
  }, [id, title]);

  if (!Number.isSafeInteger(id) || id <= 0) {
    return <PageError error={new ApiError(404, `"${param}" is not a run number.`)} />;
  }
  if (run.isPending) return <PageLoading />;
  if (run.isError) return <PageError error={run.error} retry={() => void run.refetch()} />;
  const data = run.data;
  const active = ACTIVE_STATUSES.includes(data.status);
  const has = (path: string) => paths.data?.has(path) ?? false;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/jobs">Jobs</Link> },
          { title: <Link to={`/jobs/${encodeURIComponent(data.job_id)}`}>{job.data?.title ?? 'Job'}</Link> },
          { title: `Run ${data.id}` },
        ]}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12 }}>
        <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {data.title}
        </Typography.Title>
        <span data-testid="run-status" data-status={data.status}>
          <StatusBadge status={data.status} />
        </span>
        <div style={{ marginInlineStart: 'auto' }}>
          <RunActions run={data} job={job.data} />
        </div>
      </div>

      {data.message && <RunError text={data.message} status={data.status} errorStack={data.error_stack} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <RunDetails run={data} job={job.data} />
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <RunProgress run={data} />
            <Card
              size="small"
              title="Arguments"
              extra={
                <Space size={4} wrap>
                  {data.custom_args && <Tag color="purple">custom args</Tag>}
                  <Typography.Text type="secondary">
                    since {data.since ? formatAbsolute(data.since) : '—'}
                  </Typography.Text>
                </Space>
              }
            >
              <JsonView value={data.args as JsonValue} label="Arguments" />
            </Card>
            {data.result !== null && (
              <Card size="small" title="Result">
                <JsonView value={data.result as JsonValue} label="Result" />
              </Card>
            )}
          </Space>
        </Col>
      </Row>

      {data.total_subruns > 0 && <SubRunsPanel run={data} active={active} />}
      {data.parent_run_id !== null && (
        <Typography.Text>
          Sub-run of <Link to={`/runs/${data.parent_run_id}`}>run {data.parent_run_id}</Link>
        </Typography.Text>
      )}

      {has('/runs/{run_id}/attempts') && <RunAttempts runId={data.id} attempt={data.attempt} />}
      {has('/runs/{run_id}/notifications') && <RunNotifications runId={data.id} />}

      <Card size="small" title="Logs" styles={{ body: { padding: 12 } }}>
        {shown && shown.id !== data.id ? (
          <LogViewer
            key={shown.id}
            runId={shown.id}
            jobId={shown.job_id}
            active={ACTIVE_STATUSES.includes(shown.status)}
            extra={<SubRunLogPicker parent={data} value={shown} onChange={setShown} />}
          />
        ) : (
          <LogViewer
            key={data.id}
            runId={data.id}
            jobId={data.job_id}
            active={active}
            focusSeq={focusSeq}
            extra={data.total_subruns > 0 && <SubRunLogPicker parent={data} value={data} onChange={setShown} />}
          />
        )}
      </Card>
    </Space>
  );
}

/** The line a link points at: `?line=12` or `#line-12` (the Logs search links both). */
function linkedLine(location: { search: string; hash: string }): number | undefined {
  const text = new URLSearchParams(location.search).get('line') ?? /^#line-(\d+)$/.exec(location.hash)?.[1];
  const seq = Number(text);
  return text && Number.isSafeInteger(seq) && seq > 0 ? seq : undefined;
}
