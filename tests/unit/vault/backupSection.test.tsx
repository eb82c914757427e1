// @vitest-environment happy-dom
/**
 * The import form of the Backup section: the preview lists each part of the set-up with its
 * count and what the import does with it, and after a restore it names the webhook sites
 * whose access must be granted again, with a button that asks the browser for exactly those.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackupPreview } from '@/utils/vault/types';

const sent: { type: string; data: unknown }[] = [];
const preview: BackupPreview = {
  added: ['Main (A111)'],
  changed: [],
  unchanged: [],
  removed: [],
  groups: [
    { id: 'deliveryTargets', count: 2, action: 'replace' },
    { id: 'profiles', count: 3, action: 'replace' },
    { id: 'loginSettings', count: 2, action: 'keep' },
    { id: 'validationSettings', count: 0, action: 'absent' },
  ],
};
vi.mock('@/utils/messaging', async (importOriginal) => {
  const orig = await importOriginal<typeof import('@/utils/messaging')>();
  return {
    ...orig,
    sendMessage: vi.fn(async (type: string, data?: unknown) => {
      sent.push({ type, data });
      if (type === 'backup/preview') return preview;
      if (type === 'backup/import') return { ...preview, needsSiteAccess: ['https://bot.example/*'] };
      if (type === 'vault/status')
        return { state: 'unlocked', autoLockMinutes: 30, backupReminder: false, accountCount: 1 };
      if (type === 'accounts/list') return [];
      throw new Error(`unexpected ${type}`);
    }),
  };
});

const { ImportBackupForm } = await import('@/components/vault/BackupSection');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;
let request: ReturnType<typeof vi.fn>;

beforeEach(() => {
  sent.length = 0;
  request = vi.fn(async () => true);
  (fakeBrowser.permissions as unknown as { request: typeof request }).request = request;
});

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

function button(c: HTMLElement, name: string): HTMLButtonElement {
  const b = Array.from(c.querySelectorAll('button')).find((x) => (x.textContent ?? '').trim() === name);
  if (!b) throw new Error(`no button ${name}`);
  return b;
}

async function renderAndPreview(): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<ImportBackupForm modes={['merge', 'replace']} />));
  const file = new File(['{"format":"smartapi-companion-backup"}'], 'backup.json', {
    type: 'application/json',
  });
  const input = host.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
  const pw = host.querySelector<HTMLInputElement>('input[type="password"]')!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(pw, 'backup pw 1');
    pw.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => button(host!, 'Preview import').click());
  return host;
}

describe('Backup import form', () => {
  it('the preview lists each part of the set-up with its count and what happens to it', async () => {
    const c = await renderAndPreview();
    const items = Array.from(c.querySelectorAll('.preview__setup li')).map((li) => li.textContent);
    expect(items).toEqual([
      'Delivery targets (webhooks and Angel redirects, with their signing secrets): 2 in the backup, replace yours',
      'Registration profiles: 3 in the backup, replace yours',
      'Daily login schedule and settings: 2 in the backup, yours are kept (merge keeps your settings; choose Replace to restore them)',
      'Validation settings: 0 in the backup, not in this backup (an older one): yours are kept',
    ]);
  });

  it('after the import it names the webhook sites needing access and asks the browser for them', async () => {
    const c = await renderAndPreview();
    await act(async () => button(c, 'Apply import').click());
    expect(sent.map((s) => s.type)).toContain('backup/import');
    expect(c.textContent).toContain(
      'Site access is needed again for 1 webhook site(s): https://bot.example.',
    );
    const grant = button(c, 'Grant site access');
    expect(grant.closest('[role="group"]')?.getAttribute('aria-label')).toBe('Grant site access');
    await act(async () => grant.click());
    expect(request).toHaveBeenCalledWith({ origins: ['https://bot.example/*'] });
    expect(c.textContent).toContain('Site access granted: deliveries to those webhooks can go out.');
  });

  it('a refused permission says deliveries wait', async () => {
    request.mockResolvedValueOnce(false);
    const c = await renderAndPreview();
    await act(async () => button(c, 'Apply import').click());
    await act(async () => button(c, 'Grant site access').click());
    expect(c.textContent).toContain('Access was not granted.');
  });
});
