import { App as AntApp, Button, Popconfirm, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/client.ts';
import type { JobResource, JsonObject, RunResource } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { STOPPABLE_STATUSES } from '../../../../src/domain/run-status.ts';
import { useRunActions } from './run-queries.ts';

// The configure-and-run dialog carries the forms library: it loads when first opened.
const RunDialog = lazy(() => import('../jobs/RunDialog.tsx'));

/** Stop (with confirmation), Run again (same arguments), Edit and run again. Operators and admins. */
export function RunActions({ run, job }: { run: RunResource; job: JobResource | undefined }) {
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const actions = useRunActions();
  const [busy, setBusy] = useState<'stop' | 'again' | null>(null);
  const [editing, setEditing] = useState(false);
  if (!can('run')) return null;

  const stop = async () => {
    setBusy('stop');
    try {
      const stopped = await actions.stop(run);
      message.success(stopped.status === 'CANCELLED' ? 'Run cancelled' : 'Stopping the run…');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  const again = async () => {
    setBusy('again');
    try {
      const created = await actions.runAgain(run);
      message.success(`Run ${created.id} queued`);
      void navigate(`/runs/${created.id}`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap>
      {STOPPABLE_STATUSES.includes(run.status) && (
        <Popconfirm
          title="Stop this run?"
          description={
            run.status === 'QUEUED' ? 'It has not started: it will be cancelled.' : 'The task is asked to stop at once.'
          }
          okText="Stop"
          okButtonProps={{ danger: true }}
          cancelText="Keep running"
          onConfirm={stop}
        >
          <Button danger loading={busy === 'stop'}>
            Stop
          </Button>
        </Popconfirm>
      )}
      <Button onClick={again} loading={busy === 'again'}>
        Run again
      </Button>
      <Button onClick={() => setEditing(true)} disabled={!job}>
        Edit and run again…
      </Button>
      {editing && job && (
        <Suspense fallback={null}>
          <RunDialog
            job={job}
            open={editing}
            onClose={() => setEditing(false)}
            initialArgs={run.args as JsonObject}
            initialTitle={run.title}
            initialQueue={run.queue}
          />
        </Suspense>
      )}
    </Space>
  );
}
