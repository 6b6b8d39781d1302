/**
 * The organiser's setup forms: one labelled input per setting, with its error and its last value.
 * Several forms share a page (a year's settings, a division, a venue, an event), so each input's id
 * carries its form's prefix: labels and errors always point at the right field.
 */
import type { InputHTMLAttributes } from 'react';
import { describedBy, Field } from './field.tsx';

export type FormState = { fields?: Record<string, string>; values?: Record<string, string> };
type Common = { name: string; label: string; value?: string | number | null; state?: FormState; prefix?: string };

const idOf = (prefix: string | undefined, name: string) => (prefix ? `${prefix}-${name}` : name).replace(/\./g, '-');
const shownValue = (name: string, value: Common['value'], state?: FormState) => state?.values?.[name] ?? (value === null || value === undefined ? '' : String(value));

/** A labelled input whose name is the setting's path (`awardRatios.first` …). */
export function Setting({ name, label, value, state, prefix, hint, ...input }: Common & { hint?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value'>) {
  const error = state?.fields?.[name];
  const id = idOf(prefix, name);
  return (
    <Field name={id} label={label} error={error} hint={hint}>
      <input id={id} name={name} defaultValue={shownValue(name, value, state)} {...describedBy(id, error)} {...input} />
    </Field>
  );
}

/** A choice among fixed options, each with its words. */
export function Choice({ name, label, value, options, state, prefix, disabled }: Common & { options: readonly { value: string | number; label: string }[]; disabled?: boolean }) {
  const error = state?.fields?.[name];
  const id = idOf(prefix, name);
  return (
    <Field name={id} label={label} error={error}>
      <select id={id} name={name} defaultValue={shownValue(name, value, state)} disabled={disabled} {...describedBy(id, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </Field>
  );
}
