import { Alert, Collapse, Typography } from 'antd';
import type { RunStatus } from '../../../../src/domain/run-status.ts';

/**
 * Runs that failed before stack traces were kept apart have the stack in their message
 * ("TypeError: boom\n    at …"): the message shows, the stack folds away.
 */
function splitStack(text: string): { message: string; stack: string } {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => /^\s+at\s/.test(line));
  if (at <= 0) return { message: text, stack: '' };
  return { message: lines.slice(0, at).join('\n'), stack: lines.slice(at).join('\n') };
}

/** How the message reads: an error, a warning (partial success, cancelled) or plain information. */
const TONES: Record<RunStatus, 'error' | 'warning' | 'info'> = {
  QUEUED: 'info',
  RUNNING: 'info',
  WAITING: 'info',
  SUCCESS: 'info',
  WARNING: 'warning',
  PARTIAL_SUCCESS: 'warning',
  CANCELLING: 'warning',
  CANCELLED: 'warning',
  FAILED: 'error',
};
const tone = (status: string) => (TONES as Record<string, (typeof TONES)[RunStatus]>)[status] ?? 'info';

/** The run's message; the stack trace (sent to admins only) folded beneath it. */
export function RunError({ text, status, errorStack }: { text: string; status: string; errorStack?: string | null }) {
  const split = splitStack(text);
  const message = split.message;
  const stack = errorStack ? errorStack.split('\n').slice(1).join('\n') || errorStack : split.stack;
  return (
    <Alert
      type={tone(status)}
      showIcon
      data-testid="run-message"
      title={<span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message}</span>}
      description={
        stack && (
          <Collapse
            ghost
            size="small"
            items={[
              {
                key: 'stack',
                label: 'Stack trace',
                children: (
                  <Typography.Paragraph
                    copyable={{ text: stack }}
                    style={{ whiteSpace: 'pre', overflowX: 'auto', fontFamily: 'monospace', fontSize: 12, margin: 0 }}
                  >
                    {stack}
                  </Typography.Paragraph>
                ),
              },
            ]}
          />
        )
      }
    />
  );
}
