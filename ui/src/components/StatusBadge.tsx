import { Tag } from 'antd';
import type { RunStatus } from '../../../src/domain/run-status.ts';

/**
 * Colours per run status (every one of domain/run-status.ts: a new status fails the type check
 * until it has one) and per slot outcome; anything else shows in grey.
 */
const COLORS: Record<RunStatus | 'SKIPPED' | 'MISSED', string> = {
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
    <Tag color={(COLORS as Record<string, string>)[status] ?? 'default'} data-status={status}>
      {status}
    </Tag>
  );
}
