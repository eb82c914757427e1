/**
 * Finds form fields the way a person reads a page: targeted rules for the known portal
 * first, then the visible label (<label for>, a wrapping label, aria-labelledby),
 * aria-label, the text just before the field, the placeholder, and name/id tokens.
 * Every candidate gets a score; a field counts as found only when its best candidate is
 * above the threshold and clearly ahead of the next one. Anything else is "not found":
 * filling the wrong box is worse than filling none.
 *
 * The page engine's qualify step, used by the portal assistant and the daily login. Open
 * shadow roots and same-origin iframes are searched too. The DOM primitives (roots,
 * visibility, readable text) are the page engine's, in utils/page/dom.ts.
 */
import { collectRoots, insideOwnUi, isShown, OWN_UI_ATTR, readableText, type Root } from './dom';
import type { TextControl } from './act';

export { collectRoots, OWN_UI_ATTR, readableText };
export type { TextControl };
/** Shown to a person (the page engine's visibility test). */
export const isRendered = isShown;

export interface TextFieldRule<K extends string = string> {
  key: K;
  /** Matches the human label text (already lower-cased, spaces collapsed). */
  label: RegExp;
  /** Label texts that must not count even when `label` matches (e.g. "secondary" for primary). */
  exclude?: RegExp;
  /** name/id token sets: the field matches when every token of one set is present. */
  tokens: string[][];
  /** CSS selectors of the known portal's markup, tried first. */
  selectors?: string[];
}

export type MatchSource =
  'rule' | 'label' | 'aria-labelledby' | 'aria-label' | 'nearby-text' | 'placeholder' | 'name-id';

/** How much each source tells us about a field's meaning. */
export const SOURCE_SCORES: Record<MatchSource, number> = {
  rule: 100,
  label: 90,
  'aria-labelledby': 90,
  'aria-label': 85,
  'nearby-text': 70,
  placeholder: 60,
  'name-id': 50,
};
export const MIN_SCORE = 50;
/** The best candidate must beat the runner-up by this much, or the field is ambiguous. */
export const MIN_LEAD = 10;

export interface FoundField<K extends string = string> {
  key: K;
  element: TextControl;
  score: number;
  via: MatchSource;
}

export interface FindResult<K extends string = string> {
  found: Partial<Record<K, FoundField<K>>>;
  /** Fields with two or more equally good candidates: left alone. */
  ambiguous: K[];
}

