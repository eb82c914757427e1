import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging';
import type { BackupPreview } from '@/utils/vault/types';
import { downloadText, readTextFile } from '@/utils/ui/download';
import { checkNewPassword, safeFileName, summarizePreview } from '@/utils/ui/format';
import { messageOf, vaultStore } from '@/utils/ui/vaultStore';
import { CheckField, FormMessage } from './Field';
import { Working } from './PasswordForms';
import { NewPasswordFields, PasswordField } from './PasswordField';
import { useT } from '@/utils/i18n';

/**
 * A restore on first run replaces the restore form with the unlocked page as soon as it is
 * done: what the user still has to do (grant webhook sites) is carried over to this section.
 */
let carriedRestore: { ok: string; needsAccess: string[] } | null = null;

export function BackupSection() {
  const t = useT();
  const [carried] = useState(() => carriedRestore);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    carriedRestore = null;
    if (carried) ref.current?.scrollIntoView({ block: 'center' });
  }, [carried]);
  return (
    <section className="card" id="backup" aria-labelledby="backup-title" tabIndex={-1}>
      <h2 id="backup-title">{t('bk.title')}</h2>
      {carried && (
        <div ref={ref}>
          <FormMessage ok={carried.ok} />
          {carried.needsAccess.length > 0 && <SiteAccessPrompt patterns={carried.needsAccess} />}
        </div>
      )}
      <ExportBackupForm />
      <ImportBackupForm modes={['merge', 'replace']} />
      <OtpauthForms />
    </section>
  );
}

/** Runs `fn` with `busy` set; a failure becomes the form's error message. */
async function whileBusy(
  setBusy: (busy: boolean) => void,
  setResult: (result: { error: string }) => void,
  fn: () => Promise<void>,
) {
  setBusy(true);
  try {
    await fn();
  } catch (err) {
    setResult({ error: messageOf(err) });
  } finally {
    setBusy(false);
  }
}

function ExportBackupForm() {
  const t = useT();
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
    await whileBusy(setBusy, setResult, async () => {
      const file = await sendMessage('backup/export', { password: pw });
      downloadText(safeFileName(file.fileName, 'smartapi-companion-backup.json'), file.content);
      setPw('');
      setConfirm('');
      setResult({
        ok: t('bk.saved', { file: file.fileName }),
      });
      await vaultStore.getState().refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="export-title">
      <h3 id="export-title">{t('bk.exportTitle')}</h3>
      <p className="muted">{t('bk.exportNote')}</p>
      <NewPasswordFields
        label={t('bk.password')}
        confirmLabel={t('bk.confirm')}
        password={pw}
        confirm={confirm}
        onPasswordChange={setPw}
        onConfirmChange={setConfirm}
        errors={errors}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('bk.export')}
        </button>
      </div>
      {busy ? <Working text={t('bk.encrypting')} /> : <FormMessage ok={result.ok} error={result.error} />}
    </form>
  );
}

