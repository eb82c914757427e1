/**
 * The guided setup: the setup steps of docs/angel.md ("Setup steps") per account as a live checklist. Every state comes from
 * the background's answers (accounts, last validations, last logins, delivery targets) and the
 * stored app profile, re-read when storage changes and when the page becomes visible.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import type { PlatformProgress } from '@/utils/platform/protocol';
import '@/utils/platform/protocol';
import type { AccountSummary } from '@/utils/vault/types';
import type { ValidationResult } from '@/utils/angel/protocol';
import type { LastLoginResult } from '@/utils/login/protocol';
import type { TargetView } from '@/utils/delivery/protocol';
import '@/utils/angel/protocol';
import '@/utils/login/protocol';
import '@/utils/delivery/protocol';
import { loadProfiles, profilesItem, type RegistrationProfile } from '@/utils/portal/profiles';
import { useVault, vaultStore } from '@/utils/ui/vaultStore';
import { useActivityTouch, useStatusWatch } from '@/utils/ui/hooks';
import { watchStorage } from '@/utils/ui/storageWatch';
import { UnlockForm } from '@/components/vault/PasswordForms';
import { FormMessage } from '@/components/vault/Field';
import { ValidateButton } from '@/components/validation/ValidateButton';
import { LoginButton } from '@/components/login/LoginButton';
import { renderSaid, useT } from '@/utils/i18n';
import {
  CREATE_APP_URL,
  ENABLE_TOTP_URL,
  MY_APIS_URL,
  SMART_API_PORTAL,
  computeChecklist,
  nextStep,
  type StepId,
  type StepStatus,
} from '@/utils/setup/checklist';

interface Facts {
  validation: Record<string, ValidationResult>;
  login: Record<string, LastLoginResult>;
  targets: TargetView[];
  profile: RegistrationProfile | null;
  platform: Record<string, PlatformProgress>;
}
const NO_FACTS: Facts = { validation: {}, login: {}, targets: [], profile: null, platform: {} };

async function gatherFacts(): Promise<Facts> {
  // Each source may be missing (feature busy, background restarting): the rest still shows.
  const [validation, login, delivery, profiles, platform] = await Promise.all([
    sendMessage('validate/results').catch(() => ({})),
    sendMessage('login/overview').then(
      (o) => o.results,
      () => ({}),
    ),
    sendMessage('delivery/overview').then(
      (o) => o.targets,
      () => [] as TargetView[],
    ),
    loadProfiles().catch(() => null),
    sendMessage('platform/progress').catch(() => ({})),
  ]);
  const profile = profiles
    ? (profiles.profiles.find((p) => p.id === profiles.selectedId) ?? profiles.profiles[0] ?? null)
    : null;
  return { validation, login, targets: delivery, profile, platform };
}

function openOptions() {
  void browser.runtime.openOptionsPage();
}

export function Setup() {
  const t = useT();
  const status = useVault((s) => s.status);
  const busy = useVault((s) => s.busy);
  const loadError = useVault((s) => s.loadError);
  const accounts = useVault((s) => s.accounts);
  const [facts, setFacts] = useState<Facts>(NO_FACTS);
  const state = status?.state;

  useEffect(() => {
    document.title = t('setup.pageTitle');
  }, [t]);

  const refresh = useCallback(async () => {
    await vaultStore.getState().refresh();
    if (vaultStore.getState().status?.state === 'unlocked') setFacts(await gatherFacts());
  }, []);

  useEffect(() => {
    void refresh();
    // No polling: every fact shown here is kept in storage.local; follow its changes.
    const unwatchLocal = watchStorage('local', null, () => {
      if (document.visibilityState === 'visible') void refresh();
    });
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    const unwatch = profilesItem.watch(() => void refresh());
    return () => {
      unwatchLocal();
      document.removeEventListener('visibilitychange', onVisible);
      unwatch();
    };
  }, [refresh]);
  useStatusWatch(15_000);
  useActivityTouch(state === 'unlocked');

  return (
    <div className="options setup">
      <header className="topbar">
        <h1>{t('setup.title')}</h1>
        {state === 'unlocked' && (
          <button type="button" onClick={() => void refresh()}>
            {t('setup.refresh')}
          </button>
        )}
      </header>
      <main>
        <p>{t('setup.intro')}</p>
        <PlatformComparison />
        {loadError && <FormMessage error={loadError} />}
        {state === 'none' && (
          <section className="card">
            <p>{t('setup.needVault')}</p>
            <button type="button" className="primary" onClick={openOptions}>
              {t('setup.createVault')}
            </button>
          </section>
        )}
        {state === 'locked' && (
          <section className="card">
            <p>{t('setup.locked')}</p>
            <UnlockForm
              busy={busy === 'unlock'}
              onUnlock={async (pw) => {
                const err = await vaultStore.getState().unlock(pw);
                if (!err) void refresh();
                return err;
              }}
            />
          </section>
        )}
        {state === 'corrupt' && (
          <section className="card">
            <p role="alert">{t('setup.corrupt')}</p>
            <button type="button" onClick={openOptions}>
              {t('setup.openOptions')}
            </button>
          </section>
        )}
        {state === 'unlocked' &&
          (accounts.length === 0 ? (
            <section className="card">
              <p>{t('setup.noAccounts')}</p>
              <button type="button" className="primary" onClick={openOptions}>
                {t('setup.addAccount')}
              </button>
            </section>
          ) : (
            accounts.map((a) => <AccountChecklist key={a.id} account={a} facts={facts} />)
          ))}
      </main>
    </div>
  );
}

function PlatformComparison() {
  const t = useT();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{t('setup.platformsTitle')}</h2>
      <div className="table-wrap">
        <table className="setup-platforms">
          <thead>
            <tr>
              <th scope="col">{t('setup.col.platform')}</th>
              <th scope="col">{t('setup.col.how')}</th>
              <th scope="col">{t('setup.col.stored')}</th>
              <th scope="col">{t('setup.col.daily')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">SMART_API</th>
              <td>{t('setup.smart.how')}</td>
              <td>{t('setup.smart.stored')}</td>
              <td>{t('setup.smart.daily')}</td>
            </tr>
            <tr>
              <th scope="row">SMART_API_M</th>
              <td>{t('setup.smartm.how')}</td>
              <td>{t('setup.smartm.stored')}</td>
              <td>{t('setup.smartm.daily')}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>{t('setup.choose')}</p>
    </section>
  );
}

/** Links and buttons that take the user to where each step is done. */
function StepAction({ id, account }: { id: StepId; account: AccountSummary }) {
  const t = useT();
  const external = (href: string, label: string) => (
    <a className="button" href={href} target="_blank" rel="noreferrer">
      {label}
    </a>
  );
  switch (id) {
    case 'signup':
      return external(SMART_API_PORTAL, t('setup.signup.link'));
    case 'createApp':
      return external(CREATE_APP_URL, t('setup.createApp.link'));
    case 'apiKey':
      return external(MY_APIS_URL, t('setup.apiKey.link'));
    case 'totp':
      return external(ENABLE_TOTP_URL, t('setup.totp.link'));
    case 'verified':
      // The same controls as in the popup and Options: the result shows here and the step updates.
      return account.platform === 'SMART_API' ? (
        <ValidateButton account={account} />
      ) : (
        <LoginButton account={account} />
      );
    default:
      return (
        <button type="button" onClick={openOptions}>
          {t('setup.openOptions')}
        </button>
      );
  }
}

