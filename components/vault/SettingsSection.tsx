import { useState, type FormEvent } from 'react';
import { useVault, vaultStore } from '@/utils/ui/vaultStore';
import { CheckField, Field, FormMessage } from './Field';
import { checkNewPassword, DEFAULT_AUTO_LOCK_MINUTES, parseMinutes } from '@/utils/ui/format';
import { Working } from './PasswordForms';
import { NewPasswordFields, PasswordField } from './PasswordField';
import { useT } from '@/utils/i18n';

export function SettingsSection() {
  const t = useT();
  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('sec.title')}</h2>
      <AutoLockForm />
      <ChangePasswordForm />
    </section>
  );
}

function AutoLockForm() {
  const t = useT();
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
            ok: value === null ? t('sec.savedNever') : t('sec.savedMinutes', { n: value }),
          },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="autolock-title">
      <h3 id="autolock-title">{t('sec.autoLock')}</h3>
      <p className="muted">{t('sec.autoLockNote')}</p>
      <Field
        label={t('sec.minutes')}
        type="text"
        inputMode="numeric"
        value={minutes}
        onChange={setMinutes}
        disabled={never}
        error={error}
        hint={t('sec.default', { n: DEFAULT_AUTO_LOCK_MINUTES })}
      />
      <CheckField label={t('sec.never')} checked={never} onChange={setNever} />
      {never && (
        <p className="warning" role="note">
          {t('sec.neverWarning')}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy === 'settings'}>
          {t('sec.saveAutoLock')}
        </button>
      </div>
      <FormMessage ok={result.ok} error={result.error} />
    </form>
  );
}

function ChangePasswordForm() {
  const t = useT();
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
    if (!current) found.current = t('sec.typeCurrent');
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
      ok: t('sec.changed'),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="changepw-title">
      <h3 id="changepw-title">{t('sec.changeTitle')}</h3>
      <PasswordField
        label={t('sec.current')}
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={errors.current}
      />
      <NewPasswordFields
        label={t('sec.new')}
        confirmLabel={t('sec.confirmNew')}
        password={next}
        confirm={confirm}
        onPasswordChange={setNext}
        onConfirmChange={setConfirm}
        errors={errors}
      />
      <div className="actions">
        <button type="submit" disabled={busy === 'password'}>
          {t('sec.changeTitle')}
        </button>
      </div>
      {busy === 'password' ? (
        <Working text={t('sec.changing')} />
      ) : (
        <FormMessage ok={result.ok} error={result.error} />
      )}
    </form>
  );
}
