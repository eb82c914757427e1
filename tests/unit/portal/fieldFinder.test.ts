// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findChoiceGroup, findTextFields, tokenise, OWN_UI_ATTR } from '@/utils/portal/fieldFinder';
import { API_TYPE_OPTIONS, CREATE_APP_RULES, findCreateAppForm, formAnchor } from '@/utils/portal/createApp';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

function foundIds(doc: Document): Record<string, string> {
  const { found } = findTextFields(doc, CREATE_APP_RULES);
  return Object.fromEntries(
    Object.entries(found).map(([k, f]) => [k, (f as { element: Element }).element.id]),
  );
}

const ALL = {
  appName: 'a',
  redirectUrl: 'r',
  postbackUrl: 'p',
  clientId: 'c',
  primaryIp: 'i1',
  secondaryIp: 'i2',
};

describe('field finder on the create-app form', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('tokenises name and id values', () => {
    expect(tokenise('primaryStaticIp')).toEqual(['primary', 'static', 'ip']);
    expect(tokenise('redirect_url')).toEqual(['redirect', 'url']);
    expect(tokenise('ip2')).toEqual(['ip', '2']);
  });

  it('plain form with name attributes only', () => {
    const doc = page(`<form>
      <input id="a" name="app_name"><input id="r" name="redirect_url"><input id="p" name="postbackUrl">
      <input id="c" name="clientId"><input id="i1" name="primary_static_ip"><input id="i2" name="secondaryStaticIp">
      <input id="q" name="search"></form>`);
    expect(foundIds(doc)).toEqual(ALL);
  });

  it('<label for> labels', () => {
    const doc = page(`<form>
      <label for="a">App Name *</label><input id="a">
      <label for="r">Redirect URL *</label><input id="r">
      <label for="p">Postback URL</label><input id="p">
      <label for="c">Angel Client ID</label><input id="c">
      <label for="i1">Primary Static IP *</label><input id="i1">
      <label for="i2">Secondary Static IP</label><input id="i2"></form>`);
    expect(foundIds(doc)).toEqual(ALL);
    expect(findTextFields(doc, CREATE_APP_RULES).found.appName?.via).toBe('label');
  });

  it('wrapping labels, aria-labelledby and aria-label', () => {
    const doc = page(`<div>
      <label>App name <input id="a"></label>
      <span id="rl">Redirect URL</span><input id="r" aria-labelledby="rl">
      <input id="p" aria-label="Postback URL (optional)">
      <label><span>Client ID</span><input id="c"></label>
      <input id="i1" aria-label="Static IP">
      <input id="i2" aria-label="Secondary static IP address"></div>`);
    expect(foundIds(doc)).toEqual(ALL);
  });

  it('label-only layouts: caption text before the field, no for/name/id hints', () => {
    const doc =
      page(`<div class="f"><div class="cap">App Name<span>*</span></div><div><input id="a"></div></div>
      <div class="f"><div class="cap">Redirect URL</div><div><input id="r"></div></div>
      <div class="f"><div class="cap">Postback URL</div><div><input id="p"></div></div>
      <div class="f"><p>Primary Static IP</p><input id="i1"></div>
      <div class="f"><p>Secondary Static IP</p><input id="i2"></div>`);
    const ids = foundIds(doc);
    expect(ids).toEqual({
      appName: 'a',
      redirectUrl: 'r',
      postbackUrl: 'p',
      primaryIp: 'i1',
      secondaryIp: 'i2',
    });
    expect(findTextFields(doc, CREATE_APP_RULES).found.redirectUrl?.via).toBe('nearby-text');
  });

  it('placeholders', () => {
    const doc = page(`<input id="a" placeholder="Enter app name"><input id="r" placeholder="Redirect URL">`);
    expect(foundIds(doc)).toEqual({ appName: 'a', redirectUrl: 'r' });
  });

  it('prefers the label over a contradicting name attribute', () => {
    const doc = page(`<label for="x">Redirect URL</label><input id="x" name="postback">
      <label for="y">Postback URL</label><input id="y" name="redirect">`);
    expect(foundIds(doc)).toEqual({ redirectUrl: 'x', postbackUrl: 'y' });
  });

  it('two equally good candidates: ambiguous, nothing found for that field', () => {
    const doc =
      page(`<label for="a1">App Name</label><input id="a1"><label for="a2">App Name</label><input id="a2">
      <label for="r">Redirect URL</label><input id="r">`);
    const result = findTextFields(doc, CREATE_APP_RULES);
    expect(result.found.appName).toBeUndefined();
    expect(result.ambiguous).toContain('appName');
    expect(result.found.redirectUrl?.element.id).toBe('r');
  });

  it('ignores unrelated, hidden, disabled, read-only and non-text inputs', () => {
    const doc = page(`<input id="s" placeholder="Search apps"><input type="hidden" name="app_name">
      <div style="display:none"><label for="h">App Name</label><input id="h"></div>
      <label for="d">Redirect URL</label><input id="d" disabled>
      <label for="ro">Postback URL</label><input id="ro" readonly>
      <label for="cb">Primary static IP</label><input id="cb" type="checkbox">
      <label for="pw">Client ID</label><input id="pw" type="password">`);
    expect(foundIds(doc)).toEqual({});
  });

  it('does not mistake the extension’s own UI for the page', () => {
    const doc = page(`<div ${OWN_UI_ATTR}="x"><label for="a">App Name</label><input id="a"></div>`);
    expect(foundIds(doc)).toEqual({});
  });

  it('weak hints alone are not enough: a lone "IP" name is not the primary IP', () => {
    const doc = page(`<input id="x" name="ip"><input id="y" name="url">`);
    expect(foundIds(doc)).toEqual({});
  });

  it('searches open shadow roots', () => {
    const doc = page(`<div id="host"></div>`);
    const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = `<label for="a">App Name</label><input id="a"><span id="rl">Redirect URL</span><input id="r" aria-labelledby="rl">`;
    expect(foundIds(doc)).toEqual({ appName: 'a', redirectUrl: 'r' });
  });

  it('anchors the in-page control before the form', () => {
    const doc = page(`<main><form id="f"><label for="a">App Name</label><input id="a"></form></main>`);
    expect(formAnchor(findCreateAppForm(doc))?.id).toBe('f');
    const doc2 = page(
      `<div id="box"><div><label for="a">App Name</label><input id="a"></div><div><label for="r">Redirect URL</label><input id="r"></div></div>`,
    );
    expect(formAnchor(findCreateAppForm(doc2))?.id).toBe('box');
  });
});

