import { App as AntApp, Button, Radio, Space, Tooltip, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, errorMessage } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { filterOf, type RunsQuery } from './run-filters.ts';

type Action = 'stop' | 'rerun' | 'delete';
const LABELS: Record<Action, { button: string; verb: string; done: string }> = {
  stop: { button: 'Stop', verb: 'stop', done: 'stopped' },
  rerun: { button: 'Run again', verb: 'run again with the same arguments', done: 'queued again' },
  delete: { button: 'Delete', verb: 'delete (with their logs)', done: 'deleted' },
};
const WHAT_APPLIES: Record<Action, string> = {
  stop: 'queued, running or waiting runs',
  rerun: 'ended top-level runs',
  delete: 'ended runs',
};

interface Props {
  query: RunsQuery;
  selected: number[];
  /** Matches of the filter (capped), to label "everything matching". */
  total: number;
  more: boolean;
  onDone: () => void;
}

/**
 * Bulk actions on the selected runs or on everything the filter matches. The server counts what
 * the action would touch first; the operator confirms that count; the server does the work in
 * batches and audits it once.
 */
export function BulkActions({ query, selected, total, more, onDone }: Props) {
  const { can, identity } = useSession();
  const { message, modal } = AntApp.useApp();
  const client = useQueryClient();
  const [scope, setScope] = useState<'selected' | 'filter'>('selected');
  const [busy, setBusy] = useState<Action | null>(null);
  const bySelection = scope === 'selected';
  const body = () => (bySelection ? { ids: selected } : { filter: filterOf(query) });

  if (!can('run')) {
    return (
      <Typography.Text type="secondary" data-testid="bulk-readonly">
        Your role ({identity.role}) may look at runs; stopping, re-running and deleting need an operator or admin.
      </Typography.Text>
    );
  }

  const start = async (action: Action) => {
    setBusy(action);
    try {
      const count = await call(api.POST('/runs/bulk/count', { body: { action, ...body() } }));
      if (count.eligible === 0) {
        message.info(
          `None of these runs can be ${LABELS[action].done}: the action applies to ${WHAT_APPLIES[action]}.`,
        );
        return;
      }
      if (count.more) {
        modal.warning({
          title: 'Too many runs',
          content: `More than ${count.max.toLocaleString()} runs match; a bulk action handles at most ${count.max.toLocaleString()}. Narrow the filter.`,
        });
        return;
      }
      // Not busy while the dialog waits: a spinner would run on behind it.
      setBusy(null);
      const confirmed = await modal.confirm({
        title: `${LABELS[action].button}: ${count.eligible.toLocaleString()} runs`,
        content: (
          <span data-testid="bulk-confirm-count">
            {count.eligible.toLocaleString()} of the {count.matched.toLocaleString()} matching runs will be{' '}
            {LABELS[action].done} ({LABELS[action].verb}). The action is recorded once in the audit log.
          </span>
        ),
        okText: `${LABELS[action].button} ${count.eligible.toLocaleString()} runs`,
        okButtonProps: { danger: action !== 'rerun' },
      });
      if (!confirmed) return;
      setBusy(action);
      const result = await call(api.POST(`/runs/bulk/${action}`, { body: body() }));
      const skipped = result.skipped ? `; ${result.skipped} skipped (${result.reasons[0]?.message ?? ''})` : '';
      message.success(`${result.done.toLocaleString()} runs ${LABELS[action].done}${skipped}`);
      void client.invalidateQueries({ queryKey: ['runs'] });
      onDone();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const empty = bySelection && selected.length === 0;
  const emptyWhy = 'Select runs in the table, or choose "everything matching".';
  const button = (action: Action, allowed: boolean, why: string) => (
    <Tooltip title={!allowed ? why : empty ? emptyWhy : undefined}>
      <Button
        onClick={() => void start(action)}
        disabled={!allowed || empty}
        loading={busy === action}
        danger={action !== 'rerun'}
        data-testid={`bulk-${action}`}
      >
        {LABELS[action].button}
      </Button>
    </Tooltip>
  );
  return (
    <Space wrap aria-label="Bulk actions" role="group">
      <Radio.Group
        value={scope}
        onChange={(e) => setScope(e.target.value as 'selected' | 'filter')}
        optionType="button"
        aria-label="Which runs"
        options={[
          { value: 'selected', label: `Selected (${selected.length})` },
          {
            value: 'filter',
            label: `Everything matching (${total.toLocaleString()}${more ? '+' : ''})`,
          },
        ]}
      />
      {button('stop', true, '')}
      {button('rerun', true, '')}
      {button('delete', can('admin'), 'Deleting runs needs the admin role.')}
    </Space>
  );
}
