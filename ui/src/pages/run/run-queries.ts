import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { JobResource, JsonObject, RunResource } from '../../api/types.ts';

/** Statuses in which a run may still change (and write log lines). */
export const ACTIVE_STATUSES = ['QUEUED', 'RUNNING', 'CANCELLING', 'WAITING'];
/** Statuses from which a stop is accepted (a WAITING parent stops with its sub-runs). */
export const STOPPABLE_STATUSES = ['QUEUED', 'RUNNING', 'WAITING'];

export function useRun(id: number) {
  return useQuery({
    // ['run', id]: refreshed by the run.changed / run.progress live events.
    queryKey: ['run', id],
    queryFn: ({ signal }) => api<RunResource>(`/runs/${id}`, { signal }),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}

export function useJobOfRun(jobId: string | undefined) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: ({ signal }) => api<JobResource>(`/jobs/${encodeURIComponent(jobId!)}`, { signal }),
    enabled: jobId !== undefined,
  });
}

/**
 * The API's routes, from its OpenAPI document: parts of the run page (attempts, notification
 * deliveries) show only when the server has the routes behind them, so an older server shows no
 * empty or failing panels.
 */
export function useApiPaths() {
  return useQuery({
    queryKey: ['openapi-paths'],
    queryFn: ({ signal }) =>
      api<{ paths?: Record<string, unknown> }>('/openapi.json', { signal }).then(
        (doc) => new Set(Object.keys(doc.paths ?? {})),
      ),
    staleTime: Infinity,
    retry: false,
  });
}

/** A run sub-resource (attempts, notifications) as a list, whatever envelope the route uses. */
export function useRunList<T>(runId: number, name: string, enabled: boolean) {
  return useQuery({
    queryKey: ['run', runId, name],
    queryFn: ({ signal }) => api<unknown>(`/runs/${runId}/${name}`, { signal }).then((body) => listItems<T>(body)),
    enabled,
  });
}

function listItems<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const object = body as { items?: T[]; hits?: T[] | { hits?: T[] } } | null;
  if (Array.isArray(object?.hits)) return object.hits;
  return object?.items ?? object?.hits?.hits ?? [];
}

const runsPath = (run: RunResource) => `/jobs/${encodeURIComponent(run.job_id)}/runs`;

/** Stop and run again; each answers the run the API returns and refreshes what shows runs. */
export function useRunActions() {
  const client = useQueryClient();
  return {
    stop: async (run: RunResource) => {
      const stopped = await api<RunResource>(`${runsPath(run)}/${run.id}/actions/stop`, { method: 'POST' });
      client.setQueryData(['run', run.id], stopped);
      await client.invalidateQueries({ queryKey: ['runs'] });
      return stopped;
    },
    /**
     * The same arguments as `run`: its resolved args, its custom args (or none, so custom args
     * saved on the job since then do not replace them), its queue, title and since.
     */
    runAgain: async (run: RunResource) => {
      const created = await api<RunResource>(runsPath(run), {
        method: 'POST',
        body: {
          title: run.title,
          queue: run.queue,
          args: run.args as JsonObject,
          custom_args: run.custom_args ?? null,
          ...(run.since && { since: run.since }),
        },
      });
      await client.invalidateQueries({ queryKey: ['runs'] });
      await client.invalidateQueries({ queryKey: ['jobs'] });
      return created;
    },
  };
}
