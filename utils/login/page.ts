/**
 * Reading Angel's login page as a person does: which inputs are showing, what their
 * labels and surrounding words say, which button continues, which error is on screen.
 * No fixture ids or class names: Angel's markup is not public and changes.
 */
import { classifyLoginError } from './errors';
import { detectStep, looksLikeSubmit, type FieldClues, type LoginField } from './fields';

export interface FoundField {
  field: LoginField;
  /** One input, or the row of one-character boxes in order. */
  inputs: HTMLInputElement[];
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'password', 'tel', 'number', 'email', 'search']);

export function isShown(el: Element): boolean {
  if (!el.isConnected) return false;
  if (el.closest('[hidden], [aria-hidden="true"], template')) return false;
  const view = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const st = view?.getComputedStyle(e);
    if (st && (st.display === 'none' || st.visibility === 'hidden')) return false;
  }
  return true;
}

function usableInput(el: HTMLInputElement): boolean {
  return (
    TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase()) &&
    !el.disabled &&
    !el.readOnly &&
    isShown(el)
  );
}

function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Visible words of an element, without the values of its inputs. */
function ownText(el: Element): string {
  return squash(el.textContent);
}

/**
 * Words near an input or box row: the text just before it, looking further up only while
 * the enclosing element holds no other field (so one field's label never names another).
 */
function nearbyText(el: Element): string {
  const inputsIn = (n: Element) => (n.tagName === 'INPUT' ? 1 : n.querySelectorAll('input').length);
  let node: Element = el;
  for (let depth = 0; depth < 5; depth++) {
    const parts: string[] = [];
    for (let sib = node.previousElementSibling; sib && parts.length < 2; sib = sib.previousElementSibling) {
      if (sib.tagName === 'INPUT' || sib.querySelector('input')) break;
      const t = ownText(sib);
      if (t) parts.unshift(t.slice(0, 80));
    }
    if (parts.length) return parts.join(' ');
    const parent = node.parentElement;
    if (!parent || inputsIn(parent) > inputsIn(node)) break;
    node = parent;
  }
  return '';
}

function labelText(el: HTMLInputElement): string {
  const doc = el.ownerDocument;
  const out: string[] = [];
  for (const l of Array.from(el.labels ?? [])) out.push(ownText(l));
  const by = el.getAttribute('aria-labelledby');
  if (by)
    for (const id of by.split(/\s+/)) out.push(ownText(doc.getElementById(id) ?? doc.createElement('x')));
  for (const a of ['aria-label', 'placeholder', 'title', 'name', 'id', 'autocomplete', 'aria-describedby'])
    out.push(
      a === 'aria-describedby'
        ? ownText(doc.getElementById(el.getAttribute(a) ?? '') ?? doc.createElement('x'))
        : (el.getAttribute(a) ?? ''),
    );
  // ids like "clientCode" or "user_pin" read as words
  return out
    .map((t) => t.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' '))
    .filter(Boolean)
    .join(' ');
}

function cluesOf(inputs: HTMLInputElement[], container: Element | null): FieldClues {
  const first = inputs[0]!;
  const text =
    inputs.length > 1
      ? [
          labelText(first),
          container ? (container.getAttribute('aria-label') ?? '') : '',
          nearbyText(container ?? first),
        ].join(' ')
      : [labelText(first), nearbyText(first)].join(' ');
  return {
    text,
    type: (first.getAttribute('type') ?? 'text').toLowerCase() || 'text',
    inputMode: (first.getAttribute('inputmode') ?? '').toLowerCase(),
    maxLength: first.maxLength > 0 ? first.maxLength : -1,
    boxes: inputs.length,
  };
}

