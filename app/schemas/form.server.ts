/**
 * A JSON schema, read from an HTML form. A form sends only text, so each field is turned into
 * what the schema expects — a number, a boolean (a checkbox is "on" or absent), null for a blank
 * nullable field, a list for checkboxes — and then the one schema checks it, as it checks JSON.
 * The API stays strict (no coercion of JSON); only forms are read this way.
 */
import type { z } from 'zod';
import { z as zod } from './zod.server.ts';

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The kind a field finally is, and whether blank means null. */
function kindOf(schema: z.ZodType): { type: string; nullable: boolean; def: Def } {
  let def = defOf(schema);
  let nullable = false;
  for (;;) {
    if (def.type === 'nullable') nullable = true;
    if (['optional', 'nonoptional', 'nullable', 'default', 'prefault'].includes(def.type)) def = defOf(def.innerType!);
    else if (def.type === 'pipe') def = defOf(def.in!);
    else return { type: def.type, nullable, def };
  }
}

function convert(schema: z.ZodType, raw: unknown): unknown {
  const { type, nullable, def } = kindOf(schema);
  // One form of several (a discriminated union): the option its `intent` names.
  if (type === 'union' && raw && typeof raw === 'object') {
    const intent = (raw as Record<string, unknown>).intent;
    const option = (def as Def & { options: z.ZodType[] }).options.find((o) => defOf(defOf(o).shape!.intent as z.ZodType) && (defOf(defOf(o).shape!.intent as z.ZodType) as Def & { values?: unknown[] }).values?.includes(intent));
    return option ? convert(option, raw) : raw;
  }
  if (type === 'boolean') return raw === 'on' || raw === 'true' || raw === true;
  // A group of checkboxes with none ticked sends nothing: an empty list.
  if (type === 'array' && (raw === undefined || raw === '')) return [];
  if (raw === '' || raw === undefined) return nullable ? null : undefined;
  // A datetime-local input says a moment in Beijing time, without its offset (for an ISO moment field).
  if (type === 'string' && typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(raw)) return `${raw}:00+08:00`;
  if (type === 'number') return typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  if (type === 'array') return (Array.isArray(raw) ? raw : [raw]).map((item) => convert(def.element!, item));
  if (type === 'object' && raw && typeof raw === 'object') {
    // A field the form did not send stays absent (so that defaults and partial changes apply).
    const entries = Object.entries(def.shape!).map(([key, field]) => [key, convert(field, (raw as Record<string, unknown>)[key])] as const);
    return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  }
  return raw;
}

export function fromForm<S extends z.ZodType>(schema: S) {
  return zod.preprocess((raw) => convert(schema, raw), schema);
}