function AccountChecklist({ account, facts }: { account: AccountSummary; facts: Facts }) {
  const t = useT();
  const id = useId();
  const steps = computeChecklist({
    account,
    validation: facts.validation[account.id],
    login: facts.login[account.id],
    targets: facts.targets,
    profile: facts.profile,
    platform: facts.platform[account.id],
  });
  const done = steps.filter((s) => s.state === 'done').length;
  const next = nextStep(steps);
  return (
    <section className="card setup-account" aria-labelledby={`${id}-t`} data-account-id={account.id}>
      <h2 id={`${id}-t`}>
        {t('setup.accountTitle', {
          label: account.label,
          client: account.clientCode,
          platform: account.platform,
        })}
      </h2>
      <p className="setup-summary" data-testid="setup-summary">
        {t('setup.summary', { done, total: steps.length })}
        {' — '}
        {next ? t('setup.nextStep', { step: t(next.title) }) : t('setup.allDone')}
      </p>
      <ol className="checklist">
        {steps.map((s) => (
          <StepRow key={s.id} step={s} current={s === next} account={account} />
        ))}
      </ol>
    </section>
  );
}

function StepRow({
  step,
  current,
  account,
}: {
  step: StepStatus;
  current: boolean;
  account: AccountSummary;
}) {
  const t = useT();
  const stateText = t(`setup.state.${step.state}`);
  return (
    <li
      className={`step step--${step.state}${current ? ' step--current' : ''}`}
      data-step={step.id}
      data-state={step.state}
      aria-current={current ? 'step' : undefined}
    >
      <span className={`step__badge step__badge--${step.state}`} aria-hidden="true">
        {step.state === 'done' ? '✓' : step.state === 'problem' ? '!' : '○'}
      </span>
      <div className="step__body">
        <h3 className="step__title">
          {t(step.title)} <span className={`step__state step__state--${step.state}`}>({stateText})</span>
        </h3>
        <p className="step__note">{t(step.note, step.params)}</p>
        {step.detail && step.detail.length > 0 && (
          <p className="step__detail">{step.detail.map((part) => renderSaid(part, t)).join(' ')}</p>
        )}
        {step.id === 'staticIp' && step.state !== 'done' && (
          <p className="step__explain muted">{t('setup.staticIp.explain')}</p>
        )}
        {step.state !== 'done' && (
          <div className="actions">
            <StepAction id={step.id} account={account} />
          </div>
        )}
      </div>
    </li>
  );
}
