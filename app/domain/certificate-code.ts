/**
 * Certificate verification codes: 15 random Crockford base-32 characters (75 bits, so a code
 * cannot be guessed) and one check character, so a mistyped or altered code is refused before
 * any lookup. Shape: CY-XXXX-XXXX-XXXX-XXXX. Pure: the random bytes come from the caller.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY = 15;

function checkCharacter(body: string): string {
  // Weighted sum mod 31 (a prime), which catches every single substitution and adjacent swap.
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * ALPHABET.indexOf(body[i]);
  return ALPHABET[sum % 31];
}

/** A code from at least 15 random bytes. */
export function certificateCode(random: Uint8Array): string {
  if (random.length < BODY) throw new Error('certificateCode needs 15 random bytes');
  const body = Array.from(random.subarray(0, BODY), (b) => ALPHABET[b & 31]).join('');
  const chars = body + checkCharacter(body);
  return `CY-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12)}`;
}

/** The code in its printed shape, or null when it is not one (wrong shape or check character). */
export function normalizeCertificateCode(input: string): string | null {
  // People type codes: case, spaces and the letters Crockford reads as digits are forgiven.
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const match = /^CY([0-9A-Z]{16})$/.exec(cleaned);
  if (!match) return null;
  const chars = match[1];
  if ([...chars].some((c) => !ALPHABET.includes(c))) return null;
  if (checkCharacter(chars.slice(0, BODY)) !== chars[BODY]) return null;
  return `CY-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12)}`;
}
