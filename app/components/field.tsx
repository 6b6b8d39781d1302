import type { ReactNode } from 'react';

/** A labelled input with its error, wired for screen readers. */
export function Field({
  name,
  label,
  error,
  children,
  hint,
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children?: ReactNode;
}) {
  const errorId = `${name}-error`;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {children}
      {hint ? <small className="hint">{hint}</small> : null}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Props an input needs to point at its error. */
export function describedBy(name: string, error?: string) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': `${name}-error` } : {};
}

export function FormMessage({ error, success }: { error?: string | null; success?: string | null }) {
  if (error) return <p className="notice notice-error" role="alert">{error}</p>;
  if (success) return <p className="notice notice-success" role="status">{success}</p>;
  return null;
}

/** A new password and its confirmation, as every form that sets one asks for them. */
export function NewPasswordFields({ fields, labels }: { fields?: Record<string, string>; labels: { password: string; confirm: string } }) {
  return (
    <>
      <Field name="password" label={labels.password} error={fields?.password}>
        <input id="password" name="password" type="password" autoComplete="new-password" minLength={8} required {...describedBy('password', fields?.password)} />
      </Field>
      <Field name="confirm" label={labels.confirm} error={fields?.confirm}>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" minLength={8} required {...describedBy('confirm', fields?.confirm)} />
      </Field>
    </>
  );
}
