/**
 * Rules for webhook URLs: https everywhere; plain http only for this computer
 * (localhost, 127.0.0.1), where nothing travels over a network.
 */
import { tText } from '../i18n/text';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'] as const;

export type WebhookUrlCheck =
  { ok: true; url: string; origin: string; permissionPattern: string } | { ok: false; error: string };

export function checkWebhookUrl(input: string): WebhookUrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, error: tText('whurl.empty') };
  if (text.length > 2000) return { ok: false, error: tText('whurl.tooLong') };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return {
      ok: false,
      error: tText('whurl.notUrl'),
    };
  }
  const loopback = (LOOPBACK_HOSTS as readonly string[]).includes(u.hostname);
  if (u.protocol === 'http:' && !loopback) {
    return {
      ok: false,
      error: tText('whurl.http'),
    };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return { ok: false, error: tText('whurl.scheme') };
  }
  if (u.username || u.password) {
    return {
      ok: false,
      error: tText('whurl.credentials'),
    };
  }
  if (!u.hostname) return { ok: false, error: tText('whurl.noHost') };
  u.hash = '';
  return {
    ok: true,
    url: u.toString(),
    origin: u.origin,
    // Match patterns ignore the port, so one grant covers every port of that host.
    permissionPattern: `${u.protocol}//${u.hostname}/*`,
  };
}
