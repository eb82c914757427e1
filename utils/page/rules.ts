/**
 * Rules a user taught for one page (host + path): where the client code, MPIN and TOTP
 * inputs and the Login control are, as robust CSS selectors built from ids, names, aria
 * labels, placeholders and structure. Never from values. Stored inside the encrypted vault
 * (VaultData.pageRules); tried before the engine's own reading of the page.
 */
import type { Message } from '../messaging';
import { insideOwnUi } from './dom';

export type TaughtPageKind = 'publisher-login';
export type TaughtTarget = 'clientCode' | 'pin' | 'totp' | 'press';
export const TAUGHT_TARGETS: readonly TaughtTarget[] = ['clientCode', 'pin', 'totp', 'press'];

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
    'pageRules/list': Message<void, PageRuleSummary[], 'page'>;
    'pageRules/delete': Message<{ id: string }, PageRuleSummary[], 'page'>;
  }
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
  if (el.tagName === 'INPUT') return el;
  // A click on an input's icon or wrapper: the one input inside it.
  const inner = el.querySelectorAll('input:not([type=hidden])');
  return inner.length === 1 ? inner[0]! : null;
}

/** Checks a rule that comes from a content script before it is stored. */
export function checkSelectors(input: unknown): Partial<Record<TaughtTarget, string>> | null {
  if (typeof input !== 'object' || input === null) return null;
  const out: Partial<Record<TaughtTarget, string>> = {};
  for (const k of TAUGHT_TARGETS) {
    const v = (input as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length === 0 || v.length > 300) return null;
    out[k] = v;
  }
  return Object.keys(out).length ? out : null;
}
