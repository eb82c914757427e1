/**
 * The extension's two UI languages. `en.ts` is the reference catalogue; `hi.ts` must hold the
 * same keys (a missing key is a type error) with the same {placeholders} (a unit test checks).
 *
 * Language: the user's choice in Options (storage.local, not secret) or, on "auto", the
 * browser's UI language: Hindi for any `hi*` tag, English otherwise.
 */
import { useSyncExternalStore } from 'react';
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { en, type MessageKey } from './en';
import { hi } from './hi';

export type { MessageKey } from './en';
export type Language = 'en' | 'hi';
export type LanguageSetting = 'auto' | Language;
export type Params = Record<string, string | number>;

export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, hi };

/** Version 1: the first stored shape. */
export const languageItem = storage.defineItem<LanguageSetting>('local:uiLanguage', {
  fallback: 'auto',
  version: 1,
});

/** The placeholders a message uses, sorted: "{label}" → ["label"]. */
export function placeholdersOf(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(/\{(\w+)\}/g), (m) => m[1] ?? ''))].sort();
}

export function format(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Hindi for any Hindi tag ("hi", "hi-IN"), English for everything else. */
export function languageFromTag(tag: string | undefined | null): Language {
  return tag && /^hi(\b|[-_])/i.test(tag) ? 'hi' : 'en';
}

export function browserLanguage(): Language {
  let tag: string | undefined;
  try {
    tag = browser.i18n?.getUILanguage?.();
  } catch {
    tag = undefined;
  }
  if (!tag && typeof navigator !== 'undefined') tag = navigator.language;
  return languageFromTag(tag);
}

export function resolveLanguage(setting: LanguageSetting): Language {
  return setting === 'auto' ? browserLanguage() : setting;
}

export function translate(lang: Language, key: MessageKey, params?: Params): string {
  // A key missing from both catalogues (only possible past the type checker) shows as itself,
  // so the e2e scan for raw keys catches it.
  const text: string | undefined = CATALOGUES[lang][key] || en[key];
  return format(text ?? key, params);
}

// The current language, shared by every component of a page.
let current: Language = 'en';
let setting: LanguageSetting = 'auto';
const listeners = new Set<() => void>();

function apply(next: LanguageSetting): void {
  setting = next;
  const lang = resolveLanguage(next);
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

/** Translate with the page's current language. */
export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
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
  return (bound[lang] ??= (key, params) => translate(lang, key, params));
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}
