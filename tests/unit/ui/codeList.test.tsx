// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AccountSummary, TotpCodes } from '@/utils/vault/types';

// Count row renders through the one formatter each row calls once per render.
const format = vi.hoisted(() => ({ groupCalls: 0 }));
vi.mock('@/utils/ui/format', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/utils/ui/format')>();
  return {
    ...real,
    groupCode: (code: string) => {
      format.groupCalls++;
      return real.groupCode(code);
    },
  };
});

import { CodeList } from '@/components/vault/CodeList';
import { codesStore, startPolling } from '@/utils/ui/codesStore';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const N = 20;
const accounts: AccountSummary[] = Array.from({ length: N }, (_, i) => ({
  id: `a${i}`,
  label: `Account ${i}`,
  clientCode: `C${i}`,
  platform: 'SMART_API',
  redirectUrl: '',
  notes: '',
  totp: { digits: 6, period: 30, algorithm: 'SHA1' },
  dailyLogin: false,
  autoFill: false,
  hasMpin: true,
  hasTotpSecret: true,
  hasApiSecret: false,
  apiKeyLast4: '',
}));

function codesAt(remainingMs: number, changed: string | null = null): TotpCodes {
  return {
    codes: accounts.map((a) => ({
      accountId: a.id,
      code: a.id === changed ? '999999' : '123456',
      next: null,
      remainingMs,
      period: 30,
    })),
    skewMs: null,
    skewWarning: false,
  };
}

let root: Root | null = null;
let host: HTMLElement | null = null;
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'test',
    version: '0',
    permissions: ['clipboardWrite'],
  });
  codesStore.getState().clear();
  format.groupCalls = 0;
});
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

function render() {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<CodeList accounts={accounts} />));
  return host;
}

describe('CodeList', () => {
  it('renders each row once, then on a tick re-renders only the countdowns; a changed code re-renders its row only', () => {
    codesStore.getState().setCodes(codesAt(20_000));
    const el = render();
    expect(el.querySelectorAll('[data-testid="totp-code"]')).toHaveLength(N);
    const rendersAtFirstPaint = format.groupCalls;
    expect(rendersAtFirstPaint).toBe(N);
    expect(el.querySelector('[role="timer"]')?.getAttribute('aria-label')).toMatch(/20/);

    act(() => codesStore.getState().setCodes(codesAt(19_000)));
    expect(format.groupCalls - rendersAtFirstPaint).toBe(0);
    expect(el.querySelector('[role="timer"]')?.textContent).toBe('19s');

    act(() => codesStore.getState().setCodes(codesAt(18_000, 'a3')));
    expect(format.groupCalls - rendersAtFirstPaint).toBe(1);
    expect(el.querySelector('[data-account="a3"]')?.textContent).toBe('999 999');
  });

  it('mounts the per-row actions only after the first paint', async () => {
    codesStore.getState().setCodes(codesAt(20_000));
    const el = render();
    expect(el.querySelector('[data-testid="validate-a0"]')).toBeNull();
    await act(async () => {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 5)));
    });
    expect(el.querySelectorAll('[data-testid^="validate-a"]')).toHaveLength(N);
    expect(el.querySelectorAll('[data-testid^="login-a"]')).toHaveLength(N);
  });
});

describe('startPolling', () => {
  it('can wait for the first interval when the first answer is already there', () => {
    vi.useFakeTimers();
    try {
      const tick = vi.fn();
      const stop = startPolling(tick, 1000, globalThis, false);
      expect(tick).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1000);
      expect(tick).toHaveBeenCalledTimes(1);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('setCodes marks the codes loaded and clear forgets them', () => {
    codesStore.getState().setCodes(codesAt(5000));
    expect(codesStore.getState().loaded).toBe(true);
    codesStore.getState().clear();
    expect(codesStore.getState().loaded).toBe(false);
  });
});
