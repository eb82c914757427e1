/**
 * The extension's two UI languages. `en.ts` is the reference catalogue; `hi.ts` must hold the
 * same keys (a missing key is a type error) with the same {placeholders} (a unit test checks).
 *
 * Language: the user's choice in Options (storage.local, not secret) or, on "auto", the
 * browser's UI language: Hindi for any `hi*` tag, English otherwise.
 */
import { t, type MessageKey } from './text';
import { createPageLanguage } from './pageLanguage';

// Resolution and formatting live in the React-free core (content scripts use it directly).
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

/** Translate with the page's current language (the extension's one t, with every text). */
export { t };

// The page's language, shared by every component; every text is registered (text.ts), so a
// language is ready at once.
const page = createPageLanguage<MessageKey>({ ready: () => Promise.resolve(true) });
export const { currentLanguage, currentSetting, initLanguage, setLanguage, useT, useLanguage } = page;

/** Pages with the full catalogue have the validation advice texts already (the popup loads them). */
export function loadAdvice(): Promise<void> {
  return Promise.resolve();
}
