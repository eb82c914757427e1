// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { setTextValue, readBack, pageValidationError } from '@/utils/portal/filler';
import { fillCreateApp } from '@/utils/portal/createApp';
import { reportLines } from '@/utils/portal/report';
import { AUTOTRADER_PROFILE, type RegistrationProfile } from '@/utils/portal/profiles';

const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;

/**
 * A React-like controlled input: the component's state is the truth, `.value =` on the
 * element only updates the change tracker (so the next input event looks like no change),
 * and every render writes the state back into the element.
 */
function controlled(input: HTMLInputElement, onRender?: (v: string) => void) {
  let state = '';
  let tracked = '';
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      return nativeValue.get!.call(this);
    },
    set(v: string) {
      tracked = String(v);
      nativeValue.set!.call(this, v);
    },
  });
  const render = () => {
    nativeValue.set!.call(input, state);
    onRender?.(state);
  };
  input.addEventListener('input', () => {
    const now = nativeValue.get!.call(input) as string;
    if (now !== tracked) {
      tracked = now;
      state = now;
    }
    render();
  });
  return { state: () => state, render };
}

const profile: RegistrationProfile = {
  ...AUTOTRADER_PROFILE,
  apiType: 'publisher',
  clientId: 'A1234567',
  primaryIp: '49.36.12.7',
  secondaryIp: '49.36.12.8',
};

const FORM = `<form id="f">
  <label><input type="radio" name="t" value="T"> Trading APIs</label>
  <label><input type="radio" name="t" value="P"> Publisher APIs</label>
  <label><input type="radio" name="t" value="M"> Market Feeds APIs</label>
  <label><input type="radio" name="t" value="H"> Historical APIs</label>
  <div><div>App Name</div><input id="a"></div>
  <div><div>Redirect URL</div><input id="r"></div>
  <div><div>Postback URL</div><input id="p"></div>
  <div><div>Angel Client ID</div><input id="c"></div>
  <div><div>Primary Static IP</div><input id="i1"></div>
  <div><div>Secondary Static IP</div><input id="i2"></div>
  <button type="submit">Create App</button></form>`;

function value(id: string): string {
  return (document.getElementById(id) as HTMLInputElement).value;
}

describe('filler on controlled inputs', () => {
  beforeEach(() => {
    document.body.innerHTML = '<input id="x">';
  });

  it('a bare .value assignment does not reach a controlled input (the simulation is faithful)', () => {
    const input = document.getElementById('x') as HTMLInputElement;
    const c = controlled(input);
    input.value = 'MyTradingApp';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(c.state()).toBe('');
    expect(input.value).toBe('');
  });

  it('the native setter plus events does', () => {
    const input = document.getElementById('x') as HTMLInputElement;
    const c = controlled(input);
    const seen: string[] = [];
    input.addEventListener('change', () => seen.push('change'));
    input.addEventListener('blur', () => seen.push('blur'));
    setTextValue(input, 'MyTradingApp');
    expect(c.state()).toBe('MyTradingApp');
    expect(input.value).toBe('MyTradingApp');
    expect(seen).toEqual(['change', 'blur']);
    expect(readBack(input, 'MyTradingApp')).toEqual({ ok: true });
  });
});

