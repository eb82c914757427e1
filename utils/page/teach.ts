/**
 * "Teach this page": a picking mode in which the user clicks, one after another, the fields
 * the extension could not find: the client-code, MPIN and TOTP inputs and the Login control
 * of the login page, or the create-app form's fields (Skip for one that is not there, Esc or
 * Cancel to leave). Each pick becomes a robust selector (utils/page/rules.ts); nothing is
 * typed, nothing is pressed on the page while picking, and no value is read.
 *
 * Loaded on demand only (entrypoints/page-teach.ts), never part of the content script.
 */
import { type EngineTeachKey } from '../i18n/en.engine';
import { t } from '../i18n/teach';
import { sendMessage } from '../messaging';
import { createControlHost, errorText, h, onUserClick, replaceChildren } from '../portal/inPageControl';
import { FIELD_LABEL_KEYS } from '../portal/createApp';
import { insideOwnUi, OWN_UI_ATTR } from './dom';
import { pickTarget, robustSelector, type TaughtTarget, type TeachPlan } from './rules';
import './rules';

const LOGIN_STEP: Partial<Record<TaughtTarget, EngineTeachKey>> = {
  clientCode: 'eng.teachClientCode',
  pin: 'eng.teachPin',
  totp: 'eng.teachTotp',
  press: 'eng.teachPress',
};

/** What the picking mode asks the user to click for one target. */
export function stepText(target: TaughtTarget): string {
  const login = LOGIN_STEP[target];
  if (login) return t(login);
  return t('eng.teachField', { field: t(FIELD_LABEL_KEYS[target as keyof typeof FIELD_LABEL_KEYS]) });
}

function outline(doc: Document, kind: string, el: Element | null, color: string): HTMLElement | null {
  doc.querySelector(`[${OWN_UI_ATTR}="${kind}"]`)?.remove();
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const mark = doc.createElement('div');
  mark.setAttribute(OWN_UI_ATTR, kind);
  mark.style.cssText = `position:fixed;left:${r.left - 3}px;top:${r.top - 3}px;width:${r.width + 6}px;height:${r.height + 6}px;border:3px solid ${color};border-radius:6px;z-index:2147483646;pointer-events:none;box-sizing:border-box`;
  doc.documentElement.append(mark);
  return mark;
}

/** Enter picking mode. Resolves when the rule is saved (true) or the user leaves (false). */
export function teachPage(doc: Document, plan: TeachPlan): Promise<boolean> {
  const targets = plan.targets;
  return new Promise((resolve) => {
    doc.querySelector(`[${OWN_UI_ATTR}="teach"]`)?.remove();
    const control = createControlHost('teach');
    control.host.style.cssText =
      'position:fixed;left:50%;top:12px;transform:translateX(-50%);z-index:2147483647;max-width:440px';
    control.box.setAttribute('aria-label', t('eng.teach'));
    const instruction = h('p', { role: 'status', 'aria-live': 'assertive' });
    const status = h('div', { role: 'status', 'aria-live': 'polite', class: 'muted' });
    const skip = h('button', { type: 'button', class: 'secondary' }, t('eng.teachSkip'));
    const cancel = h('button', { type: 'button', class: 'secondary' }, t('eng.teachCancel'));
    control.box.append(
      h('div', { class: 'row' }, h('span', { class: 'brand' }, 'SmartAPI Companion'), skip, cancel),
      instruction,
      status,
    );
    doc.documentElement.append(control.host);

    const picked: Partial<Record<TaughtTarget, string>> = {};
    let index = 0;
    const marks: HTMLElement[] = [];

    const cleanup = () => {
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('mousemove', onMove, true);
      doc.removeEventListener('keydown', onKey, true);
      outline(doc, 'teach-hover', null, '');
      for (const m of marks) m.remove();
    };
    const leave = (saved: boolean) => {
      cleanup();
      if (!saved) control.remove();
      resolve(saved);
    };
    const show = () => {
      replaceChildren(instruction, stepText(targets[index]!));
    };
    const next = async () => {
      index += 1;
      if (index < targets.length) {
        show();
        return;
      }
      cleanup();
      replaceChildren(instruction);
      skip.remove();
      cancel.remove();
      if (!Object.keys(picked).length) {
        control.remove();
        resolve(false);
        return;
      }
      try {
        await sendMessage('pageRules/save', { kind: plan.kind, selectors: picked });
        replaceChildren(status, t(plan.kind === 'create-app' ? 'eng.teachSavedForm' : 'eng.teachSaved'));
        resolve(true);
      } catch (err) {
        replaceChildren(status, h('span', { class: 'error' }, errorText(err)));
        resolve(false);
      }
    };
    const targetOf = (event: Event): Element | null => {
      const first = event.composedPath()[0];
      return first instanceof Element ? first : null;
    };
    function onMove(event: MouseEvent) {
      const el = targetOf(event);
      const target = targets[index];
      outline(
        doc,
        'teach-hover',
        el && target && !insideOwnUi(el) ? pickTarget(target, el) : null,
        '#1a73e8',
      );
    }
    function onClick(event: MouseEvent) {
      const el = targetOf(event);
      if (!el || insideOwnUi(el)) return;
      // Picking never lets the page act on the click (no submit, no navigation).
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!event.isTrusted) return;
      const target = targets[index]!;
      const chosen = pickTarget(target, el);
      if (!chosen) {
        replaceChildren(status, t('eng.teachNotInput'));
        return;
      }
      replaceChildren(status);
      picked[target] = robustSelector(chosen);
      const mark = outline(doc, `teach-picked-${target}`, chosen, '#188038');
      if (mark) marks.push(mark);
      void next();
    }
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopImmediatePropagation();
        leave(false);
      }
    }
    onUserClick(skip, () => void next());
    onUserClick(cancel, () => leave(false));
    doc.addEventListener('click', onClick, true);
    doc.addEventListener('mousemove', onMove, true);
    doc.addEventListener('keydown', onKey, true);
    show();
  });
}
