import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { operations } from '../../../src/client/openapi.ts';
import { api, call } from './client.ts';

/**
 * Query hooks shared by the pages. Keys start with the resource name so live events
 * (hooks/useEvents.ts) refresh them: ['jobs', …], ['job', id], ['runs', …], ['run', id], ['queues'].
 */

export type JobFilters = NonNullable<operations['listJobs']['parameters']['query']> & { page: number; size: number };

export function useJobs(filters: JobFilters) {
  return useQuery({
    queryKey: ['jobs', filters],
    queryFn: ({ signal }) => call(api.GET('/jobs', { params: { query: filters }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useJob(id: string) {
  return useQuery({
    queryKey: ['job', id],
    queryFn: ({ signal }) => call(api.GET('/jobs/{id}', { params: { path: { id } }, signal })),
  });
}

export type RunFilters = NonNullable<operations['listJobRuns']['parameters']['query']> & { page: number; size: number };

export function useJobRuns(jobId: string, filters: RunFilters) {
  return useQuery({
    queryKey: ['runs', jobId, filters],
    queryFn: ({ signal }) =>
      call(api.GET('/jobs/{id}/runs', { params: { path: { id: jobId }, query: filters }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The last successful run: `since` defaults to its start. */
export function useLastSuccess(jobId: string, enabled = true) {
  return useQuery({
    queryKey: ['runs', jobId, 'last-success'],
    queryFn: ({ signal }) =>
      call(
        api.GET('/jobs/{id}/runs', { params: { path: { id: jobId }, query: { status: 'SUCCESS', size: 1 } }, signal }),
      ).then((page) => page.hits.hits[0] ?? null),
    enabled,
  });
}

export function useSkippedSlots(jobId: string, page: number, size: number) {
  return useQuery({
    // Under 'runs' so the events that refresh runs refresh these too.
    queryKey: ['runs', jobId, 'skipped', page, size],
    queryFn: ({ signal }) =>
      call(api.GET('/jobs/{id}/skipped-slots', { params: { path: { id: jobId }, query: { page, size } }, signal })),
    placeholderData: keepPreviousData,
    // A skipped slot makes no run, so no run event announces it: look again now and then.
    refetchInterval: 5_000,
  });
}

export function useTasks() {
  return useQuery({
    queryKey: ['tasks'],
    queryFn: ({ signal }) => call(api.GET('/tasks', { signal })).then((page) => page.hits.hits),
    staleTime: 5 * 60_000,
  });
}

export function useQueues() {
  return useQuery({
    queryKey: ['queues'],
    queryFn: ({ signal }) => call(api.GET('/queues', { signal })).then((page) => page.hits.hits),
  });
}

export type SchedulePreviewParams = Omit<NonNullable<operations['previewSchedule']['parameters']['query']>, 'count'>;

export function useSchedulePreview(params: SchedulePreviewParams | null) {
  return useQuery({
    queryKey: ['schedule-preview', params],
    queryFn: ({ signal }) =>
      call(api.GET('/schedules/preview', { params: { query: { ...params, count: 5 } }, signal })),
    enabled: params !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
