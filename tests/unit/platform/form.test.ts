// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formAnchor, isAccountForm, readForm, setSelectByText } from '@/utils/platform/form';
import { clientCodeListed } from '@/utils/platform/listed';
import { AUTOTRADER_WEB, checkCustomPlatform, type PlatformProfile } from '@/utils/platform/profiles';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

const CREATE = `<h2>Create Trading Account</h2><form>
  <label>Broker <select><option value="">Select</option><option value="1">Zerodha</option><option value="7">Angel</option></select></label>
  <label>Platform <select><option value="">Select</option><option value="a">SMART_API</option><option value="b">SMART_API_M</option></select></label>
  <div><span>Login Id</span><input></div>
  <div><span>MPIN</span><input type="password"></div>
  <div><span>TOTP Key</span><input type="password"></div>
  <div><span>API Key</span><input></div>
  <div><span>Nick name</span><input></div>
  <button type="button">Validate</button><button type="submit">Save</button></form>`;

describe('reading a platform account form', () => {
  it('finds every field of the Create form by its label, selects included', () => {
    const doc = page(CREATE);
    const r = readForm(doc, AUTOTRADER_WEB);
    const span = (t: string) =>
      Array.from(doc.querySelectorAll('span')).find((s) => s.textContent === t)!.nextElementSibling;
    expect(r.fields.clientCode).toBe(span('Login Id'));
    expect(r.fields.mpin).toBe(span('MPIN'));
    expect(r.fields.totpSecret).toBe(span('TOTP Key'));
    expect(r.fields.apiKey).toBe(span('API Key'));
    expect(r.fields.broker?.tagName).toBe('SELECT');
    expect(r.fields.platform?.tagName).toBe('SELECT');
    expect(r.neverPress.map((b) => b.textContent)).toEqual(['Validate', 'Save']);
    expect(isAccountForm(r)).toBe(true);
    expect(formAnchor(r)).toBe(doc.querySelector('form'));
  });

  it('the Edit form: "TOTP Secret Key" and "Validate & Save"', () => {
    const doc = page(`<div role="dialog"><div><label for="t">TOTP Secret Key</label><input id="t"></div>
      <div><label for="c">Client Id</label><input id="c"></div><button>Validate &amp; Save</button></div>`);
    const r = readForm(doc, AUTOTRADER_WEB);
    expect(r.fields.totpSecret).toBe(doc.getElementById('t'));
    expect(r.fields.clientCode).toBe(doc.getElementById('c'));
    expect(r.neverPress).toHaveLength(1);
    expect(isAccountForm(r)).toBe(true);
    // Inside the dialog, before the part that holds the fields.
    expect(formAnchor(r)?.parentElement).toBe(doc.querySelector('[role=dialog]'));
    expect(formAnchor(r)?.contains(doc.getElementById('c'))).toBe(true);
  });

  it('two boxes with the same label: neither is filled', () => {
    const r = readForm(
      page(`<div><span>API Key</span><input></div><div><span>API Key</span><input></div>
      <div><span>MPIN</span><input></div>`),
      AUTOTRADER_WEB,
    );
    expect(r.fields.apiKey).toBeUndefined();
    expect(r.ambiguous).toContain('apiKey');
  });

  it('a page without the form is not an account form', () => {
    const r = readForm(page(`<div><span>Search</span><input></div><button>Save</button>`), AUTOTRADER_WEB);
    expect(isAccountForm(r)).toBe(false);
    expect(Object.keys(r.fields)).toEqual([]);
  });

  it('custom platforms are read by the label texts the user gave', () => {
    const checked = checkCustomPlatform(
      {
        name: 'Algo',
        origin: 'https://algo.example.com',
        labels: { clientCode: 'User code', apiKey: 'Smart key' },
      },
      [],
    );
    if (!checked.ok) throw new Error('profile');
    const profile: PlatformProfile = { id: 'c', ...checked.profile };
    const doc = page(
      `<div><span>User code</span><input id="u"></div><div><span>Smart key</span><input id="k"></div>`,
    );
    const r = readForm(doc, profile);
    expect(r.fields.clientCode).toBe(doc.getElementById('u'));
    expect(r.fields.apiKey).toBe(doc.getElementById('k'));
  });

  it('sets a select by its visible text, not its value', () => {
    const doc = page(CREATE);
    const [broker, platform] = Array.from(doc.querySelectorAll('select'));
    expect(setSelectByText(broker!, 'broker', 'SMART_API')).toBe(true);
    expect(broker!.value).toBe('7');
    expect(setSelectByText(platform!, 'platform', 'SMART_API_M')).toBe(true);
    expect(platform!.value).toBe('b');
    const other = page(`<select><option>Zerodha</option></select>`).querySelector('select')!;
    expect(setSelectByText(other, 'broker', 'SMART_API')).toBe(false);
  });

  it('the accounts list shows a client code as text, not inside a form', () => {
    expect(
      clientCodeListed(page(`<table><tr><td>A1234567</td><td>Angel</td></tr></table>`), 'A1234567'),
    ).toBe(true);
    expect(
      clientCodeListed(page(`<form><label>Login Id <span>A1234567</span></label></form>`), 'A1234567'),
    ).toBe(false);
    expect(clientCodeListed(page(`<p>XA1234567</p>`), 'A1234567')).toBe(false);
  });
});
