// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fillFocused, focusedCodeField } from '@/utils/shortcuts/fillFocused';
import { isFillFocusedRequest, isOffscreenCopyRequest } from '@/utils/shortcuts/protocol';

describe('Fill TOTP here: content side', () => {
  it('fills the focused text field with input and change events', () => {
    document.body.innerHTML = '<input id="a" type="text"><input id="b" type="tel">';
    const b = document.getElementById('b') as HTMLInputElement;
    const seen: string[] = [];
    b.addEventListener('input', () => seen.push('input'));
    b.addEventListener('change', () => seen.push('change'));
    b.focus();
    expect(fillFocused(document, '123456')).toEqual({ ok: true });
    expect(b.value).toBe('123456');
    expect(seen).toEqual(['input', 'change']);
    expect((document.getElementById('a') as HTMLInputElement).value).toBe('');
  });

  it('refuses when nothing fitting has the focus', () => {
    document.body.innerHTML =
      '<input id="ro" readonly><input id="cb" type="checkbox"><button id="btn">x</button><input id="dis" disabled>';
    for (const id of ['ro', 'cb', 'btn']) {
      (document.getElementById(id) as HTMLElement).focus();
      expect(focusedCodeField(document), id).toBeNull();
      expect(fillFocused(document, '123456')).toEqual({ ok: false, reason: 'no-field' });
    }
    (document.activeElement as HTMLElement | null)?.blur();
    expect(fillFocused(document, '123456')).toEqual({ ok: false, reason: 'no-field' });
  });

  it('accepts only well-formed requests', () => {
    expect(isFillFocusedRequest({ __sacFillFocused: 1, code: '123456' })).toBe(true);
    expect(isFillFocusedRequest({ __sacFillFocused: 1, code: 'abc' })).toBe(false);
    expect(isFillFocusedRequest({ __sacFillFocused: 1, code: '1234567890' })).toBe(false);
    expect(isFillFocusedRequest({ code: '123456' })).toBe(false);
    expect(isOffscreenCopyRequest({ __sacOffscreen: 'copy', text: '1' })).toBe(true);
    expect(isOffscreenCopyRequest({ __sacOffscreen: 'paste', text: '1' })).toBe(false);
  });
});
