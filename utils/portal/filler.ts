/**
 * Sets values the way a typing person would be seen by the page's framework: through the
 * native value setter (React and Angular wrap `.value`, so a bare assignment is invisible
 * to them), followed by the input, change and blur events they listen to. Then reads every
 * value back and reports what stuck, what the page refused and what was not found.
 * Never submits anything. The setter and events are the page engine's (utils/page/act.ts).
 */
import { t } from '../i18n/inPage';
import { isRendered, normaliseText, readableText, type ChoiceTarget, type TextControl } from './fieldFinder';
import { fire, setNativeChecked, setNativeValue, setTextValue, settle } from '../page/act';

export { setTextValue, settle };

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

/** Choose one option of a radio group or a select. */
export function setChoice(target: ChoiceTarget): void {
  if (target.kind === 'select') {
    setNativeValue(target.element, target.optionValue);
    fire(target.element, 'input');
    fire(target.element, 'change');
    return;
  }
  const el = target.element;
  // A click is what every framework handles for radios, native or role=radio.
  if (!isChecked(target)) el.click();
  if (el instanceof viewOf(el).HTMLInputElement && !el.checked) {
    setNativeChecked(el, true);
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
    return text ? text.replace(/\s+/g, ' ') : t('ip.markedInvalid');
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
  if (!el.isConnected) return { ok: false, detail: t('ip.replaced') };
  if (el.value !== expected) {
    return {
      ok: false,
      detail: el.value === '' ? t('ip.cleared') : t('ip.changedTo', { value: el.value }),
    };
  }
  const error = pageValidationError(el);
  if (error) return { ok: false, detail: t('ip.pageSays', { error }) };
  return { ok: true };
}

export function describeChoice(target: ChoiceTarget): string {
  if (target.kind === 'select') {
    const opt = Array.from(target.element.options).find((o) => o.value === target.optionValue);
    return normaliseText(opt?.text ?? target.optionValue);
  }
  return normaliseText(readableText(target.element));
}
