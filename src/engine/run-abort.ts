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

/** What deciding a run's final state needs to know of an abort (an AbortSignal or a RunAbort). */
export interface AbortState {
  readonly aborted: boolean;
  readonly reason: unknown;
}

export function abortKind(signal: AbortState): AbortKind | undefined {
  return signal.aborted && signal.reason instanceof RunAbortedError ? signal.reason.kind : undefined;
}

/** Told when a RunAbort aborts: an object, so a run's listeners need no closures. */
export interface AbortListener {
  handleAbort(): void;
}

/**
 * The abort side of one run, like an AbortController but cheap for the usual run that is never
 * aborted: the AbortSignal is only made when something (the task) reads it, and the worker's own
 * listeners are plain objects. Creating a signal and adding event listeners cost several
 * microseconds a run, a measurable share of a worker draining many short runs.
 */
export class RunAbort implements AbortState, AbortListener {
  #aborted = false;
  #reason: unknown = undefined;
  #controller: AbortController | undefined;
  #listeners: AbortListener[] | undefined;
  readonly #parent: RunAbort | undefined;

  /** With a parent: aborts (with the parent's reason) when the parent does, or on its own. */
  constructor(parent?: RunAbort) {
    this.#parent = parent;
    parent?.onAbort(this);
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  /** The signal a task sees; aborted with the same reason as this. */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** Aborts once; later calls do nothing. The signal's listeners run first, then onAbort's. */
  abort(reason: unknown = new DOMException('This operation was aborted', 'AbortError')): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
    const listeners = this.#listeners;
    this.#listeners = undefined;
    if (listeners) for (const listener of listeners) listener.handleAbort();
  }

  /** The parent aborted. */
  handleAbort(): void {
    this.abort(this.#parent?.reason);
  }

  /** Stops following the parent (the child is done with). */
  detach(): void {
    this.#parent?.offAbort(this);
  }

  /** Tells `listener` once when this aborts, at once if it already has. */
  onAbort(listener: AbortListener): void {
    if (this.#aborted) listener.handleAbort();
    else (this.#listeners ??= []).push(listener);
  }

  offAbort(listener: AbortListener): void {
    const index = this.#listeners?.indexOf(listener) ?? -1;
    if (index >= 0) this.#listeners!.splice(index, 1);
  }
}
