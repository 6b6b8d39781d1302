/** The organiser's setup forms: one labelled input per setting, with its error and its last value. */
import type { InputHTMLAttributes } from 'react';
import { describedBy, Field } from './field.tsx';

export type FormState = { fields?: Record<string, string>; values?: Record<string, string> };

/** A labelled input whose id and name are the setting's path (`awardRatios.first` …). */
export function Setting({ name, label, value, state, hint, ...input }: { name: string; label: string; value?: string | number | null; state?: FormState; hint?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value'>) {
  const error = state?.fields?.[name];
  const shown = state?.values?.[name] ?? (value === null || value === undefined ? '' : String(value));
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      <input id={name} name={name} defaultValue={shown} {...describedBy(name, error)} {...input} />
    </Field>
  );
}

/** A choice among fixed options, each with its words. */
export function Choice({ name, label, value, options, state, disabled }: { name: string; label: string; value?: string | number | null; options: readonly { value: string | number; label: string }[]; state?: FormState; disabled?: boolean }) {
  const error = state?.fields?.[name];
  return (
    <Field name={name} label={label} error={error}>
      <select id={name} name={name} defaultValue={state?.values?.[name] ?? (value === null || value === undefined ? '' : String(value))} disabled={disabled} {...describedBy(name, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </Field>
  );
}
