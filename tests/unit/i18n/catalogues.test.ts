import { describe, expect, it } from 'vitest';
import { en } from '@/utils/i18n/en';
import { hi } from '@/utils/i18n/hi';
import { format, languageFromTag, placeholdersOf, type MessageKey } from '@/utils/i18n';
import { textIn as translate } from '@/utils/i18n/core';

const keys = Object.keys(en) as MessageKey[];
/** Names that are the same in both languages (product and page names, pure placeholders). */
const SAME_IN_BOTH = new Set<MessageKey>([
  'app.name',
  // Only a list separator around two values.
  'adv.comma',
  'adv.withAngel',
  'dlv.then',
  'popup.errQuoted',
  'setup.accountTitle',
  'page.my-apis',
  // Field names traders know in Latin script (as Angel's own pages show them).
  'form.clientCode',
  'form.mpin',
  'form.apiKey',
  'form.redirect',
  'form.totp',
  'dl.webhookFallback',
  'dl.angelRedirect',
  'dl.secretRegion',
  'dl.webhook',
  'adv.fieldClientCode',
  'adv.fieldTotp',
  'adv.fieldApiKey',
]);

describe('message catalogues', () => {
  it('Hindi has exactly the English keys', () => {
    expect(Object.keys(hi).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('"%s" is non-empty in both languages with the same placeholders', (key) => {
    expect(en[key].trim()).not.toBe('');
    expect(hi[key].trim()).not.toBe('');
    expect(placeholdersOf(hi[key])).toEqual(placeholdersOf(en[key]));
  });

  it('Hindi texts are not English copies (except names that stay the same)', () => {
    const copies = keys.filter((k) => !SAME_IN_BOTH.has(k) && hi[k] === en[k]);
    expect(copies).toEqual([]);
  });

  it('Hindi texts are written in Devanagari', () => {
    const latinOnly = keys.filter((k) => !SAME_IN_BOTH.has(k) && !/[\u0900-\u097F]/.test(hi[k]));
    expect(latinOnly).toEqual([]);
  });
});

describe('t()', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Hi {a}, {b}', { a: 'x' })).toBe('Hi x, {b}');
    expect(translate('en', 'popup.thisTab', { page: 'My APIs' })).toBe('This tab: My APIs');
    expect(translate('hi', 'popup.thisTab', { page: 'My APIs' })).toBe('यह टैब: My APIs');
  });

  it('picks Hindi for hi tags only', () => {
    expect(languageFromTag('hi')).toBe('hi');
    expect(languageFromTag('hi-IN')).toBe('hi');
    expect(languageFromTag('hi_IN')).toBe('hi');
    expect(languageFromTag('en-IN')).toBe('en');
    expect(languageFromTag('hil')).toBe('en');
    expect(languageFromTag(undefined)).toBe('en');
  });
});
