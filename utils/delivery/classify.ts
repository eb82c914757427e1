import { tText } from '../i18n/text';

/** What an attempt's result means for the outbox: done, try again later, or stop. */
export type Verdict =
  { kind: 'delivered' } | { kind: 'retry'; reason: string } | { kind: 'stop'; reason: string };

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
      reason: tText('dlv.unreachable', { error: r.networkError }),
    };
  }
  if (r.redirected) {
    return {
      kind: 'stop',
      reason: tText('dlv.redirect'),
    };
  }
  const s = r.status ?? 0;
  const said = r.bodySnippet ? ` ${tText('dlv.said', { body: r.bodySnippet })}` : '';
  if (s >= 200 && s < 300) return { kind: 'delivered' };
  if (s === 408 || s === 429) return { kind: 'retry', reason: tText('dlv.later', { status: s }) };
  if (s >= 500)
    return {
      kind: 'retry',
      reason: `${tText('dlv.serverError', { status: s })}${said}`,
    };
  if (s >= 400) {
    return {
      kind: 'stop',
      reason: `${tText('dlv.refused', { status: s })}${said} ${tText('dlv.refusedNext')}`,
    };
  }
  if (s >= 300) {
    return {
      kind: 'stop',
      reason: tText('dlv.status3xx', { status: s }),
    };
  }
  return {
    kind: 'retry',
    reason: tText('dlv.unexpected', { status: s }),
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
