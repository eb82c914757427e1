/**
 * In-page texts of the platform content script: only the platform section of the catalogues
 * (en.platform.ts / hi.platform.ts), in the page's current language (utils/i18n/core.ts).
 */
import { corePageLanguage, lookup, type Language, type Params } from '../i18n/core';
import { enPlatformInPage, type PlatformInPageKey } from '../i18n/en.platform';
import { hiPlatformInPage } from '../i18n/hi.platform';

const CATALOGUES: Record<Language, Record<PlatformInPageKey, string>> = {
  en: enPlatformInPage,
  hi: hiPlatformInPage,
};

export function tpl(key: PlatformInPageKey, params?: Params): string {
  return lookup(CATALOGUES, corePageLanguage(), key, params);
}
