/** Messages of the delivery feature (options page -> background). */
import type { Message } from '../messaging';
import type { DeliveryOutcome, DeliverySaid, EntryState, LastDelivery, TargetKind } from './types';

/** A target as the options page sees it (no secret). */
export interface TargetView {
  id: string;
  accountId: string;
  kind: TargetKind;
  url?: string;
  createdAt: number;
  /** Webhook: whether the browser lets the extension post to this origin. */
  siteAccess?: boolean;
  permissionPattern?: string;
  last?: LastDelivery;
  /** Deliveries of this target still in the outbox. */
  pending: number;
  failed: number;
}

/** An outbox entry for display: tokens masked, never in full. */
export interface OutboxView {
  eventId: string;
  targetId: string;
  accountId: string;
  accountLabel: string;
  clientCode: string;
  url: string;
  test: boolean;
  state: EntryState;
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  deadline: number;
  lastAttemptAt?: number;
  lastHttpStatus?: number;
  lastMessage?: DeliverySaid;
  maskedAuthToken: string;
  maskedFeedToken: string;
  maskedRefreshToken?: string;
}

export interface DeliveryOverview {
  targets: TargetView[];
  outbox: OutboxView[];
  /** When true the vault is locked: nothing can be sent until it is unlocked. */
  locked: boolean;
  /**
   * Unlocked only. 'tampered': the targets were changed outside the extension; 'unverified':
   * saved by an earlier version (or another vault). Either way nothing is sent until the user
   * confirms the list ('delivery/confirm-targets').
   */
  settings?: 'ok' | 'unverified' | 'tampered';
}

export type AddTargetRequest =
  { accountId: string; kind: 'angel-redirect' } | { accountId: string; kind: 'webhook'; url: string };

export interface AddTargetResult {
  target: TargetView;
  /** Webhook only, shown once: the signing secret to copy to the server. */
  secret?: string;
}

export interface SendResult {
  eventId: string;
  outcome: DeliveryOutcome;
  message: DeliverySaid;
  httpStatus?: number;
}

declare module '../messaging' {
  interface MessageMap {
    'delivery/overview': Message<void, DeliveryOverview, 'page'>;
    /** The user checked the target list shown in Options: sign it with the vault key as it is. */
    'delivery/confirm-targets': Message<void, void, 'page'>;
    'delivery/add-target': Message<AddTargetRequest, AddTargetResult, 'page'>;
    'delivery/remove-target': Message<{ targetId: string }, void, 'page'>;
    /** New signing secret for a webhook; the old one stops working at once. Shown once. */
    'delivery/rotate-secret': Message<{ targetId: string }, { secret: string }, 'page'>;
    /** A clearly marked test payload (test: true, fake tokens) through the normal outbox. */
    'delivery/send-test': Message<{ targetId: string }, SendResult, 'page'>;
    /** Attempt now: one outbox entry, every entry of a target, or (neither given) all. */
    'delivery/retry-now': Message<{ targetId?: string; eventId?: string }, SendResult[], 'page'>;
    'delivery/discard': Message<{ eventId: string }, void, 'page'>;
  }
}
