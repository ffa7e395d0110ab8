import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { api, errorMessage } from '../../api/client.ts';
import type { JobResource, JsonObject, RunResource, Schedule } from '../../api/types.ts';

/** What the job form sends: the API's writable job fields. */
export interface JobInput {
  title: string;
  description?: string;
  task: string;
  default_queue?: string;
  active?: boolean;
  args?: JsonObject;
  custom_args?: JsonObject | string | null;
  schedule?: Schedule | Record<string, unknown> | null;
  overlap_policy?: string;
  misfire_policy?: string;
  notification_emails?: string[];
  notification_statuses?: string[];
  /** A secret of "set" keeps the stored one; null or none: unsigned. */
  notification_webhooks?: { url: string; secret: string | null }[];
  notify_running_longer_than?: number | null;
  max_attempts?: number;
  timeout_seconds?: number | null;
  retry_backoff_seconds?: number;
  retry_backoff_max_seconds?: number;
  retry_partial?: boolean;
}

export interface RunInput {
  title?: string;
  queue?: string;
  args?: JsonObject;
  since?: string | null;
  custom_args?: JsonObject | string | null;
}

const jobPath = (id: string) => `/jobs/${encodeURIComponent(id)}`;

/** Job writes; each refreshes the lists and pages that show the job. Errors are thrown to the caller. */
export function useJobMutations() {
  const client = useQueryClient();
  const refresh = async (id?: string) => {
    await client.invalidateQueries({ queryKey: ['jobs'] });
    if (id) await client.invalidateQueries({ queryKey: ['job', id] });
  };
  return {
    create: async (input: JobInput) => {
      const job = await api<JobResource>('/jobs', { method: 'POST', body: input });
      await refresh();
      return job;
    },
    update: async (id: string, input: Partial<JobInput>) => {
      const job = await api<JobResource>(jobPath(id), { method: 'PATCH', body: input });
      client.setQueryData(['job', id], job);
      await refresh(id);
      return job;
    },
    remove: async (id: string) => {
      await api(jobPath(id), { method: 'DELETE' });
      client.removeQueries({ queryKey: ['job', id] });
      await refresh();
      return true;
    },
    run: async (id: string, input: RunInput) => {
      const run = await api<RunResource>(`${jobPath(id)}/runs`, { method: 'POST', body: input });
      await client.invalidateQueries({ queryKey: ['runs', id] });
      await refresh(id);
      return run;
    },
  };
}

/** Runs an action and reports it in a toast: success text, or the API's message. */
export function useToastAction() {
  const { message } = AntApp.useApp();
  return async <T>(action: () => Promise<T>, success: string): Promise<T | undefined> => {
    try {
      const result = await action();
      message.success(success);
      return result;
    } catch (error) {
      message.error(errorMessage(error));
      return undefined;
    }
  };
}
