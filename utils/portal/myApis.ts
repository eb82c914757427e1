/**
 * My APIs page: next to every app that shows an "API Key", offer "Save to account…".
 * Only label text ("API Key", "Secret Key") is used to place the button; the key itself is
 * read when the user presses Save, and goes straight to the background.
 */
import { t } from '../i18n/inPage';
import { sendMessage, UserError } from '../messaging';
import type { PageAdapter } from './adapter';
import { watchForTargets } from './watchForTargets';
import { collectRoots, isRendered, normaliseText, OWN_UI_ATTR, readableText } from './fieldFinder';
import { h, keepAtEnd, replaceChildren, saveToAccountControl, type ControlHost } from './inPageControl';
import './protocol';

const KEY_LABEL = /^(api ?key|api-key)$/;
const SECRET_LABEL = /^(secret ?key|api secret|secret)$/;
// "API Key: AbCd1234" in one element (label, colon, value), matched on the raw text.
const KEY_INLINE = /^\s*api[ -]?key\s*[:：]\s*\S/i;
const SECRET_INLINE = /^\s*(secret[ -]?key|api secret)\s*[:：]\s*\S/i;
const LABEL_PREFIX = /^\s*(api[ -]?key|secret[ -]?key|api secret)\s*[:：-]?\s*/i;

export interface ApiKeyRow {
  /** The element that names the value ("API Key" text or column header). */
  label: Element;
  /** Where the key is shown (text or an input). */
  value: Element | null;
  /** The app's box (card, list item, table row): the control goes at its end. */
  row: Element;
  secretValue: Element | null;
}

/** Elements whose own text is just the label (the deepest such element). */
function labelElements(root: Document | ShadowRoot, pattern: RegExp): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.closest(`[${OWN_UI_ATTR}]`) || ['SCRIPT', 'STYLE', 'BUTTON'].includes(el.tagName)) continue;
    const text = normaliseText(readableText(el));
    if (!pattern.test(text)) continue;
    if (Array.from(el.children).some((c) => pattern.test(normaliseText(readableText(c))))) continue;
    out.push(el);
  }
  return out;
}

/** Elements holding both the label and the value ("API Key: AbCd1234"), deepest only. */
function inlineLabelElements(root: Document | ShadowRoot, pattern: RegExp): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.closest(`[${OWN_UI_ATTR}]`) || ['SCRIPT', 'STYLE', 'BUTTON'].includes(el.tagName)) continue;
    const text = readableText(el).replace(/\s+/g, ' ');
    if (text.length > 100 || !pattern.test(text)) continue;
    if (Array.from(el.children).some((c) => pattern.test(readableText(c)))) continue;
    out.push(el);
  }
  return out;
}

/** The value next to a label: the following element, or the associated input. */
function valueAfter(label: Element): Element | null {
  const forId = label.getAttribute('for');
  if (forId) {
    const root = label.getRootNode() as Document | ShadowRoot;
    const target = 'getElementById' in root ? root.getElementById(forId) : null;
    if (target) return target;
  }
  let node: Element | null = label;
  for (let depth = 0; depth < 3 && node; depth++) {
    if (node.nextElementSibling) return node.nextElementSibling;
    node = node.parentElement;
  }
  return null;
}

/** The cell under a table column header, in the same row as `row`. */
function cellInColumn(header: Element, row: HTMLTableRowElement): Element | null {
  const headerCell = header.closest('th, td');
  const headerRow = headerCell?.parentElement;
  if (!headerCell || !headerRow) return null;
  const index = Array.from(headerRow.children).indexOf(headerCell);
  return row.children[index] ?? null;
}

export function findApiKeyRows(doc: Document): ApiKeyRow[] {
  const rows: ApiKeyRow[] = [];
  for (const root of collectRoots(doc)) {
    const exact = labelElements(root, KEY_LABEL).filter((l) => isRendered(l));
    const inline = inlineLabelElements(root, KEY_INLINE).filter(
      (l) => isRendered(l) && !exact.some((e) => e.contains(l) || l.contains(e)),
    );
    const keyLabels = [...exact, ...inline];
    const secretExact = labelElements(root, SECRET_LABEL);
    const secretLabels = [
      ...secretExact,
      ...inlineLabelElements(root, SECRET_INLINE).filter(
        (l) => !secretExact.some((e) => e.contains(l) || l.contains(e)),
      ),
    ];
    // An inline label holds its own value; a plain label names the element after it.
    const valueOf = (label: Element) =>
      exact.includes(label) || secretExact.includes(label) ? valueAfter(label) : label;
    for (const label of keyLabels) {
      const th = label.closest('th');
      if (th) {
        const table = th.closest('table');
        const secretHeader = secretLabels.find((s) => s.closest('table') === table) ?? null;
        for (const tr of Array.from(table?.querySelectorAll('tbody tr') ?? [])) {
          const row = tr as HTMLTableRowElement;
          if (!isRendered(row)) continue;
          rows.push({
            label,
            row,
            value: cellInColumn(label, row),
            secretValue: secretHeader ? cellInColumn(secretHeader, row) : null,
          });
        }
        continue;
      }
      // Card layouts: climb while the ancestor still holds only this key label.
      let row: Element = label.parentElement ?? label;
      while (row.parentElement && keyLabels.filter((k) => row.parentElement!.contains(k)).length === 1) {
        if (['BODY', 'MAIN', 'HTML'].includes(row.parentElement.tagName)) break;
        row = row.parentElement;
      }
      const secretLabel = secretLabels.find((s) => row.contains(s)) ?? null;
      rows.push({
        label,
        row,
        value: valueOf(label),
        secretValue: secretLabel ? valueOf(secretLabel) : null,
      });
    }
  }
  return rows;
}

