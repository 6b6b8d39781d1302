/** The draw (抽签) and the anonymous codes (一次加密, 二次加密): replayable from a recorded seed. */

/** A seed string to a 32-bit state (FNV-1a), so a recorded seed replays the same draw. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32 over the seed: the same seed gives the same sequence on every machine. */
export function seededRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates over ids sorted first, so the input order cannot change the outcome. */
export function drawOrder<T extends number>(ids: readonly T[], seed: string): T[] {
  const out = [...ids].sort((a, b) => a - b);
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * `count` distinct codes such as J047 or W3816, drawn from a random source. The two stages use
 * different prefixes and independent sources, so a check-in code says nothing of a work code.
 */
export function distinctCodes(count: number, prefix: string, digits: number, random: () => number): string[] {
  const space = 10 ** digits;
  if (count > space / 2) throw new Error(`too many codes for ${digits} digits`);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(prefix + String(Math.floor(random() * space)).padStart(digits, '0'));
  return [...codes];
}
