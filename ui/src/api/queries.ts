import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { JobResource, Page, RunResource, SchedulePreview, SkippedSlotWire, TaskResource } from './types.ts';

/**
 * Query hooks shared by the pages. Keys start with the resource name so live events
 * (hooks/useEvents.ts) refresh them: ['jobs', …], ['job', id], ['runs', …], ['run', id], ['queues'].
 */

export interface JobFilters {
  q?: string;
  active?: 'true' | 'false';
  task?: string;
  queue?: string;
  sort?: string;
  page: number;
  size: number;
}

export function useJobs(filters: JobFilters) {
  return useQuery({
    queryKey: ['jobs', filters],
    queryFn: ({ signal }) => api<Page<JobResource>>('/jobs', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useJob(id: string) {
  return useQuery({
    queryKey: ['job', id],
    queryFn: ({ signal }) => api<JobResource>(`/jobs/${encodeURIComponent(id)}`, { signal }),
  });
}

export interface RunFilters {
  status?: string;
  q?: string;
  page: number;
  size: number;
}

export function useJobRuns(jobId: string, filters: RunFilters) {
  return useQuery({
    queryKey: ['runs', jobId, filters],
    queryFn: ({ signal }) =>
      api<Page<RunResource>>(`/jobs/${encodeURIComponent(jobId)}/runs`, { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The last successful run: `since` defaults to its start. */
export function useLastSuccess(jobId: string, enabled = true) {
  return useQuery({
    queryKey: ['runs', jobId, 'last-success'],
    queryFn: ({ signal }) =>
      api<Page<RunResource>>(`/jobs/${encodeURIComponent(jobId)}/runs`, {
        query: { status: 'SUCCESS', size: 1 },
        signal,
      }).then((page) => page.hits.hits[0] ?? null),
    enabled,
  });
}

export function useSkippedSlots(jobId: string, page: number, size: number) {
  return useQuery({
    // Under 'runs' so the events that refresh runs refresh these too.
    queryKey: ['runs', jobId, 'skipped', page, size],
    queryFn: ({ signal }) =>
      api<Page<SkippedSlotWire>>(`/jobs/${encodeURIComponent(jobId)}/skipped-slots`, {
        query: { page, size },
        signal,
      }),
    placeholderData: keepPreviousData,
    // A skipped slot makes no run, so no run event announces it: look again now and then.
    refetchInterval: 5_000,
  });
}

export function useTasks() {
  return useQuery({
    queryKey: ['tasks'],
    queryFn: ({ signal }) => api<Page<TaskResource>>('/tasks', { signal }).then((page) => page.hits.hits),
    staleTime: 5 * 60_000,
  });
}

export interface QueueResource {
  name: string;
  title: string;
  description: string;
  paused: boolean;
  counts: Record<string, number>;
}

export function useQueues() {
  return useQuery({
    queryKey: ['queues'],
    queryFn: ({ signal }) => api<Page<QueueResource>>('/queues', { signal }).then((page) => page.hits.hits),
  });
}

export function useSchedulePreview(params: Record<string, string> | null) {
  return useQuery({
    queryKey: ['schedule-preview', params],
    queryFn: ({ signal }) => api<SchedulePreview>('/schedules/preview', { query: { ...params, count: 5 }, signal }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
