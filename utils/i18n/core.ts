/**
 * The React-free core of the UI languages: language resolution, placeholder formatting and
 * the one "current language" every part of a page shares. Content scripts import only this
 * and their own small catalogue section (utils/i18n/inPage.ts), never React or the whole
 * catalogue; `index.ts` re-exports it for the extension's pages.
 */
import { browser } from 'wxt/browser';
import { storage } from '#imports';

export type Language = 'en' | 'hi';
export type LanguageSetting = 'auto' | Language;
export type Params = Record<string, string | number>;

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

/** Look a key up in a language's catalogue, falling back to English, then to the key itself. */
export function lookup<K extends string>(
  catalogues: Record<Language, Record<K, string>>,
  lang: Language,
  key: K,
  params?: Params,
): string {
  // A key missing from both (only possible past the type checker) shows as itself, so the
  // scans for raw keys catch it.
  const text: string | undefined = catalogues[lang][key] || catalogues.en[key];
  return format(text ?? key, params);
}

// The page's language for code outside React (content scripts, shared helpers). Extension
// pages keep it in step through index.ts; content scripts call initPageLanguage().
let pageLanguage: Language | null = null;

export function corePageLanguage(): Language {
  return (pageLanguage ??= browserLanguage());
}

export function setCorePageLanguage(lang: Language): void {
  pageLanguage = lang;
}

let contentStarted: Promise<void> | null = null;
/**
 * For content scripts: read the stored choice once and follow later changes. Controls built
 * after a change use the new language; controls already shown keep theirs until rebuilt.
 */
export function initPageLanguage(): Promise<void> {
  contentStarted ??= (async () => {
    try {
      setCorePageLanguage(resolveLanguage(await languageItem.getValue()));
      languageItem.watch((v) => setCorePageLanguage(resolveLanguage(v ?? 'auto')));
    } catch {
      setCorePageLanguage(browserLanguage());
    }
  })();
  return contentStarted;
}
