/** Lists are paged: one limit for every list the API and CLI serve, so no request is unbounded. */
const PAGE_SIZE_MAX = 100;
const PAGE_SIZE_DEFAULT = 25;

/** The page size to use for a requested one: a whole number between 1 and PAGE_SIZE_MAX. */
export function pageSize(requested: number | undefined, fallback = PAGE_SIZE_DEFAULT): number {
  return Math.min(PAGE_SIZE_MAX, Math.max(1, Math.trunc(requested ?? fallback)));
}
