/**
 * Rules for webhook URLs: https everywhere; plain http only for this computer
 * (localhost, 127.0.0.1), where nothing travels over a network.
 */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'] as const;

export type WebhookUrlCheck =
  { ok: true; url: string; origin: string; permissionPattern: string } | { ok: false; error: string };

export function checkWebhookUrl(input: string): WebhookUrlCheck {
  const text = input.trim();
  if (!text)
    return {
      ok: false,
      error: 'Enter the URL of your server, for example https://example.com/angel-tokens.',
    };
  if (text.length > 2000)
    return { ok: false, error: 'This URL is too long (over 2000 characters). Use a shorter address.' };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return {
      ok: false,
      error:
        'This is not a complete URL. It must start with https:// (for example https://example.com/hook).',
    };
  }
  const loopback = (LOOPBACK_HOSTS as readonly string[]).includes(u.hostname);
  if (u.protocol === 'http:' && !loopback) {
    return {
      ok: false,
      error:
        'Tokens must travel encrypted: use an https:// URL. Plain http:// is only allowed for localhost and 127.0.0.1.',
    };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return { ok: false, error: 'Only https:// URLs are supported (or http:// for localhost and 127.0.0.1).' };
  }
  if (u.username || u.password) {
    return {
      ok: false,
      error:
        'Remove the user name and password from the URL. Your server checks the X-Signature header instead.',
    };
  }
  if (!u.hostname) return { ok: false, error: 'The URL has no host name.' };
  u.hash = '';
  return {
    ok: true,
    url: u.toString(),
    origin: u.origin,
    // Match patterns ignore the port, so one grant covers every port of that host.
    permissionPattern: `${u.protocol}//${u.hostname}/*`,
  };
}
