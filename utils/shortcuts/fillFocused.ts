/**
 * Content-script side of "Fill TOTP here": the background computed the code after the user
 * chose the menu item; this puts it into the field that has the focus, as typing would (native
 * value setter, then input/change events, so the portal's React form sees it).
 */
import { browser, type Browser } from 'wxt/browser';
import { setTextValue } from '../portal/filler';
import { isFillFocusedRequest } from './protocol';

export type FocusedFillReply = { ok: true } | { ok: false; reason: 'no-field' };

const TEXT_TYPES = new Set(['', 'text', 'tel', 'number', 'password', 'search']);

/** The focused text field that can take a code, or null. */
export function focusedCodeField(doc: Document): HTMLInputElement | HTMLTextAreaElement | null {
  let el = doc.activeElement;
  // Open shadow roots (custom OTP widgets): the real input is inside.
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const view = doc.defaultView;
  if (!el || !view) return null;
  if (el instanceof view.HTMLTextAreaElement) return el.disabled || el.readOnly ? null : el;
  if (el instanceof view.HTMLInputElement) {
    if (el.disabled || el.readOnly) return null;
    return TEXT_TYPES.has(el.type.toLowerCase()) || el.type === '' ? el : null;
  }
  return null;
}

export function fillFocused(doc: Document, code: string): FocusedFillReply {
  const field = focusedCodeField(doc);
  if (!field) return { ok: false, reason: 'no-field' };
  setTextValue(field, code);
  return { ok: true };
}

/** Accepts only the extension's own background (never another extension, never a tab). */
export function onFillMessage(message: unknown, sender: Browser.runtime.MessageSender) {
  if (!isFillFocusedRequest(message)) return undefined;
  if (sender.id !== browser.runtime.id || sender.tab) return undefined;
  return Promise.resolve(fillFocused(document, message.code));
}

export function listenForFocusedFill(): () => void {
  browser.runtime.onMessage.addListener(onFillMessage);
  return () => browser.runtime.onMessage.removeListener(onFillMessage);
}
