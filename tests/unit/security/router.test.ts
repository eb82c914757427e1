import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isExtensionPageSender, isPortalContentSender, senderAllowed, type Sender } from '@/utils/messaging';

const portal = (extra: Partial<Sender> & { origin?: string } = {}): Sender =>
  ({
    id: browser.runtime.id,
    url: 'https://smartapi.angelone.in/publisher-login?api_key=k',
    origin: 'https://smartapi.angelone.in',
    tab: { id: 4 } as Sender['tab'],
    frameId: 0,
    ...extra,
  }) as Sender;

describe('router sender checks', () => {
  beforeEach(() => fakeBrowser.reset());

  it('portal messages: a content script in the top frame of an Angel portal tab', () => {
    expect(isPortalContentSender(portal())).toBe(true);
    expect(senderAllowed('portal', portal())).toBe(true);
    // Older generation host too.
    expect(
      isPortalContentSender(
        portal({ url: 'https://smartapi.angelbroking.com/x', origin: 'https://smartapi.angelbroking.com' }),
      ),
    ).toBe(true);
  });

  it('refuses sub-frames unless the message is declared for frames', () => {
    expect(senderAllowed('portal', portal({ frameId: 3 }))).toBe(false);
    expect(senderAllowed('portal', portal({ frameId: undefined }))).toBe(false);
    expect(senderAllowed('portal-frame', portal({ frameId: 3 }))).toBe(true);
  });

  it('the origin decides: a look-alike origin, an opaque origin or a mismatch is refused', () => {
    expect(isPortalContentSender(portal({ origin: 'https://smartapi.angelone.in.evil.example' }))).toBe(
      false,
    );
    expect(isPortalContentSender(portal({ origin: 'null' }))).toBe(false);
    expect(isPortalContentSender(portal({ origin: 'http://smartapi.angelone.in' }))).toBe(false);
    // A URL that looks right with an origin that is not (about:blank / sandboxed frame cases).
    expect(
      senderAllowed(
        'portal-frame',
        portal({ frameId: 2, url: 'about:blank', origin: 'https://evil.example' }),
      ),
    ).toBe(false);
    expect(isPortalContentSender(portal({ url: 'https://evil.example/' }))).toBe(false);
  });

  it('falls back to sender.url where the browser gives no origin', () => {
    const s = portal();
    delete (s as { origin?: string }).origin;
    expect(isPortalContentSender(s)).toBe(true);
    expect(isPortalContentSender({ ...s, url: 'https://evil.example/' })).toBe(false);
  });

  it('another extension, or a sender without a tab, is never a portal sender', () => {
    expect(isPortalContentSender(portal({ id: 'other-extension' }))).toBe(false);
    expect(isPortalContentSender(portal({ tab: undefined }))).toBe(false);
  });

  it('extension pages: own URL and, where given, own origin', () => {
    const url = browser.runtime.getURL('/popup.html');
    const origin = browser.runtime.getURL('/').replace(/\/$/, '');
    expect(isExtensionPageSender({ id: browser.runtime.id, url })).toBe(true);
    expect(isExtensionPageSender({ id: browser.runtime.id, url, origin } as Sender)).toBe(true);
    expect(
      isExtensionPageSender({ id: browser.runtime.id, url, origin: 'https://evil.example' } as Sender),
    ).toBe(false);
    expect(senderAllowed('page', portal())).toBe(false);
  });
});
