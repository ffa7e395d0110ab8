/** Why a run's signal was aborted; the reason decides the run's final state. */
export type AbortKind = 'stop' | 'shutdown' | 'timeout';

export class RunAbortedError extends Error {
  readonly kind: AbortKind;

  constructor(kind: AbortKind, message: string) {
    super(message);
    this.name = 'RunAbortedError';
    this.kind = kind;
  }
}

export function abortKind(signal: AbortSignal): AbortKind | undefined {
  return signal.aborted && signal.reason instanceof RunAbortedError ? signal.reason.kind : undefined;
}
