import { useState, type FormEvent } from 'react';
import { useVault, vaultStore } from '@/utils/ui/vaultStore';
import { Field, FormMessage } from './Field';
import { ImportBackupForm } from './BackupSection';

export const RESET_WORD = 'RESET';

/** The stored vault cannot be read. Nothing is wiped: show what failed and the ways out. */
export function CorruptPanel({ problem }: { problem?: string }) {
  return (
    <>
      <section className="card card--danger" aria-labelledby="corrupt-title">
        <h2 id="corrupt-title">The vault cannot be opened</h2>
        <p role="alert">{problem ?? 'The stored vault could not be read.'}</p>
      </section>
      <section className="card">
        <ImportBackupForm
          modes={['replace']}
          title="Restore from a backup"
          note="The backup replaces the unreadable vault (a copy of it is kept), and the backup's password becomes your master password."
        />
      </section>
      <ResetForm />
    </>
  );
}

export function ResetForm() {
  const busy = useVault((s) => s.busy);
  const [word, setWord] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    if (word !== RESET_WORD) {
      setError(`Type ${RESET_WORD} in capital letters to confirm.`);
      return;
    }
    setError(undefined);
    const err = await vaultStore.getState().reset(word);
    if (err) setResult(err);
  }

  return (
    <section className="card card--danger" aria-labelledby="reset-title">
      <h2 id="reset-title">Reset the vault</h2>
      <form onSubmit={submit} noValidate>
        <p>This deletes every stored account and secret for good. Then you can create a new vault.</p>
        <Field
          label={`Type ${RESET_WORD} to confirm`}
          value={word}
          onChange={setWord}
          error={error}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="actions">
          <button type="submit" className="danger" disabled={busy === 'reset'}>
            Reset vault
          </button>
        </div>
        <FormMessage error={result} />
      </form>
    </section>
  );
}
