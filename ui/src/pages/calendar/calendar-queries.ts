import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { components } from '../../../../src/client/openapi.ts';

/** The calendar's, fidelity's and comparison's data (keys under 'runs' so run events refresh them). */

export type CalendarData = components['schemas']['Calendar'];
export type FidelityData = components['schemas']['ScheduleFidelity'];
export type RunComparison = components['schemas']['RunComparison'];

export function useCalendar(from: string, to: string) {
  return useQuery({
    queryKey: ['runs', 'calendar', from, to],
    queryFn: ({ signal }) => call(api.GET('/calendar', { params: { query: { from, to } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useFidelity(jobId: string, days: number) {
  return useQuery({
    queryKey: ['runs', jobId, 'fidelity', days],
    queryFn: ({ signal }) =>
      call(api.GET('/jobs/{id}/fidelity', { params: { path: { id: jobId }, query: { days } }, signal })),
    placeholderData: keepPreviousData,
    // A missed or skipped slot makes no run event: look again now and then.
    refetchInterval: 30_000,
  });
}

export function useRunComparison(a: number, b: number) {
  return useQuery({
    queryKey: ['runs', 'compare', a, b],
    queryFn: ({ signal }) => call(api.GET('/runs/compare', { params: { query: { a, b } }, signal })),
    enabled: a > 0 && b > 0,
  });
}
