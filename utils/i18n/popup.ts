/**
 * The popup's i18n: the same API as index.ts, inPage.ts and router.ts (the popup build resolves
 * those three modules to this one, see utils/i18n/popupBuild.ts), holding only the texts the
 * popup can show. English is bundled; Hindi is loaded (one small chunk) only when it is the
 * active language, before the first paint or when the user switches.
 * tests/unit/i18n/popupCatalogue.test.ts checks that every key the popup's code uses is here.
 */
import { useSyncExternalStore } from 'react';
import { enInPage, enPortalLoginUi, type InPageKey } from './en.portal-login';
import { enRouter, type RouterKey } from './en.background';
import { enPopup } from './en.popup';
import { format, setCorePageLanguage, type Language, type LanguageSetting, type Params } from './core';
import { languageItem, resolveLanguage } from './language';
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

type Catalogue = Record<string, string>;
const english: Catalogue = { ...enInPage, ...enPortalLoginUi, ...enRouter, ...enPopup };
const loaded: Partial<Record<Language, Catalogue>> = { en: english };

/** The popup's Hindi texts, fetched once. */
function loadLanguage(lang: Language): Promise<void> {
  if (loaded[lang]) return Promise.resolve();
  return import('./hi.popupAll').then(({ hiPopupAll }) => {
    loaded.hi = hiPopupAll;
  });
}

// Validation advice (a failed validation's explanation and next step), loaded on demand.
const advice: Partial<Record<Language, Catalogue>> = {};
let adviceLoad: Promise<void> | null = null;
/** The texts of validation advice, fetched once, when the popup first shows a failed validation. */
export function loadAdvice(): Promise<void> {
  adviceLoad ??= Promise.all([import('./en.advice'), import('./hi.advice')]).then(([e, h]) => {
    advice.en = e.enAdvice;
    advice.hi = h.hiAdvice;
  });
  return adviceLoad;
}

export function translate(lang: Language, key: MessageKey | InPageKey | RouterKey, params?: Params): string {
  // A key missing here shows as itself, so the e2e scans for raw keys catch it.
  const text: string | undefined =
    loaded[lang]?.[key] || advice[lang]?.[key] || english[key] || advice.en?.[key];
  return format(text ?? key, params);
}

let current: Language = 'en';
let setting: LanguageSetting = 'auto';
const listeners = new Set<() => void>();
let applied = 0;

async function apply(next: LanguageSetting): Promise<void> {
  const ticket = ++applied;
  setting = next;
  const lang = resolveLanguage(next);
  // Stay in the previous language until the texts of the new one are there.
  await loadLanguage(lang).catch(() => undefined);
  if (ticket !== applied || !loaded[lang]) return;
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

export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

let started: Promise<void> | null = null;
export function initLanguage(): Promise<void> {
  started ??= (async () => {
    let stored: LanguageSetting = 'auto';
    try {
      stored = await languageItem.getValue();
    } catch {
      /* storage unavailable: the browser's language */
    }
    await apply(stored);
    languageItem.watch((v) => void apply(v ?? 'auto'));
  })();
  return started;
}

export async function setLanguage(next: LanguageSetting): Promise<void> {
  await apply(next);
  await languageItem.setValue(next);
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

const bound: Partial<Record<Language, typeof t>> = {};
export function useT(): typeof t {
  const lang = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  return (bound[lang] ??= (key, params) => translate(lang, key, params));
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}

// ---- what inPage.ts and router.ts give other pages ----

export function initPageLanguage(): Promise<void> {
  return initLanguage();
}
export function inPageLanguage(): Language {
  return current;
}
export function tp(key: InPageKey, params?: Params): string {
  return translate(current, key, params);
}
export function tRouter(key: RouterKey, params?: Params): string {
  return translate(current, key, params);
}
