import { describe, expect, it } from 'vitest';
import {
  LOGIN_PATH,
  PROFILE_PATH,
  angelHeaders,
  bareJwt,
  buildLoginRequest,
  buildProfileRequest,
} from '@/utils/angel/rest';

const creds = { clientCode: ' r123456 ', mpin: '1357', totp: '042913', apiKey: ' Fx7kQ2pL ' };

describe('buildLoginRequest', () => {
  it('posts to loginByPassword on the given host with the MPIN as "password"', () => {
    const r = buildLoginRequest('apiconnect.angelone.in', creds);
    expect(r.url).toBe('https://apiconnect.angelone.in/rest/auth/angelbroking/user/v1/loginByPassword');
    expect(r.method).toBe('POST');
    expect(JSON.parse(r.body!)).toEqual({ clientcode: 'r123456', password: '1357', totp: '042913' });
  });

  it('sends every header the SDKs send, with the API key as X-PrivateKey', () => {
    const r = buildLoginRequest('apiconnect.angelbroking.com', creds);
    expect(r.url.startsWith('https://apiconnect.angelbroking.com/')).toBe(true);
    expect(r.headers).toEqual({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'X-UserType': 'USER',
      'X-SourceID': 'WEB',
      'X-ClientLocalIP': expect.any(String),
      'X-ClientPublicIP': expect.any(String),
      'X-MACAddress': expect.any(String),
      'X-PrivateKey': 'Fx7kQ2pL',
    });
  });

  it('keeps the TOTP code as a string, leading zeros included', () => {
    const r = buildLoginRequest('h', { ...creds, totp: '000123' });
    expect(r.body).toContain('"totp":"000123"');
  });
});

describe('buildProfileRequest', () => {
  it('GETs getProfile with the bearer token and the API key headers', () => {
    const r = buildProfileRequest('apiconnect.angelone.in', 'eyJabc.def', 'KEY1');
    expect(r.url).toBe(`https://apiconnect.angelone.in${PROFILE_PATH}`);
    expect(r.method).toBe('GET');
    expect(r.body).toBeUndefined();
    expect(r.headers.Authorization).toBe('Bearer eyJabc.def');
    expect(r.headers['X-PrivateKey']).toBe('KEY1');
  });

  it('does not double a "Bearer " prefix Angel may have put on the token', () => {
    expect(buildProfileRequest('h', 'Bearer eyJabc', 'K').headers.Authorization).toBe('Bearer eyJabc');
    expect(bareJwt('bearer   eyJx ')).toBe('eyJx');
    expect(bareJwt('eyJx')).toBe('eyJx');
  });
});

it('login and profile paths are the documented ones', () => {
  expect(LOGIN_PATH).toBe('/rest/auth/angelbroking/user/v1/loginByPassword');
  expect(PROFILE_PATH).toBe('/rest/secure/angelbroking/user/v1/getProfile');
  expect(Object.keys(angelHeaders('k'))).toHaveLength(8);
});
