import { App as AntApp, Button, Dropdown, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { JobResource } from '../../api/types.ts';
import { useSession } from '../../app/session.tsx';
import { useJobMutations, useToastAction } from './job-mutations.ts';

// Dialogs load on first use: the list stays light and the forms' libraries come with them.
const RunDialog = lazy(() => import('./RunDialog.tsx'));
const ScheduleDialog = lazy(() => import('./ScheduleDialog.tsx'));
const JobFormDrawer = lazy(() => import('./JobFormDrawer.tsx'));

type Open = 'run' | 'schedule' | 'edit' | null;

/**
 * The per-job actions menu (jobs list rows and the job page): Configure and run…, Schedule…,
 * Edit, Activate/Deactivate, Delete. Actions the role may not take are left out.
 */
export function JobActions({
  job,
  size = 'small',
  afterDelete,
}: {
  job: JobResource;
  size?: 'small' | 'middle';
  afterDelete?: () => void;
}) {
  const { can } = useSession();
  const { modal } = AntApp.useApp();
  const mutations = useJobMutations();
  const toast = useToastAction();
  const [open, setOpen] = useState<Open>(null);

  const items: MenuProps['items'] = [
    ...(can('run') ? [{ key: 'run', label: 'Configure and run…' }] : []),
    ...(can('admin')
      ? [
          { key: 'schedule', label: 'Schedule…' },
          { key: 'edit', label: 'Edit' },
          { key: 'toggle', label: job.active ? 'Deactivate' : 'Activate' },
          { type: 'divider' as const },
          { key: 'delete', label: 'Delete', danger: true },
        ]
      : []),
  ];
  if (items.length === 0) return null;

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'run' || key === 'schedule' || key === 'edit') setOpen(key);
    if (key === 'toggle') {
      void toast(
        () => mutations.update(job.id, { active: !job.active }),
        `“${job.title}” ${job.active ? 'deactivated' : 'activated'}`,
      );
    }
    if (key === 'delete') {
      modal.confirm({
        title: `Delete “${job.title}”?`,
        content: 'The job, its runs and their logs are deleted. This cannot be undone.',
        okText: 'Delete',
        okButtonProps: { danger: true },
        onOk: async () => {
          const done = await toast(() => mutations.remove(job.id), `“${job.title}” deleted`);
          if (done) afterDelete?.();
        },
      });
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} autoFocus>
        <Button size={size} aria-label={`Actions for ${job.title}`}>
          Actions ▾
        </Button>
      </Dropdown>
      <Suspense fallback={null}>
        {open === 'run' && <RunDialog job={job} open onClose={() => setOpen(null)} />}
        {open === 'schedule' && <ScheduleDialog job={job} open onClose={() => setOpen(null)} />}
        {open === 'edit' && (
          <JobFormDrawer job={job} open onClose={() => setOpen(null)} onSaved={() => setOpen(null)} />
        )}
      </Suspense>
    </>
  );
}
