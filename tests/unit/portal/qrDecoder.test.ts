import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, UserError, type Sender } from '@/utils/messaging';
import { QR_DECODER_FILE, registerQrDecoder } from '@/entrypoints/background/portal/qrDecoder';
import { loadQrDecoder, QR_DECODER_GLOBAL } from '@/utils/portal/qrDecoder';
import { clearHandlers } from '@/tests/unit/testHooks';

const g = globalThis as Record<string, unknown>;

describe('QR decoder on demand (content script side)', () => {
  afterEach(() => {
    delete g[QR_DECODER_GLOBAL];
  });

  it('asks the background once, then uses what it injected', async () => {
    const decoder = () => null;
    const send = vi.fn(async () => {
      g[QR_DECODER_GLOBAL] = decoder;
    });
    expect(await loadQrDecoder(send as never)).toBe(decoder);
    expect(await loadQrDecoder(send as never)).toBe(decoder);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('portal/load-qr-decoder');
  });

  it('gives null when the background could not inject it', async () => {
    const send = vi.fn(async () => {
      throw new UserError('internal', 'no');
    });
    expect(await loadQrDecoder(send as never)).toBeNull();
    expect(await loadQrDecoder(vi.fn(async () => undefined) as never)).toBeNull();
  });
});

describe('portal/load-qr-decoder (background)', () => {
  const executeScript = vi.fn(async () => []);
  beforeEach(() => {
    fakeBrowser.reset();
    clearHandlers();
    executeScript.mockClear();
    (browser as unknown as { scripting: unknown }).scripting = { executeScript };
    registerQrDecoder();
  });

  it('injects the decoder file into the asking (top) frame of the asking Angel tab only', async () => {
    const sender: Sender = {
      id: browser.runtime.id,
      url: 'https://smartapi.angelone.in/enable-totp',
      tab: { id: 7 } as Sender['tab'],
      frameId: 0, // portal messages come only from the tab's top frame
    };
    expect(await dispatch({ __sac: 1, type: 'portal/load-qr-decoder' }, sender)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [0] },
      files: [QR_DECODER_FILE],
    });
  });

  it('refuses extension pages and other sites', async () => {
    const fromPage: Sender = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };
    const fromOther: Sender = {
      id: browser.runtime.id,
      url: 'https://evil.example/',
      tab: { id: 1 } as Sender['tab'],
    };
    for (const s of [fromPage, fromOther])
      expect(await dispatch({ __sac: 1, type: 'portal/load-qr-decoder' }, s)).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    expect(executeScript).not.toHaveBeenCalled();
  });
});
