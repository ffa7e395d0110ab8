import { createHash, timingSafeEqual } from 'node:crypto';
import type { Env, Hono } from 'hono';
import type { Jobdeck } from '../../service/jobdeck.js';
import { publicRoute } from '../auth.js';
import { errorResponse } from '../errors.js';

/**
 * `GET /metrics` in the Prometheus text format. Open by default, like `/healthz`, because the
 * server listens on 127.0.0.1 unless told otherwise and Prometheus scrapers rarely hold API
 * tokens; with a metrics token configured (`JOBDECK_METRICS_TOKEN`), a scrape must send it as
 * `Authorization: Bearer <token>`. API tokens are deliberately not accepted: a scraper's secret
 * must not be able to act on jobs.
 */
export function registerMetricsRoute<E extends Env>(app: Hono<E>, deck: Jobdeck, token: string | undefined): void {
  const access = publicRoute('Prometheus scrape; the metrics token when JOBDECK_METRICS_TOKEN is set');
  app.get('/metrics', access, async (c) => {
    if (token && !sameSecret(bearerOf(c.req.header('authorization')), token)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return errorResponse(c, 401, 'This endpoint needs the metrics token as a Bearer token.');
    }
    const text = await deck.metrics.text();
    return c.body(text, 200, { 'Content-Type': deck.metrics.contentType });
  });
}

function bearerOf(header: string | undefined): string {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match?.[1]?.trim() ?? '';
}

/** Compares digests, so neither the length nor a prefix of the token leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
