// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isChildFrame, isFromBackground, onFrameFillMessage } from '@/utils/shortcuts/frameFill';

const own = () => fakeBrowser.runtime.getURL('/');
const request = { __sacFillFocused: 1, code: '123456' };

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '<input id="code">';
  (document.getElementById('code') as HTMLInputElement).focus();
});

describe('Fill TOTP here in frames: who may ask', () => {
  it('accepts the background (Chrome service worker, Firefox event page)', () => {
    for (const path of ['background.js', '_generated_background_page.html', 'background.html'])
      expect(isFromBackground({ id: fakeBrowser.runtime.id, url: `${own()}${path}` }), path).toBe(true);
  });

  it('refuses tabs, the extension’s own pages, other extensions and senders without a URL', () => {
    const id = fakeBrowser.runtime.id;
    const cases = [
      { id, url: `${own()}background.js`, tab: { id: 3 } as never },
      { id, url: `${own()}popup.html` },
      { id, url: `${own()}options.html` },
      { id: 'other-extension', url: `${own()}background.js` },
      { id, url: 'https://smartapi.angelone.in/background.js' },
      { id },
    ];
    for (const sender of cases) expect(isFromBackground(sender), JSON.stringify(sender)).toBe(false);
  });

  it('fills only on a well-formed request from the background', async () => {
    const bg = { id: fakeBrowser.runtime.id, url: `${own()}background.js` };
    expect(
      onFrameFillMessage(request, { id: fakeBrowser.runtime.id, url: `${own()}popup.html` }),
    ).toBeUndefined();
    expect(onFrameFillMessage({ __sacFillFocused: 1, code: 'abc' }, bg)).toBeUndefined();
    expect((document.getElementById('code') as HTMLInputElement).value).toBe('');
    expect(await onFrameFillMessage(request, bg)).toEqual({ ok: true });
    expect((document.getElementById('code') as HTMLInputElement).value).toBe('123456');
  });

  it('tells a child frame from the top frame', () => {
    expect(isChildFrame(window)).toBe(false);
    const child = { top: {} } as unknown as Window;
    expect(isChildFrame(child)).toBe(true);
  });
});
