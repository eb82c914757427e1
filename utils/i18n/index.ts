/**
 * The extension's two UI languages. `en.ts` is the reference catalogue; `hi.ts` must hold the
 * same keys (a missing key is a type error) with the same {placeholders} (a unit test checks).
 *
 * Language: the user's choice in Options (storage.local, not secret) or, on "auto", the
 * browser's UI language: Hindi for any `hi*` tag, English otherwise.
 */
import { useSyncExternalStore } from 'react';
import { setCorePageLanguage, textIn, type Language, type LanguageSetting } from './core';
import { t } from './text';
import { languageItem, resolveLanguage } from './language';

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

// The current language, shared by every component of a page.
let current: Language = 'en';
let setting: LanguageSetting = 'auto';
const listeners = new Set<() => void>();

function apply(next: LanguageSetting): void {
  setting = next;
  const lang = resolveLanguage(next);
  setCorePageLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  if (lang === current) return;
  current = lang;
  for (const l of listeners) l();
}

export function currentLanguage(): Language {
  return current;
}
export function currentSetting(): LanguageSetting {
  return setting;
}

let started: Promise<void> | null = null;
/** Read the stored choice and follow changes made in another page. Await before the first render. */
export function initLanguage(): Promise<void> {
  started ??= (async () => {
    apply('auto');
    try {
      apply(await languageItem.getValue());
    } catch {
      /* storage unavailable: stay on the browser's language */
    }
    languageItem.watch((v) => apply(v ?? 'auto'));
  })();
  return started;
}

export async function setLanguage(next: LanguageSetting): Promise<void> {
  apply(next);
  await languageItem.setValue(next);
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** `const t = useT();` re-renders the component when the language changes. */
export function useT(): typeof t {
  const lang = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  // A new function per language, so memoised children see the change.
  return useMemoT(lang);
}

const bound: Partial<Record<Language, typeof t>> = {};
function useMemoT(lang: Language): typeof t {
  return (bound[lang] ??= (key, params) => textIn(lang, key, params));
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}

/** Pages with the full catalogue have the validation advice texts already (the popup loads them). */
export function loadAdvice(): Promise<void> {
  return Promise.resolve();
}
