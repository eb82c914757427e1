import { describe, expect, it } from 'vitest';
import { HIDDEN, maskSecrets, payloadSecrets, secretForms } from '@/utils/delivery/mask';
import { encodeBase32 } from '@/utils/vault/base32';

const AUTH = 'eyJhbGciOiJIUzUxMiJ9.eyJ1c2VybmFtZSI6IkExMjM0NTYifQ.c2lnbmF0dXJl';
const FEED = 'feed+token/with spaces&=';
const enc = new TextEncoder();

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
function hex(text: string): string {
  return Buffer.from(text, 'utf8').toString('hex');
}

/** Every way a test below could still find the value. */
function leaks(text: string, value: string): string[] {
  const found: string[] = [];
  if (text.includes(value)) found.push('plain');
  if (text.includes(encodeURIComponent(value))) found.push('url');
  if (text.toLowerCase().includes(hex(value))) found.push('hex');
  for (const form of secretForms(value)) if (text.includes(form)) found.push(form);
  return found;
}

describe('maskSecrets', () => {
  it('hides a value as is, JSON-escaped, URL-encoded and in hex of either case', () => {
    const text = [
      AUTH,
      JSON.stringify(FEED),
      encodeURIComponent(FEED),
      hex(AUTH),
      hex(AUTH).toUpperCase(),
    ].join(' | ');
    const out = maskSecrets(text, [AUTH, FEED]);
    expect(leaks(out, AUTH)).toEqual([]);
    expect(leaks(out, FEED)).toEqual([]);
    expect(out).toContain(HIDDEN);
  });

  it('hides a value inside a longer base64, base64url or base32 blob at every alignment', () => {
    for (const prefix of ['', 'x', 'xy', 'xyz', 'wxyz']) {
      const body = `${prefix}{"auth_token":"${AUTH}","n":1}`;
      const std = b64(body);
      const url = std.replace(/\+/g, '-').replace(/\//g, '_');
      const b32 = encodeBase32(enc.encode(body));
      const out = maskSecrets(`${std} ${url} ${b32} ${b32.toLowerCase()}`, [AUTH]);
      // The middle of the encoded value is gone: decoding what is left never yields the token.
      expect(Buffer.from(out.split(' ')[0]!, 'base64').toString('latin1')).not.toContain(AUTH);
      for (const form of secretForms(AUTH)) expect(out.toLowerCase()).not.toContain(form.toLowerCase());
    }
  });

  it('leaves other text alone and ignores empty or tiny values', () => {
    expect(maskSecrets('field required: auth_token', [AUTH, '', undefined, 'ab'])).toBe(
      'field required: auth_token',
    );
  });

  it('finds the tokens of a webhook body', () => {
    const body = JSON.stringify({ auth_token: AUTH, feed_token: FEED, refresh_token: 'r-123456' });
    expect(payloadSecrets(body)).toEqual([AUTH, FEED, 'r-123456']);
    expect(payloadSecrets('not json')).toEqual([]);
  });
});
