/**
 * A seeded pseudo-random stream for 抽查 samples: the same seed always yields the same numbers,
 * so a stored sample can be redrawn and checked. The seed text is hashed (FNV-1a, 32 bits) and
 * drives mulberry32; neither is cryptographic, which a reproducible sample does not need.
 */
export type RandomStream = () => number;

/** FNV-1a over the UTF-16 code units of the seed text. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Numbers in [0, 1) from the seed text. */
export function seededRandom(seed: string): RandomStream {
  return mulberry32(hashSeed(seed));
}

/** mulberry32: numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): RandomStream {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of a copy, driven by the stream. */
export function shuffled<T>(items: readonly T[], random: RandomStream): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
