import { isDeepStrictEqual } from 'node:util';
import type { JsonObject, JsonValue } from './model.js';

/** The pure parts of comparing two runs: arguments key by key, and where two logs part. */

export interface ArgDifference {
  key: string;
  /** Undefined when the run has no such argument. */
  a: JsonValue | undefined;
  b: JsonValue | undefined;
  same: boolean;
}

/** Every top-level argument of either run, by key, with whether both runs had the same value. */
export function diffArgs(a: JsonObject, b: JsonObject): ArgDifference[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.map((key) => ({ key, a: a[key], b: b[key], same: isDeepStrictEqual(a[key], b[key]) }));
}

/**
 * Walks two logs in step, page by page, and finds the first position where the messages differ
 * (or one log ends before the other). Positions count lines from 0, whatever their sequence numbers.
 */
export class LogDivergence<Line extends { message: string }> {
  #a: Line[] = [];
  #b: Line[] = [];
  /** Lines of both logs found equal so far. */
  compared = 0;
  /** The first differing position, with each log's line there (null: that log had ended). */
  found: { at: number; a: Line | null; b: Line | null } | null = null;

  /** Adds the next lines of either log; returns true once a difference is found. */
  push(side: 'a' | 'b', lines: Line[]): boolean {
    if (this.found) return true;
    (side === 'a' ? this.#a : this.#b).push(...lines);
    const n = Math.min(this.#a.length, this.#b.length);
    for (let i = 0; i < n; i += 1) {
      if (this.#a[i]!.message !== this.#b[i]!.message) {
        this.found = { at: this.compared + i, a: this.#a[i]!, b: this.#b[i]! };
        return true;
      }
    }
    this.#a = this.#a.slice(n);
    this.#b = this.#b.slice(n);
    this.compared += n;
    return false;
  }

  /** Says which logs have ended: where one ends and the other goes on, they part. */
  end(aEnded: boolean, bEnded: boolean): boolean {
    if (this.found) return true;
    if (aEnded && this.#b.length > 0) this.found = { at: this.compared, a: null, b: this.#b[0]! };
    else if (bEnded && this.#a.length > 0) this.found = { at: this.compared, a: this.#a[0]!, b: null };
    return this.found !== null;
  }
}