/** Group visible inputs: a run of 4+ one-character boxes under one parent is one field. */
export function groupInputs(root: ParentNode): { inputs: HTMLInputElement[]; container: Element | null }[] {
  const all = Array.from(root.querySelectorAll('input')).filter(usableInput);
  const groups: { inputs: HTMLInputElement[]; container: Element | null }[] = [];
  const used = new Set<HTMLInputElement>();
  for (const input of all) {
    if (used.has(input)) continue;
    if (input.maxLength === 1) {
      // The nearest ancestor holding several single-character boxes is the row.
      let container: Element | null = input.parentElement;
      let boxes: HTMLInputElement[] = [];
      for (let depth = 0; container && depth < 3; depth++, container = container.parentElement) {
        boxes = Array.from(container.querySelectorAll('input')).filter(
          (i) => usableInput(i) && i.maxLength === 1 && !used.has(i),
        );
        if (boxes.length >= 4) break;
      }
      if (boxes.length >= 4 && container) {
        for (const b of boxes) used.add(b);
        groups.push({ inputs: boxes, container });
        continue;
      }
    }
    used.add(input);
    groups.push({ inputs: [input], container: null });
  }
  return groups;
}

/** The login fields the page shows now, in page order. */
export function findLoginFields(root: ParentNode): FoundField[] {
  const groups = groupInputs(root);
  const clues = groups.map((g) => cluesOf(g.inputs, g.container));
  return detectStep(clues).map(({ field, index }) => ({ field, inputs: groups[index]!.inputs }));
}

function buttonText(el: Element): string {
  if (el instanceof HTMLInputElement) return el.value;
  return squash(el.textContent) || el.getAttribute('aria-label') || el.getAttribute('title') || '';
}

function isDisabled(el: Element): boolean {
  return (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';
}

/** The button that continues from the given fields: in their form, else the first after them. */
export function findSubmitButton(root: ParentNode, near: HTMLInputElement | undefined): HTMLElement | null {
  const candidates = Array.from(
    root.querySelectorAll<HTMLElement>(
      'button, input[type=submit], input[type=button], [role=button], a[href="#"], a:not([href])',
    ),
  ).filter((b) => isShown(b) && looksLikeSubmit(buttonText(b)));
  if (!candidates.length) return null;
  const form = near?.form ?? null;
  const inForm = form ? candidates.filter((b) => form.contains(b)) : [];
  if (inForm.length) return inForm[0]!;
  if (near) {
    const after = candidates.filter(
      (b) => near.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (after.length) return after[0]!;
  }
  return candidates[0]!;
}

export function buttonDisabled(el: HTMLElement): boolean {
  return isDisabled(el);
}

const ERROR_CLASS_RE = /(error|alert|toast|danger|invalid|warning|notif|snack)/i;

export function isErrorContainer(el: Element): boolean {
  if (el.getAttribute('role') === 'alert' || el.hasAttribute('aria-live')) return true;
  const cls = el.getAttribute('class');
  return !!cls && ERROR_CLASS_RE.test(cls);
}

/** The error text on screen now ('' when none). */
export function readErrorText(root: ParentNode): string {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('[role=alert], [aria-live], [class]'))) {
    if (!isErrorContainer(el) || !isShown(el)) continue;
    if (
      el.tagName === 'INPUT' ||
      el.tagName === 'BUTTON' ||
      el.tagName === 'FORM' ||
      el.querySelector('input')
    )
      continue;
    const t = ownText(el);
    if (!t || t.length > 300) continue;
    if (found.some((f) => f.includes(t))) continue;
    for (let i = found.length - 1; i >= 0; i--) if (t.includes(found[i]!)) found.splice(i, 1);
    found.push(t);
  }
  return found.join(' ').trim();
}

/** A page with no login form that tells why (HTTP 403, invalid API key). */
export function readBlockingPageError(doc: Document, httpStatus: number | undefined): string {
  const body = squash(doc.body?.textContent).slice(0, 400);
  const c = classifyLoginError(body, httpStatus);
  return c && c.kind === 'invalid-api-key' ? c.angelMessage : '';
}
