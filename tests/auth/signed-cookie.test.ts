import { describe, expect, it } from 'vitest';
import { perConfig, signedCookie } from '#app/auth/signed-cookie.server.ts';

describe('signed cookies', () => {
  const cookie = signedCookie('chuyi_test', { secrets: ['s3cret-for-tests'], httpOnly: true, path: '/' });
  const header = async (value: string) => (await cookie.cookie.serialize(value)).split(';')[0];

  it('reads a genuine cookie, again and again', async () => {
    const genuine = await header('token-abc');
    expect(await cookie.read(genuine)).toBe('token-abc');
    expect(await cookie.read(`other=1; ${genuine}`)).toBe('token-abc');
    expect(await cookie.read(genuine)).toBe('token-abc');
  });

  it('refuses an altered value or signature, also once the genuine one is remembered', async () => {
    const genuine = await header('token-abc');
    await cookie.read(genuine);
    const [name, value] = genuine.split('=');
    const [payload, signature] = decodeURIComponent(value).split('.');
    const altered = `${name}=${encodeURIComponent(`${Buffer.from(JSON.stringify('token-abd')).toString('base64')}.${signature}`)}`;
    const badSignature = `${name}=${encodeURIComponent(`${payload}.${signature.slice(0, -2)}xx`)}`;
    for (const forged of [altered, badSignature]) {
      expect(await cookie.read(forged)).toBeFalsy();
      expect(await cookie.read(forged)).toBeFalsy();
    }
    expect(await cookie.read(null)).toBeNull();
  });

  it('makes one cookie per configuration, with that configuration’s secret', async () => {
    const of = perConfig((config: { secret: string }) => signedCookie('chuyi_test', { secrets: [config.secret] }));
    const a = { secret: 'secret-a' };
    const b = { secret: 'secret-b' };
    expect(of(a)).toBe(of(a));
    const fromA = (await of(a).cookie.serialize('x')).split(';')[0];
    expect(await of(a).read(fromA)).toBe('x');
    expect(await of(b).read(fromA)).toBeFalsy();
  });
});