export function normaliseText(text: string): string {
  return text
    .replace(/[*:：]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Split name/id values like "primaryStaticIp", "redirect_url", "app-name" into tokens. */
export function tokenise(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const FORM_CONTROL_SELECTOR = 'input:not([type=hidden]), textarea, select, [role=radio], [role=textbox]';

function containsControl(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.matches(FORM_CONTROL_SELECTOR) || el.querySelector(FORM_CONTROL_SELECTOR) !== null;
}

/** The short text right before a field: a caption div, a span, the previous cell. */
export function precedingText(el: Element): string {
  let node: Node | null = el;
  for (let depth = 0; depth < 4 && node; depth++) {
    let sib: Node | null = node.previousSibling;
    while (sib) {
      if (containsControl(sib)) return '';
      const text = readableText(sib).replace(/\s+/g, ' ').trim();
      if (text) return text.length <= 80 ? text : '';
      sib = sib.previousSibling;
    }
    const parent: Node | null = node.parentNode;
    if (
      !parent ||
      parent.nodeType !== 1 ||
      (parent as Element).tagName === 'FORM' ||
      (parent as Element).tagName === 'BODY'
    )
      break;
    node = parent;
  }
  return '';
}

function rootOf(el: Element): Root {
  return el.getRootNode() as Root;
}

function byId(root: Root, id: string): Element | null {
  return 'getElementById' in root ? root.getElementById(id) : null;
}

/** Every (source, text) a person or a screen reader would use to name this control. */
export function describeControl(el: Element): { source: MatchSource; text: string }[] {
  const out: { source: MatchSource; text: string }[] = [];
  const root = rootOf(el);
  const id = el.getAttribute('id');
  if (id) {
    for (const label of Array.from(root.querySelectorAll('label'))) {
      if (label.getAttribute('for') === id) out.push({ source: 'label', text: readableText(label) });
    }
  }
  const wrapping = el.parentElement?.closest('label');
  if (wrapping) out.push({ source: 'label', text: readableText(wrapping) });
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((ref) => byId(root, ref))
      .filter((n): n is Element => n !== null)
      .map((n) => readableText(n))
      .join(' ');
    out.push({ source: 'aria-labelledby', text });
  }
  const ariaLabel = el.getAttribute('aria-label');
  if (ariaLabel) out.push({ source: 'aria-label', text: ariaLabel });
  const near = precedingText(el);
  if (near) out.push({ source: 'nearby-text', text: near });
  const placeholder = el.getAttribute('placeholder');
  if (placeholder) out.push({ source: 'placeholder', text: placeholder });
  const nameId = [el.getAttribute('name'), id, el.getAttribute('formcontrolname')].filter(Boolean).join(' ');
  if (nameId) out.push({ source: 'name-id', text: nameId });
  return out.filter((d) => normaliseText(d.text) !== '');
}

function matchesRule(rule: TextFieldRule, source: MatchSource, text: string): boolean {
  if (source === 'name-id') {
    const tokens = new Set(tokenise(text));
    return rule.tokens.some((set) => set.every((t) => tokens.has(t)));
  }
  const t = normaliseText(text);
  if (rule.exclude?.test(t)) return false;
  return rule.label.test(t);
}

/** Score one control against one rule: the strongest source that matches. */
export function scoreControl(el: Element, rule: TextFieldRule): { score: number; via: MatchSource } | null {
  if (rule.selectors?.some((s) => safeMatches(el, s))) return { score: SOURCE_SCORES.rule, via: 'rule' };
  let best: { score: number; via: MatchSource } | null = null;
  for (const d of describeControl(el)) {
    if (!matchesRule(rule, d.source, d.text)) continue;
    const score = SOURCE_SCORES[d.source];
    if (!best || score > best.score) best = { score, via: d.source };
  }
  return best;
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'url', 'search', 'tel', 'email', 'number']);

/** Inputs a value could be typed into: visible, enabled, editable, text-like. */
export function textControls(doc: Document): TextControl[] {
  const out: TextControl[] = [];
  for (const root of collectRoots(doc)) {
    for (const el of Array.from(root.querySelectorAll('input, textarea'))) {
      if (insideOwnUi(el)) continue;
      const input = el as TextControl;
      if (el.tagName === 'INPUT' && !TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase()))
        continue;
      if (input.disabled || input.readOnly) continue;
      if (!isRendered(el)) continue;
      out.push(input);
    }
  }
  return out;
}

/**
 * Match every rule against every visible text control. One control answers one field at
 * most; a field whose two best candidates score alike is ambiguous and left out.
 */
export function findTextFields<K extends string>(
  doc: Document,
  rules: readonly TextFieldRule<K>[],
): FindResult<K> {
  const controls = textControls(doc);
  const scores = new Map<TextControl, Map<K, { score: number; via: MatchSource }>>();
  for (const el of controls) {
    const perRule = new Map<K, { score: number; via: MatchSource }>();
    for (const rule of rules) {
      const s = scoreControl(el, rule);
      if (s && s.score >= MIN_SCORE) perRule.set(rule.key, s);
    }
    if (perRule.size) scores.set(el, perRule);
  }
  // A control that matches several fields belongs to the one it matches best; a tie means
  // the control itself is unclear and answers none.
  const owner = new Map<TextControl, K | null>();
  for (const [el, perRule] of scores) {
    const ranked = [...perRule.entries()].sort((a, b) => b[1].score - a[1].score);
    const [first, second] = ranked;
    owner.set(el, first && (!second || first[1].score - second[1].score > 0) ? first[0] : null);
  }
  const found: Partial<Record<K, FoundField<K>>> = {};
  const ambiguous: K[] = [];
  for (const rule of rules) {
    const candidates = controls
      .filter((el) => owner.get(el) === rule.key)
      .map((el) => ({ el, ...scores.get(el)!.get(rule.key)! }))
      .sort((a, b) => b.score - a.score);
    const [best, next] = candidates;
    if (!best) continue;
    if (next && best.score - next.score < MIN_LEAD) {
      ambiguous.push(rule.key);
      continue;
    }
    found[rule.key] = { key: rule.key, element: best.el, score: best.score, via: best.via };
  }
  return { found, ambiguous };
}

