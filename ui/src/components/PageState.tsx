import { Button, Result, Spin } from 'antd';
import { errorMessage } from '../api/client.ts';

/** Shown while a page or its data loads. */
export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }} role="status" aria-label="Loading">
      <Spin size="large" />
    </div>
  );
}

/** A failed load, with the API's message and a retry. */
export function PageError({ error, retry }: { error: unknown; retry?: () => void }) {
  const status = (error as { status?: number }).status;
  return (
    <Result
      status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
      title={status === 404 ? 'Not found' : status === 403 ? 'Not allowed' : 'Something went wrong'}
      subTitle={errorMessage(error)}
      extra={retry && <Button onClick={retry}>Try again</Button>}
    />
  );
}
