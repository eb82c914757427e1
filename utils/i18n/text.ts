/**
 * t() for code outside React that extension pages and the background share (field checks,
 * background messages). The language is the core's: pages keep it in step through index.ts,
 * the background through initPageLanguage(). No React here, so the background can import it.
 */
import { corePageLanguage, lookup, type Params } from './core';
import { en, type MessageKey } from './en';
import { hi } from './hi';

export function tText(key: MessageKey, params?: Params): string {
  return lookup({ en, hi }, corePageLanguage(), key, params);
}
