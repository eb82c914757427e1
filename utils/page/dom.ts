/**
 * The page engine's view of the DOM, shared by the portal assistant and the daily login:
 * which roots to search (the document, open shadow roots, same-origin iframes), whether an
 * element is shown, and the text a person reads. One implementation for every caller.
 */

/** Attribute on every element the extension adds, so the engine never reads its own UI. */
export const OWN_UI_ATTR = 'data-smartapi-companion';

export type Root = Document | ShadowRoot;

export function isOwnUi(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.hasAttribute(OWN_UI_ATTR) || el.tagName.startsWith('SMARTAPI-COMPANION');
}

/** Every searchable root: the document, open shadow roots, same-origin iframe documents. */
export function collectRoots(doc: Document): Root[] {
  const roots: Root[] = [];
  const visit = (root: Root, depth: number) => {
    roots.push(root);
    if (depth > 6) return;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (isOwnUi(el)) continue;
      if (el.shadowRoot) visit(el.shadowRoot, depth + 1);
      if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
        let inner: Document | null = null;
        try {
          inner = (el as HTMLIFrameElement).contentDocument; // null or throws when cross-origin
        } catch {
          inner = null;
        }
        if (inner?.documentElement) visit(inner, depth + 1);
      }
    }
  };
  visit(doc, 0);
  return roots;
}

/** `querySelectorAll` over every root, never inside the extension's own UI. */
export function queryDeep<E extends Element = Element>(doc: Document, selector: string): E[] {
  const out: E[] = [];
  for (const root of collectRoots(doc)) {
    for (const el of Array.from(root.querySelectorAll<E>(selector))) {
      if (!insideOwnUi(el)) out.push(el);
    }
  }
  return out;
}

export function insideOwnUi(el: Element): boolean {
  for (let n: Node | null = el; n; n = parentAcrossShadow(n)) if (isOwnUi(n)) return true;
  return false;
}

export function parentAcrossShadow(node: Node): Node | null {
  if (node.parentNode && node.parentNode.nodeType === 11 && (node.parentNode as ShadowRoot).host) {
    return (node.parentNode as ShadowRoot).host;
  }
  return node.parentNode;
}

/** Ancestor-or-self test that crosses shadow boundaries. */
export function containsDeep(outer: Node, inner: Node): boolean {
  for (let n: Node | null = inner; n; n = parentAcrossShadow(n)) if (n === outer) return true;
  return false;
}

function isHappyDom(view: Window | null): boolean {
  return /happy/i.test(view?.navigator.userAgent ?? '');
}

/**
 * Shown to a person: connected, not display:none / visibility:hidden / [hidden] /
 * aria-hidden, in a rendered frame. The one visibility test of the extension.
 */
export function isShown(el: Element): boolean {
  if (!el.isConnected) return false;
  const maybe = el as Element & { checkVisibility?: (o?: object) => boolean };
  const view = el.ownerDocument.defaultView;
  // happy-dom has no layout; real browsers answer checkVisibility precisely.
  if (typeof maybe.checkVisibility === 'function' && !isHappyDom(view)) {
    if (!maybe.checkVisibility({ visibilityProperty: true })) return false;
  }
  let node: Node | null = el;
  while (node && node.nodeType === 1) {
    const e = node as HTMLElement;
    if (e.hidden || e.tagName === 'TEMPLATE' || e.getAttribute('aria-hidden') === 'true') return false;
    const style = view?.getComputedStyle(e);
    if (style && (style.display === 'none' || (node === el && style.visibility === 'hidden'))) return false;
    node = parentAcrossShadow(node);
  }
  const frame = view?.frameElement;
  if (frame && frame !== el) return isShown(frame);
  return true;
}

export function isDisabled(el: Element): boolean {
  if ((el as HTMLButtonElement).disabled === true) return true;
  if (el.closest('fieldset[disabled]')) return true;
  return el.getAttribute('aria-disabled') === 'true';
}

const SKIP_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'SELECT', 'OPTION', 'TEMPLATE', 'TEXTAREA']);

/** The text a person would read inside a node (no scripts, no select options, not our UI). */
export function readableText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1 && node.nodeType !== 11) return '';
  if (node.nodeType === 1) {
    const el = node as Element;
    if (SKIP_TEXT_TAGS.has(el.tagName) || isOwnUi(el)) return '';
  }
  let out = '';
  for (const child of Array.from(node.childNodes)) out += readableText(child) + ' ';
  return out;
}

export function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
  'CENTER',
  'TITLE',
]);

/**
 * The visible text of a subtree with its line breaks, the way `innerText` reads it: block
 * elements and <br> start new lines, runs of spaces collapse. Works the same without layout.
 */
export function visibleTextWithLines(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP_TEXT_TAGS.has(el.tagName) || el.tagName === 'HEAD' || isOwnUi(el)) return;
    if (el.tagName === 'BR') {
      parts.push('\n');
      return;
    }
    if ((el as HTMLElement).hidden) return;
    const block = BLOCK_TAGS.has(el.tagName);
    if (block) parts.push('\n');
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
