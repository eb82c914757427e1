/**
 * The pure core of the UI languages: placeholder formatting, catalogue lookup and the one
 * "current language" every part of a page shares. No browser API, no storage, no React: it
 * runs in plain Node (tests/core) and ESLint keeps it that way (eslint.config.js). The stored
 * choice and the browser's language are in language.ts, which sets the current language here.
 */
export type Language = 'en' | 'hi';
export type LanguageSetting = 'auto' | Language;
export type Params = Record<string, string | number>;

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

// The one catalogue every t() reads: each surface (a page, the popup, the background, a
// content script) adds only the texts it shows, through withTexts() in the module that owns
// them, so a content script carries no page's texts and the popup no options texts.
const texts: Record<Language, Record<string, string>> = { en: {}, hi: {} };

/** Add texts of one language to the catalogue (the popup adds Hindi when it is chosen). */
export function addTexts(lang: Language, catalogue: Record<string, string>): void {
  Object.assign(texts[lang], catalogue);
}

/** Whether any text of a language has been added (the popup loads Hindi on demand). */
export function hasTexts(lang: Language): boolean {
  return Object.keys(texts[lang]).length > 0;
}

/** A text in a given language (React's useT binds one per language; t uses the current one). */
export function textIn(lang: Language, key: string, params?: Params): string {
  return lookup(texts, lang, key, params);
}

function t(key: string, params?: Params): string {
  return textIn(pageLanguage, key, params);
}

/**
 * The translation function: adds a surface's catalogues (English and Hindi, same keys: a
 * missing Hindi text is a type error where the catalogue is declared) and returns the one t,
 * typed to the keys that surface may use. Every module translates through the t of the
 * surface module it imports (utils/i18n/index.ts for pages, text.ts for the background,
 * inPage.ts for the Angel content script, …); they are all this same function.
 */
export function withTexts<K extends string>(
  catalogues: Record<Language, Record<K, string>>,
): (key: K, params?: Params) => string {
  addTexts('en', catalogues.en);
  addTexts('hi', catalogues.hi);
  return t;
}

// The page's language for code outside React (content scripts, shared helpers). Extension
// pages keep it in step through index.ts; content scripts and the background through
// initPageLanguage() (language.ts), before they show any text. English until then.
let pageLanguage: Language = 'en';

export function corePageLanguage(): Language {
  return pageLanguage;
}

export function setCorePageLanguage(lang: Language): void {
  pageLanguage = lang;
}

/**
 * What pure code says to the user: a catalogue key and its values, never a sentence. A value may
 * itself be a message (a reason inside a sentence). The UI edge turns it into text with
 * `render(msg, t)` in the language shown at that moment, so stored messages follow a switch.
 */
export interface Msg<K extends string = string> {
  code: K;
  params?: MsgParams;
}
export type MsgParams = Record<string, string | number | Msg>;

export function msg<K extends string>(code: K, params?: MsgParams): Msg<K> {
  return params ? { code, params } : { code };
}

/**
 * The text of a message, inner messages first, in the current language (or through the given
 * translate function: useT()'s t in React). Its texts must have been added by the surface.
 */
export function render<K extends string>(m: Msg<K>, tr: (key: K, params?: Params) => string = t): string {
  if (!m.params) return tr(m.code);
  const p: Params = {};
  for (const [k, v] of Object.entries(m.params)) p[k] = typeof v === 'object' ? render(v as Msg<K>, tr) : v;
  return tr(m.code, p);
}

/**
 * What a stored result says: a message, or a sentence written by an older version (before
 * results were stored as messages), which is shown as it is.
 */
export type Said<K extends string = string> = Msg<K> | string;

export function renderSaid<K extends string>(
  s: Said<K>,
  tr: (key: K, params?: Params) => string = t,
): string {
  return typeof s === 'string' ? s : render(s, tr);
}
