/**
 * The in-page control on a platform's account form: "Fill from SmartAPI Companion…" in a
 * closed shadow root (utils/portal/inPageControl.ts), trusted clicks only. The first click
 * loads the accounts (labels, no secrets) and shows a picker with what the fill will do on
 * this page; "Fill" runs one fill (fill.ts) and lists what happened.
 */
import {
  createControlHost,
  errorText,
  h,
  labelledSelect,
  onUserClick,
  replaceChildren,
  type ControlHost,
} from '../portal/inPageControl';
import { sendMessage } from '../messaging';
import { t } from '../i18n/platform';
import { previewLines, runFill, type FillLine } from './fill';
import type { PlatformAccountChoice, PlatformProfile } from './profiles';
import './protocol';

export interface PlatformControl extends ControlHost {
  /** Open the picker (the popup's "Fill this page", a user action in the extension). */
  open(): Promise<void>;
}

function lineList(lines: FillLine[]): HTMLElement {
  const ul = h('ul', { 'aria-label': t('pl.report') });
  for (const l of lines) ul.append(h('li', { class: l.status === 'note' ? 'muted' : l.status }, l.text));
  return ul;
}

export function platformControl(doc: Document): PlatformControl {
  const control = createControlHost('platform-fill');
  const area = h('div', { class: 'row' });
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  const start = h('button', { type: 'button' }, t('pl.open'));
  const showStart = () => replaceChildren(area, h('span', { class: 'brand' }, 'SmartAPI Companion'), start);

  const open = async () => {
    start.disabled = true;
    replaceChildren(status, t('pl.loading'));
    let profile: PlatformProfile;
    let accounts: PlatformAccountChoice[];
    try {
      ({ profile, accounts } = await sendMessage('platform/accounts'));
    } catch (err) {
      replaceChildren(status, h('span', { class: 'error' }, errorText(err)));
      start.disabled = false;
      return;
    }
    start.disabled = false;
    if (accounts.length === 0) {
      replaceChildren(status, h('span', { class: 'error' }, t('pl.noAccounts')));
      return;
    }
    const select = labelledSelect(
      t('pl.account'),
      accounts.map((a) => ({
        value: a.id,
        text: `${a.label} (${a.clientCode || a.platform}, ${a.platform})`,
      })),
    );
    const chosen = () => accounts.find((a) => a.id === select.value) ?? accounts[0]!;
    const preview = () => replaceChildren(status, lineList(previewLines(doc, profile, chosen())));
    select.addEventListener('change', preview);
    const fill = h('button', { type: 'button' }, t('pl.fill'));
    const cancel = h('button', { type: 'button', class: 'secondary' }, t('pl.cancel'));
    onUserClick(cancel, () => {
      replaceChildren(status);
      showStart();
      start.focus();
    });
    onUserClick(fill, async () => {
      fill.disabled = true;
      try {
        const { lines } = await runFill(doc, profile, chosen());
        replaceChildren(status, lineList(lines));
        showStart();
      } catch (err) {
        replaceChildren(status, h('span', { class: 'error' }, errorText(err)));
      } finally {
        fill.disabled = false;
      }
    });
    replaceChildren(area, h('span', { class: 'brand' }, t('pl.account')), select, fill, cancel);
    preview();
    select.focus();
  };
  onUserClick(start, open);
  showStart();
  control.box.append(area, status);
  return { ...control, open };
}

/** A form is there but none of its fields could be recognised: say so at once. */
export function unreadableNotice(): ControlHost {
  const control = createControlHost('platform-unreadable');
  control.box.append(
    h('div', { class: 'row' }, h('span', { class: 'brand' }, 'SmartAPI Companion')),
    h('div', { role: 'status', class: 'error' }, t('pl.unreadable')),
  );
  return control;
}
