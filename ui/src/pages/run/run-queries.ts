import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE, call } from '../../api/client.ts';
import type { JsonObject, RunResource } from '../../api/types.ts';

export function useRun(id: number) {
  return useQuery({
    // ['run', id]: refreshed by the run.changed / run.progress live events.
    queryKey: ['run', id],
    queryFn: ({ signal }) => call(api.GET('/runs/{run_id}', { params: { path: { run_id: id } }, signal })),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}

export function useJobOfRun(jobId: string | undefined) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: ({ signal }) => call(api.GET('/jobs/{id}', { params: { path: { id: jobId! } }, signal })),
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
      // The document itself is no operation of the client.
      fetch(`${API_BASE}/openapi.json`, { signal, credentials: 'same-origin' })
        .then((response) => (response.ok ? (response.json() as Promise<{ paths?: object }>) : {}))
        .then((doc: { paths?: object }) => new Set(Object.keys(doc.paths ?? {}))),
    staleTime: Infinity,
    retry: false,
  });
}

/** The attempts of a run, first to last. */
export function useRunAttempts(runId: number) {
  return useQuery({
    queryKey: ['run', runId, 'attempts'],
    queryFn: ({ signal }) =>
      call(api.GET('/runs/{run_id}/attempts', { params: { path: { run_id: runId } }, signal })).then((b) => b.items),
  });
}

/** The notifications sent about a run, newest first. */
export function useRunNotifications(runId: number) {
  return useQuery({
    queryKey: ['run', runId, 'notifications'],
    queryFn: ({ signal }) =>
      call(api.GET('/runs/{run_id}/notifications', { params: { path: { run_id: runId } }, signal })).then(
        (b) => b.hits,
      ),
  });
}

/** Stop and run again; each answers the run the API returns and refreshes what shows runs. */
export function useRunActions() {
  const client = useQueryClient();
  return {
    stop: async (run: RunResource) => {
      const stopped = await call(
        api.POST('/jobs/{id}/runs/{run_id}/actions/stop', { params: { path: { id: run.job_id, run_id: run.id } } }),
      );
      client.setQueryData(['run', run.id], stopped);
      await client.invalidateQueries({ queryKey: ['runs'] });
      return stopped;
    },
    /**
     * The same arguments as `run`: its resolved args, its custom args (or none, so custom args
     * saved on the job since then do not replace them), its queue, title and since.
     */
    runAgain: async (run: RunResource) => {
      const created = await call(
        api.POST('/jobs/{id}/runs', {
          params: { path: { id: run.job_id } },
          body: {
            title: run.title,
            queue: run.queue,
            args: run.args as JsonObject,
            custom_args: run.custom_args ?? null,
            ...(run.since && { since: run.since }),
          },
        }),
      );
      await client.invalidateQueries({ queryKey: ['runs'] });
      await client.invalidateQueries({ queryKey: ['jobs'] });
      return created;
    },
  };
}
