/**
 * Create-app form (old /create and new /new/apps with its "+ ADD APP" modal): find the
 * fields, offer "Fill with SmartAPI Companion" next to the form, fill from a checked
 * registration profile, read back and report. Never submits.
 */
import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';
import { t, type InPageKey } from '../i18n/inPage';
import type { PageAdapter } from './adapter';
import { watchForTargets } from './watchForTargets';
import {
  findChoiceGroup,
  findTextFields,
  type ChoiceGroup,
  type ChoiceOptionRule,
  type FindResult,
  type TextFieldRule,
} from './fieldFinder';
import { describeChoice, isChecked, readBack, setChoice, setTextValue, settle } from './filler';
import {
  createControlHost,
  errorText,
  h,
  keepBeside,
  labelledSelect,
  onUserClick,
  replaceChildren,
  type ControlHost,
} from './inPageControl';
import {
  API_TYPE_LABELS,
  checkProfile,
  loadProfiles,
  type ApiType,
  type ProfileIssue,
  type ProfilesState,
  type RegistrationProfile,
} from './profiles';
import { isPortalTabRequest, type FillReport } from './protocol';
import { reportLines } from './report';
import { sendMessage } from '../messaging';
import '../page/rules';

export type CreateAppField =
  'appName' | 'redirectUrl' | 'postbackUrl' | 'clientId' | 'primaryIp' | 'secondaryIp';

/** The catalogue keys of the form's field names (the options page shows the same names). */
export const FIELD_LABEL_KEYS: Record<CreateAppField | 'apiType', InPageKey> = {
  appName: 'ip.fieldAppName',
  redirectUrl: 'ip.fieldRedirectUrl',
  postbackUrl: 'ip.fieldPostbackUrl',
  clientId: 'ip.fieldClientId',
  primaryIp: 'ip.fieldPrimaryIp',
  secondaryIp: 'ip.fieldSecondaryIp',
  apiType: 'ip.fieldApiType',
};

export function fieldLabel(field: CreateAppField | 'apiType'): string {
  return t(FIELD_LABEL_KEYS[field]);
}

/** Targeted selectors are the portal's known markup; the label rules cover redesigns. */
export const CREATE_APP_RULES: readonly TextFieldRule<CreateAppField>[] = [
  {
    key: 'appName',
    label: /\bapp(lication)? ?name\b/,
    exclude: /\b(user|client)\b/,
    tokens: [['app', 'name'], ['appname'], ['application', 'name']],
    selectors: ['input[formcontrolname="appName"]', 'input[name="appName"]', 'input[name="app_name"]'],
  },
  {
    key: 'redirectUrl',
    label: /\bredirect(ion)? ?(url|uri|link|address)\b|\bcallback (url|uri)\b/,
    tokens: [['redirect'], ['callback'], ['redirecturl']],
    selectors: [
      'input[formcontrolname="redirectUrl"]',
      'input[name="redirectUrl"]',
      'input[name="redirect_url"]',
    ],
  },
  {
    key: 'postbackUrl',
    label: /\bpost ?back\b/,
    tokens: [['postback'], ['post', 'back'], ['postbackurl']],
    selectors: [
      'input[formcontrolname="postbackUrl"]',
      'input[name="postbackUrl"]',
      'input[name="postback_url"]',
    ],
  },
  {
    key: 'clientId',
    label: /\bclient ?(id|code)\b/,
    exclude: /\bsecret\b/,
    tokens: [['client', 'id'], ['client', 'code'], ['clientid'], ['clientcode']],
    selectors: ['input[formcontrolname="clientId"]', 'input[name="clientId"]', 'input[name="client_id"]'],
  },
  {
    key: 'primaryIp',
    label: /\bprimary\b.*\bip\b|^(static )?ip( address)?$|^static ip\b/,
    exclude: /\b(secondary|backup|alternate)\b/,
    tokens: [
      ['primary', 'ip'],
      ['primary', 'static'],
    ],
    selectors: ['input[formcontrolname="primaryIp"]', 'input[name="primaryIp"]', 'input[name="primary_ip"]'],
  },
  {
    key: 'secondaryIp',
    label: /\b(secondary|backup|alternate)\b.*\bip\b/,
    tokens: [
      ['secondary', 'ip'],
      ['secondary', 'static'],
    ],
    selectors: [
      'input[formcontrolname="secondaryIp"]',
      'input[name="secondaryIp"]',
      'input[name="secondary_ip"]',
    ],
  },
];

export const API_TYPE_OPTIONS: readonly ChoiceOptionRule<ApiType>[] = [
  { value: 'trading', label: /\btrading\b/ },
  { value: 'publisher', label: /\bpublisher\b/ },
  { value: 'market-feeds', label: /\bmarket ?feeds?\b/ },
  { value: 'historical', label: /\bhistorical\b/ },
];

