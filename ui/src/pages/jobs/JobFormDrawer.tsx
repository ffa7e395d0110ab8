import {
  Alert,
  App as AntApp,
  Button,
  Collapse,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useQueues, useTasks } from '../../api/queries.ts';
import type { FieldError, JobResource, JsonObject } from '../../api/types.ts';
import { PageLoading } from '../../components/PageState.tsx';
import { parseCustomArgs } from './custom-args.ts';
import { CustomArgsField } from './CustomArgsField.tsx';
import { NotificationFields, ReliabilityFields } from './JobAdvancedFields.tsx';
import { sortFieldErrors } from './job-form-errors.ts';
import { ADVANCED_FIELDS, FORM_FIELDS, toFormValues, toJobInput, type JobFormValues } from './job-form-values.ts';
import { useJobMutations } from './job-mutations.ts';
import { FINAL_STATUSES } from '../../../../src/domain/run-status.ts';
import { OWNER_MAX, TITLE_MAX } from '../../../../src/domain/job-contract.ts';

const ArgsForm = lazy(() => import('./args/ArgsForm.tsx'));

const OVERLAP = [
  { value: 'skip', label: 'Skip the slot while a run is queued or running' },
  { value: 'queue', label: 'Queue one run behind the active one' },
  { value: 'allow', label: 'Allow runs to overlap' },
];
const MISFIRE = [
  { value: 'once', label: 'Run once for all missed slots' },
  { value: 'all', label: 'Run every missed slot' },
  { value: 'skip', label: 'Skip missed slots' },
];

export interface JobFormDrawerProps {
  /** The job to edit; none to create one. */
  job?: JobResource;
  open: boolean;
  onClose: () => void;
  onSaved: (job: JobResource) => void;
}