// ---------------------------------------------------------------------------------------
// Choice groups: radio buttons (native or role=radio) and selects, matched by option text.

export interface ChoiceOptionRule<V extends string = string> {
  value: V;
  label: RegExp;
}

export type ChoiceTarget =
  | { kind: 'radio'; element: HTMLElement }
  | { kind: 'select'; element: HTMLSelectElement; optionValue: string };

export interface ChoiceGroup<V extends string = string> {
  options: Partial<Record<V, ChoiceTarget>>;
}

export function optionText(el: Element): string {
  const parts = describeControl(el)
    .filter((d) => d.source !== 'nearby-text' && d.source !== 'placeholder' && d.source !== 'name-id')
    .map((d) => d.text);
  // Custom radios often carry their text inside or right after the control.
  parts.push(readableText(el));
  const next = el.nextSibling;
  if (next && !containsControl(next)) parts.push(readableText(next));
  if (el.getAttribute('value')) parts.push(el.getAttribute('value')!);
  return normaliseText(parts.join(' '));
}

/**
 * The radio group (or select) whose options name at least `minOptions` of the given values.
 * Null when none, or when two groups qualify (ambiguous).
 */
export function findChoiceGroup<V extends string>(
  doc: Document,
  options: readonly ChoiceOptionRule<V>[],
  minOptions = 2,
): ChoiceGroup<V> | null {
  const groups: ChoiceGroup<V>[] = [];
  for (const root of collectRoots(doc)) {
    const byGroup = new Map<unknown, HTMLElement[]>();
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('input[type=radio], [role=radio]'))) {
      if (insideOwnUi(el)) continue;
      if ((el as HTMLInputElement).disabled) continue;
      const key: unknown =
        el.getAttribute('name') ??
        el.closest('[role=radiogroup]') ??
        el.closest('fieldset') ??
        el.parentElement?.parentElement;
      const list = byGroup.get(key) ?? [];
      list.push(el);
      byGroup.set(key, list);
    }
    for (const members of byGroup.values()) {
      const group: ChoiceGroup<V> = { options: {} };
      for (const el of members) {
        const text = optionText(el);
        const rule = options.find((o) => o.label.test(text));
        if (rule && !group.options[rule.value]) group.options[rule.value] = { kind: 'radio', element: el };
      }
      if (
        Object.keys(group.options).length >= minOptions &&
        members.some((m) => isRendered(m) || labelRendered(m))
      )
        groups.push(group);
    }
    for (const select of Array.from(root.querySelectorAll('select'))) {
      if (insideOwnUi(select) || select.disabled || !isRendered(select)) continue;
      const group: ChoiceGroup<V> = { options: {} };
      for (const opt of Array.from(select.options)) {
        const rule = options.find((o) => o.label.test(normaliseText(opt.text)));
        if (rule && !group.options[rule.value])
          group.options[rule.value] = { kind: 'select', element: select, optionValue: opt.value };
      }
      if (Object.keys(group.options).length >= minOptions) groups.push(group);
    }
  }
  return groups.length === 1 ? groups[0]! : null;
}

function labelRendered(el: Element): boolean {
  const wrapping = el.closest('label');
  if (wrapping && isRendered(wrapping)) return true;
  const id = el.getAttribute('id');
  if (!id) return false;
  return Array.from(rootOf(el).querySelectorAll('label')).some(
    (l) => l.getAttribute('for') === id && isRendered(l),
  );
}
