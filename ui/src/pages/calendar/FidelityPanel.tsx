import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageError } from '../../components/PageState.tsx';
import { formatAbsolute, formatDuration } from '../../components/RelativeTime.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFidelity, type FidelityData } from './calendar-queries.ts';

type Slot = FidelityData['slots'][number];
type Outcome = Slot['outcome'];

const OUTCOMES: Record<Outcome, { label: string; color: string }> = {
  on_time: { label: 'On time', color: 'success' },
  late: { label: 'Late', color: 'warning' },
  waiting: { label: 'Waiting', color: 'processing' },
  skipped: { label: 'Skipped by policy', color: 'default' },
  missed: { label: 'Missed', color: 'error' },
};

/** What became of every slot of the job's schedule in the last days, newest first. */
export function FidelityPanel({ jobId }: { jobId: string }) {
  const [days, setDays] = useState(7);
  const [only, setOnly] = useState<Outcome[]>([]);
  const fidelity = useFidelity(jobId, days);
  if (fidelity.isError && !fidelity.data)
    return <PageError error={fidelity.error} retry={() => void fidelity.refetch()} />;
  const data = fidelity.data;
  const slots = (data?.slots ?? []).filter((s) => only.length === 0 || only.includes(s.outcome)).reverse();
  const tolerance = data ? formatDuration(data.tolerance_ms) : '1 min';

  return (
    <>
      <Typography.Paragraph type="secondary">
        Every slot of the schedule: ran on time (started within {tolerance}), ran late, is waiting in its queue, was
        skipped by the overlap or misfire policy, or was missed (no run and no record why). Slots are those of the
        schedule as it is now, plus any slot a run or a skip was recorded for.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="fidelity-days">Last</label>
        <Select
          id="fidelity-days"
          value={days}
          onChange={setDays}
          options={[1, 7, 14, 30].map((d) => ({ value: d, label: `${d} day${d === 1 ? '' : 's'}` }))}
          style={{ width: 110 }}
        />
        <Select
          mode="multiple"
          allowClear
          aria-label="Show only these outcomes"
          placeholder="All outcomes"
          value={only}
          onChange={setOnly}
          options={Object.entries(OUTCOMES).map(([value, o]) => ({ value, label: o.label }))}
          style={{ minWidth: 200 }}
        />
      </Space>
      {data && (
        <Space wrap style={{ marginBottom: 12 }} aria-label="Slots by outcome" role="group">
          {(Object.keys(OUTCOMES) as Outcome[]).map((o) => (
            <Tag key={o} color={OUTCOMES[o].color} data-testid={`fidelity-${o}`}>
              {OUTCOMES[o].label}: {data.counts[o]}
            </Tag>
          ))}
        </Space>
      )}
      {data?.truncated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`Too many slots to list: showing those since ${formatAbsolute(data.from)}.`}
        />
      )}
      <div className="jd-table-wrap">
        <Table<Slot>
          rowKey="slot"
          size="small"
          loading={fidelity.isPending}
          dataSource={slots}
          locale={{ emptyText: only.length ? 'No slot with these outcomes.' : 'No slot in this period.' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: 'Slot', dataIndex: 'slot', render: (t: string) => <time dateTime={t}>{formatAbsolute(t)}</time> },
            {
              title: 'Outcome',
              dataIndex: 'outcome',
              render: (o: Outcome) => (
                <Tag color={OUTCOMES[o].color} data-outcome={o}>
                  {OUTCOMES[o].label}
                </Tag>
              ),
            },
            {
              title: 'Lateness',
              dataIndex: 'lateness_ms',
              render: (ms: number | null) => (ms === null ? '—' : formatDuration(ms)),
            },
            {
              title: 'Run',
              key: 'run',
              render: (_, s) =>
                s.run_id === null ? (
                  '—'
                ) : (
                  <Space size={4}>
                    <Link to={`/runs/${s.run_id}`}>Run {s.run_id}</Link>
                    {s.run_status && <StatusBadge status={s.run_status} />}
                  </Space>
                ),
            },
            { title: 'Why', dataIndex: 'reason', responsive: ['md'], render: (r: string | null) => r ?? '' },
          ]}
        />
      </div>
    </>
  );
}
