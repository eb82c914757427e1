import { describe, expect, it } from 'vitest';
import {
  captureTokensFromUrl,
  isUserBackend,
  mentionsAuthToken,
  publisherLoginParams,
  urlParams,
} from '@/utils/login/tokens';

const JWT = 'eyJhbGciOiJIUzUxMiJ9.eyJ1c2VybmFtZSI6IkExMjMifQ.sig-_abc';

describe('captureTokensFromUrl', () => {
  it('reads the app redirect URL', () => {
    const c = captureTokensFromUrl(
      `https://webx.stocksdeveloper.in/auth/angel?auth_token=${JWT}&feed_token=123456&state=abc`,
    );
    expect(c).toEqual({
      authToken: JWT,
      feedToken: '123456',
      state: 'abc',
      origin: 'https://webx.stocksdeveloper.in',
    });
  });

  it('reads the misconfigured /publisher-login/undefined landing', () => {
    const c = captureTokensFromUrl(
      `https://smartapi.angelone.in/publisher-login/undefined?auth_token=${JWT}&feed_token=f1&refresh_token=r1&state=s1`,
    );
    expect(c?.authToken).toBe(JWT);
    expect(c?.refreshToken).toBe('r1');
    expect(c?.state).toBe('s1');
    expect(c?.origin).toBe('https://smartapi.angelone.in');
  });

  it('tolerates a second "?" when the redirect URL already had a query', () => {
    const c = captureTokensFromUrl(`https://example.org/cb?x=1?auth_token=${JWT}&feed_token=f&state=st`);
    expect(c?.authToken).toBe(JWT);
    expect(c?.state).toBe('st');
  });

  it('reads tokens in the fragment and percent-encoded values', () => {
    const c = captureTokensFromUrl(
      `https://app.example/#auth_token=${encodeURIComponent(JWT)}&feed_token=a%2Bb&state=q%20r`,
    );
    expect(c?.authToken).toBe(JWT);
    expect(c?.feedToken).toBe('a+b');
    expect(c?.state).toBe('q r');
  });

  it('strips a "Bearer " prefix and accepts other casings of names', () => {
    const c = captureTokensFromUrl(`https://a.example/?AUTH_TOKEN=Bearer%20${JWT}&FEED_TOKEN=9`);
    expect(c?.authToken).toBe(JWT);
    expect(c?.feedToken).toBe('9');
    expect(c?.state).toBe('');
  });

  it('has no refresh token when it is absent, empty or "undefined"', () => {
    expect(
      captureTokensFromUrl(`https://a.example/?auth_token=${JWT}&refresh_token=`)?.refreshToken,
    ).toBeUndefined();
    expect(
      captureTokensFromUrl(`https://a.example/?auth_token=${JWT}&refresh_token=undefined`)?.refreshToken,
    ).toBeUndefined();
    expect(captureTokensFromUrl(`https://a.example/?auth_token=${JWT}`)).not.toHaveProperty('refreshToken');
  });

  it('returns null without an auth token', () => {
    expect(captureTokensFromUrl('https://smartapi.angelone.in/publisher-login?api_key=k&state=s')).toBeNull();
    expect(captureTokensFromUrl('https://a.example/?auth_token=&feed_token=x')).toBeNull();
    expect(captureTokensFromUrl('https://a.example/?auth_token=undefined')).toBeNull();
    expect(captureTokensFromUrl('not a url?auth_token=x')).toBeNull();
    expect(captureTokensFromUrl('https://a.example/?myauth_token=x')).toBeNull();
  });

  it('keeps the first of duplicated parameters', () => {
    const c = captureTokensFromUrl(`https://a.example/?auth_token=${JWT}&state=first&state=second`);
    expect(c?.state).toBe('first');
  });
});

describe('helpers', () => {
  it('mentionsAuthToken is a cheap pre-check', () => {
    expect(mentionsAuthToken('https://x/?a=1&auth_token=z')).toBe(true);
    expect(mentionsAuthToken('https://x/#authtoken=z')).toBe(true);
    expect(mentionsAuthToken('https://x/?api_key=z')).toBe(false);
  });
  it('publisherLoginParams', () => {
    expect(
      publisherLoginParams('https://smartapi.angelone.in/publisher-login?api_key=AbC&state=xyz'),
    ).toEqual({ apiKey: 'AbC', state: 'xyz' });
    expect(publisherLoginParams('https://smartapi.angelone.in/publisher-login?api_key=AbC')).toEqual({
      apiKey: 'AbC',
      state: '',
    });
    expect(publisherLoginParams('https://smartapi.angelone.in/publisher-login')).toBeNull();
  });
  it('urlParams lower-cases names', () => {
    expect(urlParams('https://x/?A=1&b').get('a')).toBe('1');
    expect(urlParams('https://x/?A=1&b').get('b')).toBe('');
  });
  it('isUserBackend: same origin and not a placeholder', () => {
    expect(
      isUserBackend('https://webx.stocksdeveloper.in', 'https://webx.stocksdeveloper.in/auth/angel'),
    ).toBe(true);
    expect(isUserBackend('https://www.google.com', 'https://www.google.com')).toBe(false);
    expect(isUserBackend('https://evil.example', 'https://webx.stocksdeveloper.in/auth/angel')).toBe(false);
    expect(isUserBackend('https://smartapi.angelone.in', '')).toBe(false);
  });
});
