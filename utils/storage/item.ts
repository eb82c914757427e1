/**
 * Stored items (storage.local and storage.session) read through one path that checks them.
 *
 * defineStoredItem() wraps WXT's storage.defineItem with the same getValue / setValue /
 * removeValue / watch, plus read(): a valid stored value comes back typed; a damaged one gives
 * a StoredItemError naming the item and what is wrong. The check itself (valibot schemas, one
 * per key: entrypoints/background/schemas/stored.ts) is installed with setStoredItemCheck() by
 * the background and the options page; the popup does not install it (its bundle budget has no
 * room for valibot) and reads values as stored.
 *
 * A damaged value is never lost: before getValue() hands out the fallback, and before any
 * write over it, the damaged value is copied as it is to "<key>:corrupt" in the same area
 * (a copy already there is kept, never overwritten). Only the user deletes that copy (Options,
 * "Saved data that could not be read"). docs/storage.md lists every item.
 */
import { storage } from '#imports';

type StorageItemKey = `${'local' | 'session'}:${string}`;

export const CORRUPT_SUFFIX = ':corrupt';

export class StoredItemError extends Error {
  constructor(
    /** The storage key, e.g. "local:loginSettings". */
    readonly item: string,
    /** What is wrong, as paths and expectations (never the stored values). */
    readonly issues: string[],
  ) {
    super(`Stored item ${item} cannot be read: ${issues.join('; ')}`);
    this.name = 'StoredItemError';
  }
}

export type StoredCheck = (
  key: string,
  raw: unknown,
) => { ok: true; value: unknown } | { ok: false; issues: string[] };
let check: StoredCheck | null = null;

/** Install the schema check (background and options page). */
export function setStoredItemCheck(next: StoredCheck | null): void {
  check = next;
}

export type StoredRead<T> = { ok: true; value: T; stored: boolean } | { ok: false; error: StoredItemError };

export interface StoredItem<T> {
  readonly key: StorageItemKey;
  /** A fresh copy on every call: never change it in place. */
  readonly fallback: T;
  /** The parsed value (`stored: false` = nothing stored, a fresh fallback), or the typed error. */
  read(): Promise<StoredRead<T>>;
  /** The parsed value, or a fresh fallback when nothing is stored or it is damaged (kept aside first). */
  getValue(): Promise<T>;
  /** Write; a damaged stored value is kept aside first. */
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Changes as parsed values (a damaged or removed value shows as the fallback). */
  watch(cb: (next: T, previous: T) => void): () => void;
}

function parse<T>(key: string, raw: unknown): { ok: true; value: T } | { ok: false; issues: string[] } {
  if (!check) return { ok: true, value: raw as T };
  try {
    const r = check(key, raw);
    return r.ok ? { ok: true, value: r.value as T } : r;
  } catch {
    return { ok: false, issues: ['the check failed'] };
  }
}

export function defineStoredItem<T>(
  key: StorageItemKey,
  opts: { fallback: T; version?: number } | { fallback?: undefined; version?: number } = {},
): StoredItem<T> {
  const inner = storage.defineItem<T>(key, opts.version ? { version: opts.version } : {});
  const fallbackCopy = (): T => structuredClone((opts.fallback ?? null) as T);
  const corruptKey = `${key}${CORRUPT_SUFFIX}` as StorageItemKey;

  /** Copy a damaged value to "<key>:corrupt" unless a copy is already kept there. */
  async function keepAside(raw: unknown, error: StoredItemError): Promise<void> {
    console.warn('[SmartAPI Companion] stored data damaged:', error.item, error.issues.join('; '));
    if ((await storage.getItem(corruptKey)) !== null) return;
    await storage.setItem(corruptKey, { savedAt: Date.now(), issues: error.issues, value: raw });
  }

  async function readRaw(): Promise<{ raw: unknown; result: StoredRead<T> }> {
    const raw = await storage.getItem<unknown>(key);
    if (raw === null || raw === undefined)
      return { raw, result: { ok: true, value: fallbackCopy(), stored: false } };
    const r = parse<T>(key, raw);
    return {
      raw,
      result: r.ok
        ? { ok: true, value: r.value, stored: true }
        : { ok: false, error: new StoredItemError(key, r.issues) },
    };
  }

  const orFallback = (raw: unknown): T => {
    if (raw === null || raw === undefined) return fallbackCopy();
    const r = parse<T>(key, raw);
    return r.ok ? r.value : fallbackCopy();
  };

  return {
    key,
    get fallback() {
      return fallbackCopy();
    },
    read: async () => (await readRaw()).result,
    async getValue() {
      const { raw, result } = await readRaw();
      if (result.ok) return result.value;
      await keepAside(raw, result.error);
      return fallbackCopy();
    },
    async setValue(value) {
      if (check) {
        const { raw, result } = await readRaw();
        if (!result.ok) await keepAside(raw, result.error);
      }
      await inner.setValue(value);
    },
    async removeValue() {
      if (check) {
        const { raw, result } = await readRaw();
        if (!result.ok) await keepAside(raw, result.error);
      }
      await inner.removeValue();
    },
    watch: (cb) => inner.watch((next, previous) => cb(orFallback(next), orFallback(previous))),
  };
}
