/** A long-running service: start() and stop() may be called any number of times. */
export interface Service {
  start(): Promise<void>;
  stop(): Promise<void>;
}
