/**
 * Typing into a page's inputs so its own scripts (React, Angular, auto-advancing digit
 * boxes) see what a keyboard would produce: key events around a value set through the
 * native setter, which framework-controlled inputs do not intercept.
 */
function setNativeValue(el: HTMLInputElement, value: string): void {
  const view = el.ownerDocument.defaultView;
  const proto = view ? view.HTMLInputElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

function keyboard(el: HTMLInputElement, type: 'keydown' | 'keypress' | 'keyup', ch: string): void {
  const view = el.ownerDocument.defaultView;
  const Ctor = view?.KeyboardEvent ?? KeyboardEvent;
  el.dispatchEvent(
    new Ctor(type, {
      key: ch,
      code: /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`,
      bubbles: true,
      cancelable: true,
      composed: true,
    }),
  );
}

function inputEvent(el: HTMLInputElement, data: string | null, inputType: string): void {
  const view = el.ownerDocument.defaultView;
  const Ctor = view?.InputEvent ?? InputEvent;
  el.dispatchEvent(new Ctor('input', { data, inputType, bubbles: true, composed: true }));
}

function changeEvent(el: HTMLInputElement): void {
  const view = el.ownerDocument.defaultView;
  const Ctor = view?.Event ?? Event;
  el.dispatchEvent(new Ctor('change', { bubbles: true }));
}

/** Clear an input the way select-all + delete would. */
export function clearInput(el: HTMLInputElement): void {
  if (el.value === '') return;
  el.focus();
  setNativeValue(el, '');
  inputEvent(el, null, 'deleteContentBackward');
  changeEvent(el);
}

/** Type `text` character by character into one input. */
export function typeInto(el: HTMLInputElement, text: string): void {
  el.focus();
  if (el.value !== '') clearInput(el);
  let value = '';
  for (const ch of text) {
    keyboard(el, 'keydown', ch);
    keyboard(el, 'keypress', ch);
    value += ch;
    setNativeValue(el, value);
    inputEvent(el, ch, 'insertText');
    keyboard(el, 'keyup', ch);
  }
  changeEvent(el);
}

/** Type one character per box, in order; auto-advancing pages move focus themselves. */
export function typeIntoBoxes(boxes: HTMLInputElement[], text: string): void {
  const chars = Array.from(text);
  boxes.forEach((box, i) => {
    const ch = chars[i];
    if (ch === undefined) return;
    box.focus();
    keyboard(box, 'keydown', ch);
    keyboard(box, 'keypress', ch);
    setNativeValue(box, ch);
    inputEvent(box, ch, 'insertText');
    keyboard(box, 'keyup', ch);
    changeEvent(box);
  });
}

export function typeField(inputs: HTMLInputElement[], text: string): void {
  if (inputs.length > 1) typeIntoBoxes(inputs, text);
  else if (inputs[0]) typeInto(inputs[0], text);
}

export function fieldValue(inputs: HTMLInputElement[]): string {
  return inputs.map((i) => i.value).join('');
}
