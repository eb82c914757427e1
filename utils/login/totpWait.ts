/** When a TOTP code may be typed: never with under 5 s left in its window (docs/angel.md, "Lockout safety"). */
export const MIN_TOTP_REMAINING_MS = 5000;
/** Margin after the window flips so the new code is surely the current one. */
export const TOTP_FLIP_MARGIN_MS = 250;

/**
 * How long to wait before computing and typing a code.
 * @param remainingMs time left in the current window
 * @param notBeforeMs earliest epoch ms the code may come from (retry: the next window), or 0
 */
export function totpWaitMs(remainingMs: number, nowMs: number, notBeforeMs = 0): number {
  const waitForLater = notBeforeMs > nowMs ? notBeforeMs - nowMs + TOTP_FLIP_MARGIN_MS : 0;
  if (waitForLater > 0) return waitForLater;
  if (remainingMs < MIN_TOTP_REMAINING_MS) return Math.max(0, remainingMs) + TOTP_FLIP_MARGIN_MS;
  return 0;
}
