/**
 * Help on a login page after an attempt stopped: "Show me" outlines what the engine found,
 * "Copy a diagnostic report" copies a sanitized outline of the page (utils/page/diagnose.ts).
 * Built with the in-page control helpers, so their hardening (own-UI marking, trusted
 * clicks only) applies here too.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n/inPage';
import { createControlHost, errorText, h, onUserClick, replaceChildren } from '../portal/inPageControl';
import { diagnosticReport, type DiagnosticInput } from '../page/diagnose';
import { OWN_UI_ATTR } from '../page/dom';

export interface HelpInput {
  found: { element: Element; label: string }[];
  report: () => DiagnosticInput;
  /** "Teach this page": has the background load the picking mode into this page. */
  teach?: () => Promise<unknown>;
}

const HOST_KIND = 'login-help';

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

/** Outline each found element with a labelled box; returns a function that removes them. */
export function highlight(doc: Document, found: HelpInput['found']): () => void {
  const marks: HTMLElement[] = [];
  for (const { element, label } of found) {
    if (!element.isConnected) continue;
    const r = element.getBoundingClientRect();
    const mark = doc.createElement('div');
    mark.setAttribute(OWN_UI_ATTR, 'login-mark');
    mark.setAttribute('role', 'note');
    mark.setAttribute('aria-label', label);
    mark.style.cssText = `position:fixed;left:${r.left - 3}px;top:${r.top - 3}px;width:${r.width + 6}px;height:${r.height + 6}px;border:3px solid #d93025;border-radius:6px;z-index:2147483646;pointer-events:none;box-sizing:border-box`;
    const tag = doc.createElement('span');
    tag.textContent = label;
    tag.style.cssText =
      'position:absolute;left:0;top:-22px;background:#d93025;color:#fff;font:12px/18px system-ui,sans-serif;padding:0 6px;border-radius:4px';
    mark.append(tag);
    doc.documentElement.append(mark);
    marks.push(mark);
  }
  return () => marks.forEach((m) => m.remove());
}

export function showLoginHelp(doc: Document, input: HelpInput): void {
  doc.querySelector(`[${OWN_UI_ATTR}="${HOST_KIND}"]`)?.remove();
  const control = createControlHost(HOST_KIND);
  control.host.style.cssText = 'position:fixed;right:12px;bottom:12px;z-index:2147483647;max-width:360px';
  control.box.setAttribute('aria-label', t('eng.helpLabel'));
  const status = h('div', { role: 'status', 'aria-live': 'polite', class: 'muted' });
  const show = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, t('eng.showMe'));
  const copy = h('button', { type: 'button', class: 'secondary' }, t('eng.copyReport'));
  let unmark: (() => void) | null = null;
  onUserClick(show, () => {
    if (unmark) {
      unmark();
      unmark = null;
      show.textContent = t('eng.showMe');
      show.setAttribute('aria-pressed', 'false');
      return;
    }
    unmark = highlight(doc, input.found);
    show.textContent = t('eng.hide');
    show.setAttribute('aria-pressed', 'true');
  });
  onUserClick(copy, async () => {
    const text = diagnosticReport(doc, input.report(), extensionVersion());
    try {
      await navigator.clipboard.writeText(text);
      replaceChildren(status, t('eng.copied'));
    } catch {
      const area = h('textarea', { readonly: true, rows: '8', 'aria-label': t('eng.copyReport') });
      area.value = text;
      replaceChildren(status, t('eng.copyFailed'), area);
      area.select();
    }
  });
  const teach = input.teach ? h('button', { type: 'button', class: 'secondary' }, t('eng.teach')) : null;
  if (teach && input.teach) {
    const run = input.teach;
    onUserClick(teach, async () => {
      unmark?.();
      unmark = null;
      teach.disabled = true;
      try {
        await run();
      } catch (err) {
        replaceChildren(status, h('span', { class: 'error' }, errorText(err)));
      } finally {
        teach.disabled = false;
      }
    });
  }
  control.box.append(
    h('div', { class: 'row' }, h('span', { class: 'brand' }, 'SmartAPI Companion'), show, copy, teach),
    status,
  );
  doc.documentElement.append(control.host);
}
