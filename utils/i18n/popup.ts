/**
 * The popup's i18n: the same API as index.ts, inPage.ts and router.ts (the popup build resolves
 * those three modules to this one, see scripts/build/popupI18n.ts), holding only the texts the
 * popup can show. English is bundled; Hindi is loaded (one small chunk) only when it is the
 * active language, before the first paint or when the user switches.
 * tests/unit/i18n/popupCatalogue.test.ts checks that every key the popup's code uses is here.
 */
import { enInPage, enPortalLoginUi } from './en.portal-login';
import { enRouter } from './en.background';
import { enPopup } from './en.popup';
import { addTexts, hasTexts, withTexts, type Language, type Params } from './core';
import { createPageLanguage } from './pageLanguage';
import type { MessageKey } from './en';

export {
  format,
  languageFromTag,
  msg,
  placeholdersOf,
  render,
  renderSaid,
  type Msg,
  type Said,
  type MsgParams,
  type Language,
  type LanguageSetting,
  type Params,
} from './core';
export { browserLanguage, languageItem, resolveLanguage } from './language';
export type { MessageKey } from './en';
export type { InPageKey } from './en.portal-login';

// English is here from the start; Hindi is added when it is chosen (hi.popupAll.ts).
const english = { ...enInPage, ...enPortalLoginUi, ...enRouter, ...enPopup };

/**
 * The popup's one t: the same function as every other surface's, with the popup's texts
 * (Hindi is added by loadLanguage; until then a lookup falls back to English).
 */
export const t = withTexts({ en: english, hi: {} as typeof english }) as (
  key: MessageKey,
  params?: Params,
) => string;

/** The popup's Hindi texts, fetched once. */
function loadLanguage(lang: Language): Promise<void> {
  if (hasTexts(lang)) return Promise.resolve();
  return import('./hi.popupAll').then(({ hiPopupAll }) => addTexts('hi', hiPopupAll));
}

let adviceLoad: Promise<void> | null = null;
/** The texts of validation advice, fetched once, when the popup first shows a failed validation. */
export function loadAdvice(): Promise<void> {
  adviceLoad ??= Promise.all([import('./en.advice'), import('./hi.advice')]).then(([e, h]) => {
    addTexts('en', e.enAdvice);
    addTexts('hi', h.hiAdvice);
  });
  return adviceLoad;
}

const page = createPageLanguage<MessageKey>({
  ready: (lang) => loadLanguage(lang).then(() => hasTexts(lang)),
});
export const { currentLanguage, currentSetting, initLanguage, setLanguage, useT, useLanguage } = page;

// ---- what inPage.ts and router.ts give other pages ----

export function initPageLanguage(): Promise<void> {
  return initLanguage();
}
export function inPageLanguage(): Language {
  return currentLanguage();
}
