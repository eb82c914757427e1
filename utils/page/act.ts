/**
 * The page engine's hands: set values so the page's own framework sees them (the native
 * value setter of the element's own realm, then the events a keyboard would produce), read
 * them back, click. The one value setter of the extension.
 */
import { isDisabled, isShown } from './dom';

export type TextControl = HTMLInputElement | HTMLTextAreaElement;

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

export function setNativeValue(el: TextControl | HTMLSelectElement, value: string): void {
  const setter = nativeValueSetter(el);
  if (setter) setter.call(el, value);
  else el.value = value;
}

export function setNativeChecked(el: HTMLInputElement, checked: boolean): void {
  const desc = Object.getOwnPropertyDescriptor(viewOf(el).HTMLInputElement.prototype, 'checked');
  if (desc?.set) desc.set.call(el, checked);
  else el.checked = checked;
}

/** Dispatch one event of the kind a browser would (InputEvent, FocusEvent, KeyboardEvent). */
export function fire(el: Element, type: string, init: Record<string, unknown> = {}): void {
  const view = viewOf(el);
  let event: Event;
  if (type === 'input') {
    event = new view.InputEvent('input', {
      bubbles: true,
      composed: true,
      inputType: 'insertReplacementText',
      ...init,
    });
  } else if (type === 'focus' || type === 'blur') {
    event = new view.FocusEvent(type, { bubbles: false, composed: true });
  } else if (type === 'focusin' || type === 'focusout') {
    event = new view.FocusEvent(type, { bubbles: true, composed: true });
  } else if (type === 'keydown' || type === 'keypress' || type === 'keyup') {
    event = new view.KeyboardEvent(type, { bubbles: true, cancelable: true, composed: true, ...init });
  } else {
    event = new view.Event(type, { bubbles: true, composed: true, ...init });
  }
  el.dispatchEvent(event);
}

function key(el: Element, type: 'keydown' | 'keypress' | 'keyup', ch: string): void {
  fire(el, type, { key: ch, code: /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}` });
}

/** Put a whole value into a text control at once (paste-like): focus, setter, input, change, blur. */
export function setTextValue(el: TextControl, value: string): void {
  fire(el, 'focus');
  fire(el, 'focusin');
  setNativeValue(el, value);
  fire(el, 'input');
  fire(el, 'change');
  fire(el, 'blur');
  fire(el, 'focusout');
}

/** Clear an input the way select-all + delete would. */
export function clearInput(el: TextControl): void {
  if (el.value === '') return;
  el.focus();
  setNativeValue(el, '');
  fire(el, 'input', { data: null, inputType: 'deleteContentBackward' });
  fire(el, 'change');
}

/** Type `text` character by character into one input, replacing what was there. */
export function typeInto(el: TextControl, text: string): void {
  el.focus();
  if (el.value !== '') clearInput(el);
  let value = '';
  for (const ch of text) {
    key(el, 'keydown', ch);
    key(el, 'keypress', ch);
    value += ch;
    setNativeValue(el, value);
    fire(el, 'input', { data: ch, inputType: 'insertText' });
    key(el, 'keyup', ch);
  }
  fire(el, 'change');
}

/** Type one character per box, in order; auto-advancing pages move focus themselves. */
export function typeIntoBoxes(boxes: TextControl[], text: string): void {
  const chars = Array.from(text);
  boxes.forEach((box, i) => {
    const ch = chars[i];
    if (ch === undefined) return;
    box.focus();
    key(box, 'keydown', ch);
    key(box, 'keypress', ch);
    setNativeValue(box, ch);
    fire(box, 'input', { data: ch, inputType: 'insertText' });
    key(box, 'keyup', ch);
    fire(box, 'change');
  });
}

export function typeField(inputs: TextControl[], text: string): void {
  if (inputs.length > 1) typeIntoBoxes(inputs, text);
  else if (inputs[0]) typeInto(inputs[0], text);
}

export function fieldValue(inputs: TextControl[]): string {
  return inputs.map((i) => i.value).join('');
}

/** Click a control the way a pointer would reach it: pointer/mouse down and up, then click. */
export function press(el: HTMLElement): void {
  const view = viewOf(el);
  const opts = { bubbles: true, cancelable: true, composed: true, view, button: 0 };
  if (typeof view.PointerEvent === 'function') el.dispatchEvent(new view.PointerEvent('pointerdown', opts));
  el.dispatchEvent(new view.MouseEvent('mousedown', opts));
  if (typeof view.PointerEvent === 'function') el.dispatchEvent(new view.PointerEvent('pointerup', opts));
  el.dispatchEvent(new view.MouseEvent('mouseup', opts));
  el.click();
}

/** Let the page's framework run its handlers and re-render: one task, no fixed frame wait. */
export function settle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'function') {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(0);
    } else setTimeout(resolve, 0);
  });
}

/**
 * Wait until `find()` returns a shown, enabled control (the element is looked up again on
 * every check, since frameworks re-render). Resolves the control, or null after `timeoutMs`.
 */
export async function waitForEnabled<E extends Element>(
  find: () => E | null,
  timeoutMs: number,
  everyMs = 50,
): Promise<{ element: E | null; disabled: E | null }> {
  const deadline = Date.now() + timeoutMs;
  let last: E | null = null;
  for (;;) {
    const el = find();
    if (el && isShown(el) && !isDisabled(el)) return { element: el, disabled: null };
    if (el) last = el;
    if (Date.now() >= deadline) return { element: null, disabled: last };
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
