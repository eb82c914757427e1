/**
 * Reading a platform's account form the way a person does, with the page engine: every
 * visible text, password and select control of the page (open shadow roots and same-origin
 * frames included) is scored against the profile's label texts (utils/page/qualify.ts); a
 * field counts only when one control clearly answers it. Filling goes through the engine's
 * one value setter (utils/page/act.ts) and is read back.
 */
import { collectRoots, insideOwnUi, isDisabled, isShown, readableText } from '../page/dom';
import { MIN_LEAD, MIN_SCORE, scoreControl, type MatchSource } from '../page/qualify';
import { fire, setNativeValue, setTextValue, type TextControl } from '../page/act';
import {
  choiceMatcher,
  fieldRules,
  isNeverPress,
  PLATFORM_FIELDS,
  VALUE_FIELDS,
  type ChoiceField,
  type PlatformField,
  type PlatformProfile,
} from './profiles';
import type { Platform } from '../vault/types';

export type FieldControl = TextControl | HTMLSelectElement;

export interface FormReading {
  fields: Partial<Record<PlatformField, FieldControl>>;
  /** Fields two controls answer equally well: left alone. */
  ambiguous: PlatformField[];
  /** The Validate / Save buttons the profile names (never pressed; the control sits before them). */
  neverPress: HTMLElement[];
}

const TEXT_TYPES = new Set(['', 'text', 'password', 'search', 'tel', 'number']);

function candidates(doc: Document): FieldControl[] {
  const out: FieldControl[] = [];
  for (const root of collectRoots(doc)) {
    for (const el of Array.from(root.querySelectorAll('input, textarea, select'))) {
      if (insideOwnUi(el) || !isShown(el) || isDisabled(el)) continue;
      if (el.tagName === 'INPUT' && !TEXT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())) continue;
      if ((el as HTMLInputElement).readOnly) continue;
      out.push(el as FieldControl);
    }
  }
  return out;
}

/** Selects answer only the choice fields, text boxes only the value fields. */
function kindFits(el: Element, field: PlatformField): boolean {
  const isSelect = el.tagName === 'SELECT';
  return field === 'broker' || field === 'platform' ? isSelect : !isSelect;
}

export function readForm(doc: Document, profile: PlatformProfile): FormReading {
  const rules = fieldRules(profile);
  const controls = candidates(doc);
  const scored = new Map<FieldControl, Map<PlatformField, { score: number; via: MatchSource }>>();
  for (const el of controls) {
    const per = new Map<PlatformField, { score: number; via: MatchSource }>();
    for (const rule of rules) {
      if (!kindFits(el, rule.key)) continue;
      const s = scoreControl(el, rule);
      if (s && s.score >= MIN_SCORE) per.set(rule.key, s);
    }
    if (per.size) scored.set(el, per);
  }
  // A control answering two fields belongs to the one it answers best; a tie: to none.
  const owner = new Map<FieldControl, PlatformField | null>();
  for (const [el, per] of scored) {
    const [first, second] = [...per.entries()].sort((a, b) => b[1].score - a[1].score);
    owner.set(el, first && (!second || first[1].score > second[1].score) ? first[0] : null);
  }
  const fields: Partial<Record<PlatformField, FieldControl>> = {};
  const ambiguous: PlatformField[] = [];
  for (const key of PLATFORM_FIELDS) {
    const ranked = controls
      .filter((el) => owner.get(el) === key)
      .map((el) => ({ el, score: scored.get(el)!.get(key)!.score }))
      .sort((a, b) => b.score - a.score);
    const [best, next] = ranked;
    if (!best) continue;
    if (next && best.score - next.score < MIN_LEAD) ambiguous.push(key);
    else fields[key] = best.el;
  }
  const neverPress: HTMLElement[] = [];
  for (const root of collectRoots(doc)) {
    for (const b of Array.from(
      root.querySelectorAll<HTMLElement>('button, input[type=submit], [role=button]'),
    )) {
      if (insideOwnUi(b)) continue;
      const text = b.tagName === 'INPUT' ? (b as HTMLInputElement).value : readableText(b);
      if (isNeverPress(profile, text)) neverPress.push(b);
    }
  }
  return { fields, ambiguous, neverPress };
}

/** The page shows an account form of this profile: two value fields, or one beside Validate/Save. */
export function isAccountForm(reading: FormReading): boolean {
  const values = VALUE_FIELDS.filter((f) => reading.fields[f]).length;
  const shownButtons = reading.neverPress.some((b) => isShown(b));
  return values >= 2 || (values >= 1 && (shownButtons || !!reading.fields.platform));
}

/** Where the control goes: before the form holding the fields (inside a modal dialog, when there is one). */
export function formAnchor(reading: FormReading): Element | null {
  const first = PLATFORM_FIELDS.map((f) => reading.fields[f]).find((el) => el?.isConnected);
  if (!first) return null;
  const form = first.closest('form');
  if (form) return form;
  // A form without <form> in a modal: stay inside the dialog, before the part holding the fields.
  const dialog = first.closest('[role=dialog], dialog, .modal');
  if (dialog) {
    let part: Element = first;
    while (part.parentElement && part.parentElement !== dialog) part = part.parentElement;
    return part;
  }
  return first.parentElement;
}

/** Choose the option whose visible text matches; false when the select has no such option. */
export function setSelectByText(select: HTMLSelectElement, field: ChoiceField, platform: Platform): boolean {
  const match = choiceMatcher(field, platform);
  const option = Array.from(select.options).find((o) => match(o.text));
  if (!option) return false;
  if (select.value !== option.value) {
    fire(select, 'focus');
    setNativeValue(select, option.value);
    fire(select, 'input');
    fire(select, 'change');
    fire(select, 'blur');
  }
  return select.value === option.value;
}

/** Put a value into a text field the way a paste would; true when it stuck. */
export function fillText(el: TextControl, value: string): boolean {
  setTextValue(el, value);
  return el.isConnected && el.value === value;
}
