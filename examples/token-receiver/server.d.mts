/** Types of server.mjs, for TypeScript tests and the demo. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const MAX_AGE_SECONDS: number;
export declare const LOOPBACK_HOSTS: string[];
export declare function computeSignature(secret: string, timestamp: string | number, body: string): string;
export declare function verifySignature(
  secret: string,
  timestamp: string | number,
  body: string,
  signature: unknown,
): boolean;

export interface StoredTokens {
  client_code: string;
  account_label: string;
  api_key_last4: string;
  platform: string;
  auth_token: string;
  feed_token?: string;
  refresh_token?: string;
  captured_at: string;
  expires_at: string;
  source: string;
  event_id: string;
  received_at: string;
}

export interface ReceiverStore {
  version: 1;
  tokens: Record<string, StoredTokens>;
  events: Record<string, number>;
  lastTest: Record<string, { event_id: string; received_at: string }>;
}

export interface ReceiverJournal {
  accepted: { eventId: string; clientCode: string; test: boolean; at: number }[];
  duplicates: { eventId: string; at: number }[];
  rejected: { at: number; status: number; reason: string }[];
}

export interface ReceiverOptions {
  secret: string;
  dataFile?: string;
  webhookPath?: string;
  /** Without it GET /tokens answers 403. */
  readToken?: string;
  /** Host names accepted in the Host header besides 127.0.0.1, localhost and [::1]. */
  allowedHosts?: string[];
  maxAgeSeconds?: number;
  now?: () => number;
  log?: (line: string) => void;
}

export interface Receiver {
  handle(req: IncomingMessage, res: ServerResponse): void;
  journal: ReceiverJournal;
  store: ReceiverStore;
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export declare function createReceiver(options: ReceiverOptions): Receiver;
