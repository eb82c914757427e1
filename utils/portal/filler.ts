/**
 * Sets values the way a typing person would be seen by the page's framework: through the
 * native value setter (React and Angular wrap `.value`, so a bare assignment is invisible
 * to them), followed by the input, change and blur events they listen to. Then reads every
 * value back and reports what stuck, what the page refused and what was not found.
 * Never submits anything.
 */
import { tp } from '../i18n/inPage';
import { isRendered, normaliseText, readableText, type ChoiceTarget, type TextControl } from './fieldFinder';

export type FieldStatus = 'filled' | 'not-found' | 'rejected' | 'skipped';

export interface FieldOutcome {
  field: string;
  /** Human name of the field ("Redirect URL"). */
  label: string;
  status: FieldStatus;
  /** Why, for rejected / not-found / skipped. */
  detail?: string;
}

function viewOf(el: Element): Window & typeof globalThis {
  return (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
}

/** The native setter of `value` for the element's own realm (iframes have their own). */
function nativeValueSetter(el: TextControl | HTMLSelectElement): ((v: string) => void) | undefined {
  const view = viewOf(el);
  const proto =
    el.tagName === 'TEXTAREA'
      ? view.HTMLTextAreaElement.prototype
      : el.tagName === 'SELECT'
        ? view.HTMLSelectElement.prototype
        : view.HTMLInputElement.prototype;
  return Object.getOwnPropertyDescriptor(proto, 'value')?.set;
}

function fire(el: Element, type: string, init: EventInit = {}): void {
  const view = viewOf(el);
  const event =
    type === 'input'
      ? new view.InputEvent('input', {
          bubbles: true,
          composed: true,
          inputType: 'insertReplacementText',
          ...init,
        })
      : type === 'focus' || type === 'blur'
        ? new view.FocusEvent(type, { bubbles: false, composed: true })
        : type === 'focusin' || type === 'focusout'
          ? new view.FocusEvent(type, { bubbles: true, composed: true })
          : new view.Event(type, { bubbles: true, composed: true, ...init });
  el.dispatchEvent(event);
}

/** Put a value into a text control so that controlled-input frameworks notice. */
export function setTextValue(el: TextControl, value: string): void {
  fire(el, 'focus');
  fire(el, 'focusin');
  const setter = nativeValueSetter(el);
  if (setter) setter.call(el, value);
  else el.value = value;
  fire(el, 'input');
  fire(el, 'change');
  fire(el, 'blur');
  fire(el, 'focusout');
}

/** Choose one option of a radio group or a select. */
export function setChoice(target: ChoiceTarget): void {
  if (target.kind === 'select') {
    const setter = nativeValueSetter(target.element);
    if (setter) setter.call(target.element, target.optionValue);
    else target.element.value = target.optionValue;
    fire(target.element, 'input');
    fire(target.element, 'change');
    return;
  }
  const el = target.element;
  // A click is what every framework handles for radios, native or role=radio.
  if (!isChecked(target)) el.click();
  if (el instanceof viewOf(el).HTMLInputElement && !el.checked) {
    const desc = Object.getOwnPropertyDescriptor(viewOf(el).HTMLInputElement.prototype, 'checked');
    desc?.set?.call(el, true);
    fire(el, 'input');
    fire(el, 'change');
  }
}

export function isChecked(target: ChoiceTarget): boolean {
  if (target.kind === 'select') return target.element.value === target.optionValue;
  const el = target.element;
  if (el instanceof viewOf(el).HTMLInputElement) return el.checked;
  return el.getAttribute('aria-checked') === 'true';
}

/** Let the page's framework re-render after our events (a frame, then a task). */
export function settle(ms = 30): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, ms);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(done);
    else done();
  });
}

const ERROR_CLASS = /(^|[-_\s])(error|invalid|danger|has-error|is-invalid)([-_\s]|$)/i;

/**
 * The page's own validation message for a control, if it shows one: aria-invalid with an
 * aria-describedby / aria-errormessage text, or a visible error element in the field's box.
 */
export function pageValidationError(el: Element): string | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  const find = (id: string) => ('getElementById' in root ? root.getElementById(id) : null);
  const refs = [el.getAttribute('aria-errormessage'), el.getAttribute('aria-describedby')]
    .filter((v): v is string => !!v)
    .flatMap((v) => v.split(/\s+/))
    .map(find)
    .filter((n): n is HTMLElement => n !== null && isRendered(n));
  if (el.getAttribute('aria-invalid') === 'true') {
    const text = refs.map((r) => readableText(r).trim()).find(Boolean);
    return text ? text.replace(/\s+/g, ' ') : tp('ip.markedInvalid');
  }
  // Field box: the nearest ancestor that holds this control and no other.
  let box: Element | null = el.parentElement;
  while (box?.parentElement && box.parentElement.querySelectorAll('input, textarea, select').length <= 1) {
    box = box.parentElement;
  }
  if (!box) return null;
  for (const candidate of Array.from(
    box.querySelectorAll<HTMLElement>('[role=alert], .error, .invalid-feedback, [class]'),
  )) {
    if (candidate === el || candidate.contains(el)) continue;
    const isError = candidate.getAttribute('role') === 'alert' || ERROR_CLASS.test(candidate.className || '');
    if (!isError || !isRendered(candidate)) continue;
    const text = readableText(candidate).replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return null;
}

/** After filling: did the value stick, and is the page happy with it? */
export function readBack(el: TextControl, expected: string): { ok: true } | { ok: false; detail: string } {
  if (!el.isConnected) return { ok: false, detail: tp('ip.replaced') };
  if (el.value !== expected) {
    return {
      ok: false,
      detail: el.value === '' ? tp('ip.cleared') : tp('ip.changedTo', { value: el.value }),
    };
  }
  const error = pageValidationError(el);
  if (error) return { ok: false, detail: tp('ip.pageSays', { error }) };
  return { ok: true };
}

export function describeChoice(target: ChoiceTarget): string {
  if (target.kind === 'select') {
    const opt = Array.from(target.element.options).find((o) => o.value === target.optionValue);
    return normaliseText(opt?.text ?? target.optionValue);
  }
  return normaliseText(readableText(target.element));
}
