export interface DurationSeries {
  key: string;
  labels: Record<'task' | 'queue' | 'status', string>;
  /** Observations per bucket (not cumulative); the last one is +Inf. */
  buckets: number[];
  sum: number;
  count: number;
  /** The histogram's generation when last observed: a reset empties the series. */
  generation: number;
}

/**
 * The run duration histogram, as prom-client's Histogram exposes it (same name, labels, buckets
 * and lines) but observed through a series the caller keeps: prom-client's observe() validates
 * and hashes a label object and allocates on every call. Registered as a custom metric.
 *
 * Re-measured on dist/ (docs/performance.md, "Worker CPU per run and micro-optimisations (wave 2
 * session 5)"): observe() here ~20 ns against ~0.5-0.7 µs, and prom-client's own histogram would
 * load prom-client (~50 ms of CPU, ~100 ms under load) at a worker's first finished run, inside a
 * drain; together ≥ 3 % of a 20,000-run drain. Kept; the one hand-made metric of this file.
 */
export class RunDurationHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  /** Every series handed out, one per labels; #series: those shown (observed since a reset). */
  readonly #known = new Map<string, DurationSeries>();
  readonly #series = new Map<string, DurationSeries>();
  #generation = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    readonly bounds: number[],
  ) {}

  /** The series of these labels, to pass to observe(); it shows once it has an observation. */
  series(task: string, queue: string, status: string): DurationSeries {
    const key = `${task}\u0000${queue}\u0000${status}`;
    let series = this.#known.get(key);
    if (!series) {
      series = {
        key,
        labels: { task, queue, status },
        buckets: new Array<number>(this.bounds.length + 1).fill(0),
        sum: 0,
        count: 0,
        generation: -1,
      };
      this.#known.set(key, series);
    }
    return series;
  }

  observe(series: DurationSeries, seconds: number): void {
    if (series.generation !== this.#generation) {
      series.buckets.fill(0);
      series.sum = 0;
      series.count = 0;
      series.generation = this.#generation;
      this.#series.set(series.key, series);
    }
    let index = 0;
    while (index < this.bounds.length && seconds > this.bounds[index]!) index += 1;
    series.buckets[index]! += 1;
    series.sum += seconds;
    series.count += 1;
  }

  get(): { name: string; help: string; type: string; aggregator: string; values: MetricValue[] } {
    const values: MetricValue[] = [];
    for (const { labels, buckets, sum, count } of this.#series.values()) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += buckets[i]!;
        values.push({ labels: { le, ...labels }, value: cumulative, metricName: `${this.name}_bucket` });
      });
      values.push({ labels: { le: '+Inf', ...labels }, value: count, metricName: `${this.name}_bucket` });
      values.push({ labels, value: sum, metricName: `${this.name}_sum` });
      values.push({ labels, value: count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.#series.clear();
    this.#generation += 1;
  }
}

interface MetricValue {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}
