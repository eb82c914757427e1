import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { AccountField, AccountInput, AccountSummary, FieldErrors, Platform } from '@/utils/vault/types';
import { describeOtpauth } from '@/utils/ui/format';
import { emptyInput, firstErrorField, inputFromSummary } from '@/utils/ui/accountForm';
import { decodeQrFile, QrError } from '@/utils/ui/qr';
import type { SaveResult } from '@/utils/ui/vaultStore';
import { CheckField, Field, FormMessage } from './Field';
import { render, useT } from '@/utils/i18n';

export function AccountForm({
  account,
  onSave,
  onCancel,
  busy,
}: {
  /** The account being edited, or undefined for a new one. */
  account?: AccountSummary;
  onSave(input: AccountInput): Promise<SaveResult>;
  onCancel(): void;
  busy: boolean;
}) {
  const t = useT();
  const KEEP = t('form.keep');
  const editing = Boolean(account);
  const [input, setInput] = useState<AccountInput>(() =>
    account ? inputFromSummary(account) : emptyInput(),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const base = `acc${useId()}`;
  const idOf = (f: AccountField) => `${base}-${f}`;

  function set<K extends AccountField>(field: K, value: AccountInput[K]) {
    setInput((prev) => ({ ...prev, [field]: value }));
    // Once the user changes a wrong field, its old message no longer describes it.
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const res = await onSave(input);
    if (res.ok) return; // the parent closes the form
    // Everything typed stays in the form; only the messages change.
    setErrors(res.errors);
    setMessage(res.message);
    const first = firstErrorField(res.errors);
    if (first) document.getElementById(idOf(first))?.focus();
  }

  const title = editing
    ? t('form.editTitle', { name: account!.label || t('form.account') })
    : t('form.addTitle');
  const otp = describeOtpauth(input.totpSecret);

  return (
    <form
      ref={formRef}
      className="card account-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${base}-title`}
    >
      <h3 id={`${base}-title`}>{title}</h3>
      <div className="grid">
        <Field
          id={idOf('label')}
          label={t('form.label')}
          value={input.label}
          onChange={(v) => set('label', v)}
          error={errors.label}
          hint={t('form.labelHint')}
          autoFocus
        />
        <Field
          id={idOf('clientCode')}
          label={t('form.clientCode')}
          value={input.clientCode}
          onChange={(v) => set('clientCode', v)}
          error={errors.clientCode}
          hint={t('form.clientCodeHint')}
          autoComplete="off"
          spellCheck={false}
        />
        <Field
          id={idOf('mpin')}
          label={t('form.mpin')}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={input.mpin}
          onChange={(v) => set('mpin', v)}
          error={errors.mpin}
          hint={editing && account!.hasMpin ? t('form.mpinHintKeep', { keep: KEEP }) : t('form.mpinHint')}
        />
        <Field
          id={idOf('apiKey')}
          label={t('form.apiKey')}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={input.apiKey}
          onChange={(v) => set('apiKey', v)}
          error={errors.apiKey}
          hint={
            editing
              ? t('form.apiKeyHintKeep', { last4: account!.apiKeyLast4 || '—', keep: KEEP })
              : t('form.apiKeyHint')
          }
        />
        <Field
          id={idOf('apiSecret')}
          label={t('form.apiSecret')}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={input.apiSecret}
          onChange={(v) => set('apiSecret', v)}
          error={errors.apiSecret}
          hint={editing && account!.hasApiSecret ? KEEP : t('form.apiSecretHint')}
        />
      </div>
      <TotpSecretField
        id={idOf('totpSecret')}
        value={input.totpSecret}
        onChange={(v) => set('totpSecret', v)}
        error={errors.totpSecret}
        keepHint={editing && account!.hasTotpSecret}
      />
      {otp && (
        <p className="field__hint otp-info" aria-live="polite">
          {t('form.otpInfo', {
            issuer: otp.issuer ? `${otp.issuer}, ` : '',
            account: otp.account || t('form.noAccountName'),
            digits: otp.digits,
            period: otp.period,
            algorithm: otp.algorithm,
          })}
        </p>
      )}
      <div className="grid">
        <PlatformField
          id={idOf('platform')}
          value={input.platform}
          onChange={(v) => set('platform', v)}
          error={errors.platform}
        />
        <Field
          id={idOf('redirectUrl')}
          label={t('form.redirect')}
          type="url"
          value={input.redirectUrl}
          onChange={(v) => set('redirectUrl', v)}
          error={errors.redirectUrl}
          hint={t('form.redirectHint')}
          spellCheck={false}
        />
      </div>
      <NotesField
        id={idOf('notes')}
        value={input.notes}
        onChange={(v) => set('notes', v)}
        error={errors.notes}
      />
      <CheckField
        label={t('form.dailyLogin')}
        checked={input.dailyLogin}
        onChange={(v) => set('dailyLogin', v)}
        hint={t('form.dailyLoginHint')}
      />
      <CheckField
        label={t('form.autoFill')}
        checked={input.autoFill}
        onChange={(v) => set('autoFill', v)}
        hint={t('form.autoFillHint')}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {editing ? t('form.saveChanges') : t('form.saveAccount')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
      <FormMessage error={message} />
    </form>
  );
}

function PlatformField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: Platform;
  onChange(v: Platform): void;
  error?: string;
}) {
  const t = useT();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{t('form.platform')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as Platform)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${error ? `${id}-error ` : ''}${id}-hint`}
      >
        <option value="SMART_API">{t('form.platformSmart')}</option>
        <option value="SMART_API_M">{t('form.platformSmartM')}</option>
      </select>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="field__hint">
        {t('form.platformHint')}
      </p>
    </div>
  );
}

function NotesField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange(v: string): void;
  error?: string;
}) {
  const t = useT();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{t('form.notes')}</label>
      <textarea
        id={id}
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** TOTP secret: type or paste base32 or an otpauth:// URI, or pick or drop a QR image. */
function TotpSecretField({
  id,
  value,
  onChange,
  error,
  keepHint,
}: {
  id: string;
  value: string;
  onChange(v: string): void;
  error?: string;
  keepHint: boolean;
}) {
  const t = useT();
  const [qrState, setQrState] = useState<{ kind: 'idle' | 'reading' | 'ok' | 'error'; text?: string }>({
    kind: 'idle',
  });
  const [dragging, setDragging] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = `${id}-file`;

  useEffect(() => {
    if (qrState.kind === 'ok' && !value) setQrState({ kind: 'idle' });
  }, [value, qrState.kind]);

  async function readFile(file: File | undefined) {
    if (!file) return;
    setQrState({ kind: 'reading', text: t('form.qrReading') });
    try {
      const text = await decodeQrFile(file);
      onChange(text);
      const info = describeOtpauth(text);
      setQrState({
        kind: 'ok',
        text: info?.issuer ? t('form.qrReadFrom', { issuer: info.issuer }) : t('form.qrRead'),
      });
    } catch (err) {
      setQrState({
        kind: 'error',
        text: err instanceof QrError ? render(err.msg, t) : t('form.qrFailed'),
      });
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void readFile(e.dataTransfer.files[0]);
  }

  const hint = (
    <>
      {t('form.totpHint')}
      {keepHint ? ` ${t('form.keep')}` : ''}
    </>
  );

  return (
    <div
      className={`dropzone${dragging ? ' dropzone--active' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Field
        id={id}
        label={t('form.totp')}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={onChange}
        error={error}
        hint={hint}
        after={
          <>
            <input
              ref={fileRef}
              id={fileId}
              type="file"
              accept="image/*"
              tabIndex={-1}
              aria-label={t('form.qrFile')}
              className="visually-hidden"
              onChange={(e) => void readFile(e.target.files?.[0])}
            />
            <button type="button" onClick={() => fileRef.current?.click()} aria-controls={id}>
              {t('form.qrButton')}
            </button>
          </>
        }
      />
      <p
        role={qrState.kind === 'error' ? 'alert' : 'status'}
        className={qrState.kind === 'error' ? 'field__error' : 'field__hint'}
      >
        {qrState.text ?? ''}
      </p>
    </div>
  );
}
