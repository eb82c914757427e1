// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  activeScope,
  chooseMode,
  findLoginFields,
  findLoginModes,
  findSubmitButton,
  readBlockingPageError,
  readLoginStep,
} from '@/utils/login/page';
import { diagnosticReport, sanitize } from '@/utils/page/diagnose';
import { visibleTextWithLines } from '@/utils/page/dom';
import { twoModes } from '../../fixtures/login/modes';
import { forbiddenPage } from '../../fixtures/login/pages';

function load(html: string): void {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = doc.head.innerHTML;
  document.body.innerHTML = doc.body.innerHTML;
}

const kinds = (scope?: Node | null) =>
  findLoginFields(document, scope).map(
    (f) => `${f.field}:${f.inputs[0]!.id || f.inputs[0]!.parentElement?.id}`,
  );

/** What the page's own script does when a mode radio changes (scripts do not run here). */
function showTotpBlock(): void {
  document.getElementById('pwd-block')!.classList.add('hidden');
  document.getElementById('tot-block')!.classList.remove('hidden');
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('the evidenced two-mode page', () => {
  it('chooses the TOTP mode first: the radio, not the password mode', () => {
    load(twoModes('KEY', 'st'));
    const modes = findLoginModes(document);
    expect(modes.totp?.id).toBe('login-by-totp');
    expect(modes.selected).toBe(false);
    chooseMode(modes.totp!);
    expect(findLoginModes(document).selected).toBe(true);
  });

  it('finds the unlabeled client code, the MPIN and the TOTP of the TOTP block by the evidence rules', () => {
    load(twoModes('KEY', 'st'));
    chooseMode(findLoginModes(document).totp!);
    showTotpBlock();
    const scope = activeScope(document, findLoginModes(document));
    expect(kinds(scope)).toEqual(['clientCode:tot-user-id-block', 'pin:tot-pin', 'totp:tot-totp']);
    expect(readLoginStep(document, { scope }).fields.every((f) => f.via === 'rule')).toBe(true);
  });

  it('never takes the other mode’s fields, even when both blocks show', () => {
    load(twoModes('KEY', 'st'));
    document.getElementById('tot-block')!.classList.remove('hidden');
    const scope = activeScope(document, findLoginModes(document));
    const ids = readLoginStep(document, { scope }).fields.map(
      (f) => f.inputs[0]!.closest('#tot-block, #pwd-block')?.id,
    );
    expect(ids).toEqual(['tot-block', 'tot-block', 'tot-block']);
  });

  it('presses the clickable LOGIN div of #totp-login', () => {
    load(twoModes('KEY', 'st'));
    showTotpBlock();
    const scope = activeScope(document, findLoginModes(document));
    const last = readLoginStep(document, { scope }).fields.at(-1)!.inputs[0];
    const press = findSubmitButton(document, last, { scope })!;
    expect(press.textContent).toBe('LOGIN');
    expect(press.parentElement?.id).toBe('totp-login');
  });

  it('with an unlabeled TOTP input: client code and MPIN found, one unnamed input left', () => {
    load(twoModes('KEY', 'st', { missing: 'totp' }));
    showTotpBlock();
    const scope = activeScope(document, findLoginModes(document));
    const read = readLoginStep(document, { scope });
    expect(read.fields.map((f) => f.field)).toEqual(['clientCode', 'pin']);
    expect(read.unknown).toHaveLength(1);
  });

  it('a taught rule names the input the page does not', () => {
    load(twoModes('KEY', 'st', { missing: 'totp' }));
    showTotpBlock();
    const id = document.querySelectorAll('#tot-block input')[2]!.id;
    const read = readLoginStep(document, { taught: { totp: `#${id}` } });
    expect(read.fields.map((f) => `${f.field}:${f.via}`)).toEqual([
      'clientCode:rule',
      'pin:rule',
      'totp:taught',
    ]);
  });
});

describe('modes and pressing on other shapes', () => {
  it('tabs "Login with Password / Login with TOTP": the TOTP tab is chosen, its labelled fields are read', () => {
    document.body.innerHTML = `<div role="tablist"><button role="tab" aria-selected="true">Login with Password</button><button role="tab" aria-selected="false">Login with TOTP</button></div>
      <section><label for="a">Client ID</label><input id="a"><label for="p">Password</label><input id="p" type="password"></section>
      <section><label for="b">Client ID</label><input id="b"><label for="m">MPIN</label><input id="m" type="password" maxlength="4"><label for="t">TOTP</label><input id="t" maxlength="6"><span>Login</span></section>`;
    const modes = findLoginModes(document);
    expect(modes.totp?.textContent).toBe('Login with TOTP');
    expect(modes.selected).toBe(false);
    const scope = activeScope(document, modes);
    expect(findLoginFields(document, scope).map((f) => `${f.field}:${f.inputs[0]!.id}`)).toEqual([
      'clientCode:b',
      'pin:m',
      'totp:t',
    ]);
    const press = findSubmitButton(document, document.getElementById('t') as HTMLInputElement, { scope });
    expect(press?.tagName).toBe('SPAN');
  });

  it('"Password" is the MPIN when it is the only secret field', () => {
    document.body.innerHTML = `<label for="c">Client ID</label><input id="c"><label for="p">Password</label><input id="p" type="password"><label for="t">TOTP</label><input id="t">`;
    expect(findLoginFields(document).map((f) => f.field)).toEqual(['clientCode', 'pin', 'totp']);
  });

  it('an MPIN field wins over a Password field on the same page', () => {
    document.body.innerHTML = `<label for="p">Password</label><input id="p" type="password"><label for="m">MPIN</label><input id="m" type="password">`;
    expect(findLoginFields(document).map((f) => `${f.field}:${f.inputs[0]!.id}`)).toEqual(['pin:m']);
  });

  it('"Login with Password" and "Forgot PIN?" are never pressed; Hindi "लॉग इन करें" is', () => {
    document.body.innerHTML = `<input placeholder="TOTP"><a href="#">Login with Password</a><a href="#">Forgot PIN?</a><div class="b">लॉग इन करें</div>`;
    const press = findSubmitButton(document, document.querySelector('input')!);
    expect(press?.textContent).toBe('लॉग इन करें');
  });

  it('finds fields inside an open shadow root', () => {
    const host = document.createElement('login-card');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML =
      `<input aria-label="Client Code"><input aria-label="MPIN" type="password"><input aria-label="TOTP"><div>Login</div>`;
    expect(findLoginFields(document).map((f) => f.field)).toEqual(['clientCode', 'pin', 'totp']);
    const last = findLoginFields(document).at(-1)!.inputs[0];
    expect(findSubmitButton(document, last)?.textContent).toBe('Login');
  });
});

describe('the 403 page is quoted with its line breaks', () => {
  it('keeps the heading and the sentence apart', () => {
    load(forbiddenPage());
    const text = readBlockingPageError(document, 403);
    expect(text).toContain('403 Forbidden\nInvalid API Key.');
    expect(visibleTextWithLines(document.body)).not.toContain('ForbiddenInvalid');
  });
});

describe('diagnostic report', () => {
  it('never contains an input value or secret-looking text', () => {
    load(twoModes('KEY', 'st'));
    showTotpBlock();
    const secrets = ['A123456', '1234', '482913', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'Zp9x8Yq7Wr6Vs5Ut4'];
    const [client, pin, totp] = Array.from(document.querySelectorAll<HTMLInputElement>('#tot-block input'));
    client!.value = secrets[0]!;
    pin!.value = secrets[1]!;
    totp!.value = secrets[2]!;
    client!.setAttribute('value', secrets[0]!);
    document.getElementById('pwd-password')!.setAttribute('placeholder', secrets[3]!);
    const note = document.createElement('p');
    note.className = 'hint';
    note.textContent = `Your key ${secrets[4]} and code 482913 for A123456`;
    document.querySelector('.card')!.append(note);
    const report = diagnosticReport(document, {
      steps: [`typed client code ${secrets[0]}`],
      scored: [{ what: `input "${secrets[3]}"`, scores: { pin: 3 } }],
      outcome: `Invalid MPIN for ${secrets[0]} 1234`,
    });
    for (const s of secrets) expect(report).not.toContain(s);
    // the outline is there: ids, roles, the TOTP mode's structure
    expect(report).toContain('#tot-pin');
    expect(report).toContain('#login-by-totp');
    expect(report).toContain('"LOGIN"');
    expect(report).toContain('has-value');
  });

  it('sanitize masks digit runs and base32 runs but keeps words', () => {
    expect(sanitize('Client code A123456, PIN 1234')).not.toMatch(/\d{4}/);
    expect(sanitize('secret JBSWY3DPEHPK3PXP')).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sanitize('Login with TOTP')).toBe('Login with TOTP');
  });
});
