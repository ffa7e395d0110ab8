import { Card, Col, Empty, Flex, List, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client.ts';
import { PageError, PageLoading } from '../../components/PageState.tsx';
import { RelativeTime } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTitle } from '../../hooks/useTitle.ts';
import { runsLink } from '../runs/run-filters.ts';
import type { components } from '../../../../src/client/openapi.ts';

type Overview = components['schemas']['Overview'];
type OverviewRun = components['schemas']['OverviewRun'];

/** A count that opens the runs list behind it. */
function CountLink({ to, n, label }: { to: string; n: number; label: string }) {
  return (
    <Link to={to} aria-label={`${n} ${label}`} data-testid={`count-${label.replace(/\W+/g, '-')}`}>
      <Typography.Text strong style={{ fontSize: 24, fontVariantNumeric: 'tabular-nums' }}>
        {n.toLocaleString()}
      </Typography.Text>
    </Link>
  );
}

function RunProgressCell({ run }: { run: OverviewRun }) {
  if (!run.total_entries) return <Typography.Text type="secondary">{run.done_entries || '—'}</Typography.Text>;
  const percent = Math.min(100, Math.floor((run.done_entries / run.total_entries) * 100));
  return <Progress percent={percent} size="small" aria-label={`Run ${run.id} progress ${percent}%`} />;
}

function Running({ data }: { data: Overview }) {
  return (
    <Card
      title="Running now"
      extra={<CountLink to={runsLink({ status: 'RUNNING,CANCELLING' })} n={data.running.total} label="running" />}
    >
      <Table<OverviewRun>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.running.items}
        locale={{ emptyText: <Empty description="Nothing is running" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: 'Run',
            key: 'run',
            render: (_, run) => <Link to={`/runs/${run.id}`}>{run.title || `Run ${run.id}`}</Link>,
          },
          { title: 'Status', key: 'status', render: (_, run) => <StatusBadge status={run.status} /> },
          { title: 'Progress', key: 'progress', width: 160, render: (_, run) => <RunProgressCell run={run} /> },
          { title: 'Started', key: 'started', render: (_, run) => <RelativeTime value={run.started_at} /> },
          { title: 'Worker', dataIndex: 'worker_id', key: 'worker', responsive: ['lg'] },
        ]}
      />
    </Card>
  );
}

