import { useEffect } from 'react';
import { useVault, vaultStore } from '@/utils/ui/vaultStore';
import { useActivityTouch, useStatusWatch } from '@/utils/ui/hooks';
import { SetupForm, UnlockForm } from '@/components/vault/PasswordForms';
import { CorruptPanel, ResetForm } from '@/components/vault/CorruptPanel';
import { AccountsSection } from '@/components/vault/AccountsSection';
import { SettingsSection } from '@/components/vault/SettingsSection';
import { BackupSection, ImportBackupForm } from '@/components/vault/BackupSection';
import { KeptCopiesSection } from '@/components/vault/KeptCopiesSection';
import { StoredProblemsSection } from '@/components/StoredProblemsSection';
import { FormMessage } from '@/components/vault/Field';
import { ProfilesSection } from '@/components/portal/ProfilesSection';
import { PlatformsSection } from '@/components/platform/PlatformsSection';
import { DeliverySection } from '@/components/delivery/DeliverySection';
import { LoginSettingsSection } from '@/components/login/LoginSettingsSection';
import { HistorySection } from '@/components/login/HistorySection';
import { PageRulesSection } from '@/components/engine/PageRulesSection';
import { ValidateAllSection } from '@/components/validation/ValidateAllSection';
import { LanguageSection } from '@/components/i18n/LanguageSection';
import { OptionsFooter } from '@/components/ship/OptionsFooter';
import '@/components/ship/ship.css';
import { useT } from '@/utils/i18n';
import { browser } from 'wxt/browser';

export function Options() {
  const t = useT();
  const status = useVault((s) => s.status);
  const busy = useVault((s) => s.busy);
  const loadError = useVault((s) => s.loadError);
  const state = status?.state;

  useEffect(() => {
    void vaultStore.getState().refresh();
  }, []);
  useStatusWatch(15_000);
  useActivityTouch(state === 'unlocked');

  return (
    <div className="options">
      <header className="topbar">
        <h1>SmartAPI Companion</h1>
        {state === 'unlocked' && (
          <button type="button" onClick={() => void vaultStore.getState().lock()} disabled={busy === 'lock'}>
            {t('popup.lock')}
          </button>
        )}
        <a href={browser.runtime.getURL('/setup.html')}>{t('options.openSetup')}</a>
      </header>
      <main>
        {loadError && <FormMessage error={loadError} />}
        {!status && !loadError && <p className="muted">{t('options.loading')}</p>}
        {state === 'none' && (
          <>
            <SetupForm busy={busy === 'create'} onCreate={(pw) => vaultStore.getState().create(pw)} />
            <section className="card">
              <ImportBackupForm
                modes={['replace']}
                title={t('options.restoreTitle')}
                note={t('options.restoreNote')}
              />
            </section>
          </>
        )}
        {state === 'locked' && (
          <section className="card" aria-labelledby="unlock-title">
            <h2 id="unlock-title">{t('options.unlockTitle')}</h2>
            <UnlockForm busy={busy === 'unlock'} onUnlock={(pw) => vaultStore.getState().unlock(pw)} />
            <details className="forgot">
              <summary>{t('options.forgot')}</summary>
              <p>{t('options.forgotText')}</p>
              <ResetForm />
            </details>
          </section>
        )}
        {state === 'corrupt' && <CorruptPanel problem={status?.problem} />}
        {state === 'unlocked' && status && (
          <>
            {status.backupReminder && <BackupReminder />}
            <AccountsSection />
            <ProfilesSection />
            <PlatformsSection />
            <LoginSettingsSection />
            <PageRulesSection />
            <ValidateAllSection />
            <DeliverySection />
            <HistorySection />
            <SettingsSection />
            <BackupSection />
            <KeptCopiesSection />
          </>
        )}
        <StoredProblemsSection />
        <LanguageSection />
      </main>
      <OptionsFooter />
    </div>
  );
}

function BackupReminder() {
  const t = useT();
  return (
    <div className="banner banner--warn" role="note" aria-label={t('options.backupReminderLabel')}>
      <p>
        <strong>{t('options.backupReminderStrong')}</strong> {t('options.backupReminderText')}
      </p>
      <a
        href="#backup"
        className="button"
        onClick={(e) => {
          e.preventDefault();
          const el = document.getElementById('backup');
          el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          el?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
        }}
      >
        {t('options.exportBackup')}
      </a>
    </div>
  );
}
