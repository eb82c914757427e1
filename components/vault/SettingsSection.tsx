import { useState, type FormEvent } from 'react';
import { useVault, vaultStore } from '@/utils/ui/vaultStore';
import { CheckField, Field, FormMessage } from './Field';
import { checkNewPassword, DEFAULT_AUTO_LOCK_MINUTES, parseMinutes } from '@/utils/ui/format';
import { StrengthMeter, Working } from './PasswordForms';

export function SettingsSection() {
  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">Security</h2>
      <AutoLockForm />
      <ChangePasswordForm />
    </section>
  );
}

function AutoLockForm() {
  const status = useVault((s) => s.status);
  const busy = useVault((s) => s.busy);
  const current = status?.autoLockMinutes;
  const [never, setNever] = useState(current === null);
  const [minutes, setMinutes] = useState(String(current ?? DEFAULT_AUTO_LOCK_MINUTES));
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<{ ok?: string; error?: string }>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult({});
    let value: number | null = null;
    if (!never) {
      const parsed = parseMinutes(minutes);
      if (typeof parsed === 'string') {
        setError(parsed);
        return;
      }
      value = parsed;
    }
    setError(undefined);
    const err = await vaultStore.getState().setAutoLock(value);
    setResult(
      err
        ? { error: err }
        : {
            ok:
              value === null
                ? 'Saved: the vault no longer locks by itself.'
                : `Saved: the vault locks after ${value} idle minutes.`,
          },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="autolock-title">
      <h3 id="autolock-title">Auto-lock</h3>
      <p className="muted">The vault also locks when the browser restarts and when the computer locks.</p>
      <Field
        label="Lock after this many idle minutes"
        type="text"
        inputMode="numeric"
        value={minutes}
        onChange={setMinutes}
        disabled={never}
        error={error}
        hint={`Default ${DEFAULT_AUTO_LOCK_MINUTES}.`}
      />
      <CheckField label="Never auto-lock" checked={never} onChange={setNever} />
      {never && (
        <p className="warning" role="note">
          Warning: with auto-lock off, anyone who uses this browser profile can read your TOTP codes and log
          in to your Angel accounts until you press Lock or restart the browser.
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy === 'settings'}>
          Save auto-lock
        </button>
      </div>
      <FormMessage ok={result.ok} error={result.error} />
    </form>
  );
}

function ChangePasswordForm() {
  const busy = useVault((s) => s.busy);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ current?: string; password?: string; confirm?: string }>({});
  const [result, setResult] = useState<{ ok?: string; error?: string }>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult({});
    const found: typeof errors = checkNewPassword(next, confirm);
    if (!current) found.current = 'Type your current master password.';
    setErrors(found);
    if (found.current || found.password || found.confirm) return;
    const err = await vaultStore.getState().changePassword(current, next);
    if (err) {
      setResult({ error: err });
      return;
    }
    setCurrent('');
    setNext('');
    setConfirm('');
    setResult({
      ok: 'Master password changed. Use the new one from now on; backups keep their own password.',
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="changepw-title">
      <h3 id="changepw-title">Change master password</h3>
      <Field
        label="Current master password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={errors.current}
      />
      <Field
        label="New master password"
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        error={errors.password}
        hint={<StrengthMeter password={next} />}
      />
      <Field
        label="Confirm new master password"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
        error={errors.confirm}
      />
      <div className="actions">
        <button type="submit" disabled={busy === 'password'}>
          Change master password
        </button>
      </div>
      {busy === 'password' ? (
        <Working text="Changing the master password…" />
      ) : (
        <FormMessage ok={result.ok} error={result.error} />
      )}
    </form>
  );
}