function Queues({ data }: { data: Overview }) {
  return (
    <Card title="Queues" extra={<Link to="/queues">Manage queues</Link>}>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={data.queues}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: 'Queue',
            dataIndex: 'name',
            key: 'name',
            render: (name: string, q) => (
              <Space size={4}>
                {name}
                {q.paused && <Tag color="orange">paused</Tag>}
              </Space>
            ),
          },
          {
            title: 'Queued',
            key: 'queued',
            render: (_, q) => (
              <Link to={runsLink({ status: 'QUEUED', queue: q.name })}>{q.queued.toLocaleString()}</Link>
            ),
          },
          {
            title: 'Running',
            key: 'running',
            render: (_, q) => (
              <Link to={runsLink({ status: 'RUNNING,CANCELLING', queue: q.name })}>{q.running.toLocaleString()}</Link>
            ),
          },
          {
            title: 'Oldest queued',
            key: 'oldest',
            render: (_, q) =>
              q.oldest_queued_run_id ? (
                <Link to={`/runs/${q.oldest_queued_run_id}`} aria-label={`Oldest queued run of ${q.name}`}>
                  <RelativeTime value={q.oldest_queued_at} />
                </Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}

function Failures({ data }: { data: Overview }) {
  const since = new Date(Date.parse(data.now) - data.window_hours * 3_600_000).toISOString();
  const link = (status: string, job?: string) => runsLink({ status, job, time: 'finished', from: since });
  const f = data.failures;
  return (
    <Card
      title={`Failed in the last ${data.window_hours} h`}
      extra={
        <Space size="middle">
          <span>
            <CountLink to={link('FAILED')} n={f.failed} label="failed" /> failed
          </span>
          <span>
            <CountLink to={link('PARTIAL_SUCCESS')} n={f.partial} label="partial" /> partial
          </span>
        </Space>
      }
    >
      <List
        dataSource={f.items}
        locale={{ emptyText: <Empty description="No failures in this window" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(item) => (
          <List.Item data-testid={`failures-${item.job_id}`}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/jobs/${item.job_id}`}>{item.job_title}</Link>
                  {item.failed > 0 && (
                    <Link
                      to={link('FAILED', item.job_id)}
                      aria-label={`${item.failed} failed runs of ${item.job_title}`}
                    >
                      <Tag color="error">{item.failed} failed</Tag>
                    </Link>
                  )}
                  {item.partial > 0 && (
                    <Link
                      to={link('PARTIAL_SUCCESS', item.job_id)}
                      aria-label={`${item.partial} partial runs of ${item.job_title}`}
                    >
                      <Tag color="warning">{item.partial} partial</Tag>
                    </Link>
                  )}
                </Space>
              }
              description={
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                  <Link to={`/runs/${item.last_run.id}`}>Last</Link> <RelativeTime value={item.last_run.finished_at} />:{' '}
                  {item.last_run.message ?? 'no message'}
                </Typography.Paragraph>
              }
            />
          </List.Item>
        )}
      />
      {f.jobs > f.items.length && (
        <Typography.Text type="secondary">
          The latest {f.items.length} of {f.jobs} jobs; <Link to={link('FAILED,PARTIAL_SUCCESS')}>see all</Link>.
        </Typography.Text>
      )}
    </Card>
  );
}

/** Each scheduled job once, soonest first: an every-minute job is one line, a daily one still shows. */
function Upcoming({ data }: { data: Overview }) {
  const u = data.upcoming;
  const hidden = u.jobs - u.items.length;
  return (
    <Card
      title={`Next ${data.window_hours} h`}
      extra={
        <span>
          {u.total.toLocaleString()}
          {u.more ? '+' : ''} runs due
        </span>
      }
    >
      <List
        size="small"
        dataSource={u.items}
        data-testid="upcoming"
        locale={{
          emptyText: <Empty description="No scheduled runs in this window" image={Empty.PRESENTED_IMAGE_SIMPLE} />,
        }}
        renderItem={(item) => (
          <List.Item data-testid={`upcoming-${item.job_id}`}>
            <Flex vertical>
              <span>
                <Link to={`/jobs/${item.job_id}`}>{item.job_title}</Link> <RelativeTime value={item.at} />
              </span>
              <Typography.Text type="secondary">
                {item.schedule} · {item.fires.toLocaleString()}
                {item.fires_more ? '+' : ''} in {data.window_hours} h
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {(hidden > 0 || u.more) && (
        <Link to="/calendar">
          {hidden.toLocaleString()}
          {u.more ? '+' : ''} more scheduled jobs in the calendar
        </Link>
      )}
    </Card>
  );
}

function Workers({ data }: { data: Overview }) {
  return (
    <Card title="Workers">
      <Typography.Paragraph>
        <CountLink to="/workers" n={data.workers.alive} label="workers alive" /> alive,{' '}
        <CountLink
          to={runsLink({ status: 'RUNNING,CANCELLING' })}
          n={data.workers.holding}
          label="workers holding runs"
        />{' '}
        holding runs now
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={data.workers.items}
        renderItem={(w) => (
          <List.Item>
            <Typography.Text code ellipsis style={{ maxWidth: 220 }}>
              {w.worker_id}
            </Typography.Text>
            {w.host} · {w.busy}/{w.concurrency} busy · {w.runs} runs
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The admin's landing page: what runs, waits, failed and will run, each number linking to its runs. */
export default function OverviewPage() {
  useTitle('Overview');
  // Under 'runs': the run events that refresh lists refresh this too (hooks/useEvents.ts).
  const overview = useQuery({
    queryKey: ['runs', 'overview'],
    queryFn: ({ signal }) => call(api.GET('/overview', { signal })),
    // Schedules and the window move without a run event.
    refetchInterval: 30_000,
  });
  if (overview.isPending) return <PageLoading />;
  if (overview.isError) return <PageError error={overview.error} retry={() => void overview.refetch()} />;
  const data = overview.data;
  return (
    <div data-testid="overview">
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Overview
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Running data={data} />
        </Col>
        <Col xs={24} xl={10}>
          <Queues data={data} />
        </Col>
        <Col xs={24} xl={14}>
          <Failures data={data} />
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Upcoming data={data} />
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Workers data={data} />
        </Col>
      </Row>
    </div>
  );
}
