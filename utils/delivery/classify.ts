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
      reason: `Your server could not be reached (${r.networkError}). The extension will try again.`,
    };
  }
  if (r.redirected) {
    return {
      kind: 'stop',
      reason:
        'Your server answered with a redirect. Tokens are never sent on to another address: put the final URL in the target instead.',
    };
  }
  const s = r.status ?? 0;
  const said = r.bodySnippet ? ` It said: "${r.bodySnippet}"` : '';
  if (s >= 200 && s < 300) return { kind: 'delivered' };
  if (s === 408 || s === 429) return { kind: 'retry', reason: `Your server asked to try later (HTTP ${s}).` };
  if (s >= 500)
    return {
      kind: 'retry',
      reason: `Your server had an error (HTTP ${s}). The extension will try again.${said}`,
    };
  if (s >= 400) {
    return {
      kind: 'stop',
      reason: `Your server refused the delivery (HTTP ${s}) and it will not be retried.${said} Check the URL and the signing secret on your server, then press "Retry now".`,
    };
  }
  if (s >= 300) {
    return {
      kind: 'stop',
      reason: `Your server answered HTTP ${s} (a redirect). Put the final URL in the target.`,
    };
  }
  return {
    kind: 'retry',
    reason: `Unexpected answer from your server (HTTP ${s}). The extension will try again.`,
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