const MASK = /[•●*∗·]|x{4,}/i;

/** Read a shown key (only called after the user's click). */
export function readShownValue(el: Element | null): { value: string } | { hidden: true } | null {
  if (!el) return null;
  let text: string;
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
    const input = el as HTMLInputElement;
    if (input.type === 'password') return { hidden: true };
    text = input.value;
  } else {
    const input = el.querySelector('input, textarea') as HTMLInputElement | null;
    if (input) return readShownValue(input);
    const clone = el.cloneNode(true) as Element;
    for (const b of Array.from(clone.querySelectorAll(`button, [role=button], [${OWN_UI_ATTR}]`))) b.remove();
    text = readableText(clone);
  }
  text = text.replace(/\s+/g, ' ').trim().replace(LABEL_PREFIX, '');
  if (text === '' || MASK.test(text)) return { hidden: true };
  // The key is the whole text: anything else (a sentence, several words) is not a key.
  return /^[A-Za-z0-9_-]{6,128}$/.test(text) ? { value: text } : null;
}

function rowTitle(row: Element, label: Element): string {
  // The first short text of the row that is not a label/value: usually the app name.
  for (const el of Array.from(
    row.querySelectorAll('h1, h2, h3, h4, h5, h6, strong, b, td, [class*="name" i]'),
  )) {
    if (el.contains(label) || el.closest(`[${OWN_UI_ATTR}]`)) continue;
    const text = readableText(el).replace(/\s+/g, ' ').trim();
    if (text && text.length <= 40) return text;
  }
  return '';
}

function buildRowControl(rowEl: Element, index: number): ControlHost {
  return saveToAccountControl({
    kind: 'my-apis',
    buttonText: t('ip.saveToAccount'),
    async save(account, status) {
      // Re-find the row now: the page may have re-rendered since the button appeared.
      const rows = findApiKeyRows(document);
      const row = rows.find((r) => r.row === rowEl) ?? rows[index];
      const key = readShownValue(row?.value ?? null);
      if (!key) throw new UserError('no-key', t('ip.noKey'));
      if ('hidden' in key) {
        throw new UserError('key-hidden', t('ip.keyHidden'));
      }
      const secret = readShownValue(row?.secretValue ?? null);
      const apiSecret = secret && 'value' in secret ? secret.value : undefined;
      const saved = await sendMessage('portal/save-api-key', {
        accountId: account.id,
        apiKey: key.value,
        apiSecret,
      });
      replaceChildren(
        status,
        h(
          'span',
          {},
          t(apiSecret ? 'ip.savedKeyAndSecret' : 'ip.savedKey', {
            last4: key.value.slice(-4),
            label: saved.label,
          }),
        ),
      );
    },
  });
}

export const myApisAdapter: PageAdapter = {
  kinds: ['my-apis'],
  start(ctx) {
    const controls = new Map<Element, () => void>();
    const check = () => {
      const rows = findApiKeyRows(document);
      const live = new Set(rows.map((r) => r.row));
      for (const [row, stop] of controls) {
        if (!live.has(row) || !row.isConnected) {
          stop();
          controls.delete(row);
        }
      }
      rows.forEach((r, index) => {
        if (controls.has(r.row)) return;
        const control = buildRowControl(r.row, index);
        control.host.setAttribute('data-app', rowTitle(r.row, r.label));
        const target = r.row.tagName === 'TR' ? (r.value ?? r.row.lastElementChild) : r.row;
        // Inside the row, at its end, so it reads as belonging to that app.
        controls.set(
          r.row,
          keepAtEnd(control, () => (target?.isConnected ? target : null)),
        );
      });
    };
    const unwatch = watchForTargets(check);
    const stop = () => {
      unwatch();
      for (const s of controls.values()) s();
      controls.clear();
    };
    ctx.onInvalidated(stop);
    return stop;
  },
};
