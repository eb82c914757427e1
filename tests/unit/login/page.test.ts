// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findLoginFields, findSubmitButton, readBlockingPageError, readErrorText } from '@/utils/login/page';
import { typeField, typeIntoBoxes, typeInto } from '@/utils/login/typing';
import { digitBoxes, forbiddenPage, onePageForm, threeSteps } from '../../fixtures/login/pages';

/** Load a fixture page's markup (scripts do not run through innerHTML). */
function load(html: string): void {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = doc.head.innerHTML;
  document.body.innerHTML = doc.body.innerHTML;
}

const kinds = () => findLoginFields(document).map((f) => `${f.field}:${f.inputs.length}`);

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('findLoginFields on the fixture pages', () => {
  it('one-page form: client code, PIN, TOTP by their labels', () => {
    load(onePageForm('KEY', 'st'));
    expect(kinds()).toEqual(['clientCode:1', 'pin:1', 'totp:1']);
  });

  it('three steps: only the visible step counts', () => {
    load(threeSteps('KEY', 'st'));
    expect(kinds()).toEqual(['clientCode:1']);
    const sections = Array.from(document.querySelectorAll('section'));
    sections[0]!.classList.add('hidden');
    sections[1]!.classList.remove('hidden');
    expect(kinds()).toEqual(['pin:1']);
    sections[1]!.classList.add('hidden');
    sections[2]!.classList.remove('hidden');
    expect(kinds()).toEqual(['totp:1']);
  });

  it('digit boxes: a row of 4 is the PIN, a row of 6 the TOTP', () => {
    load(digitBoxes('KEY', 'st'));
    expect(kinds()).toEqual(['clientCode:1', 'pin:4', 'totp:6']);
  });
});

describe('findLoginFields on other shapes', () => {
  it('aria-labels only', () => {
    document.body.innerHTML = `<input aria-label="User ID"><input aria-label="Enter MPIN" type="password"><input aria-label="Authenticator code">`;
    expect(kinds()).toEqual(['clientCode:1', 'pin:1', 'totp:1']);
  });

  it('placeholders only, no ids, in another order', () => {
    document.body.innerHTML = `<div><input placeholder="TOTP"></div><div><input placeholder="Client Code"></div>`;
    expect(kinds()).toEqual(['totp:1', 'clientCode:1']);
  });

  it('a nearby heading names an unlabeled input', () => {
    document.body.innerHTML = `<div><h3>Enter your 4 digit PIN</h3><div class="w"><input type="tel"></div></div>`;
    expect(kinds()).toEqual(['pin:1']);
  });

  it('one label never names a neighbouring field', () => {
    document.body.innerHTML = `<form><p>Client Code</p><input><input maxlength="6" placeholder="OTP"></form>`;
    expect(kinds()).toEqual(['clientCode:1', 'totp:1']);
  });

  it('a generated id is not a word: "f12fa3b4c" does not say 2FA, while an id "user-2fa" does', () => {
    document.body.innerHTML = `<input type="text" id="f12fa3b4c" maxlength="6">`;
    expect(kinds()).toEqual([]);
    document.body.innerHTML = `<input type="text" id="user-2fa" maxlength="6">`;
    expect(kinds()).toEqual(['totp:1']);
  });

  it('ignores hidden, disabled and unrelated inputs', () => {
    document.body.innerHTML = `<input type="hidden" name="pin"><input disabled placeholder="PIN"><input placeholder="Search"><input type="checkbox" aria-label="Remember me">`;
    expect(kinds()).toEqual([]);
  });
});

describe('typing', () => {
  it('fills auto-advancing digit boxes whose page keeps its own state from input events', () => {
    document.body.innerHTML = `<div class="digits">${'<input maxlength="1">'.repeat(6)}</div>`;
    const boxes = Array.from(document.querySelectorAll('input'));
    const state = ['', '', '', '', '', ''];
    const keys: string[] = [];
    boxes.forEach((b, i) => {
      b.addEventListener('keydown', (e) => keys.push((e as KeyboardEvent).key));
      b.addEventListener('input', () => {
        state[i] = b.value;
        if (b.value && boxes[i + 1]) boxes[i + 1]!.focus();
      });
    });
    typeIntoBoxes(boxes, '482913');
    expect(state.join('')).toBe('482913');
    expect(boxes.map((b) => b.value).join('')).toBe('482913');
    expect(keys).toEqual(['4', '8', '2', '9', '1', '3']);
  });

  it('types a single input character by character, replacing what was there', () => {
    document.body.innerHTML = `<input value="old">`;
    const input = document.querySelector('input')!;
    const seen: string[] = [];
    input.addEventListener('input', () => seen.push(input.value));
    typeInto(input, 'A12');
    expect(input.value).toBe('A12');
    expect(seen).toEqual(['', 'A', 'A1', 'A12']);
  });

  it('typeField picks boxes or a single input', () => {
    document.body.innerHTML = `<input id="a"><div>${'<input maxlength="1">'.repeat(4)}</div>`;
    const [single, ...boxes] = Array.from(document.querySelectorAll('input'));
    typeField([single!], 'X1');
    typeField(boxes, '1234');
    expect(single!.value).toBe('X1');
    expect(boxes.map((b) => b.value).join('')).toBe('1234');
  });
});

describe('buttons and errors', () => {
  it("finds the form's own Login button", () => {
    load(onePageForm('KEY', 'st'));
    const last = findLoginFields(document).at(-1)!.inputs[0];
    expect(findSubmitButton(document, last)?.textContent).toBe('Login');
  });

  it('finds the visible Continue of the current step only', () => {
    load(threeSteps('KEY', 'st'));
    const first = findLoginFields(document)[0]!.inputs[0];
    const b = findSubmitButton(document, first)!;
    expect(b.textContent).toBe('Continue');
    expect(b.closest('section')?.getAttribute('data-step')).toBe('1');
  });

  it('reads alert and live-region errors, not ordinary text', () => {
    load(onePageForm('KEY', 'st', 'Invalid PIN. Please check and try again.'));
    expect(readErrorText(document)).toBe('Invalid PIN. Please check and try again.');
    load(digitBoxes('KEY', 'st'));
    expect(readErrorText(document)).toBe('');
    document.querySelector('.err')!.textContent = 'Invalid totp';
    expect(readErrorText(document)).toBe('Invalid totp');
  });

  it('recognises the 403 page', () => {
    load(forbiddenPage());
    expect(readBlockingPageError(document, undefined)).toMatch(/403|Invalid API Key/);
    load(onePageForm('KEY', 'st'));
    expect(readBlockingPageError(document, undefined)).toBe('');
  });
});
