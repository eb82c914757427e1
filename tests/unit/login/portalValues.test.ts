/**
 * 'login/portal-values': one fill's three values in one answer, each through the single-value
 * checks; the TOTP first, so a TOTP window about to end hands out nothing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, UserError, type Sender } from '@/utils/messaging';
import { registerPageRules, type PageRulesDeps } from '@/entrypoints/background/login/pageRules';
import type { LoginField } from '@/utils/login/fields';
import { clearHandlers } from '@/tests/unit/testHooks';

const sender: Sender = {
  id: browser.runtime.id,
  url: 'https://smartapi.angelone.in/publisher-login?api_key=K&state=s',
  tab: { id: 4 } as Sender['tab'],
  frameId: 0,
};
const VALUES: Record<LoginField, string> = { clientCode: 'C1', pin: '1234', totp: '654321' };

describe('login/portal-values (background)', () => {
  const asked: LoginField[] = [];
  let totpWait = 0;
  const valueOf = vi.fn<PageRulesDeps['valueOf']>(async (_id, field) => {
    asked.push(field);
    if (field === 'totp' && totpWait) return { waitMs: totpWait };
    return { value: VALUES[field], field };
  });
  beforeEach(() => {
    fakeBrowser.reset();
    clearHandlers();
    asked.length = 0;
    totpWait = 0;
    valueOf.mockClear();
    registerPageRules({ attemptOf: vi.fn(), fail: vi.fn(), valueOf });
  });
  const ask = (s: Sender = sender) =>
    dispatch({ __sac: 1, type: 'login/portal-values', data: { attemptId: 'a1' } }, s);

  it('answers the three values, the TOTP computed first', async () => {
    expect(await ask()).toEqual({ ok: true, value: { values: VALUES } });
    expect(asked).toEqual(['totp', 'clientCode', 'pin']);
    expect(valueOf).toHaveBeenCalledWith('a1', 'pin', sender);
  });

  it('a TOTP window about to end: wait, nothing handed out', async () => {
    totpWait = 900;
    expect(await ask()).toEqual({ ok: true, value: { waitMs: 900 } });
    expect(asked).toEqual(['totp']);
  });

  it('a refused value refuses the whole answer', async () => {
    valueOf.mockImplementationOnce(async () => {
      throw new UserError('not-this-tab', 'not this tab');
    });
    expect(await ask()).toMatchObject({ ok: false, code: 'not-this-tab' });
  });

  it('only from an Angel tab’s top frame', async () => {
    expect(await ask({ ...sender, frameId: 2 })).toMatchObject({ ok: false });
    expect(await ask({ ...sender, url: 'https://evil.example/publisher-login' })).toMatchObject({
      ok: false,
    });
    expect(valueOf).not.toHaveBeenCalled();
  });
});
