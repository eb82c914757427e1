import { useEffect } from 'react';
import { useVault, vaultStore } from '@/utils/ui/vaultStore';
import { useActivityTouch, useStatusWatch } from '@/utils/ui/hooks';
import { SetupForm, UnlockForm } from '@/components/vault/PasswordForms';
import { CorruptPanel, ResetForm } from '@/components/vault/CorruptPanel';
import { AccountsSection } from '@/components/vault/AccountsSection';
import { SettingsSection } from '@/components/vault/SettingsSection';
import { BackupSection, ImportBackupForm } from '@/components/vault/BackupSection';
import { FormMessage } from '@/components/vault/Field';
import { ProfilesSection } from '@/components/portal/ProfilesSection';
import { DeliverySection } from '@/components/delivery/DeliverySection';
import { LoginSettingsSection } from '@/components/login/LoginSettingsSection';
import { ValidateAllSection } from '@/components/validation/ValidateAllSection';

export function Options() {
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
            Lock
          </button>
        )}
      </header>
      <main>
        {loadError && <FormMessage error={loadError} />}
        {!status && !loadError && <p className="muted">Loading…</p>}
        {state === 'none' && (
          <>
            <SetupForm busy={busy === 'create'} onCreate={(pw) => vaultStore.getState().create(pw)} />
            <section className="card">
              <ImportBackupForm
                modes={['replace']}
                title="Or restore from a backup"
                note="Moving to a new computer? Import the encrypted backup you exported; its password becomes your master password."
              />
            </section>
          </>
        )}
        {state === 'locked' && (
          <section className="card" aria-labelledby="unlock-title">
            <h2 id="unlock-title">Unlock the vault</h2>
            <UnlockForm busy={busy === 'unlock'} onUnlock={(pw) => vaultStore.getState().unlock(pw)} />
            <details className="forgot">
              <summary>Forgot the master password?</summary>
              <p>
                Nobody can recover it. You can reset the vault and start again: add your accounts anew, or
                restore a backup you exported (with that backup's password) once the vault is reset.
              </p>
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
            <LoginSettingsSection />
            <ValidateAllSection />
            <DeliverySection />
            <SettingsSection />
            <BackupSection />
          </>
        )}
      </main>
    </div>
  );
}

function BackupReminder() {
  return (
    <div className="banner banner--warn" role="note" aria-label="Backup reminder">
      <p>
        <strong>No backup yet.</strong> If this browser profile is lost, your stored accounts are lost with
        it. Export an encrypted backup and keep the file somewhere safe.
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
        Export a backup
      </a>
    </div>
  );
}
