/**
 * Requests to Angel One's Smart API REST endpoints, as plain data (no fetch here).
 * Header names and body fields follow Angel's public SDKs; the IP and MAC headers are not
 * checked by Angel, so fixed placeholders are sent instead of anything about this computer.
 */
export const LOGIN_PATH = '/rest/auth/angelbroking/user/v1/loginByPassword';
export const PROFILE_PATH = '/rest/secure/angelbroking/user/v1/getProfile';

export const PLACEHOLDER_LOCAL_IP = '127.0.0.1';
export const PLACEHOLDER_PUBLIC_IP = '127.0.0.1';
export const PLACEHOLDER_MAC = '00:00:00:00:00:00';

export interface RestRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface LoginCredentials {
  clientCode: string;
  mpin: string;
  totp: string;
  apiKey: string;
}

export function apiUrl(host: string, path: string): string {
  return `https://${host}${path}`;
}

/** The headers every Smart API call carries. */
export function angelHeaders(apiKey: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'X-UserType': 'USER',
    'X-SourceID': 'WEB',
    'X-ClientLocalIP': PLACEHOLDER_LOCAL_IP,
    'X-ClientPublicIP': PLACEHOLDER_PUBLIC_IP,
    'X-MACAddress': PLACEHOLDER_MAC,
    'X-PrivateKey': apiKey,
  };
}

export function buildLoginRequest(host: string, c: LoginCredentials): RestRequest {
  return {
    url: apiUrl(host, LOGIN_PATH),
    method: 'POST',
    headers: angelHeaders(c.apiKey.trim()),
    // Angel's field is called "password" but takes the 4-digit MPIN (docs/angel.md, "REST login").
    body: JSON.stringify({ clientcode: c.clientCode.trim(), password: c.mpin, totp: c.totp }),
  };
}

/** Angel's login answer sometimes carries the JWT with a "Bearer " prefix; store it bare. */
export function bareJwt(token: string): string {
  return token.replace(/^Bearer\s+/i, '').trim();
}

export function buildProfileRequest(host: string, jwt: string, apiKey: string): RestRequest {
  return {
    url: apiUrl(host, PROFILE_PATH),
    method: 'GET',
    headers: { ...angelHeaders(apiKey.trim()), Authorization: `Bearer ${bareJwt(jwt)}` },
  };
}