describe('fillCreateApp', () => {
  beforeEach(() => {
    document.body.innerHTML = FORM;
  });

  it('fills every field and the API type, reads them back, never submits', async () => {
    let submitted = false;
    document.getElementById('f')!.addEventListener('submit', (e) => {
      submitted = true;
      e.preventDefault();
    });
    for (const id of ['a', 'r', 'p', 'c', 'i1', 'i2'])
      controlled(document.getElementById(id) as HTMLInputElement);
    const report = await fillCreateApp(document, profile);
    expect(report.blocked).toBe(false);
    expect(report.formFound).toBe(true);
    expect(report.outcomes.map((o) => [o.field, o.status])).toEqual([
      ['appName', 'filled'],
      ['redirectUrl', 'filled'],
      ['postbackUrl', 'filled'],
      ['clientId', 'filled'],
      ['primaryIp', 'filled'],
      ['secondaryIp', 'filled'],
      ['apiType', 'filled'],
    ]);
    expect([value('a'), value('r'), value('p'), value('c'), value('i1'), value('i2')]).toEqual([
      'MyTradingApp',
      'https://webx.stocksdeveloper.in/auth/angel',
      'https://apix.stocksdeveloper.in/postback/angel',
      'A1234567',
      '49.36.12.7',
      '49.36.12.8',
    ]);
    expect((document.querySelector('input[value=P]') as HTMLInputElement).checked).toBe(true);
    expect(submitted).toBe(false);
    expect(reportLines(report).at(-1)!.text).toMatch(/press the page’s own Create button yourself/);
  });

  it.each([
    [
      'an IPv6 primary IP',
      { primaryIp: '2001:db8::1' },
      'The primary static IP "2001:db8::1" is an IPv6 address; Angel accepts IPv4 addresses only.',
    ],
    [
      'a 10.x primary IP',
      { primaryIp: '10.0.0.5' },
      'The primary static IP 10.0.0.5 is a private address (10.0.0.0/8)',
    ],
    [
      'a 21-character app name',
      { appName: 'ABCDEFGHIJKLMNOPQRSTU' },
      'The app name is 21 characters long; Angel allows at most 20.',
    ],
    [
      'an http redirect URL',
      { redirectUrl: 'http://webx.stocksdeveloper.in/auth/angel' },
      'The redirect URL starts with http://; Angel only accepts secure https:// addresses.',
    ],
  ])('bad input (%s): the stated message and no fill at all', async (_name, change, message) => {
    const report = await fillCreateApp(document, { ...profile, ...change });
    expect(report.blocked).toBe(true);
    expect(report.outcomes).toEqual([]);
    const lines = reportLines(report);
    expect(lines[0]!.text).toMatch(/^Nothing was filled/);
    expect(lines.some((l) => l.status === 'error' && l.text.startsWith(message))).toBe(true);
    for (const id of ['a', 'r', 'p', 'c', 'i1', 'i2']) expect(value(id)).toBe('');
    expect(document.querySelectorAll('input:checked')).toHaveLength(0);
  });

  it('reports fields the page rejects: value not kept, or a validation message shown', async () => {
    // The page refuses an already registered IP with its own message, and clears the client id.
    const ip = document.getElementById('i1') as HTMLInputElement;
    ip.insertAdjacentHTML('afterend', '<div class="error-text" hidden>IP already registered</div>');
    ip.addEventListener('change', () => ((ip.nextElementSibling as HTMLElement).hidden = false));
    const client = document.getElementById('c') as HTMLInputElement;
    client.addEventListener('change', () => nativeValue.set!.call(client, ''));
    const report = await fillCreateApp(document, profile);
    const byField = Object.fromEntries(report.outcomes.map((o) => [o.field, o]));
    expect(byField.primaryIp).toMatchObject({
      status: 'rejected',
      detail: 'The page says: IP already registered',
    });
    expect(byField.clientId).toMatchObject({ status: 'rejected', detail: 'The page cleared the value.' });
    expect(byField.appName!.status).toBe('filled');
  });

  it('aria-invalid with a described error counts as rejected', () => {
    document.body.innerHTML =
      '<input id="x" aria-invalid="true" aria-describedby="e"><span id="e">Invalid URL</span>';
    expect(pageValidationError(document.getElementById('x')!)).toBe('Invalid URL');
  });

  it('reports fields missing from the page and skips empty profile values', async () => {
    document.body.innerHTML = `<form><label for="a">App Name</label><input id="a">
      <label for="r">Redirect URL</label><input id="r"></form>`;
    const report = await fillCreateApp(document, { ...profile, secondaryIp: '', clientId: '' });
    const byField = Object.fromEntries(report.outcomes.map((o) => [o.field, o.status]));
    expect(byField).toEqual({
      appName: 'filled',
      redirectUrl: 'filled',
      postbackUrl: 'not-found',
      clientId: 'skipped',
      primaryIp: 'not-found',
      secondaryIp: 'skipped',
      apiType: 'not-found',
    });
  });

  it('no form on the page: nothing filled, a plain hint', async () => {
    document.body.innerHTML = '<h1>My Apps</h1><button>+ ADD APP</button>';
    const report = await fillCreateApp(document, profile);
    expect(report.formFound).toBe(false);
    expect(reportLines(report).at(-1)!.text).toMatch(/Click "\+ ADD APP"/);
  });
});
