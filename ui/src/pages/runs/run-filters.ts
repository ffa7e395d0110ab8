import { useSearchParams } from 'react-router-dom';
import type { components, operations } from '../../../../src/client/openapi.ts';

/** The Runs page's filters: the query of GET /runs, kept in the page's URL (shareable). */
export type RunsQuery = NonNullable<operations['listRuns']['parameters']['query']>;

/** The filter fields a bulk action takes (the same names, without sort and paging). */
const FILTER_KEYS = [
  'status',
  'job',
  'task',
  'queue',
  'started_by',
  'q',
  'time',
  'from',
  'to',
  'include_subruns',
] as const;
const KEYS = [...FILTER_KEYS, 'sort', 'page', 'size'] as const;

type Filter = Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>;

/** The admin's link to the runs list with these filters (overview numbers link here). */
export function runsLink(filter: Filter): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) search.set(key, value);
  const text = search.toString();
  return `/runs${text ? `?${text}` : ''}`;
}

/** The filters of the URL, and a setter that writes them back (a filter change goes to page 1). */
export function useRunsQuery(): [
  RunsQuery,
  (change: Partial<Record<(typeof KEYS)[number], string | number | undefined>>) => void,
] {
  const [params, setParams] = useSearchParams();
  const query: Record<string, string | number> = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) query[key] = key === 'page' || key === 'size' ? Number(value) || 1 : value;
  }
  const update = (change: Partial<Record<(typeof KEYS)[number], string | number | undefined>>) => {
    const next: Record<string, string | number | undefined> = { ...query, ...change };
    if (!('page' in change)) delete next.page;
    const search = new URLSearchParams();
    for (const key of KEYS) {
      const value = next[key];
      if (value !== undefined && value !== '') search.set(key, String(value));
    }
    setParams(search, { replace: true });
  };
  return [query as RunsQuery, update];
}

type BulkFilter = NonNullable<components['schemas']['BulkSelection']['filter']>;

/** The filter part of a query, for a bulk action's `filter` (values as the URL had them). */
export function filterOf(query: RunsQuery): BulkFilter {
  const filter: Filter = {};
  for (const key of FILTER_KEYS) {
    const value = (query as Record<string, unknown>)[key];
    if (typeof value === 'string' && value) filter[key] = value;
  }
  return filter as BulkFilter;
}
