/**
 * Translation for the message router's own errors (utils/messaging.ts). React-free and bundles
 * only the router section of the catalogues, because content scripts import the router too.
 * Language: the core's current language (see core.ts).
 */
import { corePageLanguage, lookup, type Language, type Params } from './core';
import { enRouter, type RouterKey } from './en.background';
import { hiRouter } from './hi.background';

const ROUTER: Record<Language, Record<RouterKey, string>> = { en: enRouter, hi: hiRouter };

/** Translate a router text with the current language. */
export function tRouter(key: RouterKey, params?: Params): string {
  return lookup(ROUTER, corePageLanguage(), key, params);
}
