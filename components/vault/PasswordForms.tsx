import { useState, type FormEvent } from 'react';
import { checkNewPassword } from '@/utils/ui/format';
import { FormMessage } from './Field';
import { NewPasswordFields, PasswordField } from './PasswordField';
import { useT } from '@/utils/i18n';

/** Indeterminate progress while the key is derived (0.2-1 s). */
export function Working({ text }: { text: string }) {
  return (
    <div className="working" role="status">
      <progress aria-label={text} />
      <span>{text}</span>
    </div>
  );
}

export function SetupForm({
  onCreate,
  busy,
}: {
  onCreate(pw: string): Promise<string | null>;
  busy: boolean;
}) {
  const t = useT();
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = checkNewPassword(pw, confirm);
    setErrors(found);
    setError(null);
    if (found.password || found.confirm) return;
    const err = await onCreate(pw);
    if (err) setError(err);
  }

  return (
    <section className="card" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('pwf.createTitle')}</h2>
      <p>{t('pwf.createText')}</p>
      <form onSubmit={submit} noValidate>
        <NewPasswordFields
          label={t('pwf.master')}
          confirmLabel={t('pwf.confirm')}
          password={pw}
          confirm={confirm}
          onPasswordChange={setPw}
          onConfirmChange={setConfirm}
          errors={errors}
          autoFocus
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('pwf.create')}
          </button>
        </div>
        {busy ? <Working text={t('pwf.creating')} /> : <FormMessage error={error} />}
      </form>
    </section>
  );
}

export function UnlockForm({
  onUnlock,
  busy,
  compact = false,
}: {
  onUnlock(pw: string): Promise<string | null>;
  busy: boolean;
  compact?: boolean;
}) {
  const t = useT();
  const [pw, setPw] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!pw) {
      setError(t('pwf.typeFirst'));
      return;
    }
    const err = await onUnlock(pw);
    if (err) {
      setError(err);
      setPw('');
    }
  }

  return (
    <form
      onSubmit={submit}
      className={compact ? 'unlock unlock--compact' : 'unlock'}
      aria-label={t('pwf.unlockForm')}
      noValidate
    >
      <PasswordField
        label={t('pwf.master')}
        autoComplete="current-password"
        value={pw}
        onChange={setPw}
        error={error ?? undefined}
        announce
        autoFocus
        after={
          <button type="submit" className="primary" disabled={busy}>
            {t('pwf.unlock')}
          </button>
        }
      />
      {busy && <Working text={t('pwf.unlocking')} />}
    </form>
  );
}
