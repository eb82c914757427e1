/**
 * A diagnostic report a user can send when Angel changes its page: a sanitized outline of
 * the page (tags, ids, names, roles, labels, visible texts of controls, frame and shadow
 * structure) plus what the engine tried and scored. Never an input's value, never text that
 * could be a secret: long digit runs and base32-like or token-like runs are masked.
 */
import { insideOwnUi, isDisabled, isOwnUi, isShown, squash } from './dom';

/** Mask anything that could be a code, PIN, key, token or client id in a piece of page text. */
export function sanitize(text: string, max = 80): string {
  const masked = squash(text)
    // digit runs of 4+ (PINs, TOTP codes, phone numbers, client codes like A123456)
    .replace(/\d{4,}/g, (m) => '#'.repeat(Math.min(m.length, 8)))
    // base32-ish or token-ish runs of 12+ characters (TOTP secrets, API keys, JWT parts)
    .replace(/[A-Za-z0-9+/=_-]{12,}/g, (m) => (/\d/.test(m) || /^[A-Z2-7=]+$/.test(m) ? '…' : m))
    // a letter and 3+ digits glued together (client codes)
    .replace(/\b[A-Za-z]{1,3}#{3,}\b/g, '…');
  return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked;
}

const CONTROL_TAGS = new Set([
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
  'A',
  'LABEL',
  'FORM',
  'IFRAME',
  'FRAME',
]);
const TEXT_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'LABEL', 'BUTTON', 'A', 'LEGEND', 'SPAN', 'DIV', 'P']);

function describe(el: Element): string {
  const parts = [el.tagName.toLowerCase()];
  if (el.id) parts.push(`#${sanitize(el.id, 40)}`);
  for (const a of [
    'type',
    'name',
    'role',
    'aria-label',
    'placeholder',
    'autocomplete',
    'inputmode',
    'maxlength',
    'for',
  ])
    if (el.hasAttribute(a)) parts.push(`${a}="${sanitize(el.getAttribute(a) ?? '', 40)}"`);
  if (el.tagName === 'INPUT' && ['radio', 'checkbox'].includes((el as HTMLInputElement).type))
    parts.push((el as HTMLInputElement).checked ? 'checked' : 'unchecked');
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')
    parts.push((el as HTMLInputElement).value ? 'has-value' : 'empty');
  if (!isShown(el)) parts.push('hidden');
  if (isDisabled(el)) parts.push('disabled');
  return parts.join(' ');
}

/** Own text of an element whose children are only text (a label, a clickable div). */
function leafText(el: Element): string {
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return '';
  if (
    Array.from(el.children).some(
      (c) => !['B', 'I', 'STRONG', 'EM', 'SMALL', 'BR', 'SPAN'].includes(c.tagName),
    )
  )
    return '';
  return sanitize(el.textContent ?? '');
}

/** The page's outline: one line per interesting element, indented by depth. */
export function outlinePage(doc: Document, maxLines = 400): string[] {
  const lines: string[] = [];
  const walk = (node: Element | ShadowRoot | Document, depth: number, path: string) => {
    for (const child of Array.from(node.children)) {
      if (lines.length >= maxLines) return;
      if (
        isOwnUi(child) ||
        child.tagName === 'SCRIPT' ||
        child.tagName === 'STYLE' ||
        child.tagName === 'HEAD'
      )
        continue;
      const interesting =
        CONTROL_TAGS.has(child.tagName) ||
        child.hasAttribute('role') ||
        child.id !== '' ||
        (TEXT_TAGS.has(child.tagName) && leafText(child) !== '');
      let nextDepth = depth;
      if (interesting) {
        const text = CONTROL_TAGS.has(child.tagName) || TEXT_TAGS.has(child.tagName) ? leafText(child) : '';
        lines.push(`${'  '.repeat(depth)}${describe(child)}${text ? ` "${text}"` : ''}`);
        nextDepth = depth + 1;
      }
      if (child.shadowRoot) {
        lines.push(`${'  '.repeat(nextDepth)}#shadow-root (open) of ${child.tagName.toLowerCase()}`);
        walk(child.shadowRoot, nextDepth + 1, `${path} > shadow`);
      }
      if (child.tagName === 'IFRAME' || child.tagName === 'FRAME') {
        let inner: Document | null = null;
        try {
          inner = (child as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null;
        }
        lines.push(`${'  '.repeat(nextDepth)}#frame ${inner ? 'same-origin' : 'cross-origin (not read)'}`);
        if (inner?.body) walk(inner.body, nextDepth + 1, `${path} > frame`);
        continue;
      }
      walk(child, nextDepth, path);
    }
  };
  if (doc.body) walk(doc.body, 0, 'document');
  if (lines.length >= maxLines) lines.push('… (outline cut)');
  return lines;
}

export interface DiagnosticInput {
  /** What the engine did, in order ("chose mode #login-by-totp", "missing: totp"). */
  steps: string[];
  /** Per-candidate scores. */
  scored: { what: string; scores: Record<string, number>; assigned?: string }[];
  outcome: string;
}

/** The whole report as plain text. `doc.location` gives only host and path: no query (it holds the API key). */
export function diagnosticReport(doc: Document, input: DiagnosticInput, version = ''): string {
  const loc = doc.location;
  const head = [
    'SmartAPI Companion diagnostic report',
    `version: ${version || 'unknown'}`,
    `page: ${loc ? `${loc.host}${sanitize(loc.pathname, 120)}` : 'unknown'}`,
    `time: ${new Date().toISOString()}`,
    `outcome: ${sanitize(input.outcome, 300)}`,
    '',
    'engine steps:',
    ...input.steps.map((s) => `  - ${sanitize(s, 200)}`),
    '',
    'candidates and scores:',
    ...input.scored.map(
      (s) =>
        `  - ${sanitize(s.what, 200)} → ${Object.entries(s.scores)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}${s.assigned ? ` (taken as ${s.assigned})` : ''}`,
    ),
    '',
    'page outline (no values):',
  ];
  return [...head, ...outlinePage(doc)].join('\n');
}

/** A short, value-free description of one input for the report's candidate list. */
export function describeForReport(el: Element, clueText = ''): string {
  if (insideOwnUi(el)) return 'own UI';
  return `${describe(el)}${clueText ? ` clues="${sanitize(clueText, 120)}"` : ''}`;
}
