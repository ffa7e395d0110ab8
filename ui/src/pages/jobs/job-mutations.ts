import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import type { components } from '../../../../src/client/openapi.ts';
import { api, call, errorMessage } from '../../api/client.ts';

type Schemas = components['schemas'];
/** What the job form sends: the API's writable job fields. */
export type JobInput = Schemas['JobCreate'];
/** What "Configure and run" sends. */
export type RunInput = Schemas['RunCreate'];

/** Job writes; each refreshes the lists and pages that show the job. Errors are thrown to the caller. */
export function useJobMutations() {
  const client = useQueryClient();
  const refresh = async (id?: string) => {
    await client.invalidateQueries({ queryKey: ['jobs'] });
    if (id) await client.invalidateQueries({ queryKey: ['job', id] });
  };
  return {
    create: async (input: JobInput) => {
      const job = await call(api.POST('/jobs', { body: input }));
      await refresh();
      return job;
    },
    update: async (id: string, input: Partial<JobInput>) => {
      const job = await call(api.PATCH('/jobs/{id}', { params: { path: { id } }, body: input }));
      client.setQueryData(['job', id], job);
      await refresh(id);
      return job;
    },
    remove: async (id: string) => {
      await call(api.DELETE('/jobs/{id}', { params: { path: { id } } }));
      client.removeQueries({ queryKey: ['job', id] });
      await refresh();
      return true;
    },
    run: async (id: string, input: RunInput) => {
      const run = await call(api.POST('/jobs/{id}/runs', { params: { path: { id } }, body: input }));
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
