import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { AccountField, AccountInput, AccountSummary, FieldErrors, Platform } from '@/utils/vault/types';
import { describeOtpauth } from '@/utils/ui/format';
import { emptyInput, firstErrorField, inputFromSummary } from '@/utils/ui/accountForm';
import { decodeQrFile, QrError } from '@/utils/ui/qr';
import type { SaveResult } from '@/utils/ui/vaultStore';
import { CheckField, Field, FormMessage } from './Field';

const KEEP = 'Leave blank to keep the stored value.';

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

  const title = editing ? `Edit ${account!.label || 'account'}` : 'Add an account';
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
          label="Label"
          value={input.label}
          onChange={(v) => set('label', v)}
          error={errors.label}
          hint="A name you recognise, e.g. “Main account”."
          autoFocus
        />
        <Field
          id={idOf('clientCode')}
          label="Client code"
          value={input.clientCode}
          onChange={(v) => set('clientCode', v)}
          error={errors.clientCode}
          hint="Your Angel One client ID (login ID)."
          autoComplete="off"
          spellCheck={false}
        />
        <Field
          id={idOf('mpin')}
          label="MPIN"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={input.mpin}
          onChange={(v) => set('mpin', v)}
          error={errors.mpin}
          hint={editing && account!.hasMpin ? `4 digits. ${KEEP}` : '4 digits.'}
        />
        <Field
          id={idOf('apiKey')}
          label="API key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={input.apiKey}
          onChange={(v) => set('apiKey', v)}
          error={errors.apiKey}
          hint={
            editing
              ? `Stored key ends in ${account!.apiKeyLast4 || '—'}. ${KEEP}`
              : 'From Smart API → My APIs.'
          }
        />
        <Field
          id={idOf('apiSecret')}
          label="API secret (optional)"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={input.apiSecret}
          onChange={(v) => set('apiSecret', v)}
          error={errors.apiSecret}
          hint={
            editing && account!.hasApiSecret ? KEEP : 'Only needed by some tools; the logins use the API key.'
          }
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
          otpauth URI: {otp.issuer ? `${otp.issuer}, ` : ''}
          {otp.account || 'no account name'} — {otp.digits} digits, {otp.period} s, {otp.algorithm}.
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
          label="Redirect URL"
          type="url"
          value={input.redirectUrl}
          onChange={(v) => set('redirectUrl', v)}
          error={errors.redirectUrl}
          hint="Must match the app's Redirect URL on Smart API. AutoTrader Web's is filled in."
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
        label="Daily login"
        checked={input.dailyLogin}
        onChange={(v) => set('dailyLogin', v)}
        hint="Include this account in “Log in all” and the daily schedule."
      />
      <CheckField
        label="Fill automatically"
        checked={input.autoFill}
        onChange={(v) => set('autoFill', v)}
        hint="When Angel's login page opens for this account from a trusted site, fill it without a click."
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {editing ? 'Save changes' : 'Save account'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
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
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>Platform</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as Platform)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${error ? `${id}-error ` : ''}${id}-hint`}
      >
        <option value="SMART_API">SMART_API (logs in by itself)</option>
        <option value="SMART_API_M">SMART_API_M (you log in on Angel's page daily)</option>
      </select>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="field__hint">
        The login method you chose in AutoTrader Web.
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
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>Notes</label>
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
    setQrState({ kind: 'reading', text: 'Reading the QR code…' });
    try {
      const text = await decodeQrFile(file);
      onChange(text);
      const info = describeOtpauth(text);
      setQrState({
        kind: 'ok',
        text: info
          ? `QR code read${info.issuer ? ` (${info.issuer})` : ''}. Check the details, then save.`
          : 'QR code read. Check the details, then save.',
      });
    } catch (err) {
      setQrState({
        kind: 'error',
        text:
          err instanceof QrError
            ? err.message
            : 'The QR code could not be read. Type or paste the secret instead.',
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
      Type or paste the base32 key Angel shows under the QR code (spaces and lower case are fine), paste an
      otpauth:// link, or pick or drop a picture of the QR code.{keepHint ? ` ${KEEP}` : ''}
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
        label="TOTP secret"
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
              aria-label="QR code image file"
              className="visually-hidden"
              onChange={(e) => void readFile(e.target.files?.[0])}
            />
            <button type="button" onClick={() => fileRef.current?.click()} aria-controls={id}>
              Read QR image…
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
