import { Alert, Breadcrumb, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useJob } from '../../api/queries.ts';
import { PageError, PageLoading } from '../../components/PageState.tsx';
import { formatAbsolute, formatDuration } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTitle } from '../../hooks/useTitle.ts';
import { useRunComparison, type RunComparison } from '../calendar/calendar-queries.ts';

type Run = RunComparison['a'];
interface Row {
  key: string;
  label: string;
  a: ReactNode;
  b: ReactNode;
  difference?: ReactNode;
  differs: boolean;
}

const time = (t: string | null) => (t ? <time dateTime={t}>{formatAbsolute(t)}</time> : '—');
const signed = (n: number | null, format: (n: number) => string = String) =>
  n === null ? '—' : n === 0 ? '0' : `${n > 0 ? '+' : '−'}${format(Math.abs(n))}`;
const json = (value: unknown, present: boolean) =>
  present ? (
    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 12 }}>
      {JSON.stringify(value, null, 1)}
    </pre>
  ) : (
    <Typography.Text type="secondary">(not given)</Typography.Text>
  );

function runRows(c: RunComparison): Row[] {
  const { a, b } = c;
  const row = (key: string, label: string, va: ReactNode, vb: ReactNode, differs: boolean, difference?: ReactNode) => ({
    key,
    label,
    a: va,
    b: vb,
    differs,
    difference,
  });
  const attempts = (r: Run) => `${r.attempt} of ${r.max_attempts}`;
  const counts = (side: 'a' | 'b') => c.logs[side];
  return [
    row(
      'status',
      'Status',
      <StatusBadge status={a.status} />,
      <StatusBadge status={b.status} />,
      a.status !== b.status,
    ),
    row('started_by', 'Started by', a.started_by, b.started_by, a.started_by !== b.started_by),
    row('since', 'Since', time(a.since), time(b.since), a.since !== b.since),
    row('scheduled', 'Slot', time(a.scheduled_for), time(b.scheduled_for), false),
    row('started', 'Started', time(a.started_at), time(b.started_at), false),
    row(
      'duration',
      'Duration',
      formatDuration(a.duration_ms),
      formatDuration(b.duration_ms),
      c.duration_ms_difference !== 0,
      signed(c.duration_ms_difference, formatDuration),
    ),
    row('attempts', 'Attempts', attempts(a), attempts(b), a.attempt !== b.attempt),
    ...c.counters.map((k) =>
      row(
        k.name,
        k.name.replace('_entries', '').replace(/^./, (s) => s.toUpperCase()),
        k.a ?? '—',
        k.b ?? '—',
        k.a !== k.b,
        signed(k.difference),
      ),
    ),
    ...(['error', 'warn', 'info', 'debug'] as const).map((level) => {
      const [x, y] = [counts('a').counts[level], counts('b').counts[level]];
      return row(`log-${level}`, `Log lines: ${level}`, x, y, x !== y, signed(y - x));
    }),
    row('message', 'Message', a.message ?? '—', b.message ?? '—', a.message !== b.message),
  ];
}

function Side({ run, name }: { run: Run; name: string }) {
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>
        {name}: <Link to={`/runs/${run.id}`}>Run {run.id}</Link>
      </Typography.Text>
      <Typography.Text type="secondary">{run.title}</Typography.Text>
    </Space>
  );
}

/** The breadcrumb's job: its title once read ("Job" while loading, or if it was deleted since). */
function JobCrumb({ id }: { id: string }) {
  const job = useJob(id);
  return <Link to={`/jobs/${id}`}>{job.data?.title ?? 'Job'}</Link>;
}

/** Two runs side by side: settings, outcome, counters, log counts, and where the logs part. */
export default function ComparePage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const a = Number(params.get('a')) || 0;
  const b = Number(params.get('b')) || 0;
  useTitle(`Compare runs ${a} and ${b}`);
  const comparison = useRunComparison(a, b);
  if (!a || !b) {
    return <Alert type="info" showIcon message="Pick two runs to compare: tick them in a job's runs table." />;
  }
  if (comparison.isPending) return <PageLoading />;
  if (comparison.isError) return <PageError error={comparison.error} retry={() => void comparison.refetch()} />;
  const c = comparison.data;
  const d = c.divergence;
  const columns = [
    { title: 'Field', dataIndex: 'label', key: 'label', width: 150 },
    { title: <Side run={c.a} name="A" />, dataIndex: 'a', key: 'a' },
    { title: <Side run={c.b} name="B" />, dataIndex: 'b', key: 'b' },
    { title: 'B − A', dataIndex: 'difference', key: 'difference', width: 110 },
  ];
  const rowClass = (row: { differs: boolean }) => (row.differs ? 'jd-differs' : '');

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/jobs">Jobs</Link> },
          { title: <JobCrumb id={c.a.job_id} /> },
          { title: 'Compare runs' },
        ]}
      />
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          Run {c.a.id} and run {c.b.id}
        </Typography.Title>
        <Button onClick={() => void navigate(`/compare?a=${b}&b=${a}`, { replace: true })}>Swap A and B</Button>
      </Space>
      {!c.same_job && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="These runs belong to different jobs." />
      )}
      <style>{'.jd-differs td { background: #fffbe6; }'}</style>
      <div className="jd-table-wrap">
        <Table<Row>
          aria-label="The two runs"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={runRows(c)}
          rowClassName={rowClass}
        />
      </div>
      <Card title="Arguments" size="small" style={{ marginTop: 16 }}>
        <div className="jd-table-wrap">
          <Table
            aria-label="Arguments"
            size="small"
            pagination={false}
            rowKey="key"
            rowClassName={(r) => (r.same ? '' : 'jd-differs')}
            locale={{ emptyText: 'Neither run had arguments.' }}
            dataSource={c.args}
            columns={[
              { title: 'Argument', dataIndex: 'key', width: 150 },
              { title: 'A', key: 'a', render: (_, r) => json(r.a, r.in_a) },
              { title: 'B', key: 'b', render: (_, r) => json(r.b, r.in_b) },
              {
                title: '',
                key: 'same',
                width: 90,
                render: (_, r) => (r.same ? <Tag>same</Tag> : <Tag color="gold">differs</Tag>),
              },
            ]}
          />
        </div>
        <Typography.Text type="secondary">
          Secret arguments show as “set”: equal here does not mean equal values.
        </Typography.Text>
      </Card>
      <Card title="Logs" size="small" style={{ marginTop: 16 }} data-testid="divergence">
        {d.line === null ? (
          <Typography.Paragraph>
            {d.stopped_at_limit
              ? `No difference in the first ${d.compared.toLocaleString()} lines; the comparison stops there.`
              : `The logs are the same (${d.compared.toLocaleString()} lines).`}
          </Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph>
              The logs first differ at line {d.line.toLocaleString()} (the first {d.compared.toLocaleString()} are the
              same).
            </Typography.Paragraph>
            {(['a', 'b'] as const).map((side) => {
              const line = d[side];
              return (
                <div key={side} style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{side.toUpperCase()}: </Typography.Text>
                  {line ? (
                    <code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      [{line.level}] #{line.seq} {line.message}
                    </code>
                  ) : (
                    <Typography.Text type="secondary">(the log ends here)</Typography.Text>
                  )}
                </div>
              );
            })}
          </>
        )}
        {(c.logs.a.more || c.logs.b.more) && (
          <Typography.Text type="secondary">Line counts cover the first 100,000 lines of each log.</Typography.Text>
        )}
      </Card>
    </>
  );
}
