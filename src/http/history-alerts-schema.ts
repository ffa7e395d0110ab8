import { z } from '@hono/zod-openapi';

/** A job's alerts relative to its own history (domain/history-alerts.ts), as reads show them. */
export const HistoryAlertsSchema = z
  .object({
    slower_than_p95: z.number().nullable().openapi({
      description:
        "Tell once per run when it runs longer than this × the p95 duration of the job's recent successful runs.",
      example: 2,
    }),
    p95_runs: z.number().int().openapi({ description: 'How many of the latest successful runs make the p95.' }),
    after_failures: z.number().int().nullable().openapi({
      description: 'Tell once per streak when this many runs in a row have failed (cancelled runs are skipped).',
      example: 3,
    }),
  })
  .openapi('HistoryAlerts');

/** The same on input: every field optional, null or 0 switches an alert off; the service validates ranges. */
export const HistoryAlertsInputSchema = z
  .strictObject({
    slower_than_p95: z.number().nullable().optional(),
    p95_runs: z.number().int().nullable().optional(),
    after_failures: z.number().int().nullable().optional(),
  })
  .nullable()
  .optional()
  .openapi({
    description:
      'Alerts relative to history: {slower_than_p95: N (1-100), p95_runs: M (5-500, default 50), after_failures: K (1-100)}; null: none.',
    example: { slower_than_p95: 2, p95_runs: 50, after_failures: 3 },
  });
