import { Alert, Collapse, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useLastSuccess, useQueues, useTasks } from '../../api/queries.ts';
import type { FieldError, JobResource, JsonObject } from '../../api/types.ts';
import { PageLoading } from '../../components/PageState.tsx';
import { formatAbsolute } from '../../components/RelativeTime.tsx';
import { formatJson, parseCustomArgs } from './custom-args.ts';
import { CustomArgsField } from './CustomArgsField.tsx';
import { useJobMutations } from './job-mutations.ts';
import { TITLE_MAX } from '../../../../src/domain/run-contract.ts';
import { useSession } from '../../app/session.tsx';
import { argFields, operatorEditable, READ_ONLY_WHY } from './args/arg-rights.ts';

const ArgsForm = lazy(() => import('./args/ArgsForm.tsx'));

/** Configure and run: what the jobs list, the job page and the run page ("Edit and run again") pass. */
interface RunDialogProps {
  job: JobResource;
  /** Arguments to prefill (e.g. those of an earlier run); the job's saved args otherwise. */
  initialArgs?: JsonObject;
  initialTitle?: string;
  initialQueue?: string;
  open: boolean;
  onClose: () => void;
}

interface Values {
  title: string;
  queue: string;
  since: Dayjs | null;
  custom_args: string;
}

/**
 * Queues one run of the job with the arguments set here (the job itself is not changed), then
 * opens the new run's page.
 */
function RunDialog({ job, initialArgs, initialTitle, initialQueue, open, onClose }: RunDialogProps) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const tasks = useTasks();
  const queues = useQueues();
  const lastSuccess = useLastSuccess(job.id, open);
  const mutations = useJobMutations();
  const task = useMemo(() => tasks.data?.find((t) => t.id === job.task), [tasks.data, job.task]);
  // An operator runs what an admin saved, changing only what the task lets operators set.
  const limited = !useSession().can('admin');
  const editable = operatorEditable(task?.args_schema as JsonObject | undefined);
  const readOnlyFields = limited
    ? argFields(task?.args_schema as JsonObject | undefined).filter((f) => !editable.includes(f))
    : [];
  const sinceReadOnly = limited && !editable.includes('since');
  const [args, setArgs] = useState<JsonObject>(initialArgs ?? (job.args as JsonObject));
  const [argErrors, setArgErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [advanced, setAdvanced] = useState<string[]>(job.custom_args ? ['advanced'] : []);

  const submit = async (values: Values) => {
    const custom = parseCustomArgs(values.custom_args);
    if (!custom.ok) return;
    setRunning(true);
    setError(null);
    setArgErrors([]);
    try {
      const run = await mutations.run(job.id, {
        title: values.title.trim() || job.title,
        queue: values.queue,
        args,
        since: values.since ? values.since.toISOString() : null,
        custom_args: custom.value,
      });
      onClose();
      void navigate(`/runs/${run.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) {
        const forArgs = e.errors.filter((f) => f.field === 'args' || f.field.startsWith('args.'));
        setArgErrors(forArgs);
        const fields = ['title', 'queue', 'since', 'custom_args'] as const;
        form.setFields(
          fields.map((name) => ({
            name,
            errors: e.errors
              .filter((f) => f.field.split('.')[0] === name)
              // `custom_args.seconds`: name the bad key, as the whole JSON is one field here.
              .flatMap((f) => {
                const key = f.field.slice(name.length + 1);
                return f.messages.map((m) => (key ? `${key}: ${m}` : m));
              }),
          })),
        );
        const known = new Set<string>(['args', ...fields]);
        const rest = e.errors.filter((f) => !known.has(f.field.split('.')[0] ?? ''));
        setError(
          rest.length ? `${e.message} ${rest.map((f) => `${f.field}: ${f.messages.join(' ')}`).join(' ')}` : null,
        );
        if (e.errors.some((f) => f.field.startsWith('custom_args'))) setAdvanced(['advanced']);
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setRunning(false);
    }
  };

  const last = lastSuccess.data;
  return (
    <Modal
      title={`Configure and run “${job.title}”`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Run"
      okButtonProps={{ loading: running }}
      width={720}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {limited && task && (
        <Alert
          type="info"
          showIcon
          data-testid="operator-limits"
          style={{ marginBottom: 16 }}
          title={
            editable.length
              ? `Your role may change only: ${editable.join(', ')}. The other arguments are read-only: changing them needs an admin.`
              : 'Your role may run this job with its saved arguments; changing them needs an admin.'
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: initialTitle ?? job.title,
          queue: initialQueue ?? job.default_queue,
          since: null,
          custom_args: formatJson(job.custom_args),
        }}
      >
        <Form.Item label="Title" name="title">
          <Input maxLength={TITLE_MAX} />
        </Form.Item>
        <Form.Item label="Queue" name="queue">
          <Select options={queues.data?.map((q) => ({ value: q.name, label: q.title }))} loading={queues.isPending} />
        </Form.Item>
        <Form.Item
          label="Since"
          name="since"
          extra={
            <span data-testid="since-hint">
              Empty = continue from the last successful run
              {lastSuccess.isPending
                ? '.'
                : last?.started_at
                  ? ` (started ${formatAbsolute(last.started_at)}).`
                  : ' (there is none yet: the task gets no since).'}
              {sinceReadOnly && ` ${READ_ONLY_WHY}`}
            </span>
          }
        >
          <DatePicker
            showTime
            allowClear
            style={{ width: '100%' }}
            placeholder="Last successful run"
            disabled={sinceReadOnly}
          />
        </Form.Item>
        <Typography.Title level={5}>Arguments</Typography.Title>
        {task ? (
          <Suspense fallback={<PageLoading />}>
            <ArgsForm
              schema={task.args_schema as JsonObject}
              value={args}
              onChange={setArgs}
              errors={argErrors}
              idPrefix="run-args"
              readOnlyFields={readOnlyFields}
            />
          </Suspense>
        ) : tasks.isPending ? (
          <PageLoading />
        ) : (
          <Alert type="warning" showIcon title={`The task “${job.task}” is not registered on this server.`} />
        )}
        <Collapse
          activeKey={advanced}
          onChange={(keys) => setAdvanced(keys as string[])}
          items={[
            {
              key: 'advanced',
              label: 'Advanced',
              forceRender: true,
              children: (
                <>
                  <Typography.Text strong>Default args of the job</Typography.Text>
                  <pre
                    aria-label="Default args"
                    style={{ background: '#f5f5f5', padding: 8, borderRadius: 4, maxHeight: 160, overflow: 'auto' }}
                  >
                    {formatJson(job.args) || '{}'}
                  </pre>
                  <CustomArgsField
                    tooltip="When set, the run gets exactly this object instead of the arguments above"
                    readOnlyWhy={limited ? READ_ONLY_WHY : undefined}
                  />
                </>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}

export default RunDialog;
