import { useState, type FormEvent } from 'react';
import { useVault, vaultStore } from '@/utils/ui/vaultStore';
import { Field, FormMessage } from './Field';
import { ImportBackupForm } from './BackupSection';
import { KeptCopiesSection } from './KeptCopiesSection';
import { useT } from '@/utils/i18n';

export const RESET_WORD = 'RESET';

/** The stored vault cannot be read. Nothing is wiped: show what failed and the ways out. */
export function CorruptPanel({ problem }: { problem?: string }) {
  const t = useT();
  return (
    <>
      <section className="card card--danger" aria-labelledby="corrupt-title">
        <h2 id="corrupt-title">{t('corrupt.title')}</h2>
        <p role="alert">{problem ?? t('popup.corruptFallback')}</p>
      </section>
      <section className="card">
        <ImportBackupForm
          modes={['replace']}
          title={t('corrupt.restoreTitle')}
          note={t('corrupt.restoreNote')}
        />
      </section>
      <KeptCopiesSection />
      <ResetForm />
    </>
  );
}

export function ResetForm() {
  const t = useT();
  const busy = useVault((s) => s.busy);
  const [word, setWord] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    if (word !== RESET_WORD) {
      setError(t('reset.typeWord', { word: RESET_WORD }));
      return;
    }
    setError(undefined);
    const err = await vaultStore.getState().reset(word);
    if (err) setResult(err);
  }

  return (
    <section className="card card--danger" aria-labelledby="reset-title">
      <h2 id="reset-title">{t('reset.title')}</h2>
      <form onSubmit={submit} noValidate>
        <p>{t('reset.text')}</p>
        <Field
          label={t('reset.label', { word: RESET_WORD })}
          value={word}
          onChange={setWord}
          error={error}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="actions">
          <button type="submit" className="danger" disabled={busy === 'reset'}>
            {t('reset.button')}
          </button>
        </div>
        <FormMessage error={result} />
      </form>
    </section>
  );
}
