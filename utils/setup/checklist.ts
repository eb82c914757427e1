/**
 * Where one account stands in the setup steps of docs/angel.md, computed only from what the extension
 * has saved and checked (vault summary, last validation, last daily login, delivery targets,
 * the app profile). Nothing here is ticked by the user. Pure: the setup page gathers the
 * inputs, this decides each step's state and which message explains it.
 */
import type { AccountSummary, Platform } from '../vault/types';
import type { ValidationResult } from '../angel/protocol';
import type { LastLoginResult } from '../login/protocol';
import type { TargetView } from '../delivery/protocol';
import { API_TYPE_LABELS, checkStaticIp, type ApiType, type RegistrationProfile } from '../portal/profiles';
import type { MessageKey, Params } from '../i18n';
import type { Said } from '../i18n/core';
import type { PlatformProgress } from '../platform/protocol';

export type StepId =
  'signup' | 'createApp' | 'apiKey' | 'totp' | 'staticIp' | 'verified' | 'platform' | 'delivery';
export type StepState = 'done' | 'todo' | 'problem';

export interface StepStatus {
  id: StepId;
  state: StepState;
  /** The step's name. */
  title: MessageKey;
  /** Why it has this state / what to do, translated by the page. */
  note: MessageKey;
  params?: Params;
  /**
   * Details from Angel or the checks, in parts the page renders in its language and joins with
   * spaces (messages; sentences from older stored results are shown as they are).
   */
  detail?: Said<MessageKey>[];
}

export interface ChecklistInput {
  account: AccountSummary;
  validation?: ValidationResult;
  login?: LastLoginResult;
  targets: TargetView[];
  /** The app profile the assistant fills the create-app form with (the selected one). */
  profile: RegistrationProfile | null;
  /** The account's fill into AutoTrader Web's form and the platform listing it (utils/platform). */
  platform?: PlatformProgress;
}

export const SMART_API_PORTAL = 'https://smartapi.angelone.in/';
export const CREATE_APP_URL = 'https://smartapi.angelone.in/new/apps';
export const MY_APIS_URL = 'https://smartapi.angelone.in/myapis';
export const ENABLE_TOTP_URL = 'https://smartapi.angelone.in/enable-totp';

/** The API type an app needs for each platform: REST login needs Trading, publisher login Publisher. */
export function apiTypeFor(platform: Platform): ApiType {
  return platform === 'SMART_API_M' ? 'publisher' : 'trading';
}

function failedWith(v: ValidationResult | undefined, categories: string[]): ValidationResult | undefined {
  return v?.state === 'failed' && v.advice && categories.includes(v.advice.category) ? v : undefined;
}

function adviceText(v: ValidationResult): Said<MessageKey>[] | undefined {
  if (!v.advice) return undefined;
  return [v.advice.explanation, v.advice.nextStep].filter(Boolean);
}

function when(ms: number): string {
  return new Date(ms).toLocaleString();
}

