/** Angel One host names, current and older generation. Both answer; match both everywhere. */
export const PORTAL_HOSTS = ['smartapi.angelone.in', 'smartapi.angelbroking.com'] as const;
export const API_HOSTS = ['apiconnect.angelone.in', 'apiconnect.angelbroking.com'] as const;

export const PORTAL_MATCHES = PORTAL_HOSTS.map((h) => `https://${h}/*`);

export function isPortalOrigin(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (PORTAL_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}
