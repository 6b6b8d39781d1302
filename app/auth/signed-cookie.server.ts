/**
 * Signed cookies (Remix's `createCookie`), made once per configuration, whose verified values are
 * remembered: checking a signature costs a WebCrypto HMAC, it depends only on the header and the
 * secret, and a judge's tablet sends the same header with every mark.
 */
import { createCookie, type Cookie, type CookieOptions } from '@remix-run/node';

export type SignedCookie = { cookie: Cookie; read(header: string | null): Promise<unknown> };

const REMEMBERED = 2000;

export function signedCookie(name: string, options: CookieOptions & { secrets: string[] }): SignedCookie {
  const cookie = createCookie(name, options);
  const verified = new Map<string, unknown>();
  return {
    cookie,
    async read(header) {
      if (!header) return null;
      if (verified.has(header)) return verified.get(header);
      const value = await cookie.parse(header);
      if (verified.size >= REMEMBERED) verified.delete(verified.keys().next().value!);
      verified.set(header, value);
      return value;
    },
  };
}

/** One cookie per configuration object (the server's, or a test's). */
export function perConfig<C extends object>(make: (config: C) => SignedCookie): (config: C) => SignedCookie {
  const made = new WeakMap<C, SignedCookie>();
  return (config) => {
    let found = made.get(config);
    if (!found) made.set(config, (found = make(config)));
    return found;
  };
}
