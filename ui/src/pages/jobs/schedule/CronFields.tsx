import { Flex, Form, Input } from 'antd';
import { Cron } from 'react-js-cron';
import 'react-js-cron/dist/styles.css';
import { CRON_FIELDS, fromExpression, toExpression, type CronParts } from './cron-parts.ts';

/**
 * A crontab both ways: the visual editor (react-js-cron) for the common cases and the five raw
 * fields for anything it cannot draw (lists, names like mon-fri). Both edit the same value.
 */
export default function CronFields({ value, onChange }: { value: CronParts; onChange: (value: CronParts) => void }) {
  const expression = toExpression(value);
  return (
    <>
      <Form.Item label="Visual editor">
        <Cron
          value={expression}
          setValue={(next: string) => {
            const parts = fromExpression(next);
            // The editor re-emits what it was given: only a real change goes back up.
            if (parts && next !== expression) onChange(parts);
          }}
          clearButton={false}
          leadingZero
          clockFormat="24-hour-clock"
          humanizeLabels
          displayError={false}
          allowedPeriods={['year', 'month', 'week', 'day', 'hour', 'minute']}
        />
      </Form.Item>
      <Flex gap={8} wrap>
        {CRON_FIELDS.map((field) => (
          <Form.Item
            key={field.key}
            label={field.label}
            style={{ flex: '1 1 90px', marginBottom: 8 }}
            htmlFor={`cron-${field.key}`}
          >
            <Input
              id={`cron-${field.key}`}
              value={value[field.key]}
              onChange={(e) => onChange({ ...value, [field.key]: e.target.value })}
              spellCheck={false}
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
        ))}
      </Flex>
    </>
  );
}
