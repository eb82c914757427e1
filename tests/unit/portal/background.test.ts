import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { dispatch, type Sender } from '@/utils/messaging';
import { registerVault, readVault } from '@/entrypoints/background/vault';
import { registerPortal } from '@/entrypoints/background/portal';
import type { AccountInput } from '@/utils/vault/types';
import { clearHandlers, setKdfIterationsForTests } from '@/tests/unit/testHooks';

const page = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
const portal = (tabId = 7, url = 'https://smartapi.angelone.in/myapis'): Sender => ({
  id: browser.runtime.id,
  url,
  tab: { id: tabId } as Sender['tab'],
  frameId: 0,
});

async function send(type: string, data: unknown, sender: Sender) {
  return (await dispatch({ __sac: 1, type, data }, sender)) as
    { ok: true; value: never } | { ok: false; code: string; message: string };
}

const input: AccountInput = {
  label: 'Main',
  clientCode: 'A1234567',
  mpin: '1234',
  totpSecret: '',
  apiKey: 'OldKey12',
  apiSecret: '',
  // SMART_API_M: the vault asks SMART_API accounts for a TOTP secret up front.
  platform: 'SMART_API_M',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  notes: '',
  dailyLogin: true,
  autoFill: false,
};

describe('portal background handlers', () => {
  let accountId = '';
  beforeEach(async () => {
    fakeBrowser.reset();
    clearHandlers();
    setKdfIterationsForTests(1000);
    registerVault();
    registerPortal();
    expect((await send('vault/create', { password: 'correct horse battery' }, page())).ok).toBe(true);
    const saved = await send('accounts/save', { input }, page());
    expect(saved).toMatchObject({ ok: true, value: {} });
    expect((saved as { value: { errors?: unknown } }).value.errors).toBeUndefined();
    accountId = (saved as { value: { account: { id: string } } }).value.account.id;
  });

  it('lists accounts for portal pages without any secret', async () => {
    const r = await send('portal/accounts', undefined, portal());
    expect(r).toEqual({ ok: true, value: [{ id: accountId, label: 'Main', clientCode: 'A1234567' }] });
  });

  it('saves an API key (and secret) into the chosen account', async () => {
    const r = await send(
      'portal/save-api-key',
      { accountId, apiKey: 'NewKey99', apiSecret: 'abc-123-def' },
      portal(),
    );
    expect(r).toEqual({ ok: true, value: { label: 'Main' } });
    const account = (await readVault()).accounts[0]!;
    expect(account.secrets.apiKey).toBe('NewKey99');
    expect(account.secrets.apiSecret).toBe('abc-123-def');
  });

  it('refuses captures from anything but a portal content script', async () => {
    const fromPage = await send('portal/save-api-key', { accountId, apiKey: 'NewKey99' }, page());
    expect(fromPage).toMatchObject({ ok: false, code: 'forbidden' });
    const fromOtherSite = await send(
      'portal/save-api-key',
      { accountId, apiKey: 'NewKey99' },
      portal(7, 'https://evil.example.com/'),
    );
    expect(fromOtherSite).toMatchObject({ ok: false, code: 'forbidden' });
    const fromHttp = await send(
      'portal/accounts',
      undefined,
      portal(7, 'http://smartapi.angelone.in/myapis'),
    );
    expect(fromHttp).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await readVault()).accounts[0]!.secrets.apiKey).toBe('OldKey12');
  });

  it('refuses values that are not API keys', async () => {
    const r = await send('portal/save-api-key', { accountId, apiKey: '••••••••' }, portal());
    expect(r).toMatchObject({ ok: false, code: 'bad-api-key' });
  });

  it('saves a TOTP secret from a QR URI and returns the current code; only that tab may refresh it', async () => {
    const uri =
      'otpauth://totp/Angel:A1234567?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Angel&period=30';
    const r = await send(
      'portal/save-totp-secret',
      { accountId, secret: uri },
      portal(7, 'https://smartapi.angelbroking.com/enable-totp'),
    );
    expect(r.ok).toBe(true);
    const value = (r as { value: { code: string; label: string; remainingMs: number } }).value;
    expect(value.label).toBe('Main');
    expect(value.code).toMatch(/^\d{6}$/);
    expect(value.remainingMs).toBeGreaterThan(0);
    expect((await readVault()).accounts[0]!.secrets.totpSecret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect((await send('portal/totp-code', { accountId }, portal(7))).ok).toBe(true);
    expect(await send('portal/totp-code', { accountId }, portal(8))).toMatchObject({
      ok: false,
      code: 'code-window-closed',
    });
  });

  it('refuses a malformed TOTP secret with a plain message', async () => {
    const r = await send('portal/save-totp-secret', { accountId, secret: 'NOTBASE32!!' }, portal());
    expect(r).toMatchObject({ ok: false, code: 'bad-totp-secret' });
  });

  it('says the vault is locked instead of saving', async () => {
    await send('vault/lock', undefined, page());
    const r = await send('portal/accounts', undefined, portal());
    expect(r).toMatchObject({ ok: false, code: 'locked' });
  });

  it('"Fill this page" only targets portal tabs', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    const r = await send('portal/fill-tab', { tabId: tab.id, profileId: 'autotrader-web' }, page());
    expect(r).toMatchObject({ ok: false, code: 'not-portal' });
  });
});
