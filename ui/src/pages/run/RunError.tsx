import { Alert, Collapse, Typography } from 'antd';

/**
 * A failed run's message is the error with its stack ("TypeError: boom\n    at …"): the
 * message shows, the stack folds away.
 */
export function splitStack(text: string): { message: string; stack: string } {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => /^\s+at\s/.test(line));
  if (at <= 0) return { message: text, stack: '' };
  return { message: lines.slice(0, at).join('\n'), stack: lines.slice(at).join('\n') };
}

export function RunError({ text, failed }: { text: string; failed: boolean }) {
  const { message, stack } = splitStack(text);
  return (
    <Alert
      type={failed ? 'error' : 'info'}
      showIcon
      data-testid="run-message"
      message={<span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message}</span>}
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
