/**
 * Delivery settings are checked against the vault key: the target list carries an HMAC made
 * with a key derived from the vault key (so only this extension, unlocked, can make it), and
 * each outbox body is sealed with its event id, target id and URL as associated data.
 * Something that edits storage.local directly (another program, a damaged profile) can
 * neither point deliveries at a new address nor move a sealed body to another target.
 */
import { defineStoredItem } from '@/utils/storage/item';
import { lockedError, storedKey } from '@/entrypoints/background/vault/store';
import type { DeliveryTarget } from '@/utils/delivery/types';

export interface TargetsMac {
  v: 1;
  /** Identifies the vault key the MAC was made with (not the key itself). */
  keyId: string;
  mac: string;
}

export const targetsMacItem = defineStoredItem<TargetsMac | null>('local:delivery.targetsMac', {
  fallback: null,
});

/**
 * 'ok': made by this vault; 'unverified': no MAC yet (saved by an earlier version) or made by
 * another vault (a restore); 'tampered': made by this vault for other contents.
 */
export type TargetsState = 'ok' | 'unverified' | 'tampered';

const enc = new TextEncoder();

function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function hmac(key: BufferSource, message: string): Promise<ArrayBuffer> {
  const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', k, enc.encode(message));
}

async function macKey(): Promise<ArrayBuffer> {
  const key = await storedKey();
  if (!key) throw lockedError();
  // A separate key for this purpose, never the vault's AES key itself.
  return hmac(key.raw, 'SmartAPI Companion delivery targets MAC key v1');
}

/** Canonical text of the list: every field that decides where tokens go, in a fixed order. */
function canonical(targets: DeliveryTarget[]): string {
  return JSON.stringify(targets.map((t) => [t.id, t.accountId, t.kind, t.url ?? null, t.createdAt]));
}

export async function computeTargetsMac(targets: DeliveryTarget[]): Promise<TargetsMac> {
  const key = await macKey();
  return {
    v: 1,
    keyId: hex(await hmac(key, 'key id')).slice(0, 16),
    mac: hex(await hmac(key, canonical(targets))),
  };
}

/** Compare in constant time (lengths are public). */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Needs the vault unlocked (throws UserError('locked') otherwise). */
export async function targetsState(
  targets: DeliveryTarget[],
  stored: TargetsMac | null,
): Promise<TargetsState> {
  if (!stored || typeof stored !== 'object' || typeof stored.mac !== 'string') {
    return targets.length === 0 ? 'ok' : 'unverified';
  }
  const expected = await computeTargetsMac(targets);
  if (!same(stored.keyId ?? '', expected.keyId)) return targets.length === 0 ? 'ok' : 'unverified';
  return same(stored.mac, expected.mac) ? 'ok' : 'tampered';
}

/** The associated data that binds one outbox body to its delivery. */
export function outboxContext(eventId: string, targetId: string, url: string): string {
  return `outbox\n${eventId}\n${targetId}\n${url}`;
}
