/** Inputs about accounts and sessions: one schema serves the form, the action and the API. */
import { z } from './zod.server.ts';
import { ACCOUNT_ROLES } from '#app/domain/roles.ts';
import { PASSWORD_MIN_LENGTH } from '#app/auth/password-policy.ts';
import { optionalId, optionalPhone, optionalText, requiredText } from './common.server.ts';

export const username = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, '只能包含字母、数字、点、下划线和连字符 (letters, digits, . _ - only)');

export const newPassword = z.string().min(PASSWORD_MIN_LENGTH, 'errors.password_too_short').max(200);

export const loginInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginInput>;

const createAccountFields = z.object({
  role: z.enum(ACCOUNT_ROLES),
  username,
  displayName: requiredText(60),
  password: newPassword,
  schoolId: optionalId,
  affiliation: optionalText(100),
  affiliationSchoolId: optionalId,
  title: optionalText(40),
  phone: optionalPhone,
});
/** Said with the other field errors at once; the model refuses it too (errors.school_required). */
const schoolRequired = (v: { role: string; schoolId?: number }, ctx: z.RefinementCtx) => {
  if (v.role === 'school' && !v.schoolId) ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'errors.school_required' });
};
export const createAccountInput = createAccountFields.superRefine(schoolRequired);
export type CreateAccountInput = z.infer<typeof createAccountInput>;

export const resetPasswordInput = z.object({ userId: z.coerce.number().int().positive(), password: newPassword });

/** The first administrator of a fresh install (/setup and `npm run setup`). */
export const setupInput = z
  .object({ username, displayName: requiredText(60), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'errors.password_mismatch' });

export const changePasswordInput = z
  .object({ current: z.string().min(1).max(200), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'errors.password_mismatch' });

export const issueTokenInput = z.object({
  userId: z.coerce.number().int().positive(),
  name: requiredText(60),
  expiresInDays: z.coerce.number().int().min(1).max(730).default(90),
});

/** Every form of the accounts page, one schema: the `intent` says which. */
export const accountDeskInput = z.discriminatedUnion('intent', [
  createAccountFields.extend({ intent: z.literal('create') }).superRefine(schoolRequired),
  resetPasswordInput.extend({ intent: z.literal('reset') }),
  issueTokenInput.extend({ intent: z.literal('token') }),
]);
