/**
 * Messages of the keyboard command and the "Fill TOTP here" context menu.
 * The page messages run exactly the code the browser's command and menu click run; the
 * e2e suite uses them where a headless browser cannot press an extension shortcut or click
 * a context menu.
 */
import type { Message } from '../messaging';

export const COPY_COMMAND = 'copy-default-totp';
export const FILL_MENU_ID = 'sac-fill-totp';
export const FILL_MENU_ACCOUNT_PREFIX = 'sac-fill-totp:';

export type CopyOutcome =
  { ok: true; label: string } | { ok: false; reason: 'locked' | 'no-account' | 'copy-failed' };

export type FillOutcome =
  { ok: true; label: string } | { ok: false; reason: 'locked' | 'no-account' | 'no-field' | 'failed' };

/** Background -> content script of one tab/frame: put this code into the focused field. */
export interface FillFocusedRequest {
  __sacFillFocused: 1;
  code: string;
}

export function isFillFocusedRequest(m: unknown): m is FillFocusedRequest {
  return (
    !!m &&
    typeof m === 'object' &&
    (m as FillFocusedRequest).__sacFillFocused === 1 &&
    typeof (m as FillFocusedRequest).code === 'string' &&
    /^\d{6,8}$/.test((m as FillFocusedRequest).code)
  );
}

/** Background -> offscreen document (Chrome): write this text to the clipboard. */
export interface OffscreenCopyRequest {
  __sacOffscreen: 'copy';
  text: string;
}

export function isOffscreenCopyRequest(m: unknown): m is OffscreenCopyRequest {
  return (
    !!m &&
    typeof m === 'object' &&
    (m as OffscreenCopyRequest).__sacOffscreen === 'copy' &&
    typeof (m as OffscreenCopyRequest).text === 'string'
  );
}

declare module '../messaging' {
  interface MessageMap {
    /** Same as pressing the keyboard command (Alt+Shift+Y by default). */
    'shortcuts/copy-default': Message<void, CopyOutcome, 'page'>;
    /** Same as choosing "Fill TOTP here" in the context menu of that tab and frame. */
    'shortcuts/fill-focused': Message<
      { tabId: number; frameId?: number; accountId?: string },
      FillOutcome,
      'page'
    >;
  }
}
