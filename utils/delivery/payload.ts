/** Building the webhook body from an account and its freshly captured tokens. */
import type { Account, SessionTokens } from '../vault/types';
import type { TokenPayload } from './types';
import { nextMidnightIst } from '../ist';

export interface PayloadOptions {
  eventId: string;
  test?: boolean;
}

export function apiKeyLast4(apiKey: string): string {
  return apiKey.slice(-4);
}

export function buildPayload(
  account: Pick<Account, 'label' | 'clientCode' | 'platform' | 'secrets'>,
  tokens: SessionTokens,
  opts: PayloadOptions,
): TokenPayload {
  const payload: TokenPayload = {
    schema_version: 1,
    event_id: opts.eventId,
    test: opts.test === true,
    broker: 'angel',
    account_label: account.label,
    client_code: account.clientCode,
    api_key_last4: apiKeyLast4(account.secrets.apiKey),
    platform: account.platform,
    auth_token: tokens.authToken,
    // Some logins return no feed token: the field is then left out (never sent empty).
    ...(tokens.feedToken ? { feed_token: tokens.feedToken } : {}),
    captured_at: new Date(tokens.capturedAt).toISOString(),
    expires_at: new Date(tokens.expiresAt).toISOString(),
    source: tokens.source,
  };
  if (tokens.refreshToken) payload.refresh_token = tokens.refreshToken;
  return payload;
}

/**
 * Obviously fake tokens for "Send test event": a receiver must never mistake them for
 * real ones (the payload also says test: true).
 */
export function testTokens(nowMs: number, source: SessionTokens['source']): SessionTokens {
  return {
    authToken: 'TEST-auth-token-not-valid-at-angel',
    feedToken: 'TEST-feed-token-not-valid-at-angel',
    refreshToken: 'TEST-refresh-token-not-valid-at-angel',
    capturedAt: nowMs,
    expiresAt: nextMidnightIst(nowMs),
    source,
  };
}

/** Show enough of a token to recognise it, never enough to use it. */
export function maskToken(token: string | undefined): string {
  if (!token) return '—';
  if (token.length <= 8) return '•'.repeat(token.length);
  return `${token.slice(0, 4)}…${token.slice(-4)} (${token.length} chars)`;
}
