/**
 * t() for code that runs inside Angel's pages (content script) and for the helpers it shares
 * with the popup and options (fill report, profile checks): only the in-page section of the
 * catalogues, so the content script stays small.
 *
 * Language: the page's current language from the core (kept in step by index.ts on extension
 * pages; read from storage by initPageLanguage() in the content script).
 */
import { corePageLanguage, withTexts, type Language } from './core';
import { enInPage } from './en.portal-login';
import { hiInPage } from './hi.portal-login';

export type { InPageKey } from './en.portal-login';
export { initPageLanguage } from './language';

export const t = withTexts({ en: enInPage, hi: hiInPage });

/** The language the in-page texts use now (for `lang` on the controls, so screen readers pronounce them right). */
export function inPageLanguage(): Language {
  return corePageLanguage();
}
