import { Alert, Button, Empty, Grid, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageError, PageLoading } from '../../components/PageState.tsx';
import { useTitle } from '../../hooks/useTitle.ts';
import { useCalendar, type CalendarData } from './calendar-queries.ts';
import { DayEntries, type Entry } from './day-entries.tsx';
import { DAY_MS, browserTimeZone, dayKey, daysFrom, isTimeZone, startOfDay, timeZones } from './zoned.ts';

/** Fires and slot runs of every job, one list per day of the zone shown, in time order. */
function entriesByDay(data: CalendarData, zone: string): Map<string, Entry[]> {
  const days = new Map<string, Entry[]>();
  const add = (entry: Entry) => {
    const key = dayKey(entry.at, zone);
    days.set(key, [...(days.get(key) ?? []), entry]);
  };
  for (const job of data.jobs) {
    const jobZone = job.timezone && job.timezone !== zone ? job.timezone : null;
    const base = { jobId: job.id, title: job.title, schedule: job.schedule_description, jobZone };
    for (const fire of job.fires) add({ ...base, key: `f${job.id}${fire}`, at: Date.parse(fire), run: null });
    for (const run of job.runs) {
      add({ ...base, key: `r${run.id}`, at: Date.parse(run.started_at ?? run.scheduled_for), run });
    }
  }
  for (const list of days.values()) list.sort((a, b) => a.at - b.at || a.title.localeCompare(b.title));
  return days;
}

/** The calendar: what every active schedule will fire, and what its slots did, per day or week. */
export default function CalendarPage() {
  useTitle('Calendar');
  const [params, setParams] = useSearchParams();
  const narrow = !Grid.useBreakpoint().md;
  const view = params.get('view') === 'day' ? 'day' : 'week';
  const asked = params.get('tz') ?? '';
  const zone = asked && isTimeZone(asked) ? asked : browserTimeZone();
  const offset = Number(params.get('offset')) || 0;
  const span = view === 'day' ? 1 : 7;
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const { from, to, days } = useMemo(() => {
    const today = startOfDay(Date.now(), zone);
    const start = startOfDay(today + offset * span * DAY_MS + DAY_MS / 2, zone);
    const end = startOfDay(start + span * DAY_MS + DAY_MS / 2, zone);
    return { from: new Date(start).toISOString(), to: new Date(end).toISOString(), days: daysFrom(start, span, zone) };
    // Recomputed when the view, zone or page changes (not every render: the query key would move).
  }, [zone, offset, span]);
  const calendar = useCalendar(from, to);
  const byDay = useMemo(() => calendar.data && entriesByDay(calendar.data, zone), [calendar.data, zone]);
  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z })), []);
  const empty = calendar.data && calendar.data.jobs.length === 0;
  const truncated = calendar.data?.jobs.some((job) => job.more_fires || job.more_runs);

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Calendar
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label="View"
          value={view}
          onChange={(value) => set({ view: value === 'day' ? 'day' : null, offset: null })}
          options={[
            { value: 'week', label: 'Week' },
            { value: 'day', label: 'Day' },
          ]}
        />
        <Button onClick={() => set({ offset: String(offset - 1) })} aria-label={`Previous ${view}`}>
          ‹ Previous
        </Button>
        <Button onClick={() => set({ offset: null })} disabled={offset === 0}>
          Today
        </Button>
        <Button onClick={() => set({ offset: String(offset + 1) })} aria-label={`Next ${view}`}>
          Next ›
        </Button>
        <label htmlFor="calendar-zone">Time zone</label>
        <Select
          id="calendar-zone"
          showSearch
          value={zone}
          options={zones}
          onChange={(value: string) => set({ tz: value === browserTimeZone() ? null : value })}
          style={{ minWidth: 220 }}
          popupMatchSelectWidth={false}
        />
      </Space>
      <Typography.Paragraph type="secondary">
        Upcoming fires of every active schedule (<Tag color="blue">next</Tag>) and the runs its slots made, coloured by
        outcome, in {zone}. A job whose schedule has its own time zone shows that time too. Missed and skipped slots are
        on each job&apos;s <em>Schedule fidelity</em> tab.
      </Typography.Paragraph>
      {calendar.isError && !calendar.data ? (
        <PageError error={calendar.error} retry={() => void calendar.refetch()} />
      ) : !byDay ? (
        <PageLoading />
      ) : (
        <>
          {(calendar.data?.more_jobs || truncated) && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message="Not everything fits: the calendar lists the 100 soonest scheduled jobs and 500 fires and runs per job."
            />
          )}
          {empty && <Empty description="No scheduled job fires or ran in this window." />}
          <div
            aria-busy={calendar.isFetching}
            style={{
              display: 'grid',
              gap: 8,
              gridTemplateColumns: narrow || view === 'day' ? '1fr' : `repeat(${span}, minmax(0, 1fr))`,
            }}
          >
            {days.map((day) => {
              const entries = byDay.get(day.key) ?? [];
              return (
                <section
                  key={day.key}
                  aria-labelledby={`day-${day.key}`}
                  data-day={day.key}
                  style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 6, padding: 8, minWidth: 0 }}
                >
                  <h3 id={`day-${day.key}`} style={{ margin: '0 0 4px', fontSize: 14 }}>
                    {day.label}
                  </h3>
                  {entries.length === 0 ? (
                    <Typography.Text type="secondary">Nothing</Typography.Text>
                  ) : (
                    <DayEntries entries={entries} zone={zone} />
                  )}
                </section>
              );
            })}
          </div>
        </>
      )}
    </>
  );
}
