/**
 * Rules for webhook URLs: https everywhere; plain http only for this computer
 * (localhost, 127.0.0.1), where nothing travels over a network.
 */
import { msg, type Msg } from '../i18n/core';
import type { MessageKey } from '../i18n/en';

/** Why a URL is refused: a `whurl.*` catalogue key (en.background.ts), translated at the UI edge. */
export type WebhookUrlProblem = Msg<Extract<MessageKey, `whurl.${string}`>>;

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'] as const;

export type WebhookUrlCheck =
  | { ok: true; url: string; origin: string; permissionPattern: string }
  | { ok: false; error: WebhookUrlProblem };

export function checkWebhookUrl(input: string): WebhookUrlCheck {
  const text = input.trim();
  if (!text) return { ok: false, error: msg('whurl.empty') };
  if (text.length > 2000) return { ok: false, error: msg('whurl.tooLong') };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return {
      ok: false,
      error: msg('whurl.notUrl'),
    };
  }
  const loopback = (LOOPBACK_HOSTS as readonly string[]).includes(u.hostname);
  if (u.protocol === 'http:' && !loopback) {
    return {
      ok: false,
      error: msg('whurl.http'),
    };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return { ok: false, error: msg('whurl.scheme') };
  }
  if (u.username || u.password) {
    return {
      ok: false,
      error: msg('whurl.credentials'),
    };
  }
  if (!u.hostname) return { ok: false, error: msg('whurl.noHost') };
  u.hash = '';
  return {
    ok: true,
    url: u.toString(),
    origin: u.origin,
    // Match patterns ignore the port, so one grant covers every port of that host.
    permissionPattern: `${u.protocol}//${u.hostname}/*`,
  };
}
