// @vitest-environment happy-dom
/**
 * The portal assistant and the daily login, rendered in Hindi: no raw catalogue key and no
 * English text of their catalogue sections may show (text, accessible names, titles), both
 * in the React components (popup, options) and in the in-page controls on Angel's pages.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LoginOverview } from '@/utils/login/protocol';
import type { FillReport } from '@/utils/portal/protocol';
import type { AccountSummary } from '@/utils/vault/types';

const account = (id: string, label: string, extra: Partial<AccountSummary> = {}): AccountSummary => ({
  id,
  label,
  clientCode: 'A123456',
  platform: 'SMART_API_M',
  redirectUrl: 'https://example.com/angel',
  notes: '',
  totp: { algorithm: 'SHA1', digits: 6, period: 30 },
  dailyLogin: true,
  autoFill: false,
  hasMpin: true,
  hasTotpSecret: true,
  hasApiSecret: false,
  apiKeyLast4: 'x9Qz',
  ...extra,
});
const main = account('a1', 'Main');
const second = account('a2', 'Second', { apiKeyLast4: '' });

const overview: LoginOverview = {
  attempts: [
    {
      id: 'r1',
      accountId: 'a1',
      label: 'Main',
      origin: 'extension',
      status: 'running',
      startedAt: Date.now(),
      steps: { opening: Date.now(), clientCode: Date.now() },
    },
  ],
  queue: ['a2'],
  results: {
    a2: { accountId: 'a2', ok: false, at: Date.now(), message: 'x', needsAttention: true },
  },
  settings: {
    timeoutSec: 90,
    schedule: { enabled: true, time: '08:45', weekdays: [1, 2, 3, 4, 5], holidays: ['2026-01-26'] },
  },
  nextScheduledAt: Date.now() + 3_600_000,
};

const report: FillReport = {
  profileName: 'AutoTrader Web',
  issues: [],
  blocked: false,
  formFound: true,
  outcomes: [
    { field: 'appName', label: 'App', status: 'filled' },
    { field: 'postbackUrl', label: 'Postback', status: 'skipped', detail: 'x' },
    { field: 'clientId', label: 'Client', status: 'not-found' },
    { field: 'primaryIp', label: 'IP', status: 'rejected' },
  ],
};

vi.mock('@/utils/messaging', async (importOriginal) => {
  const orig = await importOriginal<typeof import('@/utils/messaging')>();
  return {
    ...orig,
    sendMessage: vi.fn(async (type: string) => {
      switch (type) {
        case 'tabs/active-page':
          return {
            tabId: 1,
            kind: 'create-app-new',
            url: 'https://smartapi.angelone.in/new/apps',
            seenAt: 0,
          };
        case 'login/overview':
          return overview;
        case 'accounts/list':
          return [main, second];
        case 'portal/fill-tab':
          return report;
        case 'login/portal-hello':
          return { mode: 'site', accounts: [{ id: 'a1', label: 'Main', autoFill: false }] };
        default:
          throw new Error(`unexpected ${type}`);
      }
    }),
  };
});

const { en } = await import('@/utils/i18n/en');
const { enInPage, enPortalLoginUi } = await import('@/utils/i18n/en.portal-login');
const { hiInPage, hiPortalLoginUi } = await import('@/utils/i18n/hi.portal-login');
const { setLanguage, initLanguage } = await import('@/utils/i18n');
const { PopupPortalActions } = await import('@/components/portal/PopupPortalActions');
const { ProfilesSection } = await import('@/components/portal/ProfilesSection');
const { LoginButton } = await import('@/components/login/LoginButton');
const { PopupLoginAll } = await import('@/components/login/PopupLoginAll');
const { LoginSettingsSection } = await import('@/components/login/LoginSettingsSection');
const { reportLines } = await import('@/utils/portal/report');
const { checkProfile, newProfile } = await import('@/utils/portal/profiles');
const { saveToAccountControl, errorText } = await import('@/utils/portal/inPageControl');
const { publisherLoginAdapter } = await import('@/utils/portal/publisherLogin');
const { UserError } = await import('@/utils/messaging');
const { explainLoginError } = await import('@/utils/login/errors');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ALL_KEYS = Object.keys(en);
const hiSections: Record<string, string> = { ...hiInPage, ...hiPortalLoginUi };
/**
 * English texts of these sections that Hindi does not keep (field names such as "App Name" stay
 * beside their Hindi, as Angel's form shows them) and long enough to be telling.
 */
