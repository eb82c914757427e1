// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DeliveryOverview } from '@/utils/delivery/protocol';
import type { AccountSummary } from '@/utils/vault/types';

const sent: { type: string; data: unknown }[] = [];
let overview: DeliveryOverview;
vi.mock('@/utils/messaging', async (importOriginal) => {
  const orig = await importOriginal<typeof import('@/utils/messaging')>();
  return {
    ...orig,
    sendMessage: vi.fn(async (type: string, data?: unknown) => {
      sent.push({ type, data });
      if (type === 'delivery/overview') return overview;
      if (type === 'delivery/confirm-targets') {
        overview = { ...overview, settings: 'ok' };
        return undefined;
      }
      if (type === 'delivery/add-target') {
        return {
          target: { id: 't-new', accountId: 'a1', kind: 'webhook', createdAt: 0, pending: 0, failed: 0 },
          secret: 'f'.repeat(64),
        };
      }
      throw new Error(`unexpected ${type}`);
    }),
  };
});

const { DeliverySection } = await import('@/components/delivery/DeliverySection');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const account: AccountSummary = {
  id: 'a1',
  label: 'Main',
  clientCode: 'A123456',
  platform: 'SMART_API',
  redirectUrl: 'https://example.com/angel',
  notes: '',
  totp: { algorithm: 'SHA1', digits: 6, period: 30 },
  dailyLogin: true,
  autoFill: false,
  hasMpin: true,
  hasTotpSecret: true,
  hasApiSecret: false,
  apiKeyLast4: 'x9Qz',
};

let root: Root | null = null;
let host: HTMLElement | null = null;
let request: ReturnType<typeof vi.fn>;

beforeEach(() => {
  sent.length = 0;
  overview = {
    locked: false,
    targets: [
      {
        id: 't1',
        accountId: 'a1',
        kind: 'webhook',
        url: 'https://algo.example.com/hook',
        createdAt: 0,
        siteAccess: true,
        permissionPattern: 'https://algo.example.com/*',
        pending: 1,
        failed: 0,
        last: {
          at: 0,
          eventId: 'e0',
          test: false,
          outcome: 'retrying',
          message: 'Your server had an error (HTTP 503).',
        },
      },
    ],
    outbox: [
      {
        eventId: 'e1',
        targetId: 't1',
        accountId: 'a1',
        accountLabel: 'Main',
        clientCode: 'A123456',
        url: 'https://algo.example.com/hook',
        test: false,
        state: 'pending',
        attempts: 2,
        createdAt: 0,
        nextAttemptAt: 0,
        deadline: 0,
        maskedAuthToken: 'eyJh…Qz9k (812 chars)',
        maskedFeedToken: 'feed…0001 (40 chars)',
      },
    ],
  };
  request = vi.fn(async () => true);
  (fakeBrowser.permissions as unknown as { request: typeof request }).request = request;
});

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

async function render(): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<DeliverySection account={account} />));
  return host;
}

function button(c: HTMLElement, name: string): HTMLButtonElement {
  const b = Array.from(c.querySelectorAll('button')).find(
    (x) => (x.getAttribute('aria-label') ?? x.textContent ?? '').trim() === name,
  );
  if (!b) throw new Error(`no button ${name}`);
  return b;
}

function urlInput(c: HTMLElement): HTMLInputElement {
  const label = Array.from(c.querySelectorAll('label')).find(
    (l) => l.textContent?.trim() === 'Webhook URL for Main',
  )!;
  return c.querySelector<HTMLInputElement>(`#${CSS.escape(label.htmlFor)}`)!;
}

function type(el: HTMLInputElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submitAdd(c: HTMLElement) {
  await act(async () => {
    c.querySelector('form.delivery__add')!.dispatchEvent(
      new Event('submit', { bubbles: true, cancelable: true }),
    );
  });
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

describe('DeliverySection', () => {
  it('shows each target with named actions, its last status, and the outbox with masked tokens', async () => {
    const c = await render();
    expect(button(c, 'Send test event to https://algo.example.com/hook')).toBeTruthy();
    expect(button(c, 'Retry now: deliveries to https://algo.example.com/hook').disabled).toBe(false);
    expect(c.textContent).toContain('Waiting to retry');
    expect(c.textContent).toContain('HTTP 503');
    const table = c.querySelector('table')!;
    expect(table.textContent).toContain('eyJh…Qz9k (812 chars)');
    expect(table.textContent).toContain('2 attempts');
    for (const b of Array.from(c.querySelectorAll('button'))) {
      expect((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()).not.toBe('');
    }
  });

  it('asks the browser for access to the origin inside the submit, then adds and shows the secret once', async () => {
    const c = await render();
    type(urlInput(c), 'https://tokens.example.org:8443/in');
    await submitAdd(c);
    expect(request).toHaveBeenCalledWith({ origins: ['https://tokens.example.org/*'] });
    const add = sent.find((s) => s.type === 'delivery/add-target');
    expect(add?.data).toEqual({
      accountId: 'a1',
      kind: 'webhook',
      url: 'https://tokens.example.org:8443/in',
    });
    const secret = c.querySelector<HTMLInputElement>('.delivery__secret-value')!;
    expect(secret.value).toBe('f'.repeat(64));
    await act(async () => button(c, 'I saved it').click());
    expect(c.querySelector('.delivery__secret-value')).toBeNull();
  });

  it('adds nothing when the user refuses site access, and says what to do', async () => {
    request.mockResolvedValueOnce(false);
    const c = await render();
    type(urlInput(c), 'https://tokens.example.org/in');
    await submitAdd(c);
    expect(sent.some((s) => s.type === 'delivery/add-target')).toBe(false);
    expect(c.querySelector('[role="alert"]')!.textContent).toMatch(/did not allow .*Press "Add" again/);
  });

  it('refuses plain http to another computer before asking for anything', async () => {
    const c = await render();
    type(urlInput(c), 'http://192.168.1.20/hook');
    await submitAdd(c);
    expect(request).not.toHaveBeenCalled();
    expect(c.querySelector('[role="alert"]')!.textContent).toMatch(/https/);
  });

  it('says when delivery settings were changed outside the extension, and confirms the list on request', async () => {
    overview = { ...overview, settings: 'tampered' };
    const c = await render();
    expect(c.textContent).toContain('Delivery settings were changed outside the extension');
    await act(async () => button(c, 'These are my delivery targets').click());
    expect(sent.map((x) => x.type)).toContain('delivery/confirm-targets');
    await vi.waitFor(() =>
      expect(c.textContent).not.toContain('Delivery settings were changed outside the extension'),
    );
  });

  it('asks once to confirm targets saved by an earlier version', async () => {
    overview = { ...overview, settings: 'unverified' };
    const c = await render();
    expect(c.textContent).toContain('saved by an earlier version');
    expect(button(c, 'These are my delivery targets')).toBeTruthy();
  });
});
