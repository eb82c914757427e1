import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { dispatch, type Sender } from '@/utils/messaging';
import { registerVault } from '@/entrypoints/background/vault';
import { enabledOrigins, progressItem, registerPlatform } from '@/entrypoints/background/platform';
import type { AccountInput } from '@/utils/vault/types';
import { clearHandlers, setKdfIterationsForTests } from '@/tests/unit/testHooks';

const ORIGIN = 'https://webx.stocksdeveloper.in';
const page = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/options.html') });
const platform = (over: Partial<Sender> = {}): Sender => ({
  id: browser.runtime.id,
  url: `${ORIGIN}/accounts/create`,
  origin: ORIGIN,
  tab: { id: 5 } as Sender['tab'],
  frameId: 0,
  ...over,
});

async function send(type: string, data: unknown, sender: Sender) {
  return (await dispatch({ __sac: 1, type, data }, sender)) as
    { ok: true; value: never } | { ok: false; code: string; message: string };
}

const input: AccountInput = {
  label: 'Main',
  clientCode: 'A1234567',
  mpin: '1234',
  totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  apiKey: 'kP3xR9tQ',
  apiSecret: '',
  platform: 'SMART_API',
  redirectUrl: 'https://webx.stocksdeveloper.in/auth/angel',
  notes: '',
  dailyLogin: false,
  autoFill: false,
};

describe('platform background', () => {
  let accountId = '';
  let granted: string[] = [];
  let registered: { matches: string[] }[] = [];

  beforeEach(async () => {
    fakeBrowser.reset();
    clearHandlers();
    granted = [];
    registered = [];
    const perms = browser.permissions as unknown as Record<string, unknown>;
    perms.contains = async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o));
    perms.remove = async ({ origins }: { origins: string[] }) => {
      granted = granted.filter((o) => !origins.includes(o));
      return true;
    };
    const scripting = browser.scripting as unknown as Record<string, unknown>;
    scripting.getRegisteredContentScripts = async () => registered;
    scripting.unregisterContentScripts = async () => void (registered = []);
    scripting.registerContentScripts = async (list: { matches: string[] }[]) => void registered.push(...list);
    setKdfIterationsForTests(1000);
    registerVault();
    registerPlatform();
    expect((await send('vault/create', { password: 'correct horse battery' }, page())).ok).toBe(true);
    const saved = await send('accounts/save', { input }, page());
    accountId = (saved as { value: { account: { id: string } } }).value.account.id;
  });

  async function turnOn() {
    granted.push(`${ORIGIN}/*`);
    return send('platform/enable', { id: 'autotrader-web' }, page());
  }

  it('turning on needs the site access first, then registers the script for that origin only', async () => {
    expect(await send('platform/enable', { id: 'autotrader-web' }, page())).toMatchObject({
      ok: false,
      code: 'no-access',
    });
    expect(registered).toEqual([]);
    const on = await turnOn();
    expect(on).toMatchObject({ ok: true, value: [{ id: 'autotrader-web', enabled: true }] });
    expect(registered).toEqual([
      expect.objectContaining({ matches: [`${ORIGIN}/*`], js: ['content-scripts/platform.js'] }),
    ]);
    const off = await send('platform/disable', { id: 'autotrader-web' }, page());
    expect(off).toMatchObject({ ok: true, value: [{ enabled: false }] });
    expect(registered).toEqual([]);
    expect(granted).toEqual([]);
  });

  it('a platform page gets nothing before the user turned the platform on', async () => {
    expect(await send('platform/accounts', undefined, platform())).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('only the top frame of an enabled origin is a platform sender', async () => {
    await turnOn();
    expect(await send('platform/accounts', undefined, platform())).toMatchObject({
      ok: true,
      value: {
        profile: { id: 'autotrader-web' },
        accounts: [
          { id: accountId, clientCode: 'A1234567', has: { mpin: true, totpSecret: true, apiKey: true } },
        ],
      },
    });
    const bad = [
      platform({ frameId: 3 }),
      platform({ origin: 'https://evil.example', url: 'https://evil.example/' }),
      platform({ origin: 'https://evil.example' }),
      platform({ id: 'other-extension' }),
      platform({ tab: undefined }),
      page(),
    ];
    for (const s of bad)
      expect(await send('platform/accounts', undefined, s)).toMatchObject({ ok: false, code: 'forbidden' });
    // Access taken away in the browser's own settings: forbidden again.
    granted = [];
    expect(await send('platform/accounts', undefined, platform())).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('values come one at a time, each once, only for the fill and tab that asked', async () => {
    await turnOn();
    const begin = (await send(
      'platform/begin-fill',
      { accountId, fields: ['mpin', 'apiKey'] },
      platform(),
    )) as {
      value: { fillId: string };
    };
    const fillId = begin.value.fillId;
    expect(
      await send('platform/value', { fillId, field: 'mpin' }, platform({ tab: { id: 6 } as Sender['tab'] })),
    ).toMatchObject({
      ok: false,
      code: 'fill-closed',
    });
    expect(await send('platform/value', { fillId, field: 'mpin' }, platform())).toEqual({
      ok: true,
      value: { value: '1234' },
    });
    expect(await send('platform/value', { fillId, field: 'mpin' }, platform())).toMatchObject({
      ok: false,
      code: 'fill-closed',
    });
    expect(await send('platform/value', { fillId, field: 'totpSecret' }, platform())).toMatchObject({
      ok: false,
      code: 'fill-closed',
    });
    expect(await send('platform/value', { fillId, field: 'apiKey' }, platform())).toEqual({
      ok: true,
      value: { value: 'kP3xR9tQ' },
    });
  });

  it('SMART_API_M accounts give the platform their API key only', async () => {
    await turnOn();
    await send(
      'accounts/save',
      { id: accountId, input: { ...input, platform: 'SMART_API_M', mpin: '', totpSecret: '' } },
      page(),
    );
    const { value } = (await send(
      'platform/begin-fill',
      { accountId, fields: ['clientCode', 'mpin', 'apiKey'] },
      platform(),
    )) as {
      value: { fillId: string };
    };
    expect(await send('platform/value', { fillId: value.fillId, field: 'mpin' }, platform())).toMatchObject({
      ok: false,
    });
    expect(await send('platform/value', { fillId: value.fillId, field: 'apiKey' }, platform())).toMatchObject(
      { ok: true },
    );
  });

  it('the checklist step: filled, then listed by the same origin only', async () => {
    await turnOn();
    const { value } = (await send('platform/begin-fill', { accountId, fields: ['apiKey'] }, platform())) as {
      value: { fillId: string };
    };
    await send('platform/filled', { fillId: value.fillId }, platform());
    expect((await progressItem.getValue())[accountId]).toMatchObject({ origin: ORIGIN });
    expect(await send('platform/pending-listed', undefined, platform())).toEqual({
      ok: true,
      value: [{ accountId, clientCode: 'A1234567' }],
    });
    await send('platform/listed', { accountId }, platform());
    expect((await progressItem.getValue())[accountId]!.listedAt).toBeGreaterThan(0);
    expect(await enabledOrigins.getValue()).toEqual([ORIGIN]);
  });
});
