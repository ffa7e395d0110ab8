import { DurationChart, EntriesChart } from './DurationChart.tsx';
import { OutcomesChart } from './OutcomesChart.tsx';
import type { ChartScope } from './chart-queries.ts';

/** The charts of a job (or, with `task`, of a task): duration, outcomes per day, entries. */
export default function JobCharts(scope: ChartScope) {
  return (
    <section aria-label="Charts">
      <DurationChart {...scope} />
      <OutcomesChart {...scope} />
      <EntriesChart {...scope} />
    </section>
  );
}