describe('API type choice', () => {
  it('native radio group with labels', () => {
    const doc = page(`<p>Select API type</p>
      <label><input type="radio" name="t" id="t1" value="1"> Trading APIs</label>
      <label><input type="radio" name="t" id="t2" value="2"> Publisher APIs</label>
      <label><input type="radio" name="t" id="t3" value="3"> Market Feeds APIs</label>
      <label><input type="radio" name="t" id="t4" value="4"> Historical APIs</label>`);
    const group = findChoiceGroup(doc, API_TYPE_OPTIONS)!;
    expect(Object.fromEntries(Object.entries(group.options).map(([k, v]) => [k, v!.element.id]))).toEqual({
      trading: 't1',
      publisher: 't2',
      'market-feeds': 't3',
      historical: 't4',
    });
  });

  it('custom role=radio buttons', () => {
    const doc = page(`<div role="radiogroup" aria-label="API type">
      <div role="radio" id="t1" aria-checked="true" tabindex="0">Trading</div>
      <div role="radio" id="t2" aria-checked="false" tabindex="-1">Publisher</div></div>`);
    expect(findChoiceGroup(doc, API_TYPE_OPTIONS)?.options.publisher?.element.id).toBe('t2');
  });

  it('a select with the API types', () => {
    const doc = page(`<label for="s">API Type</label><select id="s"><option value="">Choose</option>
      <option value="TR">Trading APIs</option><option value="PB">Publisher APIs</option></select>`);
    const target = findChoiceGroup(doc, API_TYPE_OPTIONS)?.options.publisher;
    expect(target).toMatchObject({ kind: 'select', optionValue: 'PB' });
  });

  it('unrelated radios (gender, yes/no) are not an API type group', () => {
    const doc = page(
      `<label><input type="radio" name="g"> Yes</label><label><input type="radio" name="g"> No</label>`,
    );
    expect(findChoiceGroup(doc, API_TYPE_OPTIONS)).toBeNull();
  });
});
