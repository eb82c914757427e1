import { passwordStrength } from '@/utils/ui/format';
import { Field, type FieldProps } from './Field';
import { useT } from '@/utils/i18n';

export function StrengthMeter({ password, id }: { password: string; id?: string }) {
  const t = useT();
  const s = passwordStrength(password);
  return (
    <span className="strength" id={id}>
      <meter
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={s.level}
        aria-label={t('pwf.strength')}
        aria-valuetext={s.label}
      />
      <span className={`strength__text strength--${s.level}`}>{s.hint}</span>
    </span>
  );
}

/** A labelled password input; `autoComplete` says which password it is, for password managers. */
export function PasswordField(
  props: Omit<FieldProps, 'type' | 'autoComplete'> & {
    autoComplete: 'current-password' | 'new-password' | 'off';
  },
) {
  return <Field type="password" {...props} />;
}

/**
 * A new password and its confirmation: the strength meter under the first, each field with
 * its own error (as `checkNewPassword` returns them).
 */
export function NewPasswordFields({
  label,
  confirmLabel,
  password,
  confirm,
  onPasswordChange,
  onConfirmChange,
  errors,
  autoFocus,
}: {
  label: string;
  confirmLabel: string;
  password: string;
  confirm: string;
  onPasswordChange(value: string): void;
  onConfirmChange(value: string): void;
  errors: { password?: string; confirm?: string };
  autoFocus?: boolean;
}) {
  return (
    <>
      <PasswordField
        label={label}
        autoComplete="new-password"
        value={password}
        onChange={onPasswordChange}
        error={errors.password}
        hint={<StrengthMeter password={password} />}
        autoFocus={autoFocus}
      />
      <PasswordField
        label={confirmLabel}
        autoComplete="new-password"
        value={confirm}
        onChange={onConfirmChange}
        error={errors.confirm}
      />
    </>
  );
}
