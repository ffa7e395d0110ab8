/** What an idle worker asks so that it can sleep until there is work (see engine/worker.ts). */
export interface IdleStore {
  /**
   * The earliest future `available_at` among queued runs of these queues (a retry's backoff, a
   * delayed run), looked for among at most 1,000 of them; undefined when none is delayed. An idle
   * worker sets a timer for it instead of polling.
   */
  runsNextAvailable(queues: string[]): Promise<Date | undefined>;
}
