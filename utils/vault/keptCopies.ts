/**
 * Copies of a vault set aside by the extension (today: a damaged vault before a backup is
 * restored over it). Listed in Options with "Export" and "Delete"; a reset deletes them all.
 */
import type { Message } from '../messaging';

export interface KeptCopyView {
  /** savedAt of the copy: unique per copy, stable while it exists. */
  id: number;
  savedAt: number;
  /** 'restore': a damaged vault set aside before a restore; 'reset': kept by an older version's reset. */
  reason: 'restore' | 'reset' | 'other';
  /** Size of the stored copy, in characters. */
  size: number;
}

/** The reason text stored with a copy, as KeptCopyView['reason']. */
export function keptReason(stored: string): KeptCopyView['reason'] {
  if (/restor/i.test(stored)) return 'restore';
  if (/reset/i.test(stored)) return 'reset';
  return 'other';
}

declare module '../messaging' {
  interface MessageMap {
    'vault/kept-copies': Message<void, KeptCopyView[], 'page'>;
    /** Deletes one kept copy for good; answers the remaining list. */
    'vault/kept-copy-delete': Message<{ id: number }, KeptCopyView[], 'page'>;
    /** The copy exactly as stored (still encrypted with the master password it had). */
    'vault/kept-copy-export': Message<{ id: number }, { fileName: string; content: string }, 'page'>;
  }
}
