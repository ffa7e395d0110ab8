import { Table, Typography } from 'antd';
import type { JsonObject, JsonValue } from '../../api/types.ts';

/** `{ field: { from, to } }`: the shape the API gives a change's details. */
function isFieldDiff(details: JsonObject): details is Record<string, { from: JsonValue; to: JsonValue }> {
  const values = Object.values(details);
  return (
    values.length > 0 &&
    values.every(
      (value) =>
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.keys(value).every((key) => key === 'from' || key === 'to'),
    )
  );
}

const show = (value: JsonValue | undefined): string =>
  value === undefined || value === null
    ? '—'
    : value === ''
      ? '(empty)'
      : typeof value === 'string'
        ? value
        : JSON.stringify(value, null, 1);

const cell = (value: JsonValue | undefined, tone?: 'danger' | 'success') => (
  <Typography.Text
    type={tone}
    style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'monospace', fontSize: 12 }}
  >
    {show(value)}
  </Typography.Text>
);

/** An audit entry's details: a field-by-field diff (before → after), or the values recorded. */
export function AuditDetails({ details }: { details: JsonObject }) {
  if (isFieldDiff(details)) {
    const rows = Object.entries(details).map(([field, change]) => ({ field, ...change }));
    return (
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={rows}
        data-testid="audit-diff"
        columns={[
          { title: 'Field', dataIndex: 'field', width: 180 },
          { title: 'Before', dataIndex: 'from', render: (value: JsonValue) => cell(value, 'danger') },
          { title: 'After', dataIndex: 'to', render: (value: JsonValue) => cell(value, 'success') },
        ]}
      />
    );
  }
  // job.create records { after: job }: show the job's fields.
  const values = (
    Object.keys(details).length === 1 &&
    details.after &&
    typeof details.after === 'object' &&
    !Array.isArray(details.after)
      ? details.after
      : details
  ) as JsonObject;
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={Object.entries(values).map(([field, value]) => ({ field, value }))}
      columns={[
        { title: 'Field', dataIndex: 'field', width: 180 },
        { title: 'Value', dataIndex: 'value', render: (value: JsonValue) => cell(value) },
      ]}
    />
  );
}