export function computeChecklist(input: ChecklistInput): StepStatus[] {
  const { account: a, validation, login, targets, profile, platform } = input;
  const hasKey = a.apiKeyLast4 !== '';
  const needType = apiTypeFor(a.platform);
  const steps: StepStatus[] = [];

  steps.push(
    hasKey
      ? { id: 'signup', title: 'setup.step.signup', state: 'done', note: 'setup.signup.done' }
      : { id: 'signup', title: 'setup.step.signup', state: 'todo', note: 'setup.signup.todo' },
  );

  if (hasKey) {
    steps.push({
      id: 'createApp',
      title: 'setup.step.createApp',
      state: 'done',
      note: 'setup.createApp.done',
    });
  } else if (profile && profile.apiType !== needType) {
    // One profile serves every account: not wrong yet, but this app needs the other API type.
    steps.push({
      id: 'createApp',
      title: 'setup.step.createApp',
      state: 'todo',
      note: 'setup.createApp.wrongType',
      params: {
        profileType: API_TYPE_LABELS[profile.apiType],
        apiType: API_TYPE_LABELS[needType],
        platform: a.platform,
      },
    });
  } else {
    steps.push({
      id: 'createApp',
      title: 'setup.step.createApp',
      state: 'todo',
      note: 'setup.createApp.todo',
      params: { apiType: API_TYPE_LABELS[needType], redirect: a.redirectUrl || profile?.redirectUrl || '' },
    });
  }

  const keyRefused = failedWith(validation, ['api-key']);
  if (keyRefused) {
    steps.push({
      id: 'apiKey',
      title: 'setup.step.apiKey',
      state: 'problem',
      note: 'setup.apiKey.problem',
      detail: adviceText(keyRefused),
    });
  } else if (hasKey) {
    steps.push({
      id: 'apiKey',
      title: 'setup.step.apiKey',
      state: 'done',
      note: 'setup.apiKey.done',
      params: { last4: a.apiKeyLast4 },
    });
  } else {
    steps.push({ id: 'apiKey', title: 'setup.step.apiKey', state: 'todo', note: 'setup.apiKey.todo' });
  }

  const totpRefused = failedWith(validation, ['totp', 'credentials']);
  if (totpRefused) {
    steps.push({
      id: 'totp',
      title: 'setup.step.totp',
      state: 'problem',
      note: 'setup.totp.problem',
      detail: adviceText(totpRefused),
    });
  } else if (a.hasTotpSecret && a.hasMpin) {
    steps.push({ id: 'totp', title: 'setup.step.totp', state: 'done', note: 'setup.totp.done' });
  } else if (a.hasTotpSecret) {
    steps.push({ id: 'totp', title: 'setup.step.totp', state: 'todo', note: 'setup.totp.needMpin' });
  } else {
    steps.push({ id: 'totp', title: 'setup.step.totp', state: 'todo', note: 'setup.totp.todo' });
  }

  const ip = profile?.primaryIp.trim() ?? '';
  const ipErrors = ip ? checkStaticIp(ip, 'primaryIp').filter((i) => i.severity === 'error') : [];
  const firstIpError = ipErrors[0];
  if (firstIpError) {
    steps.push({
      id: 'staticIp',
      title: 'setup.step.staticIp',
      state: 'problem',
      note: 'setup.staticIp.problem',
      detail: [firstIpError.message, firstIpError.fix],
    });
  } else if (ip) {
    steps.push({
      id: 'staticIp',
      title: 'setup.step.staticIp',
      state: 'done',
      note: 'setup.staticIp.done',
      params: { ip },
    });
  } else {
    steps.push({ id: 'staticIp', title: 'setup.step.staticIp', state: 'todo', note: 'setup.staticIp.todo' });
  }

  if (a.platform === 'SMART_API') {
    const title: MessageKey = 'setup.step.verified.rest';
    if (validation?.state === 'ok') {
      steps.push({
        id: 'verified',
        title,
        state: 'done',
        note: 'setup.verified.restDone',
        params: { when: when(validation.finishedAt ?? validation.startedAt) },
      });
    } else if (validation?.state === 'failed') {
      steps.push({
        id: 'verified',
        title,
        state: 'problem',
        note: 'setup.verified.problem',
        detail: adviceText(validation),
      });
    } else if (validation?.state === 'running') {
      steps.push({ id: 'verified', title, state: 'todo', note: 'setup.verified.restRunning' });
    } else {
      steps.push({ id: 'verified', title, state: 'todo', note: 'setup.verified.restTodo' });
    }
  } else {
    const title: MessageKey = 'setup.step.verified.login';
    if (login?.ok) {
      steps.push({
        id: 'verified',
        title,
        state: 'done',
        note: 'setup.verified.loginDone',
        params: { when: when(login.at) },
      });
    } else if (login) {
      steps.push({
        id: 'verified',
        title,
        state: 'problem',
        note: 'setup.verified.problem',
        detail: [login.message],
      });
    } else {
      steps.push({ id: 'verified', title, state: 'todo', note: 'setup.verified.loginTodo' });
    }
  }

  // Done only when the platform's own page listed the account after a fill from the extension.
  if (platform?.listedAt) {
    steps.push({
      id: 'platform',
      title: 'setup.step.platform',
      state: 'done',
      note: 'setup.platform.done',
      params: { when: when(platform.listedAt) },
    });
  } else if (platform) {
    steps.push({
      id: 'platform',
      title: 'setup.step.platform',
      state: 'todo',
      note: 'setup.platform.filled',
      params: { when: when(platform.filledAt) },
    });
  } else {
    steps.push({ id: 'platform', title: 'setup.step.platform', state: 'todo', note: 'setup.platform.todo' });
  }

  const mine = targets.filter((x) => x.accountId === a.id);
  const delivered = mine.some((x) => x.last?.outcome === 'delivered');
  const failed = mine.find((x) => x.last && (x.last.outcome === 'failed' || x.last.outcome === 'expired'));
  if (delivered) {
    steps.push({ id: 'delivery', title: 'setup.step.delivery', state: 'done', note: 'setup.delivery.done' });
  } else if (failed?.last) {
    steps.push({
      id: 'delivery',
      title: 'setup.step.delivery',
      state: 'problem',
      note: 'setup.delivery.problem',
      detail: [failed.last.message],
    });
  } else if (mine.length > 0) {
    steps.push({
      id: 'delivery',
      title: 'setup.step.delivery',
      state: 'todo',
      note: 'setup.delivery.untested',
    });
  } else {
    steps.push({ id: 'delivery', title: 'setup.step.delivery', state: 'todo', note: 'setup.delivery.none' });
  }

  return steps;
}

/** The first step that is not done, or null when the account is ready. */
export function nextStep(steps: StepStatus[]): StepStatus | null {
  return steps.find((s) => s.state !== 'done') ?? null;
}
