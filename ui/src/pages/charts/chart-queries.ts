import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components } from '../../../../src/client/openapi.ts';
import { api, call } from '../../api/client.ts';
import type { FinalStatus } from '../../../../src/domain/run-status.ts';

export type RunStats = components['schemas']['RunStats'];
export type OutcomeStats = components['schemas']['OutcomeStats'];
export type QueueStats = components['schemas']['QueueStats'];

/** Whose runs a chart shows: a job's (its top-level runs) or a task's (all its runs). */
export type ChartScope = { job: string; task?: undefined } | { task: string; job?: undefined };

/**
 * The charts' data. Keys start with 'runs' (job/task charts) or 'queues' so the live run events
 * that refresh those lists refresh the charts too; the server bounds every window.
 */
export function useRunStats(scope: ChartScope, limit: number) {
  return useQuery({
    queryKey: ['runs', 'stats', scope, limit],
    queryFn: ({ signal }) => call(api.GET('/stats/runs', { params: { query: { ...scope, limit } }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useOutcomeStats(scope: ChartScope, days: number) {
  return useQuery({
    queryKey: ['runs', 'stats-outcomes', scope, days],
    queryFn: ({ signal }) => call(api.GET('/stats/outcomes', { params: { query: { ...scope, days } }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useQueueStats(hours: number) {
  return useQuery({
    queryKey: ['queues', 'stats', hours],
    queryFn: ({ signal }) => call(api.GET('/stats/queues', { params: { query: { hours } }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** The colour of each final status, shared by every chart (antd's palette). */
export const STATUS_COLORS: Record<FinalStatus, string> = {
  SUCCESS: '#52c41a',
  PARTIAL_SUCCESS: '#faad14',
  WARNING: '#fa8c16',
  FAILED: '#ff4d4f',
  CANCELLED: '#bfbfbf',
};
