import { Tag } from 'antd';

/** Colours per run status; unknown statuses (or skipped/missed slots) show in grey. */
const COLORS: Record<string, string> = {
  QUEUED: 'default',
  RUNNING: 'processing',
  CANCELLING: 'processing',
  WAITING: 'cyan',
  SUCCESS: 'success',
  PARTIAL_SUCCESS: 'warning',
  WARNING: 'warning',
  FAILED: 'error',
  CANCELLED: 'warning',
  SKIPPED: 'default',
  MISSED: 'default',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Tag color={COLORS[status] ?? 'default'} data-status={status}>
      {status}
    </Tag>
  );
}
