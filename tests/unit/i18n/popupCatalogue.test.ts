import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keysUsedIn, popupSourceFiles } from '@/scripts/i18n/popupKeys';
import { pruneCatalogue } from '@/scripts/build/popupI18n';
import { en } from '@/utils/i18n/en';
import { enPopup } from '@/utils/i18n/en.popup';
import { hiPopup } from '@/utils/i18n/hi.popup';
import { enInPage, enPortalLoginUi } from '@/utils/i18n/en.portal-login';
import { enRouter } from '@/utils/i18n/en.background';
import { hiPopupAll } from '@/utils/i18n/hi.popupAll';

const root = resolve(__dirname, '../../..');
const i18nDir = resolve(root, 'utils/i18n');
const sources = popupSourceFiles(root)
  .filter((f) => !f.startsWith(i18nDir))
  .map((f) => readFileSync(f, 'utf8'));
const used = keysUsedIn(sources, en);

describe('the popup catalogue', () => {
  it('follows the popup from main.tsx through its components', () => {
    const files = popupSourceFiles(root).map((f) => f.slice(root.length + 1));
    expect(files).toContain('components/vault/CodeList.tsx');
    expect(files).toContain('components/login/LoginButton.tsx');
    expect(files).not.toContain('entrypoints/options/Options.tsx');
    expect(used.has('popup.lock')).toBe(true);
    expect(used.has('page.my-apis')).toBe(true); // from `page.${kind}`
  });

  it('holds every key the popup names, in English and Hindi, after the build cuts the shared catalogues', () => {
    const keptInPage = keysKeptBy('en.portal-login.ts');
    const keptRouter = keysKeptBy('en.background.ts');
    const english = new Set([...Object.keys(enPopup), ...keptInPage, ...keptRouter]);
    const missing = [...used].filter((k) => !english.has(k));
    expect(missing).toEqual([]);
    for (const k of used) {
      if (k in enInPage || k in enPortalLoginUi || k in enRouter || k in enPopup)
        expect(hiPopupAll[k], `Hindi for ${k}`).toBeTruthy();
    }
    expect(Object.keys(hiPopup).sort()).toEqual(Object.keys(enPopup).sort());
  });

  it('the build cut drops keys the popup does not name and keeps the file valid', () => {
    const src = readFileSync(resolve(i18nDir, 'en.portal-login.ts'), 'utf8');
    const out = pruneCatalogue(src, (k) => k === 'pf.appEmpty');
    expect(out).toContain("'pf.appEmpty'");
    expect(out).not.toContain("'pf.appLong'");
    expect(out).toContain('export const enInPage');
    expect(out.length).toBeLessThan(src.length / 5);
  });
});

/** Keys left in a catalogue file after the popup build's cut. */
function keysKeptBy(file: string): string[] {
  const src = readFileSync(resolve(i18nDir, file), 'utf8');
  const out = pruneCatalogue(src, (k) => used.has(k));
  return [...out.matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]!);
}

describe('popup i18n at run time', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('starts in the stored language, Hindi loaded before the first paint', async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'hi' });
    const popup = await import('@/utils/i18n/popup');
    await popup.initLanguage();
    expect(popup.currentLanguage()).toBe('hi');
    expect(popup.t('popup.lock')).toBe(hiPopup['popup.lock']);
    expect(popup.t('rt.noReply')).toBe(hiPopupAll['rt.noReply']);
    await popup.setLanguage('en');
    expect(popup.t('popup.lock')).toBe(enPopup['popup.lock']);
    expect(popup.t('pf.appEmpty')).toBe(enInPage['pf.appEmpty']);
  });
});
