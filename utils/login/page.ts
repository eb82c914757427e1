/**
 * Reading Angel's login page as a person does, on the page engine (utils/page/): which
 * login mode is chosen, which inputs of that mode are showing, what their labels and
 * surrounding words say, which control continues, which error is on screen.
 * Targeted rules for the markup the public evidence describes come first (docs/angel-login.md);
 * label, placeholder, aria and nearby-text finding covers every other shape.
 */
import { classifyLoginError } from './errors';
import { detectStep, looksLikeSubmit, scoreField, type FieldClues, type LoginField } from './fields';
import {
  collectRoots,
  containsDeep,
  insideOwnUi,
  isDisabled,
  isShown,
  parentAcrossShadow,
  queryDeep,
  squash,
  visibleTextWithLines,
} from '../page/dom';

export { isShown } from '../page/dom';

export interface FoundField {
  field: LoginField;
  /** One input, or the row of one-character boxes in order. */
  inputs: HTMLInputElement[];
  /** How it was found: a targeted or taught rule, or reading the page. */
  via?: 'rule' | 'taught' | 'page';
}

/** Selectors (CSS) for the fields and the press control; from the evidence or taught by the user. */
export interface LoginRules {
  mode?: string;
  clientCode?: string;
  pin?: string;
  totp?: string;
  press?: string;
}

/** The publisher-login markup described by public evidence (docs/angel-login.md). */
export const EVIDENCE_RULES: LoginRules = {
  mode: '#login-by-totp',
  clientCode: '#tot-user-id-block input',
  pin: '#tot-pin',
  totp: '#tot-totp',
  press: '#totp-login',
};

const TEXT_INPUT_TYPES = new Set(['', 'text', 'password', 'tel', 'number', 'email', 'search']);
const FIELDS: readonly LoginField[] = ['clientCode', 'pin', 'totp'];

export function usableInput(el: Element): el is HTMLInputElement {
  return (
    el.tagName === 'INPUT' &&
    TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase()) &&
    !(el as HTMLInputElement).disabled &&
    !(el as HTMLInputElement).readOnly &&
    isShown(el)
  );
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

function byIdNear(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return 'getElementById' in root ? root.getElementById(id) : null;
}

function labelText(el: HTMLInputElement): string {
  const out: string[] = [];
  for (const l of Array.from(el.labels ?? [])) out.push(ownText(l));
  const by = el.getAttribute('aria-labelledby');
  if (by)
    for (const id of by.split(/\s+/))
      out.push(ownText(byIdNear(el, id) ?? el.ownerDocument.createElement('x')));
  for (const a of ['aria-label', 'placeholder', 'title', 'name', 'id', 'autocomplete'])
    out.push(el.getAttribute(a) ?? '');
  const described = el.getAttribute('aria-describedby');
  if (described) out.push(ownText(byIdNear(el, described) ?? el.ownerDocument.createElement('x')));
  // ids like "clientCode" or "user_pin" read as words
  return out
    .map((t) => t.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' '))
    .filter(Boolean)
    .join(' ');
}

