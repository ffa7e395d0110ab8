/**
 * Calls `fn` until it succeeds, waiting longer after each failure (100 ms doubling up to 5 s),
 * for at most `attempts` tries; the last error is thrown.
 */
export async function retrying<T>(
  fn: () => Promise<T>,
  onError: (error: unknown, attempt: number) => void = () => undefined,
  attempts = 12,
  retryable: (error: unknown) => boolean = () => true,
): Promise<T> {
  for (let attempt = 1, delay = 100; ; attempt += 1, delay = Math.min(delay * 2, 5000)) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      onError(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
