import { isError } from '@backstage/errors';
import { setTimeout as sleep } from 'node:timers/promises';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type RetryOptions = {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the second try; it doubles after each try. */
  firstDelayMs: number;
  /** Errors not worth another try; they are thrown at once. */
  isFinal?: (error: unknown) => boolean;
};

/** Errors that the same call cannot cure by being repeated. */
export function isInputOrNotFound(error: unknown): boolean {
  return (
    isError(error) &&
    (error.name === 'InputError' || error.name === 'NotFoundError')
  );
}

/**
 * Calls `fn` until it succeeds or the tries run out, then throws the last
 * error. Meant for store calls: after the database dropped its connections
 * the pool can hand out several dead ones before a live one.
 */
export async function retry<T>(
  fn: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || options.isFinal?.(error)) {
        throw error;
      }
      await sleep(options.firstDelayMs * 2 ** (attempt - 1));
    }
  }
}