export interface CreateAppForm {
  text: FindResult<CreateAppField>;
  apiType: ChoiceGroup<ApiType> | null;
}

/** Where the user showed the fields on this page ("Teach this page"), as selectors. */
export type TaughtFields = Partial<Record<CreateAppField, string>>;

/** The rules with the taught selectors tried first. */
export function withTaught(taught: TaughtFields): readonly TextFieldRule<CreateAppField>[] {
  return CREATE_APP_RULES.map((r) => {
    const sel = taught[r.key];
    return sel ? { ...r, selectors: [sel, ...(r.selectors ?? [])] } : r;
  });
}

export function findCreateAppForm(doc: Document, taught: TaughtFields = {}): CreateAppForm {
  return { text: findTextFields(doc, withTaught(taught)), apiType: findChoiceGroup(doc, API_TYPE_OPTIONS) };
}

/** A form is there when a person would recognise it: app name or redirect URL visible. */
export function formIsPresent(form: CreateAppForm): boolean {
  return !!(form.text.found.appName || form.text.found.redirectUrl);
}

/** Where the in-page control goes: before the form that holds the found fields. */
export function formAnchor(form: CreateAppForm): Element | null {
  const first = form.text.found.appName?.element ?? form.text.found.redirectUrl?.element;
  if (!first) return null;
  const formEl = first.closest('form');
  if (formEl) return formEl;
  const others = Object.values(form.text.found)
    .map((f) => (f as { element: Element } | undefined)?.element)
    .filter((e): e is Element => !!e && e.getRootNode() === first.getRootNode());
  let box: Element | null = first.parentElement;
  while (box && !others.every((o) => box!.contains(o))) box = box.parentElement;
  return box ?? first;
}

function profileValue(p: RegistrationProfile, key: CreateAppField): string {
  return p[key].trim();
}

/** Fill the visible create-app form from a profile. Nothing at all is filled on an error. */
export async function fillCreateApp(
  doc: Document,
  profile: RegistrationProfile,
  taught: TaughtFields = {},
): Promise<FillReport> {
  const issues = checkProfile(profile);
  const report: FillReport = {
    profileName: profile.name,
    issues,
    blocked: issues.some((i) => i.severity === 'error'),
    formFound: false,
    outcomes: [],
  };
  const form = findCreateAppForm(doc, taught);
  report.formFound = formIsPresent(form);
  if (report.blocked || !report.formFound) return report;

  const pending: { key: CreateAppField; value: string }[] = [];
  for (const rule of CREATE_APP_RULES) {
    const key = rule.key;
    const value = profileValue(profile, key);
    const label = fieldLabel(key);
    const found = form.text.found[key];
    if (value === '') {
      report.outcomes.push({
        field: key,
        label,
        status: 'skipped',
        detail: found ? t('ip.emptyLeft') : t('ip.emptyMissing'),
      });
      continue;
    }
    if (!found) {
      report.outcomes.push({
        field: key,
        label,
        status: 'not-found',
        detail: form.text.ambiguous.includes(key) ? t('ip.ambiguous') : t('ip.noSuchField'),
      });
      continue;
    }
    setTextValue(found.element, value);
    pending.push({ key, value });
  }

  const choice = form.apiType?.options[profile.apiType];
  if (choice) setChoice(choice);
  else {
    report.outcomes.push({
      field: 'apiType',
      label: fieldLabel('apiType'),
      status: 'not-found',
      detail: t(form.apiType ? 'ip.noTypeChoice' : 'ip.noTypeGroup', {
        type: API_TYPE_LABELS[profile.apiType],
      }),
    });
  }

  await settle();
  // Frameworks may re-render into new elements: read back from a fresh search.
  const after = findCreateAppForm(doc, taught);
  for (const { key, value } of pending) {
    const el = after.text.found[key]?.element ?? form.text.found[key]!.element;
    const check = readBack(el, value);
    report.outcomes.push(
      check.ok
        ? { field: key, label: fieldLabel(key), status: 'filled' }
        : { field: key, label: fieldLabel(key), status: 'rejected', detail: check.detail },
    );
  }
  if (choice) {
    const now = after.apiType?.options[profile.apiType] ?? choice;
    report.outcomes.push(
      isChecked(now)
        ? {
            field: 'apiType',
            label: fieldLabel('apiType'),
            status: 'filled',
            detail: API_TYPE_LABELS[profile.apiType],
          }
        : {
            field: 'apiType',
            label: fieldLabel('apiType'),
            status: 'rejected',
            detail: t('ip.notKept', { choice: describeChoice(choice) }),
          },
    );
  }
  const order = [...CREATE_APP_RULES.map((r) => r.key as string), 'apiType'];
  report.outcomes.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return report;
}

function renderReport(list: HTMLElement, report: FillReport): void {
  replaceChildren(list, ...reportLines(report).map((l) => h('li', { class: l.status }, l.text)));
}