/** Create or edit a job: name, description, queue, task, active, notifications, Advanced. */
export default function JobFormDrawer({ job, open, onClose, onSaved }: JobFormDrawerProps) {
  const [form] = Form.useForm<JobFormValues>();
  const tasks = useTasks();
  const queues = useQueues();
  const mutations = useJobMutations();
  const { message } = AntApp.useApp();
  const [args, setArgs] = useState<JsonObject>((job?.args as JsonObject | undefined) ?? {});
  const [argErrors, setArgErrors] = useState<FieldError[]>([]);
  const [otherError, setOtherError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [advancedOpen, setAdvancedOpen] = useState<string[]>([]);
  const taskId = Form.useWatch('task', form) ?? job?.task;
  // Fields the host's code sets at each start: the API refuses changes to them (409).
  const managed = new Set(job?.managed_fields ?? []);
  const task = useMemo(() => tasks.data?.find((t) => t.id === taskId), [tasks.data, taskId]);

  const initialValues = toFormValues(job);

  const submit = async (values: JobFormValues) => {
    const custom = parseCustomArgs(values.custom_args);
    if (!custom.ok) return; // the field's rule already shows why
    setSaving(true);
    setOtherError(null);
    setArgErrors([]);
    const input = toJobInput(values, args, custom.value);
    try {
      const saved = job ? await mutations.update(job.id, input) : await mutations.create(input);
      message.success(job ? `“${saved.title}” saved` : `“${saved.title}” created`);
      onSaved(saved);
    } catch (error) {
      showApiErrors(error);
    } finally {
      setSaving(false);
    }
  };

  /** Field errors go under their fields (opening Advanced if needed); the rest above the form. */
  const showApiErrors = (error: unknown) => {
    if (!(error instanceof ApiError) || error.errors.length === 0) return setOtherError(errorMessage(error));
    const { byField, forArgs, rest } = sortFieldErrors(error.errors, FORM_FIELDS);
    // The paths are the form's own (list items included); antd's types only know fixed ones.
    form.setFields(byField as Parameters<typeof form.setFields>[0]);
    setArgErrors(forArgs);
    if (forArgs.length || byField.some((f) => ADVANCED_FIELDS.includes(String(f.name[0])))) {
      setAdvancedOpen(['advanced']);
    }
    setOtherError(
      rest.length ? `${error.message} ${rest.join(' ')}` : byField.length || forArgs.length ? null : error.message,
    );
  };

  return (
    <Drawer
      title={job ? `Edit “${job.title}”` : 'Create job'}
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            Save
          </Button>
        </Space>
      }
    >
      {otherError && <Alert type="error" showIcon title={otherError} style={{ marginBottom: 16 }} role="alert" />}
      {managed.size > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Declared in code (key “${job?.key}”): ${[...managed].join(', ')} can only be changed there.`}
        />
      )}
      <Form<JobFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        requiredMark="optional"
      >
        <Form.Item
          label="Name"
          name="title"
          rules={[{ required: true, whitespace: true, message: 'Give the job a name.' }]}
        >
          <Input maxLength={TITLE_MAX} autoFocus disabled={managed.has('title')} />
        </Form.Item>
        <Form.Item label="Description" name="description">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} disabled={managed.has('description')} />
        </Form.Item>
        <Form.Item label="Owner" name="owner" tooltip="Who to ask about this job: a person, team or address">
          <Input maxLength={OWNER_MAX} placeholder="ops@example.org" disabled={managed.has('owner')} />
        </Form.Item>
        <Form.Item label="Task" name="task" rules={[{ required: true, message: 'Choose the task the job runs.' }]}>
          <Select
            disabled={managed.has('task')}
            showSearch={{ optionFilterProp: 'search' }}
            loading={tasks.isPending}
            placeholder="Choose a task"
            onChange={() => {
              // Another task takes other arguments.
              setArgs({});
              setArgErrors([]);
            }}
            options={tasks.data?.map((t) => ({
              value: t.id,
              search: `${t.title} ${t.id} ${t.description}`,
              label: (
                <Flex vertical>
                  <span>{t.title}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                    {t.description}
                  </Typography.Text>
                </Flex>
              ),
            }))}
            optionRender={(option) => option.label}
            labelRender={(option) => tasks.data?.find((t) => t.id === option.value)?.title ?? option.value}
          />
        </Form.Item>
        <Form.Item label="Queue" name="default_queue" tooltip="Runs go to this queue unless a run asks for another">
          <Select
            disabled={managed.has('default_queue')}
            loading={queues.isPending}
            options={queues.data?.map((q) => ({
              value: q.name,
              label: q.title === q.name ? q.name : `${q.title} (${q.name})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          label="Active"
          name="active"
          valuePropName="checked"
          tooltip="Only active jobs run on their schedule"
        >
          <Switch disabled={managed.has('active')} />
        </Form.Item>
        <Form.Item
          label="Notification e-mails"
          name="notification_emails"
          tooltip="Who gets an e-mail when a run ends with one of the statuses below"
        >
          <Select
            mode="tags"
            tokenSeparators={[',', ' ']}
            placeholder="ops@example.org"
            open={false}
            suffixIcon={null}
          />
        </Form.Item>
        <Form.Item label="Notify on" name="notification_statuses">
          <Select
            mode="multiple"
            placeholder="No notifications"
            options={FINAL_STATUSES.map((s) => ({ value: s, label: s }))}
          />
        </Form.Item>
        <Collapse
          activeKey={advancedOpen}
          onChange={(keys) => setAdvancedOpen(keys as string[])}
          items={[
            {
              key: 'advanced',
              label: 'Advanced',
              forceRender: true,
              children: (
                <>
                  <Form.Item label="When a scheduled slot comes while a run is active" name="overlap_policy">
                    <Select options={OVERLAP} />
                  </Form.Item>
                  <Form.Item label="Slots missed while no scheduler ran" name="misfire_policy">
                    <Select options={MISFIRE} />
                  </Form.Item>
                  <ReliabilityFields />
                  <NotificationFields />
                  <Typography.Title level={5}>Saved run arguments</Typography.Title>
                  {task ? (
                    <Suspense fallback={<PageLoading />}>
                      <ArgsForm
                        schema={task.args_schema as JsonObject}
                        value={args}
                        onChange={setArgs}
                        errors={argErrors}
                        idPrefix="job-args"
                      />
                    </Suspense>
                  ) : (
                    <Typography.Paragraph type="secondary">Choose a task to set its arguments.</Typography.Paragraph>
                  )}
                  <CustomArgsField tooltip="When set, runs get exactly this object instead of the arguments above" />
                </>
              ),
            },
          ]}
        />
      </Form>
    </Drawer>
  );
}
