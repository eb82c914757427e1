import { describe, expect, it } from 'vitest';
import { classifyAttempt, reasonMsg, snippet } from '@/utils/delivery/classify';
import { render } from '@/utils/i18n/core';
import '@/utils/i18n/text';

describe('retry classification', () => {
  it('2xx is delivered', () => {
    for (const s of [200, 201, 202, 204]) expect(classifyAttempt({ status: s }).kind).toBe('delivered');
  });
  it('network errors, 408, 429 and 5xx are retried', () => {
    expect(classifyAttempt({ networkError: 'Failed to fetch' }).kind).toBe('retry');
    for (const s of [408, 429, 500, 502, 503, 504])
      expect(classifyAttempt({ status: s }).kind, String(s)).toBe('retry');
  });
  it('other 4xx and redirects stop and show the answer', () => {
    for (const s of [400, 401, 403, 404, 410, 413, 422]) {
      const v = classifyAttempt({ status: s, bodySnippet: 'signature does not match' });
      expect(v.kind, String(s)).toBe('stop');
      if (v.kind === 'stop') {
        expect(v.reason.map((m) => m.code)).toEqual(['dlv.refused', 'dlv.said', 'dlv.refusedNext']);
        expect(render(reasonMsg(v.reason))).toBe(
          `Your server refused the delivery (HTTP ${s}) and it will not be retried. It said: "signature does not match" ` +
            'Check the URL and the signing secret on your server, then press "Retry now".',
        );
      }
    }
    expect(classifyAttempt({ status: 0, redirected: true }).kind).toBe('stop');
  });
  it('snippets are short and on one line', () => {
    expect(snippet('a\n\tb\u0000c')).toBe('a b c');
    expect(snippet('x'.repeat(500))).toHaveLength(201);
  });
});
