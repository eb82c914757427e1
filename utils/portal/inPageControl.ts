/**
 * The extension's small UI inside Angel's pages: a host element with its own shadow root,
 * so the portal's styles cannot break it and the field finder never mistakes it for the
 * page (it carries OWN_UI_ATTR). Plain DOM, no framework: content scripts stay small.
 */
import { inPageLanguage, t } from '../i18n/inPage';
import { sendMessage, UserError } from '../messaging';
import { OWN_UI_ATTR } from './fieldFinder';
import type { PortalAccountChoice } from './protocol';
import './protocol';

const STYLE = `
:host { all: initial; display: block; margin: 8px 0; font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
.box { color: #1b1f24; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 10px; }
.row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.brand { font-weight: 600; color: #59636e; margin-right: 4px; }
button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #0b57d0; background: #0b57d0; color: #fff; cursor: pointer; }
button.secondary { background: transparent; color: #0b57d0; }
button:focus-visible, select:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
select { font: inherit; padding: 3px 4px; border-radius: 6px; border: 1px solid #d0d7de; background: #fff; color: #1b1f24; }
ul { margin: 6px 0 0; padding-left: 18px; }
li.filled { color: #1a7f37; } li.rejected, li.error, .error { color: #b3261e; } li.not-found, li.warning, li.skipped { color: #9a6700; }
.code { font: 600 20px/1.2 ui-monospace, SFMono-Regular, Menlo, monospace; letter-spacing: 2px; }
.muted { color: #59636e; }
@media (prefers-color-scheme: dark) {
  .box { color: #e6e9ee; background: #1f2329; border-color: #3a414a; }
  .brand, .muted { color: #a3acb9; }
  button { background: #8ab4f8; border-color: #8ab4f8; color: #0b1220; }
  button.secondary { background: transparent; color: #8ab4f8; }
  select { background: #15181c; color: #e6e9ee; border-color: #3a414a; }
  li.filled { color: #7ee2a8; } li.rejected, li.error, .error { color: #f2b8b5; } li.not-found, li.warning, li.skipped { color: #f5d67b; }
}
`;

export interface ControlHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Where the control's content goes. */
  box: HTMLElement;
  remove(): void;
}

/**
 * Run `fn` only for a click the user made (mouse, touch, or Enter/Space on the focused
 * button). A page script calling `.click()` produces an untrusted event and is ignored, so
 * the page cannot drive the extension's controls.
 */
export function onUserClick(el: HTMLElement, fn: () => void | Promise<void>): void {
  el.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    void fn();
  });
}

/** Create a host element (not yet inserted); `kind` names it for tests and for re-finding. */
export function createControlHost(kind: string): ControlHost {
  const host = document.createElement('smartapi-companion');
  host.setAttribute(OWN_UI_ATTR, kind);
  // Closed: the page's scripts get `null` for host.shadowRoot, so they can neither read the
  // account labels and client codes the picker shows nor reach the buttons. (Assistive
  // technology still sees it: closed roots are part of the accessibility tree.)
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'SmartAPI Companion');
  box.setAttribute('lang', inPageLanguage());
  root.append(style, box);
  return { host, root, box, remove: () => host.remove() };
}

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean | ((ev: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
    else if (value === true) el.setAttribute(key, '');
    else if (value !== false) el.setAttribute(key, value);
  }
  for (const c of children) if (c) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => !!c));
}

/** A labelled select; returns the select element. */
export function labelledSelect(
  label: string,
  options: { value: string; text: string }[],
  selected?: string,
): HTMLSelectElement {
  const select = h('select', { 'aria-label': label });
  for (const o of options) {
    const opt = h('option', { value: o.value }, o.text);
    if (o.value === selected) opt.selected = true;
    select.append(opt);
  }
  return select;
}

/**
 * Keep the control next to `anchor()` while the page re-renders: insert it before the
 * anchor, and put it back when a framework re-render removes it.
 */
export function keepBeside(control: ControlHost, anchor: () => Element | null): () => void {
  const place = () => {
    const a = anchor();
    if (!a || !a.parentNode) return;
    if (control.host.isConnected && control.host.nextSibling === a) return;
    a.parentNode.insertBefore(control.host, a);
  };
  place();
  const observer = new MutationObserver(() => {
    if (!control.host.isConnected) place();
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    control.remove();
  };
}

/**
 * "Save … to account…": a button that, on click only, asks the background for the account
 * list (labels, no secrets), shows a picker, and calls `save` with the chosen account.
 * Nothing is read from the page until the user presses Save.
 */
export function saveToAccountControl(opts: {
  kind: string;
  buttonText: string;
  save: (account: PortalAccountChoice, status: HTMLElement) => Promise<void>;
}): ControlHost {
  const control = createControlHost(opts.kind);
  const status = h('div', { role: 'status', 'aria-live': 'polite', class: 'status' });
  const area = h('div', { class: 'row' });
  const start = h('button', { type: 'button' }, opts.buttonText);
  const showStart = () => replaceChildren(area, h('span', { class: 'brand' }, 'SmartAPI Companion'), start);
  onUserClick(start, async () => {
    start.disabled = true;
    replaceChildren(status, t('ip.loadingAccounts'));
    let accounts: PortalAccountChoice[];
    try {
      accounts = await sendMessage('portal/accounts');
    } catch (err) {
      replaceChildren(status, h('span', { class: 'error' }, errorText(err)));
      start.disabled = false;
      return;
    }
    start.disabled = false;
    if (accounts.length === 0) {
      replaceChildren(status, h('span', { class: 'error' }, t('ip.noAccounts')));
      return;
    }
    replaceChildren(status);
    const select = labelledSelect(
      t('ip.account'),
      accounts.map((a) => ({ value: a.id, text: a.clientCode ? `${a.label} (${a.clientCode})` : a.label })),
    );
    const save = h('button', { type: 'button' }, t('ip.save'));
    const cancel = h('button', { type: 'button', class: 'secondary' }, t('ip.cancel'));
    onUserClick(cancel, () => {
      replaceChildren(status);
      showStart();
      start.focus();
    });
    onUserClick(save, async () => {
      const account = accounts.find((a) => a.id === select.value);
      if (!account) return;
      save.disabled = true;
      try {
        await opts.save(account, status);
        showStart();
      } catch (err) {
        replaceChildren(status, h('span', { class: 'error' }, errorText(err)));
      } finally {
        save.disabled = false;
      }
    });
    replaceChildren(area, h('span', { class: 'brand' }, t('ip.saveTo')), select, save, cancel);
    select.focus();
  });
  showStart();
  control.box.append(area, status);
  return control;
}

export function errorText(err: unknown): string {
  if (err instanceof UserError) {
    if (err.code === 'locked') return t('ip.locked');
    return err.message;
  }
  return t('ip.somethingWrong');
}

/** Keep the control as the last child of `container()`, re-adding it after re-renders. */
export function keepAtEnd(control: ControlHost, container: () => Element | null): () => void {
  const place = () => {
    const c = container();
    if (c && !control.host.isConnected) c.appendChild(control.host);
  };
  place();
  const observer = new MutationObserver(place);
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    control.remove();
  };
}
