import { Button, Flex, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { MAX_ATTEMPTS_LIMIT } from '../../../../src/domain/retry-policy.ts';

/** A webhook as the form holds it: `had_secret` says the API has one stored ("set"). */
export interface WebhookValue {
  url: string;
  secret: string;
  had_secret: boolean;
}

const seconds = { min: 0, precision: 0, addonAfter: 's', style: { width: 200 } } as const;

/** Retries and the timeout (domain/retry-policy.ts): the Advanced section's "Reliability" part. */
export function ReliabilityFields() {
  return (
    <>
      <Typography.Title level={5}>Reliability</Typography.Title>
      <Flex wrap gap={16}>
        <Form.Item
          label="Max attempts"
          name="max_attempts"
          extra="Attempts including the first"
          rules={[{ required: true, message: 'At least 1.' }]}
        >
          <InputNumber min={1} max={MAX_ATTEMPTS_LIMIT} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label="Timeout"
          name="timeout_seconds"
          extra="Empty = the task's default; the run ends FAILED 'timed out' after this"
          style={{ maxWidth: 320 }}
        >
          <InputNumber {...seconds} min={1} placeholder="Task default" />
        </Form.Item>
      </Flex>
      <Flex wrap gap={16}>
        <Form.Item
          label="Retry backoff"
          name="retry_backoff_seconds"
          extra="Wait before the 2nd attempt; doubles for each further one"
          rules={[{ required: true, message: 'Give a wait (0 for none).' }]}
          style={{ maxWidth: 320 }}
        >
          <InputNumber {...seconds} />
        </Form.Item>
        <Form.Item
          label="Longest backoff"
          name="retry_backoff_max_seconds"
          extra="The longest wait between attempts"
          rules={[{ required: true, message: 'Give a wait (0 for none).' }]}
        >
          <InputNumber {...seconds} />
        </Form.Item>
      </Flex>
      <Form.Item
        label="Retry partial success"
        name="retry_partial"
        valuePropName="checked"
        extra="Retry a run that ends PARTIAL_SUCCESS like a failed one"
      >
        <Switch />
      </Form.Item>
    </>
  );
}

/** Signed webhooks and the long-run alert: the Advanced section's "Notifications" part. */
export function NotificationFields() {
  return (
    <>
      <Typography.Title level={5}>Notifications</Typography.Title>
      <Form.Item
        label="Notify when a run takes longer than"
        name="notify_running_longer_than"
        extra="Seconds; the recipients are told once. Empty = off"
      >
        <InputNumber {...seconds} min={1} placeholder="Off" />
      </Form.Item>
      <Form.Item
        label="Notify when slower than usual"
        name={['history_alerts', 'slower_than_p95']}
        extra="× the p95 duration of this job's recent successful runs (e.g. 2); told once per run. Empty = off"
      >
        <InputNumber min={1} max={100} step={0.5} placeholder="Off" addonAfter="× p95" style={{ width: 180 }} />
      </Form.Item>
      <Form.Item
        label="p95 over the last"
        name={['history_alerts', 'p95_runs']}
        extra="Successful runs (5–500, default 50); the alert waits for at least 5"
      >
        <InputNumber min={5} max={500} placeholder="50" addonAfter="runs" style={{ width: 180 }} />
      </Form.Item>
      <Form.Item
        label="Notify after failures in a row"
        name={['history_alerts', 'after_failures']}
        extra="Told once per streak; stopped runs are skipped. Empty = off"
      >
        <InputNumber min={1} max={100} precision={0} placeholder="Off" addonAfter="failures" style={{ width: 180 }} />
      </Form.Item>
      <Form.List name="notification_webhooks">
        {(items, { add, remove }, { errors }) => (
          <Form.Item
            label="Webhooks"
            extra="A signed JSON POST on the statuses chosen above, missed slots and long runs"
          >
            {items.map((item, i) => (
              <WebhookRow key={item.key} name={item.name} index={i} onRemove={() => remove(item.name)} />
            ))}
            <Button onClick={() => add({ url: '', secret: '', had_secret: false })}>Add webhook</Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
    </>
  );
}

function WebhookRow({ name, index, onRemove }: { name: number; index: number; onRemove: () => void }) {
  const form = Form.useFormInstance();
  const hadSecret = Form.useWatch(['notification_webhooks', name, 'had_secret'], form) as boolean | undefined;
  return (
    <Flex gap={8} align="start" wrap data-testid={`webhook-${index + 1}`}>
      <Form.Item
        name={[name, 'url']}
        label={`Webhook ${index + 1} URL`}
        rules={[{ required: true, whitespace: true, message: 'Give the URL, or remove the webhook.' }]}
        style={{ flex: '2 1 260px', marginBottom: 12 }}
      >
        <Input placeholder="https://hooks.example.org/jobdeck" inputMode="url" />
      </Form.Item>
      <Form.Item
        name={[name, 'secret']}
        label={`Webhook ${index + 1} secret`}
        style={{ flex: '1 1 180px', marginBottom: 12 }}
      >
        {/* Write-only: a stored secret is never sent to the browser, only that one is "set". */}
        <Input.Password
          placeholder={hadSecret ? 'secret set — leave to keep' : 'No signature'}
          autoComplete="new-password"
          visibilityToggle={false}
        />
      </Form.Item>
      <Form.Item name={[name, 'had_secret']} hidden valuePropName="checked">
        <Switch />
      </Form.Item>
      <Button onClick={onRemove} aria-label={`Remove webhook ${index + 1}`} style={{ marginTop: 30 }}>
        Remove
      </Button>
    </Flex>
  );
}
