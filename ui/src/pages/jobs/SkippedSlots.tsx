import { Table, Typography } from 'antd';
import { useState } from 'react';
import { useSkippedSlots } from '../../api/queries.ts';
import type { SkippedSlotWire } from '../../api/types.ts';
import { PageError } from '../../components/PageState.tsx';
import { formatAbsolute, RelativeTime } from '../../components/RelativeTime.tsx';

/** Schedule slots that made no run (overlap or misfire policy), with the reason. */
export function SkippedSlots({ jobId }: { jobId: string }) {
  const [page, setPage] = useState({ page: 1, size: 25 });
  const slots = useSkippedSlots(jobId, page.page, page.size);
  if (slots.isError && !slots.data) return <PageError error={slots.error} retry={() => void slots.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        Slots of the schedule that made no run: skipped while a run was active, or missed while no scheduler ran.
      </Typography.Paragraph>
      <Table<SkippedSlotWire>
        rowKey={(slot) => `${slot.scheduled_for}-${slot.created}`}
        size="small"
        loading={slots.isPending}
        dataSource={slots.data?.hits.hits}
        locale={{ emptyText: 'No skipped or missed slots.' }}
        columns={[
          { title: 'Slot', dataIndex: 'scheduled_for', render: (t: string) => formatAbsolute(t) },
          { title: 'Reason', dataIndex: 'reason' },
          { title: 'Recorded', dataIndex: 'created', render: (t: string) => <RelativeTime value={t} /> },
        ]}
        pagination={{
          current: page.page,
          pageSize: page.size,
          total: slots.data?.hits.total ?? 0,
          hideOnSinglePage: true,
          onChange: (p, size) => setPage({ page: p, size }),
        }}
      />
    </>
  );
}