export function cluesOf(inputs: HTMLInputElement[], container: Element | null): FieldClues {
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

export interface InputGroup {
  inputs: HTMLInputElement[];
  container: Element | null;
}

/** Every usable input in every root (shadow roots, same-origin frames), inside `scope` if given. */
function usableInputs(root: ParentNode, scope?: Node | null): HTMLInputElement[] {
  const doc = root as Document;
  const all =
    doc.nodeType === 9
      ? collectRoots(doc).flatMap((r) => Array.from(r.querySelectorAll('input')))
      : Array.from(root.querySelectorAll('input'));
  return all.filter((i) => !insideOwnUi(i) && usableInput(i) && (!scope || containsDeep(scope, i)));
}

/** Group visible inputs: a run of 4+ one-character boxes under one parent is one field. */
export function groupInputs(root: ParentNode, scope?: Node | null): InputGroup[] {
  const all = usableInputs(root, scope);
  const groups: InputGroup[] = [];
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

function firstShown(doc: Document, selector: string | undefined): Element | null {
  if (!selector) return null;
  try {
    return queryDeep(doc, selector).find((e) => isShown(e)) ?? null;
  } catch {
    return null; // a rule that is not valid CSS any more finds nothing
  }
}

// ------------------------------------------------------------------------------ modes

const TOTP_MODE_RE = /\b(totp|m-?pin|authenticator)\b|टीओटीपी|एमपिन/i;
const OTHER_MODE_RE = /\bpassword\b|\botp\b|\bmobile\b|\be-?mail\b|पासवर्ड|ओटीपी/i;
const MODE_WORDS_RE = /\b(log\s*in|login|sign\s*in|with|using|via|by)\b|लॉग\s*इन|लॉगिन|से/i;
const SELECTED_CLASS_RE = /(^|[\s_-])(active|selected|current|checked)([\s_-]|$)/i;

export interface LoginModes {
  /** The control that chooses the TOTP/MPIN mode, when the page offers modes. */
  totp: HTMLElement | null;
  selected: boolean;
  /** The other modes' controls. */
  others: HTMLElement[];
}

function modeText(el: Element): string {
  const parts = [el.getAttribute('aria-label') ?? '', ownText(el)];
  if (el instanceof HTMLInputElement) {
    for (const l of Array.from(el.labels ?? [])) parts.push(ownText(l));
    const next = el.nextSibling;
    if (next && next.nodeType !== 1) parts.push(next.textContent ?? '');
    else if (next instanceof Element && !next.querySelector('input')) parts.push(ownText(next));
    parts.push(el.id.replace(/[_-]+/g, ' '), el.value);
  }
  return squash(parts.join(' '));
}

function isSelected(el: HTMLElement): boolean {
  if (el instanceof HTMLInputElement) return el.checked;
  for (const a of ['aria-checked', 'aria-selected', 'aria-pressed', 'aria-current'])
    if (
      el.getAttribute(a) === 'true' ||
      (a === 'aria-current' && el.hasAttribute(a) && el.getAttribute(a) !== 'false')
    )
      return true;
  const radio = el.querySelector('input[type=radio]');
  if (radio) return (radio as HTMLInputElement).checked;
  return SELECTED_CLASS_RE.test(el.getAttribute('class') ?? '');
}

/** Login modes the page offers (radios, tabs, links, buttons such as "Login with TOTP"). */
export function findLoginModes(doc: Document, rules: LoginRules = EVIDENCE_RULES): LoginModes {
  const targeted = rules.mode ? (queryDeep<HTMLElement>(doc, rules.mode)[0] ?? null) : null;
  const controls = queryDeep<HTMLElement>(
    doc,
    'input[type=radio], [role=radio], [role=tab], a, button, [role=button], label',
  ).filter((el) => isShown(el) || (el instanceof HTMLInputElement && el.labels?.length));
  let totp: HTMLElement | null = targeted;
  const others: HTMLElement[] = [];
  for (const el of controls) {
    if (el.tagName === 'LABEL' && !el.querySelector('input[type=radio]')) continue;
    const text = modeText(el);
    if (!text || text.length > 60) continue;
    const kindOfControl =
      el.matches('input[type=radio], [role=radio], [role=tab]') ||
      el.tagName === 'LABEL' ||
      MODE_WORDS_RE.test(text);
    if (!kindOfControl) continue;
    if (TOTP_MODE_RE.test(text))
      totp ??= el.tagName === 'LABEL' ? (el.querySelector<HTMLElement>('input[type=radio]') ?? el) : el;
    else if (OTHER_MODE_RE.test(text)) others.push(el);
  }
  // One "Login with TOTP" link alone is no choice of modes: it may just be the submit.
  if (
    totp &&
    totp !== targeted &&
    others.length === 0 &&
    !totp.matches('input[type=radio], [role=radio], [role=tab]')
  )
    totp = null;
  return { totp, selected: totp ? isSelected(totp) : false, others };
}

/** Choose the TOTP mode the way a person would: click its radio, tab or link. */
export function chooseMode(el: HTMLElement): void {
  el.click();
}

function commonAncestor(nodes: Node[]): Node | null {
  if (!nodes.length) return null;
  let anc: Node | null = nodes[0]!;
  while (anc && !nodes.every((n) => containsDeep(anc!, n))) anc = parentAcrossShadow(anc);
  return anc;
}

/**
 * The active mode's block: the evidence's TOTP block, or the largest ancestor of the TOTP
 * field that holds no mode switch. Null when the page offers no modes (the whole page).
 */
export function activeScope(
  doc: Document,
  modes: LoginModes,
  rules: LoginRules = EVIDENCE_RULES,
): Node | null {
  const targeted = [rules.clientCode, rules.pin, rules.totp]
    .map((s) => firstShown(doc, s))
    .filter((e): e is Element => e !== null);
  if (targeted.length >= 2) return commonAncestor(targeted);
  if (!modes.totp) return null;
  const switches = [modes.totp, ...modes.others];
  const anchor = groupInputs(doc)
    .map((g) => ({ g, c: cluesOf(g.inputs, g.container) }))
    .find(({ c }) => /\btotp\b|authenticator|\bm-?pin\b/i.test(c.text))?.g.inputs[0];
  if (!anchor) return null;
  let scope: Node = anchor;
  for (let p = parentAcrossShadow(scope); p && p.nodeType === 1; p = parentAcrossShadow(p)) {
    if (switches.some((s) => containsDeep(p!, s))) break;
    scope = p;
  }
  return scope;
}

// ------------------------------------------------------------------------------ fields

export interface LoginStepRead {
  fields: FoundField[];
  /** Shown, usable inputs of the active block that were not recognised. */
  unknown: HTMLInputElement[];
  /** Scores of every input group, for the diagnostic report. */
  scored: { clues: FieldClues; scores: Record<LoginField, number>; assigned?: LoginField }[];
}

/**
 * The login fields the page shows now, in page order: rules first (taught, then the
 * evidence's), then reading labels and nearby text for the rest.
 */
export function readLoginStep(
  root: ParentNode,
  opts: { scope?: Node | null; taught?: LoginRules | null } = {},
): LoginStepRead {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : null;
  const groups = groupInputs(root, opts.scope);
  const fields: FoundField[] = [];
  const taken = new Set<HTMLInputElement>();
  if (doc) {
    for (const [rules, via] of [
      [opts.taught ?? {}, 'taught'],
      [EVIDENCE_RULES, 'rule'],
    ] as const) {
      for (const f of FIELDS) {
        if (fields.some((x) => x.field === f)) continue;
        const el = firstShown(doc, rules[f]);
        if (!el || !usableInput(el) || taken.has(el)) continue;
        const group = groups.find((g) => g.inputs.includes(el));
        const inputs = group ? group.inputs : [el];
        for (const i of inputs) taken.add(i);
        fields.push({ field: f, inputs, via });
      }
    }
  }
  const rest = groups.filter((g) => !g.inputs.some((i) => taken.has(i)));
  const clues = rest.map((g) => cluesOf(g.inputs, g.container));
  const have = new Set(fields.map((f) => f.field));
  const detected = detectStep(clues).filter((d) => !have.has(d.field));
  for (const d of detected) fields.push({ field: d.field, inputs: rest[d.index]!.inputs, via: 'page' });
  const usedIdx = new Set(detected.map((d) => d.index));
  const order = (f: FoundField) => {
    const i = usableInputs(root, opts.scope).indexOf(f.inputs[0]!);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  fields.sort((a, b) => order(a) - order(b));
  return {
    fields,
    unknown: rest.filter((_, i) => !usedIdx.has(i)).flatMap((g) => g.inputs),
    scored: clues.map((c, i) => ({
      clues: c,
      scores: scoreField(c),
      assigned: detected.find((d) => d.index === i)?.field,
    })),
  };
}

/** The login fields the page shows now, in page order. */
export function findLoginFields(root: ParentNode, scope?: Node | null): FoundField[] {
  return readLoginStep(root, { scope }).fields;
}

// ------------------------------------------------------------------------------ pressing

function controlText(el: Element): string {
  if (el instanceof HTMLInputElement) return el.value || el.getAttribute('aria-label') || '';
  return squash(el.textContent) || el.getAttribute('aria-label') || el.getAttribute('title') || '';
}

const PRESS_SELECTOR = 'button, input[type=submit], input[type=button], [role=button], a, div, span';

/** Is this the element that carries a press-like text (not just an ancestor of it)? */
function isPressCandidate(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'DIV' || tag === 'SPAN' || tag === 'A') {
    if (el.querySelector('input, button, select, textarea')) return false;
    // The innermost element with the text: a child saying the same is the better target.
    const text = controlText(el);
    for (const child of Array.from(el.children)) if (squash(child.textContent) === text) return false;
  }
  return true;
}

/**
 * The control that continues from the given fields: a button, submit input, role=button,
 * or a clickable div/span/a whose whole text is Login/Continue/…; inside the active mode's
 * block; in the fields' form first, else the first one after the last field.
 */
export function findSubmitButton(
  root: ParentNode,
  near: HTMLInputElement | undefined,
  opts: { scope?: Node | null; taught?: string } = {},
): HTMLElement | null {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : null;
  if (doc) {
    for (const sel of [opts.taught, EVIDENCE_RULES.press]) {
      const el = firstShown(doc, sel);
      if (!el) continue;
      // A wrapper (like the evidence's #totp-login) is pressed on its text-bearing child.
      const inner = Array.from(el.querySelectorAll<HTMLElement>('*')).find(
        (c) => isShown(c) && looksLikeSubmit(controlText(c)) && isPressCandidate(c),
      );
      return inner ?? (el as HTMLElement);
    }
  }
  const all =
    doc !== null
      ? queryDeep<HTMLElement>(doc, PRESS_SELECTOR)
      : Array.from(root.querySelectorAll<HTMLElement>(PRESS_SELECTOR));
  const candidates = all.filter(
    (b) =>
      !insideOwnUi(b) &&
      (!opts.scope || containsDeep(opts.scope, b)) &&
      looksLikeSubmit(controlText(b)) &&
      isPressCandidate(b) &&
      isShown(b),
  );
  if (!candidates.length) return null;
  // Real buttons before clickable text.
  const rank = (b: Element) => (b.matches('button, input, [role=button]') ? 0 : 1);
  const form = near?.form ?? null;
  const inForm = form ? candidates.filter((b) => form.contains(b)) : [];
  if (inForm.length) return inForm.sort((a, b) => rank(a) - rank(b))[0]!;
  if (near) {
    const after = candidates.filter(
      (b) => near.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (after.length) return after.sort((a, b) => rank(a) - rank(b))[0]!;
  }
  return candidates.sort((a, b) => rank(a) - rank(b))[0]!;
}

export function buttonDisabled(el: HTMLElement): boolean {
  return isDisabled(el);
}

// ------------------------------------------------------------------------------ errors

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
    if (insideOwnUi(el) || !isErrorContainer(el) || !isShown(el)) continue;
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

/**
 * A page with no login form that tells why (HTTP 403, invalid API key), quoted as the page
 * shows it: its visible text with its line breaks.
 */
export function readBlockingPageError(doc: Document, httpStatus: number | undefined): string {
  const body = doc.body ? visibleTextWithLines(doc.body).slice(0, 400) : '';
  const c = classifyLoginError(body, httpStatus);
  return c && c.kind === 'invalid-api-key' ? body : '';
}
