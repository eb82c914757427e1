// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { AccountForm } from '@/components/vault/AccountForm';
import type { AccountInput, AccountSummary } from '@/utils/vault/types';
import type { SaveResult } from '@/utils/ui/vaultStore';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

function render(el: React.ReactElement) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(el));
  return host;
}

function byLabel(container: HTMLElement, text: string): HTMLInputElement {
  const label = Array.from(container.querySelectorAll('label')).find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label ${text}`);
  const el = container.querySelector<HTMLInputElement>(`#${CSS.escape(label.htmlFor)}`);
  if (!el) throw new Error(`label ${text} points nowhere`);
  return el;
}

/** Types into a React-controlled input the way the DOM does it. */
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(container: HTMLElement) {
  await act(async () => {
    container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

describe('AccountForm', () => {
  it('has a labelled control for every field, with the AutoTrader redirect URL by default', () => {
    const c = render(
      <AccountForm
        busy={false}
        onCancel={() => {}}
        onSave={async () => ({ ok: false, errors: {}, message: null })}
      />,
    );
    for (const l of [
      'Label',
      'Client code',
      'MPIN',
      'TOTP secret',
      'API key',
      'API secret (optional)',
      'Platform',
      'Redirect URL',
      'Notes',
      'Daily login',
      'Fill automatically',
    ]) {
      expect(byLabel(c, l)).toBeTruthy();
    }
    expect(byLabel(c, 'Redirect URL').value).toBe('https://webx.stocksdeveloper.in/auth/angel');
    expect(byLabel(c, 'MPIN').type).toBe('password');
  });

  it('shows each error beside its field, keeps what was typed, and focuses the first wrong field', async () => {
    const onSave = vi.fn(async (_i: AccountInput): Promise<SaveResult> => ({
      ok: false,
      errors: { mpin: 'The MPIN is exactly 4 digits.', totpSecret: 'This is not a valid base32 secret.' },
      message: 'Some fields need attention. Nothing was saved.',
    }));
    const c = render(<AccountForm busy={false} onCancel={() => {}} onSave={onSave} />);
    type(byLabel(c, 'Label'), 'Main');
    type(byLabel(c, 'Client code'), 'A1234567');
    type(byLabel(c, 'MPIN'), '12');
    type(byLabel(c, 'TOTP secret'), 'not base32!');
    type(byLabel(c, 'API key'), 'abcKEY');
    await submit(c);

    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ label: 'Main', clientCode: 'A1234567', mpin: '12', apiKey: 'abcKEY' }),
    );
    const mpin = byLabel(c, 'MPIN');
    expect(mpin.getAttribute('aria-invalid')).toBe('true');
    const described = (mpin.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('The MPIN is exactly 4 digits.');
    expect(byLabel(c, 'TOTP secret').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel(c, 'Label').getAttribute('aria-invalid')).toBeNull();
    // Everything typed is still there.
    expect(byLabel(c, 'Label').value).toBe('Main');
    expect(mpin.value).toBe('12');
    expect(byLabel(c, 'TOTP secret').value).toBe('not base32!');
    expect(byLabel(c, 'API key').value).toBe('abcKEY');
    expect(c.querySelector('[role="alert"]')?.textContent).toMatch(/Nothing was saved/);
    expect(document.activeElement).toBe(mpin);

    // Fixing a field removes its message.
    type(mpin, '1234');
    expect(mpin.getAttribute('aria-invalid')).toBeNull();
  });

  it('on edit, secret fields start empty and say that blank keeps the stored value', () => {
    const a: AccountSummary = {
      id: 'x',
      label: 'Main',
      clientCode: 'A1',
      platform: 'SMART_API_M',
      redirectUrl: 'https://example.in/cb',
      notes: 'n',
      totp: { algorithm: 'SHA1', digits: 6, period: 30 },
      dailyLogin: false,
      autoFill: true,
      hasMpin: true,
      hasTotpSecret: true,
      hasApiSecret: true,
      apiKeyLast4: 'WXYZ',
    };
    const c = render(
      <AccountForm
        account={a}
        busy={false}
        onCancel={() => {}}
        onSave={async () => ({ ok: false, errors: {}, message: null })}
      />,
    );
    for (const l of ['MPIN', 'TOTP secret', 'API key', 'API secret (optional)']) {
      const el = byLabel(c, l);
      expect(el.value).toBe('');
      const hints = (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '');
      expect(hints.join(' ')).toMatch(/Leave blank to keep the stored value/);
    }
    expect(byLabel(c, 'Label').value).toBe('Main');
    expect((byLabel(c, 'Platform') as unknown as HTMLSelectElement).value).toBe('SMART_API_M');
    expect(byLabel(c, 'Fill automatically').checked).toBe(true);
    expect(byLabel(c, 'Daily login').checked).toBe(false);
    expect(c.textContent).toContain('WXYZ');
  });

  it('previews a pasted otpauth URI without echoing the secret', () => {
    const c = render(
      <AccountForm
        busy={false}
        onCancel={() => {}}
        onSave={async () => ({ ok: false, errors: {}, message: null })}
      />,
    );
    type(byLabel(c, 'TOTP secret'), 'otpauth://totp/Angel:A1?secret=JBSWY3DPEHPK3PXP&digits=6&period=30');
    const info = c.querySelector('.otp-info')?.textContent ?? '';
    expect(info).toContain('Angel');
    expect(info).toContain('6 digits, 30 s');
    expect(c.textContent).not.toContain('JBSWY3DPEHPK3PXP');
  });
});
