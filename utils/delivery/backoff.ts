/**
 * When to try a failed delivery again: exponential backoff with "equal jitter" (half of each
 * step fixed, half random), so that many deliveries failing together do not come back in
 * lock-step, while each wait still grows.
 */
export interface BackoffPolicy {
  initialMs: number; // the step after the first failure
  factor: number;
  maxMs: number; // no single wait is longer
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 10_000, factor: 2, maxMs: 10 * 60_000 };

/** The un-jittered step after `failures` failed attempts (failures >= 1). */
export function backoffStep(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(failures));
  // Cap the exponent before Math.pow so huge attempt counts stay finite.
  const exp = Math.min(n - 1, 60);
  return Math.min(policy.maxMs, policy.initialMs * Math.pow(policy.factor, exp));
}

/**
 * The wait after `failures` failed attempts: a value in [step/2, step].
 * `random` returns a number in [0, 1) (Math.random in production, fixed in tests).
 */
export function backoffDelay(
  failures: number,
  random: () => number = Math.random,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const step = backoffStep(failures, policy);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}

/**
 * Parse a Retry-After header (delta seconds or an HTTP date) into milliseconds from `nowMs`.
 * Returns undefined when absent or unreadable; never more than `capMs`.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
  capMs = 60 * 60_000,
): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, capMs);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(at - nowMs, 0), capMs);
}
