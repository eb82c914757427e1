/**
 * Device clock offset against Angel's servers, from the Date header of HTTPS responses.
 * Kept in storage.session (it is only meaningful for this browser session) and mirrored in
 * memory so TOTP codes can be computed synchronously.
 */
import { defineStoredItem } from '@/utils/storage/item';
import { PORTAL_HOSTS } from '@/utils/angelHosts';

export interface SkewMeasurement {
  /** server time - device time, ms. */
  offsetMs: number;
  /** Device time when measured, ms epoch. */
  measuredAt: number;
  roundTripMs: number;
}

/** Above this the user is warned and codes are corrected. */
export const SKEW_WARN_MS = 5000;
/** Automatic measurements at most this often. */
export const SKEW_REMEASURE_MS = 10 * 60 * 1000;
/** A Date header fetched over a slower round trip says too little to be used. */
const MAX_ROUND_TRIP_MS = 15_000;
const FETCH_TIMEOUT_MS = 10_000;

const skewItem = defineStoredItem<SkewMeasurement | null>('session:clockSkew', { fallback: null });
const attemptItem = defineStoredItem<number>('session:clockSkewAttemptAt', { fallback: 0 });

let known: SkewMeasurement | null = null;

export async function loadSkew(): Promise<SkewMeasurement | null> {
  known = await skewItem.getValue();
  return known;
}

export function knownSkew(): SkewMeasurement | null {
  return known;
}

/** The correction to add to device time: the offset when it is above the warning line, else 0. */
export function skewCorrectionMs(): number {
  return known && Math.abs(known.offsetMs) > SKEW_WARN_MS ? known.offsetMs : 0;
}

/**
 * Feed one observation: the Date header of a response to a request sent at `requestStartMs`
 * and fully received at `responseEndMs` (device clock). Never throws or rejects.
 */
export async function recordServerDate(
  dateHeader: string,
  requestStartMs: number,
  responseEndMs: number,
): Promise<void> {
  try {
    const server = Date.parse(dateHeader);
    const roundTripMs = responseEndMs - requestStartMs;
    if (
      !Number.isFinite(server) ||
      !Number.isFinite(roundTripMs) ||
      roundTripMs < 0 ||
      roundTripMs > MAX_ROUND_TRIP_MS
    )
      return;
    // The header is truncated to whole seconds: the server's clock read D.000 to D.999.
    const offsetMs = Math.round(server + 500 - (requestStartMs + responseEndMs) / 2);
    known = { offsetMs, measuredAt: responseEndMs, roundTripMs };
    await skewItem.setValue(known);
  } catch {
    /* best effort: a failed measurement leaves the previous one */
  }
}

/** Measure now if the last attempt is older than SKEW_REMEASURE_MS (or `force`). */
export async function measureSkewIfDue(force = false, now = Date.now()): Promise<void> {
  const last = await attemptItem.getValue();
  if (!force && now - last < SKEW_REMEASURE_MS && now >= last) return;
  await attemptItem.setValue(now);
  for (const host of PORTAL_HOSTS) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
    try {
      const start = Date.now();
      const res = await fetch(`https://${host}/`, {
        method: 'HEAD',
        cache: 'no-store',
        credentials: 'omit',
        signal: controller.signal,
      });
      const end = Date.now();
      const date = res.headers.get('date');
      if (date) {
        await recordServerDate(date, start, end);
        return;
      }
    } catch {
      /* try the older host */
    } finally {
      clearTimeout(timer);
    }
  }
}
