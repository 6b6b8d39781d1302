/**
 * Passwords too common to allow: the list that zxcvbn-ts keeps of passwords seen most often in
 * leaks (about 49,000, `12345678` and `password1` among them). Read once, on first use.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'] as string[]);
  const plain = password.trim().toLowerCase();
  return common.has(plain);
}
