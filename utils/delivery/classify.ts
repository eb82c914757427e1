import { msg, type Msg } from '../i18n/core';
import type { MessageKey } from '../i18n/en';

/** One sentence of a verdict's reason: a `dlv.*` catalogue key (en.background.ts) and its values. */
export type DeliveryMsg = Msg<Extract<MessageKey, `dlv.${string}`>>;

/**
 * What an attempt's result means for the outbox: done, try again later, or stop. The reason is
 * its sentences as codes, shown one after the other (reasonMsg) in the language of the moment.
 */
export type Verdict =
  { kind: 'delivered' } | { kind: 'retry'; reason: DeliveryMsg[] } | { kind: 'stop'; reason: DeliveryMsg[] };

/**
 * A verdict's reason (and any sentences after it) as one message, to store: its sentences one
 * after the other ('dlv.then'), worded where it is shown.
 */
export function reasonMsg(reason: readonly Msg<MessageKey>[]): Msg<MessageKey> {
  const [first, ...rest] = reason;
  if (!first) return msg('dlv.then', { first: '', then: '' });
  return rest.length === 0 ? first : msg('dlv.then', { first, then: reasonMsg(rest) });
}

export interface AttemptResult {
  /** HTTP status; 0 with `redirected` for a redirect that was not followed. */
  status?: number;
  redirected?: boolean;
  /** A network failure (server down, DNS, TLS, timeout): no HTTP answer at all. */
  networkError?: string;
  /** The first characters of the response body, shown to the user on a refusal. */
  bodySnippet?: string;
}

export function classifyAttempt(r: AttemptResult): Verdict {
  if (r.networkError !== undefined) {
    return {
      kind: 'retry',
      reason: [msg('dlv.unreachable', { error: r.networkError })],
    };
  }
  if (r.redirected) {
    return {
      kind: 'stop',
      reason: [msg('dlv.redirect')],
    };
  }
  const s = r.status ?? 0;
  const said: DeliveryMsg[] = r.bodySnippet ? [msg('dlv.said', { body: r.bodySnippet })] : [];
  if (s >= 200 && s < 300) return { kind: 'delivered' };
  if (s === 408 || s === 429) return { kind: 'retry', reason: [msg('dlv.later', { status: s })] };
  if (s >= 500)
    return {
      kind: 'retry',
      reason: [msg('dlv.serverError', { status: s }), ...said],
    };
  if (s >= 400) {
    return {
      kind: 'stop',
      reason: [msg('dlv.refused', { status: s }), ...said, msg('dlv.refusedNext')],
    };
  }
  if (s >= 300) {
    return {
      kind: 'stop',
      reason: [msg('dlv.status3xx', { status: s })],
    };
  }
  return {
    kind: 'retry',
    reason: [msg('dlv.unexpected', { status: s })],
  };
}

/** Keep a short, single-line, printable excerpt of a response body for the user. */
export function snippet(text: string, max = 200): string {
  // Control characters become spaces (the snippet is shown as plain text).
  const printable = Array.from(text, (ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x20 || c === 0x7f ? ' ' : ch;
  }).join('');
  const flat = printable.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