/** This page's taught fields; none when nothing was taught or the vault is locked. */
async function loadTaught(): Promise<TaughtFields> {
  try {
    return (await sendMessage('pageRules/get', { kind: 'create-app' }))?.selectors ?? {};
  } catch {
    return {};
  }
}

// Asked for when the form appears, so a fill does not wait for the background; asked again
// after "Teach this page" was pressed (the user may have taught fields since).
let taughtCache: Promise<TaughtFields> | null = null;
let teachPressed = false;
const taught = () => (teachPressed ? loadTaught() : (taughtCache ??= loadTaught()));

/** Text fields the last fill could not find: what "Teach this page" asks for. */
function missingFields(report: FillReport): CreateAppField[] {
  return report.outcomes
    .filter((o) => o.status === 'not-found' && o.field !== 'apiType')
    .map((o) => o.field as CreateAppField);
}

async function fillWithProfileId(profileId: string, loaded?: ProfilesState): Promise<FillReport> {
  const { profiles } = loaded ?? (await loadProfiles());
  const profile = profiles.find((p) => p.id === profileId);
  if (!profile) {
    return {
      profileName: profileId,
      issues: [
        {
          field: 'appName',
          severity: 'error',
          message: t('ip.profileGone'),
          fix: t('ip.profileGoneFix'),
        } satisfies ProfileIssue,
      ],
      blocked: true,
      formFound: false,
      outcomes: [],
    };
  }
  return fillCreateApp(document, profile, await taught());
}

function buildControl(): ControlHost {
  void taught();
  const control = createControlHost('create-app');
  const picker = h('span', { class: 'picker' });
  const list = h('ul', { 'aria-live': 'polite', 'aria-label': t('ip.fillReport') });
  let select: HTMLSelectElement | null = null;
  const button = h('button', { type: 'button' }, t('ip.fillButton'));
  const teachRow = h('div', { class: 'row' });
  onUserClick(button, async () => {
    button.disabled = true;
    replaceChildren(teachRow);
    try {
      const state = await loadProfiles();
      const id = select?.value ?? state.selectedId ?? state.profiles[0]?.id ?? '';
      const report = await fillWithProfileId(id, state);
      renderReport(list, report);
      const missing = missingFields(report);
      if (missing.length) {
        // The user shows the fields the fill could not find; the picking mode is loaded only now.
        const teach = h('button', { type: 'button', class: 'secondary' }, t('eng.teach'));
        onUserClick(teach, async () => {
          teachPressed = true;
          try {
            await sendMessage('pageRules/teach', { kind: 'create-app', targets: missing });
          } catch (err) {
            list.append(h('li', { class: 'error' }, errorText(err)));
          }
        });
        teachRow.append(teach);
      }
    } catch {
      replaceChildren(list, h('li', { class: 'error' }, t('ip.fillFailed')));
    } finally {
      button.disabled = false;
    }
  });
  loadProfiles()
    .then(({ profiles, selectedId }) => {
      if (profiles.length < 2) return;
      select = labelledSelect(
        t('ip.registrationProfile'),
        profiles.map((p) => ({ value: p.id, text: p.name })),
        selectedId,
      );
      picker.append(select);
    })
    .catch(() => {});
  control.box.append(
    h('div', { class: 'row' }, h('span', { class: 'brand' }, 'SmartAPI Companion'), picker, button),
    list,
    teachRow,
  );
  return control;
}

export const createAppAdapter: PageAdapter = {
  kinds: ['create-app-old', 'create-app-new'],
  start(ctx) {
    // Another route may be another page with its own taught fields.
    taughtCache = null;
    teachPressed = false;
    let control: ControlHost | null = null;
    let unkeep: (() => void) | null = null;
    let anchor: Element | null = null;

    const check = () => {
      const form = findCreateAppForm(document);
      if (!formIsPresent(form)) {
        if (control && !(anchor && anchor.isConnected)) {
          unkeep?.();
          control = null;
          unkeep = null;
        }
        return;
      }
      const next = formAnchor(form);
      if (control && next === anchor) return;
      unkeep?.();
      anchor = next;
      control = buildControl();
      unkeep = keepBeside(control, () => (anchor?.isConnected ? anchor : null));
    };

    // Forms appear late (SPA routes, the "+ ADD APP" modal, shown by toggling attributes).
    // No debounce beyond one task: the control must be there within a frame of the form.
    const unwatch = watchForTargets(check, {
      debounceMs: 0,
      attributeFilter: ['hidden', 'style', 'class', 'open'],
    });

    // "Fill this page" from the popup arrives through the background only.
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (!isPortalTabRequest(message)) return undefined;
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      return fillWithProfileId(message.profileId);
    };
    browser.runtime.onMessage.addListener(onMessage);

    const stop = () => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      unkeep?.();
    };
    ctx.onInvalidated(stop);
    return stop;
  },
};
