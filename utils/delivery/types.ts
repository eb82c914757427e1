/**
 * Delivery of captured session tokens to the user's own backend.
 * Everything here is plain data: no browser API, no secret.
 */
import type { Platform, TokenSource } from '../vault/types';
import type { Said } from '../i18n/core';
import type { MessageKey } from '../i18n/en';

/**
 * What a delivery result says: a message (codes and values) worded where it is shown, in the
 * language of that moment, or a sentence stored by an older version, shown as it is.
 */
export type DeliverySaid = Said<MessageKey>;

export type TargetKind = 'angel-redirect' | 'webhook';

/**
 * A delivery target, as kept in storage.local. It holds no secret: the webhook's signing
 * secret lives in the vault (VaultData.webhookSecrets[target.id]).
 */
export interface DeliveryTarget {
  id: string; // random UUID
  accountId: string;
  kind: TargetKind;
  /** Webhook only: where the JSON is POSTed. */
  url?: string;
  createdAt: number;
}

/** The JSON body POSTed to a webhook. Documented in docs/webhook.md. */
export interface TokenPayload {
  schema_version: 1;
  event_id: string;
  test: boolean;
  broker: 'angel';
  account_label: string;
  client_code: string;
  api_key_last4: string;
  platform: Platform;
  auth_token: string;
  /** Absent when the login returned none (never an empty string). */
  feed_token?: string;
  refresh_token?: string;
  captured_at: string; // ISO 8601, UTC
  expires_at: string; // ISO 8601, UTC: next midnight IST after capture
  source: TokenSource;
}

export type EntryState = 'pending' | 'failed' | 'expired';

/** One delivery waiting in the outbox (storage.local). The body is sealed with the vault key. */
export interface OutboxEntry {
  eventId: string; // = payload.event_id = Idempotency-Key
  targetId: string;
  accountId: string;
  test: boolean;
  sealedBody: string; // sealBlob(exact JSON body); the same bytes are sent on every attempt
  createdAt: number;
  deadline: number; // ms epoch; no attempt after this (default: the tokens' expiry)
  attempts: number;
  nextAttemptAt: number;
  state: EntryState;
  lastAttemptAt?: number;
  lastHttpStatus?: number;
  /** What the last attempt got (DeliverySaid). Never contains a token. */
  lastMessage?: DeliverySaid;
}

export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed' | 'expired' | 'waiting-unlock';

/** Last delivery result per target, for the options page. */
export interface LastDelivery {
  at: number;
  eventId: string;
  test: boolean;
  outcome: DeliveryOutcome;
  httpStatus?: number;
  message: DeliverySaid;
}
