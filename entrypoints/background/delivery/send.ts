/** One signed POST of a webhook body. Never logs or returns the body or the secret. */
import { signedHeaders } from '@/utils/delivery/sign';
import { snippet, type AttemptResult } from '@/utils/delivery/classify';

export const ATTEMPT_TIMEOUT_MS = 15_000;

export interface PostOutcome extends AttemptResult {
  retryAfter?: string | null;
}

export async function deliverToWebhook(
  url: string,
  secret: string,
  eventId: string,
  body: string,
  nowMs: number = Date.now(),
): Promise<PostOutcome> {
  const headers = await signedHeaders(secret, eventId, body, nowMs);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ATTEMPT_TIMEOUT_MS);
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
      text = await res.text();
    } catch {
      // A body we cannot read does not change the verdict.
    }
    return {
      status: res.status,
      bodySnippet: text ? snippet(text) : undefined,
      retryAfter: res.headers.get('retry-after'),
    };
  } catch (err) {
    const reason = abort.signal.aborted
      ? `no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`
      : err instanceof Error && err.message
        ? err.message
        : 'network error';
    return { networkError: reason };
  } finally {
    clearTimeout(timer);
  }
}
