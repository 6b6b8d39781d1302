/**
 * One-time passwords for accounts the organiser creates in bulk (schools, judges): random, shown
 * once in the accounts sheet, and changed at first login. Ten characters from 57 unambiguous
 * ones (no 0/O, 1/l/I) carry about 58 bits: guessing one is out of reach whatever the hash cost,
 * so they are hashed with a light argon2id (4 MiB, 1 pass) — a 3,000-judge import takes seconds,
 * not minutes. A password a person chooses is hashed at full cost (password.server.ts).
 */
import { randomInt } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { JobReport } from '#app/jobs/jobs.server.ts';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LIGHT = { algorithm: 2 as const, memoryCost: 4096, timeCost: 1, parallelism: 1 };

export function generateOneTimePassword(length = 10): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export function hashOneTimePassword(password: string): Promise<string> {
  return hash(password, LIGHT);
}

/** Every password of an import, hashed on libuv's threads; `report` hears each one done. */
export function hashOneTimePasswords(passwords: readonly string[], report?: JobReport): Promise<string[]> {
  let done = 0;
  const total = passwords.length;
  report?.({ stage: 'accounts', done, total });
  return Promise.all(
    passwords.map(async (password) => {
      const hashed = await hashOneTimePassword(password);
      report?.({ stage: 'accounts', done: ++done, total });
      return hashed;
    }),
  );
}
