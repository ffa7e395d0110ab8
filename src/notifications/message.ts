import type { Job, Run } from '../domain/model.js';
import type {
  HistoryAlertDetail,
  MissedSlots,
  NotificationEvent,
  NotificationPayload,
  NotificationStatus,
} from '../domain/notification.js';
import { runDurationMs } from '../wire/wire.js';

const EXCERPT_CHARS = 1000;

/** Events about a run that show a status of their own rather than the run's. */
const EVENT_STATUS: Partial<Record<NotificationEvent, NotificationStatus>> = {
  running_long: 'RUNNING_LONG',
  slow_run: 'SLOW_RUN',
  failure_streak: 'FAILURE_STREAK',
};

/** What a notification says, fixed when it is enqueued so every retry sends the same thing. */
export function payloadFor(
  event: NotificationEvent,
  job: Job,
  publicUrl: string,
  detail: { run: Run; now: number; history?: HistoryAlertDetail } | { missed: MissedSlots },
): NotificationPayload {
  const base = publicUrl.replace(/\/+$/, '');
  const jobPart = { id: job.id, title: job.title, task: job.task };
  if ('missed' in detail) {
    const { missed } = detail;
    return {
      event,
      status: 'MISSED',
      job: jobPart,
      run: null,
      slot: {
        scheduled_for: missed.first.toISOString(),
        last_scheduled_for: missed.last.toISOString(),
        count: missed.count,
        reason: missed.reason,
      },
      url: `${base}/admin/jobs/${encodeURIComponent(job.id)}`,
      time: missed.recorded.toISOString(),
    };
  }
  const { run, now, history } = detail;
  const status: NotificationStatus = EVENT_STATUS[event] ?? run.status;
  return {
    event,
    status,
    job: jobPart,
    run: {
      id: run.id,
      title: run.title,
      status: run.status,
      started_at: run.startedAt?.toISOString() ?? null,
      finished_at: run.finishedAt?.toISOString() ?? null,
      duration_ms: runDurationMs(run, now),
      message: excerpt(run.message),
    },
    slot: null,
    ...(history && { history }),
    url: `${base}/admin/runs/${run.id}`,
    time: (run.finishedAt ?? new Date(now)).toISOString(),
  };
}

function excerpt(message: string | null): string | null {
  if (message === null || message.length <= EXCERPT_CHARS) return message;
  return `${message.slice(0, EXCERPT_CHARS)}… (${message.length - EXCERPT_CHARS} more characters)`;
}

/** "1 h 2 min 3 s", "850 ms". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const total = Math.round(ms / 1000);
  const parts: string[] = [];
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s || !parts.length) parts.push(`${s} s`);
  return parts.join(' ');
}

const STATUS_WORDS: Partial<Record<NotificationStatus, string>> = {
  MISSED: 'MISSED',
  RUNNING_LONG: 'RUNNING LONG',
  SLOW_RUN: 'SLOWER THAN USUAL',
  FAILURE_STREAK: 'FAILING REPEATEDLY',
};

function introOf(payload: NotificationPayload): string {
  const history = payload.history;
  if (history?.kind === 'slow_run') {
    return `A run is taking longer than ${history.factor} × the p95 duration (${formatDuration(history.p95_ms)}) of the job's last ${history.of_runs} successful runs.`;
  }
  if (history?.kind === 'failure_streak') return `${history.failures} runs of this job in a row have failed.`;
  if (payload.event === 'running_long') return 'A run is taking longer than the threshold set on its job.';
  if (payload.event === 'missed') return 'Scheduled slots of this job produced no run.';
  return `A run ended ${payload.status}.`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Subject "<STATUS>: <job title>", and the same facts as text and as (escaped) HTML. */
export function emailFor(payload: NotificationPayload): EmailContent {
  const status = STATUS_WORDS[payload.status] ?? payload.status;
  // A header cannot hold a line break; a title with one would otherwise inject headers.
  const subject = `${status}: ${payload.job.title}`.replace(/[\r\n]+/g, ' ').slice(0, 250);
  const rows: [string, string][] = [['Job', payload.job.title]];
  if (payload.run) {
    rows.push(
      ['Run', `#${payload.run.id} ${payload.run.title}`],
      [
        'Status',
        ['running_long', 'slow_run'].includes(payload.event)
          ? `${payload.run.status}, still going`
          : payload.run.status,
      ],
      ['Started', payload.run.started_at ?? '—'],
    );
    if (payload.run.finished_at) rows.push(['Finished', payload.run.finished_at]);
    rows.push(['Duration', formatDuration(payload.run.duration_ms)]);
  }
  if (payload.slot) {
    const { count, scheduled_for: first, last_scheduled_for: last } = payload.slot;
    rows.push(
      ['Status', 'MISSED'],
      ['Scheduled for', count > 1 ? `${first} … ${last} (${count} slots)` : first],
      ['Reason', payload.slot.reason],
    );
  }
  const message = payload.run?.message ?? null;
  const intro = introOf(payload);
  const text = [
    intro,
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    ...(message ? ['', 'Message:', message] : []),
    '',
    `Open: ${payload.url}`,
    '',
  ].join('\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    '<table>',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    ...(message ? [`<p><strong>Message</strong></p><pre>${escapeHtml(message)}</pre>`] : []),
    `<p><a href="${escapeHtml(payload.url)}">${escapeHtml(payload.url)}</a></p>`,
  ].join('\n');
  return { subject, text, html };
}
