/**
 * Rules a user taught for one page (host + path): where the client code, MPIN and TOTP
 * inputs and the Login control are (login page), or where the create-app form's fields are,
 * as robust CSS selectors built from ids, names, aria labels, placeholders and structure.
 * Never from values. Stored inside the encrypted vault
 * (VaultData.pageRules); tried before the engine's own reading of the page.
 */
import type { Message } from '../messaging';
import { insideOwnUi } from './dom';

export type TaughtPageKind = 'publisher-login' | 'create-app';
export type LoginTarget = 'clientCode' | 'pin' | 'totp' | 'press';
export type CreateAppTarget =
  'appName' | 'redirectUrl' | 'postbackUrl' | 'clientId' | 'primaryIp' | 'secondaryIp';
export type TaughtTarget = LoginTarget | CreateAppTarget;

/** What can be taught on each kind of page, in the order the picking mode asks for it. */
export const TAUGHT_TARGETS: { readonly [K in TaughtPageKind]: readonly TaughtTarget[] } = {
  'publisher-login': ['clientCode', 'pin', 'totp', 'press'],
  'create-app': ['appName', 'redirectUrl', 'postbackUrl', 'clientId', 'primaryIp', 'secondaryIp'],
};
export const TAUGHT_PAGE_KINDS = Object.keys(TAUGHT_TARGETS) as TaughtPageKind[];

export interface PageRule {
  id: string;
  kind: TaughtPageKind;
  host: string;
  path: string;
  selectors: Partial<Record<TaughtTarget, string>>;
  createdAt: number;
}

/** What Options lists (the same, nothing secret is in a rule). */
export type PageRuleSummary = PageRule;

/** What the picking mode asks for on one tab (set when the user presses "Teach this page"). */
export interface TeachPlan {
  kind: TaughtPageKind;
  targets: TaughtTarget[];
}

declare module '../messaging' {
  interface MessageMap {
    /** The taught rule for the sender's own page (host + path from the sender's URL). */
    'pageRules/get': Message<{ kind: TaughtPageKind }, PageRule | null, 'portal'>;
    /** Store what the user picked on the sender's own page. */
    'pageRules/save': Message<
      { kind: TaughtPageKind; selectors: Partial<Record<TaughtTarget, string>> },
      PageRule,
      'portal'
    >;
    /**
     * "Teach this page" was pressed: the background loads the picking mode (/page-teach.js,
     * kept out of the content script) into the sender's frame, for these targets.
     */
    'pageRules/teach': Message<TeachPlan, void, 'portal'>;
    /** The picking mode asks what to pick on its tab (the plan of the last 'pageRules/teach'). */
    'pageRules/teach-plan': Message<void, TeachPlan | null, 'portal'>;
    'pageRules/list': Message<void, PageRuleSummary[], 'page'>;
    'pageRules/delete': Message<{ id: string }, PageRuleSummary[], 'page'>;
  }
}

/** Checks a teaching plan from a content script: a known kind and some of its targets. */
export function checkPlan(input: unknown): TeachPlan | null {
  if (typeof input !== 'object' || input === null) return null;
  const { kind, targets } = input as { kind?: unknown; targets?: unknown };
  if (typeof kind !== 'string' || !TAUGHT_PAGE_KINDS.includes(kind as TaughtPageKind)) return null;
  const allowed = TAUGHT_TARGETS[kind as TaughtPageKind];
  if (!Array.isArray(targets)) return { kind: kind as TaughtPageKind, targets: [...allowed] };
  const wanted = allowed.filter((t) => targets.includes(t));
  return { kind: kind as TaughtPageKind, targets: wanted.length ? wanted : [...allowed] };
}

/** An id or name a framework generated (hex runs, long digit runs) is no anchor for next time. */
export function looksGenerated(value: string): boolean {
  return /\d{3,}|[0-9a-f]{6,}|^[a-z]?[0-9a-f]{8}$|[:.]|^(ember|react|ng-|mui|radix|headlessui)/i.test(value);
}

function cssEscape(value: string): string {
  const view = globalThis as unknown as { CSS?: { escape?: (s: string) => string } };
  if (view.CSS?.escape) return view.CSS.escape(value);
  return value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

function attrValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function uniqueIn(el: Element, selector: string): boolean {
  try {
    const root = el.getRootNode() as Document | ShadowRoot;
    const all = root.querySelectorAll(selector);
    return all.length === 1 && all[0] === el;
  } catch {
    return false;
  }
}

/** One step of a structural path: tag plus :nth-of-type when siblings share the tag. */
function step(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const parent = el.parentElement;
  if (!parent) return tag;
  const same = Array.from(parent.children).filter((c) => c.tagName === el.tagName);
  return same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(el) + 1})` : tag;
}

/**
 * A selector that finds `el` again on a fresh load of the page: a stable id, a name, an
 * aria-label or placeholder, else a structural path from the nearest ancestor with a stable
 * id. Selectors are relative to the element's own root (document or shadow root).
 */
export function robustSelector(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const id = el.getAttribute('id');
  if (id && !looksGenerated(id) && uniqueIn(el, `#${cssEscape(id)}`)) return `#${cssEscape(id)}`;
  for (const a of ['name', 'aria-label', 'placeholder', 'data-testid', 'formcontrolname']) {
    const v = el.getAttribute(a);
    if (!v || looksGenerated(v)) continue;
    const sel = `${tag}[${a}="${attrValue(v)}"]`;
    if (uniqueIn(el, sel)) return sel;
  }
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node.tagName !== 'BODY' && node.tagName !== 'HTML') {
    const nid = node !== el ? node.getAttribute('id') : null;
    if (nid && !looksGenerated(nid)) {
      const sel = `#${cssEscape(nid)} > ${steps.join(' > ')}`;
      if (uniqueIn(el, sel)) return sel;
    }
    steps.unshift(step(node));
    node = node.parentElement;
  }
  const sel = (node?.tagName === 'BODY' ? 'body > ' : '') + steps.join(' > ');
  return sel;
}

/** The element a click picked, for one target: an input for fields, any control for press. */
export function pickTarget(target: TaughtTarget, el: Element): Element | null {
  if (insideOwnUi(el)) return null;
  if (target === 'press') return el;
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return el;
  // A click on an input's wrapper, or on the icon beside it: the one input inside the
  // wrapper (or the icon's line); never a guess between two.
  let node: Element | null = el;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    if (node.tagName === 'FORM' || node.tagName === 'BODY') return null;
    const inner = node.querySelectorAll('input:not([type=hidden]), textarea');
    if (inner.length === 1) return inner[0]!;
    if (inner.length > 1) return null;
  }
  return null;
}

/** Checks a rule for a page of `kind` that comes from a content script before it is stored. */
export function checkSelectors(
  kind: TaughtPageKind,
  input: unknown,
): Partial<Record<TaughtTarget, string>> | null {
  if (typeof input !== 'object' || input === null || !TAUGHT_PAGE_KINDS.includes(kind)) return null;
  const out: Partial<Record<TaughtTarget, string>> = {};
  for (const k of TAUGHT_TARGETS[kind]) {
    const v = (input as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length === 0 || v.length > 300) return null;
    out[k] = v;
  }
  return Object.keys(out).length ? out : null;
}
