/**
 * Reading Angel's session tokens out of a URL of the login tab.
 *
 * Angel appends `auth_token`, `feed_token`, `state` and sometimes `refresh_token` to the
 * app's Redirect URL. The redirect URL may already carry a query (Angel then sometimes
 * adds a second `?`), a misconfigured app lands on `/publisher-login/undefined?auth_token=`,
 * and some apps read tokens from the fragment. Any URL of the tab counts.
 */
export interface CapturedRedirect {
  authToken: string;
  feedToken: string;
  refreshToken?: string;
  /** The `state` the URL carried; '' when it carried none. */
  state: string;
  /** Origin of the URL the tokens were found on (the redirect target). */
  origin: string;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Every name=value pair in the query and fragment, tolerant of a second `?`. */
export function urlParams(url: string): Map<string, string> {
  const out = new Map<string, string>();
  const start = url.search(/[?#]/);
  if (start < 0) return out;
  for (const part of url.slice(start + 1).split(/[?&#;]/)) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq))
      .trim()
      .toLowerCase();
    const value = eq < 0 ? '' : decode(part.slice(eq + 1)).trim();
    // The first occurrence wins: a later duplicate must not override what Angel sent.
    if (name && !out.has(name)) out.set(name, value);
  }
  return out;
}

const AUTH_NAMES = ['auth_token', 'authtoken', 'jwttoken', 'jwt_token'];
const FEED_NAMES = ['feed_token', 'feedtoken'];
const REFRESH_NAMES = ['refresh_token', 'refreshtoken'];

function pick(params: Map<string, string>, names: string[]): string | undefined {
  for (const n of names) {
    const v = params.get(n);
    if (v !== undefined && v !== '' && v !== 'undefined' && v !== 'null') return v;
  }
  return undefined;
}

function cleanToken(value: string): string {
  return value.replace(/^bearer\s+/i, '').trim();
}

/** Tokens in `url`, or null when it carries no auth token. */
export function captureTokensFromUrl(url: string): CapturedRedirect | null {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  const params = urlParams(url);
  const auth = pick(params, AUTH_NAMES);
  if (!auth) return null;
  const authToken = cleanToken(auth);
  if (!authToken || /\s/.test(authToken)) return null;
  const feed = pick(params, FEED_NAMES);
  const refresh = pick(params, REFRESH_NAMES);
  const captured: CapturedRedirect = {
    authToken,
    feedToken: feed ? cleanToken(feed) : '',
    state: params.get('state') ?? '',
    origin,
  };
  if (refresh) captured.refreshToken = cleanToken(refresh);
  return captured;
}

/** True when a URL mentions an auth token at all (cheap pre-check for navigation events). */
export function mentionsAuthToken(url: string): boolean {
  return /[?&#;](auth_?token|jwt_?token)=/i.test(url);
}

/** The `api_key` and `state` of a publisher-login URL. */
export function publisherLoginParams(url: string): { apiKey: string; state: string } | null {
  const params = urlParams(url);
  const apiKey = params.get('api_key') ?? params.get('apikey') ?? '';
  if (!apiKey) return null;
  return { apiKey, state: params.get('state') ?? '' };
}

/** Hosts people use as a throw-away Redirect URL: nothing there receives tokens. */
const DUMMY_REDIRECT_HOSTS = [
  'google.com',
  'www.google.com',
  'google.co.in',
  'www.google.co.in',
  'example.com',
  'www.example.com',
  'localhost',
  '127.0.0.1',
];

/**
 * Whether the redirect target is the user's own backend, which must receive the request:
 * the account's Redirect URL has the same origin and is not a placeholder site.
 */
export function isUserBackend(redirectOrigin: string, accountRedirectUrl: string): boolean {
  let configured: URL;
  try {
    configured = new URL(accountRedirectUrl);
  } catch {
    return false;
  }
  if (configured.origin !== redirectOrigin) return false;
  if (DUMMY_REDIRECT_HOSTS.includes(configured.hostname.toLowerCase())) return false;
  return configured.protocol === 'https:';
}
