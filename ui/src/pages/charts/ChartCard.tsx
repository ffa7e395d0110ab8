import { Alert, Button, Card, Empty, Skeleton } from 'antd';
import { Suspense, useId, type ReactNode } from 'react';
import { errorMessage } from '../../api/client.ts';

interface ChartCardProps {
  title: string;
  /** A sentence with the chart's key numbers: what a screen reader (and a glance) gets. */
  summary?: ReactNode;
  extra?: ReactNode;
  loading: boolean;
  error: unknown;
  retry: () => void;
  empty: string | null;
  children: ReactNode;
  testId?: string;
}

/**
 * One chart with its title and states: loading, error (with retry), empty (with why) or the
 * chart, whose code (the chart library) loads on first use, not with the page.
 */
export function ChartCard({ title, summary, extra, loading, error, retry, empty, children, testId }: ChartCardProps) {
  const id = useId();
  const skeleton = <Skeleton.Node active style={{ width: '100%', height: 220 }} />;
  let body: ReactNode;
  if (loading) body = <div aria-busy="true">{skeleton}</div>;
  else if (error)
    body = (
      <Alert
        type="error"
        showIcon
        message="The chart could not be loaded"
        description={errorMessage(error)}
        action={<Button onClick={retry}>Try again</Button>}
      />
    );
  else if (empty) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  else body = <Suspense fallback={skeleton}>{children}</Suspense>;
  return (
    <Card size="small" title={<span id={id}>{title}</span>} extra={extra} style={{ marginBottom: 16 }}>
      <figure aria-labelledby={id} data-testid={testId} style={{ margin: 0, minWidth: 0 }}>
        {summary && !loading && !error && !empty && (
          <figcaption style={{ marginBottom: 8, color: 'rgba(0,0,0,0.65)' }}>{summary}</figcaption>
        )}
        {body}
      </figure>
    </Card>
  );
}
