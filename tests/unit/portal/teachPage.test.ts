// @vitest-environment happy-dom
/**
 * "Teach this page" for both taught pages: what a plan and a rule may hold, what a click
 * picks, the create-app fill trying the taught selectors first, and the background loading
 * the picking mode (/page-teach.js) only into the asking Angel tab's top frame.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, type Sender } from '@/utils/messaging';
import { checkPlan, checkSelectors, pickTarget, robustSelector } from '@/utils/page/rules';
import { fillCreateApp } from '@/utils/portal/createApp';
import { AUTOTRADER_PROFILE } from '@/utils/portal/profiles';
import { registerPageRules, TEACH_FILE } from '@/entrypoints/background/login/pageRules';
import { clearHandlers } from '@/tests/unit/testHooks';

describe('teaching plans and rules', () => {
  it('a plan keeps only targets of its kind, in the asking order; none asked means all', () => {
    expect(checkPlan({ kind: 'create-app', targets: ['secondaryIp', 'pin', 'postbackUrl'] })).toEqual({
      kind: 'create-app',
      targets: ['postbackUrl', 'secondaryIp'],
    });
    expect(checkPlan({ kind: 'publisher-login', targets: [] })).toEqual({
      kind: 'publisher-login',
      targets: ['clientCode', 'pin', 'totp', 'press'],
    });
    expect(checkPlan({ kind: 'enable-totp', targets: [] })).toBeNull();
    expect(checkPlan('create-app')).toBeNull();
  });

  it('a rule keeps only selectors of its kind', () => {
    expect(checkSelectors('create-app', { postbackUrl: 'p.x > input', pin: '#tot-pin' })).toEqual({
      postbackUrl: 'p.x > input',
    });
    expect(checkSelectors('publisher-login', { postbackUrl: 'p.x > input' })).toBeNull();
    expect(checkSelectors('create-app', { appName: 'x'.repeat(301) })).toBeNull();
  });

  it("a click on a field's icon picks the one input of its line, never one of two", () => {
    document.body.innerHTML = `<form><p id="one"><span class="icon">i</span> <input></p>
      <p id="two"><span class="icon">i</span><input><input></p></form>`;
    const [one, two] = Array.from(document.querySelectorAll('.icon'));
    expect(pickTarget('postbackUrl', one!)).toBe(document.querySelector('#one input'));
    expect(pickTarget('postbackUrl', two!)).toBeNull();
    expect(pickTarget('postbackUrl', document.querySelector('form')!)).toBeNull();
  });
});

const FORM = `<form id="f">
  <label><input type="radio" name="t" value="P"> Publisher APIs</label>
  <p><label for="a">App Name</label><input id="a"></p>
  <p><label for="r">Redirect URL</label><input id="r"></p>
  <p class="nolabel"><span>🔗</span><input></p>
  <p><label for="c">Angel Client ID</label><input id="c"></p>
  <p><label for="i1">Primary Static IP</label><input id="i1"></p>
  <p><label for="i2">Secondary Static IP</label><input id="i2"></p>
</form>`;

describe('the create-app fill with a taught rule', () => {
  beforeEach(() => {
    document.body.innerHTML = FORM;
  });
  const profile = { ...AUTOTRADER_PROFILE, clientId: 'A1234567', primaryIp: '49.36.12.7' };

  it('names the field it cannot find, and fills it once taught', async () => {
    const before = await fillCreateApp(document, profile);
    expect(before.outcomes.find((o) => o.field === 'postbackUrl')?.status).toBe('not-found');
    const input = document.querySelector<HTMLInputElement>('.nolabel input')!;
    expect(input.value).toBe('');
    const selector = robustSelector(input);
    const after = await fillCreateApp(document, profile, { postbackUrl: selector });
    expect(after.outcomes.find((o) => o.field === 'postbackUrl')?.status).toBe('filled');
    expect(input.value).toBe(profile.postbackUrl);
  });
});

describe('pageRules/teach and pageRules/teach-plan (background)', () => {
  const executeScript = vi.fn(async () => []);
  const tab = (id: number) => ({ id }) as Sender['tab'];
  const from = (url: string, tabId = 7, frameId = 0): Sender => ({
    id: browser.runtime.id,
    url,
    tab: tab(tabId),
    frameId,
  });
  beforeEach(() => {
    fakeBrowser.reset();
    clearHandlers();
    executeScript.mockClear();
    (browser as unknown as { scripting: unknown }).scripting = { executeScript };
    registerPageRules({ attemptOf: vi.fn(), fail: vi.fn(), valueOf: vi.fn() } as never);
  });
  const teach = (data: unknown, sender: Sender) =>
    dispatch({ __sac: 1, type: 'pageRules/teach', data }, sender);
  const plan = (sender: Sender) => dispatch({ __sac: 1, type: 'pageRules/teach-plan' }, sender);

  it('loads the picking mode into the asking tab’s top frame; that tab reads its plan once', async () => {
    const create = from('https://smartapi.angelone.in/create');
    expect(await teach({ kind: 'create-app', targets: ['postbackUrl'] }, create)).toMatchObject({ ok: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: [TEACH_FILE] });
    // Another tab gets nothing; the asking tab gets its plan once.
    expect(await plan(from('https://smartapi.angelone.in/create', 8))).toEqual({ ok: true, value: null });
    expect(await plan(create)).toEqual({ ok: true, value: { kind: 'create-app', targets: ['postbackUrl'] } });
    expect(await plan(create)).toEqual({ ok: true, value: null });
  });

  it('refuses a plan for another kind of page, child frames, extension pages and other sites', async () => {
    const bad: [unknown, Sender][] = [
      [{ kind: 'publisher-login' }, from('https://smartapi.angelone.in/create')],
      [{ kind: 'create-app' }, from('https://smartapi.angelone.in/publisher-login')],
      [{ kind: 'create-app' }, from('https://smartapi.angelone.in/create', 7, 3)],
      [{ kind: 'create-app' }, from('https://evil.example/create')],
      [{ kind: 'create-app' }, { id: browser.runtime.id, url: browser.runtime.getURL('/options.html') }],
    ];
    for (const [data, sender] of bad) expect(await teach(data, sender)).toMatchObject({ ok: false });
    expect(executeScript).not.toHaveBeenCalled();
  });
});
