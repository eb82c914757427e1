/** One signed POST of a webhook body. Never logs or returns the body or the secret. */
import { signedHeaders } from '@/utils/delivery/sign';
import { t } from '@/utils/i18n/text';
import { snippet, type AttemptResult } from '@/utils/delivery/classify';
import { maskSecrets, payloadSecrets } from '@/utils/delivery/mask';

export const ATTEMPT_TIMEOUT_MS = 15_000;
/** Only this much of a reply is read for the message shown to the user. */
const MAX_REPLY_CHARS = 64 * 1024;
/**
 * A 401 from a server whose Date header is further than this from the signed X-Timestamp is
 * taken as a clock problem: the request is signed again once, with the server's time.
 */
export const CLOCK_RETRY_MS = 60_000;

export interface PostOutcome extends AttemptResult {
  retryAfter?: string | null;
  /** Set when the first answer was a 401 from a server whose clock is far from ours. */
  resignedForClock?: boolean;
}

interface RawOutcome extends PostOutcome {
  /** Server time minus device time, from the reply's Date header; undefined without one. */
  serverOffsetMs?: number;
}

async function postOnce(
  url: string,
  secret: string,
  eventId: string,
  body: string,
  signAtMs: number,
): Promise<RawOutcome> {
  const headers = await signedHeaders(secret, eventId, body, signAtMs);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ATTEMPT_TIMEOUT_MS);
  const start = Date.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { ...headers },
      body,
      // Tokens are never carried on to an address the user did not give.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: abort.signal,
    });
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
      return { status: res.status, redirected: true };
    }
    let text = '';
    try {
      text = (await res.text()).slice(0, MAX_REPLY_CHARS);
    } catch {
      // A body we cannot read does not change the verdict.
    }
    const end = Date.now();
    const date = Date.parse(res.headers.get('date') ?? '');
    // A reply may echo the request: every token and the signing secret are hidden first.
    const masked = text ? maskSecrets(text, [...payloadSecrets(body), secret]) : '';
    return {
      status: res.status,
      bodySnippet: masked ? snippet(masked) : undefined,
      retryAfter: res.headers.get('retry-after'),
      // The header has whole seconds: the server read D.000 to D.999.
      serverOffsetMs: Number.isFinite(date) ? Math.round(date + 500 - (start + end) / 2) : undefined,
    };
  } catch (err) {
    const reason = abort.signal.aborted
      ? t('dlv.noAnswer', { seconds: ATTEMPT_TIMEOUT_MS / 1000 })
      : err instanceof Error && err.message
        ? err.message
        : 'network error';
    return { networkError: reason };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * POST `body` signed for `nowMs` (the caller passes device time corrected by the measured
 * clock skew). A 401 from a server whose clock is more than a minute from that time gets
 * one more attempt signed with the server's own time (from its Date header); never more.
 */
export async function deliverToWebhook(
  url: string,
  secret: string,
  eventId: string,
  body: string,
  nowMs: number = Date.now(),
): Promise<PostOutcome> {
  const signedOffset = nowMs - Date.now();
  const first = await postOnce(url, secret, eventId, body, nowMs);
  const offset = first.serverOffsetMs;
  if (first.status !== 401 || offset === undefined || Math.abs(offset - signedOffset) <= CLOCK_RETRY_MS) {
    return strip(first);
  }
  const second = await postOnce(url, secret, eventId, body, Date.now() + offset);
  return { ...strip(second), resignedForClock: true };
}

function strip(o: RawOutcome): PostOutcome {
  const { serverOffsetMs: _drop, ...rest } = o;
  void _drop;
  return rest;
}
