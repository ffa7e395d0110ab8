/**
 * The p-th percentile (0 < p ≤ 1) of the values by the nearest-rank method: a value that occurred,
 * the smallest one with at least p of the values at or below it. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}
