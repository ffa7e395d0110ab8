import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client.ts';
import type { RunResource } from '../../api/types.ts';

/** Sub-runs offered per page of the picker (the sub-runs API's largest page). */
const PICK_SIZE = 100;

/**
 * Which log the run page shows for a fan-out parent: its own or one sub-run's, chosen from the
 * sub-runs (failed ones first to hand: filter by status), and a link to all of the family's lines
 * in the Logs search, each tagged with its sub-run. Bounded: one page of sub-runs at a time.
 */
export function SubRunLogPicker({
  parent,
  value,
  onChange,
}: {
  parent: RunResource;
  value: RunResource;
  onChange: (run: RunResource) => void;
}) {
  const [status, setStatus] = useState<string | undefined>(parent.failed_subruns > 0 ? 'FAILED,CANCELLED' : undefined);
  const subRuns = useQuery({
    queryKey: ['run', parent.id, 'subruns', 'log-picker', status],
    queryFn: ({ signal }) =>
      call(
        api.GET('/runs/{run_id}/subruns', {
          params: { path: { run_id: parent.id }, query: { size: PICK_SIZE, ...(status && { status }) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const children = subRuns.data?.hits.hits ?? [];
  const options = [
    { value: parent.id, label: `This run (${parent.id})` },
    ...children.map((run) => ({ value: run.id, label: `Sub-run ${run.id}: ${run.title} · ${run.status}` })),
  ];
  if (value.id !== parent.id && !children.some((run) => run.id === value.id)) {
    options.push({ value: value.id, label: `Sub-run ${value.id}: ${value.title}` });
  }
  return (
    <>
      <Select
        aria-label="Log of"
        data-testid="log-subrun"
        showSearch
        optionFilterProp="label"
        value={value.id}
        options={options}
        onChange={(id: number) => onChange(id === parent.id ? parent : children.find((run) => run.id === id)!)}
        style={{ width: 280, maxWidth: '100%' }}
      />
      <Select
        aria-label="Sub-runs listed"
        value={status ?? ''}
        onChange={(next: string) => setStatus(next || undefined)}
        options={[
          { value: '', label: 'All sub-runs' },
          { value: 'FAILED,CANCELLED', label: 'Failed sub-runs' },
          { value: 'RUNNING', label: 'Running sub-runs' },
        ]}
        style={{ width: 150 }}
      />
      <Typography.Text>
        <Link to={`/logs?run=${parent.id}&subruns=true`}>All sub-runs&apos; lines</Link>
      </Typography.Text>
    </>
  );
}