function PreviewList({ preview }: { preview: BackupPreview }) {
  const t = useT();
  const groups: [string, string, string[]][] = [
    ['added', t('bk.added'), preview.added],
    ['changed', t('bk.changed'), preview.changed],
    ['removed', t('bk.removed'), preview.removed],
    ['unchanged', t('bk.unchanged'), preview.unchanged],
  ];
  return (
    <div className="preview">
      <p>
        <strong>{summarizePreview(preview)}</strong>
      </p>
      <dl>
        {groups
          .filter(([, , names]) => names.length > 0)
          .map(([kind, title, names]) => (
            <div key={kind} className={`preview__group preview__group--${kind}`}>
              <dt>{title}</dt>
              <dd>{names.join(', ')}</dd>
            </div>
          ))}
      </dl>
      {preview.groups && preview.groups.length > 0 && (
        <>
          <p>
            <strong>{t('bkg.setupTitle')}</strong>
          </p>
          <ul className="preview__setup">
            {preview.groups.map((g) => (
              <li key={g.id} data-group={g.id}>
                {t('bkg.line', { group: t(`bkg.g.${g.id}`), n: g.count, action: t(`bkg.a.${g.action}`) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** After a restore: webhook sites whose access the browser did not keep, with a button to grant it. */
function SiteAccessPrompt({ patterns }: { patterns: string[] }) {
  const t = useT();
  const [result, setResult] = useState<{ ok?: string; error?: string }>({});
  const sites = patterns.map((p) => p.replace(/\/\*$/, ''));
  function grant() {
    // Asked straight from the click: browsers allow the permission prompt only there.
    browser.permissions.request({ origins: patterns }).then(
      (granted) => {
        setResult(granted ? { ok: t('bkg.granted') } : { error: t('bkg.notGranted') });
      },
      (err: unknown) => setResult({ error: messageOf(err) }),
    );
  }
  return (
    <div className="site-access" role="group" aria-label={t('bkg.grant')}>
      <p className="warning">{t('bkg.siteAccess', { n: patterns.length, sites: sites.join(', ') })}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={grant}>
          {t('bkg.grant')}
        </button>
      </div>
      <FormMessage ok={result.ok} error={result.error} />
    </div>
  );
}

/** Import an encrypted backup: pick, preview what changes, then apply. */
export function ImportBackupForm({
  modes,
  onImported,
  title,
  note,
}: {
  modes: ('merge' | 'replace')[];
  onImported?(): void;
  title?: string;
  note?: string;
}) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [pw, setPw] = useState('');
  const [mode, setMode] = useState<'merge' | 'replace'>(modes[0] ?? 'merge');
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [busy, setBusy] = useState<null | 'preview' | 'import'>(null);
  const [result, setResult] = useState<{ ok?: string; error?: string }>({});
  const [needsAccess, setNeedsAccess] = useState<string[]>([]);
  const fileId = `imp${useId()}`;
  const fileRef = useRef<HTMLInputElement>(null);

  async function request(kind: 'preview' | 'import') {
    setResult({});
    setNeedsAccess([]);
    if (!file) {
      setResult({ error: t('bk.pickFirst') });
      return;
    }
    if (!pw) {
      setResult({ error: t('bk.typePassword') });
      return;
    }
    await whileBusy(
      (on) => setBusy(on ? kind : null),
      setResult,
      async () => {
        const content = await readTextFile(file, t('bk.fileTooLarge'));
        if (kind === 'preview') {
          setPreview(await sendMessage('backup/preview', { content, password: pw, mode }));
        } else {
          const done = await sendMessage('backup/import', { content, password: pw, mode });
          setPreview(null);
          setPw('');
          setFile(null);
          if (fileRef.current) fileRef.current.value = '';
          const ok = t('bk.importDone', { summary: summarizePreview(done) });
          setResult({ ok });
          setNeedsAccess(done.needsSiteAccess ?? []);
          // The first-run restore form goes away once the vault is open: carry the rest over.
          if (!modes.includes('merge')) carriedRestore = { ok, needsAccess: done.needsSiteAccess ?? [] };
          await vaultStore.getState().refresh();
          onImported?.();
        }
      },
    );
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
      <h3 id={`${fileId}-title`}>{title ?? t('bk.importTitle')}</h3>
      {note && <p className="muted">{note}</p>}
      <div className="field">
        <label htmlFor={fileId}>{t('bk.file')}</label>
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
      <PasswordField
        label={t('bk.filePassword')}
        autoComplete="off"
        value={pw}
        onChange={(v) => {
          setPw(v);
          setPreview(null);
        }}
      />
      {modes.length > 1 && (
        <fieldset className="radios">
          <legend>{t('bk.how')}</legend>
          {(['merge', 'replace'] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name={`${fileId}-mode`}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  setPreview(null);
                }}
              />{' '}
              {m === 'merge' ? t('bk.merge') : t('bk.replace')}
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" disabled={busy !== null}>
          {t('bk.preview')}
        </button>
        {preview && (
          <button
            type="button"
            className="primary"
            onClick={() => void request('import')}
            disabled={busy !== null}
          >
            {t('bk.apply')}
          </button>
        )}
      </div>
      {preview && <PreviewList preview={preview} />}
      {busy ? (
        <Working text={busy === 'preview' ? t('bk.decrypting') : t('bk.importing')} />
      ) : (
        <FormMessage ok={result.ok} error={result.error} />
      )}
      {needsAccess.length > 0 && <SiteAccessPrompt patterns={needsAccess} />}
    </form>
  );
}

function OtpauthForms() {
  const t = useT();
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
    await whileBusy(setBusy, setResult, async () => {
      const file = await sendMessage('backup/export-otpauth', { confirmUnencrypted: exportOk });
      downloadText(safeFileName(file.fileName, 'smartapi-companion-otpauth.txt'), file.content, 'text/plain');
      setResult({
        ok: t('otp.saved', { file: file.fileName }),
      });
    });
  }

  async function doImport() {
    setResult({});
    setImported(null);
    if (!file) {
      setResult({ error: t('otp.pickFirst') });
      return;
    }
    await whileBusy(setBusy, setResult, async () => {
      const done = await sendMessage('backup/import-otpauth', {
        content: await readTextFile(file, t('bk.fileTooLarge')),
      });
      setImported(done);
      setResult({ ok: t('otp.importDone', { summary: summarizePreview(done) }) });
      await vaultStore.getState().refresh();
    });
  }

  return (
    <div className="otpauth" aria-labelledby={`${fileId}-title`} role="group">
      <h3 id={`${fileId}-title`}>{t('otp.title')}</h3>
      <p className="warning">{t('otp.warning')}</p>
      <CheckField label={t('otp.understandExport')} checked={exportOk} onChange={setExportOk} />
      <div className="actions">
        <button type="button" onClick={() => void doExport()} disabled={!exportOk || busy}>
          {t('otp.export')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={fileId}>{t('otp.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".txt,text/plain"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <CheckField label={t('otp.understandImport')} checked={importOk} onChange={setImportOk} />
      <div className="actions">
        <button type="button" onClick={() => void doImport()} disabled={!importOk || busy}>
          {t('otp.import')}
        </button>
      </div>
      {imported && <PreviewList preview={imported} />}
      <FormMessage ok={result.ok} error={result.error} />
    </div>
  );
}
