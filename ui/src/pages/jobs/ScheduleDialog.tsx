import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Flex,
  Form,
  InputNumber,
  Modal,
  Select,
  Space,
  Tabs,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useSchedulePreview } from '../../api/queries.ts';
import type { JobResource, Schedule } from '../../api/types.ts';
import { PageLoading } from '../../components/PageState.tsx';
import { fromExpression, type CronParts } from './schedule/cron-parts.ts';
import { useJobMutations } from './job-mutations.ts';

// The cron editor (and its styles) load only when the dialog opens.
const CronFields = lazy(() => import('./schedule/CronFields.tsx'));

const UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
type Unit = (typeof UNITS)[number];

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const ZONES = (() => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
})();

interface Draft {
  tab: 'interval' | 'crontab';
  every: number | null;
  unit: Unit;
  startAt: Dayjs | null;
  cron: CronParts;
  timezone: string;
}

function draftOf(schedule: Schedule | null): Draft {
  const draft: Draft = {
    tab: 'crontab',
    every: 1,
    unit: 'hours',
    startAt: null,
    cron: fromExpression('0 3 * * *')!,
    timezone: BROWSER_ZONE,
  };
  if (schedule?.type === 'interval') {
    const unit = UNITS.find((u) => schedule[u]) ?? 'hours';
    return {
      ...draft,
      tab: 'interval',
      unit,
      every: schedule[unit] ?? 1,
      startAt: schedule.start_at ? dayjs(schedule.start_at) : null,
    };
  }
  if (schedule?.type === 'crontab') {
    const { minute, hour, day_of_month, month_of_year, day_of_week, timezone } = schedule;
    return { ...draft, cron: { minute, hour, day_of_month, month_of_year, day_of_week }, timezone };
  }
  return draft;
}

function scheduleOf(draft: Draft): Record<string, unknown> | null {
  if (draft.tab === 'interval') {
    if (!draft.every) return null;
    return {
      type: 'interval',
      [draft.unit]: draft.every,
      ...(draft.startAt && { start_at: draft.startAt.toISOString() }),
    };
  }
  return { type: 'crontab', ...draft.cron, timezone: draft.timezone };
}

/** Waits until the value stops changing, so typing does not send a preview per key. */
function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Sets, changes or removes the job's schedule, with a live preview of the next fire times. */
export default function ScheduleDialog({
  job,
  open,
  onClose,
}: {
  job: JobResource;
  open: boolean;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(job.schedule as Schedule | null));
  const [saving, setSaving] = useState<'save' | 'remove' | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const mutations = useJobMutations();
  const { message } = AntApp.useApp();
  const schedule = useMemo(() => scheduleOf(draft), [draft]);
  const settled = useDebounced(schedule ? JSON.stringify(schedule) : null);
  const preview = useSchedulePreview(settled ? { schedule: settled } : null);
  const change = (part: Partial<Draft>) => setDraft((d) => ({ ...d, ...part }));

  const save = async (next: Record<string, unknown> | null) => {
    setSaving(next ? 'save' : 'remove');
    setSaveError(null);
    try {
      const saved = await mutations.update(job.id, { schedule: next });
      message.success(next ? `Scheduled: ${saved.schedule_description ?? ''}` : 'Schedule removed');
      onClose();
    } catch (e) {
      setSaveError(
        e instanceof ApiError && e.errors.length ? e.errors.flatMap((f) => f.messages).join(' ') : errorMessage(e),
      );
    } finally {
      setSaving(null);
    }
  };

  const previewError =
    preview.error instanceof ApiError && preview.error.errors.length
      ? preview.error.errors.flatMap((f) => f.messages).join(' ')
      : preview.error && errorMessage(preview.error);
  const zone = preview.data?.timezone ?? (draft.tab === 'crontab' ? draft.timezone : 'UTC');

  return (
    <Modal
      title={`Schedule “${job.title}”`}
      open={open}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={
        <Flex justify="space-between" wrap gap={8}>
          <Button danger disabled={!job.schedule} loading={saving === 'remove'} onClick={() => void save(null)}>
            Remove schedule
          </Button>
          <Space>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              type="primary"
              disabled={!schedule || !!previewError}
              loading={saving === 'save'}
              onClick={() => void save(schedule)}
            >
              Save
            </Button>
          </Space>
        </Flex>
      }
    >
      {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 12 }} role="alert" />}
      <Form layout="vertical">
        <Tabs
          activeKey={draft.tab}
          onChange={(tab) => change({ tab: tab as Draft['tab'] })}
          items={[
            {
              key: 'interval',
              label: 'Interval',
              children: (
                <Flex gap={12} wrap align="end">
                  <Form.Item label="Every" htmlFor="interval-every">
                    <Space.Compact>
                      <InputNumber
                        id="interval-every"
                        min={1}
                        max={100000}
                        value={draft.every}
                        onChange={(every) => change({ every })}
                      />
                      <Select<Unit>
                        aria-label="Unit"
                        value={draft.unit}
                        onChange={(unit) => change({ unit })}
                        options={UNITS.map((u) => ({ value: u, label: u }))}
                        style={{ width: 120 }}
                      />
                    </Space.Compact>
                  </Form.Item>
                  <Form.Item label="Starting (optional)" tooltip="The first run; later ones follow at the interval">
                    <DatePicker showTime value={draft.startAt} onChange={(startAt) => change({ startAt })} />
                  </Form.Item>
                </Flex>
              ),
            },
            {
              key: 'crontab',
              label: 'Crontab',
              children: (
                <>
                  <Suspense fallback={<PageLoading />}>
                    <CronFields value={draft.cron} onChange={(cron) => change({ cron })} />
                  </Suspense>
                  <Form.Item label="Time zone" htmlFor="schedule-timezone">
                    <Select
                      id="schedule-timezone"
                      showSearch
                      value={draft.timezone}
                      onChange={(timezone) => change({ timezone })}
                      options={ZONES.map((z) => ({ value: z, label: z }))}
                      style={{ width: 320, maxWidth: '100%' }}
                    />
                  </Form.Item>
                </>
              ),
            },
          ]}
        />
      </Form>
      <section aria-label="Preview" aria-live="polite" data-testid="schedule-preview">
        {previewError ? (
          <Alert type="error" showIcon title={previewError} />
        ) : preview.data ? (
          <>
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {preview.data.description}
            </Typography.Paragraph>
            <table style={{ width: '100%', fontSize: 13 }}>
              <thead>
                <tr>
                  <th style={{ textAlign: 'left' }}>Next runs ({zone})</th>
                  {zone !== BROWSER_ZONE && <th style={{ textAlign: 'left' }}>Your time ({BROWSER_ZONE})</th>}
                </tr>
              </thead>
              <tbody>
                {preview.data.times.map((time) => (
                  <tr key={time}>
                    <td>{wallClock(time)}</td>
                    {zone !== BROWSER_ZONE && <td>{dayjs(time).format('ddd YYYY-MM-DD HH:mm')}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <Typography.Text type="secondary">
            {schedule ? 'Computing the next runs…' : 'Give an interval.'}
          </Typography.Text>
        )}
      </section>
    </Modal>
  );
}

/**
 * A time as the clock on the wall shows it in its zone. The API sends it with that zone's offset
 * (2026-11-26T03:00:00+01:00), so the wall-clock part is read off the text itself.
 */
function wallClock(zoned: string): string {
  const weekday = new Date(`${zoned.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'short',
    timeZone: 'UTC',
  });
  return `${weekday} ${zoned.slice(0, 10)} ${zoned.slice(11, 16)}`;
}
