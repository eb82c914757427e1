import { useId, useRef, useState, type FormEvent } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { BackupPreview } from '@/utils/vault/types';
import { downloadText, readTextFile } from '@/utils/ui/download';
import { checkNewPassword, safeFileName, summarizePreview } from '@/utils/ui/format';
import { messageOf, vaultStore } from '@/utils/ui/vaultStore';
import { CheckField, Field, FormMessage } from './Field';
import { StrengthMeter, Working } from './PasswordForms';

export function BackupSection() {
  return (
    <section className="card" id="backup" aria-labelledby="backup-title" tabIndex={-1}>
      <h2 id="backup-title">Backup</h2>
      <ExportBackupForm />
      <ImportBackupForm modes={['merge', 'replace']} />
      <OtpauthForms />
    </section>
  );
}

function ExportBackupForm() {
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok?: string; error?: string }>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult({});
    const found = checkNewPassword(pw, confirm);
    setErrors(found);
    if (found.password || found.confirm) return;
    setBusy(true);
    try {
      const file = await sendMessage('backup/export', { password: pw });
      downloadText(safeFileName(file.fileName, 'smartapi-companion-backup.json'), file.content);
      setPw('');
      setConfirm('');
      setResult({
        ok: `Backup saved as ${file.fileName}. Keep it somewhere safe, and remember its password.`,
      });
      await vaultStore.getState().refresh();
    } catch (err) {
      setResult({ error: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="export-title">
      <h3 id="export-title">Export an encrypted backup</h3>
      <p className="muted">
        The file is encrypted with its own password, which can differ from the master password.
      </p>
      <Field
        label="Backup password"
        type="password"
        autoComplete="new-password"
        value={pw}
        onChange={setPw}
        error={errors.password}
        hint={<StrengthMeter password={pw} />}
      />
      <Field
        label="Confirm backup password"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
        error={errors.confirm}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Export backup
        </button>
      </div>
      {busy ? <Working text="Encrypting the backup…" /> : <FormMessage ok={result.ok} error={result.error} />}
    </form>
  );
}

function PreviewList({ preview }: { preview: BackupPreview }) {
  const groups: [string, string[]][] = [
    ['Added', preview.added],
    ['Changed', preview.changed],
    ['Removed', preview.removed],
    ['Unchanged', preview.unchanged],
  ];
  return (
    <div className="preview">
      <p>
        <strong>{summarizePreview(preview)}</strong>
      </p>
      <dl>
        {groups
          .filter(([, names]) => names.length > 0)
          .map(([title, names]) => (
            <div key={title} className={`preview__group preview__group--${title.toLowerCase()}`}>
              <dt>{title}</dt>
              <dd>{names.join(', ')}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

/** Import an encrypted backup: pick, preview what changes, then apply. */
export function ImportBackupForm({
  modes,
  onImported,
  title = 'Import an encrypted backup',
  note,
}: {
  modes: ('merge' | 'replace')[];
  onImported?(): void;
  title?: string;
  note?: string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [pw, setPw] = useState('');
  const [mode, setMode] = useState<'merge' | 'replace'>(modes[0] ?? 'merge');
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [busy, setBusy] = useState<null | 'preview' | 'import'>(null);
  const [result, setResult] = useState<{ ok?: string; error?: string }>({});
  const fileId = `imp${useId()}`;
  const fileRef = useRef<HTMLInputElement>(null);

  async function request(kind: 'preview' | 'import') {
    setResult({});
    if (!file) {
      setResult({ error: 'Pick the backup file first.' });
      return;
    }
    if (!pw) {
      setResult({ error: 'Type the password you chose when you exported this backup.' });
      return;
    }
    setBusy(kind);
    try {
      const content = await readTextFile(file);
      if (kind === 'preview') {
        setPreview(await sendMessage('backup/preview', { content, password: pw, mode }));
      } else {
        const done = await sendMessage('backup/import', { content, password: pw, mode });
        setPreview(null);
        setPw('');
        setFile(null);
        if (fileRef.current) fileRef.current.value = '';
        setResult({ ok: `Import done. ${summarizePreview(done)}` });
        await vaultStore.getState().refresh();
        onImported?.();
      }
    } catch (err) {
      setResult({ error: messageOf(err) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void request('preview');
      }}
      noValidate
      aria-labelledby={`${fileId}-title`}
    >
      <h3 id={`${fileId}-title`}>{title}</h3>
      {note && <p className="muted">{note}</p>}
      <div className="field">
        <label htmlFor={fileId}>Backup file</label>
        <input
          ref={fileRef}
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPreview(null);
          }}
        />
      </div>
      <Field
        label="Password of the backup"
        type="password"
        autoComplete="off"
        value={pw}
        onChange={(v) => {
          setPw(v);
          setPreview(null);
        }}
      />
      {modes.length > 1 && (
        <fieldset className="radios">
          <legend>How to import</legend>
          <label>
            <input
              type="radio"
              name={`${fileId}-mode`}
              checked={mode === 'merge'}
              onChange={() => {
                setMode('merge');
                setPreview(null);
              }}
            />{' '}
            Merge: add new accounts and update matching ones, keep the others
          </label>
          <label>
            <input
              type="radio"
              name={`${fileId}-mode`}
              checked={mode === 'replace'}
              onChange={() => {
                setMode('replace');
                setPreview(null);
              }}
            />{' '}
            Replace: the vault's accounts become exactly those in the file
          </label>
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" disabled={busy !== null}>
          Preview import
        </button>
        {preview && (
          <button
            type="button"
            className="primary"
            onClick={() => void request('import')}
            disabled={busy !== null}
          >
            Apply import
          </button>
        )}
      </div>
      {preview && <PreviewList preview={preview} />}
      {busy ? (
        <Working text={busy === 'preview' ? 'Decrypting the backup…' : 'Importing…'} />
      ) : (
        <FormMessage ok={result.ok} error={result.error} />
      )}
    </form>
  );
}

function OtpauthForms() {
  const [exportOk, setExportOk] = useState(false);
  const [importOk, setImportOk] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok?: string; error?: string }>({});
  const [imported, setImported] = useState<BackupPreview | null>(null);
  const fileId = `otp${useId()}`;

  async function doExport() {
    setResult({});
    setImported(null);
    setBusy(true);
    try {
      const file = await sendMessage('backup/export-otpauth', { confirmUnencrypted: exportOk });
      downloadText(safeFileName(file.fileName, 'smartapi-companion-otpauth.txt'), file.content, 'text/plain');
      setResult({
        ok: `Saved ${file.fileName}. It is NOT encrypted: import it into your authenticator app, then delete it.`,
      });
    } catch (err) {
      setResult({ error: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  async function doImport() {
    setResult({});
    setImported(null);
    if (!file) {
      setResult({ error: 'Pick the otpauth list file first.' });
      return;
    }
    setBusy(true);
    try {
      const done = await sendMessage('backup/import-otpauth', { content: await readTextFile(file) });
      setImported(done);
      setResult({ ok: `Import done. ${summarizePreview(done)} Delete the unencrypted file now.` });
      await vaultStore.getState().refresh();
    } catch (err) {
      setResult({ error: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="otpauth" aria-labelledby={`${fileId}-title`} role="group">
      <h3 id={`${fileId}-title`}>Plain TOTP list (otpauth:// links)</h3>
      <p className="warning">
        This file is unencrypted: anyone who gets it can generate your TOTP codes. Use it only to move TOTP
        secrets to or from an authenticator app, and delete it afterwards. It holds no MPIN or API key.
      </p>
      <CheckField label="I understand this file is unencrypted" checked={exportOk} onChange={setExportOk} />
      <div className="actions">
        <button type="button" onClick={() => void doExport()} disabled={!exportOk || busy}>
          Export otpauth list
        </button>
      </div>
      <div className="field">
        <label htmlFor={fileId}>otpauth list file</label>
        <input
          id={fileId}
          type="file"
          accept=".txt,text/plain"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <CheckField
        label="I understand the file I import is unencrypted and I will delete it"
        checked={importOk}
        onChange={setImportOk}
      />
      <div className="actions">
        <button type="button" onClick={() => void doImport()} disabled={!importOk || busy}>
          Import otpauth list
        </button>
      </div>
      {imported && <PreviewList preview={imported} />}
      <FormMessage ok={result.ok} error={result.error} />
    </div>
  );
}
