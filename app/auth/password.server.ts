/** Password hashing with argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane). */
import { hash, verify } from '@node-rs/argon2';

// `Algorithm.Argon2id` is a const enum, which isolated modules cannot read; 2 is its value.
const ARGON2ID = 2 as const;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export { PASSWORD_MIN_LENGTH } from './password-policy.ts';

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when a username is unknown makes a miss cost what a hit costs, so the
// login's timing does not tell which usernames exist.
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy-password-never-used');
  await verifyPassword(await decoyHash, password);
  return false;
}
