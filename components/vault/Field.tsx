import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  error?: string;
  /** Extra content after the input (e.g. buttons) inside the field's box. */
  after?: ReactNode;
  /** Announce the error at once (for forms where focus does not move to the field). */
  announce?: boolean;
}

/**
 * A labelled text input with its hint and its error beside it. The error and the hint are
 * tied to the input with aria-describedby, and aria-invalid marks the field while it is wrong.
 */
export function Field({
  label,
  value,
  onChange,
  hint,
  error,
  after,
  announce,
  id,
  className,
  ...rest
}: FieldProps) {
  const auto = useId();
  const inputId = id ?? `f${auto}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      <div className="field__row">
        <input
          id={inputId}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
        />
        {after}
      </div>
      {error && (
        <p id={errorId} className="field__error" role={announce ? 'alert' : undefined}>
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label and an optional hint. */
export function CheckField({
  label,
  checked,
  onChange,
  hint,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange(v: boolean): void;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const id = `c${useId()}`;
  return (
    <div className="field field--check">
      <div className="field__row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A status line for form-level results: errors are announced at once, successes politely. */
export function FormMessage({ error, ok }: { error?: string | null; ok?: string | null }) {
  if (error) {
    return (
      <p role="alert" className="form-message form-message--error">
        {error}
      </p>
    );
  }
  return (
    <p role="status" className="form-message form-message--ok">
      {ok ?? ''}
    </p>
  );
}