const ENGLISH_ONLY = Object.entries({ ...enInPage, ...enPortalLoginUi })
  .filter(([k, v]) => !hiSections[k]!.includes(v) && v.length >= 8)
  .map(([, v]) => v.split(/\{\w+\}/)[0]!.trim())
  .filter((v) => v.length >= 8);

/** Everything a person or a screen reader meets: text, accessible names, titles, options. */
function shownText(root: Element | ShadowRoot): string {
  const parts: string[] = [root.textContent ?? ''];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = el.getAttribute(a);
      if (v) parts.push(v);
    }
    if (el.shadowRoot) parts.push(shownText(el.shadowRoot));
  }
  return parts.join('\n');
}

function expectHindi(text: string): void {
  expect(text).toMatch(/[\u0900-\u097F]/);
  expect(ALL_KEYS.filter((k) => text.includes(k))).toEqual([]);
  expect(ENGLISH_ONLY.filter((e) => text.includes(e))).toEqual([]);
}

let root: Root | null = null;
let host: HTMLElement | null = null;

async function render(node: React.ReactNode): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root!.render(node);
  });
  // Let the mocked messages and storage reads settle.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 20));
  });
  return host;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await initLanguage();
  await setLanguage('hi');
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  host?.remove();
  host = null;
  document.body.replaceChildren();
  await setLanguage('en');
});

describe('Hindi: portal assistant and daily login', () => {
  it('the checks themselves work: an English text is caught', () => {
    expect(() => expectHindi('Fill this page')).toThrow();
    expect(() => expectHindi('खाता ip.fillButton')).toThrow();
  });

  it('popup: create-app actions and Log in all', async () => {
    const el = await render(
      <>
        <PopupPortalActions />
        <PopupLoginAll />
        <LoginButton account={main} />
        <LoginButton account={second} />
      </>,
    );
    const text = shownText(el);
    expect(text).toContain('यह पेज भरें');
    expect(text).toContain('सबका लॉगिन करें');
    expect(text).toContain('Client code भरना'); // the live steps of the running attempt
    expectHindi(text);
  });

  it('options: registration profiles (with their checks) and daily login settings', async () => {
    const el = await render(
      <>
        <ProfilesSection />
        <LoginSettingsSection />
      </>,
    );
    const text = shownText(el);
    expect(text).toContain('Smart API ऐप रजिस्ट्रेशन प्रोफ़ाइल');
    expect(text).toContain('सोमवार');
    // The built-in profile has no static IP: its warning shows in Hindi.
    expect(text).toContain('पहला static IP नहीं डाला गया');
    expectHindi(text);
  });

  it('in-page: fill report, profile checks, save control and errors', () => {
    const lines = reportLines(report).map((l) => l.text);
    expect(lines.at(-1)).toContain('Create बटन');
    const bad = {
      ...newProfile('x'),
      appName: 'My Trading App Name Too Long',
      redirectUrl: 'http://localhost/cb',
      postbackUrl: 'ftp://x',
      clientId: 'A-1',
      primaryIp: '192.168.1.5',
      secondaryIp: '::1',
    };
    const issues = checkProfile(bad).flatMap((i) => [i.message, i.fix]);
    expect(issues.length).toBeGreaterThan(8);
    const blocked = reportLines({ ...report, blocked: true, issues: checkProfile(bad) }).map((l) => l.text);
    const control = saveToAccountControl({
      kind: 'my-apis',
      buttonText: 'खाते में सेव करें…',
      save: async () => {},
    });
    expect(control.box.getAttribute('lang')).toBe('hi'); // screen readers pronounce it as Hindi
    const text = [
      ...lines,
      ...issues,
      ...blocked,
      shownText(control.root),
      errorText(new UserError('locked', 'x')),
      errorText(new Error('boom')),
      ...(['wrong-credentials', 'account-locked', 'invalid-totp', 'invalid-api-key', 'other'] as const).map(
        (kind) => explainLoginError({ kind, angelMessage: 'AB1050' }),
      ),
    ].join('\n');
    expectHindi(text);
  });

  it('in-page: publisher login offers "Log in as" in Hindi', async () => {
    // The panel's shadow root is closed: keep a reference as it is attached.
    const roots: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
      this: Element,
      init: ShadowRootInit,
    ) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    const stop = publisherLoginAdapter.start({ onInvalidated: () => {} } as never);
    await vi.waitFor(() => {
      expect(roots[0]?.textContent).toContain('Main के रूप में लॉगिन करें');
    });
    spy.mockRestore();
    expect(document.querySelector('smartapi-companion-login')?.shadowRoot).toBeNull();
    expectHindi([shownText(document.documentElement), ...roots.map((r) => shownText(r))].join('\n'));
    stop?.();
  });
});
